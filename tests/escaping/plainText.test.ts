import fc from 'fast-check';
import { plainText } from '../../src/language/plainText';

describe('plainText: what imported data keeps', () => {
  it.each([
    ['Lieu d’accueil enfants-parents', 'Lieu d’accueil enfants-parents'],
    // Tags go, their text stays; a tag that breaks lines leaves a line break.
    ['<b>LAEP</b> La Ribambelle', 'LAEP La Ribambelle'],
    ['Accueil<img src="http://127.0.0.1:9/beacon"> libre', 'Accueil libre'],
    ['<a href="javascript:alert(1)">Café</a> des parents', 'Café des parents'],
    ['<p>Un</p><p>Deux</p>', '\nUn\n\nDeux\n'],
    ['Un<br/>deux', 'Un\ndeux'],
    ['<a title="3 > 2">lien</a>', 'lien'],
    ["<b l'enfant>x</b>", 'x'],
    // Comments, declarations, processing instructions; CDATA keeps its text.
    ['avant<!-- caché -->après', 'avantaprès'],
    ['<!DOCTYPE html><?xml version="1.0"?>texte', 'texte'],
    ['<![CDATA[a > b]]>', 'a > b'],
    // Code is not text.
    ['<script>alert(1)</script>Bonjour', 'Bonjour'],
    ['<STYLE type="text/css">p { color: red }</style>Bonjour', 'Bonjour'],
    ['<script>alert(1)', 'alert(1)'],
    // References are decoded once, before tags are read.
    ['Parents &amp; enfants', 'Parents & enfants'],
    ['&lt;img src=x onerror=alert(1)&gt;Nom', 'Nom'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['&#233;t&#xE9;', 'été'],
    ['&eacute;coute &laquo;parents&raquo;', 'écoute «parents»'],
    ['&inconnu; &#0; &#xD800; &#99999999;', '&inconnu;   &#99999999;'],
    // A `<` that opens no tag is text.
    ['moins de 3 ans < 6', 'moins de 3 ans < 6'],
    ['enfants <6 ans, <= 10, <3', 'enfants <6 ans, <= 10, <3'],
    ['a < b et c > d', 'a < b et c > d'],
    ['<img src=x onerror=alert(1)', '<img src=x onerror=alert(1)'],
    ['<!-- jamais fermé', '<!-- jamais fermé'],
    // Control and reordering characters go; tabs and line breaks stay.
    ['Nom\u0000\u0007\u202e\u2066 caché\ufeff', 'Nom caché'],
    ['colonne\tsuite\r\nligne', 'colonne\tsuite\r\nligne'],
    ['emoji 👨‍👩‍👧 gardé', 'emoji 👨‍👩‍👧 gardé'],
    ['moitié \ud83d seule', 'moitié  seule'],
  ])('%j → %j', (raw, plain) => {
    expect(plainText(raw)).toBe(plain);
  });

  const textWithoutMarkup = fc.string({ unit: 'grapheme' }).filter((s) => !/[<&\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/.test(s));

  it('leaves text without markup as it is', () => {
    fc.assert(fc.property(textWithoutMarkup, (text) => plainText(text) === text));
  });

  it('leaves no tag, whatever it is given, and is stable once applied', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('<', '>', '&', '&lt;', '&gt;', '&amp;', '"', "'", '/', '!', '?', '-->', '<!--', ']]>', '<![CDATA[', 'img', 'script', ' ', 'a', '='),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const plain = plainText(pieces.join(''));
        // What is left is text: a second pass only decodes what the first left encoded, and finds no tag.
        const again = plainText(plain.replace(/&/g, '&amp;'));
        return again === plain;
      }),
      { numRuns: 500 },
    );
  });

  it('reads a long text full of unclosed tags in one pass', () => {
    // Each `<a "` would, read naively, be searched to the end of the text: a quadratic time on hostile files.
    const hostile = '<a "'.repeat(50_000) + '<!--'.repeat(50_000);
    expect(plainText(hostile).length).toBeGreaterThan(0);
  });
});

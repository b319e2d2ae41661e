import fc from 'fast-check';
import { telUrl, webUrl } from '../../src/cards/links';
import { boldMarkdown, escapeMarkdown, speakableText } from '../../src/language/markdown';
import { markdownProblems, renderMarkdown, visibleText } from './markdownOracle';

const shown = (text: string) => visibleText(renderMarkdown(text));

describe('escapeMarkdown: data in a reply or a card', () => {
  it.each([
    ['LAEP La Ribambelle', 'LAEP La Ribambelle'],
    ['<img src="http://127.0.0.1:9/beacon">', '&lt;img src="http://127.0.0.1:9/beacon"&gt;'],
    ['![x](http://127.0.0.1:9/i.png)', '!\\[x\\](http://127.0.0.1:9/i.png)'],
    ['[clic](javascript:alert(1))', '\\[clic\\](javascript:alert(1))'],
    ['**gras** _souligné_ `code` ~~barré~~ a|b', '\\*\\*gras\\*\\* \\_souligné\\_ \\`code\\` \\~\\~barré\\~\\~ a\\|b'],
    ['Parents &amp; enfants', 'Parents &amp;amp; enfants'],
    ['Parents & enfants', 'Parents & enfants'],
    ['# Titre', '\\# Titre'],
    ['- puce', '\\- puce'],
    ['12. ordre', '12\\. ordre'],
    ['> citation', '&gt; citation'],
    ['ligne 1\n\nligne\t2\u0000', 'ligne 1 ligne 2'],
    ['fin\\', 'fin\\\\'],
  ])('%j → %j', (data, markdown) => {
    expect(escapeMarkdown(data)).toBe(markdown);
  });

  it.each([
    '<img src="http://127.0.0.1:9/beacon"> LAEP',
    '<a href="http://evil.example">lien</a>',
    '![x](http://127.0.0.1:9/i.png)',
    '[a](javascript:alert(1))',
    '[[imbriqué](http://a.example)](http://b.example)',
    '<http://evil.example/auto>',
    '`code` et ```bloc```',
    '<!-- commentaire -->',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '# titre',
    '    indenté',
    '---',
    '1. un',
    '[x]: http://evil.example',
  ])('%j is shown as written, and makes nothing but text', (data) => {
    const markdown = escapeMarkdown(data);
    expect(markdownProblems(markdown)).toEqual([]);
    expect(shown(markdown)).toBe(data.replace(/\s+/g, ' ').trim());
  });

  it('shows any text as written, with nothing but a paragraph around it', () => {
    const special = fc.constantFrom(...'<>&[]()!`*_~#-+=.|\\:/"\' \n\t1'.split(''), '&lt;', '&#60;', '<img src=x>', '<a href=x>', '](', '![', '<!--', '-->');
    const text = fc.array(fc.oneof(special, fc.string({ unit: 'grapheme' })), { maxLength: 25 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (data) => {
        const markdown = escapeMarkdown(data);
        const problems = markdownProblems(markdown);
        const expected = data.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').replace(/\s+/g, ' ').trim();
        return problems.length === 0 && shown(markdown) === expected;
      }),
      { numRuns: 1000 },
    );
  });

  it('puts text in bold only when there is some', () => {
    expect(boldMarkdown('Café *des* parents')).toBe('**Café \\*des\\* parents**');
    expect(boldMarkdown('\u0000 ')).toBe('');
  });

  it('gives SSML no element to open', () => {
    expect(speakableText('LAEP <break time="9s"/> & co')).toBe('LAEP &lt;break time="9s"/&gt; &amp; co');
  });
});

describe('links: the only addresses a button opens', () => {
  it.each([
    ['https://ribambelle.example.org/', 'https://ribambelle.example.org/'],
    ['ribambelle.example.org', 'https://ribambelle.example.org/'],
    ['http://example.org/a?b=c', 'http://example.org/a?b=c'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox', null],
    ['file:///etc/passwd', null],
    ['https://bank.example@evil.example/', null],
    ['https://exa mple.org', null],
    ['"><img src=x>', null],
    ['', null],
  ])('web %j → %j', (raw, url) => {
    expect(webUrl(raw)).toBe(url);
  });

  it.each([
    ['04 65 71 10 03', 'tel:0465711003'],
    ['+33 4 65 71 10 03', 'tel:+33465711003'],
    ['pas un numéro', null],
    ['javascript:alert(1)', null],
  ])('phone %j → %j', (raw, url) => {
    expect(telUrl(raw)).toBe(url);
  });
});

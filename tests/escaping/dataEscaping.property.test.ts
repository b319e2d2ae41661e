import fc from 'fast-check';
import { DateTime } from 'luxon';
import { CommuneIndex } from '../../src/geo';
import { answerOfferQuery } from '../../dialogs/findSupport/answer';
import { readOfferMessage, buildOffer, OfferIndex, type OfferService, type OfferTurn } from '../../src/offer';
import { buildServices } from '../../src/offer/buildServices';
import { answerSheetQuestion, parseSheetText, SheetIndex, type SheetTurn, readSheetQuestion } from '../../src/sheets';
import type { Sheet } from '../../src/sheets/model';
import { cardProblems, cardVisibleText, markdownProblems, renderMarkdown, visibleText } from './markdownOracle';

/**
 * Hostile text in every field of the offer and of the sheets that a reply or a card shows: whatever it holds, what
 * the bot sends renders (with Web Chat's Markdown engine, raw HTML on) to text, bold and lists only — no tag of the
 * data, no image, no link — its buttons open only vetted addresses, and the words around the markup are still read.
 * Each property runs twice: through the import (the data stripped, then escaped), and on data that skipped the import
 * (a prebuilt index written before stripping existed): escaping alone must hold.
 */

const communes = CommuneIndex.load();
// Tuesday 10 March 2026, 15:00 in Paris.
const now = DateTime.fromISO('2026-03-10T15:00:00', { zone: 'Europe/Paris' });
const RUNS = 60;

/** Markup that is complete in itself: what follows it is still text, so the words next to it must be read. */
const CLOSED_MARKUP = [
  '<img src="http://127.0.0.1:9/beacon">',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">clic</a>',
  '<a href=http://evil.example/>lien</a>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&amp;lt;b&amp;gt;',
  '![x](http://127.0.0.1:9/i.png)',
  '![](data:image/png;base64,AAAA)',
  '[a](javascript:alert(1))',
  '[[imbriqué](http://a.example)](http://b.example)',
  '[x]: http://evil.example',
  '<http://evil.example/auto>',
  '`code`',
  '```',
  '<!-- commentaire -->',
  '**gras**',
  '__souligné__',
  '*',
  '_',
  '~~barré~~',
  '# titre',
  '> citation',
  '- puce',
  '1. un',
  '\\',
  '<script>alert(1)</script>',
  '<style>p{}</style>',
  '\u202e',
  '\u0000',
  '\u0007',
  '< 6 ans',
  '&',
  '&nbsp;',
  '👨‍👩‍👧',
  '|a|b|',
  '---',
  '<br>',
  '</p>',
  '<?xml version="1.0"?>',
  '<![CDATA[x]]>',
  'javascript:alert(1)',
  '"\'',
];
/** Markup that may swallow what follows it (an unclosed tag, comment or script): only safety is checked with it. */
const OPEN_MARKUP = ['<img src="http://127.0.0.1:9/beacon"', '<a href="', '<!--', '<script>', '&#60;script&#62;', 'a<b', '<', '>', '](', '!['];

/** Hostile pieces around a word that must still be read. */
function around(word: string, markup: readonly string[] = CLOSED_MARKUP) {
  const piece = fc.oneof(fc.constantFrom(...markup), fc.string({ unit: 'grapheme-ascii', maxLength: 6 }).map((s) => s.replace(/[<&]/g, ' ')));
  const pieces = fc.array(piece, { maxLength: 4 });
  return fc.tuple(pieces, pieces).map(([before, after]) => [...before, word, ...after].join(' '));
}
/**
 * In a sheet, a NUL makes the file binary, refused as a whole, and a tag that breaks lines (`<br>`, `</p>`) starts a new
 * line of the sheet, as it did on the page it came from: the sheets' words are checked without them.
 */
const SHEET_MARKUP = CLOSED_MARKUP.filter((markup) => !['\u0000', '<br>', '</p>'].includes(markup));

/** Anything at all. */
const anyText = fc
  .array(fc.oneof(fc.constantFrom(...CLOSED_MARKUP, ...OPEN_MARKUP), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 6 })
  .map((pieces) => pieces.join(''));

function turnProblems(turn: { text: string; cards: object[] }): string[] {
  return [...markdownProblems(turn.text), ...turn.cards.flatMap(cardProblems)];
}

function shownText(turn: { text: string; cards: object[] }): string {
  return `${visibleText(renderMarkdown(turn.text))} ${turn.cards.map(cardVisibleText).join(' ')}`;
}

// ---- the offer -------------------------------------------------------------------------------------------------------

type OfferFields = { name: string; structureName: string; description: string; address: string; phone: string; website: string; query: string };

function offerRecords(fields: OfferFields): { structures: object[]; services: object[] } {
  const structure = {
    id: 'structure-1',
    nom: fields.structureName,
    commune: 'Givors',
    code_insee: '69091',
    code_postal: '69700',
    adresse: fields.address,
    telephone: fields.phone,
    site_web: fields.website,
  };
  const service = {
    id: 'service-1',
    structure_id: 'structure-1',
    nom: `LAEP ${fields.name}`,
    description: `Lieu d'accueil enfants-parents. ${fields.description}`,
    commune: 'Givors',
    code_insee: '69091',
    code_postal: '69700',
    adresse: fields.address,
    latitude: 45.591,
    longitude: 4.769,
    telephone: fields.phone,
    site_web: fields.website,
    horaires_accueil: 'Mo-Fr 09:00-17:00',
  };
  return { structures: [structure], services: [service] };
}

function importedOffer(fields: OfferFields): OfferIndex {
  const { structures, services } = offerRecords(fields);
  return buildOffer(structures, services, communes).offer;
}

/** A tag by plainText's rule, or a control character: neither may be left by an import. */
const MARKUP_LEFT = /<[A-Za-z!?/]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The same service as an index written before imports stripped anything: the raw values reach the replies. */
function unstrippedOffer(fields: OfferFields): OfferIndex {
  const service: OfferService = {
    id: 'service-1',
    structureId: 'structure-1',
    name: `LAEP ${fields.name}`,
    structureName: fields.structureName,
    summary: fields.description,
    address: fields.address,
    postcode: '69700',
    communeCode: '69091',
    communeName: 'Givors',
    region: 'Auvergne-Rhône-Alpes',
    latitude: 45.591,
    longitude: 4.769,
    located: 'service',
    phone: fields.phone,
    email: null,
    website: fields.website,
    hours: 'Mo-Fr 09:00-17:00',
    hoursFrom: 'service',
    kinds: ['laep'],
    audiences: [],
    ages: null,
    inPerson: true,
    remote: false,
    zone: null,
    family: true,
    free: true,
  };
  return OfferIndex.build([service], ['laep ribambelle'], new Map());
}

function askOffer(offer: OfferIndex, query: string): OfferTurn {
  return answerOfferQuery(offer, communes, readOfferMessage(query, now, communes), {}, { now, language: 'fr' });
}

const wordedOffer = fc.record({
  name: around('Ribambelle'),
  structureName: around('Farandole'),
  description: around('Comptines'),
  address: around('Anatole'),
  phone: fc.constantFrom('04 65 71 10 03', '<a href="tel:1">04 65 71 10 03</a>', '04 65 71 10 03 ![x](http://127.0.0.1:9/p)'),
  website: fc.constantFrom('https://ribambelle.example.org/', 'javascript:alert(1)', 'data:text/html,<b>x</b>', '<img src=x>'),
  query: fc.constant('un LAEP à Givors'),
});
const anyOffer = fc.record({
  name: anyText,
  structureName: anyText,
  description: anyText,
  address: anyText,
  phone: anyText,
  website: anyText,
  query: anyText.map((words) => `un LAEP à Givors ${words}`),
});

describe('offer data in replies and cards', () => {
  it('is stored without tags or control characters, its words kept', () => {
    fc.assert(
      fc.property(wordedOffer, (fields) => {
        const { structures, services } = offerRecords(fields);
        const built = buildServices([{ file: 'structures.json', records: structures }], [{ file: 'services.json', records: services }], communes);
        const service = built.services.find((entry) => entry.id === 'service-1');
        expect(service).toBeDefined();
        const stored = [service?.name, service?.structureName, service?.summary, service?.address, service?.phone, service?.website];
        for (const text of stored) expect({ text, markup: MARKUP_LEFT.test(text ?? '') }).toEqual({ text, markup: false });
        expect(stored.join(' ')).toEqual(expect.stringMatching(/Ribambelle[^]*Farandole[^]*Comptines[^]*Anatole/));
        expect([null, 'https://ribambelle.example.org/']).toContain(service?.website);
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['through the import', importedOffer],
    ['without the import', unstrippedOffer],
  ])('shows the words of hostile names, descriptions and addresses, and nothing of their markup (%s)', (_how, build) => {
    fc.assert(
      fc.property(wordedOffer, (fields) => {
        const turn = askOffer(build(fields), fields.query);
        expect(turn.cards.length).toBe(1);
        expect(turnProblems(turn)).toEqual([]);
        const shown = shownText(turn);
        for (const word of ['Ribambelle', 'Farandole', 'Comptines', 'Anatole']) expect(shown).toContain(word);
        // One presentation: the service is told in its card, not listed again in the text.
        expect(visibleText(renderMarkdown(turn.text))).not.toContain('Ribambelle');
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['through the import', importedOffer],
    ['without the import', unstrippedOffer],
  ])('makes no tag, image or link of any text, in the data or in what the parent types (%s)', (_how, build) => {
    fc.assert(
      fc.property(anyOffer, (fields) => {
        const offer = build(fields);
        // The search may or may not find the service among such words: whatever is said must be safe.
        expect(turnProblems(askOffer(offer, fields.query))).toEqual([]);
        expect(turnProblems(askOffer(offer, 'un LAEP à Givors'))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- the sheets ------------------------------------------------------------------------------------------------------

type SheetFields = { title: string; plan: string; pilot: string; partner: string; action: string; heading: string };

const SHEET_QUESTIONS = [
  'parle-moi de la PA 9.8.7',
  'qui pilote la PA 9.8.7',
  'quels sont les partenaires de la PA 9.8.7',
  "quelle est l'action 1 de la PA 9.8.7",
  'quelles fiches parlent de ribambelle',
  'points de vigilance de la PA 9.8.7',
];

/** A sheet in the Rhône layout; fields are one line each, as a field of a sheet is. */
function sheetText(fields: SheetFields): string {
  const line = (text: string) => text.replace(/[\r\n]+/g, ' ');
  return [
    `PA 9.8.7 - RIBAMBELLE ${line(fields.title)}`,
    '',
    'PILOTAGE',
    `- ${line(fields.pilot)}`,
    '',
    'PARTENAIRES',
    `- ${line(fields.partner)}`,
    '',
    'ACTIONS',
    `1. ${line(fields.action)}`,
    '',
    `POINTS DE VIGILANCE ${line(fields.heading)}`,
    '',
    '- Ribambelle vigilante',
    '',
  ].join('\n');
}

function importedSheet(fields: SheetFields): Sheet | null {
  const parsed = parseSheetText(sheetText(fields), { file: 'plan/pa-9.8.7.txt', plan: { id: 'plan-test', title: `Plan ${fields.plan}` } });
  return parsed.ok ? parsed.sheet : null;
}

/** The same sheet with its texts put back raw after parsing, as if its source had never been stripped. */
function unstrippedSheet(fields: SheetFields): Sheet | null {
  const markers: SheetFields = { title: 'MARKTITLE', plan: 'MARKPLAN', pilot: 'MARKPILOT', partner: 'MARKPARTNER', action: 'MARKACTION', heading: 'MARKHEADING' };
  const parsed = parseSheetText(sheetText(markers), { file: 'plan/pa-9.8.7.txt', plan: { id: 'plan-test', title: `Plan ${markers.plan}` } });
  if (!parsed.ok) return null;
  let json = JSON.stringify(parsed.sheet);
  for (const key of Object.keys(markers) as Array<keyof SheetFields>) {
    // The title is read in sentence case ("Marktitle"); both spellings are markers.
    json = json.replace(new RegExp(markers[key], 'gi'), () => JSON.stringify(fields[key]).slice(1, -1));
  }
  return JSON.parse(json) as Sheet;
}

function askSheets(sheet: Sheet, question: string): SheetTurn {
  return answerSheetQuestion(SheetIndex.build([sheet]), readSheetQuestion(SheetIndex.build([sheet]), question), {}, 'fr');
}

const wordedSheet = fc.record({
  title: around('Farandole', SHEET_MARKUP),
  plan: around('Comptines', SHEET_MARKUP),
  pilot: around('Ribambelle', SHEET_MARKUP),
  partner: around('Anatole', SHEET_MARKUP),
  action: around('Berceuse', SHEET_MARKUP),
  heading: around('Vigilance', SHEET_MARKUP),
});
const anySheet = fc.record({ title: anyText, plan: anyText, pilot: anyText, partner: anyText, action: anyText, heading: anyText });

describe('sheet texts in replies and cards', () => {
  it('are stored without tags or control characters, their words kept', () => {
    fc.assert(
      fc.property(wordedSheet, (fields) => {
        const sheet = importedSheet(fields);
        expect(sheet).not.toBeNull();
        if (!sheet) return;
        const stored = [sheet.title, ...sheet.sections.flatMap((section) => [section.heading, ...section.items.map((item) => item.text)]), ...sheet.actions.flatMap((action) => action.items)];
        for (const text of stored) expect({ text, markup: MARKUP_LEFT.test(text) }).toEqual({ text, markup: false });
        for (const word of ['Farandole', 'Ribambelle', 'Anatole', 'Berceuse']) expect(stored.join(' ')).toContain(word);
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['through the import', importedSheet],
    ['without the import', unstrippedSheet],
  ])('shows the words of hostile titles, plans and fields, and nothing of their markup (%s)', (_how, build) => {
    fc.assert(
      fc.property(wordedSheet, (fields) => {
        const sheet = build(fields);
        expect(sheet).not.toBeNull();
        if (!sheet) return;
        const expected: Record<string, string[]> = {
          'parle-moi de la PA 9.8.7': ['Farandole', 'Comptines', 'Ribambelle', 'Berceuse'],
          'qui pilote la PA 9.8.7': ['Farandole', 'Comptines', 'Ribambelle'],
          'quels sont les partenaires de la PA 9.8.7': ['Anatole'],
          "quelle est l'action 1 de la PA 9.8.7": ['Berceuse'],
        };
        for (const question of SHEET_QUESTIONS) {
          const turn = askSheets(sheet, question);
          expect({ question, problems: turnProblems(turn) }).toEqual({ question, problems: [] });
          const shown = shownText(turn);
          for (const word of expected[question] ?? []) expect({ question, word, found: shown.includes(word) }).toEqual({ question, word, found: true });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['through the import', importedSheet],
    ['without the import', unstrippedSheet],
  ])('makes no tag, image or link of any text (%s)', (_how, build) => {
    fc.assert(
      fc.property(anySheet, (fields) => {
        const sheet = build(fields);
        if (!sheet) return;
        for (const question of [...SHEET_QUESTIONS, 'que veut dire RIBAMBELLE', `que veut dire ${fields.title}`]) {
          expect({ question, problems: turnProblems(askSheets(sheet, question)) }).toEqual({ question, problems: [] });
        }
      }),
      { numRuns: RUNS },
    );
  });
});

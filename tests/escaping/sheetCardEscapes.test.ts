import fc from 'fast-check';
import { sheetCard, type CardLine } from '../../src/cards/sheetCards';
import type { Sheet } from '../../src/sheets';
import { cardProblems, cardVisibleText } from './markdownOracle';

/**
 * Teams clients print some Markdown escapes as they are (QA partners 2, N12: « • 5\.1 — Action », « – 4\.3.1 »): a
 * sheet card escapes only what its Markdown would misread, and still shows any text as written.
 */

const SHEET: Sheet = {
  id: 'p/5',
  plan: { id: 'p', title: 'Plan de test' },
  file: 'p/5.md',
  prefix: 'FICHE',
  number: '5',
  code: 'FICHE 5',
  title: 'Une fiche',
  axis: [],
  sections: [],
  actions: [],
  deadlines: [],
};

function cardOf(lines: CardLine[]): object {
  return sheetCard({ sheet: SHEET, language: 'fr', blocks: [{ heading: '4.2 Actions', lines }], withWholeSheet: false });
}

function texts(card: object): string[] {
  return JSON.stringify(card).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? [];
}

describe('sheet cards show numbered texts with no escape to see', () => {
  it('writes « 5.1 — … », « 4.3.1 … » and a numbered item « 4.3.1. » without a backslash', () => {
    const card = cardOf([
      { text: '5.1 — Action : Cartographier les solutions de répit' },
      { text: '4.3.1 Ateliers parents-enfants', level: 1 },
      { text: 'Former les animateurs', number: '4.3.1' },
      { text: '- un tiret en tête' },
    ]);
    const all = texts(card).join('\n');
    expect(all).not.toMatch(/\d\\\\\./);
    expect(all).toContain('• 5.1 — Action');
    expect(all).toContain('– 4.3.1 Ateliers');
    expect(all).toContain('4.3.1. Former');
    expect(all).toContain('• - un tiret');
    expect(all).toContain('"text":"4.2 Actions"');
    expect(cardProblems(card)).toEqual([]);
  });

  it('still escapes a number that would open a list at a line start, and any hostile item (property)', () => {
    const special = fc.constantFrom('1. ', '5.1 ', '- ', '# ', '> ', '* ', '+ ', '= ', '<img src=x>', '[a](javascript:x)', '`', '_', '\\', '12) ', '4.3.1');
    const text = fc.array(fc.oneof(special, fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom<CardLine['level']>(0, 1), fc.option(fc.constantFrom('2', '4.3.1', 'B'), { nil: undefined }), (typed, level, number) => {
        const card = sheetCard({ sheet: SHEET, language: 'fr', blocks: [{ heading: typed, lines: [{ text: typed, level, ...(number ? { number } : {}) }] }], withWholeSheet: false });
        expect(cardProblems(card)).toEqual([]);
        const shown = cardVisibleText(card).replace(/\s+/g, ' ');
        const expected = typed.replace(/\s+/g, ' ').trim();
        if (expected.length > 0) expect(shown).toContain(expected);
      }),
      { numRuns: 300 },
    );
  });
});

import { join } from 'node:path';
import { SheetIndex, answerSheetQuestion, loadSheetKnowledge, parseSheetText, sheetQuestionScore, type Sheet, readSheetQuestion } from '../../src/sheets';
import { generateSheets } from '../../bench/generate/sheets';

const seeds = loadSheetKnowledge(join(__dirname, '../../knowledge/sheets'));
const index = SheetIndex.build(seeds.sheets);

describe('exact lookup of sheet numbers', () => {
  it('finds a sheet by its dotted number or its digits, never by tokens of it', () => {
    expect(index.findByNumber({ number: '3.2.1', digits: '321' }).map((sheet) => sheet.code)).toEqual(['PA 3.2.1']);
    expect(index.findByNumber({ digits: '125' }).map((sheet) => sheet.code)).toEqual(['FICHE 1.2.5']);
    expect(index.findByNumber({ number: '3.2', digits: '32' })).toEqual([]);
    expect(index.findByNumber({ number: '2.1.3', digits: '213' })).toEqual([]);
  });

  it('takes « 12 » for the sheet numbered 12 when there is one, and for « 1.2 » only when there is none', () => {
    const plan = (id: string) => ({ id, title: `Plan ${id}` });
    const sheet = (planId: string, code: string) => {
      const outcome = parseSheetText(`${code} – Une fiche\n\nPILOTAGE\n\nCaf\n`, { file: `${planId}.txt`, plan: plan(planId) });
      if (!outcome.ok) throw new Error(outcome.reason);
      return outcome.sheet;
    };
    const both = SheetIndex.build([sheet('isere', 'FICHE ACTION 1.2'), sheet('puy-de-dome', 'FICHE ACTION 12')]);
    expect(both.findByNumber({ digits: '12' }).map((found) => found.plan.id)).toEqual(['puy-de-dome']);
    expect(both.findByNumber({ number: '1.2', digits: '12' }).map((found) => found.plan.id)).toEqual(['isere']);
    const dotted = SheetIndex.build([sheet('isere', 'FICHE ACTION 1.2')]);
    expect(dotted.findByNumber({ digits: '12' }).map((found) => found.plan.id)).toEqual(['isere']);
  });

  it('lists the sheets under an axis and the neighbours of an unknown number', () => {
    expect(index.sheetsUnderAxis('2.3').map((sheet) => sheet.code).sort()).toEqual(['PA 2.3.2', 'PA 2.3.3']);
    expect(index.neighbours({ number: '3.2.9', digits: '329' }).map((sheet) => sheet.code)).toEqual(['PA 3.2.1']);
    expect(index.neighbours({ number: '8.8.8', digits: '888' })).toEqual([]);
  });
});

describe('full-text search', () => {
  const best = (words: string[]) => index.search(index.resolveTerms(words))[0];

  it('finds the best sheet and its best passage', () => {
    const match = best(['familles', 'echange', 'autres', 'parents']);
    expect(match.sheet.code).toBe('PA 2.3.2');
    expect(match.passages[0].passage.text).toContain('48%');
  });

  it('folds accents and plurals, and does not over-stem', () => {
    expect(best(['conseils', 'locaux'])?.sheet.code).toBe('PA 3.2.1');
    expect(best(['conseil', 'local'])?.sheet.code).toBe('PA 3.2.1');
    expect(best(['parentalité'])).toBeDefined();
    // "parents" and "parentalité" are different words: the first must not match a passage that only has the second.
    const parents = index.resolveTerms(['parents'])[0];
    expect(parents.variants).not.toContain('parentalite');
  });

  it('corrects a typo against the vocabulary of the sheets', () => {
    const [term] = index.resolveTerms(['monoparantales']);
    expect(term).toMatchObject({ corrected: true, known: true });
    expect(best(['promeneurr', 'net'])?.sheet.code).toBe('FICHE 1.2.5');
  });

  it('weighs a question word no sheet holds, so that half a match is not a match', () => {
    const terms = index.resolveTerms(['laep', 'givors']);
    expect(terms.find((term) => term.typed === 'givors')?.known).toBe(false);
    expect(index.search(terms)[0].coverage).toBeLessThan(0.55);
  });

  it('restricts the search to fields, plans or sheets', () => {
    const terms = index.resolveTerms(['caf', 'rhone']);
    const pilots = index.search(terms, { fields: ['pilot'] }).map((match) => match.sheet.code).sort();
    // PA 2.3.2 names the Caf du Rhône among its partners only: it is not listed.
    expect(pilots).toEqual(['FICHE 1.2.5', 'PA 2.3.3', 'PA 3.1.2']);
    expect(index.search(terms, { planIds: ['rhone-sdsf'] }).every((match) => match.sheet.plan.id === 'rhone-sdsf')).toBe(true);
    expect(index.search(terms, { sheetIds: ['rhone-sdsf/3.2.1'] }).map((match) => match.sheet.id)).toEqual(['rhone-sdsf/3.2.1']);
  });

  it('finds the sheets that hold a word', () => {
    expect(index.sheetsHolding('udaf').map((found) => found.sheet.code)).toEqual(['PA 2.3.2']);
    expect(index.sheetsHolding('udaf')[0].passage.text).toBe("L'Udaf 69");
  });
});

describe('a thousand generated sheets', () => {
  const generated = generateSheets(1_000);
  const sheets: Sheet[] = [];
  const problems: string[] = [];
  for (const file of generated) {
    const outcome = parseSheetText(file.text, { file: file.file, plan: file.plan });
    if (outcome.ok) sheets.push(outcome.sheet);
    else problems.push(`${file.file}: ${outcome.reason}`);
  }
  const big = SheetIndex.build(sheets);

  it('are generated the same way each time, in both layouts and in Markdown', () => {
    expect(generateSheets(3)).toEqual(generateSheets(3));
    expect(generated.some((file) => file.text.includes('\tAnimateur'))).toBe(true);
    expect(generated.some((file) => file.text.includes('PILOTAGE / COORDINATION'))).toBe(true);
    expect(generated.some((file) => file.file.endsWith('.md'))).toBe(true);
  });

  it('all parse, each with its sections, actions and deadlines', () => {
    expect(problems).toEqual([]);
    expect(sheets).toHaveLength(1_000);
    expect(new Set(sheets.map((sheet) => sheet.id)).size).toBe(1_000);
    for (const sheet of sheets) {
      expect(sheet.sections.some((section) => section.field === 'pilot' && section.items.length > 0)).toBe(true);
      expect(sheet.actions.length).toBeGreaterThanOrEqual(2);
      expect(sheet.deadlines.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('are searched and answered from', () => {
    const sheet = sheets[123];
    const words = sheet.sections.find((section) => section.field === 'context')?.items[0].text.split(' ').slice(0, 6) ?? [];
    const found = big.search(big.resolveTerms(words)).slice(0, 5).map((match) => match.sheet.id);
    expect(found).toContain(sheet.id);
    const turn = answerSheetQuestion(big, readSheetQuestion(big, `qui pilote la ${sheet.code} du plan « ${sheet.plan.title} » ?`), {}, 'fr');
    expect(turn.outcome).toBe('answered');
    expect(turn.conversation.currentSheetIds).toEqual([sheet.id]);
    expect(sheetQuestionScore(big, readSheetQuestion(big, 'un LAEP à Givors'), {})).toBeLessThan(0.2);
  });

  it('asks which plan when a number exists in many of them', () => {
    expect(answerSheetQuestion(big, readSheetQuestion(big, 'qui pilote la PA 1.1.1 ?'), {}, 'fr').outcome).toBe('clarify');
  });
});

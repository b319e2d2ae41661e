import { join } from 'node:path';
import { SheetIndex, answerSheetQuestion, loadSheetKnowledge, sheetQuestionScore } from '../../src/sheets';

const index = SheetIndex.build(loadSheetKnowledge(join(__dirname, '../../knowledge/sheets')).sheets);
const score = (text: string, conversation = {}) => sheetQuestionScore(index, text, conversation);

describe('how much a message reads like a question on the sheets', () => {
  it.each([
    'qui pilote la PA 3.2.1 ?',
    'ki pilote la pa 321',
    'PA 9.9.9',
    'quelles fiches parlent des LAEP',
    'quelles fiches impliquent l’Udaf 69 ?',
    'que veut dire CTG ?',
    "qui pilote la fiche sur l'entraide entre parents ?",
    "les fiches de l'axe 2.3",
    'Who leads PA 3.2.1?',
  ])('high: %s', (text) => {
    expect(score(text)).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    'un LAEP à Givors',
    'un groupe de parole près de chez moi ouvert le samedi',
    'mon ado ne me parle plus, qui peut m’aider à Tours ?',
    'médiation familiale à Villeurbanne',
    'a parents group near me',
    '',
    '😀',
  ])('low: %s', (text) => {
    expect(score(text)).toBeLessThan(0.35);
  });

  it('rises for a short follow-up only while a sheet is being discussed', () => {
    expect(score('et ses indicateurs ?')).toBeLessThan(0.6);
    const { conversation } = answerSheetQuestion(index, 'parle-moi de la PA 3.2.1', {}, 'fr');
    expect(score('et ses indicateurs ?', conversation)).toBeGreaterThanOrEqual(0.8);
    expect(score("et l'action 3 ?", conversation)).toBeGreaterThanOrEqual(0.8);
  });

  it('stays between 0 and 1 whatever comes in', () => {
    for (const text of ['x'.repeat(10_000), '<script>', "'; DROP TABLE x; --", 'PA 1.1.1 PA 2.2.2 fiches fiches que veut dire']) {
      const value = score(text);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});

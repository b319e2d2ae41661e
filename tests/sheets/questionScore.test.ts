import { join } from 'node:path';
import { SheetIndex, answerSheetQuestion, loadSheetKnowledge, sheetQuestionScore, readSheetQuestion } from '../../src/sheets';

const index = SheetIndex.build(loadSheetKnowledge(join(__dirname, '../../knowledge/sheets')).sheets);
const score = (text: string, conversation = {}) => sheetQuestionScore(index, readSheetQuestion(index, text), conversation);

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
    const { conversation } = answerSheetQuestion(index, readSheetQuestion(index, 'parle-moi de la PA 3.2.1'), {}, 'fr');
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

describe('a score worked out only as far as it can still win', () => {
  const messages = [
    "qui pilote la fiche sur l'entraide entre parents ?",
    'quelles fiches concernent les familles monoparentales ?',
    'les familles monoparentales',
    'entraide entre parents',
    'un groupe de parole près de chez moi ouvert le samedi',
    'café des parents ouvert le samedi à Lyon 7',
    'je cherche quelqu’un à qui parler, je suis maman solo à Vaulx-en-Velin',
    'médiation familiale près de Tours',
    'soutien à la parentalité dans les quartiers',
    'qui pilote la PA 3.2.1 ?',
  ];
  const bars = [-0.05, 0, 0.1, 0.2, 0.3, 0.5, 0.75, 0.95];

  it.each(messages)('%s: the same score when it can reach the bar, a score below the bar when it cannot', (text) => {
    const full = score(text);
    for (const needed of bars) {
      const lazy = sheetQuestionScore(index, readSheetQuestion(index, text), {}, { needed });
      if (full >= needed) expect(lazy).toBe(full);
      else expect(lazy < needed || (lazy === 0 && full === 0)).toBe(true);
    }
  });

  it('skips the topic search only for messages that cannot win (a topic question always gets it)', () => {
    const topic = "qui pilote la fiche sur l'entraide entre parents ?";
    expect(sheetQuestionScore(index, readSheetQuestion(index, topic), {}, { needed: 0.5 })).toBe(score(topic));
    expect(score('entraide entre parents')).toBeGreaterThan(sheetQuestionScore(index, readSheetQuestion(index, 'entraide entre parents'), {}, { needed: 0.95 }));
  });
});

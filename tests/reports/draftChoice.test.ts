import fc from 'fast-check';
import { asksForAnotherReport, readDraftChoice } from '../../src/reports/reading/intent';

/** QA (reports, defect 5): the words of the choice between a draft under way and a new report, and of asking for a new one. */
describe('asking for another report', () => {
  test.each(['déclarer une nouvelle action', 'nouvelle déclaration', 'je voudrais faire une nouvelle déclaration', 'déclarer une autre action', 'I want to start a new report', 'report another action'])('%j asks for another one', (text) => {
    expect(asksForAnotherReport(text)).toBe(true);
  });

  test.each(['déclarer une action', 'reprendre ma déclaration', 'on a fait un café des parents avec une autre association hier, 12 parents', 'report an action'])('%j does not', (text) => {
    expect(asksForAnotherReport(text)).toBe(false);
  });
});

describe('the choice between the draft and a new report', () => {
  test.each([
    // The buttons' own words, read back.
    ['Reprendre ma déclaration', 'resume'],
    ['Commencer une nouvelle déclaration', 'new'],
    ['Supprimer le brouillon', 'drop'],
    ['Resume my report', 'resume'],
    ['Start a new report', 'new'],
    ['Delete the draft', 'drop'],
    // What people type instead.
    ['une nouvelle', 'new'],
    ['la nouvelle', 'new'],
    ['continuer', 'resume'],
    ['je la reprends', 'resume'],
    ['supprimer', 'drop'],
    ['supprimer et en commencer une nouvelle', 'new'],
    ['annuler', 'drop'],
  ])('%j → %s', (text, choice) => {
    expect(readDraftChoice(text)).toBe(choice);
  });

  test.each(['', 'bonjour', 'qui pilote la PA 3.2.1 ?', "c'est quoi une nouvelle déclaration ?", 'reprendre ou commencer une nouvelle', '14'])('%j chooses nothing', (text) => {
    expect(readDraftChoice(text)).toBeNull();
  });

  test('never throws, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.constant('nouvelle '.repeat(2000))), (text) => {
        const choice = readDraftChoice(text);
        return choice === null || ['resume', 'new', 'drop'].includes(choice);
      }),
    );
  });
});

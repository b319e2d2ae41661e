import fc from 'fast-check';
import { readReportIntent, readsAsQuestion } from '../../../src/reports/reading';

/** What a message asks of the report journey, and whether it asks something at all (issue 10's journey). */
describe('a report told in one sentence', () => {
  test.each([
    ['je veux déclarer un café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV', { kind: 'start', statement: false }],
    ['signaler un groupe de parole pour la PA 3.2.1', { kind: 'start', statement: false }],
    ['saisir 14 parents pour la PA 2.3.2', { kind: 'start', statement: false }],
    ['café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV', { kind: 'start', statement: true }],
    ['on a fait un café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV', { kind: 'start', statement: true }],
    ['nous avons organisé un atelier parents-enfants hier, 8 parents', { kind: 'start', statement: true }],
    ['déclarer une action', { kind: 'start', statement: false }],
  ])('%j → %j', (text, expected) => {
    expect(readReportIntent(text)).toEqual(expected);
  });

  test.each([
    'quels sont les indicateurs de la PA 2.3.2 ?',
    'combien de parents ont participé aux actions de la PA 2.3.2 cette année ?',
    'qui pilote la PA 3.2.1 ?',
    'PA 2.3.2',
    'signaler un problème avec la PA 2.3.2',
  ])('%j is not a report', (text) => {
    expect(readReportIntent(text)).toBeNull();
  });

  test.each([
    // Without a day gone by, or without who came, it may be a plan or a topic: a report only from an enrolled account.
    'café des parents pour la PA 2.3.2, 14 parents',
    'café des parents le 12 mars pour la PA 2.3.2',
  ])('%j is a report only from an enrolled account', (text) => {
    expect(readReportIntent(text)).toEqual({ kind: 'start', statement: true, enrolledOnly: true });
  });
});

describe('a message that asks something', () => {
  test.each([
    'qui pilote la PA 3.2.1 ?',
    'qui pilote la PA 3.2.1',
    'combien de parents ont participé aux actions de la PA 2.3.2 cette année ?',
    'et la PA 2.3.2, qui la pilote ?',
    'c’est quoi un café des parents ?',
    'Quels sont les indicateurs de la PA 2.3.2 ?',
    'what does PA 2.3.2 fund?',
  ])('%j asks', (text) => {
    expect(readsAsQuestion(text)).toBe(true);
  });

  test.each(['PA 2.3.2', '2.3.2', 'la fiche 2.3.2', 'c’est pour la PA 2.3.2', 'PA 2.3.2 ?', '14 ?', 'Café des parents', 'le 12 mars, où on était 14 parents', 'café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV'])(
    '%j answers',
    (text) => {
      expect(readsAsQuestion(text)).toBe(false);
    },
  );

  test('never throws, on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => {
        expect(typeof readsAsQuestion(text)).toBe('boolean');
        readReportIntent(text);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { findNumbers, readCount, readCountFor } from '../../../src/reports/reading';
import { englishWords, frenchWords } from './numberWords';

describe('a count typed as an answer', () => {
  test.each([
    ['14', { value: 14 }],
    ['douze', { value: 12 }],
    ['Douze !', { value: 12 }],
    ['vingt-cinq', { value: 25 }],
    ['quatre-vingt-dix-sept', { value: 97 }],
    ['soixante et onze', { value: 71 }],
    ['quatre vingt un', { value: 81 }],
    ['cent vingt', { value: 120 }],
    ['nonante-neuf', { value: 99 }],
    ['septante', { value: 70 }],
    ['1 200', { value: 1200 }],
    ['1\u202f200', { value: 1200 }],
    ['1.200', { value: 1200 }],
    ['twelve', { value: 12 }],
    ['one hundred and twenty', { value: 120 }],
    ['a hundred', { value: 100 }],
    ['aucun', { value: 0 }],
    ['Aucune', { value: 0 }],
    ['personne', { value: 0 }],
    ["il n'y en avait aucun", { value: 0 }],
    ['zéro', { value: 0 }],
    ['0', { value: 0 }],
    ['none', { value: 0 }],
    ['14 parents', { value: 14 }],
    ['environ 15', { value: 15 }],
    ['à peu près 15', { value: 15 }],
    ['14, oui 14', { value: 14 }],
    ['un groupe de 12', { value: 12 }],
    ['une', { value: 1 }],
    ['douz', { value: 12 }],
    ['quatorz', { value: 14 }],
    ['cinquente', { value: 50 }],
    ['une quinzaine', { problem: 'approximate' }],
    ['une vingtaine de parents', { problem: 'approximate' }],
    ['entre 10 et 15', { problem: 'approximate' }],
    ['10 à 15', { problem: 'approximate' }],
    ['10-15', { problem: 'approximate' }],
    ['plus de 20', { problem: 'approximate' }],
    ['a dozen', { problem: 'approximate' }],
    ['2,5', { problem: 'notANumber' }],
    ['-3', { problem: 'notANumber' }],
    ['2000000', { problem: 'tooLarge' }],
    ['14 parents dont 6', null],
    ['deux trois', null],
    ['je ne sais pas', null],
    ['dieu', null],
    ['douce', null],
    ['la seine', null],
    ['la PA 2.3.2', null],
    ['RPT-2026-000123', null],
    ['14h', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(readCount(text)).toEqual(expected);
  });
});

describe('numbers in a sentence', () => {
  test('each number with where it stands, digits or words', () => {
    const text = 'Quatorze parents, 6 du quartier prioritaire, 1 200 € de budget, 3,5 heures, la PA 2.3.2, le 12/03';
    expect(findNumbers(text)).toEqual([
      { value: 14, start: 0, end: 8 },
      { value: 6, start: 18, end: 19 },
    ]);
  });
  test('places are those of the text as typed, accents and ligatures included', () => {
    const text = 'Cœur : « dix-sept » enfants';
    const [found] = findNumbers(text);
    expect(text.slice(found.start, found.end)).toBe('dix-sept');
    expect(found.value).toBe(17);
  });
  test('elided articles are not numbers', () => {
    expect(findNumbers("l'un des parents, d'une famille")).toEqual([]);
  });
});

describe('properties', () => {
  test('readCount(String(n)) = n, up to the largest count; beyond, too large', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), (n) => {
        expect(readCount(String(n))).toEqual(n <= 1_000_000 ? { value: n } : { problem: 'tooLarge' });
      }),
    );
  });
  test('readCount of n grouped in thousands the French way = n', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => expect(readCount(n.toLocaleString('fr-FR'))).toEqual({ value: n })));
  });
  test('readCount(frenchWords(n)) = n for 0..9999, with spaces or hyphens', () => {
    for (let n = 0; n <= 9999; n++) {
      const words = frenchWords(n);
      expect([n, readCount(words)]).toEqual([n, { value: n }]);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.boolean(), (n, hyphens) => {
        const words = hyphens ? frenchWords(n).replace(/ /g, '-') : frenchWords(n).toUpperCase();
        expect(readCount(words)).toEqual({ value: n });
      }),
    );
  });
  test('readCount(englishWords(n)) = n', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), (n) => expect(readCount(englishWords(n))).toEqual({ value: n })));
  });
  test('a number word one letter off is still read, when it is long enough to be clear', () => {
    const words: Array<[string, number]> = [['douze', 12], ['quatorze', 14], ['quinze', 15], ['treize', 13], ['trente', 30], ['quarante', 40], ['soixante', 60]];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.nat(), ([word, value], at) => {
        const i = at % word.length;
        // Unless the typo makes a real word: « doze », « doue », « quine », « rente », « tente ».
        fc.pre(!['doze', 'doue', 'quine', 'rente', 'tente'].includes(word.slice(0, i) + word.slice(i + 1)));
        expect(readCount(word.slice(0, i) + word.slice(i + 1))).toEqual({ value });
      }),
    );
  });
  test('findNumbers finds a number placed anywhere in a sentence, where it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('on a accueilli', 'il y avait', 'avec'), fc.boolean(), (n, before, inWords) => {
        const written = inWords ? frenchWords(n) : String(n);
        const text = `${before} ${written} parents ce jour-là`;
        const found = findNumbers(text);
        expect(found).toEqual([{ value: n, start: before.length + 1, end: before.length + 1 + written.length }]);
      }),
    );
  });
});

describe('a message that is something else holds no count (QA, issue 10)', () => {
  test.each([
    // « un », « une » count only when the answer is essentially the number.
    ['une', { value: 1 }],
    ['une seule', { value: 1 }],
    ['un seul', { value: 1 }],
    ['une fois', { value: 1 }],
    ['Une seule fois.', { value: 1 }],
    ['un seul parent', { value: 1 }],
    ['une séance', { value: 1 }],
    ["il y en avait une", { value: 1 }],
    ['1', { value: 1 }],
    ['déclarer une action', null],
    ['je veux faire une déclaration', null],
    ['un café des parents', null],
    ['mes déclarations', null],
    ['corriger RPT-2026-000002', null],
    ['reprendre ma déclaration', null],
  ])('%j → %j', (text, expected) => {
    expect(readCount(text)).toEqual(expected);
  });
});

describe('the count tied to a field’s nouns', () => {
  const children = ['enfant', 'enfants', 'children', 'kids'];
  const parents = ['parent', 'parents'];
  const qpv = ['QPV', 'quartier prioritaire'];
  test.each([
    ['12 enfants de 3 à 6 ans', children, { value: 12 }],
    ['douze enfants de trois à six ans', children, { value: 12 }],
    ["nombre d'enfants : 12, de 3 à 6 ans", children, { value: 12 }],
    ['14 parents dont 6 en QPV', parents, { value: 14 }],
    ['14 parents dont 6 en QPV', qpv, { value: 6 }],
    ['quatorze parents dont six du quartier prioritaire', qpv, { value: 6 }],
    ['14 parents dont 6 parents QPV', parents, { value: 14 }],
    ['14 parents et 12 enfants', children, { value: 12 }],
    ['enfants : 12, parents : 8', children, { value: 12 }],
    ['un enfant de 3 ans', children, { value: 1 }],
    ['5 kids aged 3 to 6', children, { value: 5 }],
    // A lone number is the answer, as readCount reads it.
    ['12', children, { value: 12 }],
    ['douze', children, { value: 12 }],
    ['aucun', children, { value: 0 }],
    ['14 parents', qpv, { value: 14 }],
    // Several numbers, none tied to the nouns.
    ['3 et 5', children, null],
    ['14 parents, 8 familles', children, null],
    // A tied number keeps readCount's refusals.
    ['entre 10 et 15 enfants', children, { problem: 'approximate' }],
    ['plus de 20 enfants de 3 à 6 ans', children, { problem: 'approximate' }],
    ["une quinzaine d'enfants de 3 à 6 ans", children, { problem: 'approximate' }],
    ['2,5 enfants', children, { problem: 'notANumber' }],
    ['2000000 enfants de 3 à 6 ans', children, { problem: 'tooLarge' }],
    ['12 enfants et 14 enfants', children, null],
    ['', children, null],
  ] as const)('%j for %j → %j', (text, nouns, expected) => {
    expect(readCountFor(text, nouns)).toEqual(expected);
  });

  test('the tied count is found among ages, dates and parts, in digits or words', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9999 }),
        fc.boolean(),
        fc.constantFrom('de 3 à 6 ans', 'de trois à six ans', 'le 12 mars', 'dont 4 en QPV', 'pour la PA 2.3.2', 'de 0 à 3 ans, 8 parents'),
        fc.boolean(),
        (n, inWords, around, before) => {
          const count = `${inWords ? frenchWords(n) : String(n)} enfants`;
          const text = before ? `${count} ${around}` : `${around}, ${count}`;
          expect(readCountFor(text, children)).toEqual({ value: n });
        },
      ),
    );
  });

  test('a lone number is read as readCount reads it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000 }), (n) => expect(readCountFor(String(n), children)).toEqual(readCount(String(n)))));
  });
});

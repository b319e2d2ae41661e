import fc from 'fast-check';
import { findNumbers, readCount } from '../../../src/reports/reading';

/** French numbers in words, written here independently of the reader (the 1990 spelling: hyphens or spaces). */
const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];
function belowHundred(n: number): string {
  if (n < 20) return UNITS[n];
  const ten = Math.floor(n / 10);
  const unit = n % 10;
  if (ten === 7 || ten === 9) return `${TENS[ten]}${ten === 7 && unit === 1 ? ' et ' : '-'}${UNITS[10 + unit]}`;
  if (unit === 0) return ten === 8 ? 'quatre-vingts' : TENS[ten];
  if (unit === 1 && ten !== 8) return `${TENS[ten]} et un`;
  return `${TENS[ten]}-${UNITS[unit]}`;
}
function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundred(rest);
  const head = hundreds === 1 ? 'cent' : `${UNITS[hundreds]} cent${rest === 0 ? 's' : ''}`;
  return rest === 0 ? head : `${head} ${belowHundred(rest)}`;
}
export function frenchWords(n: number): string {
  if (n < 1000) return belowThousand(n);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = thousands === 1 ? 'mille' : `${belowThousand(thousands)} mille`;
  return rest === 0 ? head : `${head} ${belowThousand(rest)}`;
}

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function englishWords(n: number): string {
  const below100 = (m: number) => (m < 20 ? EN_UNITS[m] : `${EN_TENS[Math.floor(m / 10)]}${m % 10 ? `-${EN_UNITS[m % 10]}` : ''}`);
  const below1000 = (m: number) => (m < 100 ? below100(m) : `${EN_UNITS[Math.floor(m / 100)]} hundred${m % 100 ? ` and ${below100(m % 100)}` : ''}`);
  if (n < 1000) return below1000(n);
  return `${below1000(Math.floor(n / 1000))} thousand${n % 1000 ? ` ${below1000(n % 1000)}` : ''}`;
}

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

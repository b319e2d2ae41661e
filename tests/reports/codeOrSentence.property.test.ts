import fc from 'fast-check';
import { newEnrolmentCode, readEnrolmentCode } from '../../src/reports/enrolmentCodes';

/**
 * QA (partners, defect 1): « what does LAEP mean? » was read as the enrolment code DOES-1AEP-MEAN — three words of four
 * Crockford letters — so a partner got « This code does not work », wrong-code attempts were counted, and the code was
 * asked again after every answer. A code is taken only when the rest of the message is code-talk, and a sentence of
 * ordinary words is never one; every code the administrator hands out still is, however it is typed.
 */

/** Ordinary words of four letters, most of them Crockford-readable (O reads 0, I and L read 1), none code-talk. */
const FOUR_LETTER_WORDS = [
  'what', 'does', 'mean', 'laep', 'need', 'more', 'help', 'make', 'time', 'work', 'deep', 'fast', 'near', 'form', 'fact', 'data', 'team',
  'plan', 'kids', 'when', 'wkdy', 'stay', 'with', 'feed', 'cafe', 'babe', 'dead', 'beef', 'face', 'week', 'next', 'side', 'sold', 'told',
  'bien', 'fait', 'quel', 'elle', 'dans', 'avec', 'sans', 'mais', 'leur', 'deux', 'fois', 'midi', 'mars', 'jeux', 'aide', 'rdv', 'ados',
  'cela', 'faim', 'nord', 'soir', 'lieu', 'tard', 'tout', 'veut', 'dire', 'pere', 'mere', 'bebe', 'fete', 'film', 'mots', 'CTGS', 'MSA',
];
const word = fc.constantFrom(...FOUR_LETTER_WORDS).chain((w) => fc.constantFrom(w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)));
const between = fc.constantFrom(' ', ' ', ' ', '  ', '-', ', ', ' - ');
const sentence = fc
  .tuple(fc.array(fc.tuple(word, between), { minLength: 1, maxLength: 12 }), fc.constantFrom('', '?', ' ?', '.', '!', ' …'))
  .map(([parts, end]) => parts.map(([w, joiner], i) => (i === parts.length - 1 ? w : w + joiner)).join('') + end);

/** How people type a code they were given: case, joiners, O for 0, I or L for 1. */
const typedCode = fc
  .record({
    code: fc.constant(null).map(() => newEnrolmentCode()),
    lower: fc.boolean(),
    lookAlike: fc.constantFrom('none', 'O', 'I', 'L'),
    joiner: fc.constantFrom('-', ' ', '', ' - ', '–', '.'),
    around: fc.constantFrom('%', 'mon code est %', 'voici le code : %', 'code : %', 'my code is %', 'Bonjour, %', "here's the code: % thanks", 'le code reçu par mail est %', '«%»', '% merci !', 'Hello! My enrolment code is %.'),
  })
  .map(({ code, lower, lookAlike, joiner, around }) => {
    let typed = code.replaceAll('-', joiner);
    if (lookAlike === 'O') typed = typed.replaceAll('0', 'O');
    if (lookAlike === 'I' || lookAlike === 'L') typed = typed.replaceAll('1', lookAlike);
    if (lower) typed = typed.toLowerCase();
    return { code, typed: around.replace('%', typed) };
  });

describe('a code or a sentence', () => {
  test.each([
    ['what does LAEP mean?'],
    ['what does LAEP stand for?'],
    ['What does LAEP mean'],
    ['need more help'],
    ['does laep mean'],
    ['DOES-LAEP-MEAN ?'],
    ['mon code est quel code'],
    ['what does K7QX-M2PD-9RTA mean?'],
    ['mon code est K7QX-M2PD-9RTA pour la PA 2.3.2'],
  ])('%j is no code', (text) => {
    expect(readEnrolmentCode(text)).toBeNull();
  });

  test('a sentence of ordinary four-letter words is never a code, however it is typed', () => {
    fc.assert(
      fc.property(sentence, (text) => readEnrolmentCode(text) === null),
      { numRuns: 3000 },
    );
  });

  test('every code handed out is read, typed in the usual ways, alone or with code-talk around it', () => {
    fc.assert(
      fc.property(typedCode, ({ code, typed }) => readEnrolmentCode(typed) === code),
      { numRuns: 3000 },
    );
  });
});

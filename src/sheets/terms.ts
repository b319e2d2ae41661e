import { STOP_WORDS, fold, words } from '../language/text';
import { rememberMany } from '../shared/remember';

/**
 * The words search compares, for the sheets and for questions alike: folded, stop-words dropped, and plural and
 * feminine endings made alike ("conseils locaux" ~ "conseil local", "monoparentales" ~ "monoparentale").
 * Deliberately lighter than a stemmer: flexsearch's French one over-stems, and place or organisation names must
 * keep matching as typed.
 */

/** Ending rewrites, tried in order; the first that applies wins, then plural s/x is dropped. */
const ENDINGS: ReadonlyArray<readonly [suffix: string, replacement: string, minLength: number]> = [
  ['eaux', 'eau', 5],
  ['aux', 'al', 5],
];
const FEMININE: ReadonlyArray<readonly [suffix: string, replacement: string, minLength: number]> = [
  ['ale', 'al', 5],
  ['elle', 'el', 6],
  ['ive', 'if', 5],
  ['ee', 'e', 5],
];

/** Words repeat across thousands of passages; remembering their form keeps indexing fast. */
const REMEMBERED_WORDS = 100_000;
const rememberedEndings = rememberMany(REMEMBERED_WORDS, rewriteEndings);

export function normaliseTerm(word: string): string {
  return word.length <= 3 ? word : rememberedEndings(word);
}

function rewriteEndings(word: string): string {
  if (/\d/.test(word)) return word;
  let term = word;
  const ending = ENDINGS.find(([suffix, , min]) => term.length >= min && term.endsWith(suffix));
  if (ending) term = term.slice(0, term.length - ending[0].length) + ending[1];
  else if (/[sx]$/.test(term) && !term.endsWith('ss')) term = term.slice(0, -1);
  const feminine = FEMININE.find(([suffix, , min]) => term.length >= min && term.endsWith(suffix));
  if (feminine) term = term.slice(0, term.length - feminine[0].length) + feminine[1];
  return term;
}

/** Search terms of a text, in order, each once. */
export function searchTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const word of words(text)) {
    if (STOP_WORDS.has(word)) continue;
    seen.add(normaliseTerm(word));
  }
  return [...seen];
}

/** Control character that survives folding, used to fold many texts in one call. */
const SEPARATOR = '\u0001';

function termsOfFolded(folded: string): string[] {
  const seen = new Set<string>();
  for (const word of folded.split(/[^a-z0-9]+/)) {
    if (word.length === 0 || STOP_WORDS.has(word)) continue;
    seen.add(normaliseTerm(word));
  }
  return [...seen];
}

/**
 * `searchTerms` of each text, folding them all at once: folding is most of the cost of indexing, and one long
 * fold costs much less than many short ones.
 */
export function searchTermsOfEach(texts: readonly string[]): string[][] {
  if (texts.length === 0) return [];
  const folded = fold(texts.map((text) => text.replaceAll(SEPARATOR, ' ')).join(` ${SEPARATOR} `));
  const parts = folded.split(SEPARATOR);
  return parts.length === texts.length ? parts.map(termsOfFolded) : texts.map(searchTerms);
}

/** A text's search terms in order, repeats kept: what a phrase is matched against. */
export function termSequence(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(normaliseTerm);
}

/**
 * The most terms of the phrase, taken in its order, that the text holds side by side: "Mission locale des Landes"
 * holds 2 of "mission locale" and "sa mission est d'animer le réseau local" holds 1. A term matches any of its forms.
 */
export function longestRun(text: string, phrase: ReadonlyArray<ReadonlySet<string>>): number {
  const sequence = termSequence(text);
  let longest = 0;
  for (let start = 0; start < sequence.length; start++) {
    for (let first = 0; first < phrase.length; first++) {
      let length = 0;
      while (start + length < sequence.length && first + length < phrase.length && phrase[first + length].has(sequence[start + length])) length++;
      if (length > longest) longest = length;
    }
  }
  return longest;
}

import { STOP_WORDS, words } from '../language/text';

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

export function normaliseTerm(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
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

import { editDistance, fold, isCloseWord } from '../language/text';
import { normaliseTerm } from './terms';

/**
 * Question tokens and the matching of vocabulary phrases against them. Tokens keep dotted numbers whole
 * ("3.2.1") and split letters from digits ("pa321" → "pa", "321"), so that sheet numbers survive tokenising.
 */

export function questionTokens(text: string): string[] {
  return fold(text).replace(/([a-z])(\d)/g, '$1 $2').match(/\d+(?:\.\d+)+|[a-z0-9]+/g) ?? [];
}

/** Only words this long may match a known word with a typo; shorter ones ("lead", "but") must be exact. */
const MIN_TOLERANT_LENGTH = 6;
/** Below this length a word may carry one typo only: "echanges" is not a misspelt "echeances". */
const TWO_TYPOS_LENGTH = 10;

/**
 * Whether a typed token is this vocabulary word. A typo is allowed only when the typed token is not itself a word
 * the sheets use (`isKnownWord`): a real word is what it says, not a misspelling of a neighbour.
 */
export function tokenMatches(typed: string, known: string, isKnownWord?: (word: string) => boolean): boolean {
  if (typed === known) return true;
  if (normaliseTerm(typed) === normaliseTerm(known)) return true;
  if (known.length < MIN_TOLERANT_LENGTH || typed.length < MIN_TOLERANT_LENGTH - 1 || /\d/.test(typed)) return false;
  if (isKnownWord?.(typed)) return false;
  const allowance = known.length >= TWO_TYPOS_LENGTH ? 2 : 1;
  return isCloseWord(typed, known) && editDistance(typed, known, allowance) <= allowance;
}

export interface Phrase<T> {
  tokens: readonly string[];
  value: T;
  /** Compared letter for letter: "fiches" (several sheets) must not match "fiche". */
  exact: boolean;
}

export interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
}

/** Phrases as token lists, longest first so that "qui pilote" is taken before "pilote". */
export function compilePhrases<T>(entries: Iterable<readonly [string, T]>, exact = false): Phrase<T>[] {
  const phrases: Phrase<T>[] = [];
  for (const [text, value] of entries) {
    const tokens = questionTokens(text);
    if (tokens.length > 0) phrases.push({ tokens, value, exact });
  }
  return phrases.sort((a, b) => b.tokens.length - a.tokens.length);
}

/** Every phrase found among the tokens not yet taken; the tokens it covers are marked as taken. */
export function takePhrases<T>(
  tokens: readonly string[],
  taken: boolean[],
  phrases: readonly Phrase<T>[],
  isKnownWord?: (word: string) => boolean,
): PhraseHit<T>[] {
  const hits: PhraseHit<T>[] = [];
  for (const phrase of phrases) {
    const length = phrase.tokens.length;
    for (let start = 0; start + length <= tokens.length; start++) {
      let matches = true;
      for (let k = 0; k < length && matches; k++) {
        const token = tokens[start + k];
        matches = !taken[start + k] && (phrase.exact ? token === phrase.tokens[k] : tokenMatches(token, phrase.tokens[k], isKnownWord));
      }
      if (!matches) continue;
      for (let k = 0; k < length; k++) taken[start + k] = true;
      hits.push({ value: phrase.value, start, end: start + length });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Whether any phrase occurs, without taking tokens. */
export function countPhrases(tokens: readonly string[], phrases: readonly Phrase<unknown>[], isKnownWord?: (word: string) => boolean): number {
  const scratch = new Array<boolean>(tokens.length).fill(false);
  return takePhrases(tokens, scratch, phrases, isKnownWord).length;
}

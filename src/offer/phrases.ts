import { fold, isCloseWord, STOP_WORDS, words } from '../language/text';

/**
 * Finds known phrases ("lieu d'accueil enfants-parents", "aide aux devoirs") in text, on folded words, with plurals
 * folded too ("parents solos" meets "parent solo"). Parents' messages may also carry typos in long words.
 */

/** "parents" → "parent", "jeux" → "jeu": enough for matching, not a stemmer. */
export function singular(word: string): string {
  if (word.length > 3 && (word.endsWith('s') || word.endsWith('x')) && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function matchTokens(text: string): string[] {
  return words(text).map(singular);
}

/** A text folded once, with its matching tokens: the offer's texts are read several ways, folded only once. */
export type FoldedText = { folded: string; tokens: string[] };

export function foldedText(text: string | null | undefined): FoldedText | null {
  if (!text) return null;
  const folded = fold(text);
  return { folded, tokens: folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0).map(singular) };
}

export type PhraseMatch<T> = { value: T; start: number; end: number };

/** Words typed by a parent that may carry a typo: long enough, and not a grammatical word. */
const TYPO_MIN_LENGTH = 6;

export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Array<{ tokens: string[]; value: T }>>();
  private readonly all: Array<{ tokens: string[]; value: T }> = [];

  constructor(entries: Iterable<readonly [phrase: string, value: T]>) {
    for (const [phrase, value] of entries) {
      const tokens = matchTokens(phrase);
      if (tokens.length === 0) continue;
      const entry = { tokens, value };
      this.all.push(entry);
      const list = this.byFirstWord.get(tokens[0]);
      if (list) list.push(entry);
      else this.byFirstWord.set(tokens[0], [entry]);
    }
    // Longer phrases first, so that "groupe de parole parents solos" wins over "groupe de parole".
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.all.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /** Every word any phrase uses. */
  vocabulary(): Set<string> {
    return new Set(this.all.flatMap((e) => e.tokens));
  }

  /** Exact matches (after folding), for the offer's own texts. Overlapping matches are all kept. */
  findExact(tokens: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (const entry of this.byFirstWord.get(tokens[i]) ?? []) {
        if (entry.tokens.every((t, k) => tokens[i + k] === t)) found.push({ value: entry.value, start: i, end: i + entry.tokens.length });
      }
    }
    return found;
  }

  /** Matches in what a parent typed, tolerating a typo in long words; the longest phrase wins at each position. */
  findTyped(tokens: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (const entry of this.all) {
        if (!entry.tokens.every((t, k) => closeEnough(tokens[i + k], t))) continue;
        found.push({ value: entry.value, start: i, end: i + entry.tokens.length });
      }
    }
    return found;
  }
}

function closeEnough(typed: string | undefined, known: string): boolean {
  if (typed === undefined) return false;
  if (typed === known) return true;
  if (typed.length < TYPO_MIN_LENGTH || known.length < TYPO_MIN_LENGTH || STOP_WORDS.has(typed)) return false;
  return isCloseWord(typed, known);
}

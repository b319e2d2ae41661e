import { fold, isCloseWord, STOP_WORDS, typoAllowance, words } from '../language/text';
import { rememberMany } from '../shared/remember';

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

type PhraseEntry<T> = { tokens: string[]; value: T; order: number };

/** Typed words already compared with the vocabulary: parents reuse the same words, and each comparison costs. */
const CLOSE_WORDS_LIMIT = 5000;

export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Array<PhraseEntry<T>>>();
  private readonly words: ReadonlySet<string>;
  /** The vocabulary's words long enough to be matched with a typo, by length. */
  private readonly typoWordsByLength = new Map<number, string[]>();
  private readonly closeWords = rememberMany(CLOSE_WORDS_LIMIT, (typed) => this.searchCloseWords(typed));

  constructor(entries: Iterable<readonly [phrase: string, value: T]>) {
    const all: Array<PhraseEntry<T>> = [];
    for (const [phrase, value] of entries) {
      const tokens = matchTokens(phrase);
      if (tokens.length === 0) continue;
      const entry = { tokens, value, order: 0 };
      all.push(entry);
      const list = this.byFirstWord.get(tokens[0]);
      if (list) list.push(entry);
      else this.byFirstWord.set(tokens[0], [entry]);
    }
    // Longer phrases first, so that "groupe de parole parents solos" wins over "groupe de parole".
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    all.sort((a, b) => b.tokens.length - a.tokens.length);
    all.forEach((entry, order) => (entry.order = order));
    this.words = new Set(all.flatMap((e) => e.tokens));
    for (const word of this.words) {
      if (word.length < TYPO_MIN_LENGTH) continue;
      const list = this.typoWordsByLength.get(word.length);
      if (list) list.push(word);
      else this.typoWordsByLength.set(word.length, [word]);
    }
  }

  /** Every word any phrase uses. */
  vocabulary(): Set<string> {
    return new Set(this.words);
  }

  /** Exact matches (after folding), for the offer's own texts. Overlapping matches are all kept. */
  findExact(tokens: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const entries = this.byFirstWord.get(tokens[i]);
      if (!entries) continue;
      for (const entry of entries) {
        if (startsWith(tokens, i, entry.tokens)) found.push({ value: entry.value, start: i, end: i + entry.tokens.length });
      }
    }
    return found;
  }

  /**
   * The vocabulary's words a typed word may stand for: itself, and for long words those within a typo or two. Only
   * words of about the same length can be that close.
   */
  private searchCloseWords(typed: string): readonly string[] {
    // A word the vocabulary knows is that word, not a typo of another: "parentalite" is not "coparentalite".
    if (this.words.has(typed)) return [typed];
    const close: string[] = [];
    if (typed.length >= TYPO_MIN_LENGTH && !STOP_WORDS.has(typed)) {
      for (let length = typed.length - MAX_TYPOS; length <= typed.length + MAX_TYPOS; length++) {
        for (const word of this.typoWordsByLength.get(length) ?? []) if (word !== typed && closeEnough(typed, word)) close.push(word);
      }
    }
    return close;
  }

  /**
   * Matches in what a parent typed, tolerating a typo in long words; the longest phrase wins at each position. A word
   * `spelt` says is spelt right (a commune's name: « Felletin » is no typo of « bulletin ») is matched only as typed.
   */
  findTyped(tokens: readonly string[], spelt?: (token: string) => boolean): PhraseMatch<T>[] {
    const close = tokens.map((token) => {
      const words = this.closeWords(token);
      return words.length > 0 && words[0] !== token && spelt?.(token) ? [] : words;
    });
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates: Array<PhraseEntry<T>> = [];
      for (const word of close[i]) for (const entry of this.byFirstWord.get(word) ?? []) candidates.push(entry);
      if (candidates.length === 0) continue;
      // In the order of the whole list (longest first), as when every phrase was tried in turn.
      candidates.sort((a, b) => a.order - b.order);
      for (const entry of candidates) {
        if (entry.tokens.every((t, k) => k === 0 || (close[i + k]?.includes(t) ?? false))) {
          found.push({ value: entry.value, start: i, end: i + entry.tokens.length });
        }
      }
    }
    return found;
  }
}

/** Whether the phrase's words stand in `tokens` from `at` on. */
export function startsWith(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[at + k] !== phrase[k]) return false;
  return true;
}

/** The most typos isCloseWord allows: a close word is at most this many letters longer or shorter. */
const MAX_TYPOS = typoAllowance('x'.repeat(64));

function closeEnough(typed: string | undefined, known: string): boolean {
  if (typed === undefined) return false;
  if (typed === known) return true;
  if (typed.length < TYPO_MIN_LENGTH || known.length < TYPO_MIN_LENGTH || STOP_WORDS.has(typed)) return false;
  return isCloseWord(typed, known);
}

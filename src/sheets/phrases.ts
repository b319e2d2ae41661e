import { editDistance, fold, isCloseWord } from '../language/text';
import { rememberMany } from '../shared/remember';
import { normaliseTerm } from './terms';

/**
 * Question tokens and the matching of vocabulary phrases against them. Tokens keep dotted numbers whole
 * ("3.2.1") and split letters from digits ("pa321" → "pa", "321"), so that sheet numbers survive tokenising.
 */

export function questionTokens(text: string): string[] {
  return fold(text).replace(/([a-z])(\d)/g, '$1 $2').match(/\d+(?:\.\d+)+|[a-z0-9]+/g) ?? [];
}

/** Only vocabulary words this long may be matched with a typo; shorter ones ("lead", "but") must be exact. */
const MIN_TOLERANT_LENGTH = 6;
/** Below this length a word may carry one typo only: "echanges" is not a misspelt "echeances". */
const TWO_TYPOS_LENGTH = 10;
const MEMO_LIMIT = 20_000;

/**
 * A question's tokens with what every phrase set asks of each of them, worked out once per question: their normal
 * form, and (on first asking) whether the sheets use the word, in which case it is what it says, not a typo.
 */
export class TypedWords {
  readonly canonical: readonly string[];
  private readonly known: Array<boolean | undefined>;

  constructor(
    readonly tokens: readonly string[],
    private readonly isKnownWord?: (word: string) => boolean,
  ) {
    this.canonical = tokens.map(normaliseTerm);
    this.known = new Array<boolean | undefined>(tokens.length);
  }

  get length(): number {
    return this.tokens.length;
  }

  isKnown(at: number): boolean {
    if (!this.isKnownWord) return false;
    return (this.known[at] ??= this.isKnownWord(this.tokens[at]));
  }
}

export interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
}

interface Phrase<T> {
  /** Plural and feminine endings made alike, unless `exact`. */
  tokens: readonly string[];
  value: T;
  /** Compared letter for letter: "fiches" (several sheets) must not match "fiche". */
  exact: boolean;
  /** Position in the list, to break ties between phrases of the same length. */
  order: number;
}

export type PhraseEntry<T> = readonly [text: string, value: T, exact?: boolean];

/**
 * A vocabulary of phrases, looked up by their first word. Longer phrases win over shorter ones ("qui pilote"
 * before "pilote"), and a token covered by a phrase is not used by another.
 */
export class PhraseSet<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  /** Words that may be reached with a typo. */
  private readonly tolerantWords: string[] = [];
  private readonly canonicalWords = new Set<string>();
  private readonly closest = rememberMany(MEMO_LIMIT, (token) => this.closestTolerantWord(token));

  constructor(entries: Iterable<PhraseEntry<T>>) {
    let order = 0;
    for (const [text, value, exact = false] of entries) {
      const raw = questionTokens(text);
      if (raw.length === 0) continue;
      const tokens = exact ? raw : raw.map(normaliseTerm);
      const phrase: Phrase<T> = { tokens, value, exact, order: order++ };
      const list = this.byFirst.get(tokens[0]);
      if (list) list.push(phrase);
      else this.byFirst.set(tokens[0], [phrase]);
      if (exact) continue;
      for (const token of tokens) {
        if (this.canonicalWords.has(token)) continue;
        this.canonicalWords.add(token);
        if (token.length >= MIN_TOLERANT_LENGTH && !/\d/.test(token)) this.tolerantWords.push(token);
      }
    }
  }

  /**
   * The vocabulary word a typed token stands for with a typo. A word the sheets use (`isKnownWord`) is what it
   * says, not a misspelling of a neighbour.
   */
  private misspelt(words: TypedWords, at: number): string | undefined {
    const token = words.tokens[at];
    if (token.length < MIN_TOLERANT_LENGTH - 1 || /\d/.test(token) || this.canonicalWords.has(words.canonical[at])) return undefined;
    if (words.isKnown(at)) return undefined;
    return this.conjugated(token) ?? this.closest(token) ?? undefined;
  }

  /** A plural verb stands for the vocabulary's singular: "prévoient" → "prevoit", "financent" → "finance". */
  private conjugated(token: string): string | undefined {
    if (!token.endsWith('ent') || token.length < MIN_TOLERANT_LENGTH + 1) return undefined;
    const stem = token.slice(0, -3);
    return [`${stem}t`, `${stem}e`, stem].find((form) => this.canonicalWords.has(form));
  }

  private closestTolerantWord(token: string): string | null {
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const word of this.tolerantWords) {
      const allowance = word.length >= TWO_TYPOS_LENGTH ? 2 : 1;
      if (Math.abs(word.length - token.length) > allowance || !isCloseWord(token, word)) continue;
      const distance = editDistance(token, word, allowance);
      if (distance <= allowance && distance < bestDistance) {
        best = word;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Every phrase found among the tokens not yet taken; the tokens it covers are marked as taken. */
  take(words: TypedWords, taken: boolean[]): PhraseHit<T>[] {
    const { tokens, canonical } = words;
    const typo = tokens.map((_, i) => this.misspelt(words, i));
    const matchesAt = (phrase: Phrase<T>, start: number) =>
      phrase.tokens.every((word, k) => {
        const j = start + k;
        if (j >= tokens.length) return false;
        return phrase.exact ? tokens[j] === word : canonical[j] === word || typo[j] === word;
      });
    const candidates: Array<{ phrase: Phrase<T>; start: number }> = [];
    const addCandidates = (key: string | undefined, start: number) => {
      if (key === undefined) return;
      for (const phrase of this.byFirst.get(key) ?? []) {
        if (matchesAt(phrase, start)) candidates.push({ phrase, start });
      }
    };
    for (let start = 0; start < tokens.length; start++) {
      // The typed word, its normal form and its correction, each looked up once.
      const typed = tokens[start];
      const normal = canonical[start];
      const corrected = typo[start];
      addCandidates(typed, start);
      if (normal !== typed) addCandidates(normal, start);
      if (corrected !== typed && corrected !== normal) addCandidates(corrected, start);
    }
    candidates.sort((a, b) => b.phrase.tokens.length - a.phrase.tokens.length || a.phrase.order - b.phrase.order || a.start - b.start);
    const hits: PhraseHit<T>[] = [];
    for (const { phrase, start } of candidates) {
      const end = start + phrase.tokens.length;
      let free = true;
      for (let k = start; k < end && free; k++) free = !taken[k];
      if (!free) continue;
      for (let k = start; k < end; k++) taken[k] = true;
      hits.push({ value: phrase.value, start, end });
    }
    return hits.sort((a, b) => a.start - b.start);
  }

  /** How many phrases occur, without taking tokens. */
  count(words: TypedWords): number {
    return this.take(words, new Array<boolean>(words.length).fill(false)).length;
  }
}

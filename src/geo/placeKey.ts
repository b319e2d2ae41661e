import { fold } from '../language/text';

/**
 * Keys under which place names are matched, so that "St Priest", "saint-priest" and "Saint-Priest" meet,
 * and "Lyon 8e Arrondissement", "lyon 8eme" and GeoNames' "Lyon 08" all become "lyon 8".
 */

const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['sts', 'saints'],
  ['stes', 'saintes'],
  ['mt', 'mont'],
]);

/** Words that only say "this is an arrondissement" and carry no identity. */
const ARRONDISSEMENT_WORDS: ReadonlySet<string> = new Set(['arrondissement', 'arrondissements', 'arr', 'arrt', 'arrdt', 'ardt']);

/** "8e", "8eme", "8ème" (folded), "1er", "08", "8th" → "8". */
const ORDINAL = /^0*(\d{1,2})(?:er|re|e|eme|ieme|em|nd|th|st|rd)?$/;

/** Leading articles users often leave out ("Arbresle" for "L'Arbresle"). */
export const LEADING_ARTICLES: ReadonlySet<string> = new Set(['l', 'la', 'le', 'les']);

/** Tokens of a place name as matched: folded, split on anything but letters and digits, abbreviations expanded. */
export function placeTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of fold(text).split(/[^a-z0-9]+/)) {
    if (raw.length === 0 || ARRONDISSEMENT_WORDS.has(raw)) continue;
    const ordinal = ORDINAL.exec(raw);
    if (ordinal) {
      tokens.push(String(Number(ordinal[1])));
      continue;
    }
    tokens.push(ABBREVIATIONS.get(raw) ?? raw);
  }
  return tokens;
}

export function placeKey(text: string): string {
  return placeTokens(text).join(' ');
}

/** The key without its leading article, or null when the name has none (or is only an article). */
export function keyWithoutArticle(key: string): string | null {
  const space = key.indexOf(' ');
  if (space < 0) return null;
  return LEADING_ARTICLES.has(key.slice(0, space)) ? key.slice(space + 1) : null;
}

/**
 * A sentence's place tokens (see placeTokens) with, for each, the index of the word it came from in `words(text)`
 * (src/language/text: the folded text split on anything but letters and digits, the caller's own tokenisation), so
 * that the words a place used can be given back to the caller. Words that only say "arrondissement" have no token:
 * they belong to the place token before them.
 */
export type SentenceTokens = {
  tokens: string[];
  /** For each token, the index of its word. */
  wordOf: number[];
  /** The words themselves, folded, not rewritten ("01" stays "01", "st" stays "st"). */
  words: string[];
  /**
   * Tokens "a" typed without the accent: « à » announces a place, "a" may be the verb (« il a mars… ») or English
   * (« a nice group »), so it announces only names that are no ordinary words.
   */
  unaccentedA: ReadonlySet<number>;
  /** The text as given. */
  text: string;
  /**
   * Where each word stands in `text` ([start, end) in UTF-16 units), or null when the text's own words do not split
   * like the folded ones (letters outside Latin scripts): then the words are given back folded.
   */
  spans: ReadonlyArray<readonly [number, number]> | null;
};

export function sentenceTokens(text: string): SentenceTokens {
  const tokens: string[] = [];
  const wordOf: number[] = [];
  const words: string[] = [];
  for (const raw of fold(text).split(/[^a-z0-9]+/)) {
    if (raw.length === 0) continue;
    const at = words.length;
    words.push(raw);
    if (ARRONDISSEMENT_WORDS.has(raw)) continue;
    const ordinal = ORDINAL.exec(raw);
    tokens.push(ordinal ? String(Number(ordinal[1])) : (ABBREVIATIONS.get(raw) ?? raw));
    wordOf.push(at);
  }
  return { tokens, wordOf, words, unaccentedA: unaccentedA(text, tokens, wordOf, words.length), text, spans: spansOf(text, words.length) };
}

/** The text's own words, where they stand (see SentenceTokens.spans). */
function spansOf(text: string, wordCount: number): Array<[number, number]> | null {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) spans.push([m.index, m.index + m[0].length]);
  return spans.length === wordCount ? spans : null;
}

/** The words [first, last] as the parent typed them, with what stands between them (« Saint-Priest », « st priest »). */
export function typedWords(sentence: SentenceTokens, first: number, last: number): string {
  const { spans } = sentence;
  if (!spans || first > last || !spans[first] || !spans[last]) return sentence.words.slice(first, last + 1).join(' ');
  return sentence.text.slice(spans[first][0], spans[last][1]);
}

/** Whether token k was typed with a capital first letter (« Tours », « TOURS »), as parents write a town's name. */
export function isCapitalised(sentence: SentenceTokens, k: number): boolean {
  const span = sentence.spans?.[sentence.wordOf[k]];
  if (!span) return false;
  const first = sentence.text.slice(span[0], span[0] + 1);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** The tokens "a" whose word was typed "a", not "à" (see SentenceTokens). */
function unaccentedA(text: string, tokens: readonly string[], wordOf: readonly number[], wordCount: number): ReadonlySet<number> {
  const out = new Set<number>();
  if (!tokens.includes('a')) return out;
  // Most messages hold no « à » at all: then every "a" was typed without it, and the text need not be split again.
  if (!/[àÀ\u0300]/.test(text)) {
    tokens.forEach((token, k) => {
      if (token === 'a') out.add(k);
    });
    return out;
  }
  // The text's own words, split like the folded ones: when folding changed how words split, every "a" is taken as
  // typed with its accent, as before this distinction.
  const raw = text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
  if (raw.length !== wordCount) return out;
  tokens.forEach((token, k) => {
    if (token === 'a' && raw[wordOf[k]] === 'a') out.add(k);
  });
  return out;
}

/** The words (indexes in `words(text)`) of the tokens [start, end), with the "arrondissement" words that follow them. */
export function wordsOfTokens(sentence: SentenceTokens, start: number, end: number): number[] {
  if (end <= start) return [];
  const first = sentence.wordOf[start];
  const last = end < sentence.tokens.length ? sentence.wordOf[end] - 1 : sentence.words.length - 1;
  const out: number[] = [];
  for (let w = first; w <= last; w++) out.push(w);
  return out;
}

/**
 * Folding that remembers where each folded character came from. The readers match folded text (lower case, no
 * accents, straight apostrophes, one space), but `findNumbers` and the one-sentence start must say where a number or
 * a date stands in what the person typed, so every folded character keeps the range of the character it came from.
 */

/** Longer texts are read up to here: a report's message is a few lines, and every reader stays linear below it. */
export const MAX_READ_CHARACTERS = 10_000;

export interface FoldedText {
  /** Lower case, no accents, straight apostrophes, every run of white space one space. */
  text: string;
  /** For each folded character, where its source character starts in the original text. */
  from: Int32Array;
  /** For each folded character, where its source character ends in the original text. */
  to: Int32Array;
}

const COMBINING_MARKS = /\p{M}/gu;
const foldedCharacter = new Map<string, string>();
const FOLD_CACHE_LIMIT = 5_000;

function foldCharacter(character: string): string {
  const known = foldedCharacter.get(character);
  if (known !== undefined) return known;
  let folded: string;
  if (/^\s$/u.test(character)) folded = ' ';
  else {
    folded = character
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .replace(/[’‘`´ʼ]/g, "'")
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/[‐‑‒–—]/g, '-')
      .toLowerCase();
    // Lower-casing can bring back a mark (« İ »): drop it again.
    folded = folded.normalize('NFD').replace(COMBINING_MARKS, '');
  }
  if (foldedCharacter.size >= FOLD_CACHE_LIMIT) foldedCharacter.clear();
  foldedCharacter.set(character, folded);
  return folded;
}

/** Folds `original` (cut at MAX_READ_CHARACTERS), keeping where each folded character came from. */
export function foldKeepingPlaces(original: string): FoldedText {
  const source = original.length > MAX_READ_CHARACTERS ? original.slice(0, MAX_READ_CHARACTERS) : original;
  let text = '';
  // A character folds to at most a few; the arrays are sized for the worst case then cut.
  const from = new Int32Array(source.length * 3 + 1);
  const to = new Int32Array(source.length * 3 + 1);
  let length = 0;
  let index = 0;
  for (const character of source) {
    const start = index;
    index += character.length;
    let folded = foldCharacter(character);
    // One space for a run of white space, none at the start.
    if (folded === ' ' && (length === 0 || text.charCodeAt(length - 1) === 32)) continue;
    if (folded.length > 3) folded = folded.slice(0, 3);
    for (let k = 0; k < folded.length; k++) {
      from[length] = start;
      to[length] = index;
      length++;
    }
    text += folded;
  }
  if (length > 0 && text.charCodeAt(length - 1) === 32) {
    text = text.slice(0, -1);
    length--;
  }
  return { text, from: from.slice(0, length), to: to.slice(0, length) };
}

/** Where the folded range [start, end) stands in the original text. */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (end <= start || folded.text.length === 0) return { start: 0, end: 0 };
  return { start: folded.from[start], end: folded.to[end - 1] };
}

/** A word of folded text: letters or digits, with where it stands in the folded text. */
export interface Token {
  word: string;
  start: number;
  end: number;
  /** Digits only. */
  digits: boolean;
}

/** Words of folded text; apostrophes, hyphens and punctuation separate them (« l'atelier » → « l », « atelier »). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /[a-z]+|[0-9]+/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length, digits: match[0].charCodeAt(0) <= 57 });
  }
  return tokens;
}

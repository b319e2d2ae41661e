import { fold } from '../language/text';
import type { Sheet } from './model';

/**
 * Abbreviations a sheet defines itself, as "Conseil Local de la Parentalité (CLP)" or "ACEPP (Association des
 * Collectifs…)", so that the glossary also covers what new plans introduce. The long form is kept as written.
 */
export interface SheetAcronym {
  acronym: string;
  expansion: string;
  sheetId: string;
}

const LONG_THEN_SHORT = /([^()]{3,160}?)\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)/gu;
const SHORT_THEN_LONG = /\b([A-Z][A-Za-z]{1,7})\s*\(([^()]{3,160})\)/gu;
const WORD = /\p{L}+/gu;

function initialsMatch(acronym: string, initials: string): boolean {
  if (initials[0] !== acronym[0]) return false;
  let at = 0;
  for (const letter of initials) if (letter === acronym[at]) at++;
  return at === acronym.length;
}

function isAcronym(token: string): boolean {
  return (token.match(/[A-Z]/g) ?? []).length >= 2;
}

/**
 * Little words an acronym usually leaves out (« aide aux vacances familles » is AVF), though some keep them (« Maison de
 * la Métropole » is MDM): they may give their initial or not, and a long form never starts with one.
 */
const SMALL_WORDS: ReadonlySet<string> = new Set([
  'a', 'au', 'aux', 'd', 'de', 'des', 'du', 'l', 'la', 'le', 'les', 'et', 'en', 'pour', 'par', 'sur', 'un', 'une', 'dans', 'avec',
  'of', 'the', 'and', 'for', 'to', 'in',
]);

/** Whether the words spell the acronym exactly: each word gives its initial, a little word may give none. */
function spells(letters: string, words: readonly string[]): boolean {
  const from = (word: number, letter: number): boolean => {
    if (word === words.length) return letter === letters.length;
    const folded = fold(words[word]);
    const small = SMALL_WORDS.has(folded);
    if (small && from(word + 1, letter)) return true;
    return letter < letters.length && folded[0] === letters[letter] && from(word + 1, letter + 1);
  };
  return words.length > 0 && !SMALL_WORDS.has(fold(words[0])) && from(0, 0);
}

/**
 * The run of words ending the text that spells the acronym, counting one word a letter and skipping little words
 * (« aide aux vacances familles (AVF) », not « aux vacances familles »); failing that, the shortest run whose initials
 * hold the acronym's letters in order.
 */
function longFormBefore(text: string, acronym: string): string | undefined {
  const letters = fold(acronym);
  const words = [...text.matchAll(WORD)];
  const lowest = Math.max(0, words.length - letters.length * 3);
  for (let start = words.length - 1; start >= lowest; start--) {
    if (spells(letters, words.slice(start).map((word) => word[0]))) return text.slice(words[start].index ?? 0).trim();
  }
  for (let start = words.length - 1; start >= lowest; start--) {
    const initials = words.slice(start).map((word) => fold(word[0])[0] ?? '').join('');
    if (initialsMatch(letters, initials)) return text.slice(words[start].index ?? 0).trim();
  }
  return undefined;
}

function longFormAfter(text: string, acronym: string): string | undefined {
  const letters = fold(acronym);
  const words = [...text.matchAll(WORD)];
  for (let end = 1; end <= Math.min(words.length, letters.length * 3); end++) {
    if (spells(letters, words.slice(0, end).map((word) => word[0]))) {
      const last = words[end - 1];
      return text.slice(0, (last.index ?? 0) + last[0].length).trim();
    }
  }
  for (let end = 1; end <= Math.min(words.length, letters.length * 3); end++) {
    const initials = words.slice(0, end).map((word) => fold(word[0])[0] ?? '').join('');
    if (initialsMatch(letters, initials)) {
      const last = words[end - 1];
      return text.slice(0, (last.index ?? 0) + last[0].length).trim();
    }
  }
  return undefined;
}

export function mineAcronyms(sheets: readonly Sheet[]): Map<string, SheetAcronym> {
  const found = new Map<string, SheetAcronym>();
  const keep = (acronym: string, expansion: string | undefined, sheet: Sheet) => {
    const key = fold(acronym);
    if (expansion && !found.has(key)) found.set(key, { acronym, expansion, sheetId: sheet.id });
  };
  for (const sheet of sheets) {
    const texts = [sheet.title, ...sheet.sections.flatMap((section) => section.items.map((item) => item.text))];
    for (const text of texts) {
      if (!text.includes('(')) continue;
      for (const match of text.matchAll(LONG_THEN_SHORT)) {
        if (isAcronym(match[2])) keep(match[2], longFormBefore(match[1], match[2]), sheet);
      }
      for (const match of text.matchAll(SHORT_THEN_LONG)) {
        if (isAcronym(match[1])) keep(match[1], longFormAfter(match[2], match[1]), sheet);
      }
    }
  }
  return found;
}

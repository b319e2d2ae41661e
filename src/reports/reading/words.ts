import { editDistance } from '../../language/text';
import type { Token } from './folding';

/**
 * Matching typed words against the readers' vocabularies: exact, or one letter off in words of six letters or more.
 * Real words one letter away from a vocabulary word are never taken for it (« sorte » is not « sortie », « meditation »
 * is not « médiation »): they were found with Debian's French and American word lists (wfrench, wamerican).
 */
const NOT_TYPOS: ReadonlySet<string> = new Set(
  `croupe troupe grouse grope grouper groupa sorte ortie sertie sotie sortir sortis sortit sortiez medication meditation
  seante stance beance debut debit degat debata debati batelier ratelier rateliers bateliers declamer declamation codifier
  momifier conformer anneler valiser faille failles ramille ramilles camille quarter quartiez garent pagent paient pament
  panent parant parient parlent partent patent patents pavent payent purent tarent barents enfanta enfantas enfante enfantes
  enflant entant modifie modifies modifiez corrige corriges corrigez annule annules annulez confirme confirmes confirmez
  valide valides validez declare declares declarez permanente information informations reformation chafe cafre cafte`.split(/\s+/),
);

/** True when the typed word is the known one, allowing one letter off in long words. */
export function isWord(typed: string, known: string): boolean {
  if (typed === known) return true;
  if (known.length < 6 || typed.length < 5 || Math.abs(typed.length - known.length) > 1 || NOT_TYPOS.has(typed)) return false;
  return editDistance(typed, known, 1) <= 1;
}

/** True when the typed word is one of the known ones. */
export function isAnyWord(typed: string, known: readonly string[]): boolean {
  for (const word of known) if (isWord(typed, word)) return true;
  return false;
}

/** A phrase: at each step, the words that may stand there. */
export type Phrase = ReadonlyArray<readonly string[]>;

/**
 * Where the phrase starts in the tokens, its words in order with at most `gap` other words between two of them
 * (« groupe de parole », « café avec les parents »), from token `from` on: the index of its first token and one
 * past its last, or null when it is not there.
 */
export function findPhrase(tokens: readonly Token[], phrase: Phrase, gap = 2, from = 0): { first: number; next: number } | null {
  for (let i = from; i < tokens.length; i++) {
    if (!isAnyWord(tokens[i].word, phrase[0])) continue;
    let at = i;
    let matched = true;
    for (let step = 1; step < phrase.length && matched; step++) {
      matched = false;
      for (let j = at + 1; j <= at + 1 + gap && j < tokens.length; j++) {
        if (isAnyWord(tokens[j].word, phrase[step])) {
          at = j;
          matched = true;
          break;
        }
      }
    }
    if (matched) return { first: i, next: at + 1 };
  }
  return null;
}

/** Phrases written as words separated by spaces, each with its alternatives separated by « | ». */
export function phrases(...written: string[]): Phrase[] {
  return written.map((w) => w.split(' ').map((step) => step.split('|')));
}

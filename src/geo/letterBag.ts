/**
 * Lower bounds of the edit distance read from letters alone, so that typo matching rules out most candidates
 * before computing a full edit-distance table. The bag distance between two words is how many letters one has that
 * the other lacks, the larger of the two counts: each edit (insertion, deletion, substitution) changes it by at most
 * one and a transposition not at all, so it never exceeds the edit distance.
 */
const ASCII = 128;

export class LetterBag {
  private readonly counts = new Int32Array(ASCII);
  /** Words with other characters are never ruled out (their bag distance is taken as 0). */
  private readonly ascii: boolean;

  constructor(readonly word: string) {
    let ascii = true;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (code >= ASCII) ascii = false;
      else this.counts[code]++;
    }
    this.ascii = ascii;
  }

  /** The bag distance from this word to `other`, or `bound + 1` as soon as it is known to exceed `bound`. */
  distanceTo(other: string, bound: number): number {
    if (!this.ascii) return 0;
    const counts = this.counts;
    let extra = 0;
    let read = 0;
    while (read < other.length) {
      const code = other.charCodeAt(read++);
      if ((code >= ASCII || counts[code]-- <= 0) && ++extra > bound) break;
    }
    // The counts are the word's again for the next candidate.
    for (let i = 0; i < read; i++) {
      const code = other.charCodeAt(i);
      if (code < ASCII) counts[code]++;
    }
    if (extra > bound) return bound + 1;
    return Math.max(extra, this.word.length - (other.length - extra));
  }
}

/**
 * The letters a word uses, one bit each (a–z; digits and other characters share the last bits): letters a
 * candidate uses and the word lacks each cost at least one edit, so counting them rules out most candidates with a
 * few operations on two integers.
 */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= letterBit(word.charCodeAt(i));
  return mask;
}

function letterBit(code: number): number {
  return code >= 97 && code <= 122 ? 1 << (code - 97) : code >= 48 && code <= 57 ? 1 << (26 + ((code - 48) % 5)) : 1 << 31;
}

/**
 * The letters a word uses twice or more, on letterMask's bits. Long names use most common letters once, so the
 * letters alone rule out few of them; a letter a candidate doubles and the word does not is one more edit.
 */
export function repeatedLetterMask(word: string): number {
  let once = 0;
  let twice = 0;
  for (let i = 0; i < word.length; i++) {
    const bit = letterBit(word.charCodeAt(i));
    twice |= once & bit;
    once |= bit;
  }
  return twice;
}

/** How many of `candidate`'s letters `word` lacks, at least: a lower bound of their edit distance. */
export function lettersLacking(wordMask: number, candidateMask: number): number {
  let x = candidateMask & ~wordMask;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * A lower bound of the edit distance between two words from their masks (letterMask, repeatedLetterMask), each way:
 * a letter the other word uses and this one lacks is at least one edit, two if the other uses it twice, and a
 * letter the other uses twice and this one once is at least one.
 */
export function maskDistance(wordMask: number, wordRepeats: number, candidateMask: number, candidateRepeats: number): number {
  const lacking = lettersLacking(wordMask, candidateMask) + lettersLacking(wordRepeats, candidateRepeats);
  const extra = lettersLacking(candidateMask, wordMask) + lettersLacking(candidateRepeats, wordRepeats);
  return lacking > extra ? lacking : extra;
}

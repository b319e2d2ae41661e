/**
 * The bag distance between two words: how many letters one has that the other lacks, the larger of the two counts.
 * Each edit (insertion, deletion, substitution) changes it by at most one and a transposition not at all, so it never
 * exceeds the edit distance: a candidate whose bag distance is over the budget cannot be within it, and is ruled out
 * in one pass over its letters instead of a full edit-distance table.
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

/**
 * The edit distance used for typos in place names (optimal string alignment: insertions, deletions, substitutions and
 * swaps of two neighbouring letters), computed only as far as a bound. Typo matching compares a typed name with
 * hundreds of candidates on every parent's turn: this one works in the band of the table a bounded distance can use
 * and in rows allocated once, instead of a full table per candidate.
 */

const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** The distance between `a` and `b` if it is at most `max`, otherwise `max + 1`. */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (rows[0].length < m + 2) for (let r = 0; r < rows.length; r++) rows[r] = new Int32Array(m + 2);
  let before = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let j = 0; j <= m; j++) previous[j] = j <= max ? j : over;
  previous[m + 1] = over;
  for (let i = 1; i <= n; i++) {
    const low = Math.max(1, i - max);
    const high = Math.min(m, i + max);
    current[0] = i <= max ? i : over;
    // The cells just outside the band are read by this row and the next: they stand for "too far".
    current[low - 1] = low === 1 ? current[0] : over;
    current[high + 1] = over;
    let rowMin = current[low - 1];
    const letter = a.charCodeAt(i - 1);
    const letterBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = low; j <= high; j++) {
      const other = b.charCodeAt(j - 1);
      let value = previous[j - 1] + (letter === other ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (j > 1 && letterBefore === other && letter === b.charCodeAt(j - 2) && before[j - 2] + 1 < value) value = before[j - 2] + 1;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return over;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return Math.min(previous[m], over);
}

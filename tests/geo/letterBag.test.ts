import { editDistance } from '../../src/language/text';
import { LetterBag, letterMask, lettersLacking } from '../../src/geo/letterBag';

/** A fixed sequence, so that a failure can be replayed. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('bag distance', () => {
  it.each([
    ['venissieux', 'venisieux', 1],
    ['villeurbanne', 'villeurbane', 1],
    ['givors', 'givros', 0],
    ['tours', 'lyon', 4],
    ['abc', '', 3],
    ['', 'abcd', 4],
  ])('%s ~ %s: %d', (word, other, distance) => {
    expect(new LetterBag(word).distanceTo(other, 10)).toBe(distance);
  });

  it('stops past the bound, and leaves the word as it was for the next candidate', () => {
    const bag = new LetterBag('lyon');
    expect(bag.distanceTo('marseille', 1)).toBe(2);
    expect(bag.distanceTo('lyon', 1)).toBe(0);
    expect(bag.distanceTo('lyons', 1)).toBe(1);
  });

  it('never rules out a word within the edit-distance budget', () => {
    const next = sequence(11);
    const letters = 'aeilnorstuv';
    const word = (length: number) => Array.from({ length }, () => letters[Math.floor(next() * letters.length)]).join('');
    for (let i = 0; i < 3000; i++) {
      const a = word(3 + Math.floor(next() * 8));
      // Typos of a: deletions, transpositions, substitutions, insertions.
      let b = a;
      for (let typo = 0; typo < 1 + Math.floor(next() * 3); typo++) {
        const at = Math.floor(next() * b.length);
        const kind = Math.floor(next() * 4);
        if (kind === 0) b = b.slice(0, at) + b.slice(at + 1);
        else if (kind === 1 && at + 1 < b.length) b = b.slice(0, at) + b[at + 1] + b[at] + b.slice(at + 2);
        else if (kind === 2) b = b.slice(0, at) + word(1) + b.slice(at + 1);
        else b = b.slice(0, at) + word(1) + b.slice(at);
      }
      const budget = 1 + Math.floor(next() * 3);
      const bag = new LetterBag(a).distanceTo(b, budget);
      if (editDistance(a, b, budget) <= budget) expect(bag).toBeLessThanOrEqual(budget);
      expect(bag).toBeLessThanOrEqual(Math.max(editDistance(a, b), 0));
    }
  });

  it('does not rule out words with other characters', () => {
    expect(new LetterBag('évreux').distanceTo('zzzzzz', 1)).toBe(0);
  });
});

describe('letter masks', () => {
  it('count the letters a candidate has that the word lacks, never more than the edit distance', () => {
    expect(lettersLacking(letterMask('lyon'), letterMask('lyons'))).toBe(1);
    expect(lettersLacking(letterMask('givors'), letterMask('givros'))).toBe(0);
    expect(lettersLacking(letterMask('tours'), letterMask('lyon'))).toBe(3);
    const next = sequence(5);
    const letters = 'abcdeilnorstuvz0123456789-';
    const word = (length: number) => Array.from({ length }, () => letters[Math.floor(next() * letters.length)]).join('');
    for (let i = 0; i < 3000; i++) {
      const a = word(1 + Math.floor(next() * 10));
      const b = word(1 + Math.floor(next() * 10));
      expect(lettersLacking(letterMask(a), letterMask(b))).toBeLessThanOrEqual(editDistance(a, b));
    }
  });
});

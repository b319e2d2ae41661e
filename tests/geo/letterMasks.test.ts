import { editDistance } from '../../src/language/text';
import { letterMask, lettersLacking } from '../../src/geo/letterMasks';
import { seededRandom } from '../helpers/seededRandom';


describe('letter masks', () => {
  it('count the letters a candidate has that the word lacks, never more than the edit distance', () => {
    expect(lettersLacking(letterMask('lyon'), letterMask('lyons'))).toBe(1);
    expect(lettersLacking(letterMask('givors'), letterMask('givros'))).toBe(0);
    expect(lettersLacking(letterMask('tours'), letterMask('lyon'))).toBe(3);
    const next = seededRandom(5);
    const letters = 'abcdeilnorstuvz0123456789-';
    const word = (length: number) => Array.from({ length }, () => letters[Math.floor(next() * letters.length)]).join('');
    for (let i = 0; i < 3000; i++) {
      const a = word(1 + Math.floor(next() * 10));
      const b = word(1 + Math.floor(next() * 10));
      expect(lettersLacking(letterMask(a), letterMask(b))).toBeLessThanOrEqual(editDistance(a, b));
    }
  });
});

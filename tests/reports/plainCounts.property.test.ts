import fc from 'fast-check';
import { readActionNumber } from '../../dialogs/report/reportForm';
import { findNumbers, readCount, readCountFor, readReportStatement } from '../../src/reports/reading';
import { DateTime } from 'luxon';

/**
 * QA report 2: « 1e+3 » was stored as 3, « 1e+308 » as 308, « @SUM(1+1) » as 1. A count is a plain whole number
 * (digits, thousands grouped by spaces, or number words); digits cut out of a longer token are never a count.
 */
const now = DateTime.fromISO('2026-12-07T21:12:00', { zone: 'Europe/Paris' });

test.each(['1e+3', '1e+308', '1E3', '@SUM(1+1)', '@SUM(1+1), +Caf', '+3', '=1+1', '1+1', '0x10', '１２', '12.5', '-1', '-4', '1.5', '$12', '#3', '3*4', 'n°3', '~15'])(
  '« %s » is no count: refused or not read, never a fragment',
  (text) => {
    const read = readCount(text);
    expect(read === null || 'problem' in read).toBe(true);
    expect(readCountFor(text, ['parent', 'parents'])).toEqual(expect.not.objectContaining({ value: expect.anything() }));
    expect(findNumbers(text)).toEqual([]);
  },
);

test.each([
  ['14', 14],
  ['(14)', 14],
  ['« 14 »', 14],
  ['14.', 14],
  ['14 !', 14],
  ['1 200', 1200],
  ['1\u202f200', 1200],
  ['douze', 12],
])('« %s » is the count %d', (text, value) => {
  expect(readCount(text)).toEqual({ value });
});

test('a first sentence keeps no fragment: « 1e+3 parents » gives no parents', () => {
  expect(readReportStatement('un café des parents hier, 1e+3 parents, @SUM(1+1) enfants', now)).not.toHaveProperty('parents');
  expect(readReportStatement('un café des parents hier, 1e+3 parents, @SUM(1+1) enfants', now)).not.toHaveProperty('children');
});

/** Characters that, glued to digits, make them part of something else (a formula, a float, a code). */
const GLUE = fc.constantFrom('e', 'E', '+', '@', '#', '$', '*', '^', '&', '|', '\\', '/', 'x', '_', '=', '<', '>', '{', '}', 'e+', 'e-', '(1+', '+1)');

test('digits glued to anything but punctuation are never read as their own value', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999_999 }), GLUE, fc.boolean(), fc.constantFrom('', ' parents', 'parents : '), (n, glue, before, noun) => {
      const token = before ? `${glue}${n}` : `${n}${glue}`;
      const text = noun === 'parents : ' ? `${noun}${token}` : `${token}${noun}`;
      for (const read of [readCount(text), readCountFor(text, ['parent', 'parents'])]) {
        if (read !== null && 'value' in read) expect([text, read.value]).not.toEqual([text, n]);
      }
    }),
    { numRuns: 2_000 },
  );
});

test('any text is refused, or read as a value that stands as a plain number in it', () => {
  const alphabet = fc.constantFrom(...'0123456789  +-.,@()=:/*'.split(''));
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 14 }).map((chars) => chars.join('')), (text) => {
      const read = readCount(text);
      if (read === null || !('value' in read)) return;
      // Every chunk holding a digit is a plain number with only punctuation around it, or a code or a date (« 2.3.2 »,
      // « 12/03 ») that is no count at all.
      const chunks = text.split(/\s+/).filter((chunk) => /\d/.test(chunk));
      for (const chunk of chunks) expect([text, chunk]).toEqual([text, expect.stringMatching(/^\(*\d+(?:[./:,-]\d+)*[).,:]*$/)]);
      // And the value is one of them, as written.
      // Spaces are collapsed before reading: « 9  000 » is « 9 000 ».
      const grouped = [...text.matchAll(/\d{1,3}(?: +\d{3})+/g)].map((match) => Number(match[0].replace(/\D/g, '')));
      expect([...chunks.map((chunk) => Number(chunk.replace(/\D/g, ''))), ...grouped]).toContain(read.value);
    }),
    { numRuns: 5_000 },
  );
});

test.each([
  ['3', 3],
  ['trois', 3],
  ['deux', 2],
  ['l’action 2', 2],
  ['action trois', 3],
  ['action n° 2', 2],
  ['la troisième', 3],
  ['2 — Former les professionnels', 2],
  ['1e+3', null],
  ['@SUM(1+1)', null],
  ['je ne sais pas', null],
])('action number in « %s » → %j', (text, expected) => {
  expect(readActionNumber(text)).toBe(expected);
});

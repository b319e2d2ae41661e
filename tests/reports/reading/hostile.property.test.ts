import fc from 'fast-check';
import { DateTime } from 'luxon';
import * as reading from '../../../src/reports/reading';

/** Whatever is typed, every reader answers without throwing, within a bounded time, with what its type says. */
const now = DateTime.fromISO('2026-01-01T00:10:00', { zone: 'Europe/Paris' });
const pieces = ['la semaine dernière', 'last Tuesday', 'le 3', 'oui', 'euh', 'n/a', '14', 'douze', 'parents', 'dont', '6', 'QPV', 'le 12 mars', 'du 3 au', 'entre le', 'et', 'quatre-vingt', '-', ':', '2.3.2', '<b>', "'; DROP TABLE reports; --", '🙂', 'é', '\u202f', 'mille', 'cent', 'RPT-2026-', '?'];
const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((w) => w.join(' ')),
);

function readAll(input: string) {
  return [
    reading.readCount(input),
    reading.findNumbers(input),
    reading.readActionDates(input, now),
    reading.readReportKind(input),
    reading.readReportStatement(input, now),
    reading.readReportIntent(input),
    reading.readFormCommand(input),
    reading.saysNone(input),
    reading.readCountFor(input, ['enfant', 'enfants', 'children']),
    reading.cleanAnswer(input),
  ];
}

test('any text is read without throwing, and numbers found stand where they are said to', () => {
  fc.assert(
    fc.property(text, (input) => {
      const [, numbers, dates] = readAll(input) as [unknown, Array<{ value: number; start: number; end: number }>, reading.ActionDates];
      for (const n of numbers) {
        expect(Number.isInteger(n.value) && n.value >= 0).toBe(true);
        expect(0 <= n.start && n.start < n.end && n.end <= input.length).toBe(true);
      }
      if (dates !== null && !('problem' in dates)) expect(dates.start <= dates.end && dates.end <= '2026-01-01').toBe(true);
    }),
    { numRuns: 300 },
  );
});

test.each([
  ['digits', '1 '.repeat(5_000)],
  ['days and links', '1 et '.repeat(2_500)],
  ['a date again and again', 'le 12 mars '.repeat(1_000)],
  ['number words', 'quatre-vingt-dix-'.repeat(600)],
  ['one long word', 'a'.repeat(10_000)],
  ['a statement repeated', 'on a fait un café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 du quartier prioritaire. '.repeat(100)],
  ['emoji', '🙂'.repeat(5_000)],
  ['twice the cap', 'douze parents '.repeat(1_500)],
  ['bare days and links', `le ${'1 et le 2 au '.repeat(800)}`],
  ['fillers before an answer', 'oui, euh... ben '.repeat(700)],
  ['counts and parts', '14 parents dont 6 en QPV '.repeat(400)],
])('a long text (%s) is read without throwing', (_name, input) => {
  // No timing assertion (speed is measured by npm run bench): a catastrophic backtrack, seconds to minutes, would
  // exceed jest's timeout and fail the test.
  expect(() => readAll(input)).not.toThrow();
});

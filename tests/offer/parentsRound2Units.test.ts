import fc from 'fast-check';
import { DateTime } from 'luxon';
import { agesOfService } from '../../src/offer/classify';
import { closuresAhead, parseHours, PARIS } from '../../src/offer/hours';
import { foldedText } from '../../src/offer/phrases';
import { readResultQuestion, type ResultQuestionContext } from '../../src/offer/resultQuestion';
import { extractTimeIntent, schoolHolidaysSpan } from '../../src/offer/timeQuery';
import { closureText } from '../../src/messages/time';

/** QA "parents" round 2, the pieces: dated closures, school holidays, ages in months, follow-up wordings. */

const paris = (iso: string) => DateTime.fromISO(iso, { zone: PARIS });
const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

describe('N-M5: closures ahead, read from the schedule', () => {
  const laep = parseHours('Mo,We 14:00-17:30; Sa 09:00-12:00; Dec 21-Jan 03 off', null);

  test('a dated closure within the coming weeks', () => {
    const closures = closuresAhead(laep, paris('2026-12-07T22:00'));
    expect(closures.map((c) => [iso(c.from), iso(c.to)])).toEqual([['2026-12-21', '2027-01-03']]);
    expect(closureText(closures[0], 'fr')).toBe('fermé du 21 décembre au 3 janvier');
    expect(closureText(closures[0], 'en')).toBe('closed from 21 December to 3 January');
  });

  test('one under way is said from its first day', () => {
    expect(closuresAhead(laep, paris('2026-12-29T10:00')).map((c) => iso(c.from))).toEqual(['2026-12-21']);
  });

  test('too far ahead, or a lone public holiday, is not a closure to tell', () => {
    expect(closuresAhead(laep, paris('2026-09-01T10:00'))).toEqual([]);
    expect(closuresAhead(parseHours('Mo-Fr 09:00-17:00; PH off', null), paris('2026-12-07T10:00'))).toEqual([]);
    expect(closuresAhead(parseHours('Mo-Fr 09:00-17:00', null), paris('2026-12-07T10:00'))).toEqual([]);
  });

  test('whatever the hours, closures are in order and well formed', () => {
    const rules = ['Mo-Fr 09:00-17:00', 'Sa 10:00-12:00', 'Dec 24-Jan 01 off', 'Jul 14-Aug 15 off', 'PH off', 'Tu 08:00-09:00', 'Oct 20-Nov 02 off'];
    fc.assert(
      fc.property(fc.subarray(rules, { minLength: 1 }), fc.integer({ min: 0, max: 364 }), (picked, offset) => {
        const hours = parseHours(picked.join('; '), null);
        const closures = closuresAhead(hours, paris('2026-01-01T12:00').plus({ days: offset }));
        for (const c of closures) expect(iso(c.from) <= iso(c.to)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('N-M5: school holidays as a span of days', () => {
  test.each([
    ['christmas', '2026-12-07', '2026-12-19', '2027-01-03'],
    ['christmas', '2025-12-01', '2025-12-20', '2026-01-04'],
    ['all-saints', '2026-09-01', '2026-10-17', '2026-11-01'],
    ['all-saints', '2024-09-01', '2024-10-19', '2024-11-03'],
    ['summer', '2026-12-07', '2027-07-03', '2027-08-31'],
  ] as const)('%s from %s: %s to %s', (holidays, today, from, to) => {
    const [year, month, day] = today.split('-').map(Number);
    const span = schoolHolidaysSpan(holidays, { year, month, day });
    expect([iso(span.from), iso(span.to)]).toEqual([from, to]);
  });

  test.each(['pendant les vacances de noel', "pendant les vacances d'été", 'vacances de la Toussaint', 'during the Christmas holidays'])(
    '« %s » is a span', (text) => {
      const intent = extractTimeIntent(text, paris('2026-12-07T22:00'));
      expect(intent?.date).toBeDefined();
      expect(intent?.until).toBeDefined();
      expect((intent?.date ?? '') <= (intent?.until ?? '')).toBe(true);
    },
  );

  test('any text: a span never ends before it starts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const intent = extractTimeIntent(`${text} vacances de noel`, paris('2026-12-07T22:00'));
        expect(intent && intent.date && intent.until && intent.date <= intent.until).toBeTruthy();
      }),
      { numRuns: 100 },
    );
  });
});

describe('N-L2: ages in months', () => {
  const ages = (text: string) => agesOfService([foldedText(text)], []);
  test.each([
    ['bébés de 0 à 12 mois', [0, 0]],
    ['enfants de 0 à 18 mois', [0, 1]],
    ['pour les moins de 18 mois', [0, 1]],
    ['de 6 à 36 mois', [0, 2]],
  ] as const)('%s', (text, expected) => {
    expect(ages(text)).toEqual(expected);
  });
});

describe('N-L4: questions about the results, typed as parents type them', () => {
  const context = (text: string, place: ResultQuestionContext['place'] = null): ResultQuestionContext => ({
    text, kinds: [], situationKinds: [], general: false, outOfScope: null, audiences: [], age: null, time: null, nearMe: false,
    more: false, farther: false, remote: false, place,
  });
  test.each([
    ['c payan ?', ['price']],
    ['c gratos ?', ['price']],
    ['c est combien le tarrif ?', ['price']],
    ['on peut les appeler ?', ['contact']],
    ['leur numero ?', ['contact']],
  ] as const)('%s', (text, topics) => {
    expect(readResultQuestion({ ...context(text), remote: text.includes('appeler') })).toEqual(topics);
  });

  test('a commune’s own name is not a question word typed wrong', () => {
    expect(readResultQuestion(context('et a tours ?', { typed: 'tours', via: 'name' }))).toBeNull();
  });
});

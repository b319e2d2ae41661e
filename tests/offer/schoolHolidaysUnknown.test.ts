import { DateTime } from 'luxon';
import { isOpenDuring, nextOpening, openDuring, parseHours, todayStatus, usualWeek, PARIS } from '../../src/offer/hours';

/**
 * The opening-hours library ships school holidays for most regions, not Corsica's, and for each region only up to a
 * year: asked about « SH off » where it has none, it throws. One such schedule in an offer made every search with a
 * day or time fail (QA, round 2). The hours are read without their school-holiday rules instead.
 */
const monday = DateTime.fromISO('2026-12-07T10:00', { zone: PARIS });
const window = (from: string, to: string) => ({ start: DateTime.fromISO(from, { zone: PARIS }), end: DateTime.fromISO(to, { zone: PARIS }) });

test.each([
  ['Corse', 'Mo,Tu,Th,Fr 16:45-18:00; SH off'],
  ['Corse', 'Mo,Tu,Th,Fr 16:45-18:00, SH off'],
  [null, 'Mo,Tu,Th,Fr 16:45-18:00; SH off'],
  ['Auvergne-Rhône-Alpes', 'Mo,Tu,Th,Fr 16:45-18:00; SH off'],
])('%s « %s »: read, and every question about it answered', (region, raw) => {
  const hours = parseHours(raw, region);
  expect(hours.schedule).not.toBeNull();
  expect(isOpenDuring(hours, [window('2026-12-07T17:00', '2026-12-07T17:30')])).toBe(true);
  expect(isOpenDuring(hours, [window('2026-12-09T17:00', '2026-12-09T17:30')])).toBe(false);
  expect(nextOpening(hours, monday)).not.toBeNull();
  expect(todayStatus(hours, monday)).not.toBeNull();
  expect(usualWeek(hours, monday)).toBeDefined();
  expect(openDuring(hours, [window('2026-12-10T00:00', '2026-12-11T00:00')])).not.toBeNull();
  // Years the library has no holidays for at all.
  const later = DateTime.fromISO('2031-03-03T10:00', { zone: PARIS });
  expect(() => nextOpening(hours, later)).not.toThrow();
  expect(() => isOpenDuring(hours, [window('2031-03-03T17:00', '2031-03-03T17:30')])).not.toThrow();
});

test('a schedule that is only « SH off » has no known opening, and says so without failing', () => {
  const hours = parseHours('SH off', 'Corse');
  expect(() => nextOpening(hours, monday)).not.toThrow();
  expect(isOpenDuring(hours, [window('2026-12-07T17:00', '2026-12-07T17:30')])).toBe(false);
});

import { DateTime } from 'luxon';
import { nextOpening, parseHours } from '../../src/offer/hours';

const ARA = 'Auvergne-Rhône-Alpes';
const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' });
const instant = (iso: string) => paris(iso).toMillis();

describe('when a place next opens', () => {
  const hours = parseHours('Tu 09:00-12:00,14:00-17:00; Sa 09:30-12:00', ARA);

  it.each([
    ['2026-03-10T10:30:00', '2026-03-10T10:30:00'],
    ['2026-03-10T12:30:00', '2026-03-10T14:00:00'],
    ['2026-03-10T18:00:00', '2026-03-14T09:30:00'],
    ['2026-03-09T23:59:30', '2026-03-10T09:00:00'],
  ])('at %s: %s', (now, opens) => {
    expect(nextOpening(hours, paris(now))).toBe(instant(opens));
  });

  it('knows French public holidays and the change to summer time', () => {
    // 14 July 2026 is a Tuesday, a public holiday.
    expect(nextOpening(parseHours('Tu,We 09:00-12:00; PH off', ARA), paris('2026-07-13T12:00:00'))).toBe(instant('2026-07-15T09:00:00'));
    // Clocks go forward on Sunday 29 March 2026.
    expect(nextOpening(parseHours('Mo 09:00-12:00', ARA), paris('2026-03-28T12:00:00'))).toBe(instant('2026-03-30T09:00:00'));
  });

  it('gives nothing beyond the week that today\'s status looks at, nor for hours it cannot read', () => {
    // Tuesday 14 July is off: the next opening, on the 21st, is more than a week away.
    expect(nextOpening(parseHours('Tu 09:00-12:00; PH off', ARA), paris('2026-07-13T12:00:00'))).toBeNull();
    expect(nextOpening(parseHours('2026 Dec 24 09:00-12:00', ARA), paris('2026-03-10T10:30:00'))).toBeNull();
    expect(nextOpening(parseHours('le mardi vers 3h', ARA), paris('2026-03-10T10:30:00'))).toBeNull();
  });
});

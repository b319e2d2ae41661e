import { DateTime, IANAZone } from 'luxon';
import { PARIS } from '../../src/offer';

const luxonParis = IANAZone.create('Europe/Paris');

describe('the Paris zone used for every turn’s clock', () => {
  test('gives luxon’s own offset at every quarter hour of two years, daylight-saving changes included', () => {
    const start = Date.UTC(2026, 0, 1);
    const end = Date.UTC(2028, 0, 1);
    const mismatches: string[] = [];
    for (let ts = start; ts < end; ts += 15 * 60_000) {
      if (PARIS.offset(ts) !== luxonParis.offset(ts)) mismatches.push(new Date(ts).toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  test.each([
    ['2026-03-29T02:30', '2026-03-29T03:30:00.000+02:00'],
    ['2026-10-25T02:30', '2026-10-25T02:30:00.000+01:00'],
    ['2026-11-22T09:15', '2026-11-22T09:15:00.000+01:00'],
  ])('a wall-clock time %s is placed as luxon places it (the spring gap moves forward, the autumn repeat takes the later hour)', (wall, iso) => {
    expect(DateTime.fromISO(wall, { zone: PARIS }).toISO()).toBe(iso);
    expect(DateTime.fromISO(wall, { zone: luxonParis }).toISO()).toBe(iso);
  });

  test('is the same zone to luxon: same name, equal zones, same day arithmetic', () => {
    expect(PARIS.name).toBe('Europe/Paris');
    expect(PARIS.equals(luxonParis)).toBe(true);
    const before = DateTime.fromISO('2026-03-28T12:00', { zone: PARIS });
    expect(before.plus({ days: 1 }).toISO()).toBe(DateTime.fromISO('2026-03-28T12:00', { zone: luxonParis }).plus({ days: 1 }).toISO());
  });
});

import { DateTime } from 'luxon';
import { closuresAhead, isOpenDuring, nextOpening, openDuring, parseHours, todayStatus, usualWeek, PARIS } from '../../src/offer/hours';
import { timeWindows } from '../../src/offer/timeQuery';
import { timeZoneOfPlace } from '../../src/offer/timeZones';

/**
 * QA "parents" round 3, the pieces: a place overseas keeps its hours on its own clock, and the opening-hours library
 * writes nothing to the console when it lacks school holidays.
 */

// Monday 7 December 2026, 15:00 in Paris: 10:00 in Guadeloupe and Martinique, 11:00 in Guyane, 18:00 in La Réunion,
// 17:00 in Mayotte, 11:00 in Saint-Pierre-et-Miquelon.
const NOW = DateTime.fromISO('2026-12-07T14:00:00Z').setZone(PARIS);
const at = (code: string) => timeZoneOfPlace({ communeCode: code, postcode: null });

describe('each overseas place is on its own clock', () => {
  test.each([
    ['97101', 'America/Guadeloupe'],
    ['97209', 'America/Martinique'],
    ['97302', 'America/Cayenne'],
    ['97411', 'Indian/Reunion'],
    ['97502', 'America/Miquelon'],
    ['97611', 'Indian/Mayotte'],
    ['69123', 'Europe/Paris'],
    ['2A004', 'Europe/Paris'],
  ])('commune %s: %s', (code, zone) => {
    expect(at(code).name).toBe(zone);
  });

  test('hours read with only their region are on its clock', () => {
    expect(parseHours('Mo-Fr 17:00-19:30', 'La Réunion').zone.name).toBe('Indian/Reunion');
    expect(parseHours('Mo-Fr 17:00-19:30', 'Bretagne').zone.name).toBe('Europe/Paris');
    expect(parseHours('Mo-Fr 17:00-19:30', null).zone.name).toBe('Europe/Paris');
  });

  test('a postcode says it when the commune code is missing', () => {
    expect(timeZoneOfPlace({ communeCode: null, postcode: '97490' }).name).toBe('Indian/Reunion');
    expect(timeZoneOfPlace({ communeCode: null, postcode: null }).name).toBe('Europe/Paris');
  });
});

describe('« ouvert maintenant » and the card’s status, on the place’s clock', () => {
  const morning = 'Mo-Fr 08:00-12:00';

  test('a LAEP in Les Abymes open 8–12 is open at 10:00 there, though it is 15:00 in Paris', () => {
    const guadeloupe = parseHours(morning, 'Guadeloupe', at('97101'));
    expect(todayStatus(guadeloupe, NOW)).toEqual({ open: true, state: 'open', until: { at: { hour: 12, minute: 0 }, weekday: 1, day: 'today' }, note: null });
    expect(isOpenDuring(guadeloupe, timeWindows({ now: true }, NOW))).toBe(true);
    expect(nextOpening(guadeloupe, NOW)).toBe(NOW.toMillis());
    // The same hours in Lyon are closed at 15:00, and open again tomorrow at 8:00.
    const lyon = parseHours(morning, 'Auvergne-Rhône-Alpes');
    expect(todayStatus(lyon, NOW)).toMatchObject({ open: false, state: 'closed', next: { at: { hour: 8, minute: 0 }, day: 'tomorrow' } });
    expect(isOpenDuring(lyon, timeWindows({ now: true }, NOW))).toBe(false);
  });

  test('in La Réunion (18:00) a café open 17–19:30 is open now, until 19:30', () => {
    const reunion = parseHours('Mo-Fr 17:00-19:30', 'La Réunion', at('97416'));
    expect(todayStatus(reunion, NOW)).toMatchObject({ open: true, until: { at: { hour: 19, minute: 30 }, day: 'today' } });
    expect(isOpenDuring(reunion, timeWindows({ now: true }, NOW))).toBe(true);
  });

  test('the next opening is an instant: 8:00 in Guadeloupe is 13:00 in Paris', () => {
    const guadeloupe = parseHours(morning, 'Guadeloupe', at('97101'));
    const evening = DateTime.fromISO('2026-12-07T22:00:00Z').setZone(PARIS);
    expect(DateTime.fromMillis(nextOpening(guadeloupe, evening) ?? 0, { zone: PARIS }).toISO()).toBe('2026-12-08T13:00:00.000+01:00');
  });

  test('« ce soir », « samedi » are the place’s evening and Saturday, said in its hours', () => {
    const reunion = parseHours('Mo-Fr 17:00-19:30; Sa 09:00-11:00', 'La Réunion', at('97416'));
    const tonight = timeWindows({ date: '2026-12-07', part: 'evening' }, NOW);
    expect(openDuring(reunion, tonight)).toEqual({ weekday: 1, span: { allDay: false, start: { hour: 17, minute: 0 }, end: { hour: 19, minute: 30 } } });
    const saturday = timeWindows({ weekdays: [6] }, NOW);
    expect(openDuring(reunion, saturday)).toEqual({ weekday: 6, span: { allDay: false, start: { hour: 9, minute: 0 }, end: { hour: 11, minute: 0 } } });
    expect(usualWeek(reunion, NOW).days?.[5]).toEqual([{ allDay: false, start: { hour: 9, minute: 0 }, end: { hour: 11, minute: 0 } }]);
  });

  test('Saint-Pierre-et-Miquelon keeps its own summer time', () => {
    // 1 July 2026, 14:00 UTC: 16:00 in Paris, 12:00 in Miquelon (UTC-2 in summer).
    const july = DateTime.fromISO('2026-07-01T14:00:00Z').setZone(PARIS);
    const miquelon = parseHours('Mo-Fr 11:00-13:00', null, at('97502'));
    expect(todayStatus(miquelon, july)).toMatchObject({ open: true, until: { at: { hour: 13, minute: 0 } } });
    expect(todayStatus(parseHours('Mo-Fr 11:00-13:00', null), july)).toMatchObject({ open: false });
  });
});

describe('the library says nothing on the console when it lacks school holidays', () => {
  let errors: jest.SpyInstance;
  let warnings: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, 'error');
    warnings = jest.spyOn(console, 'warn');
  });
  afterEach(() => {
    errors.mockRestore();
    warnings.mockRestore();
  });

  test('a Corsican service with « SH off » is read, quietly', () => {
    // Another schedule than elsewhere in this file: parseHours keeps what it read.
    const hours = parseHours('Mo,We,Fr 09:15-11:45; SH off', 'Corse');
    expect(hours.schedule).not.toBeNull();
    expect(todayStatus(hours, NOW)).toMatchObject({ open: false });
    expect(closuresAhead(hours, NOW)).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  });

  test('a year past the library’s school holidays is read, quietly', () => {
    const hours = parseHours('Tu,Th 13:40-16:20; SH off', 'Île-de-France');
    const later = DateTime.fromISO('2041-03-05T10:00', { zone: PARIS });
    expect(nextOpening(hours, later)).not.toBeNull();
    expect(usualWeek(hours, later).days?.[1]).toEqual([{ allDay: false, start: { hour: 13, minute: 40 }, end: { hour: 16, minute: 20 } }]);
    expect(errors).not.toHaveBeenCalled();
  });

  test('the console works again after the library was asked', () => {
    errors.mockImplementation(() => undefined);
    parseHours('Mo 08:05-09:05; SH off', 'Corse');
    console.error('still heard');
    expect(errors).toHaveBeenCalledWith('still heard');
  });
});

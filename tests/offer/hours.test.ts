import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describeHours, openWhenAskedText, statusToday, weekText } from '../../src/messages/hours';
import { isOpenDuring, openDuring, parseHours, todayStatus, usualWeek } from '../../src/offer/hours';
import { describeTimeIntent } from '../../src/messages/time';
import { extractTimeIntent, timeWindows } from '../../src/offer/timeQuery';

const ARA = 'Auvergne-Rhône-Alpes';
const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' });
// Tuesday 10 March 2026, 10:30 in Paris.
const now = paris('2026-03-10T10:30:00');

describe('opening hours in plain French', () => {
  it.each([
    ['Tu 14:00-17:00; Sa 09:30-12:00', 'le mardi de 14 h à 17 h, le samedi de 9 h 30 à 12 h'],
    ['Mo-Fr 09:00-12:00,14:00-18:30', 'du lundi au vendredi de 9 h à 12 h et de 14 h à 18 h 30'],
    ['Mo,We 09:00-11:30', 'le lundi et le mercredi de 9 h à 11 h 30'],
    ['Mo,Tu,Th,Fr 16:30-18:00', 'le lundi, le mardi, le jeudi et le vendredi de 16 h 30 à 18 h'],
    ['Mo-Su 08:00-20:00', 'tous les jours de 8 h à 20 h'],
    ['Mo-Fr 09:00-17:00; PH off', 'du lundi au vendredi de 9 h à 17 h'],
    ['Mo-Fr 08:30-18:00 "sur rendez-vous"', 'du lundi au vendredi de 8 h 30 à 18 h (sur rendez-vous)'],
  ])('%s → %s', (raw, text) => {
    expect(describeHours(parseHours(raw, ARA), now, 'fr')).toBe(text);
  });

  it('describes a usual week even when a public holiday falls in it', () => {
    // Easter Monday, 6 April 2026: the Monday opening still shows.
    expect(describeHours(parseHours('Mo 10:00-12:00; PH off', ARA), paris('2026-04-06T08:00:00'), 'fr')).toBe('le lundi de 10 h à 12 h');
  });

  it('speaks English', () => {
    expect(describeHours(parseHours('Tu 14:00-17:00; Sa 09:30-12:00', ARA), now, 'en')).toBe('Tuesday 14:00–17:00, Saturday 09:30–12:00');
  });

  it('shows what it cannot read as it is', () => {
    const hours = parseHours('le mardi vers 3h', ARA);
    expect(hours.schedule).toBeNull();
    expect(hours.error).toBeTruthy();
    // The card's label says « Horaires »: the text says the value alone, once.
    expect(describeHours(hours, now, 'fr')).toBe('le mardi vers 3h');
    expect(statusToday(hours, now, 'fr')).toBeNull();
  });
});

describe("today's status", () => {
  const hours = parseHours('Tu 09:00-12:00,14:00-17:00; Sa 09:30-12:00', ARA);
  it.each([
    ['2026-03-10T10:30:00', "ouvert maintenant, jusqu'à 12 h"],
    ['2026-03-10T12:30:00', "fermé maintenant ; rouvre aujourd'hui à 14 h"],
    ['2026-03-10T18:00:00', 'fermé maintenant ; prochaine ouverture samedi à 9 h 30'],
    ['2026-03-09T10:00:00', "fermé aujourd'hui ; prochaine ouverture demain à 9 h"],
    ['2026-03-14T13:00:00', 'fermé maintenant ; prochaine ouverture mardi à 9 h'],
  ])('at %s: %s', (iso, text) => {
    expect(statusToday(hours, paris(iso), 'fr')?.text).toBe(text);
  });

  it('says "next Tuesday" when the next opening is a week away', () => {
    expect(statusToday(parseHours('Tu 08:30-10:00', ARA), now, 'fr')?.text).toBe('fermé maintenant ; prochaine ouverture mardi prochain à 8 h 30');
    expect(statusToday(parseHours('Tu 08:30-10:00', ARA), now, 'en')?.text).toBe('closed now; next opening next Tuesday at 08:30');
  });

  it('knows French public holidays', () => {
    // 14 July 2026 is a Tuesday.
    const closedOnHolidays = parseHours('Tu 09:00-12:00; PH off', ARA);
    expect(statusToday(closedOnHolidays, paris('2026-07-14T10:00:00'), 'fr')?.open).toBe(false);
    expect(statusToday(closedOnHolidays, paris('2026-07-07T10:00:00'), 'fr')?.open).toBe(true);
  });

  it('knows the school holidays of the region', () => {
    // Spring holidays 2026 in Auvergne-Rhône-Alpes: 4–19 April; Tuesday 14 April is in them.
    const closedInHolidays = parseHours('Tu 16:30-18:00; SH off', ARA);
    expect(isOpenDuring(closedInHolidays, [{ start: paris('2026-04-14T00:00:00'), end: paris('2026-04-15T00:00:00') }])).toBe(false);
    expect(isOpenDuring(closedInHolidays, [{ start: paris('2026-03-10T00:00:00'), end: paris('2026-03-11T00:00:00') }])).toBe(true);
  });

  it('reads Paris time whatever the process time zone', () => {
    // 09:15 UTC is 10:15 in Paris in March: open.
    const utc = DateTime.fromISO('2026-03-10T09:15:00Z');
    expect(statusToday(hours, utc, 'fr')?.open).toBe(true);
  });
});

describe('when parents want it open', () => {
  it.each([
    ['ouvert le samedi', { weekdays: [6] }, 'le samedi'],
    ['le mercredi après-midi', { weekdays: [3], part: 'afternoon' }, 'le mercredi après-midi'],
    ['ouvert maintenant', { now: true }, 'maintenant'],
    ['demain matin', { date: '2026-03-11', part: 'morning', relative: true, saidAt: expect.any(Number) }, 'demain matin'],
    ['ce week-end', { weekdays: [6, 7], once: true }, 'ce week-end'],
    ['open on Saturday', { weekdays: [6] }, 'le samedi'],
    ["aujourd'hui", { date: '2026-03-10', relative: true, saidAt: expect.any(Number) }, "aujourd'hui"],
    ['ce soir', { date: '2026-03-10', part: 'evening', relative: true, saidAt: expect.any(Number) }, 'ce soir'],
  ])('%s', (text, intent, described) => {
    const found = extractTimeIntent(text, now);
    expect(found).toEqual(intent);
    expect(describeTimeIntent(found ?? {}, now, 'fr')).toBe(described);
  });

  it('finds nothing in a sentence without time', () => {
    expect(extractTimeIntent('un groupe de parole à Givors', now)).toBeNull();
  });

  it('filters with the windows of the intent', () => {
    const laep = parseHours('Tu 14:00-17:00; Sa 09:30-12:00', ARA);
    const mondays = parseHours('Mo,We 09:00-11:30', ARA);
    const saturday = timeWindows({ weekdays: [6] }, now);
    expect(isOpenDuring(laep, saturday)).toBe(true);
    expect(isOpenDuring(mondays, saturday)).toBe(false);
    const wednesdayAfternoon = timeWindows({ weekdays: [3], part: 'afternoon' }, now);
    expect(isOpenDuring(mondays, wednesdayAfternoon)).toBe(false);
    expect(isOpenDuring(parseHours('We 14:00-16:00', ARA), wednesdayAfternoon)).toBe(true);
    const openNow = timeWindows({ now: true }, now);
    expect(isOpenDuring(parseHours('Tu 10:00-11:00', ARA), openNow)).toBe(true);
    expect(isOpenDuring(laep, openNow)).toBe(false);
    const tomorrowMorning = timeWindows({ date: '2026-03-11', part: 'morning' }, now);
    expect(isOpenDuring(mondays, tomorrowMorning)).toBe(true);
    expect(isOpenDuring(laep, tomorrowMorning)).toBe(false);
  });
});

describe("today's status around clock changes, nights and holidays", () => {
  // Read from the open spans of the coming days, kept per schedule: these cases are where that reading could slip.
  it.each([
    // Spring forward: 02:00–03:00 does not exist on 29 March 2026; the opening still closes at 3 h 30.
    ['Su 01:30-03:30', '2026-03-29T01:30:00', "ouvert maintenant, jusqu'à 3 h 30"],
    ['Su 01:30-03:30', '2026-03-29T03:30:00', 'fermé maintenant ; prochaine ouverture dimanche prochain à 1 h 30'],
    // Fall back: 02:30 comes twice on 25 October 2026.
    ['Su 01:30-03:30', '2026-10-25T01:30:00', "ouvert maintenant, jusqu'à 3 h 30"],
    ['Mo-Fr 22:00-02:00', '2026-10-25T02:30:00', "fermé aujourd'hui ; prochaine ouverture demain à 22 h"],
    // Open past midnight.
    ['Mo-Fr 22:00-02:00', '2026-01-07T23:59:45', "ouvert maintenant, jusqu'à demain 2 h"],
    ['Mo-Fr 22:00-02:00', '2026-01-04T23:59:45', "fermé aujourd'hui ; prochaine ouverture demain à 22 h"],
    // Christmas and New Year's Day are Fridays: the next opening skips them.
    ['Mo-Fr 09:00-17:00; PH off', '2026-12-24T17:00:00', 'fermé maintenant ; prochaine ouverture lundi à 9 h'],
    ['Mo-Fr 09:00-17:00; PH off', '2026-12-21T19:45:10', 'fermé maintenant ; prochaine ouverture demain à 9 h'],
  ])('%s at %s: %s', (raw, iso, text) => {
    expect(statusToday(parseHours(raw, ARA), paris(iso), 'fr')?.text).toBe(text);
  });

  it('gives the same answer from any zone the instant is expressed in, and at any second of a minute', () => {
    const hours = parseHours('Tu 09:00-12:00,14:00-17:00; Sa 09:30-12:00', ARA);
    const instant = paris('2026-03-10T11:59:30');
    expect(statusToday(hours, instant.toUTC(), 'fr')).toEqual(statusToday(hours, instant, 'fr'));
    expect(statusToday(hours, instant, 'fr')?.text).toBe("ouvert maintenant, jusqu'à 12 h");
    expect(statusToday(hours, paris('2026-03-10T12:00:00'), 'fr')?.text).toBe("fermé maintenant ; rouvre aujourd'hui à 14 h");
  });

  it('describes the week of the date asked, not of the first date it was asked for', () => {
    const hours = parseHours('Jan-Jun Mo 10:00-12:00; Jul-Dec Tu 10:00-12:00', ARA);
    expect(describeHours(hours, paris('2026-03-10T10:00:00'), 'fr')).toBe('le lundi de 10 h à 12 h');
    expect(describeHours(hours, paris('2026-09-15T10:00:00'), 'fr')).toBe('le mardi de 10 h à 12 h');
    expect(describeHours(hours, paris('2026-03-10T10:00:00'), 'en')).toBe('Monday 10:00–12:00');
    expect(describeHours(hours, paris('2026-03-11T18:00:00'), 'fr')).toBe('le lundi de 10 h à 12 h');
  });

  it('filters a time window far from today as well as one within the next two weeks', () => {
    const saturdays = parseHours('Sa 10:00-12:00', ARA);
    expect(isOpenDuring(saturdays, timeWindows({ weekdays: [6] }, now))).toBe(true);
    // A date kept in a conversation may be months away.
    expect(isOpenDuring(saturdays, timeWindows({ date: '2026-09-12' }, now))).toBe(true);
    expect(isOpenDuring(saturdays, timeWindows({ date: '2026-09-11' }, now))).toBe(false);
  });
});

describe('time windows asked again', () => {
  it('are those of the day asked, and a caller may change the list it gets', () => {
    const saturday = { weekdays: [6] };
    const first = timeWindows(saturday, now);
    first.pop();
    const again = timeWindows(saturday, now);
    expect(again.map((w) => w.start.toISODate())).toEqual(['2026-03-14', '2026-03-21']);
    const nextDay = timeWindows(saturday, paris('2026-03-15T09:00:00'));
    expect(nextDay.map((w) => w.start.toISODate())).toEqual(['2026-03-21', '2026-03-28']);
    const openNow = timeWindows({ now: true }, paris('2026-03-15T09:00:30'));
    expect(openNow[0].start.toISO()).toBe('2026-03-15T09:00:30.000+01:00');
  });
});

describe('opening hours as data', () => {
  const hours = parseHours('Tu 09:00-12:00,14:00-17:00; Sa 09:30-12:00', ARA);

  it('gives today\'s status as a state and clock times, the words left to src/messages', () => {
    expect(todayStatus(hours, paris('2026-03-10T10:30:00'))).toEqual({
      open: true, state: 'open', until: { at: { hour: 12, minute: 0 }, weekday: 2, day: 'today' }, note: null,
    });
    expect(todayStatus(hours, paris('2026-03-10T08:30:00'))).toEqual({ open: false, state: 'opens-today', at: { hour: 9, minute: 0 }, reopens: false });
    expect(todayStatus(hours, paris('2026-03-10T12:30:00'))).toEqual({ open: false, state: 'opens-today', at: { hour: 14, minute: 0 }, reopens: true });
    expect(todayStatus(hours, paris('2026-03-10T18:00:00'))).toEqual({
      open: false, state: 'closed', next: { at: { hour: 9, minute: 30 }, weekday: 6, day: 'this-week' }, openedToday: true,
    });
    expect(todayStatus(parseHours('Tu 08:30-10:00', ARA), now)).toMatchObject({ state: 'closed', next: { day: 'next-week', weekday: 2 } });
    expect(todayStatus(parseHours('2026 Dec 24 09:00-12:00', ARA), now)).toEqual({ open: false, state: 'closed', next: null, openedToday: false });
  });

  it('gives the usual week day by day, an opening to midnight ending at 24:00', () => {
    const week = usualWeek(parseHours('Mo 18:00-24:00; We 00:00-24:00', ARA), now);
    expect(week.days?.[0]).toEqual([{ allDay: false, start: { hour: 18, minute: 0 }, end: { hour: 24, minute: 0 } }]);
    expect(week.days?.[2]).toEqual([{ allDay: true }]);
    expect(weekText(week, 'fr')).toBe('le lundi de 18 h à 24 h, le mercredi toute la journée');
    expect(usualWeek(parseHours('le mardi vers 3h', ARA), now)).toEqual({ raw: 'le mardi vers 3h', days: null, comments: [], monthly: [] });
  });

  it('says when a place is open within the time asked: the whole opening met', () => {
    const open = openDuring(hours, timeWindows({ weekdays: [6] }, now));
    expect(open).toEqual({ weekday: 6, span: { allDay: false, start: { hour: 9, minute: 30 }, end: { hour: 12, minute: 0 } } });
    expect(open && openWhenAskedText(open, 'fr')).toBe('le samedi de 9 h 30 à 12 h');
    expect(open && openWhenAskedText(open, 'en')).toBe('Saturday 09:30–12:00');
    expect(openDuring(hours, timeWindows({ weekdays: [7] }, now))).toBeNull();
  });
});

describe('a place open round the clock, and a week cut into days', () => {
  // Monday 7 December 2026, 13:20 in Paris: the QA's instant.
  const monday = paris('2026-12-07T13:20:00');

  it.each(['Mo-Su 00:00-24:00', '24/7'])('%s reads "tous les jours, 24 h/24" and "ouvert 24 h/24"', (raw) => {
    const hours = parseHours(raw, ARA);
    expect(describeHours(hours, monday, 'fr')).toBe('tous les jours, 24 h/24');
    expect(describeHours(hours, monday, 'en')).toBe('every day, 24 hours a day');
    expect(todayStatus(hours, monday)).toEqual({ open: true, state: 'open', until: null, note: null });
    expect(statusToday(hours, monday, 'fr')?.text).toBe('ouvert 24 h/24');
    expect(statusToday(hours, monday, 'en')?.text).toBe('open 24/7');
  });

  it('says each day of an opening that runs over several days', () => {
    // From Friday evening to Monday morning, one interval for the library.
    const weekend = parseHours('Fr 18:00-24:00; Sa-Su 00:00-24:00; Mo 00:00-08:00', ARA);
    expect(describeHours(weekend, monday, 'fr')).toBe('le lundi de 0 h à 8 h, le vendredi de 18 h à 24 h, le samedi et le dimanche toute la journée');
    // Its closing is a real one, days ahead, not the end of a look-ahead.
    expect(statusToday(weekend, paris('2026-12-12T10:00:00'), 'fr')?.text).toBe("ouvert maintenant, jusqu'à lundi 8 h");
    expect(statusToday(weekend, paris('2026-12-11T19:00:00'), 'en')?.text).toBe('open now, until Monday 08:00');
  });

  it('keeps a night opening under the evening it starts', () => {
    expect(describeHours(parseHours('Mo-Fr 22:00-02:00', ARA), monday, 'fr')).toBe('du lundi au vendredi de 22 h à 2 h');
  });

  it('gives the closing time of an opening that runs past the next day', () => {
    const long = parseHours('Mo 08:00-24:00; Tu-We 00:00-24:00; Th 00:00-12:00', ARA);
    expect(todayStatus(long, monday)).toEqual({
      open: true, state: 'open', until: { at: { hour: 12, minute: 0 }, weekday: 4, day: 'this-week' }, note: null,
    });
  });
});

describe("today's status at every moment of a day", () => {
  // Monday 7 December 2026; Tuesday 8 is the day before a closing day (Wednesday), Thursday opens again.
  const hours = parseHours('Mo,Tu,Th 09:00-12:00,14:00-17:00', ARA);
  it.each([
    ['before the first span', '2026-12-07T08:00:00', "ouvre aujourd'hui à 9 h"],
    ['during the first span', '2026-12-07T10:00:00', "ouvert maintenant, jusqu'à 12 h"],
    ['between two spans', '2026-12-07T13:20:00', "fermé maintenant ; rouvre aujourd'hui à 14 h"],
    ['during the last span', '2026-12-07T16:59:00', "ouvert maintenant, jusqu'à 17 h"],
    ['after the last span', '2026-12-07T17:00:00', 'fermé maintenant ; prochaine ouverture demain à 9 h'],
    ['the day before a closing day', '2026-12-08T18:00:00', 'fermé maintenant ; prochaine ouverture jeudi à 9 h'],
    ['a closing day', '2026-12-09T10:00:00', "fermé aujourd'hui ; prochaine ouverture demain à 9 h"],
    ['the last opening day of the week', '2026-12-10T20:00:00', 'fermé maintenant ; prochaine ouverture lundi à 9 h'],
  ])('%s (%s): %s', (_case, iso, text) => {
    expect(statusToday(hours, paris(iso), 'fr')?.text).toBe(text);
  });

  it('says in English that a place open this morning is closed now', () => {
    expect(statusToday(parseHours('Mo 09:00-12:00', ARA), paris('2026-12-07T13:20:00'), 'en')?.text).toBe('closed now; next opening next Monday at 09:00');
    expect(statusToday(hours, paris('2026-12-07T13:20:00'), 'en')?.text).toBe('closed now; reopens today at 14:00');
  });

  it.each([
    // Across midnight: open from the evening before.
    ['Mo-Fr 22:00-02:00', '2026-12-08T01:00:00', "ouvert maintenant, jusqu'à 2 h"],
    ['Mo-Fr 22:00-02:00', '2026-12-07T23:00:00', "ouvert maintenant, jusqu'à demain 2 h"],
    ['Mo-Fr 22:00-02:00', '2026-12-08T03:00:00', "fermé maintenant ; rouvre aujourd'hui à 22 h"],
    // An opening to midnight closes at 24 h, today.
    ['Mo 18:00-24:00', '2026-12-07T20:00:00', "ouvert maintenant, jusqu'à 24 h"],
    // Clock changes in Europe/Paris: 29 March and 25 October 2026 are Sundays.
    ['Su 09:00-12:00,14:00-18:00', '2026-03-29T13:00:00', "fermé maintenant ; rouvre aujourd'hui à 14 h"],
    ['Su 09:00-12:00,14:00-18:00', '2026-10-25T19:00:00', 'fermé maintenant ; prochaine ouverture dimanche prochain à 9 h'],
    ['Mo-Su 00:00-24:00', '2026-03-29T02:30:00', 'ouvert 24 h/24'],
    ['Mo-Su 00:00-24:00', '2026-10-25T02:30:00', 'ouvert 24 h/24'],
  ])('%s at %s: %s', (raw, iso, text) => {
    expect(statusToday(parseHours(raw, ARA), paris(iso), 'fr')?.text).toBe(text);
  });

  it('describes every day of the week a clock change falls in', () => {
    expect(describeHours(parseHours('24/7', ARA), paris('2026-03-29T12:00:00'), 'fr')).toBe('tous les jours, 24 h/24');
    expect(describeHours(parseHours('24/7', ARA), paris('2026-10-25T12:00:00'), 'fr')).toBe('tous les jours, 24 h/24');
  });
});

describe('no reading kept from one instant to the next', () => {
  it('gives each instant its own status, in any order', () => {
    const hours = parseHours('Mo 09:00-12:00', ARA);
    const instants = ['2026-12-07T10:00:00', '2026-12-07T13:00:00', '2026-12-07T08:00:00', '2026-12-07T10:00:00'];
    expect(instants.map((iso) => todayStatus(hours, paris(iso))?.state)).toEqual(['open', 'closed', 'opens-today', 'open']);
  });

  it('has no module-level cache of the last instant', () => {
    const source = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../src/offer/hours.ts'), 'utf8') as string;
    expect(source).not.toMatch(/^let\s+last/m);
  });
});

describe('the time asked, read from the span table', () => {
  // What openDuring answered when it asked the library for each window and read its Dates with luxon: the table
  // must say the same, across changes of time, midnights, nights and public holidays.
  const fromLibrary = (raw: string, windows: ReturnType<typeof timeWindows>) => {
    const schedule = parseHours(raw, ARA).schedule;
    if (!schedule) return null;
    const wall = (t: DateTime) => new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    const back = (d: Date) => DateTime.fromObject({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() }, { zone: 'Europe/Paris' });
    for (const window of windows) {
      // The whole opening the window falls in (the library's pieces joined), from the midnight of the day it is met
      // at the earliest, and to the next midnight when it lasts a day or more.
      const dayStart = window.start.setZone('Europe/Paris').startOf('day');
      const pieces = schedule.getOpenIntervals(wall(dayStart), wall(dayStart.plus({ days: 15 }))).map(([a, b]) => ({ from: back(a), to: back(b) }));
      const openings: Array<{ from: DateTime; to: DateTime }> = [];
      for (const piece of pieces) {
        const last = openings[openings.length - 1];
        if (last && piece.from <= last.to) last.to = piece.to > last.to ? piece.to : last.to;
        else openings.push({ ...piece });
      }
      const found = openings.find((o) => o.to > window.start && o.from < window.end);
      if (!found) continue;
      const met = (found.from > window.start ? found.from : window.start).startOf('day');
      const start = found.from < met ? met : found.from;
      const to = found.to;
      const end = to.diff(found.from, 'hours').hours >= 24 && to > met.plus({ days: 1 }) ? met.plus({ days: 1 }) : to;
      if (end <= start) continue;
      const midnight = end.hour === 0 && end.minute === 0 && end > start;
      const allDay = (start.hour === 0 && start.minute === 0 && midnight && end <= start.plus({ hours: 25 })) || end.diff(start, 'hours').hours >= 24;
      const clock = (t: DateTime) => ({ hour: t.hour, minute: t.minute });
      return { weekday: start.weekday, span: allDay ? { allDay: true } : { allDay: false, start: clock(start), end: midnight ? { hour: 24, minute: 0 } : clock(end) } };
    }
    return null;
  };
  const openAnyFromLibrary = (raw: string, windows: ReturnType<typeof timeWindows>) => {
    const schedule = parseHours(raw, ARA).schedule;
    const wall = (t: DateTime) => new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    return windows.some((w) => (schedule?.getOpenIntervals(wall(w.start.setZone('Europe/Paris')), wall(w.end.setZone('Europe/Paris'))).length ?? 0) > 0);
  };
  const schedules = [
    'Tu 14:00-17:00; Sa 09:30-12:00', 'Mo-Su 00:00-24:00', '24/7', 'Sa 22:00-02:00', 'Su 01:30-03:30', 'Sa-Su 00:00-24:00',
    'Mo-Fr 09:00-12:00,14:00-18:30; PH off', 'We 18:00-24:00', 'Mo-Fr 08:30-18:00 "sur rendez-vous"; Sa 10:00-12:00',
    'Su 02:00-02:45', 'Sa 23:00-24:00; Su 00:00-03:00', 'Mo-Su 06:00-23:00; SH off', 'Su 01:00-24:00', 'Su 00:30-24:00',
  ];
  const instants = ['2026-03-10T10:30:00', '2026-03-27T23:10:00', '2026-03-29T01:45:00', '2026-10-24T12:00:00', '2026-10-25T02:30:00', '2026-12-24T18:00:00', '2026-04-05T23:59:00'];
  it('says what the library says, for any schedule, instant and time asked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...schedules),
        fc.constantFrom(...instants),
        fc.oneof(
          fc.record({ weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }), part: fc.constantFrom(undefined, 'morning', 'afternoon', 'evening' as const) }),
          fc.constant({ now: true }),
          fc.record({ date: fc.constantFrom('2026-03-29', '2026-10-25', '2026-12-25', '2026-04-04'), part: fc.constantFrom(undefined, 'evening' as const) }),
        ),
        (raw, iso, intent) => {
          const at = paris(iso);
          const asked = Object.fromEntries(Object.entries(intent).filter(([, v]) => v !== undefined));
          expect(openDuring(parseHours(raw, ARA), timeWindows(asked, at))).toEqual(fromLibrary(raw, timeWindows(asked, at)));
          expect(isOpenDuring(parseHours(raw, ARA), timeWindows(asked, at))).toBe(openAnyFromLibrary(raw, timeWindows(asked, at)));
        },
      ),
      { numRuns: 400 },
    );
  });
});

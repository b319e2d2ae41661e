import fc from 'fast-check';
import { DateTime } from 'luxon';
import { readActionDates } from '../../../src/reports/reading';

/** Tuesday 10 March 2026, 10:30 in Paris. */
const now = DateTime.fromISO('2026-03-10T10:30:00', { zone: 'Europe/Paris' });
const day = (start: string, end = start) => ({ start, end });

describe('an action’s date, read in Paris on Tuesday 10 March 2026', () => {
  test.each([
    ['le 12 mars', day('2025-03-12')],
    ['le 2 mars', day('2026-03-02')],
    ['12/03', day('2025-03-12')],
    ['02/03/2026', day('2026-03-02')],
    ['2026-03-01', day('2026-03-01')],
    ['mardi dernier', day('2026-03-03')],
    ['lundi passé', day('2026-03-09')],
    ['lundi', day('2026-03-09')],
    ['hier', day('2026-03-09')],
    ['avant-hier', day('2026-03-08')],
    ["aujourd'hui", day('2026-03-10')],
    ['ce matin', day('2026-03-10')],
    ['il y a trois jours', day('2026-03-07')],
    ['douze février', day('2026-02-12')],
    ['le premier mars', day('2026-03-01')],
    ['le 1er mars 2025', day('2025-03-01')],
    ['du 3 au 5 février', day('2026-02-03', '2026-02-05')],
    ['du 3 au 5 avril', day('2025-04-03', '2025-04-05')],
    ['entre le 3 et le 5 février', day('2026-02-03', '2026-02-05')],
    ['3-5 février', day('2026-02-03', '2026-02-05')],
    ['du lundi 2 au mercredi 4 mars', day('2026-03-02', '2026-03-04')],
    ['les 3, 10 et 17 février', day('2026-02-03', '2026-02-17')],
    ['du 28 décembre au 3 janvier', day('2025-12-28', '2026-01-03')],
    ['en février', day('2026-02-01', '2026-02-28')],
    ['en mars', day('2026-03-01', '2026-03-10')],
    ['en avril', day('2025-04-01', '2025-04-30')],
    ['au mois de mai 2025', day('2025-05-01', '2025-05-31')],
    ['le mois dernier', day('2026-02-01', '2026-02-28')],
    ['le 29 février', day('2024-02-29')],
    ['le 2 mars de 14h à 16h', day('2026-03-02')],
    ['March 2nd', day('2026-03-02')],
    ['last Tuesday', day('2026-03-03')],
    ['yesterday', day('2026-03-09')],
    ['in February', day('2026-02-01', '2026-02-28')],
    ['demain', { problem: 'future' }],
    ['le 12 mars 2026', { problem: 'future' }],
    ['mardi prochain', { problem: 'future' }],
    ['du 5 au 3 février', { problem: 'endBeforeStart' }],
    ['le 31 février', { problem: 'notADate' }],
    // A bare day of the month, as the whole answer, is the most recent past one (QA, issue 10).
    ['le 12', day('2026-02-12')],
    ['sept parents', null],
    ['une sortie à la mer', null],
    ['à 10 heures', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(readActionDates(text, now)).toEqual(expected);
  });
});

describe('days are calendar days in Paris', () => {
  const justAfterMidnight = DateTime.fromISO('2026-04-01T00:30:00', { zone: 'Europe/Paris' });
  const newYear = DateTime.fromISO('2026-01-01T09:00:00', { zone: 'Europe/Paris' });
  test.each([
    [justAfterMidnight, "aujourd'hui", day('2026-04-01')],
    [justAfterMidnight, 'hier', day('2026-03-31')],
    [justAfterMidnight, 'le 1er avril', day('2026-04-01')],
    [justAfterMidnight, 'en avril', day('2026-04-01')],
    [justAfterMidnight.toUTC(), "aujourd'hui", day('2026-04-01')],
    [newYear, 'le 31 décembre', day('2025-12-31')],
    [newYear, 'hier', day('2025-12-31')],
    [newYear, 'en décembre', day('2025-12-01', '2025-12-31')],
    [newYear, 'le 2 janvier', day('2025-01-02')],
    [newYear, 'du 28 décembre au 1er janvier', day('2025-12-28', '2026-01-01')],
    [newYear, 'mardi dernier', day('2025-12-30')],
  ])('at %s, %j → %j', (at, text, expected) => {
    expect(readActionDates(text, at)).toEqual(expected);
  });

  test('whatever the machine’s time zone', () => {
    const zone = process.env.TZ;
    try {
      for (const machine of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = machine;
        expect(readActionDates("aujourd'hui", justAfterMidnight)).toEqual(day('2026-04-01'));
        expect(readActionDates('hier', justAfterMidnight)).toEqual(day('2026-03-31'));
        expect(readActionDates('mardi dernier', justAfterMidnight)).toEqual(day('2026-03-31'));
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('properties', () => {
  const anyNow = fc
    .date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => DateTime.fromJSDate(d, { zone: 'Europe/Paris' }));
  const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  const written = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 31 }), fc.constantFrom(...months)).map(([d, m]) => `le ${d} ${m}`),
    fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom(...months)).map(([a, b, m]) => `du ${a} au ${b} ${m}`),
    fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 })).map(([d, m]) => `${d}/${m}`),
    fc.constantFrom(...months).map((m) => `en ${m}`),
    fc.constantFrom('lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche').map((d) => `${d} dernier`),
    fc.constantFrom('hier', "aujourd'hui", 'avant-hier', 'la semaine dernière', 'le mois dernier', 'il y a 3 jours'),
  );

  test('a date read is never after today in Paris, and a period never ends before it starts', () => {
    fc.assert(
      fc.property(anyNow, written, (at, text) => {
        const read = readActionDates(text, at);
        expect(read).not.toBeNull();
        if (read === null || 'problem' in read) {
          // A period under way (« du 1 au 2 août » on 1 August) is this year's, and not over: future.
          expect(read).toEqual({ problem: expect.stringMatching(text.startsWith('du ') ? /^(?:notADate|endBeforeStart|future)$/ : /^(?:notADate|endBeforeStart)$/) });
          return;
        }
        const today = at.setZone('Europe/Paris').toISODate() ?? '';
        expect(read.start <= read.end).toBe(true);
        expect(read.end <= today).toBe(true);
        // The most recent past one: less than a year back (the 29th of February excepted).
        if (!/29 f|29\/2/.test(text)) expect(DateTime.fromISO(read.start, { zone: 'Europe/Paris' }) > at.minus({ years: 1, days: 1 })).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('« X dernier » is the last such day before today', () => {
    const names = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
    fc.assert(
      fc.property(anyNow, fc.integer({ min: 1, max: 7 }), (at, weekday) => {
        const read = readActionDates(`${names[weekday - 1]} dernier`, at);
        const today = at.setZone('Europe/Paris').startOf('day');
        if (read === null || 'problem' in read) throw new Error(`not read: ${JSON.stringify(read)}`);
        const date = DateTime.fromISO(read.start, { zone: 'Europe/Paris' });
        expect(date.weekday).toBe(weekday);
        expect(today.diff(date, 'days').days).toBeGreaterThanOrEqual(1);
        expect(today.diff(date, 'days').days).toBeLessThanOrEqual(7);
      }),
    );
  });
});

/** Monday 7 December 2026, 10:30 in Paris: the day QA played these answers. */
const monday = DateTime.fromISO('2026-12-07T10:30:00', { zone: 'Europe/Paris' });

describe('English dates, read in Paris on Monday 7 December 2026', () => {
  test.each([
    ['last Tuesday', day('2026-12-01')],
    ['on Tuesday', day('2026-12-01')],
    ['this past Tuesday', day('2026-12-01')],
    ['Tuesday last', day('2026-12-01')],
    ['last Monday', day('2026-11-30')],
    ['yesterday', day('2026-12-06')],
    ['the day before yesterday', day('2026-12-05')],
    ['last week', day('2026-11-30', '2026-12-06')],
    ['the previous week', day('2026-11-30', '2026-12-06')],
    ['this week', day('2026-12-07')],
    ['last month', day('2026-11-01', '2026-11-30')],
    ['3 days ago', day('2026-12-04')],
    ['on 12 March', day('2026-03-12')],
    ['March 12', day('2026-03-12')],
    ['from 3 to 5 April', day('2026-04-03', '2026-04-05')],
    ['this morning', day('2026-12-07')],
    ['on the 3rd', day('2026-12-03')],
    ['from the 3rd to the 5th', day('2026-12-03', '2026-12-05')],
    ['a coffee morning', null],
    ['next Tuesday', { problem: 'future' }],
  ])('%j → %j', (text, expected) => {
    expect(readActionDates(text, monday)).toEqual(expected);
  });

  test('a time of day named in a sentence is not a date: « coffee morning last Tuesday » is last Tuesday', () => {
    expect(readActionDates("We ran a parents' coffee morning last Tuesday for PA 2.3.2, twelve parents and 5 kids", monday)).toEqual(day('2026-12-01'));
    expect(readActionDates('un café du matin le 3 mars', monday)).toEqual(day('2026-03-03'));
    expect(readActionDates('atelier du soir, 12 parents', monday)).toBeNull();
    expect(readActionDates('le matin', monday)).toBeNull();
  });
});

describe('answers to « Quand a-t-elle eu lieu ? » on Monday 7 December 2026', () => {
  test.each([
    ['le 3', day('2026-12-03')],
    ['Le 3 !', day('2026-12-03')],
    ["c'était le 3", day('2026-12-03')],
    ['le 7', day('2026-12-07')],
    ['le 8', day('2026-11-08')],
    ['le 31', day('2026-10-31')],
    ['le premier', day('2026-12-01')],
    ['le douze', day('2026-11-12')],
    ['du 3 au 5', day('2026-12-03', '2026-12-05')],
    ['du 5 au 10', day('2026-11-05', '2026-11-10')],
    ['du 28 au 3', day('2026-11-28', '2026-12-03')],
    ['le 3 et le 4', day('2026-12-03', '2026-12-04')],
    ['les 3, 4 et 5', day('2026-12-03', '2026-12-05')],
    ['entre le 3 et le 5', day('2026-12-03', '2026-12-05')],
    ['lundi 30', day('2026-11-30')],
    ['mardi 1er', day('2026-12-01')],
    ['la semaine dernière', day('2026-11-30', '2026-12-06')],
    ['la semaine passée', day('2026-11-30', '2026-12-06')],
    ['cette semaine', day('2026-12-07')],
    ['le mois dernier', day('2026-11-01', '2026-11-30')],
    ['le 0', { problem: 'notADate' }],
    ['le 45', { problem: 'notADate' }],
    // Too ambiguous alone: a count, a session number.
    ['3', null],
    ['3 et 4', null],
    ['début novembre', null],
  ])('%j → %j', (text, expected) => {
    expect(readActionDates(text, monday)).toEqual(expected);
  });
});

describe('properties of bare days and weeks', () => {
  const anyNow = fc
    .date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => DateTime.fromJSDate(d, { zone: 'Europe/Paris' }));

  test('« le N » is the most recent past N-th of a month in Paris', () => {
    fc.assert(
      fc.property(anyNow, fc.integer({ min: 1, max: 31 }), (at, n) => {
        const read = readActionDates(`le ${n}`, at);
        if (read === null || 'problem' in read) throw new Error(`not read: ${JSON.stringify(read)}`);
        const today = at.setZone('Europe/Paris').startOf('day');
        const date = DateTime.fromISO(read.start, { zone: 'Europe/Paris' });
        expect(read.end).toBe(read.start);
        expect(date.day).toBe(n);
        expect(date <= today).toBe(true);
        // No later N-th lies between it and today.
        for (let d = date.plus({ days: 1 }); d <= today; d = d.plus({ days: 1 })) expect(d.day).not.toBe(n);
      }),
    );
  });

  test('« du A au B » with A ≤ B lies in one month, ends on or before today, and is the latest such', () => {
    fc.assert(
      fc.property(anyNow, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 3 }), (at, a, length) => {
        const b = a + length;
        const read = readActionDates(`du ${a} au ${b}`, at);
        if (read === null || 'problem' in read) throw new Error(`not read: ${JSON.stringify(read)}`);
        const start = DateTime.fromISO(read.start, { zone: 'Europe/Paris' });
        const end = DateTime.fromISO(read.end, { zone: 'Europe/Paris' });
        expect([start.day, end.day, start.month, start.year]).toEqual([a, b, end.month, end.year]);
        expect(read.end <= (at.setZone('Europe/Paris').toISODate() ?? '')).toBe(true);
        expect(at.setZone('Europe/Paris').diff(end, 'days').days).toBeLessThan(62);
      }),
    );
  });

  test('« la semaine dernière » and « last week » are Monday to Sunday of the week before', () => {
    fc.assert(
      fc.property(anyNow, fc.constantFrom('la semaine dernière', 'last week', 'on a fait ça la semaine dernière'), (at, text) => {
        const read = readActionDates(text, at);
        if (read === null || 'problem' in read) throw new Error(`not read: ${JSON.stringify(read)}`);
        const start = DateTime.fromISO(read.start, { zone: 'Europe/Paris' });
        const end = DateTime.fromISO(read.end, { zone: 'Europe/Paris' });
        const today = at.setZone('Europe/Paris').startOf('day');
        expect([start.weekday, end.weekday, end.diff(start, 'days').days]).toEqual([1, 7, 6]);
        expect(today.diff(end, 'days').days).toBeGreaterThanOrEqual(1);
        expect(today.diff(end, 'days').days).toBeLessThanOrEqual(7);
      }),
    );
  });

  test('« last X » is the last such day before today, as « X dernier » is', () => {
    const names = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    fc.assert(
      fc.property(anyNow, fc.integer({ min: 1, max: 7 }), fc.constantFrom('We ran a coffee morning last %', 'last %', 'this past %'), (at, weekday, frame) => {
        const read = readActionDates(frame.replace('%', names[weekday - 1]), at);
        if (read === null || 'problem' in read) throw new Error(`not read: ${JSON.stringify(read)}`);
        const date = DateTime.fromISO(read.start, { zone: 'Europe/Paris' });
        const today = at.setZone('Europe/Paris').startOf('day');
        expect(date.weekday).toBe(weekday);
        expect(today.diff(date, 'days').days).toBeGreaterThanOrEqual(1);
        expect(today.diff(date, 'days').days).toBeLessThanOrEqual(7);
      }),
    );
  });
});

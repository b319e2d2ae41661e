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
    ['le 12', null],
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

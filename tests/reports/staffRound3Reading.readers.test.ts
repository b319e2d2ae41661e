import { DateTime } from 'luxon';
import { readActionDates, readActionDatesInDetail, readCountFor, readReportStatement, readRoughPeriod } from '../../src/reports/reading';

/**
 * QA « staff » round 3, items 1, 2 and 6: what the report's readers make of counts said with several nouns, parts of
 * the parents from the neighbourhood, workshops counted, days without a month, a part of a month, and a day ahead.
 */
const ZONE = 'Europe/Paris';
const DECEMBER_8 = DateTime.fromISO('2026-12-08T10:00:00', { zone: ZONE });
const PARENTS = ['parent', 'parents', 'mère', 'mères', 'père', 'pères', 'maman', 'mamans', 'papa', 'papas'];
const CHILDREN = ['enfant', 'enfants', 'bébé', 'bébés', 'ado', 'ados'];

describe('1. counts of one field named by several nouns add up', () => {
  test.each([
    ['on a fait 3 ateliers parents-enfants du 3 au 5 novembre avec 9 mamans et 2 papas pour la 2.3.2', { parents: 11 }],
    ['5 enfants et 3 bébés', { children: 8 }],
    ['3 séances, 9 mamans, 2 papas', { sessions: 3, parents: 11 }],
    ['9 mamans et 2 papas dont 3 du quartier, 4 enfants + 2 bébés', { parents: 11, qpvParents: 3, children: 6 }],
    ['avec 7 mères ainsi que 3 pères', { parents: 10 }],
  ])('« %s »', (text, expected) => {
    expect(readReportStatement(text, DECEMBER_8)).toMatchObject(expected);
  });

  test('a part is never added to its whole: « 14 parents dont 6 mamans » is 14 parents', () => {
    const statement = readReportStatement('groupe de parole avec 14 parents dont 6 mamans', DECEMBER_8);
    expect(statement.parents).toBe(14);
  });

  test('counts of different fields stay apart: « 12 parents et 3 enfants »', () => {
    expect(readReportStatement('12 parents et 3 enfants', DECEMBER_8)).toMatchObject({ parents: 12, children: 3 });
  });

  test('counts far apart in a sentence are not added: the first stands', () => {
    expect(readReportStatement('9 mamans le matin, puis l’après-midi une sortie avec 2 papas', DECEMBER_8).parents).toBe(9);
  });

  test.each([
    ['9 mamans et 2 papas', PARENTS, 11],
    ['9 mamans, 2 papas', PARENTS, 11],
    ['5 enfants et 3 bébés', CHILDREN, 8],
    ['14 parents dont 6 mamans', PARENTS, 14],
  ])('as the answer to one count: « %s » → %s', (text, nouns, value) => {
    expect(readCountFor(text, nouns)).toEqual({ value });
  });

  test('« plus de 9 mamans et 2 papas » is still approximate', () => {
    expect(readCountFor('plus de 9 mamans et 2 papas', PARENTS)).toEqual({ problem: 'approximate' });
  });
});

describe('6. QPV parents said « du quartier », sessions said as workshops', () => {
  test.each([
    ['14 parents dont 6 du quartier', { parents: 14, qpvParents: 6 }],
    ['14 parents dont 3 du QPV', { parents: 14, qpvParents: 3 }],
    ['20 parents dont 5 des quartiers prioritaires', { parents: 20, qpvParents: 5 }],
    ['dont 3 des quartiers', { qpvParents: 3 }],
  ])('« %s »', (text, expected) => {
    expect(readReportStatement(text, DECEMBER_8)).toMatchObject(expected);
  });

  test('« 14 parents du quartier » is not a part: no QPV count is made up', () => {
    expect(readReportStatement('14 parents du quartier', DECEMBER_8)).not.toHaveProperty('qpvParents');
  });

  test.each([
    ['groupe de parole, 2 ateliers avec 12 parents', 2],
    ['3 séances avec 12 parents', 3],
    ['4 rencontres avec 12 parents', 4],
    ['un atelier de 5 séances', 5],
  ])('« %s » → %s sessions', (text, sessions) => {
    expect(readReportStatement(text, DECEMBER_8).sessions).toBe(sessions);
  });

  test('« un atelier » is the action, not one session; « 2 ateliers de 3 séances » is asked', () => {
    expect(readReportStatement('on a fait un atelier avec 9 parents', DECEMBER_8)).not.toHaveProperty('sessions');
    expect(readReportStatement('2 ateliers de 3 séances', DECEMBER_8)).not.toHaveProperty('sessions');
  });
});

describe('6. days without a month, and a part of a month', () => {
  test('« du 3 au 5 » in a sentence: this month once the 5th is past, else last month', () => {
    expect(readReportStatement('atelier du 3 au 5 pour la 2.3.2 avec 6 parents', DECEMBER_8)).toMatchObject({
      startDate: '2026-12-03', endDate: '2026-12-05', parents: 6,
    });
    const december4 = DateTime.fromISO('2026-12-04T10:00:00', { zone: ZONE });
    expect(readReportStatement('atelier du 3 au 5 pour la 2.3.2', december4)).toMatchObject({ startDate: '2026-11-03', endDate: '2026-11-05' });
    expect(readActionDates('on l’a fait entre le 3 et le 5', DECEMBER_8)).toEqual({ start: '2026-12-03', end: '2026-12-05' });
  });

  test('« du 3 au 5 ans », « du 3 au 5 enfants » are no dates', () => {
    expect(readReportStatement('atelier pour les enfants du 3 au 5 ans', DECEMBER_8)).not.toHaveProperty('startDate');
    expect(readActionDates('groupes du 3 au 5 enfants', DECEMBER_8)).toBeNull();
  });

  test.each([
    ['début novembre', 2026, 11],
    ['groupe de parole fin octobre pour la 2.3.2', 2026, 10],
    ['mi-mars', 2026, 3],
    ['au début du mois de décembre 2025', 2025, 12],
    ['early November', 2026, 11],
  ])('« %s » is a part of a month, no date', (text, year, month) => {
    expect(readActionDates(text, DECEMBER_8)).toBeNull();
    expect(readRoughPeriod(text, DECEMBER_8)).toMatchObject({ year, month });
  });

  test('a bare day is read in the month offered', () => {
    expect(readActionDates('du 3 au 5', DECEMBER_8, { year: 2026, month: 11 })).toEqual({ start: '2026-11-03', end: '2026-11-05' });
    expect(readActionDates('le 20', DECEMBER_8, { year: 2026, month: 12 })).toEqual({ problem: 'future' });
  });
});

describe('2. a day without its year, a year back, while the next one is days ahead', () => {
  test('« le 20 décembre » on 8 December: 20 December 2025, with 20 December 2026 to confirm', () => {
    expect(readActionDatesInDetail('le 20 décembre', DECEMBER_8)).toEqual({ dates: { start: '2025-12-20', end: '2025-12-20' }, sameDayAhead: '2026-12-20' });
    expect(readReportStatement('groupe de parole le 20 décembre', DECEMBER_8)).toMatchObject({ startDate: '2025-12-20' });
  });

  test('« le 6 janvier » on 26 December is 6 January of this year: this year\'s is past, nothing to confirm', () => {
    const december26 = DateTime.fromISO('2026-12-26T10:00:00', { zone: ZONE });
    expect(readActionDatesInDetail('le 6 janvier', december26)).toEqual({ dates: { start: '2026-01-06', end: '2026-01-06' } });
  });

  test('a day whose next one is far ahead, or with its year written, is not questioned', () => {
    expect(readActionDatesInDetail('le 20 mars', DECEMBER_8)).toEqual({ dates: { start: '2026-03-20', end: '2026-03-20' } });
    expect(readActionDatesInDetail('le 20 décembre 2025', DECEMBER_8)).toEqual({ dates: { start: '2025-12-20', end: '2025-12-20' } });
    expect(readActionDatesInDetail('le 20', DECEMBER_8)).toEqual({ dates: { start: '2026-11-20', end: '2026-11-20' } });
  });
});

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { readPeriod } from '../../src/reports/period';

/** Monday 7 December 2026, 10:00 in Paris. */
const NOW = DateTime.fromISO('2026-12-07T10:00:00', { zone: 'Europe/Paris' });
/** Friday 20 March 2026, 23:30 in Paris (22:30 UTC): still the 20th in Paris. */
const MARCH = DateTime.fromISO('2026-03-20T22:30:00Z');

describe('reading the period of a question about figures', () => {
  it.each([
    ['combien de parents en 2026 ?', NOW, '2026-01-01', '2026-12-31', 'en 2026'],
    ['how many parents in 2025?', NOW, '2025-01-01', '2025-12-31', 'en 2025'],
    ['bilan 2025 de la PA 2.3.2', NOW, '2025-01-01', '2025-12-31', 'en 2025'],
    ['cette année', NOW, '2026-01-01', '2026-12-07', 'en 2026'],
    ['this year', NOW, '2026-01-01', '2026-12-07', 'en 2026'],
    ["depuis le début de l'année", MARCH, '2026-01-01', '2026-03-20', 'en 2026'],
    ["l'an dernier", NOW, '2025-01-01', '2025-12-31', 'en 2025'],
    ["l’année dernière", NOW, '2025-01-01', '2025-12-31', 'en 2025'],
    ["l'année passée", NOW, '2025-01-01', '2025-12-31', 'en 2025'],
    ['last year', NOW, '2025-01-01', '2025-12-31', 'en 2025'],
    ['depuis janvier', NOW, '2026-01-01', '2026-12-07', 'depuis le 1er janvier 2026'],
    ['since January', NOW, '2026-01-01', '2026-12-07', 'depuis le 1er janvier 2026'],
    ['depuis avril', MARCH, '2025-04-01', '2026-03-20', 'depuis le 1er avril 2025'],
    ['depuis le 1er mars', NOW, '2026-03-01', '2026-12-07', 'depuis le 1er mars 2026'],
    ['depuis le 15 mars 2025', NOW, '2025-03-15', '2026-12-07', 'depuis le 15 mars 2025'],
    ['depuis le 12/03', NOW, '2026-03-12', '2026-12-07', 'depuis le 12 mars 2026'],
    ['since March 1st', NOW, '2026-03-01', '2026-12-07', 'depuis le 1er mars 2026'],
    ['depuis 2025', NOW, '2025-01-01', '2026-12-07', 'depuis le 1er janvier 2025'],
    ['au premier trimestre', NOW, '2026-01-01', '2026-03-31', 'au premier trimestre 2026'],
    ['au 1er trimestre 2025', NOW, '2025-01-01', '2025-03-31', 'au premier trimestre 2025'],
    ['T2 2025', NOW, '2025-04-01', '2025-06-30', 'au deuxième trimestre 2025'],
    ['Q1', NOW, '2026-01-01', '2026-03-31', 'au premier trimestre 2026'],
    ['au quatrième trimestre', MARCH, '2025-10-01', '2025-12-31', 'au quatrième trimestre 2025'],
    ['first quarter of 2025', NOW, '2025-01-01', '2025-03-31', 'au premier trimestre 2025'],
    ['au premier semestre', NOW, '2026-01-01', '2026-06-30', 'au premier semestre 2026'],
    ['ce mois-ci', NOW, '2026-12-01', '2026-12-07', 'depuis le 1er décembre 2026'],
    ['this month', NOW, '2026-12-01', '2026-12-07', 'depuis le 1er décembre 2026'],
    ['le mois dernier', NOW, '2026-11-01', '2026-11-30', 'en novembre 2026'],
    ['last month', DateTime.fromISO('2026-01-15T12:00:00', { zone: 'Europe/Paris' }), '2025-12-01', '2025-12-31', 'en décembre 2025'],
    ['en mars', NOW, '2026-03-01', '2026-03-31', 'en mars 2026'],
    ['en décembre', MARCH, '2025-12-01', '2025-12-31', 'en décembre 2025'],
    ['en mars 2025', NOW, '2025-03-01', '2025-03-31', 'en mars 2025'],
    ['in March', NOW, '2026-03-01', '2026-03-31', 'en mars 2026'],
    ['entre janvier et juin', NOW, '2026-01-01', '2026-06-30', 'entre janvier et juin 2026'],
    ['de janvier à juin 2025', NOW, '2025-01-01', '2025-06-30', 'entre janvier et juin 2025'],
    ['between January and June', NOW, '2026-01-01', '2026-06-30', 'entre janvier et juin 2026'],
    ['entre octobre et mars', MARCH, '2025-10-01', '2026-03-31', 'entre octobre 2025 et mars 2026'],
    // Two days: the first one's month or year may be left to the second; without a year, the latest that has begun.
    ['entre le 1er novembre et le 5 décembre', NOW, '2026-11-01', '2026-12-05', 'du 1er novembre au 5 décembre 2026'],
    ['combien de séances de la PA 2.3.2 entre le 1er novembre et le 5 décembre ?', NOW, '2026-11-01', '2026-12-05', 'du 1er novembre au 5 décembre 2026'],
    ['entre le 1er novembre et le 5 décembre 2025', NOW, '2025-11-01', '2025-12-05', 'du 1er novembre au 5 décembre 2025'],
    ['du 3 au 5 avril', NOW, '2026-04-03', '2026-04-05', 'du 3 au 5 avril 2026'],
    ['du 3 au 5 avril', MARCH, '2025-04-03', '2025-04-05', 'du 3 au 5 avril 2025'],
    ['du 15 décembre au 10 janvier', NOW, '2025-12-15', '2026-01-10', 'du 15 décembre 2025 au 10 janvier 2026'],
    ['du 1er décembre 2025 au 31 janvier 2026', NOW, '2025-12-01', '2026-01-31', 'du 1er décembre 2025 au 31 janvier 2026'],
    ['du 12/03 au 05/04/2026', NOW, '2026-03-12', '2026-04-05', 'du 12 mars au 5 avril 2026'],
    ['entre le 01/11/2025 et le 05/12/2025', NOW, '2025-11-01', '2025-12-05', 'du 1er novembre au 5 décembre 2025'],
    ['from 1 November to 5 December', NOW, '2026-11-01', '2026-12-05', 'du 1er novembre au 5 décembre 2026'],
    ['between 1st November and 5th December 2025', NOW, '2025-11-01', '2025-12-05', 'du 1er novembre au 5 décembre 2025'],
  ])('%s', (text, now, from, to, label) => {
    const period = readPeriod(text, now);
    expect(period).toEqual({ from, to, label: expect.objectContaining({ fr: label }) });
  });

  it('names the period in English too', () => {
    expect(readPeriod('au premier trimestre', NOW)?.label.en).toBe('in Q1 2026');
    expect(readPeriod('since January', NOW)?.label.en).toBe('since 1 January 2026');
    expect(readPeriod('last month', NOW)?.label.en).toBe('in November 2026');
    expect(readPeriod('entre le 1er novembre et le 5 décembre', NOW)?.label.en).toBe('from 1 November to 5 December 2026');
    expect(readPeriod('du 3 au 5 avril', NOW)?.label.en).toBe('from 3 to 5 April 2026');
  });

  it('reads the day in Paris, not in UTC', () => {
    // 31 December 2026 at 23:30 UTC is already 1 January 2027 in Paris.
    expect(readPeriod('cette année', DateTime.fromISO('2026-12-31T23:30:00Z'))).toMatchObject({ from: '2027-01-01', to: '2027-01-01' });
  });

  it.each([
    'combien de parents ont participé ?',
    'qui pilote la PA 3.2.1 ?',
    'PA 2.3.2',
    'depuis le 31 février',
    'du 31 février au 3 mars',
    'du 5 décembre 2026 au 1er novembre 2026',
    'entre le 12/13 et le 14/13',
    'le code postal 69200',
    'en 1850',
    '',
  ])('finds no period in « %s »', (text) => {
    expect(readPeriod(text, NOW)).toBeNull();
  });

  it('never throws and never gives a start after its end, whatever is typed', () => {
    const words = fc.constantFrom(
      'en', 'depuis', 'le', '1er', '31', 'mars', 'février', 'décembre', 'entre', 'et', 'juin', 'janvier', 'trimestre', 'premier',
      'quatrième', 'T3', 'Q4', '2025', '2099', '1999', 'ce mois-ci', 'le mois dernier', "l'an dernier", 'cette année', 'since', 'between',
      'and', 'from', 'to', 'in', 'May', '/', '29/02', '30/02/2024', 'semestre', 'second', 'de', 'à', 'du', 'au', '5', '12/03', 'jusqu’au',
    );
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.array(words, { maxLength: 8 }).map((parts) => parts.join(' ')));
    const instant = fc.date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2098-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(text, instant, (typed, date) => {
        const period = readPeriod(typed, DateTime.fromJSDate(date));
        if (period === null) return;
        expect(period.from <= period.to).toBe(true);
        expect(period.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(period.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(period.label.fr.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  // No timing assertion (speed is measured by npm run bench): a catastrophic backtrack would exceed jest's timeout.
  it('reads a 10 000-character message from its beginning', () => {
    const long = `${'bla '.repeat(2500)} en 2025`;
    expect(readPeriod(long, NOW)).toBeNull();
  });
});

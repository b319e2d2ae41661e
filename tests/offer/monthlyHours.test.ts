import { DateTime } from 'luxon';
import { offerServiceCard } from '../../src/cards/serviceCards';
import { describeHours, openWhenAskedText, statusToday } from '../../src/messages/hours';
import { openDuring, parseHours, todayStatus, usualWeek } from '../../src/offer/hours';
import type { PresentedHit } from '../../src/offer/present';
import { timeWindows } from '../../src/offer/timeQuery';

/**
 * Opening hours on some weekdays of each month (QA D11), hours that cannot be said (the raw value, once, without the
 * Markdown escapes), and the whole opening a time asked falls in (QA D14).
 */
const region = 'Hauts-de-France';
const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' });
// Monday 7 December 2026, 21:15: the first Wednesday of December is past, January's is a month away.
const monday = paris('2026-12-07T21:15:00');

describe('openings on some weekdays of each month', () => {
  it.each([
    ['We[1] 19:00-21:00', 'le 1er mercredi du mois, de 19 h à 21 h', 'the first Wednesday of the month, 19:00–21:00'],
    ['Th[2] 18:30-20:30', 'le 2e jeudi du mois, de 18 h 30 à 20 h 30', 'the second Thursday of the month, 18:30–20:30'],
    ['Sa[-1] 10:00-12:00', 'le dernier samedi du mois, de 10 h à 12 h', 'the last Saturday of the month, 10:00–12:00'],
    ['Tu[1,3] 14:00-16:00', 'les 1er et 3e mardis du mois, de 14 h à 16 h', 'the first and third Tuesdays of the month, 14:00–16:00'],
  ])('%s reads « %s »', (raw, fr, en) => {
    const hours = parseHours(raw, region);
    expect(describeHours(hours, monday, 'fr')).toBe(fr);
    expect(describeHours(hours, monday, 'en')).toBe(en);
  });

  it('says a weekly opening and a monthly one together', () => {
    const hours = parseHours('Mo 14:00-17:00; We[1] 19:00-21:00', region);
    expect(describeHours(hours, monday, 'fr')).toBe('le lundi de 14 h à 17 h, le 1er mercredi du mois, de 19 h à 21 h');
  });

  it('gives the next date beyond the coming week', () => {
    const hours = parseHours('We[1] 19:00-21:00', region);
    expect(todayStatus(hours, monday)).toMatchObject({ state: 'closed', next: { day: 'later', date: { year: 2027, month: 1, day: 6 } } });
    expect(statusToday(hours, monday, 'fr')?.text).toBe("fermé aujourd'hui ; prochaine ouverture le mercredi 6 janvier à 19 h");
    expect(statusToday(hours, monday, 'en')?.text).toBe('closed today; next opening on Wednesday 6 January at 19:00');
    // Within the coming week, it is said as any other day.
    expect(statusToday(hours, paris('2027-01-04T10:00:00'), 'fr')?.text).toBe("fermé aujourd'hui ; prochaine ouverture mercredi à 19 h");
  });

  it('does not call a one-off date monthly: its raw value is shown, as written', () => {
    const hours = parseHours('2027 Jan 13 18:00-20:00', region);
    expect(usualWeek(hours, monday).days).toBeNull();
    expect(describeHours(hours, monday, 'fr')).toBe('2027 Jan 13 18:00-20:00');
  });
});

describe('hours no words can say, on a card', () => {
  const hit: PresentedHit = {
    id: 's', name: 'Atelier', structureName: null, summary: null, remote: false, street: '1 rue A', postcode: '59000', town: 'Lille',
    distanceKm: 1, zone: null, asked: null, today: null,
    hours: { week: { raw: 'Jul-Aug We[1] 14:00-17:00 *', days: null, comments: [] }, fromStructure: false },
    phone: null, email: null, website: null, route: null, audiences: [], ages: null, free: null,
  };
  it('shows the raw value once, under one label, with no backslash', () => {
    const texts = (offerServiceCard(hit, null, 'fr') as { body: Array<{ text?: string }> }).body.map((b) => b.text ?? '');
    const line = texts.find((t) => t.startsWith('**Horaires**'));
    expect(line).toBe('**Horaires** : Jul-Aug We(1) 14:00-17:00');
    expect(JSON.stringify(texts)).not.toMatch(/\\\\/);
    expect(texts.join(' ').match(/Horaires/gi)).toHaveLength(1);
  });
});

describe('the time asked: the whole opening it falls in', () => {
  it('"demain soir" of a group meeting from 18 h to 20 h says 18 h, not the evening window’s 19 h', () => {
    const hours = parseHours('Tu 18:00-20:00', region);
    const open = openDuring(hours, timeWindows({ date: '2026-12-08', part: 'evening' }, monday));
    expect(open && openWhenAskedText(open, 'fr')).toBe('le mardi de 18 h à 20 h');
  });

  it('an opening round the clock is the whole day asked', () => {
    const open = openDuring(parseHours('24/7', region), timeWindows({ weekdays: [6], part: 'morning' }, monday));
    expect(open).toEqual({ weekday: 6, span: { allDay: true } });
  });

  it('a place closed then is still closed then', () => {
    expect(openDuring(parseHours('Tu 18:00-19:00', region), timeWindows({ date: '2026-12-08', part: 'morning' }, monday))).toBeNull();
  });
});

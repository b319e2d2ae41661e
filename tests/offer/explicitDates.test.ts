import { join } from 'node:path';
import { DateTime } from 'luxon';
import { CommuneIndex } from '../../src/geo';
import { fold, type Language } from '../../src/language/text';
import { answerOfferQuery } from '../../dialogs/findSupport/answer';
import { loadOffer, OfferConversationSchema, type OfferConversation, type OfferTurn } from '../../src/offer';
import { isOpenDuring, parseHours } from '../../src/offer/hours';
import { describeTimeIntent } from '../../src/messages/time';
import { extractTimeIntent, TIME_WORDS, timeWindows } from '../../src/offer/timeQuery';
import { readOfferMessage } from '../../src/offer/understand';

/** Parents name a day ("le 15 décembre", "samedi 12", "le 3/01"): the search keeps the places open that day. */

const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' });
// Tuesday 10 March 2026, 10:30 in Paris.
const now = paris('2026-03-10T10:30:00');

const communes = CommuneIndex.load();
const demoOffer = loadOffer(join(__dirname, '../../knowledge/offer'), communes).offer;

function dateIn(text: string, at = now): string | undefined {
  return extractTimeIntent(text, at)?.date;
}

describe('a day and a month are the next such day', () => {
  it.each([
    ['un groupe de parole le 15 décembre à Lyon', '2026-12-15'],
    ['un LAEP samedi 12 décembre', '2026-12-12'],
    ['le 3/01', '2027-01-03'],
    ['le 3/1', '2027-01-03'],
    ['le 1er janvier', '2027-01-01'],
    ['le premier janvier', '2027-01-01'],
    ['on December 15th', '2026-12-15'],
    ['on the 15th of December', '2026-12-15'],
    ['Dec. 3', '2026-12-03'],
    ['un café des parents le 7 sept', '2026-09-07'],
    // Today counts; a day already past this year is next year's.
    ['le 10 mars', '2026-03-10'],
    ['le 9 mars', '2027-03-09'],
    ['le 29 février', '2028-02-29'],
    // A year said is kept.
    ['le 15/12/2026', '2026-12-15'],
    ['le 15/12/27', '2027-12-15'],
    ['le 15 décembre 2027', '2027-12-15'],
    ['December 15, 2027', '2027-12-15'],
  ])('%s → %s', (text, date) => {
    expect(dateIn(text)).toBe(date);
  });

  it('reads "today" in Paris, not in UTC', () => {
    // 23:30 UTC on 9 March is already 10 March in Paris: "le 9 mars" is next year's.
    const lateEvening = DateTime.fromISO('2026-03-09T23:30:00Z');
    expect(dateIn('le 9 mars', lateEvening)).toBe('2027-03-09');
    expect(dateIn('le 10 mars', lateEvening)).toBe('2026-03-10');
  });

  it('gives the same day whatever the time of day it is asked', () => {
    expect(dateIn('le 15 décembre', paris('2026-03-10T00:00:00'))).toBe('2026-12-15');
    expect(dateIn('le 15 décembre', paris('2026-12-15T23:59:00'))).toBe('2026-12-15');
    expect(dateIn('le 15 décembre', paris('2026-12-16T00:00:00'))).toBe('2027-12-15');
  });
});

describe('a weekday said with a day number', () => {
  it.each([
    // 14 March 2026 is a Saturday.
    ['un LAEP samedi 14', '2026-03-14'],
    ['saturday the 14th', '2026-03-14'],
    // 12 March is a Thursday: the number wins.
    ['un LAEP samedi 12', '2026-03-12'],
    // 15 December 2026 is a Tuesday: the number wins.
    ['un LAEP samedi 15 décembre', '2026-12-15'],
    // The 9th is past this month: next month's.
    ['jeudi 9', '2026-04-09'],
  ])('%s → %s', (text, date) => {
    const intent = extractTimeIntent(text, now);
    expect(intent).toEqual({ date });
  });
});

describe('numbers that are not days', () => {
  it.each([
    'qui pilote la PA 3.2.1 ?',
    'pour mon enfant de 3 ans',
    'mes enfants de 10/12 ans',
    'un LAEP 69007',
    'médiation familiale Lyon 7',
    "j'ai 2 enfants",
    'à 14 h',
    'à 14h30',
    'ouvert 24/7',
    'ouvert 7/7',
    'mai 68',
    'mes sept enfants',
    'le 12',
  ])('%s', (text) => {
    expect(extractTimeIntent(text, now)).toBeNull();
  });

  it('keeps a weekday said with an hour as a weekday', () => {
    expect(extractTimeIntent('samedi à 14 h', now)).toEqual({ weekdays: [6] });
    expect(extractTimeIntent('samedi 14 h', now)).toEqual({ weekdays: [6] });
    expect(extractTimeIntent('samedi 10:30', now)).toEqual({ weekdays: [6] });
  });
});

describe('days that do not exist', () => {
  it.each(['le 31 février', 'le 30/02', 'le 31/04/2026', 'le 32 mars', 'le 15/13', 'le 15 décembre 3026'])('%s is no day', (text) => {
    expect(extractTimeIntent(text, now)).toBeNull();
  });

  it('leaves the rest of what was said', () => {
    expect(extractTimeIntent('samedi 31 février', now)).toEqual({ weekdays: [6] });
    expect(extractTimeIntent('le 31 février après-midi', now)).toEqual({ part: 'afternoon' });
  });
});

describe('with the other ways of saying when', () => {
  it.each([
    ['le 12 mars après-midi', { date: '2026-03-12', part: 'afternoon' }],
    ['le 15 décembre au matin', { date: '2026-12-15', part: 'morning' }],
    // The day named in full says more than "demain".
    ['demain ou plutôt le 20 mars', { date: '2026-03-20' }],
    ['samedi matin à 10 h', { weekdays: [6], part: 'morning' }],
    ['demain à 14 h', { date: '2026-03-11', relative: true, saidAt: expect.any(Number) }],
    ['ce week-end', { weekdays: [6, 7], once: true }],
    ['ouvert maintenant', { now: true }],
  ])('%s', (text, intent) => {
    expect(extractTimeIntent(text, now)).toEqual(intent);
  });

  it('never takes a month for a place or for words to search', () => {
    for (const word of ['decembre', 'janvier', 'december', '1er', '15th', 'dec']) expect(TIME_WORDS.has(word)).toBe(true);
    // Mars and Avril are communes too: "à Mars" must still find one, and a date in March stays a date.
    const now = DateTime.fromISO('2026-03-09T10:00:00', { zone: 'Europe/Paris' });
    expect(readOfferMessage('un café des parents à Mars', now, communes).place?.commune.name).toBe('Mars');
    expect(readOfferMessage('un LAEP à Avril', now, communes).place?.commune.name).toBe('Avril');
    const dated = readOfferMessage('un LAEP le 20 mars à Givors', now, communes);
    expect(dated.place?.commune.name).toBe('Givors');
    expect(dated.time).toEqual({ date: '2026-03-20' });
    expect(readOfferMessage('un LAEP le 20 mars', now, communes).place).toBeNull();
  });
});

describe('the day in the answer', () => {
  it.each([
    ['2026-12-15', undefined, 'fr', 'le mardi 15 décembre'],
    ['2027-01-01', undefined, 'fr', 'le vendredi 1er janvier'],
    ['2026-12-15', 'afternoon', 'fr', 'le mardi 15 décembre après-midi'],
    ['2026-12-15', undefined, 'en', 'on Tuesday 15 December'],
    ['2026-12-15', 'morning', 'en', 'on Tuesday 15 December in the morning'],
    ['2026-03-12', undefined, 'fr', 'le jeudi 12 mars'],
    // Far ahead, the year is said.
    ['2027-03-09', undefined, 'fr', 'le mardi 9 mars 2027'],
    // The next two days keep their usual names.
    ['2026-03-11', undefined, 'fr', 'demain'],
    ['2026-03-10', 'evening', 'fr', 'ce soir'],
  ] as const)('%s %s (%s) → %s', (date, part, language, text) => {
    expect(describeTimeIntent({ date, ...(part ? { part } : {}) }, now, language)).toBe(text);
  });
});

/** Everything a person reads: the text, the cards, the suggestions. */
function readable(turn: OfferTurn): string {
  return fold([turn.text, JSON.stringify(turn.cards), turn.suggestions.join('\n')].join('\n'));
}

function say(text: string, at: DateTime, language: Language = 'fr', conversation: OfferConversation = {}): OfferTurn {
  const turn = answerOfferQuery(demoOffer, communes, readOfferMessage(text, at, communes), conversation, { now: at, language });
  OfferConversationSchema.parse(JSON.parse(JSON.stringify(turn.conversation)));
  return turn;
}

describe('searching on a day', () => {
  it('lists only the places open that day, and says the day', () => {
    // In Lyon 4, the Saturday workshop and the Tuesday and Thursday listening point.
    const saturday = say('un atelier parents-enfants le 14 mars à Lyon 4', now);
    expect(saturday.conversation.time).toEqual({ date: '2026-03-14' });
    expect(saturday.conversation.placeCode).toBe('69384');
    expect(saturday.text).toContain('le samedi 14 mars');
    expect(readable(saturday)).toContain('ateliers parents-enfants du samedi');
    const sunday = say('un atelier parents-enfants le 15 mars à Lyon 4', now);
    expect(readable(sunday)).not.toContain('ateliers parents-enfants du samedi');
  });

  it('takes a public holiday into account: 25 December', () => {
    // Both are open Monday to Friday; the one in Lyon 3 closes on public holidays. 25 December 2026 is a Friday.
    const christmas = readable(say('une médiation familiale le 25 décembre à Lyon', now));
    expect(christmas).toContain('le vendredi 25 decembre');
    expect(christmas).toContain('mediation familiale du beaujolais');
    expect(christmas).not.toContain('rhone-saone');
    const friday = readable(say('une médiation familiale le 18 décembre à Lyon', now));
    expect(friday).toContain('rhone-saone');
  });

  it('takes a public holiday into account: 1 January', () => {
    // Saturday 20 December 2025: "le 1er janvier" is Thursday 1 January 2026. "Parents en chemin" meets on
    // Thursdays, except on public holidays.
    const winter = paris('2025-12-20T10:30:00');
    const newYear = say('un groupe de parole le 1er janvier à Lyon', winter);
    expect(newYear.conversation.time).toEqual({ date: '2026-01-01' });
    expect(newYear.text).toContain('le jeudi 1er janvier');
    expect(readable(newYear)).not.toContain('parents en chemin');
    expect(readable(newYear)).toContain("groupe d'echange entre parents");
    expect(readable(say('un groupe de parole le 8 janvier à Lyon', winter))).toContain('parents en chemin');
  });

  it('speaks English', () => {
    const turn = say('family mediation in Lyon on December 18th', now, 'en');
    expect(turn.text).toContain('open on Friday 18 December');
  });

  it('changes the day of the search under way', () => {
    const first = say('un LAEP samedi à Givors', now);
    expect(first.conversation.time).toEqual({ weekdays: [6] });
    const second = say('et le 12 décembre ?', now, 'fr', first.conversation);
    expect(second.conversation.time).toEqual({ date: '2026-12-12' });
    expect(second.conversation.kinds).toEqual(['laep']);
    expect(second.text).toContain('le samedi 12 décembre');
  });

  it('keeps the windows of a named day to that day', () => {
    const windows = timeWindows({ date: '2026-12-25' }, now);
    expect(windows.map((w) => [w.start.toISO(), w.end.toISO()])).toEqual([['2026-12-25T00:00:00.000+01:00', '2026-12-26T00:00:00.000+01:00']]);
    expect(isOpenDuring(parseHours('Mo-Fr 09:00-18:00; PH off', 'Auvergne-Rhône-Alpes'), windows)).toBe(false);
    expect(isOpenDuring(parseHours('Mo-Fr 09:00-18:00', 'Auvergne-Rhône-Alpes'), windows)).toBe(true);
  });
});

import { z } from 'zod';
import type { DateTime } from 'luxon';
import { fold, type Language } from '../language/text';
import { PARIS, type TimeWindow } from './hours';
import { calendarPlusDays, parisClock } from './parisTime';
import { startsWith } from './phrases';

/**
 * When the parent wants the place to be open: "ouvert le samedi", "le mercredi après-midi", "ouvert maintenant",
 * "demain matin", "ce week-end". Kept in the conversation, so it is plain JSON; "demain" is stored as a date so that a
 * follow-up the next minute still means the same day.
 */
export const DayPartSchema = z.enum(['morning', 'afternoon', 'evening']);
export type DayPart = z.infer<typeof DayPartSchema>;

export const TimeIntentSchema = z.object({
  now: z.boolean().optional(),
  /** ISO weekdays, 1 = Monday. */
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
  /** Only the coming occurrence of those weekdays ("ce week-end"), not the usual week. */
  once: z.boolean().optional(),
  /** A day, as an ISO date in Paris time. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  part: DayPartSchema.optional(),
  /** With `date`: the last day of a span of days (ISO date), « pendant les vacances de Noël ». */
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** The school holidays the span is, as the parent named them. */
  holidays: z.enum(['christmas', 'all-saints', 'summer']).optional(),
  /**
   * With `date`: the day was said from today (« aujourd'hui », « ce soir », « demain »), so a place on another clock
   * counts it from its own today (src/offer/hours.ts `windowsIn`); a day named in full is the same date everywhere.
   */
  relative: z.boolean().optional(),
  /** With `relative`: when it was said (ms), so that a follow-up the next morning counts from the same today. */
  saidAt: z.number().int().nonnegative().optional(),
});
export type TimeIntent = z.infer<typeof TimeIntentSchema>;

const DAY_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['lundi', 1], ['mardi', 2], ['mercredi', 3], ['jeudi', 4], ['vendredi', 5], ['samedi', 6], ['dimanche', 7],
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
];
const WEEKDAY_OF: ReadonlyMap<string, number> = new Map(DAY_WORDS.flatMap(([word, day]) => [[word, day], [`${word}s`, day]] as const));

/** Phrases (folded words) and what they say about time. */
const TIME_PHRASES: ReadonlyArray<{ phrase: string[]; intent: TimeIntent; relativeDays?: number }> = [
  { phrase: ['maintenant'], intent: { now: true } },
  { phrase: ['en', 'ce', 'moment'], intent: { now: true } },
  { phrase: ['actuellement'], intent: { now: true } },
  { phrase: ['tout', 'de', 'suite'], intent: { now: true } },
  { phrase: ['right', 'now'], intent: { now: true } },
  { phrase: ['now'], intent: { now: true } },
  { phrase: ['aujourd', 'hui'], intent: {}, relativeDays: 0 },
  { phrase: ['aujourdhui'], intent: {}, relativeDays: 0 },
  { phrase: ['today'], intent: {}, relativeDays: 0 },
  { phrase: ['ce', 'soir'], intent: { part: 'evening' }, relativeDays: 0 },
  { phrase: ['cet', 'apres', 'midi'], intent: { part: 'afternoon' }, relativeDays: 0 },
  { phrase: ['cette', 'apres', 'midi'], intent: { part: 'afternoon' }, relativeDays: 0 },
  { phrase: ['cet', 'aprem'], intent: { part: 'afternoon' }, relativeDays: 0 },
  { phrase: ['ce', 'matin'], intent: { part: 'morning' }, relativeDays: 0 },
  { phrase: ['this', 'afternoon'], intent: { part: 'afternoon' }, relativeDays: 0 },
  { phrase: ['this', 'morning'], intent: { part: 'morning' }, relativeDays: 0 },
  { phrase: ['this', 'evening'], intent: { part: 'evening' }, relativeDays: 0 },
  { phrase: ['tonight'], intent: { part: 'evening' }, relativeDays: 0 },
  { phrase: ['apres', 'demain'], intent: {}, relativeDays: 2 },
  { phrase: ['demain'], intent: {}, relativeDays: 1 },
  { phrase: ['tomorrow'], intent: {}, relativeDays: 1 },
  { phrase: ['ce', 'week', 'end'], intent: { weekdays: [6, 7], once: true } },
  { phrase: ['ce', 'weekend'], intent: { weekdays: [6, 7], once: true } },
  { phrase: ['this', 'weekend'], intent: { weekdays: [6, 7], once: true } },
  { phrase: ['week', 'end'], intent: { weekdays: [6, 7] } },
  { phrase: ['weekend'], intent: { weekdays: [6, 7] } },
  { phrase: ['apres', 'midi'], intent: { part: 'afternoon' } },
  { phrase: ['aprem'], intent: { part: 'afternoon' } },
  { phrase: ['afternoon'], intent: { part: 'afternoon' } },
  { phrase: ['matin'], intent: { part: 'morning' } },
  { phrase: ['matinee'], intent: { part: 'morning' } },
  { phrase: ['morning'], intent: { part: 'morning' } },
  { phrase: ['soir'], intent: { part: 'evening' } },
  { phrase: ['evening'], intent: { part: 'evening' } },
];

/** Month names as parents type them (folded), with abbreviations; each stands for a month only next to a day number. */
const MONTH_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['janvier', 1], ['janv', 1], ['january', 1], ['jan', 1],
  ['fevrier', 2], ['fevr', 2], ['fev', 2], ['february', 2], ['feb', 2],
  ['mars', 3], ['march', 3],
  ['avril', 4], ['avr', 4], ['april', 4], ['apr', 4],
  ['mai', 5], ['may', 5],
  ['juin', 6], ['june', 6], ['jun', 6],
  ['juillet', 7], ['juil', 7], ['july', 7], ['jul', 7],
  ['aout', 8], ['august', 8], ['aug', 8],
  ['septembre', 9], ['sept', 9], ['september', 9], ['sep', 9],
  ['octobre', 10], ['october', 10], ['oct', 10],
  ['novembre', 11], ['november', 11], ['nov', 11],
  ['decembre', 12], ['december', 12], ['dec', 12],
];
const MONTH_OF: ReadonlyMap<string, number> = new Map(MONTH_WORDS);
/** Every month word (some also name communes: "à Mars", "à Avril"; see understand.ts). */
export const MONTHS: ReadonlySet<string> = new Set(MONTH_OF.keys());
/** "1er", "2nd", "15th": day numbers that are never anything else. */
const ORDINAL_DAYS: readonly string[] = Array.from({ length: 31 }, (_, i) => i + 1).flatMap((n) => {
  const english = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return n === 1 ? ['1er', '1re', '1st', 'premier'] : [`${n}${english}`];
});

export type SchoolHolidays = NonNullable<TimeIntent['holidays']>;

/**
 * School holidays parents name, and their days. The zones A, B and C share these three (Corsica and overseas have
 * their own calendars, not read here): the national dates stand for all, approximated by the rule the ministry's
 * calendars follow — Christmas from the Saturday between 17 and 23 December, All Saints' from the Saturday between 17
 * and 23 October, both for sixteen days; summer from the first Saturday of July to 31 August. Winter and spring
 * holidays differ by zone and are not read.
 */
const HOLIDAY_PHRASES: ReadonlyArray<{ phrase: string[]; holidays: SchoolHolidays }> = [
  ...['noel', 'fin d annee', 'fetes'].map((w) => ({ phrase: ['vacances', ...w.split(' ')], holidays: 'christmas' as const })),
  ...['noel', 'fin d annee', 'fetes'].map((w) => ({ phrase: ['vacances', 'de', ...w.split(' ')], holidays: 'christmas' as const })),
  { phrase: ['vacances', 'des', 'fetes'], holidays: 'christmas' },
  { phrase: ['christmas', 'holidays'], holidays: 'christmas' },
  { phrase: ['christmas', 'holiday'], holidays: 'christmas' },
  { phrase: ['vacances', 'de', 'la', 'toussaint'], holidays: 'all-saints' },
  { phrase: ['vacances', 'de', 'toussaint'], holidays: 'all-saints' },
  { phrase: ['vacances', 'toussaint'], holidays: 'all-saints' },
  { phrase: ['vacances', 'd', 'ete'], holidays: 'summer' },
  { phrase: ['vacances', 'ete'], holidays: 'summer' },
  { phrase: ['vacances', 'de', 'l', 'ete'], holidays: 'summer' },
  { phrase: ['grandes', 'vacances'], holidays: 'summer' },
  { phrase: ['summer', 'holidays'], holidays: 'summer' },
  { phrase: ['summer', 'holiday'], holidays: 'summer' },
];

/** The first and last days of those holidays that end today or later. */
export function schoolHolidaysSpan(holidays: SchoolHolidays, today: CalendarDay): { from: CalendarDay; to: CalendarDay } {
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const span = holidaysOfYear(holidays, year);
    if (dayKey(span.to) >= dayKey(today)) return span;
  }
  return holidaysOfYear(holidays, today.year + 1);
}

function holidaysOfYear(holidays: SchoolHolidays, year: number): { from: CalendarDay; to: CalendarDay } {
  const saturdayFrom = (month: number, firstDay: number): CalendarDay => {
    const weekday = new Date(Date.UTC(year, month - 1, firstDay)).getUTCDay();
    return { year, month, day: firstDay + ((6 - weekday + 7) % 7) };
  };
  const plusDays = (d: CalendarDay, days: number): CalendarDay => {
    const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
    return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
  };
  if (holidays === 'summer') return { from: saturdayFrom(7, 1), to: { year, month: 8, day: 31 } };
  const from = holidays === 'christmas' ? saturdayFrom(12, 17) : saturdayFrom(10, 17);
  return { from, to: plusDays(from, 15) };
}

/** Every word that takes part in saying when (so that the place finder never reads them as a commune). */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  ...HOLIDAY_PHRASES.flatMap((p) => p.phrase).filter((w) => w.length > 2),
  ...WEEKDAY_OF.keys(),
  ...TIME_PHRASES.flatMap((p) => p.phrase),
  ...MONTHS,
  ...ORDINAL_DAYS,
]);

/** A calendar day; month 1 = January. */
type CalendarDay = { year: number; month: number; day: number };

function alternatives(names: Iterable<string>): string {
  // Longest first, so that "septembre" is not read as "sept" followed by letters.
  return [...names].sort((a, b) => b.length - a.length).join('|');
}

const MONTH_NAMES = alternatives(MONTH_OF.keys());
const MONTH = `(${MONTH_NAMES})\\.?(?![a-z])`;
const WEEKDAY = `(?:${alternatives(DAY_WORDS.map(([word]) => word))})s?`;
const DAY = '(premier|\\d{1,2})(?:er|re|eme|e|st|nd|rd|th)?(?![0-9a-z])';
/**
 * What may follow a number that is a quantity or a time, not a day: "3 ans", "2 enfants", "samedi 14 h", "10:30",
 * "10/12 ans".
 */
const NOT_A_DAY_AFTER = '(?!\\s*(?::|h(?![a-z])|(?:ans?|mois|semaines?|jours?|heures?|min|minutes?|km|kms|fois|enfants?|euros?|years?|yrs?|'
  + 'months?|weeks?|days?|hours?|kids?|children|times|old)(?![a-z])|[%€]))';
const YEAR = '(\\d{4})(?![0-9])';

/** "15 décembre", "1er janvier 2027", "15th of December". */
const DAY_MONTH = new RegExp(`(?<![0-9a-z/.,])${DAY}\\s*(?:of\\s+)?${MONTH}(?:\\s+${YEAR})?`, 'g');
/** "December 15th", "décembre 15", "Dec 15, 2026". */
const MONTH_DAY = new RegExp(`(?<![a-z])${MONTH}\\s+(?:the\\s+)?${DAY}${NOT_A_DAY_AFTER}(?:,?\\s+${YEAR})?`, 'g');
/** "15/12", "3/01", "15/12/2026", "15/12/26". */
const NUMERIC = new RegExp(`(?<![0-9/.,:])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![0-9/]|[.,]\\d)${NOT_A_DAY_AFTER}`, 'g');
/** "samedi 12", "saturday the 12th": a day of the month named with its weekday only (a month after it is DAY_MONTH's). */
const WEEKDAY_DAY = new RegExp(
  `(?<![a-z])${WEEKDAY}\\s+(?:le\\s+|the\\s+)?${DAY}${NOT_A_DAY_AFTER}(?!\\s*(?:of\\s+)?(?:${MONTH_NAMES})(?![a-z])|[/.]\\d)`,
  'g',
);
/** Words after which "3/1" is surely a day ("le 3/1"), where "ouvert 7/7" or "24/7" is not. */
const BEFORE_SHORT_NUMERIC = new RegExp(`(?:^|[^a-z])(?:le|du|au|on|the|${WEEKDAY})\\s+$`);

function dayNumber(text: string): number {
  return text === 'premier' ? 1 : Number(text);
}

function dayKey(d: CalendarDay): number {
  return d.year * 10_000 + d.month * 100 + d.day;
}

function isRealDay(d: CalendarDay): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return false;
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDate() === d.day;
}

/** How far ahead a day and month without a year is looked for: 29 February comes back within eight years. */
const YEARS_AHEAD = 8;

/** The day with this number and month from today on (today counts); with a year, that very day. */
function resolveDay(day: number, month: number, year: number | null, today: CalendarDay): CalendarDay | null {
  if (year !== null) {
    const asked = { year, month, day };
    return year >= 2000 && year < 2100 && isRealDay(asked) ? asked : null;
  }
  for (let k = 0; k <= YEARS_AHEAD; k++) {
    const candidate = { year: today.year + k, month, day };
    if (isRealDay(candidate) && dayKey(candidate) >= dayKey(today)) return candidate;
  }
  return null;
}

/** The next day of a month with this number from today on ("samedi 12"). */
function resolveDayOfMonth(day: number, today: CalendarDay): CalendarDay | null {
  for (let k = 0; k <= 12; k++) {
    const first = new Date(Date.UTC(today.year, today.month - 1 + k, 1));
    const candidate = { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day };
    if (isRealDay(candidate) && dayKey(candidate) >= dayKey(today)) return candidate;
  }
  return null;
}

function yearOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

type NamedDay = { index: number; day: CalendarDay | null };

function* daysNamedInFull(folded: string, today: CalendarDay): Generator<NamedDay> {
  for (const m of folded.matchAll(DAY_MONTH)) yield { index: m.index ?? 0, day: resolveDay(dayNumber(m[1]), MONTH_OF.get(m[2]) ?? 0, yearOf(m[3]), today) };
  for (const m of folded.matchAll(MONTH_DAY)) yield { index: m.index ?? 0, day: resolveDay(dayNumber(m[2]), MONTH_OF.get(m[1]) ?? 0, yearOf(m[3]), today) };
  for (const m of folded.matchAll(NUMERIC)) {
    const index = m.index ?? 0;
    // "24/7" and "7/7" say "always": a one-digit month is taken only after "le", "du"… or a weekday.
    if (m[2].length < 2 && m[3] === undefined && !BEFORE_SHORT_NUMERIC.test(folded.slice(0, index))) continue;
    yield { index, day: resolveDay(Number(m[1]), Number(m[2]), yearOf(m[3]), today) };
  }
}

function* daysNamedByWeekday(folded: string, today: CalendarDay): Generator<NamedDay> {
  for (const m of folded.matchAll(WEEKDAY_DAY)) yield { index: m.index ?? 0, day: resolveDayOfMonth(dayNumber(m[1]), today) };
}

function firstDay(named: Iterable<NamedDay>): CalendarDay | null {
  let first: NamedDay | null = null;
  for (const candidate of named) if (candidate.day && (!first || candidate.index < first.index)) first = candidate;
  return first?.day ?? null;
}

/**
 * The first day named in full in folded text ("15 décembre", "December 15th", "3/01"), else a day number named with
 * its weekday ("samedi 12"). A weekday that disagrees with the day ("samedi 15 décembre" when the 15th is a Tuesday)
 * is ignored: the number is what parents copy from a flyer. Days that do not exist (31 février) are not days.
 */
function findNamedDay(folded: string, today: CalendarDay): CalendarDay | null {
  return firstDay(daysNamedInFull(folded, today)) ?? firstDay(daysNamedByWeekday(folded, today));
}

/** "2026-12-15": how a day is kept in the conversation and compared. */
export function isoDate(d: CalendarDay): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The time phrases by their first word, in the list's order: a message's words are each looked up once. */
const TIME_PHRASES_BY_FIRST_WORD = new Map<string, Array<(typeof TIME_PHRASES)[number]>>();
for (const entry of TIME_PHRASES) {
  const first = entry.phrase[0] ?? '';
  const list = TIME_PHRASES_BY_FIRST_WORD.get(first);
  if (list) list.push(entry);
  else TIME_PHRASES_BY_FIRST_WORD.set(first, [entry]);
}

/**
 * The time the text asks about, or null. `now` turns "demain" into a date, and gives the year of "le 15 décembre":
 * parents look ahead, so a day and month are the next such day in Paris.
 */
export function extractTimeIntent(text: string, now: DateTime): TimeIntent | null {
  const folded = fold(text);
  const tokens = folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  const intent: TimeIntent = {};
  const weekdays = new Set<number>();
  let found = false;
  for (let i = 0; i < tokens.length; i++) {
    const day = WEEKDAY_OF.get(tokens[i]);
    if (day !== undefined) {
      weekdays.add(day);
      found = true;
      continue;
    }
    for (const entry of TIME_PHRASES_BY_FIRST_WORD.get(tokens[i]) ?? []) {
      if (!startsWith(tokens, i, entry.phrase)) continue;
      found = true;
      if (entry.intent.now) intent.now = true;
      if (entry.intent.part) intent.part = entry.intent.part;
      if (entry.intent.weekdays) for (const d of entry.intent.weekdays) weekdays.add(d);
      if (entry.intent.once) intent.once = true;
      if (entry.relativeDays !== undefined) {
        intent.date = isoDate(calendarPlusDays(parisClock(now.toMillis()), entry.relativeDays));
        intent.relative = true;
        intent.saidAt = now.toMillis();
      }
      i += entry.phrase.length - 1;
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const named = HOLIDAY_PHRASES.find((entry) => startsWith(tokens, i, entry.phrase));
    if (!named) continue;
    const span = schoolHolidaysSpan(named.holidays, parisClock(now.toMillis()));
    Object.assign(intent, { date: isoDate(span.from), until: isoDate(span.to), holidays: named.holidays });
    return intent;
  }
  // Most messages name no day: only a digit or "premier" can start one.
  if (/[0-9]/.test(folded) || folded.includes('premier')) {
    const named = findNamedDay(folded, parisClock(now.toMillis()));
    if (named) {
      // A day named in full says more than "demain" or a weekday said with it.
      intent.date = isoDate(named);
      delete intent.relative;
      delete intent.saidAt;
      found = true;
    }
  }
  if (!found) return null;
  if (weekdays.size > 0 && !intent.date) intent.weekdays = [...weekdays].sort((a, b) => a - b);
  return intent;
}

/**
 * The hours each part of the day covers, [from, to) in Paris time. The evening starts at 19 h: a place that closes at
 * 19 h is not open "ce soir", and one open until 20 h is (for its last hour, which its card says).
 */
export const PART_HOURS: Readonly<Record<DayPart, readonly [number, number]>> = {
  morning: [6, 12],
  afternoon: [12, 19],
  evening: [19, 24],
};

function dayWindow(day: DateTime, part: DayPart | undefined): TimeWindow {
  const start = day.startOf('day');
  if (!part) return { start, end: start.plus({ days: 1 }) };
  const [from, to] = PART_HOURS[part];
  return { start: start.plus({ hours: from }), end: start.plus({ hours: to }) };
}

/**
 * The spans of time a place must be open in. A weekday means a usual week: its next two occurrences, so that one
 * public holiday does not hide a weekly opening.
 */
export function timeWindows(intent: TimeIntent, now: DateTime): TimeWindow[] {
  if (intent.now) {
    const here = now.setZone(PARIS);
    // The same instant wherever the place is; the other windows are wall-clock days and hours (see TimeWindow).
    return [{ start: here, end: here.plus({ minutes: 1 }), instant: true }];
  }
  // Other windows depend only on the day: every search of a day asks for the same few, and luxon is slow to make them.
  const today = parisClock(now.toMillis());
  // When a relative day was said changes nothing of Paris's windows (only how far another clock moves them, below).
  const key = `${today.year}-${today.month}-${today.day}|${JSON.stringify({ ...intent, saidAt: undefined })}`;
  let windows = windowsOfDay.get(key);
  if (!windows) {
    windows = dayWindows(intent, now.setZone(PARIS));
    if (windowsOfDay.size >= WINDOWS_KEPT) windowsOfDay.clear();
    windowsOfDay.set(key, windows);
  }
  // « Ce soir », « demain »: a place whose calendar is a day ahead or behind Paris's counts them from its own today.
  if (intent.relative && intent.date && !intent.until) return windows.map((w) => ({ ...w, countedFrom: intent.saidAt ?? now.toMillis() }));
  return [...windows];
}

/** A span of days with a part of the day is cut into at most this many windows (the summer holidays are 59 days). */
const MAX_SPAN_DAYS = 70;

const windowsOfDay = new Map<string, readonly TimeWindow[]>();
const WINDOWS_KEPT = 500;

function dayWindows(intent: TimeIntent, here: DateTime): TimeWindow[] {
  if (intent.date && intent.until) {
    // A span of days: the place qualifies if it opens on any of them, at the part of the day asked if any.
    const first = dayFromIsoDate(intent.date, here);
    const last = dayFromIsoDate(intent.until, here);
    if (!intent.part) return [{ start: first, end: last.plus({ days: 1 }) }];
    const windows: TimeWindow[] = [];
    for (let day = first; day <= last && windows.length < MAX_SPAN_DAYS; day = day.plus({ days: 1 })) windows.push(dayWindow(day, intent.part));
    return windows;
  }
  if (intent.date) {
    const day = dayFromIsoDate(intent.date, here);
    return [dayWindow(day, intent.part)];
  }
  const weekdays = intent.weekdays && intent.weekdays.length > 0 ? intent.weekdays : [1, 2, 3, 4, 5, 6, 7];
  const occurrences = intent.once ? 1 : 2;
  const windows: TimeWindow[] = [];
  for (const weekday of weekdays) {
    const ahead = (weekday - here.weekday + 7) % 7;
    for (let k = 0; k < occurrences; k++) windows.push(dayWindow(here.plus({ days: ahead + 7 * k }), intent.part));
  }
  return windows;
}

function dayFromIsoDate(iso: string, here: DateTime): DateTime {
  const [year, month, day] = iso.split('-').map(Number);
  return here.set({ year, month, day }).startOf('day');
}

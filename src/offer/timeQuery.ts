import { z } from 'zod';
import type { DateTime } from 'luxon';
import { words, type Language } from '../language/text';
import { PARIS, weekdayName, type TimeWindow } from './hours';
import { parisClock } from './parisTime';

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

/** Every word that takes part in saying when (so that the place finder never reads them as a commune). */
export const TIME_WORDS: ReadonlySet<string> = new Set([...WEEKDAY_OF.keys(), ...TIME_PHRASES.flatMap((p) => p.phrase)]);

function startsAt(tokens: readonly string[], index: number, phrase: readonly string[]): boolean {
  return phrase.every((word, k) => tokens[index + k] === word);
}

/** The time the text asks about, or null. `now` turns "demain" into a date. */
export function extractTimeIntent(text: string, now: DateTime): TimeIntent | null {
  const tokens = words(text);
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
    for (const entry of TIME_PHRASES) {
      if (!startsAt(tokens, i, entry.phrase)) continue;
      found = true;
      if (entry.intent.now) intent.now = true;
      if (entry.intent.part) intent.part = entry.intent.part;
      if (entry.intent.weekdays) for (const d of entry.intent.weekdays) weekdays.add(d);
      if (entry.intent.once) intent.once = true;
      if (entry.relativeDays !== undefined) intent.date = now.setZone(PARIS).plus({ days: entry.relativeDays }).toISODate() ?? undefined;
      i += entry.phrase.length - 1;
      break;
    }
  }
  if (!found) return null;
  if (weekdays.size > 0 && !intent.date) intent.weekdays = [...weekdays].sort((a, b) => a - b);
  return intent;
}

const PART_HOURS: Readonly<Record<DayPart, readonly [number, number]>> = {
  morning: [6, 12],
  afternoon: [12, 18],
  evening: [18, 24],
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
  const here = now.setZone(PARIS);
  if (intent.now) return [{ start: here, end: here.plus({ minutes: 1 }) }];
  // Other windows depend only on the day: every search of a day asks for the same few, and luxon is slow to make them.
  const today = parisClock(now.toMillis());
  const key = `${today.year}-${today.month}-${today.day}|${JSON.stringify(intent)}`;
  let windows = windowsOfDay.get(key);
  if (!windows) {
    windows = dayWindows(intent, here);
    if (windowsOfDay.size >= WINDOWS_KEPT) windowsOfDay.clear();
    windowsOfDay.set(key, windows);
  }
  return [...windows];
}

const windowsOfDay = new Map<string, readonly TimeWindow[]>();
const WINDOWS_KEPT = 500;

function dayWindows(intent: TimeIntent, here: DateTime): TimeWindow[] {
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

const PART_WORDS: Readonly<Record<DayPart, Record<Language, string>>> = {
  morning: { fr: 'matin', en: 'morning' },
  afternoon: { fr: 'après-midi', en: 'afternoon' },
  evening: { fr: 'soir', en: 'evening' },
};

/** "le samedi", "le mercredi après-midi", "maintenant", "demain matin", "ce week-end". */
export function describeTimeIntent(intent: TimeIntent, now: DateTime, language: Language): string {
  const en = language === 'en';
  if (intent.now) return en ? 'now' : 'maintenant';
  const part = intent.part ? PART_WORDS[intent.part][language] : '';
  if (intent.date) {
    const here = now.setZone(PARIS).startOf('day');
    const day = dayFromIsoDate(intent.date, here);
    const offset = Math.round(day.diff(here, 'days').days);
    if (offset === 0 && intent.part === 'evening') return en ? 'tonight' : 'ce soir';
    const name = offset === 0 ? (en ? 'today' : "aujourd'hui") : offset === 1 ? (en ? 'tomorrow' : 'demain') : weekdayName(day.weekday, language);
    return [offset > 1 && !en ? `le ${name}` : name, part].filter(Boolean).join(' ');
  }
  const days = intent.weekdays ?? [];
  if (days.length === 2 && days[0] === 6 && days[1] === 7) {
    const weekend = intent.once ? (en ? 'this weekend' : 'ce week-end') : en ? 'at the weekend' : 'le week-end';
    return [weekend, part].filter(Boolean).join(' ');
  }
  if (days.length === 0) return en ? `in the ${part}` : `le ${part}`;
  const names = days.map((d) => (en ? `on ${weekdayName(d, language)}` : `le ${weekdayName(d, language)}`));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')}${en ? ' or ' : ' ou '}${names[names.length - 1]}`;
  return [list, part].filter(Boolean).join(' ');
}

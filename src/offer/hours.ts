import opening_hours from 'opening_hours';
import { DateTime } from 'luxon';
import type { Language } from '../language/text';
import {
  calendarPlusDays, isSameDay, localDateMs, PARIS, parisClock, parisClockOfLocal, parisInstant, parisOffsetMs, parisPlusDays, type WallClock,
} from './parisTime';

/**
 * Opening hours (OSM opening_hours syntax, as data·inclusion stores them) read in French settings: public holidays
 * of France, and the school holidays of the service's region (the opening_hours library ships both, keyed by region
 * name, e.g. "Auvergne-Rhône-Alpes"). Everything is computed in Europe/Paris whatever the server's time zone.
 *
 * Asking the library is slow (it walks its rules, and luxon converts time zones), and every result a parent sees
 * shows its hours: so the plain-words week is kept per schedule and per week, and the open spans of the next two
 * weeks are asked once per schedule and per day, then today's status and "open on Saturday?" are read from them.
 */

export { PARIS };

/** A span of Paris time, [start, end). */
export type TimeWindow = { start: DateTime; end: DateTime };

export type Hours = {
  raw: string;
  /** Null when the value cannot be read; `error` then says why. */
  schedule: opening_hours | null;
  error: string | null;
};

const WEEKDAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function weekdayName(weekday: number, language: Language): string {
  return (language === 'en' ? WEEKDAYS_EN : WEEKDAYS_FR)[(weekday - 1 + 7) % 7];
}

/**
 * The library works on JavaScript Dates in the process's zone. We hand it Dates whose local wall clock reads the
 * Paris wall clock, and read its answers back the same way.
 */
function toWallClock(time: DateTime): Date {
  const t = time.setZone(PARIS);
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

function fromWallClock(date: Date): DateTime {
  return DateTime.fromObject(
    { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() },
    { zone: PARIS },
  );
}

/** Schedules already read, by region then value: a search reads the same few for every candidate. */
const cache = new Map<string, Map<string, Hours>>();
const CACHE_LIMIT = 20000;
let cached = 0;

/** Reads an opening_hours value for a service in the given region (its name, for school holidays). */
export function parseHours(raw: string, regionName: string | null): Hours {
  const region = regionName ?? '';
  let ofRegion = cache.get(region);
  const known = ofRegion?.get(raw);
  if (known) return known;
  let hours: Hours;
  try {
    const place = { lat: 46.6, lon: 1.9, address: { country_code: 'fr', state: region } };
    const schedule = new opening_hours(raw, place, { mode: 0, tag_key: 'opening_hours', map_value: false, warnings_severity: 4, locale: 'fr' });
    hours = { raw, schedule, error: null };
  } catch (error) {
    // The library throws a string describing where the syntax broke.
    hours = { raw, schedule: null, error: String(error).replace(/\s+/g, ' ').trim().slice(0, 200) };
  }
  if (cached >= CACHE_LIMIT) {
    cache.clear();
    cached = 0;
    ofRegion = undefined;
  }
  if (!ofRegion) {
    ofRegion = new Map();
    cache.set(region, ofRegion);
  }
  ofRegion.set(raw, hours);
  cached++;
  return hours;
}

type Interval = { start: DateTime; end: DateTime; unknown: boolean; comment: string | null };

function intervals(hours: Hours, window: TimeWindow): Interval[] {
  if (!hours.schedule) return [];
  return hours.schedule.getOpenIntervals(toWallClock(window.start), toWallClock(window.end)).map(([from, to, unknown, comment]) => ({
    start: fromWallClock(from),
    end: fromWallClock(to),
    unknown,
    comment: comment ?? null,
  }));
}

/**
 * An open (or open-on-appointment) span as the library reports it, in local-Date milliseconds (see toWallClock).
 * Spans follow one another when only the comment or certainty changes.
 */
type OpenSpan = { start: number; end: number; comment: string | null };

/** The open spans of a schedule from a day's midnight over SPAN_DAYS days: enough for every window a parent asks about. */
type SpanTable = { from: number; to: number; spans: OpenSpan[] };

const SPAN_DAYS = 15;
const TABLES_PER_SCHEDULE = 3;
const WEEKS_PER_SCHEDULE = 8;

/** What was already worked out for one schedule. Kept beside it, so that it goes when parseHours forgets it. */
type Worked = { tables: Map<number, SpanTable>; weeks: Map<string, string> };
const worked = new WeakMap<Hours, Worked>();

function workedFor(hours: Hours): Worked {
  let entry = worked.get(hours);
  if (!entry) {
    entry = { tables: new Map(), weeks: new Map() };
    worked.set(hours, entry);
  }
  return entry;
}

/** The local midnight of a day, as the library's Dates read it. */
function localMidnight(day: { year: number; month: number; day: number }): number {
  return localDateMs({ ...day, hour: 0, minute: 0, second: 0 });
}

/** The table starting at a local midnight, asked of the library on first use. */
function spanTable(hours: Hours, schedule: opening_hours, day: { year: number; month: number; day: number }, from = localMidnight(day)): SpanTable {
  const { tables } = workedFor(hours);
  const known = tables.get(from);
  if (known) return known;
  const to = localMidnight({ ...day, day: day.day + SPAN_DAYS });
  const spans = schedule.getOpenIntervals(new Date(from), new Date(to)).map(([start, end, , comment]) => ({
    start: start.getTime(),
    end: end.getTime(),
    comment: comment ?? null,
  }));
  const table = { from, to, spans };
  if (tables.size >= TABLES_PER_SCHEDULE) tables.delete(tables.keys().next().value ?? from);
  tables.set(from, table);
  return table;
}

/**
 * What `getOpenIntervals(from, to)` answers, read from a table that covers [from, to]: the spans that overlap the
 * window, cut to it; a window that ends before it starts holds at most the span open at its start.
 */
function openSpans(table: SpanTable, from: number, to: number): OpenSpan[] {
  const out: OpenSpan[] = [];
  for (const span of table.spans) {
    if (span.end <= from) continue;
    if (to <= from) {
      if (span.start <= from) out.push({ start: from, end: to, comment: span.comment });
      break;
    }
    if (span.start >= to) break;
    out.push({ start: Math.max(span.start, from), end: Math.min(span.end, to), comment: span.comment });
  }
  return out;
}

function covers(table: SpanTable, from: number, to: number): boolean {
  return from >= table.from && from <= table.to && to >= table.from && to <= table.to;
}

function localMsOf(time: DateTime): number {
  return localDateMs(parisClock(time.toMillis()));
}

/** Windows as the library's Dates read them, and the day the earliest starts: the same for every place of a search. */
type PreparedWindows = { bounds: Array<{ from: number; to: number }>; day: { year: number; month: number; day: number }; midnight: number };
const preparedWindows = new WeakMap<readonly TimeWindow[], PreparedWindows>();

function prepare(windows: readonly TimeWindow[]): PreparedWindows {
  let prepared = preparedWindows.get(windows);
  if (!prepared) {
    const bounds = windows.map((window) => ({ from: localMsOf(window.start), to: localMsOf(window.end) }));
    const earliest = new Date(Math.min(...bounds.map((b) => b.from)));
    const day = { year: earliest.getFullYear(), month: earliest.getMonth() + 1, day: earliest.getDate() };
    prepared = { bounds, day, midnight: localMidnight(day) };
    preparedWindows.set(windows, prepared);
  }
  return prepared;
}

/** True when the place is open (or open on appointment) at some moment of one of the windows. */
export function isOpenDuring(hours: Hours, windows: readonly TimeWindow[]): boolean {
  const schedule = hours.schedule;
  if (!schedule || windows.length === 0) return false;
  const { bounds, day, midnight } = prepare(windows);
  const table = spanTable(hours, schedule, day, midnight);
  return bounds.some(({ from, to }, i) => (covers(table, from, to) ? openSpans(table, from, to).length > 0 : intervals(hours, windows[i]).length > 0));
}

type ClockTime = { hour: number; minute: number };

function clock(time: ClockTime, language: Language): string {
  if (language === 'en') return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
  return time.minute === 0 ? `${time.hour} h` : `${time.hour} h ${String(time.minute).padStart(2, '0')}`;
}

function endClock(interval: Interval, language: Language): string {
  // An interval ending at midnight reads better as "24 h" than "0 h".
  const end = interval.end;
  if (end.hour === 0 && end.minute === 0 && end > interval.start) return language === 'en' ? '24:00' : '24 h';
  return clock(end, language);
}

function span(interval: Interval, language: Language): string {
  const whole = interval.end.diff(interval.start, 'hours').hours >= 24;
  if (whole) return language === 'en' ? 'all day' : 'toute la journée';
  return language === 'en'
    ? `${clock(interval.start, language)}–${endClock(interval, language)}`
    : `de ${clock(interval.start, language)} à ${endClock(interval, language)}`;
}

function joinList(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const and = language === 'en' ? ' and ' : ' et ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** One week of a schedule: for each weekday (1 = Monday) the day's spans as text, plus comments. */
function weekShape(hours: Hours, monday: DateTime, language: Language): { days: string[]; comments: Set<string>; count: number } {
  const days: string[][] = [[], [], [], [], [], [], []];
  const comments = new Set<string>();
  let count = 0;
  for (const interval of intervals(hours, { start: monday, end: monday.plus({ days: 7 }) })) {
    const day = interval.start.weekday - 1;
    days[day].push(span(interval, language));
    if (interval.comment) comments.add(interval.comment);
    count++;
  }
  return { days: days.map((spans) => joinList(spans, language)), comments, count };
}

function dayGroups(days: readonly string[], language: Language): string[] {
  // Days sharing the same hours are said together: "du lundi au vendredi", "le lundi et le mercredi".
  const bySpans = new Map<string, number[]>();
  days.forEach((spans, index) => {
    if (!spans) return;
    const list = bySpans.get(spans);
    if (list) list.push(index + 1);
    else bySpans.set(spans, [index + 1]);
  });
  const groups: Array<{ first: number; text: string }> = [];
  for (const [spans, weekdays] of bySpans) {
    const consecutive = weekdays.every((d, i) => i === 0 || d === weekdays[i - 1] + 1);
    let when: string;
    if (weekdays.length === 7) when = language === 'en' ? 'every day' : 'tous les jours';
    else if (consecutive && weekdays.length >= 3) {
      when = language === 'en'
        ? `${weekdayName(weekdays[0], language)} to ${weekdayName(weekdays[weekdays.length - 1], language)}`
        : `du ${weekdayName(weekdays[0], language)} au ${weekdayName(weekdays[weekdays.length - 1], language)}`;
    } else {
      when = joinList(weekdays.map((d) => (language === 'en' ? `${weekdayName(d, language)}` : `le ${weekdayName(d, language)}`)), language);
    }
    groups.push({ first: weekdays[0], text: `${when} ${spans}` });
  }
  return groups.sort((a, b) => a.first - b.first).map((g) => g.text);
}

/** The plain-words week as the library's intervals give it (see describeHours). */
function describeUsualWeek(hours: Hours, now: DateTime, language: Language): string {
  const monday = now.setZone(PARIS).startOf('week');
  const weeks = [0, 1, 2].map((w) => weekShape(hours, monday.plus({ weeks: w }), language));
  const signature = (w: (typeof weeks)[number]) => w.days.join('|');
  let best = weeks[0];
  let bestScore = -1;
  for (const week of weeks) {
    const score = weeks.filter((w) => signature(w) === signature(week)).length * 1000 + week.count;
    if (score > bestScore) {
      best = week;
      bestScore = score;
    }
  }
  if (best.count === 0) return language === 'en' ? `hours: ${hours.raw}` : `horaires : ${hours.raw}`;
  const text = dayGroups(best.days, language).join(', ');
  const comments = [...best.comments];
  return comments.length > 0 ? `${text} (${comments.join(', ')})` : text;
}

/**
 * The hours in plain words: "le mardi de 14 h à 17 h, le samedi de 9 h 30 à 12 h". A usual week is described: of the
 * three weeks from `now`, the most common shape, so that a public holiday does not hide a weekly opening. Worked out
 * once per schedule, week and language.
 */
export function describeHours(hours: Hours, now: DateTime, language: Language): string {
  if (!hours.schedule) return language === 'en' ? `hours: ${hours.raw}` : `horaires : ${hours.raw}`;
  const here = parisClock(now.toMillis());
  const monday = calendarPlusDays(here, 1 - here.weekday);
  const key = `${language}|${monday.year}-${monday.month}-${monday.day}`;
  const { weeks } = workedFor(hours);
  let text = weeks.get(key);
  if (text === undefined) {
    text = describeUsualWeek(hours, now, language);
    if (weeks.size >= WEEKS_PER_SCHEDULE) weeks.delete(weeks.keys().next().value ?? key);
    weeks.set(key, text);
  }
  return text;
}

export type TodayStatus = { open: boolean; text: string };

/** The moments today's status looks at, as the library's Dates read them. */
type StatusFrame = {
  here: WallClock;
  midnight: number;
  hereLocal: number;
  inAMinute: number;
  inTwoDays: number;
  endOfDay: number;
  inAWeek: number;
};

/** The last frame worked out: a turn shows the status of several places at the same instant. */
let lastFrame: { nowMs: number; frame: StatusFrame } | null = null;

function statusFrame(nowMs: number): StatusFrame {
  if (lastFrame?.nowMs === nowMs) return lastFrame.frame;
  const here = parisClock(nowMs);
  const frame = {
    here,
    midnight: localMidnight(here),
    hereLocal: localDateMs(here),
    inAMinute: localDateMs(parisClock(nowMs + 60_000)),
    inTwoDays: localDateMs(parisPlusDays(here, parisOffsetMs(nowMs), 2)),
    endOfDay: localDateMs({ ...here, hour: 23, minute: 59, second: 59 }),
    inAWeek: localDateMs({ ...calendarPlusDays(here, 8), hour: 0, minute: 0, second: 0 }),
  };
  lastFrame = { nowMs, frame };
  return frame;
}

/** Today's status: "ouvert maintenant, jusqu'à 17 h", "ouvre aujourd'hui à 14 h", "fermé aujourd'hui". */
export function statusToday(hours: Hours, now: DateTime, language: Language): TodayStatus | null {
  const schedule = hours.schedule;
  if (!schedule) return null;
  const { here, midnight, hereLocal, inAMinute, inTwoDays, endOfDay, inAWeek } = statusFrame(now.toMillis());
  const table = spanTable(hours, schedule, here, midnight);
  if (![inAMinute, inTwoDays, endOfDay, inAWeek].every((to) => covers(table, hereLocal, to))) return statusTodayFromLibrary(hours, now, language);

  const current = openSpans(table, hereLocal, inAMinute)[0];
  if (current) {
    const until = openSpans(table, hereLocal, inTwoDays)[0];
    const closes = parisClockOfLocal(until ? until.end : current.end);
    return openNow(closes, isSameDay(closes, here), current.comment, language);
  }
  const later = openSpans(table, hereLocal, endOfDay)[0];
  if (later) return opensToday(parisClockOfLocal(later.start), language);
  const next = openSpans(table, endOfDay, inAWeek)[0];
  if (!next) return closedToday(language);
  return { open: false, text: nextOpeningText(parisClockOfLocal(next.start), here, language) };
}

function openNow(closes: ClockTime, sameDay: boolean, comment: string | null, language: Language): TodayStatus {
  const untilText = sameDay ? clock(closes, language) : language === 'en' ? `tomorrow ${clock(closes, language)}` : `demain ${clock(closes, language)}`;
  const note = comment ? ` (${comment})` : '';
  return { open: true, text: language === 'en' ? `open now, until ${untilText}${note}` : `ouvert maintenant, jusqu'à ${untilText}${note}` };
}

function opensToday(opens: ClockTime, language: Language): TodayStatus {
  return { open: false, text: language === 'en' ? `opens today at ${clock(opens, language)}` : `ouvre aujourd'hui à ${clock(opens, language)}` };
}

function closedToday(language: Language): TodayStatus {
  return { open: false, text: language === 'en' ? 'closed today' : "fermé aujourd'hui" };
}

/**
 * When the place next opens (or opens on appointment), as an instant in epoch milliseconds: `now` itself when it is
 * open; null when its hours cannot be read or it does not open within the week that statusToday looks at, so that
 * every place ordered by it also says when it opens. Read from the same table as statusToday.
 */
export function nextOpening(hours: Hours, now: DateTime): number | null {
  const schedule = hours.schedule;
  if (!schedule) return null;
  const nowMs = now.toMillis();
  const { here, midnight, hereLocal, inAWeek } = statusFrame(nowMs);
  const table = spanTable(hours, schedule, here, midnight);
  if (!covers(table, hereLocal, inAWeek)) {
    const start = now.setZone(PARIS);
    const first = intervals(hours, { start, end: start.plus({ days: 8 }).startOf('day') })[0];
    return first ? Math.max(nowMs, first.start.toMillis()) : null;
  }
  const first = openSpans(table, hereLocal, inAWeek)[0];
  if (!first) return null;
  return first.start <= hereLocal ? nowMs : Math.max(nowMs, parisInstant(parisClockOfLocal(first.start)));
}

function nextOpeningText(opens: WallClock, here: WallClock, language: Language): string {
  const tomorrow = isSameDay(opens, calendarPlusDays(here, 1));
  const nextWeek = opens.weekday === here.weekday;
  const weekday = weekdayName(opens.weekday, language);
  const day = tomorrow
    ? language === 'en' ? 'tomorrow' : 'demain'
    : nextWeek
      ? language === 'en' ? `next ${weekday}` : `${weekday} prochain`
      : weekday;
  return language === 'en'
    ? `closed today; next opening ${day} at ${clock(opens, language)}`
    : `fermé aujourd'hui ; prochaine ouverture ${day} à ${clock(opens, language)}`;
}

/** Today's status asked of the library directly: for a process whose own time zone moves local midnights. */
function statusTodayFromLibrary(hours: Hours, now: DateTime, language: Language): TodayStatus | null {
  const here = now.setZone(PARIS);
  const endOfDay = here.endOf('day');
  const current = intervals(hours, { start: here, end: here.plus({ minutes: 1 }) })[0];
  if (current) {
    const until = intervals(hours, { start: here, end: here.plus({ days: 2 }) })[0];
    const closes = until ? until.end : current.end;
    return openNow(closes, closes.hasSame(here, 'day'), current.comment, language);
  }
  const later = intervals(hours, { start: here, end: endOfDay })[0];
  if (later) return opensToday(later.start, language);
  const next = intervals(hours, { start: endOfDay, end: here.plus({ days: 8 }).startOf('day') })[0];
  if (!next) return closedToday(language);
  return { open: false, text: nextOpeningText(clockOf(next.start), clockOf(here), language) };
}

function clockOf(time: DateTime): WallClock {
  const { year, month, day, hour, minute, second, millisecond, weekday } = time;
  return { year, month, day, hour, minute, second, millisecond, weekday };
}

/**
 * When the place is open within the time a parent asked about, read from the same intervals as `isOpenDuring`: the
 * first open span inside the windows ("le samedi de 9 h 30 à 12 h"), or null when it is closed then. A search's
 * header counts the places for which this is not null, and each card says it: the two cannot disagree.
 */
export function openDuring(hours: Hours, windows: readonly TimeWindow[], language: Language): string | null {
  if (!hours.schedule) return null;
  for (const window of windows) {
    const first = intervals(hours, window)[0];
    if (!first) continue;
    const start = first.start < window.start ? window.start : first.start;
    const end = first.end > window.end ? window.end : first.end;
    if (end <= start) continue;
    const clipped = { ...first, start, end };
    const day = weekdayName(start.weekday, language);
    return language === 'en' ? `${day} ${span(clipped, language)}` : `le ${day} ${span(clipped, language)}`;
  }
  return null;
}

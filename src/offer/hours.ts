import opening_hours from 'opening_hours';
import { DateTime } from 'luxon';
import {
  calendarDaysAhead, calendarPlusDays, clockAt, clockOfLocal, instantOf, isSameDay, localDateMs, PARIS, type WallClock, type WallZone,
} from './parisTime';
import { timeZoneOfRegion } from './timeZones';

/**
 * Opening hours (OSM opening_hours syntax, as data·inclusion stores them) read in French settings: public holidays
 * of France, and the school holidays of the service's region (the opening_hours library ships both, keyed by region
 * name, e.g. "Auvergne-Rhône-Alpes"). Hours are read on the place's own clock — Europe/Paris, or an overseas zone
 * (src/offer/timeZones.ts) — whatever the server's time zone.
 *
 * Asking the library is slow (it walks its rules, and luxon converts time zones), and every result a parent sees
 * shows its hours: so the plain-words week is kept per schedule and per week, and the open spans of the next two
 * weeks are asked once per schedule and per day, then today's status and "open on Saturday?" are read from them.
 */

export { PARIS };

/**
 * A span of time a parent asked about, [start, end). Built on the Paris clock; a place on another clock reads it on
 * its own: « samedi », « ce soir » are its Saturday and its evening (the same wall-clock hours), while « maintenant »
 * (`instant`) is the same instant everywhere.
 */
export type TimeWindow = {
  start: DateTime;
  end: DateTime;
  instant?: boolean;
  /**
   * For a day said from today (« ce soir », « demain »): the instant it was said at. A place whose calendar then shows
   * another date than Paris's (La Réunion after 21 h in Paris) moves the window by as many days.
   */
  countedFrom?: number;
};

export type Hours = {
  raw: string;
  /** The clock the hours are written on: the place's time zone. */
  zone: WallZone;
  /** Null when the value cannot be read; `error` then says why. */
  schedule: opening_hours | null;
  error: string | null;
};

/**
 * The library works on JavaScript Dates in the process's zone. We hand it Dates whose local wall clock reads the
 * place's wall clock, and read its answers back the same way.
 */
function toWallClock(time: DateTime, zone: WallZone): Date {
  const t = time.setZone(zone);
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

function fromWallClock(date: Date, zone: WallZone): DateTime {
  return DateTime.fromObject(
    { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() },
    { zone },
  );
}

/** The windows as a place on `zone`'s clock reads them (see TimeWindow): one array per windows and zone. */
function windowsIn(windows: readonly TimeWindow[], zone: WallZone): readonly TimeWindow[] {
  if (zone.equals(PARIS)) return windows;
  let byZone = windowsByZone.get(windows);
  if (!byZone) {
    byZone = new Map();
    windowsByZone.set(windows, byZone);
  }
  let moved = byZone.get(zone.name);
  if (!moved) {
    const onPlaceClock = (time: DateTime, w: TimeWindow) => {
      if (w.instant) return time.setZone(zone);
      const days = w.countedFrom === undefined ? 0 : calendarDaysAhead(zone, w.countedFrom);
      const wall = time.setZone(PARIS).setZone(zone, { keepLocalTime: true });
      return days === 0 ? wall : wall.plus({ days });
    };
    moved = windows.map((w) => ({ ...w, start: onPlaceClock(w.start, w), end: onPlaceClock(w.end, w) }));
    byZone.set(zone.name, moved);
  }
  return moved;
}
const windowsByZone = new WeakMap<readonly TimeWindow[], Map<string, readonly TimeWindow[]>>();

/** Schedules already read, by region then value: a search reads the same few for every candidate. */
const cache = new Map<string, Map<string, Hours>>();
const CACHE_LIMIT = 20000;
let cached = 0;

/**
 * Reads an opening_hours value for a service in the given region (its name, for school holidays), written on the
 * clock of `zone`: the place's (timeZoneOfPlace), else its region's (Paris but overseas).
 */
export function parseHours(raw: string, regionName: string | null, zone: WallZone = timeZoneOfRegion(regionName)): Hours {
  const key = `${regionName ?? ''}|${zone.name}`;
  let ofRegion = cache.get(key);
  const known = ofRegion?.get(raw);
  if (known) return known;
  let hours: Hours;
  try {
    const place = { ...FRANCE, address: { ...FRANCE.address, state: regionName ?? '' } };
    const schedule = quietly(() => new opening_hours(raw, place, OPTIONS));
    hours = { raw, zone, schedule, error: null };
  } catch (error) {
    // The library throws a string describing where the syntax broke, or that it has no school holidays for the region.
    const withoutHolidays = /\bSH\b/.test(raw) ? withoutSchoolHolidays({ raw, zone, schedule: null, error: null }) : null;
    hours = withoutHolidays
      ? { raw, zone, schedule: withoutHolidays, error: null }
      : { raw, zone, schedule: null, error: String(error).replace(/\s+/g, ' ').trim().slice(0, 200) };
  }
  if (cached >= CACHE_LIMIT) {
    cache.clear();
    cached = 0;
    ofRegion = undefined;
  }
  if (!ofRegion) {
    ofRegion = new Map();
    cache.set(key, ofRegion);
  }
  ofRegion.set(raw, hours);
  cached++;
  return hours;
}

type Interval = { start: DateTime; end: DateTime; unknown: boolean; comment: string | null };

/**
 * The library's open intervals. It throws when a rule needs data it does not ship — the school holidays (SH) of
 * Corsica, or of any region past the last year it knows — and a parent's search must not fail for one schedule: then
 * the same hours are read without their school-holiday rules (closures in the holidays unknown), and failing that the
 * schedule has no known opening.
 */
function openIntervalsOf(hours: Hours, schedule: opening_hours, from: Date, to: Date): ReturnType<opening_hours['getOpenIntervals']> {
  try {
    return quietly(() => schedule.getOpenIntervals(from, to));
  } catch {
    const fallback = withoutSchoolHolidays(hours);
    if (!fallback) return [];
    try {
      return quietly(() => fallback.getOpenIntervals(from, to));
    } catch {
      return [];
    }
  }
}

/**
 * A call to the library with the console silenced. Before it throws for data it does not ship (above), the library
 * writes its message to console.error, with the hours in it and no option to keep it quiet: the fallback answers
 * for it, and the server's log gets no line a parent's search caused. The library's calls are synchronous, so
 * nothing else can write while the console is silenced.
 */
function quietly<T>(call: () => T): T {
  const { error, warn } = console;
  console.error = () => undefined;
  console.warn = () => undefined;
  try {
    return call();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

const fallbacks = new WeakMap<Hours, opening_hours | null>();

/** The schedule with every rule that names the school holidays (SH) left out, or null when nothing else remains. */
function withoutSchoolHolidays(hours: Hours): opening_hours | null {
  if (fallbacks.has(hours)) return fallbacks.get(hours) ?? null;
  const kept = hours.raw
    .split(/;|\|\|/)
    .map((rule) => rule.split(/,\s+(?=\S)/).filter((part) => !/\bSH\b/.test(part)).join(', ').trim())
    .filter((rule) => rule.length > 0);
  let fallback: opening_hours | null = null;
  if (kept.length > 0) {
    try {
      fallback = quietly(() => new opening_hours(kept.join('; '), FRANCE, OPTIONS));
    } catch {
      fallback = null;
    }
  }
  fallbacks.set(hours, fallback);
  return fallback;
}

/** Public holidays are France's wherever the service is; school holidays need the region (see parseHours). */
const FRANCE = { lat: 46.6, lon: 1.9, address: { country_code: 'fr', state: '' } };
const OPTIONS = { mode: 0, tag_key: 'opening_hours', map_value: false, warnings_severity: 4, locale: 'fr' } as const;

function intervals(hours: Hours, window: TimeWindow): Interval[] {
  if (!hours.schedule) return [];
  return openIntervalsOf(hours, hours.schedule, toWallClock(window.start, hours.zone), toWallClock(window.end, hours.zone)).map(([from, to, unknown, comment]) => ({
    start: fromWallClock(from, hours.zone),
    end: fromWallClock(to, hours.zone),
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
type Worked = { tables: Map<number, SpanTable>; weeks: Map<string, UsualWeek>; later: Map<string, NextOpening | null>; closures: Map<string, Closure[]> };
const worked = new WeakMap<Hours, Worked>();

function workedFor(hours: Hours): Worked {
  let entry = worked.get(hours);
  if (!entry) {
    entry = { tables: new Map(), weeks: new Map(), later: new Map(), closures: new Map() };
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
  const spans = openIntervalsOf(hours, schedule, new Date(from), new Date(to)).map(([start, end, , comment]) => ({
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

/** Whether openSpans(table, from, to) would hold any span, without building them: asked of every place a search meets. */
function hasOpenSpan(table: SpanTable, from: number, to: number): boolean {
  for (const span of table.spans) {
    if (span.end <= from) continue;
    if (to <= from) return span.start <= from;
    return span.start < to;
  }
  return false;
}

function covers(table: SpanTable, from: number, to: number): boolean {
  return from >= table.from && from <= table.to && to >= table.from && to <= table.to;
}

function localMsOf(time: DateTime, zone: WallZone): number {
  return localDateMs(clockAt(zone, time.toMillis()));
}

/** Windows as the library's Dates read them, and the day the earliest starts: the same for every place of a search. */
type PreparedWindows = { bounds: Array<{ from: number; to: number }>; day: { year: number; month: number; day: number }; midnight: number };
const preparedWindows = new WeakMap<readonly TimeWindow[], PreparedWindows>();

/** `windows` already read on `zone`'s clock (windowsIn). */
function prepare(windows: readonly TimeWindow[], zone: WallZone): PreparedWindows {
  let prepared = preparedWindows.get(windows);
  if (!prepared) {
    const bounds = windows.map((window) => ({ from: localMsOf(window.start, zone), to: localMsOf(window.end, zone) }));
    const earliest = new Date(Math.min(...bounds.map((b) => b.from)));
    const day = { year: earliest.getFullYear(), month: earliest.getMonth() + 1, day: earliest.getDate() };
    prepared = { bounds, day, midnight: localMidnight(day) };
    preparedWindows.set(windows, prepared);
  }
  return prepared;
}

/** True when the place is open (or open on appointment) at some moment of one of the windows. */
export function isOpenDuring(hours: Hours, asked: readonly TimeWindow[]): boolean {
  const schedule = hours.schedule;
  if (!schedule || asked.length === 0) return false;
  const windows = windowsIn(asked, hours.zone);
  const { bounds, day, midnight } = prepare(windows, hours.zone);
  const table = spanTable(hours, schedule, day, midnight);
  return bounds.some(({ from, to }, i) => (covers(table, from, to) ? hasOpenSpan(table, from, to) : intervals(hours, windows[i]).length > 0));
}

/** A time of day on the place's wall clock; an opening that ends at midnight ends at 24:00 (hour 24). */
export type ClockTime = { hour: number; minute: number };

/** One opening within a day: all day, or from a time to a time. Said in words by src/messages/hours.ts. */
export type DaySpan = { allDay: true } | { allDay: false; start: ClockTime; end: ClockTime };

/**
 * A usual week of a schedule: for each weekday (index 0 = Monday) its openings in order, the openings on some
 * weekdays of each month only (`monthly`, none when absent), and the comments the hours carry ("sur rendez-vous").
 * `days` is null when the hours cannot be read, or open in none of the weeks looked at and on no weekday of each
 * month: the raw value is then all there is to show.
 */
export type UsualWeek = { raw: string; days: DaySpan[][] | null; comments: string[]; monthly?: MonthlyOpening[] };

/**
 * An opening on some weekdays of each month only (OSM `We[1]`, `Sa[-1]`, `Th[1,3]`): the weekday (1 = Monday), which
 * of the month's ones (1 to 5; -1 the last), and its span. Said "le 1er mercredi du mois, de 19 h à 21 h".
 */
export type MonthlyOpening = { weekday: number; nths: number[]; span: DaySpan };

function clockTime(time: { hour: number; minute: number }): ClockTime {
  return { hour: time.hour, minute: time.minute };
}

/** The opening as a day shows it: whole days, and an end at midnight as 24:00 rather than 0:00. */
function daySpan(interval: { start: DateTime; end: DateTime }): DaySpan {
  const end = interval.end;
  const midnight = end.hour === 0 && end.minute === 0 && end > interval.start;
  if (interval.start.hour === 0 && interval.start.minute === 0 && midnight && end <= interval.start.plus({ hours: 25 })) return { allDay: true };
  if (interval.end.diff(interval.start, 'hours').hours >= 24) return { allDay: true };
  return { allDay: false, start: clockTime(interval.start), end: midnight ? { hour: 24, minute: 0 } : clockTime(end) };
}

/**
 * An interval cut into the days it covers, each piece under its own day: the library merges openings that follow one
 * another ("Mo-Su 00:00-24:00" is one seven-day interval), and a parent reads hours day by day. A piece shorter than a
 * day that ends the next morning stays whole under its evening ("de 22 h à 2 h"), as people say night hours.
 */
function dayPieces(interval: { start: DateTime; end: DateTime }): Array<{ start: DateTime; end: DateTime }> {
  const pieces: Array<{ start: DateTime; end: DateTime }> = [];
  let start = interval.start;
  // Seven days and a margin: the week asked plus the day either side (a bound against a runaway loop).
  for (let guard = 0; guard < 10 && start < interval.end; guard++) {
    const nextMidnight = start.startOf('day').plus({ days: 1 });
    if (interval.end <= nextMidnight || interval.end.diff(start, 'hours').hours < 24) {
      pieces.push({ start, end: interval.end });
      break;
    }
    pieces.push({ start, end: nextMidnight });
    start = nextMidnight;
  }
  return pieces;
}

/**
 * One week of a schedule: for each weekday (index 0 = Monday) the day's spans, plus comments. The intervals are asked
 * from the day before to the day after, so that an opening running into Monday from Sunday night stays under Sunday
 * and the week's last opening is not cut at Monday's midnight; only pieces starting within the week are kept.
 */
function weekShape(hours: Hours, monday: DateTime): { days: DaySpan[][]; comments: Set<string>; count: number } {
  const days: DaySpan[][] = [[], [], [], [], [], [], []];
  const comments = new Set<string>();
  let count = 0;
  const nextMonday = monday.plus({ days: 7 });
  for (const interval of intervals(hours, { start: monday.minus({ days: 1 }), end: nextMonday.plus({ days: 1 }) })) {
    for (const piece of dayPieces(interval)) {
      if (piece.start < monday || piece.start >= nextMonday) continue;
      days[piece.start.weekday - 1].push(daySpan(piece));
      if (interval.comment) comments.add(interval.comment);
      count++;
    }
  }
  return { days, comments, count };
}

/** How far monthly openings are looked for: from the start of this month, over this many months. */
const MONTHS_LOOKED_AT = 3;
/** At most this many of a month's weekdays make a monthly opening; more is a weekly one the usual week missed. */
const MOST_NTHS = 3;

/**
 * The openings that come back on some weekdays of each month rather than every week: from the start of this month
 * over MONTHS_LOOKED_AT months, the day spans the usual week does not hold, grouped by weekday and span, kept when
 * they come back in two months or more on the same few weekdays of the month (the 1st and 3rd, or the last). A
 * one-off date or a season is not monthly: it is left out rather than said wrongly.
 */
function monthlyOpenings(hours: Hours, now: DateTime, weekly: DaySpan[][] | null): MonthlyOpening[] {
  const start = now.setZone(hours.zone).startOf('month');
  const end = start.plus({ months: MONTHS_LOOKED_AT });
  const found = new Map<string, { weekday: number; span: DaySpan; days: DateTime[] }>();
  for (const interval of intervals(hours, { start, end })) {
    // An opening of more than a day is no monthly evening: it is said by the week, or not at all.
    if (interval.end.diff(interval.start, 'hours').hours > 24) continue;
    const span = daySpan(interval);
    const weekday = interval.start.weekday;
    const signature = JSON.stringify(span);
    if (weekly?.[weekday - 1].some((usual) => JSON.stringify(usual) === signature)) continue;
    const key = `${weekday} ${signature}`;
    const entry = found.get(key) ?? { weekday, span, days: [] };
    entry.days.push(interval.start);
    found.set(key, entry);
  }
  const out: MonthlyOpening[] = [];
  for (const { weekday, span, days } of found.values()) {
    const byMonth = new Map<number, Set<number>>();
    for (const d of days) byMonth.set(d.month, (byMonth.get(d.month) ?? new Set()).add(Math.ceil(d.day / 7)));
    if (byMonth.size < 2) continue;
    const allLast = days.every((d) => d.day + 7 > (d.daysInMonth ?? 31));
    if (allLast && [...byMonth.values()].every((set) => set.size === 1)) {
      out.push({ weekday, nths: [-1], span });
      continue;
    }
    const nths = [...new Set(days.map((d) => Math.ceil(d.day / 7)))].sort((a, b) => a - b);
    // The same weekdays of the month each month: a public holiday may take one month's away, never add others.
    const whole = [...byMonth.values()].filter((set) => set.size === nths.length).length;
    if (nths.length <= MOST_NTHS && whole >= 2 && byMonth.size - whole <= 1) out.push({ weekday, nths, span });
  }
  return out.sort((a, b) => a.weekday - b.weekday);
}

/** The usual week as the library's intervals give it (see usualWeek). */
function readUsualWeek(hours: Hours, now: DateTime): UsualWeek {
  const monday = now.setZone(hours.zone).startOf('week');
  const weeks = [0, 1, 2].map((w) => weekShape(hours, monday.plus({ weeks: w })));
  // Two weeks are alike when every day has the same openings, to the minute, as they are shown.
  const signature = (w: (typeof weeks)[number]) => JSON.stringify(w.days);
  let best = weeks[0];
  let bestScore = -1;
  for (const week of weeks) {
    const score = weeks.filter((w) => signature(w) === signature(week)).length * 1000 + week.count;
    if (score > bestScore) {
      best = week;
      bestScore = score;
    }
  }
  const weekly = best.count === 0 ? null : best.days;
  const monthly = monthlyOpenings(hours, now, weekly);
  if (!weekly && monthly.length === 0) return { raw: hours.raw, days: null, comments: [], monthly: [] };
  return { raw: hours.raw, days: weekly ?? [[], [], [], [], [], [], []], comments: [...best.comments], monthly };
}

/**
 * The hours as a usual week: of the three weeks from `now`, the most common shape, so that a public holiday does not
 * hide a weekly opening. Worked out once per schedule and week.
 */
export function usualWeek(hours: Hours, now: DateTime): UsualWeek {
  if (!hours.schedule) return { raw: hours.raw, days: null, comments: [], monthly: [] };
  const here = clockAt(hours.zone, now.toMillis());
  const monday = calendarPlusDays(here, 1 - here.weekday);
  const key = `${monday.year}-${monday.month}-${monday.day}`;
  const { weeks } = workedFor(hours);
  let week = weeks.get(key);
  if (week === undefined) {
    week = readUsualWeek(hours, now);
    if (weeks.size >= WEEKS_PER_SCHEDULE) weeks.delete(weeks.keys().next().value ?? key);
    weeks.set(key, week);
  }
  return week;
}

/**
 * Today's status as data. Open now, until a real closing time (today, tomorrow or a later day of the week), or with
 * no closing within the week looked at (`until` null: round the clock). Closed now and opening later today, after an
 * opening earlier today or not (`reopens`). Closed for the rest of today, after an opening earlier today or not
 * (`openedToday`), with the next opening within the week (null: none). `open` is there so that a card's colour and a
 * test read it without the cases.
 */
export type TodayStatus =
  | { open: true; state: 'open'; until: Closing | null; note: string | null }
  | { open: false; state: 'opens-today'; at: ClockTime; reopens: boolean }
  | { open: false; state: 'closed'; next: NextOpening | null; openedToday: boolean };

/** A day of the coming week relative to today: the same weekday a week later is "next-week". */
export type DayAhead = 'today' | 'tomorrow' | 'this-week' | 'next-week';

/** When an opening that runs now ends: a time on a day of the coming week. */
export type Closing = { at: ClockTime; weekday: number; day: DayAhead };

/**
 * The next opening after today: tomorrow, a later day this week, the same weekday next week, or (`later`) a date
 * beyond, for a place that opens once a month or so.
 */
export type NextOpening =
  | { at: ClockTime; weekday: number; day: Exclude<DayAhead, 'today'> }
  | { at: ClockTime; weekday: number; day: 'later'; date: { year: number; month: number; day: number } };

/** How far beyond the coming week the next opening is looked for: a monthly opening is at most about five weeks off. */
const LATER_DAYS = 42;

/**
 * The moments today's status looks at, as the library's Dates read them. Worked out once per turn's instant (the
 * `now` DateTime a turn reads and hands to every card, see statusFrameOf), not kept from one turn to the next: a
 * cache of the last instant would be state shared between turns.
 */
type StatusFrame = {
  here: WallClock;
  midnight: number;
  hereLocal: number;
  inAMinute: number;
  endOfDay: number;
  inAWeek: number;
};

/** A turn's frames, by its `now` and the zone read: the DateTime goes with the turn, and its frames with it. */
const framesByNow = new WeakMap<DateTime, Map<string, StatusFrame>>();

/** The frame of a turn's instant: the cards of one answer (up to five) share it instead of each working it out. */
function statusFrameOf(now: DateTime, zone: WallZone): StatusFrame {
  let frames = framesByNow.get(now);
  if (!frames) {
    frames = new Map();
    framesByNow.set(now, frames);
  }
  let frame = frames.get(zone.name);
  if (!frame) {
    frame = statusFrame(now.toMillis(), zone);
    frames.set(zone.name, frame);
  }
  return frame;
}

function statusFrame(nowMs: number, zone: WallZone): StatusFrame {
  const here = clockAt(zone, nowMs);
  return {
    here,
    midnight: localMidnight(here),
    hereLocal: localDateMs(here),
    inAMinute: localDateMs(clockAt(zone, nowMs + 60_000)),
    endOfDay: localDateMs({ ...here, hour: 23, minute: 59, second: 59 }),
    inAWeek: localDateMs({ ...calendarPlusDays(here, 8), hour: 0, minute: 0, second: 0 }),
  };
}

/**
 * The open spans from today's midnight to the end of the look-ahead, in one time scale (`clock` reads an instant of it
 * as the place's wall clock), with the instants the status compares them to. Spans that follow one another are joined:
 * the library splits an opening where only its comment changes, and a parent asks when it closes.
 */
type Reading = { spans: OpenSpan[]; here: WallClock; now: number; inAMinute: number; startOfDay: number; endOfDay: number; horizon: number; clock: (t: number) => WallClock };

function joined(spans: readonly OpenSpan[]): OpenSpan[] {
  const out: OpenSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** The day of `time` relative to `here`, within the coming week. */
function dayAhead(time: WallClock, here: WallClock): DayAhead {
  if (isSameDay(time, here)) return 'today';
  if (isSameDay(time, calendarPlusDays(here, 1))) return 'tomorrow';
  return time.weekday === here.weekday ? 'next-week' : 'this-week';
}

function statusOf(reading: Reading): TodayStatus {
  const { spans, here, now, inAMinute, startOfDay, endOfDay, horizon, clock } = reading;
  const current = spans.find((span) => span.start < inAMinute && span.end > now);
  if (current) {
    // An opening that lasts past the look-ahead has no closing a parent could use: it is open round the clock.
    if (current.end >= horizon) return { open: true, state: 'open', until: null, note: current.comment };
    // An opening that ends at midnight ends at 24:00 on its last day, as the week says it.
    const ends = clock(current.end);
    const atMidnight = ends.hour === 0 && ends.minute === 0;
    const lastDay = atMidnight ? clock(current.end - 1) : ends;
    const at = atMidnight ? { hour: 24, minute: 0 } : clockTime(ends);
    return { open: true, state: 'open', until: { at, weekday: lastDay.weekday, day: dayAhead(lastDay, here) }, note: current.comment };
  }
  const earlierToday = spans.some((span) => span.end > startOfDay && span.start <= now);
  const later = spans.find((span) => span.start >= now && span.start <= endOfDay);
  if (later) return { open: false, state: 'opens-today', at: clockTime(clock(later.start)), reopens: earlierToday };
  const next = spans.find((span) => span.start > endOfDay && span.start < horizon);
  if (!next) return { open: false, state: 'closed', next: null, openedToday: earlierToday };
  const opens = clock(next.start);
  const day = dayAhead(opens, here);
  return { open: false, state: 'closed', next: { at: clockTime(opens), weekday: opens.weekday, day: day === 'today' ? 'tomorrow' : day }, openedToday: earlierToday };
}

/** Today's status (said "ouvert maintenant, jusqu'à 17 h", "fermé maintenant ; rouvre aujourd'hui à 14 h", "ouvert 24 h/24"). */
export function todayStatus(hours: Hours, now: DateTime): TodayStatus | null {
  const schedule = hours.schedule;
  if (!schedule) return null;
  const { here, midnight, hereLocal, inAMinute, endOfDay, inAWeek } = statusFrameOf(now, hours.zone);
  const table = spanTable(hours, schedule, here, midnight);
  const status = [inAMinute, endOfDay, inAWeek].every((to) => covers(table, midnight, to))
    ? statusOf({
        spans: joined(openSpans(table, midnight, inAWeek)),
        here, now: hereLocal, inAMinute, startOfDay: midnight, endOfDay, horizon: inAWeek, clock: (ms) => clockOfLocal(hours.zone, ms),
      })
    : statusTodayFromLibrary(hours, now);
  // Closed all week: a place that opens once a month still has a next date, and a parent needs it.
  if (status && status.state === 'closed' && status.next === null) {
    const later = laterOpening(hours, now);
    if (later) return { ...status, next: later };
  }
  return status;
}

/**
 * The first opening after the coming week and within LATER_DAYS, asked of the library (the span tables cover two
 * weeks); kept per schedule and day, as the tables are.
 */
function laterOpening(hours: Hours, now: DateTime): NextOpening | null {
  const here = now.setZone(hours.zone);
  const key = here.toISODate() ?? '';
  const { later } = workedFor(hours);
  const known = later.get(key);
  if (known !== undefined) return known;
  const from = here.plus({ days: 8 }).startOf('day');
  const first = intervals(hours, { start: from, end: from.plus({ days: LATER_DAYS }) })[0];
  const found: NextOpening | null = first
    ? {
        at: clockTime(first.start), weekday: first.start.weekday, day: 'later',
        date: { year: first.start.year, month: first.start.month, day: first.start.day },
      }
    : null;
  if (later.size >= WEEKS_PER_SCHEDULE) later.delete(later.keys().next().value ?? key);
  later.set(key, found);
  return found;
}

/**
 * When the place next opens (or opens on appointment), as an instant in epoch milliseconds: `now` itself when it is
 * open; null when its hours cannot be read or it does not open within the week that todayStatus looks at, so that
 * every place ordered by it also says when it opens. Read from the same table as todayStatus.
 */
export function nextOpening(hours: Hours, now: DateTime): number | null {
  const schedule = hours.schedule;
  if (!schedule) return null;
  const nowMs = now.toMillis();
  const { here, midnight, hereLocal, inAWeek } = statusFrameOf(now, hours.zone);
  const table = spanTable(hours, schedule, here, midnight);
  if (!covers(table, hereLocal, inAWeek)) {
    const start = now.setZone(hours.zone);
    const first = intervals(hours, { start, end: start.plus({ days: 8 }).startOf('day') })[0];
    return first ? Math.max(nowMs, first.start.toMillis()) : null;
  }
  const first = openSpans(table, hereLocal, inAWeek)[0];
  if (!first) return null;
  return first.start <= hereLocal ? nowMs : Math.max(nowMs, instantOf(hours.zone, clockOfLocal(hours.zone, first.start)));
}

/** Today's status asked of the library directly: for a process whose own time zone moves local midnights. */
function statusTodayFromLibrary(hours: Hours, now: DateTime): TodayStatus | null {
  const here = now.setZone(hours.zone);
  const startOfDay = here.startOf('day');
  const horizon = here.plus({ days: 8 }).startOf('day');
  const spans = intervals(hours, { start: startOfDay, end: horizon }).map((i) => ({ start: i.start.toMillis(), end: i.end.toMillis(), comment: i.comment }));
  return statusOf({
    spans: joined(spans),
    here: clockAt(hours.zone, here.toMillis()),
    now: here.toMillis(),
    inAMinute: here.plus({ minutes: 1 }).toMillis(),
    startOfDay: startOfDay.toMillis(),
    endOfDay: here.endOf('day').toMillis(),
    horizon: horizon.toMillis(),
    clock: (ms) => clockAt(hours.zone, ms),
  });
}

/** When a place is open within the time asked: the day (1 = Monday) and the span, cut to the time asked. */
export type OpenWhenAsked = { weekday: number; span: DaySpan };

/**
 * When the place is open within the time a parent asked about, read from the same intervals as `isOpenDuring`: the
 * first open span inside the windows (said "le samedi de 9 h 30 à 12 h"), or null when it is closed then. A search's
 * header counts the places for which this is not null, and each card says it: the two cannot disagree.
 */
export function openDuring(hours: Hours, asked: readonly TimeWindow[]): OpenWhenAsked | null {
  if (!hours.schedule) return null;
  // A search asks it of every place it finds, then again of the page it shows: once per schedule and time asked.
  let answered = openDuringByWindows.get(asked);
  if (!answered) {
    answered = new WeakMap();
    openDuringByWindows.set(asked, answered);
  }
  const known = answered.get(hours);
  if (known !== undefined) return known;
  const open = firstOpenDuring(hours, windowsIn(asked, hours.zone));
  answered.set(hours, open);
  return open;
}

/**
 * What openDuring found, by the windows of a search (a turn's own array, gone with the turn) and schedule: the
 * windows are read against the turn's instant, so nothing of this outlives the turn that asked.
 */
const openDuringByWindows = new WeakMap<readonly TimeWindow[], WeakMap<Hours, OpenWhenAsked | null>>();

/**
 * Read from the schedule's span table when it covers the windows (as isOpenDuring reads it): asking the library and
 * converting its Dates with luxon, per place, was most of what a question about a time cost above a plain search.
 */
function firstOpenDuring(hours: Hours, windows: readonly TimeWindow[]): OpenWhenAsked | null {
  const schedule = hours.schedule;
  if (!schedule || windows.length === 0) return null;
  const { bounds, day, midnight } = prepare(windows, hours.zone);
  const table = spanTable(hours, schedule, day, midnight);
  if (!bounds.every(({ from, to }) => covers(table, from, to))) return firstOpenDuringFromLibrary(hours, windows);
  for (const { from, to } of bounds) {
    const first = openSpans(table, from, to)[0];
    if (!first || first.end <= first.start) continue;
    const spans = joined(table.spans);
    // The whole opening the time asked falls in, not the part of it inside the window: "demain soir" asked from
    // 19 h of a group that meets from 18 h to 20 h is "de 18 h à 20 h", or the parent arrives an hour late.
    const whole = spans.find((span) => span.start <= first.start && span.end >= first.end) ?? first;
    const { start: startMs, end: endMs } = withinItsDay(whole, first.start);
    const start = clockOfLocal(hours.zone, startMs);
    return { weekday: start.weekday, span: daySpanOfClocks(hours.zone, start, clockOfLocal(hours.zone, endMs), endMs - startMs) };
  }
  return null;
}

const DAY_MS = 86_400_000;

/**
 * An opening as a day shows it, for the day of `at` (a moment inside it, local-Date milliseconds): from that day's
 * midnight at the earliest (an opening from the night before is said from 0 h), and, when it lasts a day or more,
 * to the next midnight (all day). A shorter opening keeps its end, past midnight too ("de 22 h à 2 h").
 */
function withinItsDay(span: { start: number; end: number }, at: number): { start: number; end: number } {
  const day = new Date(at);
  const midnight = localMidnight({ year: day.getFullYear(), month: day.getMonth() + 1, day: day.getDate() });
  const start = Math.max(span.start, midnight);
  const end = span.end - span.start >= DAY_MS ? Math.min(span.end, localMidnight({ year: day.getFullYear(), month: day.getMonth() + 1, day: day.getDate() + 1 })) : span.end;
  return { start, end };
}

/**
 * daySpan for two wall clocks of the place read from the table: the 24 hours are real hours, as luxon's `diff` counts them
 * (a span across a change of time is an hour shorter or longer than its wall clocks say).
 */
function daySpanOfClocks(zone: WallZone, start: WallClock, end: WallClock, localMs: number): DaySpan {
  // A change of time (and the process's own zone) moves real hours from wall hours by at most two: a span shorter
  // than 22 hours on the wall is shorter than 24 real ones, and its real ends need not be placed.
  const near24 = localMs >= 22 * 3_600_000;
  const startMs = near24 ? instantOf(zone, start) : 0;
  const endMs = near24 ? instantOf(zone, end) : localMs;
  const midnight = end.hour === 0 && end.minute === 0 && endMs > startMs;
  if (start.hour === 0 && start.minute === 0 && midnight && endMs <= startMs + 25 * 3_600_000) return { allDay: true };
  if (endMs - startMs >= 24 * 3_600_000) return { allDay: true };
  return { allDay: false, start: clockTime(start), end: midnight ? { hour: 24, minute: 0 } : clockTime(end) };
}

/** The same, asked of the library: for windows beyond the table (or a process whose own zone moves midnights). */
function firstOpenDuringFromLibrary(hours: Hours, windows: readonly TimeWindow[]): OpenWhenAsked | null {
  for (const window of windows) {
    // Asked over the whole day, so that the opening is said whole (see firstOpenDuring).
    const dayStart = window.start.startOf('day');
    const around = intervals(hours, { start: dayStart, end: (window.end > dayStart.plus({ days: 1 }) ? window.end : dayStart.plus({ days: 1 })).plus({ days: 1 }) });
    const first = around.find((i) => i.start < window.end && i.end > window.start && i.end > i.start);
    if (!first) continue;
    const start = first.start < dayStart ? dayStart : first.start;
    const allDay = first.end.diff(first.start, 'hours').hours >= 24;
    const end = allDay && first.end > start.startOf('day').plus({ days: 1 }) ? start.startOf('day').plus({ days: 1 }) : first.end;
    if (end <= start) continue;
    return { weekday: start.weekday, span: daySpan({ start, end }) };
  }
  return null;
}

/** A day of the calendar, on the place's clock. */
export type ClosureDay = { year: number; month: number; day: number };

/**
 * A stretch of days the place stays shut though it opens on those weekdays in other weeks (« Dec 21-Jan 03 off »,
 * « SH off »): from the first opening it misses to the eve of its next opening.
 */
export type Closure = { from: ClosureDay; to: ClosureDay };

/** Closures are told when they start within this many days, or cover today: a parent plans a few weeks ahead. */
export const CLOSURE_DAYS_AHEAD = 42;
/** How far back a closure that covers today is looked for, so its first day is said right. */
const CLOSURE_DAYS_BACK = 28;
/** How far past the days ahead the reopening is looked for: a closure that never ends within it is not said. */
const CLOSURE_REOPENING_DAYS = 42;
/** Fewer missed openings is a public holiday, which the week's hours already say nothing against. */
const CLOSURE_MIN_MISSED = 2;
/** A weekday is one the place opens on when it opens on it in this many weeks of those looked at. */
const USUAL_WEEKDAY_WEEKS = 2;

function closureDay(time: DateTime): ClosureDay {
  return { year: time.year, month: time.month, day: time.day };
}

/**
 * The closures ahead of a schedule, read from the schedule itself rather than from its text, so that a dated rule
 * (« Dec 21-Jan 03 off »), a school-holiday one (« SH off ») or a season all count alike: over the weeks around `now`,
 * the weekdays it usually opens on, then the runs of those it misses (two or more) until it opens again.
 */
export function closuresAhead(hours: Hours, now: DateTime): Closure[] {
  if (!hours.schedule) return [];
  const today = now.setZone(hours.zone).startOf('day');
  // Three months of the schedule are walked to find them: once a day per schedule, not for every card shown.
  const { closures } = workedFor(hours);
  const day = today.toISODate() ?? '';
  const known = closures.get(day);
  if (known) return known;
  const found = findClosures(hours, today);
  if (closures.size >= 2) closures.clear();
  closures.set(day, found);
  return found;
}

function findClosures(hours: Hours, today: DateTime): Closure[] {
  const from = today.minus({ days: CLOSURE_DAYS_BACK });
  const until = today.plus({ days: CLOSURE_DAYS_AHEAD + CLOSURE_REOPENING_DAYS });
  const openDays = new Set<string>();
  const weeksByWeekday = new Map<number, Set<string>>();
  for (const interval of intervals(hours, { start: from, end: until })) {
    for (const piece of dayPieces(interval)) {
      const key = `${piece.start.year}-${piece.start.month}-${piece.start.day}`;
      openDays.add(key);
      const weeks = weeksByWeekday.get(piece.start.weekday) ?? new Set<string>();
      weeks.add(`${piece.start.weekYear}-${piece.start.weekNumber}`);
      weeksByWeekday.set(piece.start.weekday, weeks);
    }
  }
  const usual = (weekday: number) => (weeksByWeekday.get(weekday)?.size ?? 0) >= USUAL_WEEKDAY_WEEKS;
  const lastStart = today.plus({ days: CLOSURE_DAYS_AHEAD });
  const out: Closure[] = [];
  let run: { first: DateTime; missed: number } | null = null;
  for (let day = from; day < until; day = day.plus({ days: 1 })) {
    if (openDays.has(`${day.year}-${day.month}-${day.day}`)) {
      const last = day.minus({ days: 1 });
      if (run && run.missed >= CLOSURE_MIN_MISSED && last >= today && run.first <= lastStart) out.push({ from: closureDay(run.first), to: closureDay(last) });
      run = null;
    } else if (usual(day.weekday)) {
      run ??= { first: day, missed: 0 };
      run.missed++;
    }
  }
  return out;
}

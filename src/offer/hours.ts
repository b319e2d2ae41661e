import opening_hours from 'opening_hours';
import { DateTime } from 'luxon';
import type { Language } from '../language/text';

/**
 * Opening hours (OSM opening_hours syntax, as data·inclusion stores them) read in French settings: public holidays
 * of France, and the school holidays of the service's region (the opening_hours library ships both, keyed by region
 * name, e.g. "Auvergne-Rhône-Alpes"). Everything is computed in Europe/Paris whatever the server's time zone.
 */

export const PARIS = 'Europe/Paris';

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

const cache = new Map<string, Hours>();
const CACHE_LIMIT = 20000;

/** Reads an opening_hours value for a service in the given region (its name, for school holidays). */
export function parseHours(raw: string, regionName: string | null): Hours {
  const key = `${regionName ?? ''}|${raw}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let hours: Hours;
  try {
    const place = { lat: 46.6, lon: 1.9, address: { country_code: 'fr', state: regionName ?? '' } };
    const schedule = new opening_hours(raw, place, { mode: 0, tag_key: 'opening_hours', map_value: false, warnings_severity: 4, locale: 'fr' });
    hours = { raw, schedule, error: null };
  } catch (error) {
    // The library throws a string describing where the syntax broke.
    hours = { raw, schedule: null, error: String(error).replace(/\s+/g, ' ').trim().slice(0, 200) };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, hours);
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

/** True when the place is open (or open on appointment) at some moment of one of the windows. */
export function isOpenDuring(hours: Hours, windows: readonly TimeWindow[]): boolean {
  return windows.some((window) => intervals(hours, window).length > 0);
}

function clock(time: DateTime, language: Language): string {
  if (language === 'en') return time.toFormat('HH:mm');
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

/**
 * The hours in plain words: "le mardi de 14 h à 17 h, le samedi de 9 h 30 à 12 h". A usual week is described: of the
 * three weeks from `now`, the most common shape, so that a public holiday does not hide a weekly opening.
 */
export function describeHours(hours: Hours, now: DateTime, language: Language): string {
  if (!hours.schedule) return language === 'en' ? `hours: ${hours.raw}` : `horaires : ${hours.raw}`;
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

export type TodayStatus = { open: boolean; text: string };

/** Today's status: "ouvert maintenant, jusqu'à 17 h", "ouvre aujourd'hui à 14 h", "fermé aujourd'hui". */
export function statusToday(hours: Hours, now: DateTime, language: Language): TodayStatus | null {
  if (!hours.schedule) return null;
  const here = now.setZone(PARIS);
  const endOfDay = here.endOf('day');
  const current = intervals(hours, { start: here, end: here.plus({ minutes: 1 }) })[0];
  if (current) {
    const until = intervals(hours, { start: here, end: here.plus({ days: 2 }) })[0];
    const closes = until ? until.end : current.end;
    const sameDay = closes.hasSame(here, 'day');
    const untilText = sameDay ? clock(closes, language) : language === 'en' ? `tomorrow ${clock(closes, language)}` : `demain ${clock(closes, language)}`;
    const note = current.comment ? ` (${current.comment})` : '';
    return { open: true, text: language === 'en' ? `open now, until ${untilText}${note}` : `ouvert maintenant, jusqu'à ${untilText}${note}` };
  }
  const later = intervals(hours, { start: here, end: endOfDay })[0];
  if (later) {
    return { open: false, text: language === 'en' ? `opens today at ${clock(later.start, language)}` : `ouvre aujourd'hui à ${clock(later.start, language)}` };
  }
  const next = intervals(hours, { start: endOfDay, end: here.plus({ days: 8 }).startOf('day') })[0];
  if (!next) return { open: false, text: language === 'en' ? 'closed today' : "fermé aujourd'hui" };
  const tomorrow = next.start.hasSame(here.plus({ days: 1 }), 'day');
  const nextWeek = next.start.weekday === here.weekday;
  const weekday = weekdayName(next.start.weekday, language);
  const day = tomorrow
    ? language === 'en' ? 'tomorrow' : 'demain'
    : nextWeek
      ? language === 'en' ? `next ${weekday}` : `${weekday} prochain`
      : weekday;
  return {
    open: false,
    text: language === 'en'
      ? `closed today; next opening ${day} at ${clock(next.start, language)}`
      : `fermé aujourd'hui ; prochaine ouverture ${day} à ${clock(next.start, language)}`,
  };
}

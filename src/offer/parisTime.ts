import { IANAZone } from 'luxon';

/**
 * Wall-clock arithmetic without building luxon DateTimes: a search shows the hours of a few places, and luxon's
 * time-zone conversions (Intl formatting for each offset look-up) cost far more than the rest of a turn. Every
 * function here gives exactly what the matching luxon call gives in its zone, daylight-saving gaps included. Most
 * places are read in Europe/Paris; those overseas on their own clocks (src/offer/timeZones.ts).
 */

const PARIS_ZONE_NAME = 'Europe/Paris';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const OFFSET_CACHE_LIMIT = 20_000;

/**
 * An IANA zone for luxon whose offset look-up is kept per hour: the same zone (type "iana", same name, equal to luxon's
 * own), but each DateTime built or moved in it no longer formats a date through Intl to learn its offset. Every turn
 * that reads the time goes through here.
 */
export class WallZone extends IANAZone {
  readonly #offsetByHour = new Map<number, number>();
  readonly #plain: IANAZone;

  constructor(name: string) {
    super(name);
    this.#plain = IANAZone.create(name);
  }

  /** The zone's offset from UTC at an instant, in ms. It changes only on whole UTC hours, so it is kept per hour. */
  offsetMs(ms: number): number {
    const hour = Math.floor(ms / HOUR_MS);
    const known = this.#offsetByHour.get(hour);
    if (known !== undefined) return known;
    const start = hour * HOUR_MS;
    const offset = this.#plain.offset(start) * MINUTE_MS;
    // An hour whose offset is not constant (never seen in these zones since 1996) is not cached.
    if (this.#plain.offset(start + HOUR_MS - 1) * MINUTE_MS !== offset) return this.#plain.offset(ms) * MINUTE_MS;
    if (this.#offsetByHour.size >= OFFSET_CACHE_LIMIT) this.#offsetByHour.clear();
    this.#offsetByHour.set(hour, offset);
    return offset;
  }

  override offset(ts: number): number {
    return Number.isFinite(ts) ? this.offsetMs(ts) / MINUTE_MS : Number.NaN;
  }
}

const zonesByName = new Map<string, WallZone>();

/** The zone of an IANA name, one object per name (the hours of a schedule are kept per zone). */
export function wallZone(name: string): WallZone {
  let zone = zonesByName.get(name);
  if (!zone) {
    zone = new WallZone(name);
    zonesByName.set(name, zone);
  }
  return zone;
}

/** Paris, for `setZone(PARIS)`, `{ zone: PARIS }` and `DateTime.now().setZone(PARIS)`. */
export const PARIS: WallZone = wallZone(PARIS_ZONE_NAME);

/** A reading of a clock; weekday 1 = Monday. */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number; weekday: number };

function fromUtcFields(date: Date): WallClock {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
    weekday: date.getUTCDay() || 7,
  };
}

/** The clock of a zone at an instant (what `DateTime.setZone(zone)` reads). */
export function clockAt(zone: WallZone, ms: number): WallClock {
  return fromUtcFields(new Date(ms + zone.offsetMs(ms)));
}

/** The Paris clock at an instant (what `DateTime.setZone('Europe/Paris')` reads). */
export function parisClock(ms: number): WallClock {
  return clockAt(PARIS, ms);
}

/** luxon's way of placing a wall-clock time on the timeline, given a first guess of the offset (its `fixOffset`). */
function placeWallTime(zone: WallZone, wallAsUtc: number, guessOffset: number): number {
  let utcGuess = wallAsUtc - guessOffset;
  const second = zone.offsetMs(utcGuess);
  if (second === guessOffset) return utcGuess;
  utcGuess -= second - guessOffset;
  const third = zone.offsetMs(utcGuess);
  if (second === third) return utcGuess;
  return wallAsUtc - Math.min(second, third);
}

function wallAsUtc(c: Omit<WallClock, 'weekday'>): number {
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
}

/** The calendar date `days` after a clock's, as year, month, day. */
export function calendarPlusDays(clock: Pick<WallClock, 'year' | 'month' | 'day'>, days: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(clock.year, clock.month - 1, clock.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The clock that luxon's `DateTime.fromObject(fields, { zone })` shows for wall-clock fields: the fields themselves,
 * except in a spring gap, where the time moves forward an hour.
 */
function clockOfFields(zone: WallZone, fields: Omit<WallClock, 'weekday' | 'millisecond'>): WallClock {
  const asUtc = wallAsUtc({ ...fields, millisecond: 0 });
  // Far from a change of offset, the fields stand as they are.
  if (zone.offsetMs(asUtc - 3 * HOUR_MS) === zone.offsetMs(asUtc + 3 * HOUR_MS)) {
    return { ...fields, millisecond: 0, weekday: new Date(asUtc).getUTCDay() || 7 };
  }
  return clockAt(zone, instantOf(zone, { ...fields, millisecond: 0 }));
}

/** The instant a wall-clock time of a zone stands for, placed as luxon places it (see placeWallTime). */
export function instantOf(zone: WallZone, clock: Omit<WallClock, 'weekday'>): number {
  return placeWallTime(zone, wallAsUtc(clock), zone.offsetMs(Date.now()));
}

/**
 * The opening_hours library works on JavaScript Dates in the process's zone: a wall-clock time of the place's zone is
 * handed to it as the local Date that reads the same, and its answers are read back the same way.
 */
export function localDateMs(c: Pick<WallClock, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>): number {
  return new Date(c.year, c.month - 1, c.day, c.hour, c.minute, c.second).getTime();
}

/** The clock of a zone (to the minute) read from a local Date the library gave. */
export function clockOfLocal(zone: WallZone, ms: number): WallClock {
  const date = new Date(ms);
  return clockOfFields(zone, {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: 0,
  });
}

/**
 * How many days a zone's calendar is ahead of Paris's at an instant: 1 in La Réunion from 21 h (20 h in summer) in
 * Paris, -1 in Guadeloupe from midnight to 5 h (6 h in summer), 0 the rest of the day and in Paris.
 */
export function calendarDaysAhead(zone: WallZone, ms: number): number {
  if (zone === PARIS) return 0;
  const here = clockAt(zone, ms);
  const paris = parisClock(ms);
  return Math.round((Date.UTC(here.year, here.month - 1, here.day) - Date.UTC(paris.year, paris.month - 1, paris.day)) / 86_400_000);
}

export function isSameDay(a: Pick<WallClock, 'year' | 'month' | 'day'>, b: Pick<WallClock, 'year' | 'month' | 'day'>): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

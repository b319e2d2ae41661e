"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PARIS = void 0;
exports.parisOffsetMs = parisOffsetMs;
exports.parisClock = parisClock;
exports.parisPlusDays = parisPlusDays;
exports.calendarPlusDays = calendarPlusDays;
exports.parisInstant = parisInstant;
exports.localDateMs = localDateMs;
exports.parisClockOfLocal = parisClockOfLocal;
exports.isSameDay = isSameDay;
const luxon_1 = require("luxon");
/**
 * Paris wall-clock arithmetic without building luxon DateTimes: a search shows the hours of a few places, and luxon's
 * time-zone conversions (Intl formatting for each offset look-up) cost far more than the rest of a turn. Every
 * function here gives exactly what the matching luxon call gives in zone Europe/Paris, daylight-saving gaps included.
 */
const PARIS_ZONE_NAME = 'Europe/Paris';
const parisZone = luxon_1.IANAZone.create(PARIS_ZONE_NAME);
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const offsetByHour = new Map();
const OFFSET_CACHE_LIMIT = 20_000;
/** Paris's offset from UTC at an instant, in ms. It changes only on whole UTC hours, so it is kept per hour. */
function parisOffsetMs(ms) {
    const hour = Math.floor(ms / HOUR_MS);
    const known = offsetByHour.get(hour);
    if (known !== undefined)
        return known;
    const start = hour * HOUR_MS;
    const offset = parisZone.offset(start) * MINUTE_MS;
    // An hour whose offset is not constant (never seen since 1996) is not cached.
    if (parisZone.offset(start + HOUR_MS - 1) * MINUTE_MS !== offset)
        return parisZone.offset(ms) * MINUTE_MS;
    if (offsetByHour.size >= OFFSET_CACHE_LIMIT)
        offsetByHour.clear();
    offsetByHour.set(hour, offset);
    return offset;
}
/**
 * Europe/Paris for luxon, with the offset look-up above: the same zone (type "iana", same name, equal to luxon's own),
 * but each DateTime built or moved in it no longer formats a date through Intl to learn its offset. Every turn
 * that reads the time goes through here.
 */
class ParisZone extends luxon_1.IANAZone {
    constructor() {
        super(PARIS_ZONE_NAME);
    }
    offset(ts) {
        return Number.isFinite(ts) ? parisOffsetMs(ts) / MINUTE_MS : Number.NaN;
    }
}
/** Paris, for `setZone(PARIS)`, `{ zone: PARIS }` and `DateTime.now().setZone(PARIS)`. */
exports.PARIS = new ParisZone();
function fromUtcFields(date) {
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
/** The Paris clock at an instant (what `DateTime.setZone('Europe/Paris')` reads). */
function parisClock(ms) {
    return fromUtcFields(new Date(ms + parisOffsetMs(ms)));
}
/** luxon's way of placing a wall-clock time on the timeline, given a first guess of the offset (its `fixOffset`). */
function placeWallTime(wallAsUtc, guessOffset) {
    let utcGuess = wallAsUtc - guessOffset;
    const second = parisOffsetMs(utcGuess);
    if (second === guessOffset)
        return utcGuess;
    utcGuess -= second - guessOffset;
    const third = parisOffsetMs(utcGuess);
    if (second === third)
        return utcGuess;
    return wallAsUtc - Math.min(second, third);
}
function wallAsUtc(c) {
    return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
}
/**
 * The Paris clock `days` calendar days after `clock` (luxon's `plus({ days })` from a DateTime in Paris whose offset
 * is `offsetMs`): the same time of day, moved forward where it falls in the spring gap.
 */
function parisPlusDays(clock, offsetMs, days) {
    return parisClock(placeWallTime(wallAsUtc({ ...clock, day: clock.day + days }), offsetMs));
}
/** The calendar date `days` after a clock's, as year, month, day. */
function calendarPlusDays(clock, days) {
    const date = new Date(Date.UTC(clock.year, clock.month - 1, clock.day + days));
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
/**
 * The Paris clock that luxon's `DateTime.fromObject(fields, { zone: 'Europe/Paris' })` shows for wall-clock fields:
 * the fields themselves, except in the spring gap, where the time moves forward an hour.
 */
function parisClockOfFields(fields) {
    const asUtc = wallAsUtc({ ...fields, millisecond: 0 });
    // Far from a change of offset, the fields stand as they are.
    if (parisOffsetMs(asUtc - 3 * HOUR_MS) === parisOffsetMs(asUtc + 3 * HOUR_MS)) {
        return { ...fields, millisecond: 0, weekday: new Date(asUtc).getUTCDay() || 7 };
    }
    return parisClock(parisInstant({ ...fields, millisecond: 0 }));
}
/** The instant a Paris wall-clock time stands for, placed as luxon places it (see placeWallTime). */
function parisInstant(clock) {
    return placeWallTime(wallAsUtc(clock), parisOffsetMs(Date.now()));
}
/**
 * The opening_hours library works on JavaScript Dates in the process's zone: a Paris wall-clock time is handed to it
 * as the local Date that reads the same, and its answers are read back the same way.
 */
function localDateMs(c) {
    return new Date(c.year, c.month - 1, c.day, c.hour, c.minute, c.second).getTime();
}
/** The Paris clock (to the minute) read from a local Date the library gave. */
function parisClockOfLocal(ms) {
    const date = new Date(ms);
    return parisClockOfFields({
        year: date.getFullYear(),
        month: date.getMonth() + 1,
        day: date.getDate(),
        hour: date.getHours(),
        minute: date.getMinutes(),
        second: 0,
    });
}
function isSameDay(a, b) {
    return a.year === b.year && a.month === b.month && a.day === b.day;
}
//# sourceMappingURL=parisTime.js.map
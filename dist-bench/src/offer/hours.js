"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PARIS = void 0;
exports.weekdayName = weekdayName;
exports.parseHours = parseHours;
exports.isOpenDuring = isOpenDuring;
exports.describeHours = describeHours;
exports.statusToday = statusToday;
exports.nextOpening = nextOpening;
exports.openDuring = openDuring;
const opening_hours_1 = __importDefault(require("opening_hours"));
const luxon_1 = require("luxon");
const parisTime_1 = require("./parisTime");
Object.defineProperty(exports, "PARIS", { enumerable: true, get: function () { return parisTime_1.PARIS; } });
const WEEKDAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
function weekdayName(weekday, language) {
    return (language === 'en' ? WEEKDAYS_EN : WEEKDAYS_FR)[(weekday - 1 + 7) % 7];
}
/**
 * The library works on JavaScript Dates in the process's zone. We hand it Dates whose local wall clock reads the
 * Paris wall clock, and read its answers back the same way.
 */
function toWallClock(time) {
    const t = time.setZone(parisTime_1.PARIS);
    return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}
function fromWallClock(date) {
    return luxon_1.DateTime.fromObject({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() }, { zone: parisTime_1.PARIS });
}
/** Schedules already read, by region then value: a search reads the same few for every candidate. */
const cache = new Map();
const CACHE_LIMIT = 20000;
let cached = 0;
/** Reads an opening_hours value for a service in the given region (its name, for school holidays). */
function parseHours(raw, regionName) {
    const region = regionName ?? '';
    let ofRegion = cache.get(region);
    const known = ofRegion?.get(raw);
    if (known)
        return known;
    let hours;
    try {
        const place = { lat: 46.6, lon: 1.9, address: { country_code: 'fr', state: region } };
        const schedule = new opening_hours_1.default(raw, place, { mode: 0, tag_key: 'opening_hours', map_value: false, warnings_severity: 4, locale: 'fr' });
        hours = { raw, schedule, error: null };
    }
    catch (error) {
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
function intervals(hours, window) {
    if (!hours.schedule)
        return [];
    return hours.schedule.getOpenIntervals(toWallClock(window.start), toWallClock(window.end)).map(([from, to, unknown, comment]) => ({
        start: fromWallClock(from),
        end: fromWallClock(to),
        unknown,
        comment: comment ?? null,
    }));
}
const SPAN_DAYS = 15;
const TABLES_PER_SCHEDULE = 3;
const WEEKS_PER_SCHEDULE = 8;
const worked = new WeakMap();
function workedFor(hours) {
    let entry = worked.get(hours);
    if (!entry) {
        entry = { tables: new Map(), weeks: new Map() };
        worked.set(hours, entry);
    }
    return entry;
}
/** The local midnight of a day, as the library's Dates read it. */
function localMidnight(day) {
    return (0, parisTime_1.localDateMs)({ ...day, hour: 0, minute: 0, second: 0 });
}
/** The table starting at a local midnight, asked of the library on first use. */
function spanTable(hours, schedule, day, from = localMidnight(day)) {
    const { tables } = workedFor(hours);
    const known = tables.get(from);
    if (known)
        return known;
    const to = localMidnight({ ...day, day: day.day + SPAN_DAYS });
    const spans = schedule.getOpenIntervals(new Date(from), new Date(to)).map(([start, end, , comment]) => ({
        start: start.getTime(),
        end: end.getTime(),
        comment: comment ?? null,
    }));
    const table = { from, to, spans };
    if (tables.size >= TABLES_PER_SCHEDULE)
        tables.delete(tables.keys().next().value ?? from);
    tables.set(from, table);
    return table;
}
/**
 * What `getOpenIntervals(from, to)` answers, read from a table that covers [from, to]: the spans that overlap the
 * window, cut to it; a window that ends before it starts holds at most the span open at its start.
 */
function openSpans(table, from, to) {
    const out = [];
    for (const span of table.spans) {
        if (span.end <= from)
            continue;
        if (to <= from) {
            if (span.start <= from)
                out.push({ start: from, end: to, comment: span.comment });
            break;
        }
        if (span.start >= to)
            break;
        out.push({ start: Math.max(span.start, from), end: Math.min(span.end, to), comment: span.comment });
    }
    return out;
}
function covers(table, from, to) {
    return from >= table.from && from <= table.to && to >= table.from && to <= table.to;
}
function localMsOf(time) {
    return (0, parisTime_1.localDateMs)((0, parisTime_1.parisClock)(time.toMillis()));
}
const preparedWindows = new WeakMap();
function prepare(windows) {
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
function isOpenDuring(hours, windows) {
    const schedule = hours.schedule;
    if (!schedule || windows.length === 0)
        return false;
    const { bounds, day, midnight } = prepare(windows);
    const table = spanTable(hours, schedule, day, midnight);
    return bounds.some(({ from, to }, i) => (covers(table, from, to) ? openSpans(table, from, to).length > 0 : intervals(hours, windows[i]).length > 0));
}
function clock(time, language) {
    if (language === 'en')
        return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
    return time.minute === 0 ? `${time.hour} h` : `${time.hour} h ${String(time.minute).padStart(2, '0')}`;
}
function endClock(interval, language) {
    // An interval ending at midnight reads better as "24 h" than "0 h".
    const end = interval.end;
    if (end.hour === 0 && end.minute === 0 && end > interval.start)
        return language === 'en' ? '24:00' : '24 h';
    return clock(end, language);
}
function span(interval, language) {
    const whole = interval.end.diff(interval.start, 'hours').hours >= 24;
    if (whole)
        return language === 'en' ? 'all day' : 'toute la journée';
    return language === 'en'
        ? `${clock(interval.start, language)}–${endClock(interval, language)}`
        : `de ${clock(interval.start, language)} à ${endClock(interval, language)}`;
}
function joinList(items, language) {
    if (items.length <= 1)
        return items.join('');
    const and = language === 'en' ? ' and ' : ' et ';
    return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}
/** One week of a schedule: for each weekday (1 = Monday) the day's spans as text, plus comments. */
function weekShape(hours, monday, language) {
    const days = [[], [], [], [], [], [], []];
    const comments = new Set();
    let count = 0;
    for (const interval of intervals(hours, { start: monday, end: monday.plus({ days: 7 }) })) {
        const day = interval.start.weekday - 1;
        days[day].push(span(interval, language));
        if (interval.comment)
            comments.add(interval.comment);
        count++;
    }
    return { days: days.map((spans) => joinList(spans, language)), comments, count };
}
function dayGroups(days, language) {
    // Days sharing the same hours are said together: "du lundi au vendredi", "le lundi et le mercredi".
    const bySpans = new Map();
    days.forEach((spans, index) => {
        if (!spans)
            return;
        const list = bySpans.get(spans);
        if (list)
            list.push(index + 1);
        else
            bySpans.set(spans, [index + 1]);
    });
    const groups = [];
    for (const [spans, weekdays] of bySpans) {
        const consecutive = weekdays.every((d, i) => i === 0 || d === weekdays[i - 1] + 1);
        let when;
        if (weekdays.length === 7)
            when = language === 'en' ? 'every day' : 'tous les jours';
        else if (consecutive && weekdays.length >= 3) {
            when = language === 'en'
                ? `${weekdayName(weekdays[0], language)} to ${weekdayName(weekdays[weekdays.length - 1], language)}`
                : `du ${weekdayName(weekdays[0], language)} au ${weekdayName(weekdays[weekdays.length - 1], language)}`;
        }
        else {
            when = joinList(weekdays.map((d) => (language === 'en' ? `${weekdayName(d, language)}` : `le ${weekdayName(d, language)}`)), language);
        }
        groups.push({ first: weekdays[0], text: `${when} ${spans}` });
    }
    return groups.sort((a, b) => a.first - b.first).map((g) => g.text);
}
/** The plain-words week as the library's intervals give it (see describeHours). */
function describeUsualWeek(hours, now, language) {
    const monday = now.setZone(parisTime_1.PARIS).startOf('week');
    const weeks = [0, 1, 2].map((w) => weekShape(hours, monday.plus({ weeks: w }), language));
    const signature = (w) => w.days.join('|');
    let best = weeks[0];
    let bestScore = -1;
    for (const week of weeks) {
        const score = weeks.filter((w) => signature(w) === signature(week)).length * 1000 + week.count;
        if (score > bestScore) {
            best = week;
            bestScore = score;
        }
    }
    if (best.count === 0)
        return language === 'en' ? `hours: ${hours.raw}` : `horaires : ${hours.raw}`;
    const text = dayGroups(best.days, language).join(', ');
    const comments = [...best.comments];
    return comments.length > 0 ? `${text} (${comments.join(', ')})` : text;
}
/**
 * The hours in plain words: "le mardi de 14 h à 17 h, le samedi de 9 h 30 à 12 h". A usual week is described: of the
 * three weeks from `now`, the most common shape, so that a public holiday does not hide a weekly opening. Worked out
 * once per schedule, week and language.
 */
function describeHours(hours, now, language) {
    if (!hours.schedule)
        return language === 'en' ? `hours: ${hours.raw}` : `horaires : ${hours.raw}`;
    const here = (0, parisTime_1.parisClock)(now.toMillis());
    const monday = (0, parisTime_1.calendarPlusDays)(here, 1 - here.weekday);
    const key = `${language}|${monday.year}-${monday.month}-${monday.day}`;
    const { weeks } = workedFor(hours);
    let text = weeks.get(key);
    if (text === undefined) {
        text = describeUsualWeek(hours, now, language);
        if (weeks.size >= WEEKS_PER_SCHEDULE)
            weeks.delete(weeks.keys().next().value ?? key);
        weeks.set(key, text);
    }
    return text;
}
/** The last frame worked out: a turn shows the status of several places at the same instant. */
let lastFrame = null;
function statusFrame(nowMs) {
    if (lastFrame?.nowMs === nowMs)
        return lastFrame.frame;
    const here = (0, parisTime_1.parisClock)(nowMs);
    const frame = {
        here,
        midnight: localMidnight(here),
        hereLocal: (0, parisTime_1.localDateMs)(here),
        inAMinute: (0, parisTime_1.localDateMs)((0, parisTime_1.parisClock)(nowMs + 60_000)),
        inTwoDays: (0, parisTime_1.localDateMs)((0, parisTime_1.parisPlusDays)(here, (0, parisTime_1.parisOffsetMs)(nowMs), 2)),
        endOfDay: (0, parisTime_1.localDateMs)({ ...here, hour: 23, minute: 59, second: 59 }),
        inAWeek: (0, parisTime_1.localDateMs)({ ...(0, parisTime_1.calendarPlusDays)(here, 8), hour: 0, minute: 0, second: 0 }),
    };
    lastFrame = { nowMs, frame };
    return frame;
}
/** Today's status: "ouvert maintenant, jusqu'à 17 h", "ouvre aujourd'hui à 14 h", "fermé aujourd'hui". */
function statusToday(hours, now, language) {
    const schedule = hours.schedule;
    if (!schedule)
        return null;
    const { here, midnight, hereLocal, inAMinute, inTwoDays, endOfDay, inAWeek } = statusFrame(now.toMillis());
    const table = spanTable(hours, schedule, here, midnight);
    if (![inAMinute, inTwoDays, endOfDay, inAWeek].every((to) => covers(table, hereLocal, to)))
        return statusTodayFromLibrary(hours, now, language);
    const current = openSpans(table, hereLocal, inAMinute)[0];
    if (current) {
        const until = openSpans(table, hereLocal, inTwoDays)[0];
        const closes = (0, parisTime_1.parisClockOfLocal)(until ? until.end : current.end);
        return openNow(closes, (0, parisTime_1.isSameDay)(closes, here), current.comment, language);
    }
    const later = openSpans(table, hereLocal, endOfDay)[0];
    if (later)
        return opensToday((0, parisTime_1.parisClockOfLocal)(later.start), language);
    const next = openSpans(table, endOfDay, inAWeek)[0];
    if (!next)
        return closedToday(language);
    return { open: false, text: nextOpeningText((0, parisTime_1.parisClockOfLocal)(next.start), here, language) };
}
function openNow(closes, sameDay, comment, language) {
    const untilText = sameDay ? clock(closes, language) : language === 'en' ? `tomorrow ${clock(closes, language)}` : `demain ${clock(closes, language)}`;
    const note = comment ? ` (${comment})` : '';
    return { open: true, text: language === 'en' ? `open now, until ${untilText}${note}` : `ouvert maintenant, jusqu'à ${untilText}${note}` };
}
function opensToday(opens, language) {
    return { open: false, text: language === 'en' ? `opens today at ${clock(opens, language)}` : `ouvre aujourd'hui à ${clock(opens, language)}` };
}
function closedToday(language) {
    return { open: false, text: language === 'en' ? 'closed today' : "fermé aujourd'hui" };
}
/**
 * When the place next opens (or opens on appointment), as an instant in epoch milliseconds: `now` itself when it is
 * open; null when its hours cannot be read or it does not open within the week that statusToday looks at, so that
 * every place ordered by it also says when it opens. Read from the same table as statusToday.
 */
function nextOpening(hours, now) {
    const schedule = hours.schedule;
    if (!schedule)
        return null;
    const nowMs = now.toMillis();
    const { here, midnight, hereLocal, inAWeek } = statusFrame(nowMs);
    const table = spanTable(hours, schedule, here, midnight);
    if (!covers(table, hereLocal, inAWeek)) {
        const start = now.setZone(parisTime_1.PARIS);
        const first = intervals(hours, { start, end: start.plus({ days: 8 }).startOf('day') })[0];
        return first ? Math.max(nowMs, first.start.toMillis()) : null;
    }
    const first = openSpans(table, hereLocal, inAWeek)[0];
    if (!first)
        return null;
    return first.start <= hereLocal ? nowMs : Math.max(nowMs, (0, parisTime_1.parisInstant)((0, parisTime_1.parisClockOfLocal)(first.start)));
}
function nextOpeningText(opens, here, language) {
    const tomorrow = (0, parisTime_1.isSameDay)(opens, (0, parisTime_1.calendarPlusDays)(here, 1));
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
function statusTodayFromLibrary(hours, now, language) {
    const here = now.setZone(parisTime_1.PARIS);
    const endOfDay = here.endOf('day');
    const current = intervals(hours, { start: here, end: here.plus({ minutes: 1 }) })[0];
    if (current) {
        const until = intervals(hours, { start: here, end: here.plus({ days: 2 }) })[0];
        const closes = until ? until.end : current.end;
        return openNow(closes, closes.hasSame(here, 'day'), current.comment, language);
    }
    const later = intervals(hours, { start: here, end: endOfDay })[0];
    if (later)
        return opensToday(later.start, language);
    const next = intervals(hours, { start: endOfDay, end: here.plus({ days: 8 }).startOf('day') })[0];
    if (!next)
        return closedToday(language);
    return { open: false, text: nextOpeningText(clockOf(next.start), clockOf(here), language) };
}
function clockOf(time) {
    const { year, month, day, hour, minute, second, millisecond, weekday } = time;
    return { year, month, day, hour, minute, second, millisecond, weekday };
}
/**
 * When the place is open within the time a parent asked about, read from the same intervals as `isOpenDuring`: the
 * first open span inside the windows ("le samedi de 9 h 30 à 12 h"), or null when it is closed then. A search's
 * header counts the places for which this is not null, and each card says it: the two cannot disagree.
 */
function openDuring(hours, windows, language) {
    if (!hours.schedule)
        return null;
    for (const window of windows) {
        const first = intervals(hours, window)[0];
        if (!first)
            continue;
        const start = first.start < window.start ? window.start : first.start;
        const end = first.end > window.end ? window.end : first.end;
        if (end <= start)
            continue;
        const clipped = { ...first, start, end };
        const day = weekdayName(start.weekday, language);
        return language === 'en' ? `${day} ${span(clipped, language)}` : `le ${day} ${span(clipped, language)}`;
    }
    return null;
}
//# sourceMappingURL=hours.js.map
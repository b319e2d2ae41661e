"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PART_HOURS = exports.TIME_WORDS = exports.MONTHS = exports.TimeIntentSchema = exports.DayPartSchema = void 0;
exports.isoDate = isoDate;
exports.extractTimeIntent = extractTimeIntent;
exports.timeWindows = timeWindows;
exports.describeTimeIntent = describeTimeIntent;
const zod_1 = require("zod");
const text_1 = require("../language/text");
const hours_1 = require("./hours");
const parisTime_1 = require("./parisTime");
const phrases_1 = require("./phrases");
/**
 * When the parent wants the place to be open: "ouvert le samedi", "le mercredi après-midi", "ouvert maintenant",
 * "demain matin", "ce week-end". Kept in the conversation, so it is plain JSON; "demain" is stored as a date so that a
 * follow-up the next minute still means the same day.
 */
exports.DayPartSchema = zod_1.z.enum(['morning', 'afternoon', 'evening']);
exports.TimeIntentSchema = zod_1.z.object({
    now: zod_1.z.boolean().optional(),
    /** ISO weekdays, 1 = Monday. */
    weekdays: zod_1.z.array(zod_1.z.number().int().min(1).max(7)).max(7).optional(),
    /** Only the coming occurrence of those weekdays ("ce week-end"), not the usual week. */
    once: zod_1.z.boolean().optional(),
    /** A day, as an ISO date in Paris time. */
    date: zod_1.z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    part: exports.DayPartSchema.optional(),
});
const DAY_WORDS = [
    ['lundi', 1], ['mardi', 2], ['mercredi', 3], ['jeudi', 4], ['vendredi', 5], ['samedi', 6], ['dimanche', 7],
    ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
];
const WEEKDAY_OF = new Map(DAY_WORDS.flatMap(([word, day]) => [[word, day], [`${word}s`, day]]));
/** Phrases (folded words) and what they say about time. */
const TIME_PHRASES = [
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
const MONTH_WORDS = [
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
const MONTH_OF = new Map(MONTH_WORDS);
/** Every month word (some also name communes: "à Mars", "à Avril"; see understand.ts). */
exports.MONTHS = new Set(MONTH_OF.keys());
/** "1er", "2nd", "15th": day numbers that are never anything else. */
const ORDINAL_DAYS = Array.from({ length: 31 }, (_, i) => i + 1).flatMap((n) => {
    const english = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
    return n === 1 ? ['1er', '1re', '1st', 'premier'] : [`${n}${english}`];
});
/** Every word that takes part in saying when (so that the place finder never reads them as a commune). */
exports.TIME_WORDS = new Set([
    ...WEEKDAY_OF.keys(),
    ...TIME_PHRASES.flatMap((p) => p.phrase),
    ...exports.MONTHS,
    ...ORDINAL_DAYS,
]);
function alternatives(names) {
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
const WEEKDAY_DAY = new RegExp(`(?<![a-z])${WEEKDAY}\\s+(?:le\\s+|the\\s+)?${DAY}${NOT_A_DAY_AFTER}(?!\\s*(?:of\\s+)?(?:${MONTH_NAMES})(?![a-z])|[/.]\\d)`, 'g');
/** Words after which "3/1" is surely a day ("le 3/1"), where "ouvert 7/7" or "24/7" is not. */
const BEFORE_SHORT_NUMERIC = new RegExp(`(?:^|[^a-z])(?:le|du|au|on|the|${WEEKDAY})\\s+$`);
function dayNumber(text) {
    return text === 'premier' ? 1 : Number(text);
}
function dayKey(d) {
    return d.year * 10_000 + d.month * 100 + d.day;
}
function isRealDay(d) {
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
        return false;
    return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDate() === d.day;
}
/** How far ahead a day and month without a year is looked for: 29 February comes back within eight years. */
const YEARS_AHEAD = 8;
/** The day with this number and month from today on (today counts); with a year, that very day. */
function resolveDay(day, month, year, today) {
    if (year !== null) {
        const asked = { year, month, day };
        return year >= 2000 && year < 2100 && isRealDay(asked) ? asked : null;
    }
    for (let k = 0; k <= YEARS_AHEAD; k++) {
        const candidate = { year: today.year + k, month, day };
        if (isRealDay(candidate) && dayKey(candidate) >= dayKey(today))
            return candidate;
    }
    return null;
}
/** The next day of a month with this number from today on ("samedi 12"). */
function resolveDayOfMonth(day, today) {
    for (let k = 0; k <= 12; k++) {
        const first = new Date(Date.UTC(today.year, today.month - 1 + k, 1));
        const candidate = { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day };
        if (isRealDay(candidate) && dayKey(candidate) >= dayKey(today))
            return candidate;
    }
    return null;
}
function yearOf(text) {
    if (text === undefined)
        return null;
    return text.length === 2 ? 2000 + Number(text) : Number(text);
}
function* daysNamedInFull(folded, today) {
    for (const m of folded.matchAll(DAY_MONTH))
        yield { index: m.index ?? 0, day: resolveDay(dayNumber(m[1]), MONTH_OF.get(m[2]) ?? 0, yearOf(m[3]), today) };
    for (const m of folded.matchAll(MONTH_DAY))
        yield { index: m.index ?? 0, day: resolveDay(dayNumber(m[2]), MONTH_OF.get(m[1]) ?? 0, yearOf(m[3]), today) };
    for (const m of folded.matchAll(NUMERIC)) {
        const index = m.index ?? 0;
        // "24/7" and "7/7" say "always": a one-digit month is taken only after "le", "du"… or a weekday.
        if (m[2].length < 2 && m[3] === undefined && !BEFORE_SHORT_NUMERIC.test(folded.slice(0, index)))
            continue;
        yield { index, day: resolveDay(Number(m[1]), Number(m[2]), yearOf(m[3]), today) };
    }
}
function* daysNamedByWeekday(folded, today) {
    for (const m of folded.matchAll(WEEKDAY_DAY))
        yield { index: m.index ?? 0, day: resolveDayOfMonth(dayNumber(m[1]), today) };
}
function firstDay(named) {
    let first = null;
    for (const candidate of named)
        if (candidate.day && (!first || candidate.index < first.index))
            first = candidate;
    return first?.day ?? null;
}
/**
 * The first day named in full in folded text ("15 décembre", "December 15th", "3/01"), else a day number named with
 * its weekday ("samedi 12"). A weekday that disagrees with the day ("samedi 15 décembre" when the 15th is a Tuesday)
 * is ignored: the number is what parents copy from a flyer. Days that do not exist (31 février) are not days.
 */
function findNamedDay(folded, today) {
    return firstDay(daysNamedInFull(folded, today)) ?? firstDay(daysNamedByWeekday(folded, today));
}
/** "2026-12-15": how a day is kept in the conversation and compared. */
function isoDate(d) {
    return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
/** The time phrases by their first word, in the list's order: a message's words are each looked up once. */
const TIME_PHRASES_BY_FIRST_WORD = new Map();
for (const entry of TIME_PHRASES) {
    const first = entry.phrase[0] ?? '';
    const list = TIME_PHRASES_BY_FIRST_WORD.get(first);
    if (list)
        list.push(entry);
    else
        TIME_PHRASES_BY_FIRST_WORD.set(first, [entry]);
}
/**
 * The time the text asks about, or null. `now` turns "demain" into a date, and gives the year of "le 15 décembre":
 * parents look ahead, so a day and month are the next such day in Paris.
 */
function extractTimeIntent(text, now) {
    const folded = (0, text_1.fold)(text);
    const tokens = folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
    const intent = {};
    const weekdays = new Set();
    let found = false;
    for (let i = 0; i < tokens.length; i++) {
        const day = WEEKDAY_OF.get(tokens[i]);
        if (day !== undefined) {
            weekdays.add(day);
            found = true;
            continue;
        }
        for (const entry of TIME_PHRASES_BY_FIRST_WORD.get(tokens[i]) ?? []) {
            if (!(0, phrases_1.startsWith)(tokens, i, entry.phrase))
                continue;
            found = true;
            if (entry.intent.now)
                intent.now = true;
            if (entry.intent.part)
                intent.part = entry.intent.part;
            if (entry.intent.weekdays)
                for (const d of entry.intent.weekdays)
                    weekdays.add(d);
            if (entry.intent.once)
                intent.once = true;
            if (entry.relativeDays !== undefined)
                intent.date = isoDate((0, parisTime_1.calendarPlusDays)((0, parisTime_1.parisClock)(now.toMillis()), entry.relativeDays));
            i += entry.phrase.length - 1;
            break;
        }
    }
    // Most messages name no day: only a digit or "premier" can start one.
    if (/[0-9]/.test(folded) || folded.includes('premier')) {
        const named = findNamedDay(folded, (0, parisTime_1.parisClock)(now.toMillis()));
        if (named) {
            // A day named in full says more than "demain" or a weekday said with it.
            intent.date = isoDate(named);
            found = true;
        }
    }
    if (!found)
        return null;
    if (weekdays.size > 0 && !intent.date)
        intent.weekdays = [...weekdays].sort((a, b) => a - b);
    return intent;
}
/**
 * The hours each part of the day covers, [from, to) in Paris time. The evening starts at 19 h: a place that closes at
 * 19 h is not open "ce soir", and one open until 20 h is (for its last hour, which its card says).
 */
exports.PART_HOURS = {
    morning: [6, 12],
    afternoon: [12, 19],
    evening: [19, 24],
};
function dayWindow(day, part) {
    const start = day.startOf('day');
    if (!part)
        return { start, end: start.plus({ days: 1 }) };
    const [from, to] = exports.PART_HOURS[part];
    return { start: start.plus({ hours: from }), end: start.plus({ hours: to }) };
}
/**
 * The spans of time a place must be open in. A weekday means a usual week: its next two occurrences, so that one
 * public holiday does not hide a weekly opening.
 */
function timeWindows(intent, now) {
    if (intent.now) {
        const here = now.setZone(hours_1.PARIS);
        return [{ start: here, end: here.plus({ minutes: 1 }) }];
    }
    // Other windows depend only on the day: every search of a day asks for the same few, and luxon is slow to make them.
    const today = (0, parisTime_1.parisClock)(now.toMillis());
    const key = `${today.year}-${today.month}-${today.day}|${JSON.stringify(intent)}`;
    let windows = windowsOfDay.get(key);
    if (!windows) {
        windows = dayWindows(intent, now.setZone(hours_1.PARIS));
        if (windowsOfDay.size >= WINDOWS_KEPT)
            windowsOfDay.clear();
        windowsOfDay.set(key, windows);
    }
    return [...windows];
}
const windowsOfDay = new Map();
const WINDOWS_KEPT = 500;
function dayWindows(intent, here) {
    if (intent.date) {
        const day = dayFromIsoDate(intent.date, here);
        return [dayWindow(day, intent.part)];
    }
    const weekdays = intent.weekdays && intent.weekdays.length > 0 ? intent.weekdays : [1, 2, 3, 4, 5, 6, 7];
    const occurrences = intent.once ? 1 : 2;
    const windows = [];
    for (const weekday of weekdays) {
        const ahead = (weekday - here.weekday + 7) % 7;
        for (let k = 0; k < occurrences; k++)
            windows.push(dayWindow(here.plus({ days: ahead + 7 * k }), intent.part));
    }
    return windows;
}
function dayFromIsoDate(iso, here) {
    const [year, month, day] = iso.split('-').map(Number);
    return here.set({ year, month, day }).startOf('day');
}
const PART_WORDS = {
    morning: { fr: 'matin', en: 'morning' },
    afternoon: { fr: 'après-midi', en: 'afternoon' },
    evening: { fr: 'soir', en: 'evening' },
};
const MONTH_NAMES_SHOWN = {
    fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const DAY_MS = 86_400_000;
/** Past this many days ahead (or before today), a date is shown with its year. */
const DAYS_SHOWN_WITHOUT_YEAR = 300;
/** "le mardi 15 décembre", "on Tuesday 15 December"; with its year ("le mardi 9 mars 2027") when past or far ahead. */
function describeDay(day, offset, language) {
    const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() || 7;
    const year = offset < 0 || offset > DAYS_SHOWN_WITHOUT_YEAR ? ` ${day.year}` : '';
    const month = MONTH_NAMES_SHOWN[language][day.month - 1];
    if (language === 'en')
        return `on ${(0, hours_1.weekdayName)(weekday, language)} ${day.day} ${month}${year}`;
    return `le ${(0, hours_1.weekdayName)(weekday, language)} ${day.day === 1 ? '1er' : day.day} ${month}${year}`;
}
/** "le samedi", "le mercredi après-midi", "maintenant", "demain matin", "ce week-end", "le mardi 15 décembre". */
function describeTimeIntent(intent, now, language) {
    const en = language === 'en';
    if (intent.now)
        return en ? 'now' : 'maintenant';
    const part = intent.part ? PART_WORDS[intent.part][language] : '';
    if (intent.date) {
        const today = (0, parisTime_1.parisClock)(now.toMillis());
        const [year, month, dayOfMonth] = intent.date.split('-').map(Number);
        const day = { year, month, day: dayOfMonth };
        const offset = Math.round((Date.UTC(year, month - 1, dayOfMonth) - Date.UTC(today.year, today.month - 1, today.day)) / DAY_MS);
        if (offset === 0 && intent.part === 'evening')
            return en ? 'tonight' : 'ce soir';
        if (offset === 0 && intent.part === 'afternoon')
            return en ? 'this afternoon' : 'cet après-midi';
        if (offset === 0 && intent.part === 'morning')
            return en ? 'this morning' : 'ce matin';
        if (offset === 0 || offset === 1) {
            const name = offset === 0 ? (en ? 'today' : "aujourd'hui") : en ? 'tomorrow' : 'demain';
            return [name, part].filter(Boolean).join(' ');
        }
        // "on Tuesday 15 December in the afternoon"; French puts the part right after the date, as on a flyer.
        return [describeDay(day, offset, language), part && en ? `in the ${part}` : part].filter(Boolean).join(' ');
    }
    const days = intent.weekdays ?? [];
    if (days.length === 2 && days[0] === 6 && days[1] === 7) {
        const weekend = intent.once ? (en ? 'this weekend' : 'ce week-end') : en ? 'at the weekend' : 'le week-end';
        return [weekend, part].filter(Boolean).join(' ');
    }
    if (days.length === 0)
        return en ? `in the ${part}` : `le ${part}`;
    const names = days.map((d) => (en ? `on ${(0, hours_1.weekdayName)(d, language)}` : `le ${(0, hours_1.weekdayName)(d, language)}`));
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')}${en ? ' or ' : ' ou '}${names[names.length - 1]}`;
    return [list, part].filter(Boolean).join(' ');
}
//# sourceMappingURL=timeQuery.js.map
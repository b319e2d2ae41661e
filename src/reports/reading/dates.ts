import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { NOUNS } from './countWords';
import { foldKeepingPlaces, originalRange, type FoldedText } from './folding';
import type { ReadProblem } from './problems';

/**
 * An action's date or period, read in Paris. chrono-node's French parser reads slash and ISO dates, weekdays
 * (« mardi dernier »), « hier », « il y a trois jours », « la semaine dernière », « le mois dernier »; its English
 * parser reads « March 12th », « last Tuesday », « in March ». What it lacks is read here first and hidden from it:
 * a day and a month, alone or in a list or a range (« le 12 mars », « douze mars », « du 3 au 5 avril »,
 * « entre le 3 et le 5 avril », « les 3, 10 et 17 mars » — chrono takes « 3 et » for three o'clock), a whole month
 * (« en mars »), « avant-hier », « lundi passé », « last Tuesday » (chrono joins « coffee morning last Tuesday » into
 * this morning), a week (« la semaine dernière », « last week »: Monday to Sunday). A bare day of the month (« le 3 »,
 * « du 3 au 5 ») is read only when it is the whole answer, by readActionDates: in a sentence, « les 3 » is as often
 * a count.
 */

const ZONE = 'Europe/Paris';
/** chrono's patterns are linear but not cheap; a report's date is in its first lines. */
const MAX_DATE_CHARACTERS = 4_000;

const MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['janvier', 1], ['janv', 1], ['jan', 1], ['fevrier', 2], ['fevr', 2], ['fev', 2], ['mars', 3], ['avril', 4], ['avr', 4],
  ['mai', 5], ['juin', 6], ['juillet', 7], ['juil', 7], ['aout', 8], ['septembre', 9], ['sept', 9], ['sep', 9],
  ['octobre', 10], ['oct', 10], ['novembre', 11], ['nov', 11], ['decembre', 12], ['dec', 12],
];
const MONTH_OF: ReadonlyMap<string, number> = new Map(MONTHS);
const MONTH = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;

const UNITS = ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'];
/** The days of a month in words, as one would write « le douze mars » or « le vingt et un juin ». */
const DAY_WORDS: ReadonlyMap<string, number> = (() => {
  const words = new Map<string, number>([['premier', 1], ['1er', 1]]);
  const base = ['', '', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
  for (let day = 2; day < 20; day++) words.set(base[day], day);
  for (const [ten, value] of [['vingt', 20], ['trente', 30]] as const) {
    words.set(ten, value);
    const last = value === 20 ? 9 : 1;
    for (let unit = 1; unit <= last; unit++) {
      if (unit === 1) for (const join of [' et un', '-et-un', ' et une', '-et-une']) words.set(`${ten}${join}`, value + 1);
      else words.set(`${ten}-${UNITS[unit]}`, value + unit);
    }
  }
  return words;
})();
const DAY_WORD_PATTERN = [...DAY_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/-/g, '[- ]'))
  .join('|');
const DAY = `(?:[0-9]{1,2}(?:er)?|${DAY_WORD_PATTERN})`;
const WEEKDAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
/** A day, perhaps with its weekday: « lundi 2 ». */
const NAMED_DAY = `(?:(?:${WEEKDAY_NAMES.join('|')})\\s+)?${DAY}`;
const LINK = `\\s*(?:,|et|&|au|a|-|/|jusqu'au|jusqu'a)\\s*(?:le\\s+|les\\s+)?`;
/** « le 12 mars », « du 3 au 5 avril », « entre le 3 et le 5 avril », « les 3, 10 et 17 mars 2026 ». */
const DAYS_OF_A_MONTH = new RegExp(
  `(?<![a-z0-9'])(?:(du|entre|les|le)\\s+)?(?:le\\s+)?(${NAMED_DAY}(?:${LINK}${NAMED_DAY}){0,9})\\s*(?:de\\s+|d')?${MONTH}(?:\\s+(\\d{4}))?(?![a-z0-9])`,
  'g',
);
const ONE_DAY = new RegExp(`(?<![a-z0-9])${DAY}(?![a-z0-9])`, 'g');
/** « en mars », « au mois de mai 2025 », « courant juin »: the whole month. */
const WHOLE_MONTH = new RegExp(
  `(?<![a-z0-9'])(?:en|au mois de|au mois d'|mois de|mois d'|courant|durant|pendant|tout)\\s+(?:le mois de\\s+|le mois d')?${MONTH}(?:\\s+(\\d{4}))?(?![a-z0-9])`,
  'g',
);
/** « 12/03 », « 29/2 »: without a year, read here so that a 29 February finds its leap year. */
const DAY_SLASH_MONTH = /(?<![0-9/.-])([0-9]{1,2})[/.]([0-9]{1,2})(?![0-9]|[/.-][0-9])/g;
const MONTH_ALONE = new RegExp(`^${MONTH}(?:\\s+(\\d{4}))?$`);
const DAY_BEFORE_YESTERDAY = /(?<![a-z0-9])(?:avant[- ]?hier|the day before yesterday)(?![a-z0-9])/g;
const ENGLISH_WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ANY_WEEKDAY = `(${[...WEEKDAY_NAMES, ...ENGLISH_WEEKDAY_NAMES].join('|')})`;
/** « mardi dernier », « lundi passé », « last Tuesday », « this past Friday », « Tuesday last ». */
const LAST_WEEKDAY = new RegExp(
  `(?<![a-z0-9])(?:${ANY_WEEKDAY}\\s+(?:dernier|passe|precedent|d'avant|last)|(?:last|this past|past|previous)\\s+${ANY_WEEKDAY})(?![a-z0-9])`,
  'g',
);
/** « la semaine dernière », « last week »: Monday to Sunday of the week before this one; « cette semaine »: this one so far. */
const LAST_WEEK = /(?<![a-z0-9])(?:(?:la\s+)?semaine\s+(?:derniere|passee|precedente|d'avant)|(?:the\s+)?(?:last|previous|past)\s+week)(?![a-z0-9])/g;
const THIS_WEEK = /(?<![a-z0-9])(?:cette\s+semaine|this\s+week)(?![a-z0-9])/g;
const TIME_OF_DAY_WORD =
  /(?<![a-z0-9'-])(?<!(?:ce|cet|cette|this)\s+)(?:matinee|matin|soiree|soir|apres-midi|nuit|morning|afternoon|evening|night)(?![a-z0-9])/g;
/**
 * A time of day alone names no day: « un café du matin », « coffee morning » are not today. « ce matin », « this
 * morning », « tonight » are, and chrono reads them.
 */
const TIME_OF_DAY_ALONE =
  /^(?:(?:du|le|la|au|en|l'|dans la|in the|the|at|a)\s*)?(?:matin|matinee|soir|soiree|apres-midi|nuit|midi|minuit|morning|afternoon|evening|night|noon|midnight)(?:[\s,]*(?:a|at|vers)?\s*\d{1,2}(?:\s*h\s*\d{0,2}|:\d{2})?)?$/;
/** English is read only where English date words are written: chrono's English reads « sept » as September. */
const ENGLISH_DATE_WORDS =
  /(?<![a-z])(?:january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|this (?:morning|afternoon|evening)|ago|last (?:week|month)|\d{1,2}(?:st|nd|rd|th))(?![a-z])/;
/** A month's abbreviation alone is a word (« sept » is seven, « may » a verb, « mar » a sea), not a month. */
const MONTH_ABBREVIATION = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/;
/** A weekday's three letters alone are words (« la mer », « sam »), not days. */
const WEEKDAY_ABBREVIATION = /^(?:ce\s*)?(?:lun|mar|mer|jeu|ven|sam|dim)\.?$/;
/**
 * What names a day in a chrono result. The rest is a time of day (« à 10 », « 3 et » read as three o'clock, « de 14h »
 * read as « within 14 hours »), which says nothing of the date.
 */
const NAMES_A_DAY =
  /jour|semaine|mois|an\b|ans\b|annee|hier|demain|aujourd|matin|soir|nuit|apres-midi|maintenant|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janv|fev|mars|avr|mai|juin|juil|aout|sep|oct|nov|dec|\d[/.-]\d|day|week|month|year|yesterday|today|tomorrow|tonight|morning|afternoon|evening|ago|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|\d(?:st|nd|rd|th)\b/;

/** A comma or colon before a short number: what follows is a count, not a year nor a time (see chronoMentions). */
const COUNT_AFTER_A_DATE = /[,:.;](?=\s+\d{1,3}(?![\d:h.,/]))/g;

/** A date as written: the year may be missing, to be chosen so that the date is the most recent past one. */
type WrittenDate =
  /** `weekday` (1 Monday … 7 Sunday) when written with the day: « mardi 12 mars ». */
  | { kind: 'day'; year: number | null; month: number; day: number; weekday?: number }
  | { kind: 'month'; year: number | null; month: number }
  | { kind: 'exact'; date: DateTime };

/** A date or period found in the text, and where (folded text). */
interface Mention {
  from: number;
  to: number;
  start: WrittenDate;
  end: WrittenDate;
  /** « du 3 au 5 »: the end is the second date written; otherwise the period spans the dates. */
  ordered: boolean;
}

/**
 * An action's dates, or why they cannot be: `weekdayClash` when a day was written with a weekday it is not
 * (« mardi 12 mars » when the 12th was a Thursday): the dates are those of the day's number, to be confirmed.
 */
export type ActionDates = { start: string; end: string; weekdayClash?: WeekdayClash } | { problem: ReadProblem } | null;

/** A date and the weekday written with it (1 Monday … 7 Sunday), which is not its own. */
export interface WeekdayClash {
  date: string;
  written: number;
}

/** Where dates were read in folded text, so that the one-sentence start does not take « 12 » of « 12 mars » as a count. */
export interface DatesReading {
  dates: ActionDates;
  spans: Array<{ from: number; to: number }>;
  /** Where the dates taken (or refused) stand in the folded text: « le 12 mars 2027 ». */
  period?: { from: number; to: number };
  /**
   * A day written without its year, taken a year back while the same day this year is only days ahead (« le 20
   * décembre » said on 8 December): likely a slip, to be confirmed. It is that day this year.
   */
  sameDayAhead?: string;
}

/**
 * An action's date or period, in Paris: ISO `YYYY-MM-DD` start and end; a date without a year is the most recent
 * past one; after today → future; an end before its start → endBeforeStart; a day that does not exist → notADate;
 * no date → null.
 */
export function readActionDates(text: string, now: DateTime, within?: MonthOfYear): ActionDates {
  return readActionDatesInDetail(text, now, within).dates;
}

/** readActionDates, with what else the dates' reading found (see DatesReading.sameDayAhead). */
export function readActionDatesInDetail(text: string, now: DateTime, within?: MonthOfYear): { dates: ActionDates; sameDayAhead?: string } {
  try {
    const folded = foldKeepingPlaces(text);
    // A bare day is read first: chrono would take « lundi 30 » for this Monday and drop the 30.
    const bare = readBareDays(folded.text, now.setZone(ZONE).startOf('day'), within);
    if (bare !== null) return { dates: bare };
    const { dates, sameDayAhead } = readDatesInFolded(folded, now);
    return { dates, ...(sameDayAhead ? { sameDayAhead } : {}) };
  } catch {
    return { dates: null };
  }
}

/** Words that name a day or a period without a digit: months, weekdays, « hier », « la semaine dernière ». */
const DAY_NAMING = new RegExp(
  `(?<![a-z])(?:${MONTH}|${ANY_WEEKDAY}|${DAY_WORD_PATTERN}|january|february|march|april|may|june|july|august|september|october|november|december|hier|aujourd'hui|semaine|mois|debut|fin|mi|yesterday|today|week|month|early|late|mid)(?![a-z])`,
);

/** Whether a text names a day at all (a digit, a month, « hier »…): « la date est fausse » does not. */
export function mentionsADay(text: string): boolean {
  const folded = foldKeepingPlaces(text.length > MAX_DATE_CHARACTERS ? text.slice(0, MAX_DATE_CHARACTERS) : text).text;
  return /\d/.test(folded) || DAY_NAMING.test(folded);
}

/** A month of a year (1 January … 12 December): the month a bare day is read in, after « quels jours de novembre ? ». */
export interface MonthOfYear {
  year: number;
  month: number;
}

/** A part of a month, told without its days: « début novembre », « fin octobre », « mi-mars », « early May ». */
export interface RoughPeriod extends MonthOfYear {
  /** As written, to say it back. */
  written: string;
}

const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ANY_MONTH = `(${[...MONTH_OF.keys(), ...ENGLISH_MONTHS].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const monthNumber = (name: string): number => MONTH_OF.get(name) ?? ENGLISH_MONTHS.indexOf(name) + 1;
const ROUGH_PERIODS = () => new RegExp(ROUGH_PERIOD.source, 'g');
const ROUGH_PERIOD = new RegExp(
  `(?<![a-z0-9'])(?:(?:au|en|a la|vers la|vers le|vers)\\s+)?(?:debut|fin|mi|milieu|early|late|mid|end of|beginning of|the beginning of|the end of|the middle of)(?:\\s*-\\s*|\\s+)(?:(?:du\\s+)?mois\\s+(?:de\\s+|d')|de\\s+|d'|of\\s+)?${ANY_MONTH}(?:\\s+(\\d{4}))?(?![a-z0-9])`,
);

/** The most of a period's own words said back in a message (« début novembre »): a note is stored with the draft. */
const WRITTEN_MAX_CHARACTERS = 80;

/**
 * « début novembre », « fin octobre », « mi-mars », « early November »: a part of a month, which names no day. Its
 * year, when not written, makes it the most recent past such month. Null when the text holds no such period.
 */
export function readRoughPeriod(text: string, now: DateTime): RoughPeriod | null {
  try {
    const folded = foldKeepingPlaces(text.length > MAX_DATE_CHARACTERS ? text.slice(0, MAX_DATE_CHARACTERS) : text);
    const match = ROUGH_PERIOD.exec(folded.text);
    if (match === null) return null;
    const month = monthNumber(match[1] as string);
    const today = now.setZone(ZONE);
    const year = match[2] ? Number(match[2]) : month > today.month ? today.year - 1 : today.year;
    const range = originalRange(folded, match.index, match.index + match[0].length);
    // What the person typed, said back: bounded, since folding may have dropped many marks in between.
    return { year, month, written: text.slice(range.start, range.end).trim().slice(0, WRITTEN_MAX_CHARACTERS) };
  } catch {
    return null;
  }
}

/** What may come before the answer: « c'était le 3 », « elle a eu lieu du 3 au 5 », « it was on the 3rd ». */
const ANSWER_START = `(?:(?:c'etait|c etait|ca s'est passe|ca s'est deroule|ca a eu lieu|elle a eu lieu|il a eu lieu|elle s'est deroulee|il s'est deroule|on l'a fait|on l'a faite|it was|it took place)\\s+)?`;
const BARE_DAY = `(?:[0-9]{1,2}(?:er|e|st|nd|rd|th)?|${DAY_WORD_PATTERN})`;
const BARE_NAMED_DAY = `(?:${ANY_WEEKDAY}\\s+)?${BARE_DAY}`;
const BARE_LINK = `\\s*(?:,|et|&|au|a|-|/|jusqu'au|jusqu'a|and|to|until|till|through)\\s*(?:le\\s+|les\\s+|the\\s+)?`;
/**
 * A bare day of the month as the whole answer: « le 3 », « du 3 au 5 », « le 3 et le 4 », « lundi 2 », « on the
 * 3rd ». Without « le », « du » or a weekday, « 3 » is too ambiguous to be a date (a count, a session…).
 */
const BARE_DAYS = new RegExp(
  `^${ANSWER_START}(?:(du|entre|les|le|on the|the|from the|between the|on)\\s+)?(?:le\\s+|the\\s+)?(${BARE_NAMED_DAY}(?:${BARE_LINK}${BARE_NAMED_DAY}){0,9})(?:\\s+(?:de ce mois(?:-ci)?|du mois|ce mois-ci|this month))?$`,
);
const BARE_ONE_DAY = new RegExp(`(?<![a-z0-9])${BARE_DAY}(?![a-z0-9])`, 'g');

/**
 * « le 3 » → the most recent past 3rd of a month, in Paris; « du 3 au 5 » → the most recent month where the 5th is
 * past, from its 3rd; « du 28 au 3 » → from the 28th of the month before. A day no month has → notADate.
 */
function readBareDays(folded: string, today: DateTime, within?: MonthOfYear): ActionDates {
  const match = BARE_DAYS.exec(folded.replace(/[.!]+$/, '').trim());
  if (match === null) return null;
  const [, introducer, list] = match;
  if (introducer === undefined && !new RegExp(`^${ANY_WEEKDAY}\\s`).test(list)) return null;
  const written = [...list.replace(new RegExp(ANY_WEEKDAY, 'g'), (name) => ' '.repeat(name.length)).matchAll(BARE_ONE_DAY)];
  const days = written.map((w) => dayNumber(w[0].replace(/^(\d+)(?:e|st|nd|rd|th)$/, '$1')));
  const weekdays = written.map((w) => weekdayBefore(list, w.index ?? 0));
  if (days.length === 0 || days.some((d) => d === null)) return null;
  const numbers = days.filter((d): d is number => d !== null);
  if (numbers.some((d) => d < 1 || d > 31)) return { problem: 'notADate' };
  const ranged = numbers.length === 2 && introducer !== 'entre' && introducer !== 'between the' && !/(?:^|\s)(?:et|and)(?:\s|$)|,|&/.test(list);
  const first = ranged ? numbers[0] : Math.min(...numbers);
  const last = ranged ? numbers[1] : Math.max(...numbers);
  const found = recentDays(first, last, today, within);
  if ('problem' in found) return found;
  const startWeekday = weekdays[ranged ? 0 : numbers.indexOf(first)];
  const endWeekday = weekdays[ranged ? 1 : numbers.indexOf(last)];
  const clash = weekdayClash(found.start, startWeekday) ?? weekdayClash(found.end, endWeekday);
  return { start: found.start.toISODate() ?? '', end: found.end.toISODate() ?? '', ...(clash ? { weekdayClash: clash } : {}) };
}

/**
 * The days `first` to `last` of the most recent month where `last` is past (« du 3 au 5 »: this month once the 5th
 * is past, else last month; « du 28 au 3 » starts the month before), or of the month given.
 */
function recentDays(first: number, last: number, today: DateTime, within?: MonthOfYear): { start: DateTime; end: DateTime } | { problem: ReadProblem } {
  const months = within
    ? [DateTime.fromObject({ year: within.year, month: within.month, day: 1 }, { zone: ZONE })]
    : Array.from({ length: 13 }, (_, back) => today.startOf('month').minus({ months: back }));
  for (const month of months) {
    if (!month.isValid || last > month.daysInMonth!) continue;
    const end = month.set({ day: last });
    if (end > today) {
      if (within) return { problem: 'future' };
      continue;
    }
    const startMonth = first <= last ? month : month.minus({ months: 1 });
    if (first > startMonth.daysInMonth!) return { problem: 'notADate' };
    return { start: startMonth.set({ day: first }), end };
  }
  return { problem: 'notADate' };
}

/**
 * « du 3 au 5 », « entre le 3 et le 5 » in a sentence, with no month: the most recent past such days (recentDays).
 * Not before a unit or a noun (« du 3 au 5 ans », « de 3 à 5 enfants »), nor before a month (writtenDays reads it).
 */
const BARE_RANGE = new RegExp(
  `(?<![a-z0-9'])(?:du|entre le|entre les|from the|between the)\\s+(${DAY})\\s+(?:au|et le|jusqu'au|to|and the|until the)\\s+(${DAY})(?![a-z0-9])(?!\\s*(?:de\\s+|d')?${MONTH}(?![a-z]))`,
  'g',
);
const NOT_DAYS_BEFORE = /^\s*(?:ans?|annees?|mois|semaines?|jours?|heures?|h|hours?|years?|months?|weeks?|days?|minutes?|min|euros?|personnes?|participants?|inscrits?|places?|ou|or)(?![a-z])|^\s*[%€0-9]/;
const COUNTED_NOUNS: ReadonlySet<string> = new Set(NOUNS.flatMap(([, words]) => words));

function bareRanges(text: string, today: DateTime): Mention[] {
  const mentions: Mention[] = [];
  BARE_RANGE.lastIndex = 0;
  for (let match = BARE_RANGE.exec(text); match !== null; match = BARE_RANGE.exec(text)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    const nextWord = /^\s*([a-z]+)/.exec(after)?.[1] ?? '';
    if (NOT_DAYS_BEFORE.test(after) || COUNTED_NOUNS.has(nextWord)) continue;
    const first = dayNumber(match[1] as string);
    const last = dayNumber(match[2] as string);
    if (first === null || last === null || first < 1 || last < 1 || first > 31 || last > 31) continue;
    const ranged = /^(?:du|from)/.test(match[0]);
    const days = recentDays(ranged ? first : Math.min(first, last), ranged ? last : Math.max(first, last), today);
    if ('problem' in days) continue;
    mentions.push({ from: match.index, to: match.index + match[0].length, start: { kind: 'exact', date: days.start }, end: { kind: 'exact', date: days.end }, ordered: true });
  }
  return mentions;
}

export function readDatesInFolded(folded: FoldedText, now: DateTime): DatesReading {
  const today = now.setZone(ZONE).startOf('day');
  const text = folded.text.length > MAX_DATE_CHARACTERS ? folded.text.slice(0, MAX_DATE_CHARACTERS) : folded.text;
  const mentions = [
    ...writtenDays(text), ...slashDays(text), ...wholeMonths(text), ...dayBeforeYesterday(text, today), ...lastWeekdays(text, today), ...weeks(text, today),
  ];
  mentions.push(...bareRanges(text, today).filter((bare) => !mentions.some((other) => bare.from < other.to && bare.to > other.from)));
  // « début novembre », « au début du mois de mars »: no day; not the whole month either (readRoughPeriod).
  const rough = [...text.matchAll(ROUGH_PERIODS())].map((m) => ({ from: m.index ?? 0, to: (m.index ?? 0) + m[0].length }));
  const kept = mentions.filter((mention) => !rough.some((r) => mention.from < r.to && mention.to > r.from));
  mentions.length = 0;
  mentions.push(...kept);
  const chars = text.split('');
  for (const span of [...mentions, ...rough]) for (let i = span.from; i < span.to; i++) chars[i] = ' ';
  // « coffee morning 3 days ago »: chrono joins a time of day to the date after it and keeps only the time (today).
  // A time of day says nothing of the day unless « ce », « this » makes it today's.
  const masked = chars.join('').replace(TIME_OF_DAY_WORD, (word) => ' '.repeat(word.length));
  const fromChrono = chronoMentions(masked, today, now.setZone(ZONE), chrono.fr.casual);
  mentions.push(...fromChrono);
  if (mentions.length === 0 && ENGLISH_DATE_WORDS.test(masked)) mentions.push(...chronoMentions(masked, today, now.setZone(ZONE), chrono.en.casual));
  mentions.sort((a, b) => a.from - b.from);
  const spans = mentions.map(({ from, to }) => ({ from, to }));
  if (mentions.length === 0) return { dates: null, spans };
  // « le 5 mars, pas le 12 », « pas le 12 mars mais le 5 »: a date said not to be the one is not the period.
  const said = mentions.filter((mention) => !NEGATED.test(text.slice(Math.max(0, mention.from - 24), mention.from)));
  const period = firstPeriod(text, said.length > 0 ? said : mentions);
  const dates = resolve(period, today);
  const ahead = dates !== null && !('problem' in dates) ? sameDayAhead(period.start, DateTime.fromISO(dates.start, { zone: ZONE }), today) : undefined;
  return { dates, spans, period: { from: period.from, to: period.to }, ...(ahead ? { sameDayAhead: ahead } : {}) };
}

/** Before a date, words that say it is not the one: « pas le 12 », « et non le 12 », « not the 12th », « au lieu du 12 ». */
const NEGATED = /(?:^|[\s,;(])(?:pas|non|not|au lieu|instead of|plutot que|rather than)(?:\s+(?:le|la|les|du|de|d'|the|on|on the))?\s*$/;

/** The weekday written just before a day in a list (« mardi » of « mardi 12 »), 1 Monday … 7 Sunday. */
function weekdayBefore(list: string, at: number): number | undefined {
  const before = new RegExp(`${ANY_WEEKDAY}\\s+(?:le\\s+|the\\s+)?$`).exec(list.slice(0, at));
  if (!before) return undefined;
  const name = before[1] as string;
  return (WEEKDAY_NAMES.includes(name) ? WEEKDAY_NAMES.indexOf(name) : ENGLISH_WEEKDAY_NAMES.indexOf(name)) + 1;
}

function weekdayClash(date: DateTime, written: number | undefined): WeekdayClash | undefined {
  return written !== undefined && date.weekday !== written ? { date: date.toISODate() ?? '', written } : undefined;
}

function writtenDays(text: string): Mention[] {
  const mentions: Mention[] = [];
  DAYS_OF_A_MONTH.lastIndex = 0;
  for (let match = DAYS_OF_A_MONTH.exec(text); match !== null; match = DAYS_OF_A_MONTH.exec(text)) {
    const [whole, introducer, list, monthName, yearText] = match;
    const month = MONTH_OF.get(monthName) ?? 0;
    const year = yearText ? Number(yearText) : null;
    const days = [...list.matchAll(ONE_DAY)];
    const numbers = days.map((m) => dayNumber(m[0])).filter((d): d is number => d !== null);
    if (numbers.length !== days.length || numbers.length === 0) continue;
    // « vingt sept enfants », « dix sept séances »: a number in words, not the 20th of September.
    if (monthName === 'sept' && /[a-z]$/.test(days[days.length - 1][0])) continue;
    // « du 3 au 5 », « 3-5 »: a range, the second date its end; « les 3, 10 et 17 », « entre le 3 et le 5 »: a span.
    const link = days.length === 2 ? list.slice((days[0].index ?? 0) + days[0][0].length, days[1].index) : '';
    const ranged = days.length === 2 && introducer !== 'entre' && RANGE_LINK.test(link);
    const first = numbers[0];
    const last = numbers[numbers.length - 1];
    const low = Math.min(...numbers);
    const high = Math.max(...numbers);
    const weekdays = days.map((day) => weekdayBefore(list, day.index ?? 0));
    const startWeekday = weekdays[ranged ? 0 : numbers.indexOf(low)];
    const endWeekday = weekdays[ranged ? numbers.length - 1 : numbers.indexOf(high)];
    mentions.push({
      from: match.index,
      to: match.index + whole.length,
      start: { kind: 'day', year, month, day: ranged ? first : low, ...(startWeekday ? { weekday: startWeekday } : {}) },
      end: { kind: 'day', year, month, day: ranged ? last : high, ...(endWeekday ? { weekday: endWeekday } : {}) },
      ordered: ranged,
    });
  }
  return mentions;
}

function slashDays(text: string): Mention[] {
  return [...text.matchAll(DAY_SLASH_MONTH)].map((m) => {
    const date: WrittenDate = { kind: 'day', year: null, month: Number(m[2]), day: Number(m[1]) };
    return { from: m.index, to: m.index + m[0].length, start: date, end: date, ordered: false };
  });
}

function dayNumber(written: string): number | null {
  const digits = /^(\d{1,2})(?:er)?$/.exec(written);
  if (digits) return Number(digits[1]);
  return DAY_WORDS.get(written.replace(/ (?!et)/g, '-').replace(/-et-/g, ' et ')) ?? DAY_WORDS.get(written) ?? DAY_WORDS.get(written.replace(/ /g, '-')) ?? null;
}

function wholeMonths(text: string): Mention[] {
  const mentions: Mention[] = [];
  const alone = MONTH_ALONE.exec(text);
  if (alone) {
    const date: WrittenDate = { kind: 'month', year: alone[2] ? Number(alone[2]) : null, month: MONTH_OF.get(alone[1]) ?? 0 };
    return [{ from: 0, to: text.length, start: date, end: date, ordered: false }];
  }
  WHOLE_MONTH.lastIndex = 0;
  for (let match = WHOLE_MONTH.exec(text); match !== null; match = WHOLE_MONTH.exec(text)) {
    const date: WrittenDate = { kind: 'month', year: match[2] ? Number(match[2]) : null, month: MONTH_OF.get(match[1]) ?? 0 };
    mentions.push({ from: match.index, to: match.index + match[0].length, start: date, end: date, ordered: false });
  }
  return mentions;
}

function dayBeforeYesterday(text: string, today: DateTime): Mention[] {
  const date: WrittenDate = { kind: 'exact', date: today.minus({ days: 2 }) };
  return [...text.matchAll(DAY_BEFORE_YESTERDAY)].map((m) => ({ from: m.index, to: m.index + m[0].length, start: date, end: date, ordered: false }));
}

/** « mardi dernier », « lundi passé », « last Tuesday »: the last such day before today. */
function lastWeekdays(text: string, today: DateTime): Mention[] {
  return [...text.matchAll(LAST_WEEKDAY)].map((m) => {
    const name = m[1] ?? m[2];
    const weekday = (WEEKDAY_NAMES.includes(name) ? WEEKDAY_NAMES.indexOf(name) : ENGLISH_WEEKDAY_NAMES.indexOf(name)) + 1;
    const back = ((today.weekday - weekday + 7) % 7) || 7;
    const date: WrittenDate = { kind: 'exact', date: today.minus({ days: back }) };
    return { from: m.index, to: m.index + m[0].length, start: date, end: date, ordered: false };
  });
}

/** « la semaine dernière », « last week »: Monday to Sunday before this week (luxon's weeks are ISO: Monday first). */
function weeks(text: string, today: DateTime): Mention[] {
  const thisMonday = today.startOf('week');
  const lastWeek = { start: thisMonday.minus({ weeks: 1 }), end: thisMonday.minus({ days: 1 }) };
  const mention = (m: RegExpMatchArray, start: DateTime, end: DateTime): Mention => ({
    from: m.index ?? 0,
    to: (m.index ?? 0) + m[0].length,
    start: { kind: 'exact', date: start },
    end: { kind: 'exact', date: end },
    ordered: true,
  });
  return [
    ...[...text.matchAll(LAST_WEEK)].map((m) => mention(m, lastWeek.start, lastWeek.end)),
    ...[...text.matchAll(THIS_WEEK)].map((m) => mention(m, thisMonday, today)),
  ];
}

/**
 * chrono reads wall-clock fields, in the zone of the machine unless told otherwise: it is given a reference whose
 * local fields are Paris's, so « hier » is the day before in Paris whatever the machine's zone.
 */
function chronoMentions(text: string, today: DateTime, now: DateTime, parser: chrono.Chrono): Mention[] {
  if (!/[0-9a-z]/.test(text)) return [];
  const reference = new Date(now.year, now.month - 1, now.day, now.hour, now.minute);
  const mentions: Mention[] = [];
  // « 5 April, 20 families », « 12 March: 10 parents »: chrono reads a count after a comma or a colon as a year or an
  // hour. A short number set apart by a space is the next item of the sentence; a year has four digits, a time none.
  const separated = text.replace(COUNT_AFTER_A_DATE, ';');
  for (const result of parser.parse(separated, reference)) {
    const written = result.text.trim();
    if (WEEKDAY_ABBREVIATION.test(written) || MONTH_ABBREVIATION.test(written) || TIME_OF_DAY_ALONE.test(written) || !NAMES_A_DAY.test(written)) continue;
    const start = fromComponents(result.start, today, written);
    if (start === null) continue;
    const end = result.end ? fromComponents(result.end, today, written) ?? start : start;
    mentions.push({ from: result.index, to: result.index + result.text.length, start, end, ordered: result.end !== null });
  }
  return mentions;
}

function fromComponents(components: chrono.ParsedComponents, today: DateTime, written: string): WrittenDate | null {
  const month = components.get('month');
  const day = components.get('day');
  const year = components.get('year');
  if (month === null || day === null || year === null) return null;
  if (components.isCertain('day') && components.isCertain('month')) {
    // chrono's weekdays run from 0, Sunday.
    const weekday = components.isCertain('weekday') ? ((components.get('weekday') ?? 0) + 6) % 7 + 1 : undefined;
    return { kind: 'day', year: components.isCertain('year') ? year : null, month, day, ...(weekday ? { weekday } : {}) };
  }
  if (components.isCertain('weekday')) {
    // chrono takes the nearest such day, which may be ahead: an action done is the last one.
    let date = DateTime.fromObject({ year, month, day }, { zone: ZONE });
    if (date > today && !/prochain|suivant|next/.test(written)) date = date.minus({ days: 7 });
    return { kind: 'exact', date };
  }
  if (components.isCertain('month')) return { kind: 'month', year: components.isCertain('year') ? year : null, month };
  // « ce matin », « aujourd'hui »: today, named without a number.
  return { kind: 'exact', date: DateTime.fromObject({ year, month, day }, { zone: ZONE }) };
}

const RANGE_LINK = /^\s*(?:au|a|-|jusqu'au|jusqu'a|to|until|till|through)\s*(?:le\s+|the\s+)?$/;
const LIST_LINK = /^\s*(?:,|et|&|and|puis|ou)?\s*(?:le\s+|les\s+|the\s+)?$/;

/** The first date or period written, with the dates that continue it (« le 28 décembre au 3 janvier »). */
function firstPeriod(text: string, mentions: Mention[]): Mention {
  let period = mentions[0];
  for (let i = 1; i < mentions.length; i++) {
    const next = mentions[i];
    const between = text.slice(period.to, next.from);
    if (RANGE_LINK.test(between)) period = { from: period.from, to: next.to, start: period.start, end: next.end, ordered: true };
    else if (LIST_LINK.test(between)) period = { from: period.from, to: next.to, start: period.start, end: next.end, ordered: false };
    else break;
  }
  return period;
}

type Resolved = { first: DateTime; last: DateTime } | { problem: ReadProblem };

function resolve(mention: Mention, today: DateTime): ActionDates {
  const start = resolveOne(mention.start, today, null);
  if ('problem' in start) return start;
  const end = resolveOne(mention.end, today, start.first);
  if ('problem' in end) return end;
  let first = start.first;
  let last = end.last;
  if (!mention.ordered) {
    // A list (« le 3 et le 17 mars ») spans its dates, whichever is written first.
    first = DateTime.min(start.first, end.first);
    last = DateTime.max(start.last, end.last);
  }
  if (last < first) return { problem: 'endBeforeStart' };
  if (last > today) return { problem: 'future' };
  const clash = writtenWeekdayClash(mention.start, first) ?? writtenWeekdayClash(mention.end, last);
  return { start: first.toISODate() ?? '', end: last.toISODate() ?? '', ...(clash ? { weekdayClash: clash } : {}) };
}

function writtenWeekdayClash(written: WrittenDate, date: DateTime): WeekdayClash | undefined {
  return written.kind === 'day' && written.day === date.day && written.month === date.month ? weekdayClash(date, written.weekday) : undefined;
}

/** A day this close ahead, written without its year, was more likely meant than the one a year back. */
const SOON = { days: 31 } as const;

/**
 * The same day this year, when a day written without its year (« le 20 décembre ») was taken a year back while this
 * year's is still to come, and soon: the person may have meant it (see ActionDates).
 */
function sameDayAhead(written: WrittenDate, date: DateTime, today: DateTime): string | undefined {
  if (written.kind !== 'day' || written.year !== null || date.year >= today.year || date.day !== written.day || date.month !== written.month) return undefined;
  const thisYear = DateTime.fromObject({ year: today.year, month: written.month, day: written.day }, { zone: ZONE });
  return thisYear.isValid && thisYear > today && thisYear <= today.plus(SOON) ? (thisYear.toISODate() ?? undefined) : undefined;
}

/**
 * One written date as days. Without a year, a start is the most recent past one; an end (when `after` is given)
 * follows its start: « du 28 décembre au 3 janvier » ends the next year, « du 5 au 3 avril » ends before it starts.
 */
function resolveOne(written: WrittenDate, today: DateTime, after: DateTime | null): Resolved {
  if (written.kind === 'exact') return { first: written.date, last: written.date };
  if (written.kind === 'month') {
    let year = written.year ?? today.year;
    if (written.year === null && after !== null) year = after.month > written.month ? after.year + 1 : after.year;
    else if (written.year === null && written.month > today.month) year--;
    const first = DateTime.fromObject({ year, month: written.month, day: 1 }, { zone: ZONE });
    if (!first.isValid) return { problem: 'notADate' };
    const monthEnd = first.endOf('month').startOf('day');
    // The month under way is the days of it gone by: « en mars » said on 10 March.
    return { first, last: first <= today && monthEnd > today ? today : monthEnd };
  }
  const { month, day } = written;
  if (written.year !== null) {
    const date = DateTime.fromObject({ year: written.year, month, day }, { zone: ZONE });
    return date.isValid ? { first: date, last: date } : { problem: 'notADate' };
  }
  if (after !== null) {
    const sameYear = DateTime.fromObject({ year: after.year, month, day }, { zone: ZONE });
    const date = month < after.month ? DateTime.fromObject({ year: after.year + 1, month, day }, { zone: ZONE }) : sameYear;
    if (date.isValid) return { first: date, last: date };
  }
  // The most recent past such day; 29 February goes back to the last leap year.
  for (let back = 0; back <= 8; back++) {
    const date = DateTime.fromObject({ year: today.year - back, month, day }, { zone: ZONE });
    if (date.isValid && date <= today) return { first: date, last: date };
  }
  return { problem: 'notADate' };
}

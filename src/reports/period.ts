import { DateTime } from 'luxon';
import { fold } from '../language/text';

/**
 * The period a question about reported figures names (« en 2026 », « depuis janvier », « au premier trimestre »,
 * « last month »…), as calendar days in Paris. Reports are filtered by their action's start date, so a period is two
 * inclusive days. Rules are tried from the most specific (« entre janvier et juin 2025 ») to the least (« 2025 »).
 */

export interface Period {
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, inclusive. */
  to: string;
  /** How to name it back, after a comma: « en 2026 », « depuis le 1er mars 2026 » / "in 2026". */
  label: { fr: string; en: string };
}

const PARIS = 'Europe/Paris';
/** Questions are short; a period is named near the start. Bounds the regular expressions' work on long texts. */
const MAX_CHARS = 600;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['janvier', 'janv', 'january', 'jan']],
  [2, ['fevrier', 'fevr', 'fev', 'february', 'feb']],
  [3, ['mars', 'march', 'mar']],
  [4, ['avril', 'avr', 'april', 'apr']],
  [5, ['mai', 'may']],
  [6, ['juin', 'june', 'jun']],
  [7, ['juillet', 'juil', 'july', 'jul']],
  [8, ['aout', 'august', 'aug']],
  [9, ['septembre', 'sept', 'sep', 'september']],
  [10, ['octobre', 'oct', 'october']],
  [11, ['novembre', 'nov', 'november']],
  [12, ['decembre', 'dec', 'december']],
];
const MONTH_BY_WORD = new Map(MONTHS.flatMap(([month, names]) => names.map((name) => [name, month] as const)));
/** Every word that names a month here, folded (« janvier », « janv », "January"…). */
export const MONTH_WORDS: readonly string[] = [...MONTH_BY_WORD.keys()];
/** Longest first, so that « septembre » is not read as « sept ». */
const MONTH = `(${[...MONTH_BY_WORD.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const YEAR = '((?:19|20|21)\\d{2})';
const DAY = '(1er|1st|premier|[0-3]?\\d)(?:st|nd|rd|th|e)?';

const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FR_QUARTERS = ['premier', 'deuxième', 'troisième', 'quatrième'];
const FR_SEMESTERS = ['premier', 'second'];

const QUARTER_WORDS = new Map<string, number>([
  ['premier', 1], ['1er', 1], ['1e', 1], ['1', 1], ['first', 1], ['1st', 1],
  ['deuxieme', 2], ['second', 2], ['2e', 2], ['2eme', 2], ['2nd', 2], ['2', 2],
  ['troisieme', 3], ['third', 3], ['3e', 3], ['3eme', 3], ['3rd', 3], ['3', 3],
  ['quatrieme', 4], ['dernier', 4], ['fourth', 4], ['last', 4], ['4e', 4], ['4eme', 4], ['4th', 4], ['4', 4],
]);
const ORDINAL = `(${[...QUARTER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|')})`;

/** A period, none, or `IMPOSSIBLE`: the words name a period that cannot be (no rule after it may read them otherwise). */
type Rule = (match: RegExpExecArray, today: DateTime) => Period | null | typeof IMPOSSIBLE;
const IMPOSSIBLE = Symbol('impossible period');

const ISO = 'yyyy-MM-dd';

function iso(date: DateTime): string {
  return date.toFormat(ISO);
}

function inYears(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

function monthOf(word: string | undefined): number | undefined {
  return word === undefined ? undefined : MONTH_BY_WORD.get(word.replace(/\.$/, ''));
}

function dayOf(word: string): number {
  return /^(1er|1st|premier)$/.test(word) ? 1 : Number.parseInt(word, 10);
}

/** The year of the most recent month `month` that has begun by `today`. */
function latestYearOf(month: number, today: DateTime): number {
  return month <= today.month ? today.year : today.year - 1;
}

function frDay(date: DateTime): string {
  return `${date.day === 1 ? '1er' : String(date.day)} ${FR_MONTHS[date.month - 1]} ${date.year}`;
}

function enDay(date: DateTime): string {
  return `${date.day} ${EN_MONTHS[date.month - 1]} ${date.year}`;
}

function period(from: DateTime, to: DateTime, fr: string, en: string): Period | null {
  if (!from.isValid || !to.isValid || from > to) return null;
  return { from: iso(from), to: iso(to), label: { fr, en } };
}

function wholeYear(year: number): Period | null {
  if (!inYears(year)) return null;
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: PARIS });
  return period(start, start.endOf('year'), `en ${year}`, `in ${year}`);
}

/** From a day to today: « depuis le 1er mars 2026 ». */
function since(start: DateTime, today: DateTime): Period | null {
  if (!start.isValid || start > today) return null;
  return period(start, today, `depuis le ${frDay(start)}`, `since ${enDay(start)}`);
}

function wholeMonth(year: number, month: number): Period | null {
  if (!inYears(year)) return null;
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone: PARIS });
  return period(start, start.endOf('month'), `en ${FR_MONTHS[month - 1]} ${year}`, `in ${EN_MONTHS[month - 1]} ${year}`);
}

function quarter(number: number, yearText: string | undefined, today: DateTime): Period | null {
  let year = yearText === undefined ? today.year : Number(yearText);
  if (yearText === undefined && (number - 1) * 3 + 1 > today.month) year -= 1;
  if (!inYears(year)) return null;
  const start = DateTime.fromObject({ year, month: (number - 1) * 3 + 1, day: 1 }, { zone: PARIS });
  return period(start, start.plus({ months: 2 }).endOf('month'), `au ${FR_QUARTERS[number - 1]} trimestre ${year}`, `in Q${number} ${year}`);
}

function semester(number: number, yearText: string | undefined, today: DateTime): Period | null {
  let year = yearText === undefined ? today.year : Number(yearText);
  if (yearText === undefined && number === 2 && today.month < 7) year -= 1;
  if (!inYears(year)) return null;
  const start = DateTime.fromObject({ year, month: number === 1 ? 1 : 7, day: 1 }, { zone: PARIS });
  return period(start, start.plus({ months: 5 }).endOf('month'), `au ${FR_SEMESTERS[number - 1]} semestre ${year}`, `in H${number} ${year}`);
}

function monthRange(startMonth: number, endMonth: number, yearText: string | undefined, today: DateTime): Period | null {
  // The range ends in the named year, or in the latest year where it has begun; « entre octobre et mars » spans two.
  const wraps = endMonth < startMonth;
  let endYear = yearText === undefined ? latestYearOf(startMonth, today) + (wraps ? 1 : 0) : Number(yearText);
  if (yearText === undefined && wraps && endYear > today.year) endYear = today.year;
  const startYear = wraps ? endYear - 1 : endYear;
  if (!inYears(startYear) || !inYears(endYear)) return null;
  const start = DateTime.fromObject({ year: startYear, month: startMonth, day: 1 }, { zone: PARIS });
  const end = DateTime.fromObject({ year: endYear, month: endMonth, day: 1 }, { zone: PARIS }).endOf('month');
  const fr = `entre ${FR_MONTHS[startMonth - 1]}${wraps ? ` ${startYear}` : ''} et ${FR_MONTHS[endMonth - 1]} ${endYear}`;
  const en = `between ${EN_MONTHS[startMonth - 1]}${wraps ? ` ${startYear}` : ''} and ${EN_MONTHS[endMonth - 1]} ${endYear}`;
  return period(start, end, fr, en);
}

/**
 * « entre le 1er novembre et le 5 décembre », « du 3 au 5 avril », « du 12/03 au 05/04/2026 »: two days, the first
 * month or year left out when the second's is meant. Without a year, the range starts on the most recent such day
 * that has come, and ends after it (in the next year when its month comes earlier: « du 15 décembre au 10 janvier »).
 */
function dayRange(start: { day: number; month: number; year?: string }, end: { day: number; month: number; year?: string }, today: DateTime): Period | null {
  const wraps = end.month < start.month || (end.month === start.month && end.day < start.day);
  let startYear: number;
  if (start.year !== undefined) startYear = Number(start.year);
  else if (end.year !== undefined) startYear = Number(end.year) - (wraps ? 1 : 0);
  else {
    startYear = today.year;
    const thisYear = DateTime.fromObject({ year: startYear, month: start.month, day: start.day }, { zone: PARIS });
    if (thisYear.isValid && thisYear > today) startYear -= 1;
  }
  const endYear = end.year !== undefined ? Number(end.year) : startYear + (wraps ? 1 : 0);
  if (!inYears(startYear) || !inYears(endYear)) return null;
  const from = DateTime.fromObject({ year: startYear, month: start.month, day: start.day }, { zone: PARIS });
  const to = DateTime.fromObject({ year: endYear, month: end.month, day: end.day }, { zone: PARIS });
  if (!from.isValid || !to.isValid) return null;
  // « du 1er novembre au 5 décembre 2026 », « du 3 au 5 avril 2026 »: what the two days share is said once.
  const sameYear = from.year === to.year;
  const sameMonth = sameYear && from.month === to.month;
  const frFrom = sameMonth ? (from.day === 1 ? '1er' : String(from.day)) : sameYear ? frDay(from).replace(/ \d{4}$/, '') : frDay(from);
  const enFrom = sameMonth ? String(from.day) : sameYear ? enDay(from).replace(/ \d{4}$/, '') : enDay(from);
  return period(from, to, `du ${frFrom} au ${frDay(to)}`, `from ${enFrom} to ${enDay(to)}`);
}

/** Where a range's first day is introduced and where its second is. */
const RANGE_START = "(?:entre le|entre|du|de|d'|from|between)";
const RANGE_END = "(?:et le|et|au|a|jusqu'au|jusqu'a|and|to|until|-)";
/** A day of the month that is a whole number, not the start of « 2.3.2 » or of « 12/03 ». */
const LONE_DAY = `${DAY}(?![\\d.,/])`;

const RULES: ReadonlyArray<readonly [RegExp, Rule]> = [
  // « entre le 1er novembre et le 5 décembre (2026) », « du 3 au 5 avril », "from 1 November to 5 December".
  [
    new RegExp(`\\b${RANGE_START}\\s*${LONE_DAY}(?:\\s+${MONTH}(?:\\s+${YEAR})?)?\\s+${RANGE_END}\\s+${LONE_DAY}\\s+${MONTH}(?:\\s+${YEAR})?\\b`),
    (match, today) => {
      const endMonth = monthOf(match[5]);
      const startMonth = match[2] === undefined ? endMonth : monthOf(match[2]);
      if (startMonth === undefined || endMonth === undefined) return null;
      // « du 5 décembre 2026 au 1er novembre 2026 » is not « décembre 2026 », which a later rule would read.
      return dayRange({ day: dayOf(match[1]), month: startMonth, year: match[3] }, { day: dayOf(match[4]), month: endMonth, year: match[6] }, today) ?? IMPOSSIBLE;
    },
  ],
  // « du 12/03 au 05/04/2026 », « entre le 01/11/2025 et le 05/12/2025 ».
  [
    new RegExp(`\\b${RANGE_START}\\s*([0-3]?\\d)/([01]?\\d)(?:/${YEAR})?\\s+${RANGE_END}\\s+([0-3]?\\d)/([01]?\\d)(?:/${YEAR})?\\b`),
    (match, today) => {
      const [startMonth, endMonth] = [Number(match[2]), Number(match[5])];
      if (startMonth < 1 || startMonth > 12 || endMonth < 1 || endMonth > 12) return IMPOSSIBLE;
      return dayRange({ day: Number(match[1]), month: startMonth, year: match[3] }, { day: Number(match[4]), month: endMonth, year: match[6] }, today) ?? IMPOSSIBLE;
    },
  ],
  // « entre janvier et juin (2025) », « de janvier à juin », "from January to June", "between January and June".
  [
    new RegExp(`\\b(?:entre|de|d'|du mois de|from|between)\\s*${MONTH}(?:\\s+${YEAR})?\\s+(?:et|a|au|jusqu'a|jusqu'en|and|to|until|-)\\s+${MONTH}(?:\\s+${YEAR})?\\b`),
    (match, today) => {
      const startMonth = monthOf(match[1]);
      const endMonth = monthOf(match[3]);
      if (startMonth === undefined || endMonth === undefined) return null;
      const startYear = match[2];
      const endYear = match[4] ?? startYear;
      if (startYear !== undefined && endYear !== undefined && startYear !== endYear) {
        const start = DateTime.fromObject({ year: Number(startYear), month: startMonth, day: 1 }, { zone: PARIS });
        const end = DateTime.fromObject({ year: Number(endYear), month: endMonth, day: 1 }, { zone: PARIS }).endOf('month');
        if (!inYears(start.year) || !inYears(end.year)) return null;
        return period(start, end, `entre ${FR_MONTHS[startMonth - 1]} ${start.year} et ${FR_MONTHS[endMonth - 1]} ${end.year}`, `between ${EN_MONTHS[startMonth - 1]} ${start.year} and ${EN_MONTHS[endMonth - 1]} ${end.year}`);
      }
      return monthRange(startMonth, endMonth, endYear, today);
    },
  ],
  // « depuis le 1er mars (2025) », "since 1 March", "since March 1st".
  [
    new RegExp(`\\b(?:depuis le|depuis|a partir du|a compter du|since|from)\\s+${DAY}\\s+${MONTH}(?:\\s+${YEAR})?\\b`),
    (match, today) => sinceDay(dayOf(match[1]), monthOf(match[2]), match[3], today),
  ],
  [
    new RegExp(`\\b(?:since|from)\\s+${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?\\b`),
    (match, today) => sinceDay(dayOf(match[2]), monthOf(match[1]), match[3], today),
  ],
  // « depuis le 12/03/2026 », « depuis le 12/03 ».
  [
    new RegExp(`\\b(?:depuis le|depuis|a partir du|since)\\s+([0-3]?\\d)/([01]?\\d)(?:/${YEAR})?\\b`),
    (match, today) => sinceDay(Number(match[1]), Number(match[2]), match[3], today),
  ],
  // « depuis janvier (2025) », « depuis le mois de mars », "since January".
  [
    new RegExp(`\\b(?:depuis(?: le (?:debut du )?mois de| debut| le debut de| le debut d')?|a partir de|since(?: the (?:start|beginning) of)?)\\s*${MONTH}(?:\\s+${YEAR})?\\b`),
    (match, today) => {
      const month = monthOf(match[1]);
      if (month === undefined) return null;
      const year = match[2] === undefined ? latestYearOf(month, today) : Number(match[2]);
      if (!inYears(year)) return null;
      return since(DateTime.fromObject({ year, month, day: 1 }, { zone: PARIS }), today);
    },
  ],
  // « depuis 2025 », "since 2025".
  [
    new RegExp(`\\b(?:depuis|since)\\s+(?:(?:le )?debut |the (?:start|beginning) of )?${YEAR}\\b`),
    (match, today) => {
      const year = Number(match[1]);
      if (!inYears(year)) return null;
      return since(DateTime.fromObject({ year, month: 1, day: 1 }, { zone: PARIS }), today);
    },
  ],
  // « au premier trimestre (2025) », « 2e trimestre », "first quarter".
  [
    new RegExp(`\\b${ORDINAL}\\s+(?:trimestre|quarter)(?:\\s+(?:de |of )?${YEAR})?\\b`),
    (match, today) => {
      const number = QUARTER_WORDS.get(match[1]);
      return number === undefined ? null : quarter(number, match[2], today);
    },
  ],
  // « T2 2025 », "Q1", "Q3 2025".
  [new RegExp(`\\b[tq]([1-4])(?:\\s+${YEAR})?\\b`), (match, today) => quarter(Number(match[1]), match[2], today)],
  [new RegExp(`\\b${YEAR}\\s*[-/ ]\\s*[tq]([1-4])\\b`), (match, today) => quarter(Number(match[2]), match[1], today)],
  // « premier semestre », "first half", « S1 2025 ».
  [
    new RegExp(`\\b(premier|1er|second|deuxieme|2e|first|second)\\s+(?:semestre|half)(?:\\s+(?:de |of )?${YEAR})?\\b`),
    (match, today) => semester(/^(premier|1er|first)$/.test(match[1]) ? 1 : 2, match[2], today),
  ],
  [new RegExp(`\\b[sh]([12])\\s+${YEAR}\\b`), (match, today) => semester(Number(match[1]), match[2], today)],
  // « ce mois-ci », « ce mois », "this month".
  [
    /\b(?:ce mois(?:-ci| ci)?|du mois en cours|this month)\b/,
    (_match, today) => since(today.startOf('month'), today),
  ],
  // « le mois dernier », "last month".
  [
    /\b(?:le mois (?:dernier|passe)|du mois (?:dernier|passe)|au mois (?:dernier|passe)|last month)\b/,
    (_match, today) => {
      const month = today.minus({ months: 1 });
      return wholeMonth(month.year, month.month);
    },
  ],
  // « l'an dernier », « l'année dernière », « l'an passé », "last year".
  [
    /\b(?:l'an (?:dernier|passe)|l'annee (?:derniere|passee)|an dernier|annee derniere|last year)\b/,
    (_match, today) => wholeYear(today.year - 1),
  ],
  // « cette année », « depuis le début de l'année », "this year", "year to date".
  [
    /\b(?:cette annee|l'annee en cours|depuis le debut de l'annee|depuis le debut d'annee|this year|year to date|so far this year)\b/,
    (_match, today) => {
      const start = today.startOf('year');
      return period(start, today, `en ${today.year}`, `in ${today.year}`);
    },
  ],
  // « en mars (2025) », « au mois de mars », "in March".
  [
    new RegExp(`\\b(?:en|au mois de|pour le mois de|le mois de|durant|pendant|in|during)\\s+${MONTH}(?:\\s+${YEAR})?\\b`),
    (match, today) => {
      const month = monthOf(match[1]);
      if (month === undefined) return null;
      // « en mai » is the most recent May that has begun; « in may » must be a month, not "may I…": a year or a
      // capital is not checked here, so English "may" alone is only read after "in" / "during".
      return wholeMonth(match[2] === undefined ? latestYearOf(month, today) : Number(match[2]), month);
    },
  ],
  // « mars 2025 ».
  [new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`), (match) => {
    const month = monthOf(match[1]);
    return month === undefined ? null : wholeMonth(Number(match[2]), month);
  }],
  // « en 2026 », "in 2025", « bilan 2025 ».
  [new RegExp(`(?<![\\d.,/])${YEAR}(?![\\d.,/])`), (match) => wholeYear(Number(match[1]))],
];

function sinceDay(day: number, month: number | undefined, yearText: string | undefined, today: DateTime): Period | null {
  if (month === undefined || month < 1 || month > 12 || day < 1 || day > 31) return null;
  let year = yearText === undefined ? today.year : Number(yearText);
  if (!inYears(year)) return null;
  let start = DateTime.fromObject({ year, month, day }, { zone: PARIS });
  // A day without a year is the most recent one not in the future.
  if (yearText === undefined && start.isValid && start > today) {
    year -= 1;
    start = DateTime.fromObject({ year, month, day }, { zone: PARIS });
  }
  return since(start, today);
}

/** The period a question names, in Paris days; null when it names none. */
export function readPeriod(text: string, now: DateTime): Period | null {
  const folded = fold(text.slice(0, MAX_CHARS)).replace(/\s*[’']\s*/g, "'");
  // Paris's day is worked out only once a rule matches: luxon's zone conversion costs more than every pattern.
  let today: DateTime | undefined;
  for (const [pattern, rule] of RULES) {
    const match = pattern.exec(folded);
    if (match === null) continue;
    today ??= now.setZone(PARIS).startOf('day');
    if (!today.isValid) return null;
    const found = rule(match, today);
    if (found === IMPOSSIBLE) return null;
    if (found !== null) return found;
  }
  return null;
}

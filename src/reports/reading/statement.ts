import type { DateTime } from 'luxon';
import type { ReportKind } from '../model';
import { readDatesInFolded, readRoughPeriod, type RoughPeriod, type WeekdayClash } from './dates';
import { foldKeepingPlaces, originalRange, type Token } from './folding';
import { findReportKind } from './kinds';
import { findNumbersInFolded, type FoundNumber } from './numbers';
import { MAX_COUNT, type ReadProblem } from './problems';
import { ADDS_UP, FILLERS, PART_OF, QUALIFIER_ENDS, QUALIFIER_WORDS, SESSIONS_BY_KIND, fieldFor, nounAt, qualifierAfter, type CountField, type Noun } from './countWords';

/** Everything a first message says of a report. The sheet's code is read by the sheets' reader, not here. */
export interface ReportStatement {
  kind?: ReportKind;
  startDate?: string;
  endDate?: string;
  dateProblem?: ReadProblem;
  sessions?: number;
  parents?: number;
  children?: number;
  families?: number;
  qpvParents?: number;
  singleParentFamilies?: number;
}

/** Before a number, it is not exact: the form asks for the number. */
const NOT_EXACT = /(?:plus de|plus d'|moins de|moins d'|au moins|pres de|more than|less than|at least|over|under|almost|nearly)\s*$/;
const APPROXIMATE_NOUN = /^(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|dozen)s?$/;
/** Before a noun, none of them: « aucun enfant », « pas de parents QPV », « no children ». */
const NONE_WORDS = new Set(['aucun', 'aucune', 'sans', 'no', 'zero']);

/**
 * Everything a first message says of a report: « on a fait un café des parents le 12 mars pour la PA 2.3.2,
 * 14 parents dont 6 du quartier prioritaire » → kind, dates, parents 14, qpvParents 6. Counts are tied to their nouns,
 * either side (« 14 parents », « parents : 14 »); numbers of dates, codes and approximations are not counts.
 */
export function readReportStatement(text: string, now: DateTime): ReportStatement {
  return readReportStatementInDetail(text, now).statement;
}

/** A statement with what its dates were as written, to say them back when refused or to be confirmed. */
export interface DetailedStatement {
  statement: ReportStatement;
  /** The dates as written (« le 12 mars 2027 »). */
  dateWritten?: string;
  /** A day written with a weekday it is not (« mardi 12 mars », a Thursday): the date is kept, to be confirmed. */
  weekdayClash?: WeekdayClash;
  /** A day written without its year, taken a year back while this year's is days ahead: that day this year. */
  sameDayAhead?: string;
  /** No date, but a part of a month (« début novembre »): its days are to be asked. */
  roughPeriod?: RoughPeriod;
}

export function readReportStatementInDetail(text: string, now: DateTime): DetailedStatement {
  try {
    return readStatement(text, now);
  } catch {
    return { statement: {} };
  }
}

function readStatement(text: string, now: DateTime): DetailedStatement {
  const folded = foldKeepingPlaces(text);
  const f = folded.text;
  const { numbers, tokens } = findNumbersInFolded(folded);
  const statement: ReportStatement = {};
  const detail: DetailedStatement = { statement };
  const kind = findReportKind(tokens);
  if (kind) statement.kind = kind.kind;
  const { dates, spans, period, sameDayAhead } = readDatesInFolded(folded, now);
  if (dates !== null && 'problem' in dates) statement.dateProblem = dates.problem;
  else if (dates !== null) {
    statement.startDate = dates.start;
    statement.endDate = dates.end;
    if (dates.weekdayClash) detail.weekdayClash = dates.weekdayClash;
    if (sameDayAhead) detail.sameDayAhead = sameDayAhead;
  } else {
    const rough = readRoughPeriod(text, now);
    if (rough) detail.roughPeriod = rough;
  }
  if (dates !== null && period) {
    const range = originalRange(folded, period.from, period.to);
    const written = text.slice(range.start, range.end).trim();
    if (written !== '') detail.dateWritten = written.slice(0, 120);
  }

  const counts = numbers.filter(
    (n) => !n.notACount && n.value <= MAX_COUNT && !spans.some((s) => n.start < s.to && n.end > s.from) && !NOT_EXACT.test(f.slice(Math.max(0, n.start - 16), n.start)),
  );
  // The tokens numbers stand on: a qualifier after one number is never read past another (« dont dix en QPV »).
  const numberAt = new Set<number>();
  for (const n of numbers) for (let t = n.firstToken; t <= n.lastToken; t++) numberAt.add(t);
  const bound = new Set<FoundNumber>();
  const set = (field: CountField | null, n: FoundNumber) => {
    if (field === null || statement[field] !== undefined) return;
    statement[field] = n.value;
    bound.add(n);
  };

  // 1. « parents : 14 », « nombre d'enfants = 20 »: a noun, a colon, a number.
  for (const n of counts) {
    const before = reverseNoun(f, tokens, numberAt, n, true);
    if (before) set(fieldFor(before.noun, before.qualifier), n);
  }
  // 2. « 14 parents », « douze familles », « dont 6 du quartier prioritaire », « 4 familles monoparentales ».
  // The last plain count read, where its noun ends: « 9 mamans et 2 papas » add up to 11 parents.
  const last: { plain?: { field: CountField; noun: string; nounEnd: number } } = {};
  // « 2 ateliers »: sessions counted by the kind of action, kept apart from « 3 séances » (see SESSIONS_BY_KIND).
  const sessionsByKind: number[] = [];
  for (const n of counts) {
    if (bound.has(n)) continue;
    let i = n.lastToken + 1;
    let skipped = 0;
    while (skipped < 2 && i < tokens.length && FILLERS.has(tokens[i].word) && nounAt(tokens, i) === null) {
      i++;
      skipped++;
    }
    if (tokens[i] !== undefined && APPROXIMATE_NOUN.test(tokens[i].word)) continue;
    // « jeunes » is a filler before a noun (« 12 jeunes enfants »), a noun alone (« 12 jeunes »).
    if (skipped > 0 && nounAt(tokens, i) === null && tokens[i - 1].word === 'jeunes') i--;
    const noun = nounAt(tokens, i);
    const partOf = PART_OF.has(tokens[n.firstToken - 1]?.word ?? '');
    const qualifier = qualifierAfter(f, tokens, noun === null ? n.lastToken + 1 : i + 1, numberAt, partOf);
    // « un café des parents »: an article is a count only right before its noun, or as the part of a whole
    // (« dont une en QPV »).
    if (n.article && !(noun !== null && i === n.lastToken + 1) && !(partOf && qualifier !== null)) continue;
    const field = fieldFor(noun, qualifier);
    if (field !== null && partOf && qualifier === null && noun !== null) continue;
    if (field === 'sessions' && SESSIONS_BY_KIND.has(tokens[i].word)) {
      if (!n.article) sessionsByKind.push(n.value);
      bound.add(n);
      continue;
    }
    // A count of a field already given, joined to it by another noun (« 9 mamans et 2 papas », « 5 enfants, 3
    // bébés »): one whole. The same noun twice (« 12 enfants et 14 enfants ») is not added: the first stands.
    const joined = field !== null && qualifier === null && noun !== null && !partOf && last.plain?.field === field && last.plain.noun !== tokens[i].word && ADDS_UP.test(f.slice(last.plain.nounEnd, n.start));
    if (joined && field !== null && statement[field] !== undefined) {
      statement[field] = Math.min(MAX_COUNT, (statement[field] as number) + n.value);
      bound.add(n);
    } else set(field, n);
    if (field !== null && qualifier === null && noun !== null && !partOf && bound.has(n)) last.plain = { field, noun: tokens[i].word, nounEnd: tokens[i].end };
    else delete last.plain;
  }
  // « 2 ateliers » are the sessions, unless séances say otherwise (« 2 ateliers de 3 séances »): then the form asks.
  const byKind = new Set(sessionsByKind);
  if (byKind.size === 1 && statement.sessions === undefined) statement.sessions = sessionsByKind[0];
  else if (byKind.size > 1 || (byKind.size === 1 && statement.sessions !== undefined && !byKind.has(statement.sessions))) delete statement.sessions;
  // 3. « parents 14 », at the end or before another noun's count: a noun, then its number.
  for (const n of counts) {
    if (bound.has(n) || n.article) continue;
    const before = reverseNoun(f, tokens, numberAt, n, false);
    if (before) set(fieldFor(before.noun, before.qualifier), n);
  }
  // 4. « aucun enfant », « pas de parents QPV », « no children »: none.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i].word;
    const none = NONE_WORDS.has(word) || (word === 'pas' && (tokens[i + 1].word === 'de' || tokens[i + 1].word === 'd'));
    if (!none) continue;
    const at = word === 'pas' ? i + 2 : i + 1;
    const noun = nounAt(tokens, at);
    const qualifier = qualifierAfter(f, tokens, noun === null ? at : at + 1, numberAt);
    const field = fieldFor(noun, qualifier);
    if (field !== null && statement[field] === undefined && (noun !== null || qualifier !== null)) statement[field] = 0;
  }
  return detail;
}

/** The noun a number follows: « parents : 14 » (strong: with a colon or an equals sign), « parents 14 ». */
function reverseNoun(text: string, tokens: readonly Token[], numberAt: ReadonlySet<number>, n: FoundNumber, strong: boolean): { noun: Noun; qualifier: 'qpv' | 'singleParent' | null } | null {
  const previous = n.firstToken - 1;
  if (previous < 0) return null;
  const gap = text.slice(tokens[previous].end, n.start);
  if (strong ? !/^\s*[:=]\s*$/.test(gap) : !/^\s*$/.test(gap)) return null;
  // Back over the qualifier to the noun: « parents QPV : 6 », « familles monoparentales : 4 »; not over « de »
  // (« enfants de 3 à 6 ans » gives no count of children).
  if (!strong && nounAt(tokens, previous) === null && !QUALIFIER_ENDS.has(tokens[previous].word)) return null;
  for (let i = previous; i >= 0 && i >= previous - 5; i--) {
    const noun = nounAt(tokens, i);
    if (noun !== null) return { noun, qualifier: qualifierAfter(text, tokens, i + 1, numberAt) };
    if (!QUALIFIER_WORDS.has(tokens[i].word)) return null;
  }
  return null;
}

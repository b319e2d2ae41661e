import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Language } from '../../src/language/text';
import { escapeMarkdown } from '../../src/language/markdown';
import { fold } from '../../src/language/text';
import { datesText, KIND_LABELS, reportTexts as t, summaryLabels } from '../../src/messages/reports';
import type { TurnReading } from '../../src/reading';
import { IsoDateSchema, REPORT_KINDS, ReportKindSchema, type ReportBody, type ReportKind } from '../../src/reports/model';
import {
  cleanAnswer, mentionsADay, namesSheetUnderDiscussion, readActionDates, readActionDatesInDetail, readCount, readCountFor, readCountNamed, readFormCommand, readReportKind,
  readReportStatementInDetail, readRoughPeriod, readsAsQuestion, saysACorrection, saysNone, valueOfChange, type MonthOfYear, type ReadProblem, type ReportField,
  type RoughPeriod, type WeekdayClash,
} from '../../src/reports/reading';
import { sheetIndicators } from '../../src/reports/sheetIndicators';
import type { Sheet, SheetIndex } from '../../src/sheets';
import { sheetsOnTopic } from '../../src/sheets/answer';
import { sheetName, shorten } from '../../src/sheets/display';
import type { FieldContext, FieldDoubt, FieldOutcome, FormField, FormFields } from '../forms/formRunner';
import type { FieldNote } from '../forms/formState';

/**
 * THE REPORT FORM, as data: the fields a centre fills in for one action (DOMAIN.md « The action report »), in the
 * order they are asked. Each has its question, its re-ask and one reader; the generic runner (dialogs/forms) asks
 * only what is missing and shows a summary to confirm. Typed answers and the whole-form card go through the same
 * readers, so they meet the same refusals.
 */

/** The form's values, keyed as a person names them (« modifier la date », « modifier les partenaires »). */
export interface ReportValues {
  sheet: { sheetId: string; planId: string; sheetCode: string };
  action: string | null;
  kind: ReportKind;
  title: string;
  dates: { start: string; end: string };
  sessions: number;
  parents: number;
  qpvParents: number;
  children: number;
  families: number;
  singleParentFamilies: number;
  partners: string[];
  /** Indicator label → value; null for an indicator the action does not feed (« non concerné »). */
  indicators: Record<string, number | null>;
  comment: string | null;
}

const count = z.number().int().min(0).max(1_000_000);

/** The words a count is tied to in an answer that holds several numbers (« 12 enfants de 3 à 6 ans »). */
const NOUNS = {
  sessions: ['séance', 'séances', 'seance', 'seances', 'session', 'sessions', 'fois', 'rencontre', 'rencontres', 'atelier', 'ateliers', 'workshop', 'workshops'],
  parents: ['parent', 'parents', 'mère', 'mères', 'père', 'pères', 'maman', 'mamans', 'papa', 'papas', 'adulte', 'adultes'],
  qpvParents: ['qpv', 'quartier', 'quartiers', 'prioritaire', 'prioritaires'],
  children: ['enfant', 'enfants', 'child', 'children', 'kid', 'kids', 'bébé', 'bébés', 'ado', 'ados', 'jeune', 'jeunes'],
  families: ['famille', 'familles', 'family', 'families', 'foyer', 'foyers'],
  singleParentFamilies: ['monoparentale', 'monoparentales', 'monoparental', 'single-parent', 'solo'],
} as const;

/**
 * A whole of 0 leaves its parts nothing to count: with no parent there is no QPV parent and no family (each family
 * counts at least one parent who came), with no family no single-parent one. Those questions are not asked (see
 * `applies` below) and their 0 is filled in here; a part given anyway is still checked against its whole.
 */
function zeroPartsOfNothing(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const values = { ...(raw as Record<string, unknown>) };
  if (values.parents === 0) {
    values.qpvParents ??= 0;
    values.families ??= 0;
  }
  if (values.families === 0) values.singleParentFamilies ??= 0;
  return values;
}

const ReportValuesObjectSchema = z
  .object({
    sheet: z.object({ sheetId: z.string().min(1), planId: z.string().min(1), sheetCode: z.string().min(1) }),
    action: z.string().min(1).max(300).nullable(),
    kind: ReportKindSchema,
    title: z.string().trim().min(1).max(300),
    dates: z.object({ start: IsoDateSchema, end: IsoDateSchema }),
    sessions: z.number().int().min(1).max(10_000),
    parents: count,
    qpvParents: count,
    children: count,
    families: count,
    singleParentFamilies: count,
    partners: z.array(z.string().trim().min(1).max(300)).max(50),
    // A sheet with no indicator asked (none, or only the parents count) leaves the key unset: none.
    indicators: z.record(z.string().min(1).max(300), z.number().min(0).max(1_000_000_000).nullable()).default({}),
    comment: z.string().trim().max(2000).nullable(),
  })
  // Refused by the whole form, so the runner asks the part again with these words (see problemOf below).
  .refine((values) => values.qpvParents <= values.parents, { path: ['qpvParents'], message: 'partOfParents' })
  .refine((values) => !(values.parents > 0 && values.families === 0), { path: ['families'], message: 'familiesWithoutParents' })
  .refine((values) => values.families <= values.parents, { path: ['families'], message: 'moreFamiliesThanParents' })
  .refine((values) => values.singleParentFamilies <= values.families, { path: ['singleParentFamilies'], message: 'partOfFamilies' })
  .refine((values) => values.dates.end >= values.dates.start, { path: ['dates'], message: 'endBeforeStart' });

export const ReportValuesSchema = z.preprocess(zeroPartsOfNothing, ReportValuesObjectSchema);

/**
 * More people than this at one session is questioned (« est-ce bien 100000 ? ») rather than stored unread: the
 * largest rooms centres use — a school or town hall for a conférence-débat — hold a few hundred, so 300 a session is
 * already a very large action, and past it a typo (an extra 0, a postcode) is likelier than the count.
 */
export const PLAUSIBLE_PER_SESSION = 300;

/** The report as stored: the form's values in the shape of the export (src/reports/model.ts). */
export function reportBodyOf(values: ReportValues): ReportBody {
  const indicators: Record<string, number> = {};
  for (const [label, value] of Object.entries(values.indicators)) if (value !== null) indicators[label] = value;
  return {
    planId: values.sheet.planId,
    sheetCode: values.sheet.sheetCode,
    action: values.action,
    title: values.title,
    kind: values.kind,
    startDate: values.dates.start,
    endDate: values.dates.end,
    sessions: values.sessions,
    parents: values.parents,
    children: values.children,
    families: values.families,
    qpvParents: values.qpvParents,
    singleParentFamilies: values.singleParentFamilies,
    partners: values.partners,
    indicators,
    comment: values.comment,
  };
}

/** A stored report back into the form's values, to correct it. */
export function valuesOfReport(body: ReportBody, sheet: Sheet | undefined): ReportValues {
  const asked = sheet ? numericIndicators(sheet) : [];
  const indicators: Record<string, number | null> = Object.fromEntries(asked.map((label) => [label, null]));
  Object.assign(indicators, body.indicators);
  // A parents indicator stored as the parents count follows that count again while the report is corrected.
  for (const label of asked) if (countsParents(label) && (indicators[label] === body.parents || indicators[label] === null)) delete indicators[label];
  return {
    sheet: { sheetId: sheet?.id ?? `${body.planId}/${body.sheetCode}`, planId: body.planId, sheetCode: body.sheetCode },
    action: body.action,
    kind: body.kind,
    title: body.title,
    dates: { start: body.startDate, end: body.endDate },
    sessions: body.sessions,
    parents: body.parents,
    qpvParents: body.qpvParents,
    children: body.children,
    families: body.families,
    singleParentFamilies: body.singleParentFamilies,
    partners: body.partners,
    indicators,
    comment: body.comment,
  };
}

/** At most this many of a sheet's indicators are asked: a sheet listing twenty would make the form endless. */
const MAX_ASKED_INDICATORS = 8;

/** The sheet's numeric indicators, as the whole-form card lists them. */
export function numericIndicators(sheet: Sheet): string[] {
  return sheetIndicators(sheet)
    .filter((indicator) => indicator.numeric)
    .slice(0, MAX_ASKED_INDICATORS)
    .map((indicator) => indicator.label);
}

/**
 * An indicator that counts the parents who took part (« Nombre de parents ayant participé à des actions d'entraide
 * entre parents… »): the report's own count of parents is its value, so it is not asked.
 */
export function countsParents(label: string): boolean {
  return /^(?:nombre|nb|nbre|number) (?:de |d'|of )?parents\b/.test(fold(label).replace(/[’']/g, "'").trim());
}

/**
 * The indicators as shown and stored: one that counts the parents takes the parents count, unless the person gave it
 * another value. It is never kept in the form's values, so it follows the parents count when that is changed.
 */
export function withParentsIndicators<V extends Partial<ReportValues>>(values: V, sheet: Sheet | undefined): V {
  if (!sheet || values.parents === undefined) return values;
  const derived = numericIndicators(sheet).filter((label) => countsParents(label) && !(label in (values.indicators ?? {})));
  if (derived.length === 0) return values;
  return { ...values, indicators: { ...(values.indicators ?? {}), ...Object.fromEntries(derived.map((label) => [label, values.parents as number])) } };
}

export interface ReportFormServices {
  sheets: SheetIndex;
}

type Field<K extends keyof ReportValues & string> = FormField<ReportValues, K>;

/**
 * What a person types, as a report may store it: no control characters (a NUL is refused by PostgreSQL) and no lone
 * half of an emoji (both drivers would turn it into U+FFFD), so storing never fails on what was typed.
 */
export function storableText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .trim();
}

/**
 * A free-text answer that is really another question (« qui pilote la PA 3.2.1 ? ») is not taken as the title or
 * the comment: the route table answers it and the form asks its question again.
 */
export function looksLikeAnotherQuestion(reading: TurnReading): boolean {
  return /\?\s*$/.test(reading.text) || reading.safety !== null || reading.command === 'help' || reading.command === 'greeting';
}

/**
 * A message that asks about something (« qui pilote la PA 3.2.1 ? », « combien de parents ont participé aux actions
 * de la PA 2.3.2 cette année ? ») answers none of the form's fields, even when a sheet, a number or a period is in it:
 * it is left to the route table, which answers it, and the form asks its question again. « PA 2.3.2 ? » or « 14 ? »
 * asks nothing: an answer said with a doubt is still the answer.
 */
export function asksSomethingElse(reading: TurnReading): boolean {
  return reading.safety !== null || readsAsQuestion(reading.text);
}

/** What to fix, for each problem the readers find (src/reports/reading). */
const PROBLEM_TEXTS: Record<ReadProblem, Record<Language, string>> = {
  notANumber: t.notANumber,
  approximate: t.approximate,
  tooLarge: t.tooLarge,
  notADate: t.notADate,
  future: t.future,
  endBeforeStart: t.endBeforeStart,
  tooLong: t.tooLong,
};

function problemText(problem: ReadProblem, language: Language): string {
  return (PROBLEM_TEXTS[problem] ?? t.notANumber)[language];
}

/**
 * A count's answer: a number, or what to fix; a question or a remark with no number at all is not an answer. With the
 * field's nouns, the number tied to them wins (« 12 enfants de 3 à 6 ans » is 12 children).
 */
function readCountAnswer(reading: TurnReading, min = 0, nouns?: readonly string[]): FieldOutcome<number> {
  if (asksSomethingElse(reading)) return null;
  // « le 20 décembre » at « Combien de séances ? » is a day, not 20 sessions (a count named with its noun still counts).
  // Only a date in words: « 1.5 » or « 20/12 » are refused as numbers that are not whole.
  const inWords = /\p{L}/u.test(reading.text);
  if (inWords && !(nouns && readCountNamed(reading.text, nouns) !== null) && readActionDates(reading.text, reading.now) !== null) {
    return { problem: t.dateNotACount[reading.language] };
  }
  const outcome = nouns ? readCountFor(reading.text, nouns) : readCount(reading.text);
  const wholeNumber = t.notAWholeNumberFrom[reading.language](min);
  // « le nombre de parents est faux »: a change that says no number is not a wrong number; the count is asked.
  if (outcome === null) return looksLikeAnotherQuestion(reading) || reading.sheets.codes.length > 0 || isAChange(reading.text) ? null : { problem: wholeNumber };
  if ('problem' in outcome) return { problem: outcome.problem === 'notANumber' ? wholeNumber : problemText(outcome.problem, reading.language) };
  if (outcome.value < min) return { problem: t.atLeastOne[reading.language] };
  return { value: outcome.value };
}

type CountKey = 'sessions' | 'parents' | 'qpvParents' | 'children' | 'families' | 'singleParentFamilies';

interface CountOptions {
  min?: number;
  suggestions?: (language: Language) => string[];
  partOf?: 'parents' | 'families';
  nouns?: readonly string[];
  /** Not asked when its whole is 0 (the schema fills in the 0). */
  applies?: (values: Partial<ReportValues>) => boolean;
  /** A rule against the counts already given: what to fix, or null. */
  check?: (value: number, values: Partial<ReportValues>, language: Language) => string | null;
  /** People counted at each session: a count far beyond PLAUSIBLE_PER_SESSION a session is questioned. */
  people?: (language: Language) => string;
}

/** What is wrong with a count given the others, or null: the rules the form's schema also holds. */
export function countProblem(key: CountKey, value: number, values: Partial<ReportValues>, language: Language): string | null {
  const partOf = key === 'qpvParents' ? 'parents' : key === 'singleParentFamilies' ? 'families' : undefined;
  const whole = partOf ? values[partOf] : undefined;
  // A part larger than its whole is refused at once, with both numbers, rather than at the summary.
  if (partOf && whole !== undefined && value > whole) {
    return t.partLargerThanWhole[language](value, whole, (partOf === 'parents' ? t.parentsWord : t.familiesWord)[language]);
  }
  if (key === 'families' && values.parents !== undefined) {
    if (values.parents > 0 && value === 0) return t.familiesWithoutParents[language](values.parents);
    if (value > values.parents) return t.moreFamiliesThanParents[language](value, values.parents);
  }
  return null;
}

function countField<K extends CountKey>(key: K, ask: (language: Language, values: Partial<ReportValues>) => string, options: CountOptions = {}): Field<K> {
  return {
    key,
    ask,
    reask: (language, problem, values) => t.reask[language](problem, ask(language, values)),
    read: (reading, values) => {
      // « 8 enfants » at « combien en QPV ? » answers another count, not this one: its own reader takes it.
      if (countsAnotherField(reading.text, key)) return null;
      const outcome = readCountAnswer(reading, options.min ?? 0, options.nouns);
      if (outcome === null || !('value' in outcome)) return outcome as FieldOutcome<ReportValues[K]>;
      const problem = countProblem(key, outcome.value, values, reading.language);
      if (problem !== null) return { problem };
      const sessions = values.sessions ?? 1;
      if (options.people && outcome.value > PLAUSIBLE_PER_SESSION * sessions) {
        const text = t.muchForSessions[reading.language](outcome.value, options.people(reading.language), sessions);
        return { value: outcome.value as ReportValues[K], doubt: { text, suggestions: [t.yes[reading.language]] } };
      }
      return { value: outcome.value as ReportValues[K] };
    },
    noted: (language, values) => {
      const value = values[key];
      return typeof value === 'number' ? t.noted[language](t.countSaid[language](value, key)) : undefined;
    },
    readsChanges: true,
    ...(options.applies ? { applies: options.applies } : {}),
    ...(options.suggestions ? { suggestions: options.suggestions } : {}),
  };
}

/** Whether a message asks to change a field it names (« modifier la date », « le nombre de parents est faux »). */
function isAChange(text: string): boolean {
  const command = readFormCommand(text);
  return command?.kind === 'edit' && command.field !== null;
}

/**
 * What a change of the field says its new value is: « modifier la date en du 3 au 5 » → « du 3 au 5 »; '' when it
 * says none (« modifier la date »). Any other message is the answer, whole.
 */
function changedTo(text: string, field: ReportField): string {
  const command = readFormCommand(text);
  if (command?.kind !== 'edit' || command.field !== field) return text;
  return valueOfChange(text) ?? text;
}

function textField<K extends 'title'>(key: K, ask: (language: Language) => string, minLength: number): Field<K> {
  return {
    key,
    ask,
    reask: (language, problem) => t.reask[language](problem, ask(language)),
    read: (reading) => {
      if (looksLikeAnotherQuestion(reading) || reading.sheets.codes.length > 0) return null;
      const text = storableText(reading.text);
      // « ok », « oui », « c'est bon » are not a title: the person thinks the form is done.
      if (text.length < minLength || readFormCommand(text)?.kind === 'confirm') return { problem: t.titleTooShort[reading.language] };
      if (text.length > 300) return { problem: t.tooLong[reading.language] };
      return { value: text as ReportValues[K] };
    },
  };
}

/** Which sheet the typed code names; several plans holding it ask for the plan (unless one of them was just offered). */
function readSheet(reading: TurnReading, sheets: SheetIndex, offered: readonly string[] = []): FieldOutcome<ReportValues['sheet']> {
  const code = reading.sheets.codes[0];
  // « qui pilote la PA 3.2.1 ? » names a sheet to ask about it; « c'est pour la PA 2.3.2 » names the report's.
  if (!code || asksSomethingElse(reading)) return null;
  let found = sheets.findByNumber(code);
  const hinted = reading.sheets.planHint?.planIds;
  if (found.length > 1 && hinted && hinted.length > 0) {
    const inPlan = found.filter((sheet) => hinted.includes(sheet.plan.id));
    if (inPlan.length > 0) found = inPlan;
  }
  if (found.length > 1 && found.some((sheet) => offered.includes(sheet.id))) found = found.filter((sheet) => offered.includes(sheet.id));
  if (found.length === 0) return { problem: t.sheetUnknown[reading.language](code.shown) };
  if (found.length > 1) {
    const plans = found.map((sheet) => sheet.plan.title).join(' ; ');
    return { problem: t.sheetInPlans[reading.language](code.shown, plans) };
  }
  const sheet = found[0] as Sheet;
  return { value: { sheetId: sheet.id, planId: sheet.plan.id, sheetCode: sheet.code } };
}

/** The sheet as the form keeps it. */
function sheetValue(sheet: Sheet): ReportValues['sheet'] {
  return { sheetId: sheet.id, planId: sheet.plan.id, sheetCode: sheet.code };
}

/** « PA 2.3.3 — Conforter les actions solidaires… (Schéma de l'AVS du Rhône) »: a sheet as the form names it back. */
function sheetNamed(sheet: Sheet): string {
  return escapeMarkdown(`${shorten(sheetName(sheet), 120)} (${sheet.plan.title})`);
}

/** One sheet found without its code (a subject, « cette fiche », a choice): taken, and said back by its code and title. */
function sheetTaken(sheet: Sheet, language: Language): FieldOutcome<ReportValues['sheet']> {
  return { value: sheetValue(sheet), note: t.sheetTaken[language](sheetNamed(sheet)) };
}

/** Several sheets fit: the choice is offered, numbered, with their codes as quick replies; « 2 » picks the second. */
function sheetChoice(found: readonly Sheet[], text: (list: string) => string): FieldOutcome<ReportValues['sheet']> {
  const list = found.map((sheet, index) => `${index + 1}. ${sheetNamed(sheet)}`).join('\n');
  const codes = found.map((sheet) => sheet.code);
  // Two sheets of one code (in two plans) are told apart by their plans in the quick replies.
  const suggestions = found.map((sheet) => (codes.filter((code) => code === sheet.code).length > 1 ? `${sheet.code} ${sheet.plan.title}` : sheet.code));
  const said = text(list);
  return { problem: said, offer: { text: said, suggestions, keys: found.map((sheet) => sheet.id) } };
}

/** Words before a subject that only point at a sheet: « celle sur », « la fiche qui parle de », « the one about ». */
const SUBJECT_LEAD =
  /^(?:(?:oui|ouais|euh|ben|bah|alors|c'est|c’est|pour|it's|it is|yes|well)[\s,]+)*(?:(?:celle|celui|la fiche|une fiche|fiche|la fiche action|the one|the sheet|one)\s*)?(?:(?:qui (?:parle|traite|porte)|that is|which is)\s+)?(?:sur|about|on|de|concernant|regarding)?\s*/i;

/** The subject as typed, without what points at the sheet: « la fiche sur la médiation familiale » → « la médiation familiale ». */
function subjectAsTyped(text: string): string {
  const subject = text.replace(SUBJECT_LEAD, '').replace(/[\s.!…]+$/u, '').trim();
  return shorten(subject === '' ? text.trim() : subject, 80);
}

/**
 * Whether an answer at « Pour quelle fiche ? » may name a sheet by its subject: it says nothing else of the report (no
 * date, no count: « café des parents le 12 mars, 14 parents » tells the action, not which sheet) and is no command.
 */
function mayNameASubject(reading: TurnReading): boolean {
  if (reading.sheets.codes.length > 0 || reading.command !== null || reading.sheets.topicWords.length === 0 || reading.text.length > 200) return false;
  const { statement } = readReportStatementInDetail(reading.text, reading.now);
  return Object.keys(statement).every((key) => key === 'kind');
}

/** Whether a subject answer points at a sheet in words (« la fiche sur… », « celle sur… »): then it is the form's, found or not. */
function pointsAtASheet(reading: TurnReading): boolean {
  return reading.sheets.sheetWord || /^(?:(?:oui|euh|ben|c'est|c’est|pour)[\s,]+)*(?:celle|celui|the one)\b/i.test(reading.text.trim());
}

/**
 * The answer to « Pour quelle fiche ? »: its code; a rank in the choice just offered (« 2 », « la deuxième »); the sheet
 * being discussed (« cette fiche », after a question on it); or its subject (« celle sur les cafés des parents »),
 * found as a sheet question finds a topic — one clear match is taken and said back, several are offered, none is said.
 */
export function readSheetAnswer(reading: TurnReading, sheets: SheetIndex, context: FieldContext = {}): FieldOutcome<ReportValues['sheet']> {
  if (asksSomethingElse(reading)) return null;
  const language = reading.language;
  const offered = (context.offered ?? []).map((id) => sheets.sheetById(id)).filter((sheet): sheet is Sheet => sheet !== undefined);
  if (offered.length > 0 && reading.sheets.codes.length === 0) {
    const rank = reading.sheets.choice ?? readActionNumber(reading.text);
    const chosen = rank === -1 ? offered[offered.length - 1] : rank !== null && rank >= 1 ? offered[rank - 1] : undefined;
    if (chosen) return sheetTaken(chosen, language);
  }
  const byCode = readSheet(reading, sheets, context.offered ?? []);
  if (byCode !== null) return byCode;
  if (namesSheetUnderDiscussion(reading.text)) {
    const discussed = (context.conversation?.sheets.currentSheetIds ?? []).map((id) => sheets.sheetById(id)).filter((sheet): sheet is Sheet => sheet !== undefined);
    if (discussed.length === 1) return sheetTaken(discussed[0] as Sheet, language);
    if (discussed.length > 1) return sheetChoice(discussed, (list) => t.sheetChoiceDiscussed[language](list));
    return { problem: t.noSheetUnderDiscussion[language] };
  }
  if (!mayNameASubject(reading)) return null;
  const found = sheetsOnTopic(sheets, reading.sheets);
  const about = subjectAsTyped(reading.text);
  if (found.length === 1) return sheetTaken(found[0] as Sheet, language);
  if (found.length > 1) return sheetChoice(found, (list) => t.sheetChoiceAbout[language](about, list));
  return pointsAtASheet(reading) ? { problem: t.sheetNotFoundAbout[language](about) } : null;
}

/** Whether an answer at « Pour quelle fiche ? » names the sheet by its subject or as the one discussed, not by its code. */
export function namesSheetWithoutCode(reading: TurnReading): boolean {
  return reading.sheets.codes.length === 0 && (namesSheetUnderDiscussion(reading.text) || mayNameASubject(reading));
}

/** « Action 2 — Former les professionnels… », as the summary and the export name it. */
export function actionLabel(sheet: Sheet, number: number): string | null {
  const action = sheet.actions.find((candidate) => candidate.number === number);
  if (!action) return null;
  const words = action.title ?? action.items[0] ?? '';
  // Stored and exported as the sheet names it: only a very long first item is cut (the label is at most 300).
  return shorten(`Action ${number} — ${words}`, 290);
}

/** The partners a sheet names, short enough to offer as answers. */
export function sheetPartners(sheet: Sheet): string[] {
  return sheet.sections
    .filter((section) => section.field === 'partners' || section.field === 'pilot')
    .flatMap((section) => section.items.map((item) => item.text))
    .flatMap((text) => text.split(/\s*[,;]\s*|\s+et\s+/))
    .map((text) => text.replace(/[.:]+$/, '').trim())
    // Organisations are written with a capital (« Caf du Rhône », « L'Udaf 69 »); the pieces of a sentence are not.
    .filter((text) => text.length >= 2 && text.length <= 60 && /^(?:l['’])?\p{Lu}/u.test(text));
}

/** A typed partner is written as the sheet writes it when it is the same organisation (« caf » → « CAF du Rhône »). */
function matchPartner(typed: string, known: readonly string[]): string {
  const bare = (name: string) => fold(name).replace(/^(?:l'|la |le |les )/, '').trim();
  const folded = bare(typed);
  const exact = known.find((name) => bare(name) === folded);
  if (exact) return exact;
  const naming = known.filter((name) => bare(name).split(/[\s()]+/).includes(folded));
  return naming.length === 1 && folded.length >= 2 ? (naming[0] as string) : typed;
}

/**
 * Dates far back are more often a year typed wrong than an action reported late: past this, they are confirmed.
 * A centre reports within its year (SENACS, the Caf's yearly reviews), so a year is already late.
 */
const FAR_BACK = { months: 12 } as const;

/**
 * A plausible date that is still likely a slip, questioned rather than stored unread: a weekday that is not the date's
 * (« mardi 12 mars », a Thursday) — which of the two is right; a day written without its year taken a year back while
 * this year's is days ahead (« le 20 décembre » on 8 December); or a date more than FAR_BACK before today, in Paris.
 */
export function datesDoubt(
  dates: { start: string; end: string },
  said: { weekdayClash?: WeekdayClash; sameDayAhead?: string },
  now: DateTime,
  language: Language,
): FieldDoubt | undefined {
  const zone = 'Europe/Paris';
  const today = now.setZone(zone).startOf('day');
  const clash = said.weekdayClash;
  if (clash) {
    const date = DateTime.fromISO(clash.date, { zone });
    // The nearest day with the weekday written, not after today: the other date the person may have meant.
    let other = date.plus({ days: ((clash.written - date.weekday + 10) % 7) - 3 });
    if (other > today) other = other.minus({ days: 7 });
    const names = t.weekdays[language];
    const dayMonth = (day: DateTime) => day.setLocale(language === 'fr' ? 'fr-FR' : 'en-GB').toFormat('d MMMM');
    // Its year is said when it is not this one: a date without one is read as the most recent such day.
    const otherText = `${names[clash.written - 1]} ${dayMonth(other)}${other.year === today.year ? '' : ` ${other.year}`}`;
    const text = t.weekdayClash[language](`${dayMonth(date)} ${date.year}`, names[date.weekday - 1] as string, names[clash.written - 1] as string, otherText);
    return { text, suggestions: [t.yes[language], otherText] };
  }
  if (said.sameDayAhead) {
    // « le 20 décembre » said on 8 December: last year's, as the rule goes, but this year's is days ahead.
    const ahead = datesText(said.sameDayAhead, said.sameDayAhead, language);
    return { text: t.datesSameDayAhead[language](datesText(dates.start, dates.end, language), ahead), suggestions: [t.yes[language], t.no[language]] };
  }
  if (DateTime.fromISO(dates.start, { zone }) < today.minus(FAR_BACK)) {
    return { text: t.datesFarBack[language](datesText(dates.start, dates.end, language)), suggestions: [t.yes[language], t.no[language]] };
  }
  return undefined;
}

/** The month a bare day is read in, when the date's last question offered one (« quels jours de novembre ? »). */
function monthOffered(offered: readonly string[] | undefined): MonthOfYear | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(offered?.[0] ?? '');
  return match ? { year: Number(match[1]), month: Number(match[2]) } : undefined;
}

/**
 * « début novembre »: which days of that month, said so; the month is offered, so that « le 3 » or « du 3 au 5 » is
 * read in it.
 */
function roughPeriodOutcome(rough: RoughPeriod, now: DateTime, language: Language): { problem: string; offer: { text: string; suggestions: string[]; keys: string[] } } {
  const first = DateTime.fromObject({ year: rough.year, month: rough.month, day: 1 }, { zone: 'Europe/Paris' });
  const sameYear = first.year === now.setZone('Europe/Paris').year;
  const month = first.setLocale(language === 'fr' ? 'fr-FR' : 'en-GB').toFormat(sameYear ? 'MMMM' : 'MMMM yyyy');
  const text = t.roughPeriod[language](rough.written, month);
  return { problem: text, offer: { text, suggestions: [], keys: [first.toFormat('yyyy-MM')] } };
}

/** The counts a correction may name by their nouns (« en fait il y avait 14 parents »). */
const COUNT_KEYS = ['sessions', 'parents', 'qpvParents', 'children', 'families', 'singleParentFamilies'] as const;

/** The nouns that name a count, its whole's included: « 3 parents » answers « parmi ces parents, combien en QPV ? ». */
const OWN_NOUNS: Record<CountKey, readonly string[]> = {
  sessions: NOUNS.sessions,
  parents: NOUNS.parents,
  qpvParents: [...NOUNS.qpvParents, ...NOUNS.parents],
  children: NOUNS.children,
  families: NOUNS.families,
  singleParentFamilies: [...NOUNS.singleParentFamilies, ...NOUNS.families],
};

/** Whether the message ties its number to another count's nouns and none to this one's (« 8 enfants » for QPV parents). */
function countsAnotherField(text: string, key: CountKey): boolean {
  if (readCountNamed(text, OWN_NOUNS[key]) !== null) return false;
  return COUNT_KEYS.some((other) => other !== key && !OWN_NOUNS[key].some((noun) => NOUNS[other].includes(noun as never)) && readCountNamed(text, NOUNS[other]) !== null);
}

/**
 * The fields a message at the summary gives a new value in plain words: « en fait il y avait 14 parents », « non
 * c'était 3 séances », « finalement 8 enfants » (a count tied to the field's nouns), « c'était le 5 mars pas le 12 »
 * (a date) — said as a correction (« en fait », « finalement », « c'était »…). Each is then read by its own field,
 * with its refusals (a part larger than its whole).
 */
export function fieldsSaidAgain(reading: TurnReading): Array<keyof ReportValues & string> {
  // « du 3 au 5 novembre » alone at the summary says no change: it is not understood, and what to say is said.
  if (asksSomethingElse(reading) || reading.text.length > 500 || !saysACorrection(reading.text)) return [];
  const keys: Array<keyof ReportValues & string> = [];
  if (readActionDates(reading.text, reading.now) !== null) keys.push('dates');
  // A count tied to a field's nouns, or to a noun and its qualifier (« 20 parents en QPV » are QPV parents).
  const { statement } = readReportStatementInDetail(reading.text, reading.now);
  for (const key of COUNT_KEYS) if (readCountNamed(reading.text, NOUNS[key]) !== null || statement[key] !== undefined) keys.push(key);
  return keys;
}

export function reportFields(services: ReportFormServices): FormFields<ReportValues> {
  const sheetOf = (values: Partial<ReportValues>): Sheet | undefined => (values.sheet ? services.sheets.sheetById(values.sheet.sheetId) : undefined);
  // The indicators asked one by one: not one that counts the parents, which takes the parents count.
  const indicatorsOf = (values: Partial<ReportValues>) => {
    const sheet = sheetOf(values);
    return sheet ? numericIndicators(sheet).filter((label) => !countsParents(label)) : [];
  };
  const nextIndicator = (values: Partial<ReportValues>) => indicatorsOf(values).find((label) => !(label in (values.indicators ?? {})));

  const sheet: Field<'sheet'> = {
    key: 'sheet',
    ask: (language) => t.askSheet[language],
    reask: (language, problem) => t.reask[language](problem || t.sheetNotRecognised[language], t.askSheetByCodeOrSubject[language]),
    read: (reading, _values, context) => readSheetAnswer(reading, services.sheets, context),
    alsoClears: ['action', 'indicators', 'partners'],
  };

  const action: Field<'action'> = {
    key: 'action',
    applies: (values) => (sheetOf(values)?.actions.length ?? 0) > 0,
    ask: (language, values) => {
      const list = (sheetOf(values)?.actions ?? []).map((candidate) => `${candidate.number}. ${shorten(candidate.title ?? candidate.items[0] ?? '', 90)}`);
      return t.askAction[language](list.join('\n'));
    },
    reask: (language, problem, values) => t.reask[language](problem, action.ask(language, values)),
    read: (reading, values) => {
      const found = sheetOf(values);
      if (!found || asksSomethingElse(reading)) return null;
      if (saysNone(reading.text)) return { value: null };
      const number = readActionNumber(reading.text);
      if (number === null) return looksLikeAnotherQuestion(reading) || reading.sheets.codes.length > 0 ? null : { problem: t.actionUnknown[reading.language] };
      const label = actionLabel(found, number);
      return label ? { value: label } : { problem: t.actionUnknown[reading.language] };
    },
    suggestions: (language, values) => [
      ...(sheetOf(values)?.actions ?? []).slice(0, 5).map((candidate) => String(candidate.number)),
      t.noParticularAction[language],
    ],
  };

  const kind: Field<'kind'> = {
    key: 'kind',
    ask: (language) => t.askKind[language],
    reask: (language, problem) => t.reask[language](problem, t.askKind[language]),
    read: (reading) => {
      if (asksSomethingElse(reading)) return null;
      const found = readReportKind(reading.text) ?? kindByLabel(reading.text);
      if (found) return { value: found };
      return looksLikeAnotherQuestion(reading) || reading.sheets.codes.length > 0 ? null : { problem: t.kindUnknown[reading.language] };
    },
    suggestions: (language) => ['groupe-de-parole', 'cafe-des-parents', 'atelier-parents-enfants', 'conference-debat', 'autre'].map((id) => KIND_LABELS[id as ReportKind][language]),
  };

  const title = textField('title', (language) => t.askTitle[language], 3);

  const dates: Field<'dates'> = {
    key: 'dates',
    ask: (language) => t.askDates[language],
    reask: (language, problem) => t.reask[language](problem, t.askDates[language]),
    read: (reading, values, context) => {
      // « combien de parents… cette année ? » holds a period, and asks for figures.
      if (asksSomethingElse(reading)) return null;
      const language = reading.language;
      // « modifier la date en du 3 au 5 »: the new value; « modifier la date », « la date est fausse » say none.
      const text = changedTo(reading.text, 'dates');
      if (text !== reading.text && !mentionsADay(text)) return null;
      const { dates: outcome, sameDayAhead } = readActionDatesInDetail(text, reading.now, monthOffered(context?.offered));
      if (outcome === null) {
        const rough = readRoughPeriod(text, reading.now);
        if (rough) return roughPeriodOutcome(rough, reading.now, language);
        return looksLikeAnotherQuestion(reading) || reading.sheets.codes.length > 0 ? null : { problem: t.notADate[language] };
      }
      if ('problem' in outcome) return { problem: problemText(outcome.problem, language) };
      if (isToldPeriodForOneDay(text, outcome, values.kind)) return { problem: t.periodForOneDay[language](datesText(outcome.start, outcome.end, language)) };
      const value = { start: outcome.start, end: outcome.end };
      const doubt = datesDoubt(value, { weekdayClash: outcome.weekdayClash, sameDayAhead }, reading.now, language);
      return doubt ? { value, doubt } : { value };
    },
    noted: (language, values) => (values.dates ? t.noted[language](datesText(values.dates.start, values.dates.end, language)) : undefined),
    readsChanges: true,
  };

  const partners: Field<'partners'> = {
    key: 'partners',
    ask: (language) => t.askPartners[language],
    reask: (language, problem) => t.reask[language](problem, t.askPartners[language]),
    read: (reading, values) => {
      if (saysNone(reading.text)) return { value: [] };
      if (looksLikeAnotherQuestion(reading) || reading.sheets.codes.length > 0) return null;
      const known = sheetOf(values) ? sheetPartners(sheetOf(values) as Sheet) : [];
      // « oui la caf du rhone et l'udaf 69 »: the names, without the « oui » that came first.
      const typed = storableText(cleanAnswer(reading.text))
        .split(/\s*[,;\n]\s*|\s+(?:et|and)\s+/i)
        .map((name) => name.trim())
        .filter((name) => name.length > 0);
      if (typed.some((name) => name.length > 300) || typed.length > 50) return { problem: t.tooLong[reading.language] };
      // « -1 », « 12 », « ??? » name no organisation: a partner is written with letters.
      const nameless = typed.find((name) => !/\p{L}/u.test(name));
      if (nameless !== undefined) return { problem: t.partnerNeedsLetters[reading.language](nameless) };
      return { value: [...new Set(typed.map((name) => matchPartner(name, known)))] };
    },
    suggestions: (language, values) => [...(sheetOf(values) ? sheetPartners(sheetOf(values) as Sheet).slice(0, 4) : []), t.none[language]],
  };

  const indicators: Field<'indicators'> = {
    key: 'indicators',
    applies: (values) => indicatorsOf(values).length > 0,
    filled: (values) => nextIndicator(values) === undefined,
    ask: (language, values) => t.askIndicator[language](nextIndicator(values) ?? ''),
    reask: (language, problem, values) => t.reask[language](problem, indicators.ask(language, values)),
    read: (reading, values) => {
      const label = nextIndicator(values);
      if (label === undefined) return null;
      const so_far = values.indicators ?? {};
      if (saysNone(reading.text) || /\b(passer|skip)\b/i.test(fold(reading.text))) {
        return { value: { ...so_far, [label]: null } };
      }
      const outcome = readCountAnswer(reading);
      if (outcome === null || 'problem' in outcome) return outcome;
      return { value: { ...so_far, [label]: outcome.value } };
    },
    suggestions: (language) => [t.notConcerned[language]],
  };

  const comment: Field<'comment'> = {
    key: 'comment',
    ask: (language) => t.askComment[language],
    reask: (language, problem) => t.reask[language](problem, t.askComment[language]),
    read: (reading) => {
      // « c'est tout », « ok », « confirmer » to « un commentaire ? »: no comment, not a comment saying « ok ».
      if (saysNone(reading.text) || readFormCommand(reading.text)?.kind === 'confirm') return { value: null };
      if (looksLikeAnotherQuestion(reading) || reading.sheets.codes.length > 0) return null;
      const text = storableText(reading.text);
      if (text === '') return { value: null };
      return text.length > 2000 ? { problem: t.tooLong[reading.language] } : { value: text };
    },
    suggestions: (language) => [t.none[language]],
  };

  return [
    sheet,
    action,
    kind,
    title,
    dates,
    countField('sessions', (language) => t.askSessions[language], { min: 1, suggestions: () => ['1'], nouns: NOUNS.sessions }),
    countField('parents', (language) => t.askParents[language], { nouns: NOUNS.parents, people: (language) => summaryLabels.parents[language].toLowerCase() }),
    countField('qpvParents', (language, values) => t.askQpvParents[language](values.parents ?? 0), {
      suggestions: () => ['0'], partOf: 'parents', nouns: NOUNS.qpvParents, applies: (values) => values.parents !== 0,
    }),
    countField('children', (language) => t.askChildren[language], { suggestions: () => ['0'], nouns: NOUNS.children, people: (language) => summaryLabels.children[language].toLowerCase() }),
    countField('families', (language) => t.askFamilies[language], {
      nouns: NOUNS.families, applies: (values) => values.parents !== 0, people: (language) => summaryLabels.families[language].toLowerCase(),
    }),
    countField('singleParentFamilies', (language, values) => t.askSingleParentFamilies[language](values.families ?? 0), {
      suggestions: () => ['0'], partOf: 'families', nouns: NOUNS.singleParentFamilies, applies: (values) => values.families !== 0 && values.parents !== 0,
    }),
    partners,
    indicators,
    comment,
  ];
}

/** A kind given by its label (a quick reply, the card's choice), in either language. */
function kindByLabel(text: string): ReportKind | null {
  const folded = fold(text).trim();
  if (folded === '') return null;
  for (const id of REPORT_KINDS) {
    if (fold(KIND_LABELS[id].fr) === folded || fold(KIND_LABELS[id].en) === folded || id === folded) return id;
  }
  // The start of one label only (« groupe », « conference »), as a person answers a list of choices.
  const starting = REPORT_KINDS.filter((id) => folded.length >= 4 && (fold(KIND_LABELS[id].fr).startsWith(folded) || fold(KIND_LABELS[id].en).startsWith(folded)));
  return starting.length === 1 ? (starting[0] as ReportKind) : null;
}

/** The words the runner says when the whole form refuses a value (a part larger than its whole). */
export function wholeFormProblem(message: string, values: Partial<ReportValues>, language: Language): string {
  if (message === 'partOfParents') return t.partLargerThanWhole[language](values.qpvParents ?? 0, values.parents ?? 0, t.parentsWord[language]);
  if (message === 'partOfFamilies') return t.partLargerThanWhole[language](values.singleParentFamilies ?? 0, values.families ?? 0, t.familiesWord[language]);
  if (message === 'endBeforeStart') return t.endBeforeStart[language];
  if (message === 'familiesWithoutParents') return t.familiesWithoutParents[language](values.parents ?? 0);
  if (message === 'moreFamiliesThanParents') return t.moreFamiliesThanParents[language](values.families ?? 0, values.parents ?? 0);
  return message;
}


/** « première », « 2e », « troisième »: an action named by its rank. */
const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['premiere', 1], ['premier', 1], ['1ere', 1], ['1er', 1], ['first', 1], ['deuxieme', 2], ['seconde', 2], ['second', 2], ['2e', 2], ['2eme', 2],
  ['troisieme', 3], ['third', 3], ['3e', 3], ['3eme', 3], ['quatrieme', 4], ['fourth', 4], ['4e', 4], ['4eme', 4], ['cinquieme', 5], ['fifth', 5],
  ['5e', 5], ['5eme', 5], ['sixieme', 6], ['sixth', 6], ['6e', 6], ['6eme', 6], ['septieme', 7], ['7e', 7], ['huitieme', 8], ['8e', 8],
  ['neuvieme', 9], ['9e', 9], ['dixieme', 10], ['10e', 10],
]);
/** What may stand around an action's number in an answer: « l'action 3 », « la n° 2 », « action numéro trois ». */
const AROUND_AN_ACTION_NUMBER = /\b(?:c'est|c est|it's|it is|l|la|le|action|n|no|numero|number|the|plutot|pour)\b|[°#.:,!]/g;

/**
 * The number of a sheet's action in an answer: « 3 », « trois », « l'action 3 », « action n° 2 », « la troisième »;
 * read like a count (src/reports/reading), so a number cut out of a longer token is none. Null when none is said.
 */
export function readActionNumber(text: string): number | null {
  const folded = fold(text).replace(/[’']/g, "'").trim();
  const quick = /^\s*(?:l'|la\s+|action\s+|n°\s*)*(\d{1,2})(?:\s*[-—.:)]\s|\s*$)/.exec(folded);
  if (quick) return Number(quick[1]);
  const words = folded.replace(/'/g, ' ').replace(AROUND_AN_ACTION_NUMBER, ' ').trim();
  const ordinal = words.split(/\s+/).map((word) => ORDINALS.get(word)).find((value) => value !== undefined);
  if (ordinal !== undefined && words.split(/\s+/).length <= 2) return ordinal;
  if (words === '' || words.split(/\s+/).length > 4) return null;
  const count = readCount(words);
  return count !== null && 'value' in count && count.value >= 1 && count.value <= 99 ? count.value : null;
}

/** « pour la PA 2.3.2 action 3 », « l'action deux de la PA 2.3.2 », « la troisième action »: the action a sentence names. */
function actionNamedIn(text: string): number | null {
  const folded = fold(text).replace(/[’']/g, "'");
  const after = /\baction\s+(?:n°\s*|no\.?\s*|numero\s+|number\s+)?([a-z0-9-]+)/.exec(folded);
  if (after) {
    const number = readActionNumber(after[1] as string);
    if (number !== null) return number;
  }
  const before = /\b([a-z0-9]+)\s+action\b/.exec(folded);
  return before ? (ORDINALS.get(before[1] as string) ?? null) : null;
}

/** Words that name an organisation when a sentence says « avec … » (« avec la Caf », « avec l'Udaf 69 »). */
const ORGANISATION_WORDS = /^(?:caf|udaf|msa|ccas|pmi|mds|mdm|mdr|clas|reaap|acepp|carsat|epci|ctg|clp|departement|metropole|mairie|ville|commune|association|asso|centre|ecole|college|lycee|creche|mediatheque|bibliotheque|maison|service|conseil|federation|mission|pole|relais|protection|education|caisse|union|secours|croix|planning|cidff|apprentis|ddcs|evs)$/;
/** Where a clause about partners stops: punctuation, a count, another part of the report. */
const PARTNERS_END =
  /[.;!?\n]|,\s*(?:\d|on|nous|pour|dont|hier|le \d|la semaine)|\s+(?:pour|dont|on|nous|hier|depuis|lors|car|mais|qui|avec|with|for)\b|\s+(?:le|les|du|au|la|on the)\s+(?:\d|semaine|mois|pa\b|fiche)|\s+\d/i;

/**
 * The partners a first sentence names: « partenaire : l'Udaf », « partenaires la Caf et la MSA », « avec la Caf ».
 * After « partenaire(s) » any name is taken; after « avec » only one that is an organisation — one of the sheet's
 * partners, or a name that says so (« la Caf », « l'Udaf 69 », « la mairie ») — not « avec les parents ».
 */
export function partnersNamedIn(text: string, known: readonly string[]): string[] {
  const found: string[] = [];
  const source = text.length > 2_000 ? text.slice(0, 2_000) : text;
  const clauses = /(?<![\p{L}\p{N}])(partenaires?|partners?|avec|with)(?![\p{L}\p{N}])\s*:?\s*/giu;
  for (let match = clauses.exec(source); match !== null; match = clauses.exec(source)) {
    const rest = source.slice(match.index + match[0].length);
    const end = PARTNERS_END.exec(rest);
    const clause = (end ? rest.slice(0, end.index) : rest).replace(/\s*,\s*$/, '');
    const named = /^part/i.test(match[1] as string);
    for (const piece of clause.split(/\s*,\s*|\s+(?:et|and)\s+/)) {
      const name = storableText(piece).replace(/[.:]+$/, '').trim();
      if (name.length < 2 || name.length > 80 || !/\p{L}/u.test(name)) continue;
      const matched = matchPartner(name, known);
      const firstWord = fold(name).replace(/^(?:l'|l’|la |le |les |the )/, '').split(/[\s'’-]+/)[0] ?? '';
      if (named || matched !== name || ORGANISATION_WORDS.test(firstWord)) found.push(matched === name ? name.replace(/^(?:la|le|les|the)\s+/i, '').replace(/^l['’]/i, '') : matched);
    }
  }
  return [...new Set(found.map((name) => name.charAt(0).toUpperCase() + name.slice(1)))];
}

/** A first message as the form takes it: what it says, and what it said that was not taken, with why. */
export interface FirstMessage {
  values: Partial<ReportValues>;
  /** One reason a line (« 40 en QPV, c'est plus que les 30 parents déclarés »): said at once, not dropped unsaid. */
  notTaken: string[];
  /**
   * What it said of a field that the field must still deal with, by key: dates refused (said again with the date's
   * question), or dates kept with a doubt (asked when the form comes to them). See FormState.notes.
   */
  notes: Partial<Record<keyof ReportValues & string, FieldNote>>;
  /** The « not taken » line of a refusal kept in `notes`: said at once unless its field is the next one asked. */
  noted: Partial<Record<keyof ReportValues & string, string>>;
}

/** Kinds held on one day: a week or a month told for one of them is not its date. */
const ONE_DAY_KINDS: ReadonlySet<ReportKind> = new Set(['conference-debat', 'sortie-familiale']);
/** A period told rather than dated: « la semaine dernière », « le mois dernier », « en novembre ». */
const TOLD_PERIOD = /\b(?:semaine|week|mois|month|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)\b/;

/**
 * « la semaine dernière », « en novembre » for a conférence-débat or an outing: a period told for an action held on
 * one day is not its date — the day is asked. A period written with its ends (« du 3 au 5 novembre ») is one.
 */
function isToldPeriodForOneDay(text: string, dates: { start: string; end: string }, kind: ReportKind | undefined): boolean {
  if (dates.start === dates.end || kind === undefined || !ONE_DAY_KINDS.has(kind)) return false;
  const folded = fold(text);
  return TOLD_PERIOD.test(folded) && !/\b(?:du|from|entre|between|au|to)\s+\d/.test(folded);
}

/**
 * Everything a first message (or an answer saying more than was asked) tells of the report: the sheet and its action,
 * the kind, the dates, the counts, the partners. `known` are the values the form already holds: a part is checked
 * against a whole given earlier. A fact that breaks a rule is not taken, and said with why, so the person is not
 * asked later without knowing what became of what they said.
 */
export function readFirstMessage(reading: TurnReading, sheets: SheetIndex, known: Partial<ReportValues> = {}): FirstMessage {
  const language = reading.language;
  const values: Partial<ReportValues> = {};
  const notTaken: string[] = [];
  const notes: FirstMessage['notes'] = {};
  const noted: FirstMessage['noted'] = {};
  const { statement, dateWritten, weekdayClash, sameDayAhead, roughPeriod } = readReportStatementInDetail(reading.text, reading.now);
  const sheetOutcome = readSheet(reading, sheets);
  const sheet = sheetOutcome && 'value' in sheetOutcome ? sheets.sheetById(sheetOutcome.value.sheetId) : undefined;
  if (sheetOutcome && 'value' in sheetOutcome) {
    values.sheet = sheetOutcome.value;
    // « PA 2.3.2 action 3 », « l'action trois »: the action too, when the sheet has it.
    const numbers = reading.sheets.actionNumbers;
    const number = actionNamedIn(reading.text) ?? (numbers.length === 1 ? (numbers[0] as number) : null);
    const label = sheet && number !== null ? actionLabel(sheet, number) : null;
    if (label) values.action = label;
  }
  if (statement.kind) values.kind = statement.kind;
  if (statement.startDate && statement.endDate) {
    const dates = { start: statement.startDate, end: statement.endDate };
    if (isToldPeriodForOneDay(reading.text, dates, values.kind ?? known.kind)) notTaken.push(t.periodForOneDay[language](datesText(dates.start, dates.end, language)));
    else {
      values.dates = dates;
      // « mardi 12 mars » (a Thursday), « le 12 mars 2024 »: kept, and asked about when the form comes to the date.
      const doubt = datesDoubt(dates, { weekdayClash, sameDayAhead }, reading.now, language);
      if (doubt) notes.dates = { doubt: doubt.text, ...(doubt.suggestions ? { suggestions: doubt.suggestions } : {}) };
    }
  } else if (statement.dateProblem) {
    // « le 12 mars 2027 » (to come), « du 12 au 10 mars »: refused as a typed date is, and said with why.
    const why = problemText(statement.dateProblem, language);
    const written = dateWritten ?? '';
    notes.dates = { problem: written ? t.dateRefusedAtQuestion[language](written, why) : why };
    noted.dates = written ? t.dateRefused[language](written, why) : why;
  } else if (roughPeriod) {
    // « début novembre »: no day; the date's question asks which days of that month, and reads them in it.
    const asked = roughPeriodOutcome(roughPeriod, reading.now, language);
    notes.dates = { problem: asked.problem, text: asked.offer.text, offered: asked.offer.keys };
    noted.dates = t.dateRefused[language](roughPeriod.written, t.roughPeriodWhy[language]);
  }
  const counts = ['sessions', 'parents', 'qpvParents', 'children', 'families', 'singleParentFamilies'] as const;
  for (const key of counts) {
    const value = statement[key];
    if (value === undefined) continue;
    const problem = countProblem(key, value, { ...known, ...values }, language);
    if (problem === null) values[key] = value;
    else if (key === 'qpvParents' || key === 'singleParentFamilies') {
      const whole = key === 'qpvParents' ? ({ ...known, ...values }.parents as number) : ({ ...known, ...values }.families as number);
      const of = key === 'qpvParents' ? t.parentsWord : t.familiesWord;
      notTaken.push(t.partLargerThanWhole[language](value, whole, of[language]).replace(/^\d+/, t.partSaid[language](value, key)));
    } else notTaken.push(problem);
  }
  const partners = partnersNamedIn(reading.text, sheet ? sheetPartners(sheet) : []);
  if (partners.length > 0) values.partners = partners;
  return { values, notTaken, notes, noted };
}

/** One line of the summary (and of « J'ai compris : … »): the field's key, its label, its value as Markdown. */
export interface ReportFact {
  key: string;
  label: string;
  value: string;
}

/**
 * The values as the summary shows them, in the form's order. What staff typed (title, partners, comment) and what
 * comes from data (a plan's title, an indicator's label) is escaped for Markdown: the summary is Markdown in Web Chat
 * and Teams, and must not turn « **x** » or « ![](http://…) » into bold or a remote image.
 */
export function reportFacts(values: Partial<ReportValues>, sheet: Sheet | undefined, language: Language, all: boolean): ReportFact[] {
  const facts: ReportFact[] = [];
  const add = (key: keyof typeof summaryLabels, value: string | undefined) => {
    if (value !== undefined) facts.push({ key, label: summaryLabels[key][language], value });
  };
  values = withParentsIndicators(values, sheet);
  add('sheet', values.sheet ? escapeMarkdown(sheet ? `${sheet.code} (${sheet.plan.title})` : values.sheet.sheetCode) : undefined);
  if (all || values.action) add('action', values.action === undefined ? undefined : values.action === null ? t.noParticularAction[language] : escapeMarkdown(values.action));
  add('kind', values.kind ? KIND_LABELS[values.kind][language] : undefined);
  add('title', values.title === undefined ? undefined : escapeMarkdown(values.title));
  add('dates', values.dates ? datesText(values.dates.start, values.dates.end, language) : undefined);
  for (const key of ['sessions', 'parents', 'qpvParents', 'children', 'families', 'singleParentFamilies'] as const) {
    add(key, values[key] === undefined ? undefined : String(values[key]));
  }
  add('partners', values.partners === undefined ? undefined : values.partners.length > 0 ? values.partners.map(escapeMarkdown).join(', ') : t.none[language]);
  const indicators = Object.entries(values.indicators ?? {});
  if (indicators.length > 0) {
    add('indicators', indicators.map(([label, value]) => `${escapeMarkdown(label)} : ${value === null ? t.notConcerned[language].toLowerCase() : value}`).join(' ; '));
  }
  if (all) add('comment', values.comment === undefined ? undefined : values.comment === null ? t.none[language] : escapeMarkdown(values.comment));
  return facts;
}

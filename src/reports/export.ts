import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { PARIS } from '../offer/parisTime';
import { fold } from '../language/text';
import type { SheetIndex } from '../sheets/sheetIndex';
import { CODE_PREFIXES } from '../sheets/vocabulary';
import type { Store } from '../storage/store';
import type { IndicatorQuery } from './indicators';
import { type Report, type ReportFilter } from './model';

/**
 * The report export (INTERFACES.md « Report export »), shared by `GET /api/reports` and `npm run admin -- export` so
 * both give the same bytes: which reports a query names, and how they are written as JSON or CSV.
 */

/**
 * The export's fields, in the order of its JSON objects and CSV columns: every field of a stored report. None is
 * private: `submittedBy` is an account key, never a name, and reports hold counts, never families.
 */
export const EXPORT_COLUMNS = [
  'id',
  'planId',
  'sheetCode',
  'action',
  'title',
  'kind',
  'startDate',
  'endDate',
  'sessions',
  'parents',
  'children',
  'families',
  'qpvParents',
  'singleParentFamilies',
  'partners',
  'indicators',
  'comment',
  'structureId',
  'structureName',
  'communeCode',
  'communeName',
  'submittedAt',
  'submittedBy',
  'channelId',
  'version',
  'updatedAt',
] as const satisfies readonly (keyof Report)[];

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportedReport = Pick<Report, ExportColumn>;

/** Compile-time check that the export names every field of a report: a field added to the model must be placed here. */
type Missing = Exclude<keyof Report, ExportColumn>;
const everyFieldExported: [Missing] extends [never] ? true : Missing = true;
void everyFieldExported;

/** How the CSV writes a report's partners in one cell. */
export const PARTNER_SEPARATOR = '; ';

/** The report with the export's fields only, in their order (a field a store added by mistake does not leak). */
export function exportedReport(report: Report): ExportedReport {
  // Spelt out rather than copied column by column, so the compiler checks each field; the tests check the order.
  const r = report;
  return {
    id: r.id,
    planId: r.planId,
    sheetCode: r.sheetCode,
    action: r.action,
    title: r.title,
    kind: r.kind,
    startDate: r.startDate,
    endDate: r.endDate,
    sessions: r.sessions,
    parents: r.parents,
    children: r.children,
    families: r.families,
    qpvParents: r.qpvParents,
    singleParentFamilies: r.singleParentFamilies,
    partners: r.partners,
    indicators: r.indicators,
    comment: r.comment,
    structureId: r.structureId,
    structureName: r.structureName,
    communeCode: r.communeCode,
    communeName: r.communeName,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
    channelId: r.channelId,
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

/** `{"reports": [...]}`, as `GET /api/reports?format=json` answers. */
export function reportsJson(reports: readonly Report[]): string {
  return JSON.stringify({ reports: reports.map(exportedReport) });
}

/**
 * The CSV: UTF-8 with a byte-order mark (so spreadsheets read « é » right), a header row, CRLF line ends (RFC 4180),
 * partners joined by « ; », the indicators as JSON text (one stable column whatever the sheets' indicators; the JSON
 * export is the place for tools). Cells beginning with `=`, `+`, `-`, `@`, a tab or a carriage return are prefixed with
 * `'` by csv-stringify's `escape_formulas`, so a title such as « =HYPERLINK(…) » is shown, not run.
 */
export function reportsCsv(reports: readonly Report[], separator: CsvSeparator = 'comma'): string {
  const rows = reports.map((report) =>
    EXPORT_COLUMNS.map((column): string | number => {
      const value = report[column];
      if (column === 'partners') return report.partners.join(PARTNER_SEPARATOR);
      if (column === 'indicators') return JSON.stringify(report.indicators);
      if (value === null) return '';
      return typeof value === 'number' ? value : String(value);
    }),
  );
  return stringify(rows, {
    bom: true,
    header: true,
    delimiter: separator === 'semicolon' ? ';' : ',',
    columns: [...EXPORT_COLUMNS],
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

/** `maillage-reports-2026-03-12.csv`: the day in Paris. */
export function exportFileName(now: Date, format: ExportFormat): string {
  return `maillage-reports-${DateTime.fromJSDate(now).setZone(PARIS).toISODate()}.${format}`;
}

export const EXPORT_FORMATS = ['json', 'csv'] as const;

/**
 * A spreadsheet opened with French settings splits a CSV on semicolons, not commas (the comma is the decimal sign
 * there): `separator=semicolon` gives partners a file that opens in columns on a double-click.
 */
export const CSV_SEPARATORS = ['comma', 'semicolon'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];
const SEPARATOR_NAMES: ReadonlyMap<string, CsvSeparator> = new Map([[',', 'comma'], [';', 'semicolon'], ['virgule', 'comma'], ['point-virgule', 'semicolon'], ['comma', 'comma'], ['semicolon', 'semicolon']]);
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * What a query of the export names: the store's filter, and the sheet code as typed until it is read against the sheets
 * (resolveSheetNumber), as the bot reads a code: « pa232 », « PA 2.3.2 » and « 2.3.2 » name the same sheet.
 */
export interface ReportQuery {
  format: ExportFormat;
  /** The CSV's cell separator: a comma by default (RFC 4180, what tools read); a semicolon for spreadsheets set up in French. */
  separator?: CsvSeparator;
  filter: ReportFilter;
  /** The sheet's number as typed, « 2.3.2 » or « 232 »: any sheet of that number (narrowed by `plan` when given). */
  sheetNumber?: string;
  /** The prefix typed before it, folded and without spaces or dashes (« pa », « ficheaction »). */
  sheetPrefix?: string;
  /** The sheets of several codes the typed one names (« 2.3.2 » numbering a « PA » and a « FICHE »): a report of any. */
  sheets?: ReadonlyArray<{ planId: string; sheetCode: string }>;
}

/** The parameters both routes and the CLI understand, with what each means (for error messages and `--help`). */
export const QUERY_PARAMETERS = ['format', 'separator', 'plan', 'sheet', 'action', 'structure', 'commune', 'from', 'to'] as const;
export type QueryParameter = (typeof QUERY_PARAMETERS)[number];

/** No control characters: these values go into SQL parameters and logs, never into anything that would need them. */
const plainValue = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .regex(/^[^\p{Cc}\p{Cs}]*$/u, 'no control characters');

/** « PA 2.3.2 », « pa2.3.2 », « FICHE-ACTION 7 », or just « 2.3.2 ». */
const SHEET = /^(?:(\p{L}[\p{L}-]{0,29})\s*)?(\d{1,4}(?:\.\d{1,4}){0,7})$/u;

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((text) => DateTime.fromISO(text, { zone: PARIS }).isValid, 'not a day of the calendar');

// Unknown and repeated parameters are refused before this schema, by name.
const QuerySchema = z
  .object(
    {
      format: z
        .string()
        .transform((text) => text.toLowerCase())
        .pipe(z.enum(EXPORT_FORMATS, 'json or csv'))
        .default('json'),
      separator: z
        .string()
        .transform((text) => SEPARATOR_NAMES.get(text.toLowerCase()) ?? text)
        .pipe(z.enum(CSV_SEPARATORS, 'comma or semicolon'))
        .optional(),
      plan: plainValue(100).optional(),
      sheet: z
        .string()
        .max(60, 'at most 60 characters')
        .transform((text) => text.replace(/\s+/g, ' ').trim())
        .pipe(z.string().regex(SHEET, 'a sheet code such as « PA 2.3.2 » or a number such as « 2.3.2 »'))
        .optional(),
      action: plainValue(300).optional(),
      structure: plainValue(200).optional(),
      commune: z
        .string()
        .transform((text) => text.toUpperCase())
        .pipe(z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, 'an INSEE commune code such as 69123 or 2A004'))
        .optional(),
      from: calendarDate.optional(),
      to: calendarDate.optional(),
    },
  )
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ['to'], message: 'before « from »' });

export type QueryProblem = { field: string; message: string };
export type QueryReading = { ok: true; query: ReportQuery } | { ok: false; problem: QueryProblem };

/**
 * Reads the export's parameters (a URL's query, or the CLI's options turned into pairs). Empty values count as absent
 * (forms send them); a parameter given twice, or unknown, is refused rather than guessed at.
 */
export function readReportQuery(pairs: Iterable<readonly [string, string]>, allowed: readonly QueryParameter[] = QUERY_PARAMETERS): QueryReading {
  const given: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, raw] of pairs) {
    const value = raw.trim();
    if (name in given) return { ok: false, problem: { field: name, message: `${name}: given twice` } };
    given[name] = value;
  }
  for (const name of Object.keys(given)) {
    if (!(allowed as readonly string[]).includes(name)) {
      return { ok: false, problem: { field: name, message: `unknown parameter « ${printable(name)} »; the known ones are ${allowed.join(', ')}` } };
    }
  }
  const present = Object.fromEntries(Object.entries(given).filter(([, value]) => value.length > 0));
  const parsed = QuerySchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'query');
    return { ok: false, problem: { field, message: `${printable(field)}: ${issue?.message ?? 'invalid'}` } };
  }
  const { format, separator, plan, sheet, action, structure, commune, from, to } = parsed.data;
  if (separator !== undefined && format !== 'csv') return { ok: false, problem: { field: 'separator', message: 'separator: only for format=csv' } };
  const filter: ReportFilter = {
    ...(plan ? { planId: plan } : {}),
    ...(action ? { action } : {}),
    ...(structure ? { structureId: structure } : {}),
    ...(commune ? { communeCode: commune } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const query: ReportQuery = { format, filter, ...(separator ? { separator } : {}) };
  if (sheet) {
    const [, prefix, number] = SHEET.exec(sheet) ?? [];
    if (number) query.sheetNumber = number;
    if (prefix) query.sheetPrefix = compactPrefix(prefix);
  }
  return { ok: true, query };
}

/** A parameter name echoed back: short, printable, so an error message stays readable whatever was sent. */
function printable(text: string): string {
  const clean = text.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** « PA », « Fiche-Action », « fiche action » → « pa », « ficheaction »: a prefix as the sheets' index compares them. */
function compactPrefix(prefix: string): string {
  return fold(prefix).replace(/[^a-z]/g, '');
}

/**
 * Whether a typed prefix may stand before a sheet's number, as the bot reads codes (src/sheets/understand.ts): a word of
 * the codes (« fiche », « pa », « fa », « n° »…), a prefix some sheet uses, or one starting with such a word
 * (« fiche-action »). Anything else (« ZZ 2.3.2 ») names no sheet.
 */
function readablePrefix(prefix: string, sheets: SheetIndex): boolean {
  return CODE_PREFIXES.has(prefix) || sheets.usesPrefix(prefix) || [...CODE_PREFIXES].some((word) => word.length > 2 && prefix.startsWith(word));
}

/**
 * The sheet code typed, read against the index as the bot reads a code (`SheetIndex.findByNumber`): « pa232 »,
 * « PA 2.3.2 » and « 2.3.2 » name the same sheets, in the plan when one is given. One code found: the query is by that
 * code, so the indicators name the sheet and show it with zeros. Several codes: the reports of any of those sheets. A
 * code the index does not hold is kept as typed (reports may name a sheet since taken out of the plans).
 */
export function resolveSheetNumber(query: ReportQuery, sheets: SheetIndex | undefined): ReportQuery {
  if (!query.sheetNumber || !sheets) return query;
  const number = query.sheetNumber;
  const prefix = query.sheetPrefix;
  if (prefix !== undefined && !readablePrefix(prefix, sheets)) return query;
  const found = sheets
    .findByNumber({ digits: number.replace(/\./g, ''), ...(number.includes('.') ? { number } : {}), ...(prefix ? { prefix } : {}) })
    .filter((sheet) => !query.filter.planId || sheet.plan.id === query.filter.planId);
  if (found.length === 0) return query;
  const base = { format: query.format, ...(query.separator ? { separator: query.separator } : {}) };
  const codes = new Set(found.map((sheet) => sheet.code));
  if (codes.size === 1) return { ...base, filter: { ...query.filter, sheetCode: [...codes][0] } };
  return { ...base, filter: query.filter, sheets: found.map((sheet) => ({ planId: sheet.plan.id, sheetCode: sheet.code })) };
}

/** The reports a query names, oldest first by start date then reference (the store's order). */
export async function findReports(store: Store, query: ReportQuery): Promise<Report[]> {
  const reports = await store.reports.list(query.filter);
  const named = query.sheets;
  if (named !== undefined) return reports.filter((report) => named.some((sheet) => sheet.planId === report.planId && sameNumber(sheet.sheetCode, report.sheetCode)));
  const number = query.sheetNumber;
  if (!number) return reports;
  // A code the index does not hold: the reports' own codes, compared as typed (« pa232 » is « PA 2.3.2 »).
  return reports.filter((report) => codeAsTyped(report.sheetCode, number, query.sheetPrefix));
}

/** « 2.3.2 » of « PA 2.3.2 ». */
function sheetNumberOf(sheetCode: string): string | undefined {
  return /(\d+(?:\.\d+)*)\s*$/.exec(sheetCode)?.[1];
}

function sameNumber(a: string, b: string): boolean {
  const number = sheetNumberOf(a);
  return number !== undefined && number === sheetNumberOf(b);
}

/**
 * Whether a report's code is the one typed: the same number (or its digits, when a prefix makes « pa232 » a code), and,
 * when a prefix was typed that is not a mere « fiche » or « n° », a code that starts with it.
 */
function codeAsTyped(sheetCode: string, number: string, prefix: string | undefined): boolean {
  const own = sheetNumberOf(sheetCode);
  if (own === undefined) return false;
  const sameDigits = own === number || (prefix !== undefined && !number.includes('.') && own.replace(/\./g, '') === number);
  if (!sameDigits) return false;
  if (prefix === undefined || CODE_PREFIXES.has(prefix)) return true;
  return compactPrefix(sheetCode.slice(0, sheetCode.length - own.length)).startsWith(prefix);
}

/** The same query, as the indicators read it. */
export function indicatorQueryOf(query: ReportQuery): IndicatorQuery {
  const { planId, sheetCode, action, structureId, communeCode, from, to } = query.filter;
  return {
    ...(planId ? { planId } : {}),
    ...(sheetCode ? { sheetCode } : {}),
    ...(action ? { action } : {}),
    ...(structureId ? { structureId } : {}),
    ...(communeCode ? { communeCode } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

import { z } from 'zod';
import type { Logger } from '../log/logger';
import { AuditEntrySchema, CentreSchema, EnrolmentSchema, ReportBodySchema, ReportSchema, type Centre, type EnrolmentStanding, type ReportBody } from '../reports/model';
import { UnstorableReportError } from './errors';

/**
 * Rows of the report tables as they come out of either database, parsed where they enter the program: PostgreSQL
 * gives instants as Date (timestamptz) and BIGINT ids as text, SQLite gives the ISO text it was written with and
 * numbers. A row that does not parse is logged (its table, its reference or key, which columns are wrong, never
 * their values) and left out, so one bad row never takes a whole list down.
 */

const instant = z.union([z.date(), z.string()]).transform((value, context) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    context.addIssue({ code: 'custom', message: 'not an instant' });
    return z.NEVER;
  }
  return date.toISOString();
});

const jsonText = z.string().transform((text, context): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    context.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
});

/** `RPT-<year>-<id, six digits at least>`: made from the row, so unique as the id is. */
export function reportReference(id: number, year: number): string {
  return `RPT-${year}-${String(id).padStart(6, '0')}`;
}

/** The id and year a reference names; null when it is not one (then no report has it). */
export function parseReference(reference: string): { id: number; year: number } | null {
  const match = /^RPT-(\d{4})-(\d{6,15})$/.exec(reference);
  if (!match) return null;
  const id = Number(match[2]);
  // « RPT-2026-0000123 » is not the reference of row 123: only the padding reportReference writes is.
  if (!Number.isSafeInteger(id) || id < 1 || reportReference(id, Number(match[1])) !== reference) return null;
  return { id, year: Number(match[1]) };
}

/** A row's reference for the logs, from its id and year, before the row is known to be valid. */
export function referenceOfRow(row: unknown): string {
  const parsed = z.object({ id: z.coerce.number().int(), reference_year: z.number().int() }).safeParse(row);
  return parsed.success ? reportReference(parsed.data.id, parsed.data.reference_year) : '(no reference)';
}

export const ReportRowSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    reference_year: z.number().int(),
    structure_id: z.string(),
    structure_name: z.string(),
    commune_code: z.string().nullable(),
    commune_name: z.string().nullable(),
    plan_id: z.string(),
    sheet_code: z.string(),
    action: z.string().nullable(),
    title: z.string(),
    kind: z.string(),
    start_date: z.string(),
    end_date: z.string(),
    sessions: z.number(),
    parents: z.number(),
    children: z.number(),
    families: z.number(),
    qpv_parents: z.number(),
    single_parent_families: z.number(),
    partners: jsonText,
    indicators: jsonText,
    comment: z.string().nullable(),
    submitted_at: instant,
    submitted_by: z.string(),
    channel_id: z.string(),
    version: z.number(),
    updated_at: instant,
  })
  .transform((row) => ({
    id: reportReference(row.id, row.reference_year),
    structureId: row.structure_id,
    structureName: row.structure_name,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    planId: row.plan_id,
    sheetCode: row.sheet_code,
    action: row.action,
    title: row.title,
    kind: row.kind,
    startDate: row.start_date,
    endDate: row.end_date,
    sessions: row.sessions,
    parents: row.parents,
    children: row.children,
    families: row.families,
    qpvParents: row.qpv_parents,
    singleParentFamilies: row.single_parent_families,
    partners: row.partners,
    indicators: row.indicators,
    comment: row.comment,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    channelId: row.channel_id,
    version: row.version,
    updatedAt: row.updated_at,
  }))
  .pipe(ReportSchema);

/** The columns ReportRowSchema reads, for the SELECTs. */
export const REPORT_COLUMNS = [
  'id',
  'reference_year',
  'structure_id',
  'structure_name',
  'commune_code',
  'commune_name',
  'plan_id',
  'sheet_code',
  'action',
  'title',
  'kind',
  'start_date',
  'end_date',
  'sessions',
  'parents',
  'children',
  'families',
  'qpv_parents',
  'single_parent_families',
  'partners',
  'indicators',
  'comment',
  'submitted_at',
  'submitted_by',
  'channel_id',
  'version',
  'updated_at',
] as const;

const centreColumns = {
  structure_id: z.string(),
  structure_name: z.string(),
  commune_code: z.string().nullable(),
  commune_name: z.string().nullable(),
};

export const ENROLMENT_COLUMNS = ['id', 'user_key', 'channel_id', 'structure_id', 'structure_name', 'commune_code', 'commune_name', 'enrolled_at'] as const;

const enrolmentColumns = { id: z.string(), user_key: z.string(), channel_id: z.string(), ...centreColumns, enrolled_at: instant };

function enrolmentOfRow(row: z.output<z.ZodObject<typeof enrolmentColumns>>) {
  return {
    id: row.id,
    userKey: row.user_key,
    channelId: row.channel_id,
    structureId: row.structure_id,
    structureName: row.structure_name,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    enrolledAt: row.enrolled_at,
  };
}

export const EnrolmentRowSchema = z.object(enrolmentColumns).transform(enrolmentOfRow).pipe(EnrolmentSchema);

/** The account of an enrolment, as DELETE … RETURNING gives it back when the enrolment is revoked. */
export const RevokedEnrolmentRowSchema = z.object({ user_key: z.string().min(1) }).transform((row) => ({ userKey: row.user_key }));

/**
 * A row of the standing query (reportRepositories.ts), which reads both tables in one statement: `standing` says
 * which one the row comes from; an enrolled row has the enrolment's columns, a revoked one its revoked_at.
 */
export const StandingRowSchema: z.ZodType<EnrolmentStanding> = z.discriminatedUnion('standing', [
  z
    .object({ standing: z.literal('enrolled'), ...enrolmentColumns })
    .transform(enrolmentOfRow)
    .pipe(EnrolmentSchema)
    .transform((enrolment) => ({ kind: 'enrolled' as const, enrolment })),
  z
    .object({ standing: z.literal('revoked'), revoked_at: instant })
    .transform((row) => ({ kind: 'revoked' as const, revokedAt: row.revoked_at })),
]);

/** The centre an invite names, as UPDATE … RETURNING gives it back when the code is used. */
export const InviteCentreRowSchema = z
  .object(centreColumns)
  .transform((row) => ({ structureId: row.structure_id, structureName: row.structure_name, communeCode: row.commune_code, communeName: row.commune_name }))
  .pipe(CentreSchema);

export const AuditRowSchema = z
  .object({ at: instant, actor: z.string(), action: z.string(), subject: z.string(), previous: jsonText.nullable() })
  .pipe(AuditEntrySchema);

export const DraftRowSchema = z
  .object({ user_key: z.string(), body: jsonText, updated_at: instant })
  .transform((row) => ({ userKey: row.user_key, body: row.body, updatedAt: new Date(row.updated_at) }));

export const FailuresRowSchema = z
  .object({ failures: z.number().int().min(0), last_failure_at: instant })
  .transform((row) => ({ failures: row.failures, lastFailureAt: new Date(row.last_failure_at) }));

/**
 * Parses each row; the ones that do not parse are logged and left out. `describe` names a row in the log (its
 * reference, its key) from what the row itself holds, never from user text.
 */
export function decodeRows<T>(rows: readonly unknown[], schema: z.ZodType<T>, table: string, log: Logger, name: (row: unknown) => string): T[] {
  const decoded: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) {
      decoded.push(parsed.data);
      continue;
    }
    log.warn({ table, row: name(row), problems: describeIssues(parsed.error) }, 'unreadable row skipped');
  }
  return decoded;
}

/** The value of one column of a raw row, when it is a short identifier (never a free text column). */
export function columnOf(column: string): (row: unknown) => string {
  return (row) => {
    const value: unknown = typeof row === 'object' && row !== null ? Object.getOwnPropertyDescriptor(row, column)?.value : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : `(no ${column})`;
  };
}

/**
 * Which fields are wrong and how, without the values: the field only, never a path below it (an indicator's label,
 * a record key, is text someone typed), and the issue's code rather than its message.
 */
function describeIssues(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => `${issue.path.length > 0 ? String(issue.path[0]) : '(row)'}: ${issue.code}`))];
}

/**
 * Checks what is about to be stored, before the database sees it: the centre and body against their schemas (a row
 * that would not read back must not be written), and every text for what a database cannot keep as it is (NUL,
 * which PostgreSQL refuses in text; a lone UTF-16 surrogate, which becomes U+FFFD on the way to UTF-8 in both).
 * Returns the parsed (trimmed) body; throws UnstorableReportError naming the fields, never their values.
 */
export function checkStorable(centre: Centre | undefined, body: ReportBody): { centre: Centre | undefined; body: ReportBody } {
  const problems: string[] = [];
  const parsedCentre = centre === undefined ? undefined : CentreSchema.safeParse(centre);
  const parsedBody = ReportBodySchema.safeParse(body);
  if (parsedCentre && !parsedCentre.success) problems.push(...describeIssues(parsedCentre.error).map((problem) => `centre.${problem}`));
  if (!parsedBody.success) problems.push(...describeIssues(parsedBody.error));
  findUnstorableText(centre, 'centre', problems);
  findUnstorableText(body, '', problems);
  if (problems.length > 0 || !parsedBody.success || (parsedCentre && !parsedCentre.success)) throw new UnstorableReportError(problems);
  return { centre: parsedCentre?.data, body: parsedBody.data };
}

/** Lone surrogates: a high one not followed by a low one, or a low one not preceded by a high one. */
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Also used for account keys and channel ids, which go to plain text columns too. Problems are named by the
 * field (`title`, `partners`), never by a key below it: an indicator's label is text someone typed.
 */
export function findUnstorableText(value: unknown, path: string, problems: string[]): void {
  const found = (at: string) => {
    if (!problems.includes(at)) problems.push(at);
  };
  const visit = (item: unknown, field: string): void => {
    if (typeof item === 'string') {
      if (UNSTORABLE_TEXT.test(item)) found(`${field}: contains a NUL character or a lone surrogate`);
    } else if (Array.isArray(item)) {
      for (const element of item) visit(element, field);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, element] of Object.entries(item)) {
        if (UNSTORABLE_TEXT.test(key)) found(`${field}: contains a NUL character or a lone surrogate`);
        visit(element, field);
      }
    }
  };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
  } else {
    visit(value, path || '(value)');
  }
}

import type { Generated } from 'kysely';

/**
 * The report tables as Kysely sees them (created by migrations 4 and 5 in migrations.ts). Instants are written as ISO 8601
 * text on both databases: SQLite keeps them as that text (it orders as time), PostgreSQL reads it into timestamptz
 * and gives back a Date; what comes back is parsed by reportRows.ts, so reads are typed `unknown` there anyway.
 * JSON columns (partners, indicators, draft bodies, an audit line's previous version) are text, not jsonb, for the
 * reason given in migration 1.
 */
export interface ReportTables {
  reports: ReportsTable;
  report_audit: ReportAuditTable;
  report_drafts: ReportDraftsTable;
  enrolment_invites: EnrolmentInvitesTable;
  enrolments: EnrolmentsTable;
  enrolment_failures: EnrolmentFailuresTable;
  revoked_accounts: RevokedAccountsTable;
}

/** The columns naming a centre, as they were when the report was made or the code given. */
interface CentreColumns {
  structure_id: string;
  structure_name: string;
  commune_code: string | null;
  commune_name: string | null;
}

export interface ReportsTable extends CentreColumns {
  /** Given by the database, never reused. BIGINT on PostgreSQL, which pg reads as text. */
  id: Generated<number | string>;
  /** The year (in Paris) it was submitted: the reference is `RPT-<reference_year>-<id>`, made from the row itself. */
  reference_year: number;
  submission_key: string;
  plan_id: string;
  sheet_code: string;
  action: string | null;
  title: string;
  kind: string;
  /** `YYYY-MM-DD`, text on both databases: it compares and orders as the calendar day it is. */
  start_date: string;
  end_date: string;
  sessions: number;
  parents: number;
  children: number;
  families: number;
  qpv_parents: number;
  single_parent_families: number;
  /** JSON array of strings. */
  partners: string;
  /** JSON object, indicator label → number. */
  indicators: string;
  comment: string | null;
  submitted_at: string;
  submitted_by: string;
  channel_id: string;
  version: Generated<number>;
  updated_at: string;
}

export interface ReportAuditTable {
  id: Generated<number | string>;
  at: string;
  actor: string;
  action: string;
  subject: string;
  /** JSON of the report as it was before a correction; null otherwise. */
  previous: string | null;
}

export interface ReportDraftsTable {
  user_key: string;
  body: string;
  updated_at: string;
}

export interface EnrolmentInvitesTable extends CentreColumns {
  code_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

export interface EnrolmentsTable extends CentreColumns {
  id: string;
  user_key: string;
  channel_id: string;
  enrolled_at: string;
}

export interface EnrolmentFailuresTable {
  user_key: string;
  failures: number;
  last_failure_at: string;
}

/** Accounts whose enrolment an administrator revoked, until they enrol again (migration 5 says why a table apart). */
export interface RevokedAccountsTable {
  user_key: string;
  revoked_at: string;
}

/**
 * The database's history, in order. A migration is never edited once shipped: a change is a new entry.
 * Each store runs the missing ones at open, inside a transaction, and records them in schema_migrations.
 * Later issues append here (reports, enrolments); both dialects are written side by side so they stay alike.
 */
export interface Migration {
  id: number;
  name: string;
  sqlite: readonly string[];
  postgres: readonly string[];
}

/** Migration 5's back-fill, the same SQL on both databases: each account whose last enrolment was revoked. */
const REVOKED_BEFORE_MIGRATION_5 = `INSERT INTO revoked_accounts (user_key, revoked_at)
  SELECT enrolled.actor, MAX(revoked.at)
  FROM report_audit revoked
  JOIN report_audit enrolled ON enrolled.subject = revoked.subject AND enrolled.action = 'enrolment.enrolled'
  WHERE revoked.action = 'enrolment.revoked'
    AND NOT EXISTS (SELECT 1 FROM enrolments WHERE enrolments.user_key = enrolled.actor)
  GROUP BY enrolled.actor`;

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'bot state',
    // The value is JSON kept as text, not jsonb: jsonb refuses \u0000 and lone surrogates that a user can type
    // and botbuilder may keep in a dialog's state, while JSON.stringify writes them as plain ASCII escapes.
    sqlite: [
      `CREATE TABLE bot_state (
         key TEXT PRIMARY KEY,
         value TEXT NOT NULL,
         etag TEXT NOT NULL,
         updated_at TEXT NOT NULL
       )`,
    ],
    postgres: [
      `CREATE TABLE bot_state (
         key TEXT PRIMARY KEY,
         value TEXT NOT NULL,
         etag TEXT NOT NULL,
         updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    ],
  },
  {
    id: 2,
    name: 'state expiry and turn leases',
    // The purge of expired state deletes by updated_at. Turn leases serialise a conversation's turns across the
    // instances sharing a PostgreSQL database (src/bot/turnLock.ts); an SQLite file serves one process, which
    // serialises its turns in memory, so it has no lease table.
    sqlite: [`CREATE INDEX bot_state_updated_at ON bot_state (updated_at)`],
    postgres: [
      `CREATE INDEX bot_state_updated_at ON bot_state (updated_at)`,
      `CREATE TABLE turn_leases (
         key TEXT PRIMARY KEY,
         holder TEXT NOT NULL,
         expires_at TIMESTAMPTZ NOT NULL
       )`,
    ],
  },
  {
    id: 3,
    name: 'built-in Direct Line conversations',
    // Only PostgreSQL: there several instances serve one widget, so its conversations must be shared (see
    // src/directline/postgresTranscripts.ts). An SQLite file serves one process, which keeps them in memory.
    // last_sequence is the watermark, raised by the statement that inserts the activity; bodies are JSON as
    // text, not jsonb, for the reason given in migration 1.
    sqlite: [],
    postgres: [
      `CREATE TABLE directline_conversations (
         id TEXT PRIMARY KEY,
         user_id TEXT NOT NULL,
         locale TEXT,
         spoken BOOLEAN NOT NULL DEFAULT false,
         last_sequence INTEGER NOT NULL DEFAULT 0,
         activity_count INTEGER NOT NULL DEFAULT 0,
         bytes BIGINT NOT NULL DEFAULT 0,
         started_at TIMESTAMPTZ NOT NULL,
         last_active_at TIMESTAMPTZ NOT NULL
       )`,
      `CREATE INDEX directline_conversations_eviction ON directline_conversations (spoken, last_active_at)`,
      `CREATE INDEX directline_conversations_idle ON directline_conversations (last_active_at)`,
      `CREATE TABLE directline_activities (
         conversation_id TEXT NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
         sequence INTEGER NOT NULL,
         body TEXT NOT NULL,
         bytes INTEGER NOT NULL,
         PRIMARY KEY (conversation_id, sequence)
       )`,
    ],
  },
  {
    id: 4,
    name: 'reports, drafts, enrolments and their audit trail',
    // Queried through Kysely (src/storage/reportRepositories.ts), the same queries on both databases; only this DDL
    // is per dialect. Instants: timestamptz on PostgreSQL, ISO 8601 text on SQLite (as bot_state). Calendar days
    // (start_date, end_date) are YYYY-MM-DD text on both: pg would read a DATE as a local-midnight Date. JSON is
    // text, for the reason given in migration 1. A report's reference is not stored: it is made from its id and
    // reference_year (RPT-2026-000123), so it is unique as the id is, with no second write to set it; AUTOINCREMENT
    // so that SQLite never gives a deleted report's id again. Indexes follow the filters (sheet, centre, author, each
    // then by start date; the period alone, for « en 2026 » across sheets).
    sqlite: [
      `CREATE TABLE reports (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         reference_year INTEGER NOT NULL,
         submission_key TEXT NOT NULL UNIQUE,
         structure_id TEXT NOT NULL,
         structure_name TEXT NOT NULL,
         commune_code TEXT,
         commune_name TEXT,
         plan_id TEXT NOT NULL,
         sheet_code TEXT NOT NULL,
         action TEXT,
         title TEXT NOT NULL,
         kind TEXT NOT NULL,
         start_date TEXT NOT NULL,
         end_date TEXT NOT NULL,
         sessions INTEGER NOT NULL,
         parents INTEGER NOT NULL,
         children INTEGER NOT NULL,
         families INTEGER NOT NULL,
         qpv_parents INTEGER NOT NULL,
         single_parent_families INTEGER NOT NULL,
         partners TEXT NOT NULL,
         indicators TEXT NOT NULL,
         comment TEXT,
         submitted_at TEXT NOT NULL,
         submitted_by TEXT NOT NULL,
         channel_id TEXT NOT NULL,
         version INTEGER NOT NULL DEFAULT 1,
         updated_at TEXT NOT NULL
       )`,
      `CREATE INDEX reports_sheet ON reports (plan_id, sheet_code, start_date)`,
      `CREATE INDEX reports_structure ON reports (structure_id, start_date)`,
      `CREATE INDEX reports_start_date ON reports (start_date)`,
      `CREATE INDEX reports_submitted_by ON reports (submitted_by, start_date)`,
      `CREATE TABLE report_audit (
         id INTEGER PRIMARY KEY,
         at TEXT NOT NULL,
         actor TEXT NOT NULL,
         action TEXT NOT NULL,
         subject TEXT NOT NULL,
         previous TEXT
       )`,
      `CREATE INDEX report_audit_subject ON report_audit (subject, id)`,
      `CREATE TABLE report_drafts (
         user_key TEXT PRIMARY KEY,
         body TEXT NOT NULL,
         updated_at TEXT NOT NULL
       )`,
      `CREATE INDEX report_drafts_updated_at ON report_drafts (updated_at)`,
      `CREATE TABLE enrolment_invites (
         code_hash TEXT PRIMARY KEY,
         structure_id TEXT NOT NULL,
         structure_name TEXT NOT NULL,
         commune_code TEXT,
         commune_name TEXT,
         created_at TEXT NOT NULL,
         expires_at TEXT NOT NULL,
         used_at TEXT,
         used_by TEXT
       )`,
      `CREATE TABLE enrolments (
         id TEXT PRIMARY KEY,
         user_key TEXT NOT NULL UNIQUE,
         channel_id TEXT NOT NULL,
         structure_id TEXT NOT NULL,
         structure_name TEXT NOT NULL,
         commune_code TEXT,
         commune_name TEXT,
         enrolled_at TEXT NOT NULL
       )`,
      `CREATE TABLE enrolment_failures (
         user_key TEXT PRIMARY KEY,
         failures INTEGER NOT NULL,
         last_failure_at TEXT NOT NULL
       )`,
    ],
    postgres: [
      `CREATE TABLE reports (
         id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         reference_year INTEGER NOT NULL,
         submission_key TEXT NOT NULL UNIQUE,
         structure_id TEXT NOT NULL,
         structure_name TEXT NOT NULL,
         commune_code TEXT,
         commune_name TEXT,
         plan_id TEXT NOT NULL,
         sheet_code TEXT NOT NULL,
         action TEXT,
         title TEXT NOT NULL,
         kind TEXT NOT NULL,
         start_date TEXT NOT NULL,
         end_date TEXT NOT NULL,
         sessions INTEGER NOT NULL,
         parents INTEGER NOT NULL,
         children INTEGER NOT NULL,
         families INTEGER NOT NULL,
         qpv_parents INTEGER NOT NULL,
         single_parent_families INTEGER NOT NULL,
         partners TEXT NOT NULL,
         indicators TEXT NOT NULL,
         comment TEXT,
         submitted_at TIMESTAMPTZ NOT NULL,
         submitted_by TEXT NOT NULL,
         channel_id TEXT NOT NULL,
         version INTEGER NOT NULL DEFAULT 1,
         updated_at TIMESTAMPTZ NOT NULL
       )`,
      `CREATE INDEX reports_sheet ON reports (plan_id, sheet_code, start_date)`,
      `CREATE INDEX reports_structure ON reports (structure_id, start_date)`,
      `CREATE INDEX reports_start_date ON reports (start_date)`,
      `CREATE INDEX reports_submitted_by ON reports (submitted_by, start_date)`,
      `CREATE TABLE report_audit (
         id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         at TIMESTAMPTZ NOT NULL,
         actor TEXT NOT NULL,
         action TEXT NOT NULL,
         subject TEXT NOT NULL,
         previous TEXT
       )`,
      `CREATE INDEX report_audit_subject ON report_audit (subject, id)`,
      `CREATE TABLE report_drafts (
         user_key TEXT PRIMARY KEY,
         body TEXT NOT NULL,
         updated_at TIMESTAMPTZ NOT NULL
       )`,
      `CREATE INDEX report_drafts_updated_at ON report_drafts (updated_at)`,
      `CREATE TABLE enrolment_invites (
         code_hash TEXT PRIMARY KEY,
         structure_id TEXT NOT NULL,
         structure_name TEXT NOT NULL,
         commune_code TEXT,
         commune_name TEXT,
         created_at TIMESTAMPTZ NOT NULL,
         expires_at TIMESTAMPTZ NOT NULL,
         used_at TIMESTAMPTZ,
         used_by TEXT
       )`,
      `CREATE TABLE enrolments (
         id TEXT PRIMARY KEY,
         user_key TEXT NOT NULL UNIQUE,
         channel_id TEXT NOT NULL,
         structure_id TEXT NOT NULL,
         structure_name TEXT NOT NULL,
         commune_code TEXT,
         commune_name TEXT,
         enrolled_at TIMESTAMPTZ NOT NULL
       )`,
      `CREATE TABLE enrolment_failures (
         user_key TEXT PRIMARY KEY,
         failures INTEGER NOT NULL,
         last_failure_at TIMESTAMPTZ NOT NULL
       )`,
    ],
  },
  {
    id: 5,
    name: 'revoked accounts',
    // A revoked enrolment used to be deleted, which made its account look never enrolled: in Teams, a partner's,
    // who sees every centre's figures. The revocation is now remembered, in a table apart rather than as a revoked_at
    // column on enrolments, for two reasons. enrolments stays « who may report, now »: every reader of it (the report
    // journey's checks, the figures API, `npm run admin -- staff`) stays right with no filter to forget, where a
    // forgotten `revoked_at IS NULL` would let a revoked account report again. And the accounts revoked before this
    // migration, whose rows are gone, can be found again in the audit trail (the enrolled line's actor is the account,
    // its subject the enrolment's id, which the revoked line names): they are written here, unless enrolled again.
    // An account is in one of the two tables at most: a revocation moves it here, a new code moves it back, each in
    // one transaction (src/storage/reportRepositories.ts).
    sqlite: [
      `CREATE TABLE revoked_accounts (
         user_key TEXT PRIMARY KEY,
         revoked_at TEXT NOT NULL
       )`,
      REVOKED_BEFORE_MIGRATION_5,
    ],
    postgres: [
      `CREATE TABLE revoked_accounts (
         user_key TEXT PRIMARY KEY,
         revoked_at TIMESTAMPTZ NOT NULL
       )`,
      REVOKED_BEFORE_MIGRATION_5,
    ],
  },
];

/** The list must be strictly increasing by id; checked at open so a bad merge fails loudly. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous && migration.id <= previous.id) {
      throw new Error(`Migration ${migration.id} (${migration.name}) comes after ${previous.id}: ids must increase`);
    }
  });
}

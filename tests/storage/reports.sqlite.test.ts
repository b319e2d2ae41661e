import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { openStore } from '../../src/storage';
import { runReportsContract, type ReportsHarness } from './reportsContract';

const MigrationRowSchema = z.object({ id: z.number() });

/** Each test gets its own temp file; stores on it are opened through openStore, as the bot does. */
function sqliteHarness(): ReportsHarness {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-reports-'));
  const file = path.join(directory, 'maillage.sqlite');
  const withDatabase = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    open: (log, migrations) => openStore(`sqlite:${file}`, log, migrations),
    async insertCorruptReport(id, submissionKey, structureId) {
      withDatabase((db) =>
        db
          .prepare(
            `INSERT INTO reports (id, reference_year, submission_key, structure_id, structure_name, plan_id, sheet_code, title, kind, start_date, end_date,
               sessions, parents, children, families, qpv_parents, single_parent_families, partners, indicators, submitted_at, submitted_by, channel_id, updated_at)
             VALUES (?, 2026, ?, ?, 'Centre', 'plan', 'PA 1', 'Titre secret', 'not-a-kind', '2026-01-01', '2026-01-01', 1, 1, 0, 1, 0, 0, '["unterminated', '{}', ?, 'aad:x', 'msteams', ?)`,
          )
          .run(id, submissionKey, structureId, '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
      );
    },
    async appliedMigrationIds() {
      return withDatabase((db) =>
        db
          .prepare('SELECT id FROM schema_migrations ORDER BY id')
          .all()
          .map((row) => MigrationRowSchema.parse(row).id),
      );
    },
    async runSql(statement) {
      withDatabase((db) => db.exec(statement));
    },
    async dispose() {
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

describe('SQLite report storage', () => {
  runReportsContract(sqliteHarness);
});

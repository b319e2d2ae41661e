import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { ETagConflictError, StoreOpenError } from './errors';
import { checkMigrationOrder, MIGRATIONS, type Migration } from './migrations';
import { decodeStateRows, encodeStateValue, isUnconditional, newEtag } from './stateRows';
import { createReportRepositories } from './reportRepositories';
import type { ReportTables } from './reportTables';
import type { AuditRepository, DraftRepository, EnrolmentRepository, ReportRepository, StateReadOptions, StateReadResult, StateRepository, StateWrite, Store } from './store';
import { SqliteWorkRunner } from './unitOfWork';
import { startWalCheckpointer, type WalCheckpointer } from './walCheckpointer';

/** How long a writer waits for another process holding the file's write lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

const AppliedMigrationSchema = z.object({ id: z.number().int() });

/**
 * The embedded default. better-sqlite3 is synchronous, which suits one process serving a territory: a state
 * read or write takes microseconds, less than the event-loop hop an async driver would add.
 */
export function openSqliteStore(file: string, display: string, log: Logger, migrations: readonly Migration[] = MIGRATIONS): Store {
  let db: Database.Database | undefined;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL: readers never wait for the writer, and a crash mid-write leaves the last committed state.
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across an application crash in WAL mode; only a power cut can lose the last turns.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    runMigrations(db, migrations, log);
  } catch (error) {
    // A file that could not be opened or migrated is let go: nothing keeps a lock on it.
    if (db?.open) db.close();
    throw new StoreOpenError(display, error instanceof Error ? error.message : String(error), { cause: error });
  }
  // Checkpoints run on their own thread, off every commit (src/storage/walCheckpointer.ts).
  const checkpointer = file === ':memory:' ? null : startWalCheckpointer(file, log);
  if (checkpointer) db.pragma('wal_autocheckpoint = 0');
  return new SqliteStore(db, display, log, checkpointer);
}

function runMigrations(db: Database.Database, migrations: readonly Migration[], log: Logger): void {
  checkMigrationOrder(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const appliedIds = () =>
    new Set(
      db
        .prepare('SELECT id FROM schema_migrations')
        .all()
        .map((row) => AppliedMigrationSchema.parse(row).id),
    );
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  // Each migration is its own transaction: one that fails leaves the database at the one before, whole. IMMEDIATE
  // takes the write lock first, so two processes opening the same file do not both apply it.
  const apply = db.transaction((migration: Migration): boolean => {
    if (appliedIds().has(migration.id)) return false;
    for (const statement of migration.sqlite) db.exec(statement);
    record.run(migration.id, migration.name, new Date().toISOString());
    return true;
  });
  for (const migration of migrations) {
    if (apply.immediate(migration)) log.info({ backend: 'sqlite', migration: migration.id, name: migration.name }, 'database migrated');
  }
  const known = new Set(migrations.map((migration) => migration.id));
  const unknown = [...appliedIds()].filter((id) => !known.has(id));
  if (unknown.length > 0) log.warn({ backend: 'sqlite', unknown }, 'the database has migrations this version does not know');
}

class SqliteStore implements Store {
  readonly backend = 'sqlite';
  readonly state: StateRepository;
  /** One process serves an SQLite file: its turns are serialised in memory (see Store.turnLeases). */
  readonly turnLeases = null;
  readonly reports: ReportRepository;
  readonly drafts: DraftRepository;
  readonly enrolments: EnrolmentRepository;
  readonly audit: AuditRepository;

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
    log: Logger,
    private readonly checkpointer: WalCheckpointer | null = null,
  ) {
    this.state = new SqliteStateRepository(db, log);
    // Kysely writes the report queries for SQLite; they run synchronously on this same connection (unitOfWork.ts).
    const reportQueries = new Kysely<ReportTables>({ dialect: new SqliteDialect({ database: db }) });
    ({ reports: this.reports, drafts: this.drafts, enrolments: this.enrolments, audit: this.audit } = createReportRepositories(
      reportQueries,
      new SqliteWorkRunner(db),
      log,
    ));
  }

  get closed(): boolean {
    return !this.db.open;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}

class SqliteStateRepository implements StateRepository {
  private readonly selectOne: Database.Statement<[string, string]>;
  private readonly upsert: Database.Statement<[string, string, string, string]>;
  private readonly upsertIfEtag: Database.Statement<[string, string, string, string, string]>;
  private readonly upsertKeepingUpdatedAt: Database.Statement<[string, string, string, string]>;
  private readonly upsertIfEtagKeepingUpdatedAt: Database.Statement<[string, string, string, string, string]>;
  private readonly deleteOne: Database.Statement<[string]>;
  private readonly deleteOneIfEtag: Database.Statement<[string, string]>;
  private readonly deleteOlder: Database.Statement<[string]>;
  private readonly writeAll: (writes: readonly StateWrite[]) => Map<string, string>;

  constructor(
    db: Database.Database,
    private readonly log: Logger,
  ) {
    // updated_at is ISO 8601 text in UTC, always written by toISOString: compared as text, it orders as time.
    this.selectOne = db.prepare('SELECT key, value, etag, updated_at FROM bot_state WHERE key = ? AND updated_at >= ?');
    const insertSql = `INSERT INTO bot_state (key, value, etag, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag`;
    const upsertSql = `${insertSql}, updated_at = excluded.updated_at`;
    this.upsert = db.prepare(upsertSql);
    // The WHERE makes the etag check and the write one statement: no other writer can slip in between.
    this.upsertIfEtag = db.prepare(`${upsertSql} WHERE bot_state.etag = ?`);
    // updated_at left out of the SET: SQLite then leaves its index alone (a new record still gets one).
    this.upsertKeepingUpdatedAt = db.prepare(insertSql);
    this.upsertIfEtagKeepingUpdatedAt = db.prepare(`${insertSql} WHERE bot_state.etag = ?`);
    this.deleteOne = db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.deleteOneIfEtag = db.prepare('DELETE FROM bot_state WHERE key = ? AND etag = ?');
    this.deleteOlder = db.prepare('DELETE FROM bot_state WHERE updated_at < ?');
    this.writeAll = db.transaction((writes: readonly StateWrite[]) => {
      const etags = new Map<string, string>();
      for (const write of writes) etags.set(write.key, this.writeRecord(write));
      return etags;
    });
  }

  private writeOne(write: StateWrite): Map<string, string> {
    return new Map([[write.key, this.writeRecord(write)]]);
  }

  /** Writes one record and returns its new etag; a stale etag throws (and rolls back the batch it is part of). */
  private writeRecord(write: StateWrite): string {
    const etag = newEtag();
    const value = encodeStateValue(write);
    const now = new Date().toISOString();
    if (isUnconditional(write.etag)) {
      (write.keepUpdatedAt ? this.upsertKeepingUpdatedAt : this.upsert).run(write.key, value, etag, now);
    } else if ((write.keepUpdatedAt ? this.upsertIfEtagKeepingUpdatedAt : this.upsertIfEtag).run(write.key, value, etag, now, write.etag ?? '').changes === 0) {
      throw new ETagConflictError(write.key);
    }
    return etag;
  }

  async read(keys: readonly string[], options: StateReadOptions = {}): Promise<StateReadResult> {
    const rows: unknown[] = [];
    // Every ISO date sorts after the empty text: no cutoff reads every record.
    const usedSince = options.usedSince?.toISOString() ?? '';
    for (const key of new Set(keys)) {
      const row = this.selectOne.get(key, usedSince);
      if (row !== undefined) rows.push(row);
    }
    return decodeStateRows(rows, this.log);
  }

  async write(writes: readonly StateWrite[]): Promise<Map<string, string>> {
    if (writes.length === 0) return new Map();
    // One statement is atomic on its own: a turn's single record skips BEGIN and COMMIT.
    if (writes.length === 1) return this.writeOne(writes[0]!);
    return this.writeAll(writes);
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of new Set(keys)) this.deleteOne.run(key);
  }

  async deleteIfUnchanged(key: string, etag: string): Promise<boolean> {
    return this.deleteOneIfEtag.run(key, etag).changes > 0;
  }

  async purgeOlderThan(date: Date): Promise<number> {
    return this.deleteOlder.run(date.toISOString()).changes;
  }
}

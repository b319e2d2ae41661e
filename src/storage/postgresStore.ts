import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { ETagConflictError, StoreOpenError } from './errors';
import { checkMigrationOrder, MIGRATIONS, type Migration } from './migrations';
import { decodeStateRows, encodeStateValue, isUnconditional, newEtag } from './stateRows';
import { createReportRepositories } from './reportRepositories';
import type { ReportTables } from './reportTables';
import type {
  AuditRepository,
  DraftRepository,
  EnrolmentRepository,
  ReportRepository,
  StateReadOptions,
  StateReadResult,
  StateRepository,
  StateWrite,
  Store,
  TurnLeaseRepository,
} from './store';
import { PostgresWorkRunner } from './unitOfWork';

const POOL_SIZE = 10;
/** A new connection not open in this time will not open: the server is down or cut off. */
const CONNECT_TIMEOUT_MS = 5000;
/**
 * How long a query may wait for one of the pool's connections to be free. pg-pool bounds that wait with the same
 * setting as opening a connection; at 5 s, 200 reports confirmed at once on a busy machine failed while waiting
 * their turn behind healthy work. Waiting one's turn is not an outage, so it gets its own, longer bound.
 */
const POOL_WAIT_MS = 30_000;
/**
 * A query that has not answered in this time will not: a turn's queries take milliseconds. Without a bound, a
 * PostgreSQL cut off by the network (no reset, no close) held every request waiting on it instead of failing it.
 */
const QUERY_TIMEOUT_MS = 15_000;

/** The bounds above; tests that cut the network or fill the pool shorten them. */
export interface PostgresTimeouts {
  connectMs: number;
  poolWaitMs: number;
  queryMs: number;
}

const DEFAULT_TIMEOUTS: PostgresTimeouts = { connectMs: CONNECT_TIMEOUT_MS, poolWaitMs: POOL_WAIT_MS, queryMs: QUERY_TIMEOUT_MS };

/**
 * pg-pool hands its `connectionTimeoutMillis` to each client it opens; the client reads it as the bound on opening
 * its connection. This client keeps its own (shorter) bound, so the pool's setting only bounds the wait for a turn.
 */
function clientWithConnectTimeout(connectMs: number): typeof pg.Client {
  return class extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: connectMs });
    }
  };
}
/** Migrations may rewrite large tables: they get minutes, not seconds. */
const MIGRATION_QUERY_TIMEOUT_MS = 10 * 60 * 1000;
/** An outage drops every pooled connection at once; one line a minute says so. */
const CONNECTION_LOST_LOG_EVERY_MS = 60_000;

const AppliedMigrationSchema = z.object({ id: z.coerce.number().int() });

/**
 * The shared store for several bot processes behind a load balancer. Each process keeps a small pool;
 * the schema is chosen at connection start (search_path), so every query names its tables unqualified.
 */
export async function openPostgresStore(
  connectionString: string,
  schema: string,
  display: string,
  log: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
  timeouts: Partial<PostgresTimeouts> = {},
): Promise<Store> {
  const { connectMs, poolWaitMs, queryMs } = { ...DEFAULT_TIMEOUTS, ...timeouts };
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE,
    Client: clientWithConnectTimeout(connectMs),
    connectionTimeoutMillis: poolWaitMs,
    query_timeout: queryMs,
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its connection emits here; without a listener it would end the process.
  let lostSince = 0;
  let lostUnlogged = 0;
  pool.on('error', (error) => {
    const now = Date.now();
    if (now - lostSince < CONNECTION_LOST_LOG_EVERY_MS) {
      lostUnlogged++;
      return;
    }
    log.warn({ err: { name: error.name, message: error.message }, alsoLost: lostUnlogged }, 'PostgreSQL connection lost');
    lostSince = now;
    lostUnlogged = 0;
  });
  try {
    await runMigrations(pool, schema, migrations, log);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreOpenError(display, describePgError(error), { cause: error });
  }
  return new PostgresStore(pool, display, log);
}

async function runMigrations(pool: pg.Pool, schema: string, migrations: readonly Migration[], log: Logger): Promise<void> {
  checkMigrationOrder(migrations);
  const client = await pool.connect();
  // Instances starting together take turns; the lock is per schema and ends with each transaction.
  const lock = () => client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`maillage-migrations:${schema}`]);
  try {
    await client.query('BEGIN');
    await lock();
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    await client.query('COMMIT');
    // Each migration is its own transaction: one that fails leaves the database at the one before, whole.
    let applied = new Set<number>();
    for (const migration of migrations) {
      await client.query('BEGIN');
      await lock();
      // Read again under the lock: another instance may have applied it meanwhile.
      const { rows } = await client.query('SELECT id FROM schema_migrations');
      applied = new Set(rows.map((row) => AppliedMigrationSchema.parse(row).id));
      if (applied.has(migration.id)) {
        await client.query('COMMIT');
        continue;
      }
      for (const statement of migration.postgres) {
        // pg reads a per-query query_timeout; its type definitions do not list it.
        const query: pg.QueryConfig & { query_timeout: number } = { text: statement, query_timeout: MIGRATION_QUERY_TIMEOUT_MS };
        await client.query(query);
      }
      await client.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
      await client.query('COMMIT');
      applied.add(migration.id);
      log.info({ backend: 'postgres', migration: migration.id, name: migration.name }, 'database migrated');
    }
    const known = new Set(migrations.map((migration) => migration.id));
    const unknown = [...applied].filter((id) => !known.has(id));
    if (unknown.length > 0) log.warn({ backend: 'postgres', unknown }, 'the database has migrations this version does not know');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function describePgError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describePgError(error.errors[0]);
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
    return `${error.message || error.name}${code}`;
  }
  return String(error);
}

class PostgresStore implements Store {
  readonly backend = 'postgres';
  readonly state: StateRepository;
  readonly turnLeases: TurnLeaseRepository;
  readonly reports: ReportRepository;
  readonly drafts: DraftRepository;
  readonly enrolments: EnrolmentRepository;
  readonly audit: AuditRepository;
  private isClosed = false;

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    log: Logger,
  ) {
    this.state = new PostgresStateRepository(pool, log);
    this.turnLeases = new PostgresTurnLeaseRepository(pool);
    // The same pool: its connections start with the store's search_path, so Kysely's unqualified tables are the
    // schema's. close() ends the pool itself; Kysely holds nothing else to destroy.
    const reportQueries = new Kysely<ReportTables>({ dialect: new PostgresDialect({ pool }) });
    ({ reports: this.reports, drafts: this.drafts, enrolments: this.enrolments, audit: this.audit } = createReportRepositories(
      reportQueries,
      new PostgresWorkRunner(reportQueries),
      log,
    ));
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get postgres(): { pool: pg.Pool } { return { pool: this.pool }; }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await this.pool.end();
  }
}

interface PreparedWrite extends StateWrite {
  encoded: string;
  newEtag: string;
}

const INSERT_OR_SET_VALUE = `INSERT INTO bot_state (key, value, etag, updated_at) VALUES ($1, $2, $3, now())
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag`;
const UPSERT = `${INSERT_OR_SET_VALUE}, updated_at = excluded.updated_at`;
// The WHERE makes the etag check and the write one statement; a concurrent writer's update is re-checked
// against it once that writer commits, so exactly one of two writers holding the same etag wins.
const UPSERT_IF_ETAG = `${UPSERT} WHERE bot_state.etag = $4`;
// Without updated_at in the SET no indexed column changes, so PostgreSQL can update the row in place (HOT).
const UPSERT_KEEPING_UPDATED_AT = INSERT_OR_SET_VALUE;
const UPSERT_IF_ETAG_KEEPING_UPDATED_AT = `${INSERT_OR_SET_VALUE} WHERE bot_state.etag = $4`;

class PostgresStateRepository implements StateRepository {
  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
  ) {}

  async read(keys: readonly string[], options: StateReadOptions = {}): Promise<StateReadResult> {
    if (keys.length === 0) return { records: new Map(), corrupt: [] };
    const { rows } = await this.pool.query(
      'SELECT key, value, etag, updated_at FROM bot_state WHERE key = ANY($1::text[]) AND updated_at >= $2::timestamptz',
      [[...new Set(keys)], options.usedSince ?? '-infinity'],
    );
    return decodeStateRows(rows, this.log);
  }

  async write(writes: readonly StateWrite[]): Promise<Map<string, string>> {
    if (writes.length === 0) return new Map();
    const prepared = writes.map((write) => ({ ...write, encoded: encodeStateValue(write), newEtag: newEtag() }));
    // One write (the usual turn) needs no transaction of its own; several are all-or-nothing.
    if (prepared.length === 1) return this.writeEach(this.pool, prepared);
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const etags = await this.writeEach(client, prepared);
      await client.query('COMMIT');
      return etags;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      // A connection that could not even roll back is dropped rather than handed to the next caller.
      client.release(broken);
    }
  }

  private async writeEach(queryable: pg.Pool | pg.PoolClient, writes: readonly PreparedWrite[]): Promise<Map<string, string>> {
    const etags = new Map<string, string>();
    for (const write of writes) {
      const result = isUnconditional(write.etag)
        ? await queryable.query(write.keepUpdatedAt ? UPSERT_KEEPING_UPDATED_AT : UPSERT, [write.key, write.encoded, write.newEtag])
        : await queryable.query(write.keepUpdatedAt ? UPSERT_IF_ETAG_KEEPING_UPDATED_AT : UPSERT_IF_ETAG, [
            write.key,
            write.encoded,
            write.newEtag,
            write.etag,
          ]);
      if (result.rowCount === 0) throw new ETagConflictError(write.key);
      etags.set(write.key, write.newEtag);
    }
    return etags;
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.pool.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [[...new Set(keys)]]);
  }

  async deleteIfUnchanged(key: string, etag: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM bot_state WHERE key = $1 AND etag = $2', [key, etag]);
    return (result.rowCount ?? 0) > 0;
  }

  async purgeOlderThan(date: Date): Promise<number> {
    const result = await this.pool.query('DELETE FROM bot_state WHERE updated_at < $1', [date]);
    return result.rowCount ?? 0;
  }
}

// The lease's clock is the database's (now()), the same for every instance whatever their own clocks say.
// The WHERE of the upsert takes the lease over only once it expired; of two instances racing for a free key, the
// unique index makes the second wait for the first's insert and then find it unexpired.
const ACQUIRE_LEASE = `INSERT INTO turn_leases (key, holder, expires_at) VALUES ($1, $2, now() + $3::int * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
  WHERE turn_leases.expires_at < now()
  RETURNING holder`;
const RENEW_LEASE = `UPDATE turn_leases SET expires_at = now() + $3::int * interval '1 millisecond' WHERE key = $1 AND holder = $2`;

/**
 * Each call is one statement on a pooled connection, given back at once: a turn waiting for a lease holds no
 * connection, so waiting turns cannot take the whole pool from the turns that hold leases and need it to finish.
 */
class PostgresTurnLeaseRepository implements TurnLeaseRepository {
  constructor(private readonly pool: pg.Pool) {}

  async acquire(key: string, holder: string, ttlMs: number): Promise<boolean> {
    const result = await this.pool.query(ACQUIRE_LEASE, [key, holder, Math.ceil(ttlMs)]);
    return (result.rowCount ?? 0) > 0;
  }

  async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    const result = await this.pool.query(RENEW_LEASE, [key, holder, Math.ceil(ttlMs)]);
    return (result.rowCount ?? 0) > 0;
  }

  async release(key: string, holder: string): Promise<void> {
    await this.pool.query('DELETE FROM turn_leases WHERE key = $1 AND holder = $2', [key, holder]);
  }

  async purgeExpired(): Promise<number> {
    const result = await this.pool.query('DELETE FROM turn_leases WHERE expires_at < now()');
    return result.rowCount ?? 0;
  }
}

import type Database from 'better-sqlite3';
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * The report repositories write each query once, with Kysely, for both databases; what differs is how a
 * transaction runs them. A unit of work is therefore a generator: it yields each query it needs, compiled, and
 * receives its rows, so the same code can be driven two ways:
 *
 * - on SQLite, synchronously, inside one better-sqlite3 transaction. Nothing else runs between its statements. An
 *   async transaction (Kysely's own, `await` between statements) would leave the connection in BEGIN while other
 *   turns run: the bot state's writes, on the same connection, would silently join the report's transaction (and go
 *   with its rollback); on a second connection they would wait on its write lock, blocking the very event loop that
 *   must finish it, until busy_timeout fails them.
 * - on PostgreSQL, asynchronously, inside a Kysely transaction on the store's pool (so in the store's schema).
 */
export interface QueryResult {
  readonly rows: readonly unknown[];
  /** Rows inserted, updated or deleted; 0 for a read. */
  readonly affected: number;
}

export type Work<T> = Generator<CompiledQuery, T, QueryResult>;

/** Runs one query inside a unit of work: `const { rows } = yield* query(db.selectFrom(…))`. */
export function* query(builder: Compilable<unknown>): Generator<CompiledQuery, QueryResult, QueryResult> {
  return yield builder.compile();
}

export interface WorkRunner {
  /** Runs the unit of work in one transaction: all its writes or none. */
  transaction<T>(work: () => Work<T>): Promise<T>;
  /** Runs a unit of one statement outside a transaction (one statement is atomic alone): no BEGIN, no COMMIT. */
  single<T>(work: () => Work<T>): Promise<T>;
}

/** How many statements the SQLite runner keeps prepared; queries are few, but filters combine into variants. */
const PREPARED_STATEMENTS_KEPT = 256;

export class SqliteWorkRunner implements WorkRunner {
  private readonly prepared = new Map<string, Database.Statement>();
  /** Made once: better-sqlite3 builds four wrappers for each transaction function. */
  private readonly inTransaction: Database.Transaction<(run: () => void) => void>;

  constructor(private readonly db: Database.Database) {
    this.inTransaction = db.transaction((run: () => void) => run());
  }

  transaction<T>(work: () => Work<T>): Promise<T> {
    try {
      let outcome: { value: T } | undefined;
      // IMMEDIATE takes the write lock at BEGIN: another process on the file waits (busy_timeout) instead of
      // failing half-way when its read snapshot turns out stale.
      this.inTransaction.immediate(() => {
        outcome = { value: drive(work(), (compiled) => this.execute(compiled)) };
      });
      if (outcome === undefined) throw new Error('The SQLite transaction ended without running its work');
      return Promise.resolve(outcome.value);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  single<T>(work: () => Work<T>): Promise<T> {
    try {
      return Promise.resolve(drive(work(), (compiled) => this.execute(compiled)));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private execute(compiled: CompiledQuery): QueryResult {
    const statement = this.statement(compiled.sql);
    if (statement.reader) return { rows: statement.all(...compiled.parameters), affected: 0 };
    return { rows: [], affected: statement.run(...compiled.parameters).changes };
  }

  private statement(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (this.prepared.size >= PREPARED_STATEMENTS_KEPT) this.prepared.clear();
      this.prepared.set(sql, statement);
    }
    return statement;
  }
}

export class PostgresWorkRunner<Tables> implements WorkRunner {
  constructor(private readonly db: Kysely<Tables>) {}

  transaction<T>(work: () => Work<T>): Promise<T> {
    return this.db.transaction().execute((trx) => driveAsync(work(), trx));
  }

  single<T>(work: () => Work<T>): Promise<T> {
    return driveAsync(work(), this.db);
  }
}

function drive<T>(steps: Work<T>, execute: (compiled: CompiledQuery) => QueryResult): T {
  let step = steps.next();
  while (!step.done) step = steps.next(execute(step.value));
  return step.value;
}

/** A query that throws ends the unit of work where it stands (units hold no resources: no finally to run). */
async function driveAsync<T>(steps: Work<T>, executor: { executeQuery(compiled: CompiledQuery): Promise<{ rows: unknown[]; numAffectedRows?: bigint }> }): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    const result = await executor.executeQuery(step.value);
    step = steps.next({ rows: result.rows, affected: Number(result.numAffectedRows ?? 0n) });
  }
  return step.value;
}

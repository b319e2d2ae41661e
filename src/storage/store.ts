/**
 * The one storage interface of Maillage. Each concern gets its own repository on the store (today the bot's
 * state; reports and enrolments come later as new repositories and new entries in migrations.ts), and each
 * backend (SQLite, PostgreSQL) implements all of them.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Where the data lives, safe to log (no password). */
  readonly location: string;
  readonly state: StateRepository;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A state value is a JSON object, as botbuilder's state items are. */
export type StateValue = Record<string, unknown>;

/**
 * Whether a value can be stored as state (a plain object). Checked on every read and write, so by hand: a zod
 * record schema copies the object key by key, every turn, to say the same.
 */
export function isStateValue(value: unknown): value is StateValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export interface StateRecord {
  key: string;
  value: StateValue;
  /** Changes on every write; a writer that passes back a stale one is refused. */
  etag: string;
  /** The value as stored, so a reader can tell whether it changed the value without serialising it again. */
  json: string;
}

export interface StateWrite {
  key: string;
  value: StateValue;
  /**
   * The etag read before changing the value. Absent or `*`: overwrite whatever is there. A specific etag must
   * match the stored one when a record exists (a missing record is written, as botbuilder's MemoryStorage does).
   */
  etag?: string;
  /** `JSON.stringify(value)`, when the writer already made it (to compare with what it read): not made twice. */
  json?: string;
}

/** A stored record that could not be read back (bad JSON, not an object): reported, then treated as absent. */
export interface CorruptStateRecord {
  key: string;
  reason: string;
}

export interface StateReadResult {
  records: Map<string, StateRecord>;
  corrupt: CorruptStateRecord[];
}

/** Conversation and user state: key → JSON object, with etags for optimistic concurrency. */
export interface StateRepository {
  read(keys: readonly string[]): Promise<StateReadResult>;
  /**
   * Writes all records in one transaction. A stale etag on any of them rejects with ETagConflictError and
   * writes none. Resolves with the new etag of each key.
   */
  write(writes: readonly StateWrite[]): Promise<Map<string, string>>;
  /** Deleting a key that is not there is not an error. */
  delete(keys: readonly string[]): Promise<void>;
}

/** A row of the bot_state table as it comes out of either database. */
export interface StateRow {
  key: string;
  value: string;
  etag: string;
}

/** Checked on every read, so by hand (a zod object schema would copy the row to say the same). */
export function isStateRow(row: unknown): row is StateRow {
  if (typeof row !== 'object' || row === null) return false;
  const { key, value, etag } = row as Record<string, unknown>;
  return typeof key === 'string' && typeof value === 'string' && typeof etag === 'string';
}

import type { AuditEntry, Enrolment, EnrolmentStanding, InviteToStore, Report, ReportBody, ReportFilter, ReportSubmission, StoredDraft } from '../reports/model';

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
  /**
   * Who runs a conversation's turn right now, shared by every instance on the database (see src/bot/turnLock.ts).
   * Null on SQLite: one process serves an SQLite file, and its turns take turns in memory. A lease there costs two
   * more write transactions a turn (85 µs measured), a quarter of all Maillage may cost above the echo bot
   * (docs/decisions/0004); processes sharing a file are still kept from erasing each other by the etags.
   */
  readonly turnLeases: TurnLeaseRepository | null;
  /** Centres' action reports (src/reports/model.ts), stored once per submission key, corrections kept in the audit. */
  readonly reports: ReportRepository;
  /** Report forms left half filled in, per account; removed 30 days after their last change. */
  readonly drafts: DraftRepository;
  /** One-time codes and the accounts they bound to a centre. */
  readonly enrolments: EnrolmentRepository;
  /** Who submitted, corrected, enrolled or revoked what, oldest first. */
  readonly audit: AuditRepository;
  /** True once close() was called: periodic work (the state purge) stops instead of failing. */
  readonly closed: boolean;
  /** PostgreSQL only: the pool, for repositories kept outside this folder (the built-in Direct Line's conversations). */
  readonly postgres?: { readonly pool: import('pg').Pool };
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ReportRepository {
  /**
   * Stores the report unless one with the same submission key exists (a retried activity, a double click, another
   * instance), in one transaction with its audit line. Resolves with the stored report, and whether this call made it.
   */
  submit(submission: ReportSubmission): Promise<{ report: Report; created: boolean }>;
  /**
   * Replaces the body of a report by its author; the previous version goes to the audit trail and `version` grows by
   * one. Null when no report has this reference or it is not `by`'s.
   */
  correct(reference: string, body: ReportBody, by: string, at: Date): Promise<Report | null>;
  get(reference: string): Promise<Report | null>;
  /** Oldest first by start date, then by reference. */
  list(filter: ReportFilter): Promise<Report[]>;
}

export interface DraftRepository {
  get(userKey: string): Promise<StoredDraft | null>;
  save(userKey: string, body: unknown, at: Date): Promise<void>;
  delete(userKey: string): Promise<void>;
  /** Resolves with how many drafts last changed before `date` it removed. */
  purgeOlderThan(date: Date): Promise<number>;
}

export interface EnrolmentRepository {
  createInvite(invite: InviteToStore): Promise<void>;
  /**
   * Uses a code once: when `codeHash` names an unused, unexpired code, binds `userKey` to its centre (replacing any
   * previous enrolment of that account, clearing any revocation) and marks the code used, in one transaction. Null
   * otherwise, whatever the reason.
   */
  redeem(codeHash: string, userKey: string, channelId: string, at: Date): Promise<Enrolment | null>;
  /** The account's active enrolment; null when it has none (never enrolled, or revoked). */
  find(userKey: string): Promise<Enrolment | null>;
  /**
   * Enrolled, revoked (and not enrolled again since) or never enrolled, in one statement: what the figures decide on,
   * since a revoked account must not pass for a partner's that was never enrolled.
   */
  standing(userKey: string): Promise<EnrolmentStanding>;
  /** The active enrolments, oldest first. */
  list(): Promise<Enrolment[]>;
  /**
   * Takes an active enrolment away by its id, remembering its account as revoked, with an audit line, in one
   * transaction; false when no active enrolment has this id (unknown, already revoked, or replaced by a newer code).
   */
  revoke(id: string, by: string, at: Date): Promise<boolean>;
  /** Wrong codes in a row for an account, to slow guessing down; reset by a right one. */
  recordFailure(userKey: string, at: Date): Promise<{ failures: number; lastFailureAt: Date }>;
  failures(userKey: string): Promise<{ failures: number; lastFailureAt: Date } | null>;
  clearFailures(userKey: string): Promise<void>;
}

export interface AuditRepository {
  /** Every line about one subject (a report's reference, an enrolment's id), oldest first. */
  about(subject: string): Promise<AuditEntry[]>;
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
  /** When the record was last written: state expires a set time after its last use. */
  updatedAt: Date;
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
  /**
   * Leave updated_at (the record's last use) as it is, for a writer that knows it moved a moment ago. A write that
   * moves it also rewrites its entry in the updated_at index: on SQLite that was 20 µs of a 45 µs read and write.
   */
  keepUpdatedAt?: boolean;
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

export interface StateReadOptions {
  /** Records last written before this are expired: read as absent even before the purge removes them. */
  usedSince?: Date;
}

/** Conversation and user state: key → JSON object, with etags for optimistic concurrency. */
export interface StateRepository {
  read(keys: readonly string[], options?: StateReadOptions): Promise<StateReadResult>;
  /**
   * Writes all records in one transaction. A stale etag on any of them rejects with ETagConflictError and
   * writes none. Resolves with the new etag of each key.
   */
  write(writes: readonly StateWrite[]): Promise<Map<string, string>>;
  /** Deleting a key that is not there is not an error. */
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Deletes the record only if it still has this etag, so a record another turn wrote since is kept.
   * Resolves true when it deleted it.
   */
  deleteIfUnchanged(key: string, etag: string): Promise<boolean>;
  /** Deletes every record last written before `date` (expired state); resolves with how many. */
  purgeOlderThan(date: Date): Promise<number>;
}

/**
 * Time-limited exclusive leases by key, one holder at a time, shared by every instance on the database. A lease
 * not renewed before it expires is free again, so a process killed mid-turn cannot hold a conversation for ever.
 */
export interface TurnLeaseRepository {
  /** Takes the lease if it is free or expired; resolves false, without waiting, when another holder has it. */
  acquire(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Extends a lease still held by `holder`; false when it was lost (it expired and someone else took it). */
  renew(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Frees the lease if `holder` still has it. */
  release(key: string, holder: string): Promise<void>;
  /** Removes the leases that expired (left by killed processes); resolves with how many. */
  purgeExpired(): Promise<number>;
}

/**
 * A row of the bot_state table as it comes out of either database: PostgreSQL gives updated_at as a Date
 * (timestamptz), SQLite as the ISO 8601 text it was written with.
 */
export interface StateRow {
  key: string;
  value: string;
  etag: string;
  updated_at: Date | string;
}

/** Checked on every read, so by hand (a zod object schema would copy the row to say the same). */
export function isStateRow(row: unknown): row is StateRow {
  if (typeof row !== 'object' || row === null) return false;
  const { key, value, etag, updated_at: updatedAt } = row as Record<string, unknown>;
  return typeof key === 'string' && typeof value === 'string' && typeof etag === 'string' && (typeof updatedAt === 'string' || updatedAt instanceof Date);
}

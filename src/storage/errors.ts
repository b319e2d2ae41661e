/** A write refused because the record changed since it was read (its etag is stale). */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    // Same wording as botbuilder's MemoryStorage, so logs read the same whichever storage is behind the bot.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/** The database could not be opened or prepared (unreachable, not a database, migration failed). */
export class StoreOpenError extends Error {
  constructor(
    readonly location: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot open the database at ${location}: ${reason}`, options);
    this.name = 'StoreOpenError';
  }
}

/**
 * A report the store refuses before the database sees it: it does not match its schema, or holds text a database
 * cannot keep as it is (a NUL character, a lone UTF-16 surrogate). Names the fields, never their values.
 */
export class UnstorableReportError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The report cannot be stored: ${problems.join('; ') || 'it does not match its schema'}`);
    this.name = 'UnstorableReportError';
  }
}

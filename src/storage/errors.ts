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

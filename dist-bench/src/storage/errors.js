"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StoreOpenError = exports.ETagConflictError = void 0;
/** A write refused because the record changed since it was read (its etag is stale). */
class ETagConflictError extends Error {
    key;
    constructor(key) {
        // Same wording as botbuilder's MemoryStorage, so logs read the same whichever storage is behind the bot.
        super(`Storage: error writing "${key}" due to eTag conflict.`);
        this.key = key;
        this.name = 'ETagConflictError';
    }
}
exports.ETagConflictError = ETagConflictError;
/** The database could not be opened or prepared (unreachable, not a database, migration failed). */
class StoreOpenError extends Error {
    location;
    constructor(location, reason, options) {
        super(`Cannot open the database at ${location}: ${reason}`, options);
        this.location = location;
        this.name = 'StoreOpenError';
    }
}
exports.StoreOpenError = StoreOpenError;
//# sourceMappingURL=errors.js.map
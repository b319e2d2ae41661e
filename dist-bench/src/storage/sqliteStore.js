"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.openSqliteStore = openSqliteStore;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const better_sqlite3_1 = __importDefault(require("better-sqlite3"));
const zod_1 = require("zod");
const errors_1 = require("./errors");
const migrations_1 = require("./migrations");
const stateRows_1 = require("./stateRows");
/** How long a writer waits for another process holding the file's write lock before failing. */
const BUSY_TIMEOUT_MS = 5000;
const AppliedMigrationSchema = zod_1.z.object({ id: zod_1.z.number().int() });
/**
 * The embedded default. better-sqlite3 is synchronous, which suits one process serving a territory: a state
 * read or write takes microseconds, less than the event-loop hop an async driver would add.
 */
function openSqliteStore(file, display, log, migrations = migrations_1.MIGRATIONS) {
    let db;
    try {
        if (file !== ':memory:')
            node_fs_1.default.mkdirSync(node_path_1.default.dirname(file), { recursive: true });
        db = new better_sqlite3_1.default(file);
        db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        // WAL: readers never wait for the writer, and a crash mid-write leaves the last committed state.
        db.pragma('journal_mode = WAL');
        // NORMAL is durable across an application crash in WAL mode; only a power cut can lose the last turns.
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        runMigrations(db, migrations, log);
    }
    catch (error) {
        throw new errors_1.StoreOpenError(display, error instanceof Error ? error.message : String(error), { cause: error });
    }
    return new SqliteStore(db, display, log);
}
function runMigrations(db, migrations, log) {
    (0, migrations_1.checkMigrationOrder)(migrations);
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    // IMMEDIATE takes the write lock first, so two processes opening the same file do not both migrate.
    const migrate = db.transaction(() => {
        const applied = new Set(db
            .prepare('SELECT id FROM schema_migrations')
            .all()
            .map((row) => AppliedMigrationSchema.parse(row).id));
        const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
        for (const migration of migrations) {
            if (applied.has(migration.id))
                continue;
            for (const statement of migration.sqlite)
                db.exec(statement);
            record.run(migration.id, migration.name, new Date().toISOString());
            log.info({ backend: 'sqlite', migration: migration.id, name: migration.name }, 'database migrated');
        }
        const known = new Set(migrations.map((migration) => migration.id));
        const unknown = [...applied].filter((id) => !known.has(id));
        if (unknown.length > 0)
            log.warn({ backend: 'sqlite', unknown }, 'the database has migrations this version does not know');
    });
    migrate.immediate();
}
class SqliteStore {
    db;
    location;
    backend = 'sqlite';
    state;
    /** One process serves an SQLite file: its turns are serialised in memory (see Store.turnLeases). */
    turnLeases = null;
    constructor(db, location, log) {
        this.db = db;
        this.location = location;
        this.state = new SqliteStateRepository(db, log);
    }
    get closed() {
        return !this.db.open;
    }
    async ping() {
        this.db.prepare('SELECT 1').get();
    }
    async close() {
        if (this.db.open)
            this.db.close();
    }
}
class SqliteStateRepository {
    log;
    selectOne;
    upsert;
    upsertIfEtag;
    upsertKeepingUpdatedAt;
    upsertIfEtagKeepingUpdatedAt;
    deleteOne;
    deleteOneIfEtag;
    deleteOlder;
    writeAll;
    constructor(db, log) {
        this.log = log;
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
        this.writeAll = db.transaction((writes) => {
            const etags = new Map();
            for (const write of writes)
                etags.set(write.key, this.writeRecord(write));
            return etags;
        });
    }
    writeOne(write) {
        return new Map([[write.key, this.writeRecord(write)]]);
    }
    /** Writes one record and returns its new etag; a stale etag throws (and rolls back the batch it is part of). */
    writeRecord(write) {
        const etag = (0, stateRows_1.newEtag)();
        const value = (0, stateRows_1.encodeStateValue)(write);
        const now = new Date().toISOString();
        if ((0, stateRows_1.isUnconditional)(write.etag)) {
            (write.keepUpdatedAt ? this.upsertKeepingUpdatedAt : this.upsert).run(write.key, value, etag, now);
        }
        else if ((write.keepUpdatedAt ? this.upsertIfEtagKeepingUpdatedAt : this.upsertIfEtag).run(write.key, value, etag, now, write.etag ?? '').changes === 0) {
            throw new errors_1.ETagConflictError(write.key);
        }
        return etag;
    }
    async read(keys, options = {}) {
        const rows = [];
        // Every ISO date sorts after the empty text: no cutoff reads every record.
        const usedSince = options.usedSince?.toISOString() ?? '';
        for (const key of new Set(keys)) {
            const row = this.selectOne.get(key, usedSince);
            if (row !== undefined)
                rows.push(row);
        }
        return (0, stateRows_1.decodeStateRows)(rows, this.log);
    }
    async write(writes) {
        if (writes.length === 0)
            return new Map();
        // One statement is atomic on its own: a turn's single record skips BEGIN and COMMIT.
        if (writes.length === 1)
            return this.writeOne(writes[0]);
        return this.writeAll(writes);
    }
    async delete(keys) {
        for (const key of new Set(keys))
            this.deleteOne.run(key);
    }
    async deleteIfUnchanged(key, etag) {
        return this.deleteOneIfEtag.run(key, etag).changes > 0;
    }
    async purgeOlderThan(date) {
        return this.deleteOlder.run(date.toISOString()).changes;
    }
}
//# sourceMappingURL=sqliteStore.js.map
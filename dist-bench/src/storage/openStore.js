"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openStore = openStore;
const databaseUrl_1 = require("./databaseUrl");
const migrations_1 = require("./migrations");
const sqliteStore_1 = require("./sqliteStore");
/**
 * Opens the database named by DATABASE_URL, runs the missing migrations, and checks it answers.
 * Rejects with DatabaseUrlError (bad URL) or StoreOpenError (unreachable, not a database, migration failed).
 */
async function openStore(databaseUrl, log, migrations = migrations_1.MIGRATIONS) {
    const location = (0, databaseUrl_1.parseDatabaseUrl)(databaseUrl);
    const store = location.backend === 'sqlite'
        ? (0, sqliteStore_1.openSqliteStore)(location.file, location.display, log, migrations)
        : // Loaded only for PostgreSQL: the driver costs a start that SQLite deployments never need.
            await require('./postgresStore').openPostgresStore(location.connectionString, location.schema, location.display, log, migrations);
    log.info({ backend: store.backend, location: store.location }, 'database open');
    return store;
}
//# sourceMappingURL=openStore.js.map
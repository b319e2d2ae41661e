import type { Logger } from '../log/logger';
import type * as PostgresStoreModule from './postgresStore';
import { parseDatabaseUrl } from './databaseUrl';
import { MIGRATIONS, type Migration } from './migrations';
import { openSqliteStore } from './sqliteStore';
import type { Store } from './store';

/**
 * Opens the database named by DATABASE_URL, runs the missing migrations, and checks it answers.
 * Rejects with DatabaseUrlError (bad URL) or StoreOpenError (unreachable, not a database, migration failed).
 */
export async function openStore(databaseUrl: string, log: Logger, migrations: readonly Migration[] = MIGRATIONS): Promise<Store> {
  const location = parseDatabaseUrl(databaseUrl);
  const store =
    location.backend === 'sqlite'
      ? openSqliteStore(location.file, location.display, log, migrations)
      : // Loaded only for PostgreSQL: the driver costs a start that SQLite deployments never need.
        await (require('./postgresStore') as typeof PostgresStoreModule).openPostgresStore(location.connectionString, location.schema, location.display, log, migrations);
  log.info({ backend: store.backend, location: store.location }, 'database open');
  return store;
}

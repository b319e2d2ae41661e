export { DatabaseUrlError, parseDatabaseUrl, type DatabaseLocation } from './databaseUrl';
export { ETagConflictError, StoreOpenError } from './errors';
export { MIGRATIONS, type Migration } from './migrations';
export { openStore } from './openStore';
export type { CorruptStateRecord, StateReadResult, StateRecord, StateRepository, StateValue, StateWrite, Store } from './store';

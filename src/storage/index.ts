export { DatabaseUrlError, parseDatabaseUrl, type DatabaseLocation } from './databaseUrl';
export { ETagConflictError, StoreOpenError, UnstorableReportError } from './errors';
export { MIGRATIONS, type Migration } from './migrations';
export { openStore } from './openStore';
export { startStatePurge, type StatePurge } from './statePurge';
export type {
  AuditRepository,
  CorruptStateRecord,
  DraftRepository,
  EnrolmentRepository,
  ReportRepository,
  StateReadOptions,
  StateReadResult,
  StateRecord,
  StateRepository,
  StateValue,
  StateWrite,
  Store,
  TurnLeaseRepository,
} from './store';

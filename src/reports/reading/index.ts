/** Reading what centre staff type in a report: pure functions, no I/O, never throwing on hostile text. */
export type { ReadProblem } from './problems';
export { MAX_COUNT } from './problems';
export { findNumbers, readCount, readCountFor } from './numbers';
export { readActionDates, type ActionDates } from './dates';
export { readReportKind } from './kinds';
export { readReportStatement, type ReportStatement } from './statement';
export { readReportIntent, readsAsQuestion, type ReportIntent } from './intent';
export { cleanAnswer, readFormCommand, saysNone, valueOfChange, type FormCommand, type ReportField } from './formCommands';

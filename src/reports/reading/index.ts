/** Reading what centre staff type in a report: pure functions, no I/O, never throwing on hostile text. */
export type { ReadProblem } from './problems';
export { MAX_COUNT } from './problems';
export { findNumbers, readCount, readCountFor, readCountNamed } from './numbers';
export { mentionsADay, readActionDates, readActionDatesInDetail, readRoughPeriod, type ActionDates, type MonthOfYear, type RoughPeriod, type WeekdayClash } from './dates';
export { readReportKind } from './kinds';
export { readReportStatement, readReportStatementInDetail, type DetailedStatement, type ReportStatement } from './statement';
export { readReportIntent, readsAsQuestion, type ReportIntent } from './intent';
export { cleanAnswer, readFormCommand, saysACorrection, saysNone, valueOfChange, type FormCommand, type ReportField } from './formCommands';
export { namesSheetUnderDiscussion } from './sheetReference';

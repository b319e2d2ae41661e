/**
 * Why an answer could not be taken as it is. The report form says plainly what to fix for each one and asks again.
 * - notANumber: a count that is not a whole number (« 2,5 », « -3 »);
 * - tooLarge: a count beyond what any report holds (over a million);
 * - notADate: a day that does not exist (« le 31 février »);
 * - future: a date after today in Paris, for an action already done;
 * - endBeforeStart: a period that ends before it starts;
 * - tooLong: a text longer than its field holds;
 * - approximate: « une quinzaine », « entre 10 et 15 », « plus de 20 »: the form asks for the exact number.
 */
export type ReadProblem = 'notANumber' | 'tooLarge' | 'notADate' | 'future' | 'endBeforeStart' | 'tooLong' | 'approximate';

/** The largest count a report holds (ReportBodySchema's counts). */
export const MAX_COUNT = 1_000_000;

import { createHash, randomInt } from 'node:crypto';

/**
 * One-time enrolment codes: what an administrator hands a centre (`npm run admin -- invite`) and its staff type to the
 * bot once. Crockford's base32 (https://www.crockford.com/base32.html) because people read codes aloud and copy them
 * by hand: no I, L, O or U, so nothing looks like 1, 0 or V, and reading forgives the usual mistakes.
 */

/** Crockford's alphabet: the digits, then the letters without I, L, O and U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;
/** 12 symbols of 5 bits: 60 bits, far beyond what slowed-down guessing could reach before a code expires. */
export const ENROLMENT_CODE_LENGTH = GROUPS * GROUP_LENGTH;

/** What Crockford's decoding reads each typed symbol as (upper case here); a symbol that is not there is not a code. */
const READ_AS = new Map<string, string>([...ALPHABET].map((symbol) => [symbol, symbol]));
READ_AS.set('O', '0');
READ_AS.set('I', '1');
READ_AS.set('L', '1');

/** « K7QX-M2PD-9RTA »: groups of four, the shape the administrator prints and the staff see. */
function formatCode(symbols: string): string {
  const groups: string[] = [];
  for (let start = 0; start < symbols.length; start += GROUP_LENGTH) groups.push(symbols.slice(start, start + GROUP_LENGTH));
  return groups.join('-');
}

/** A new one-time code, e.g. « K7QX-M2PD-9RTA » (Crockford base32, no I/L/O/U, ≥ 60 bits from node:crypto). */
export function newEnrolmentCode(): string {
  let symbols = '';
  // randomInt draws without modulo bias.
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) symbols += ALPHABET[randomInt(ALPHABET.length)];
  return formatCode(symbols);
}

/** The symbols of a run as Crockford reads them, with how many needed reading (O, I, L); null when a symbol is foreign. */
function readRun(run: string): { symbols: string; substitutions: number } | null {
  let symbols = '';
  let substitutions = 0;
  for (const typed of run.toUpperCase()) {
    const symbol = READ_AS.get(typed);
    if (symbol === undefined) return null;
    if (symbol !== typed) substitutions++;
    symbols += symbol;
  }
  return { symbols, substitutions };
}

/** Letters and digits of any script, so « était » is one word and not « tait » after a foreign « é ». */
const RUN = /[\p{L}\p{N}]+/gu;
/** What may stand between the groups of one code: spaces, dashes of any kind, dots, underscores. */
const JOINER = /^[\s\-‐‑‒–—._]+$/u;

interface Run {
  text: string;
  start: number;
  end: number;
}

interface Candidate {
  symbols: string;
  /** Joined by dashes only, as the code was printed. */
  printed: boolean;
  substitutions: number;
  hasDigit: boolean;
  end: number;
}

/** Better first: the code as printed, then one typed without a letter read as a digit, then one with digits, then the last. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.printed !== b.printed) return a.printed;
  if (a.substitutions !== b.substitutions) return a.substitutions < b.substitutions;
  if (a.hasDigit !== b.hasDigit) return a.hasDigit;
  return a.end > b.end;
}

/**
 * The code as typed → its canonical form, or null when the text does not hold one (lower case, spaces, missing dashes,
 * O for 0 and I/L for 1 are read as Crockford does; the code may sit inside a sentence « mon code est k7qx m2pd 9rta »).
 *
 * A code is one run of 12 symbols, or runs of 4 or 8 making 12 joined by spaces or dashes. In a sentence, words of the
 * sentence can make such runs too (« code » reads as C0DE), so the candidate most like a code wins.
 */
export function readEnrolmentCode(text: string): string | null {
  const runs: Run[] = [];
  for (const match of text.matchAll(RUN)) {
    runs.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  let best: Candidate | null = null;
  for (let first = 0; first < runs.length; first++) {
    let symbols = '';
    let substitutions = 0;
    let printed = true;
    for (let last = first; last < runs.length && last < first + GROUPS; last++) {
      const run = runs[last];
      if (run.text.length % GROUP_LENGTH !== 0 || symbols.length + run.text.length > ENROLMENT_CODE_LENGTH) break;
      if (last > first) {
        const joiner = text.slice(runs[last - 1].end, run.start);
        if (!JOINER.test(joiner)) break;
        if (!/^[-‐‑‒–—]$/u.test(joiner)) printed = false;
      }
      const read = readRun(run.text);
      if (!read) break;
      symbols += read.symbols;
      substitutions += read.substitutions;
      if (symbols.length === ENROLMENT_CODE_LENGTH) {
        // One run of twelve was not printed that way: the dashes are part of the printed shape.
        const candidate = { symbols, printed: printed && last > first, substitutions, hasDigit: /\d/.test(symbols), end: run.end };
        if (!best || better(candidate, best)) best = candidate;
        break;
      }
    }
  }
  return best ? formatCode(best.symbols) : null;
}

/** What the database keeps: a SHA-256 (hex) of the canonical code — never the code. */
export function hashEnrolmentCode(code: string): string {
  const read = readRun(code.replace(/[\s\-‐‑‒–—._]/gu, ''));
  // The code comes from newEnrolmentCode or readEnrolmentCode; anything else is a mistake of the caller, not the user's.
  if (!read || read.symbols.length !== ENROLMENT_CODE_LENGTH) throw new TypeError('hashEnrolmentCode expects an enrolment code');
  return createHash('sha256').update(formatCode(read.symbols), 'utf8').digest('hex');
}

/** Wrong codes that cost nothing: a typo or two. From the third in a row on, each next attempt waits (README). */
const FREE_FAILURES = 2;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/**
 * How long an account must wait after `failures` wrong codes in a row: 0 after 0 to 2, then 30 s after the third
 * (so the fourth attempt waits), doubling with each further failure, at most 1 h.
 */
export function enrolmentRetryDelayMs(failures: number): number {
  const wrong = Math.floor(failures);
  // NaN and negative counts are no failures.
  if (!(wrong > FREE_FAILURES)) return 0;
  const doublings = wrong - FREE_FAILURES - 1;
  // 30 s · 2^7 is past the hour already; stopping there keeps 2^n finite for any count.
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(doublings, 8));
}

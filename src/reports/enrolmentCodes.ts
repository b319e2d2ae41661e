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

/**
 * A new one-time code, e.g. « K7QX-M2PD-9RTA » (Crockford base32, no I/L/O/U, ≥ 59 bits from node:crypto). It always
 * holds a digit from 2 to 9, one that no letter looks like: however it is retyped (lower case, O for 0, I or L for 1),
 * a typed code shows a digit, which is how a code is told from three words of four letters (« does LAEP mean »).
 */
export function newEnrolmentCode(): string {
  let symbols = '';
  // Drawn again until it holds such a digit (about one draw in 30): uniform over the codes kept, and randomInt draws
  // without modulo bias. The few codes left out cost a twentieth of a bit.
  do {
    symbols = '';
    for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) symbols += ALPHABET[randomInt(ALPHABET.length)];
  } while (!UNMISTAKABLE_DIGIT.test(symbols));
  return formatCode(symbols);
}

/** The digits no letter is read as (O is 0, I and L are 1). */
const UNMISTAKABLE_DIGIT = /[2-9]/;

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

/**
 * CODE-TALK: the only words a message may hold beside a code (folded, one word each, as « c'est » or « s'il vous
 * plaît » split at their apostrophes): greetings and thanks, « mon code est », « voici le code », « le code reçu par
 * mail », « my code is », « here's the code ». Any other word makes the message a sentence, and a sentence is not a
 * code, however its words read: « what does LAEP mean? » holds DOES-1AEP-MEAN, « need more help » NEED-M0RE-HE1P.
 */
const CODE_TALK = new Set([
  // Greetings, thanks, agreement.
  'bonjour', 'bonsoir', 'salut', 'coucou', 'merci', 'svp', 'stp', 's', 'il', 'vous', 'plait', 'ok', 'oui', 'alors', 'et', 'tenez',
  'hello', 'hi', 'hey', 'thanks', 'thank', 'you', 'please', 'okay', 'yes', 'and', 'so',
  // « mon code est », « voici le code », « c'est le code d'inscription du centre », « j'ai reçu le code par mail ».
  'voici', 'voila', 'ici', 'c', 'est', 'mon', 'ma', 'mes', 'notre', 'nos', 'votre', 'vos', 'le', 'la', 'les', 'l', 'un', 'une', 'du', 'de', 'des', 'd',
  'code', 'codes', 'inscription', 'invitation', 'enrolement', 'activation', 'acces', 'centre', 'j', 'ai', 'a',
  'recu', 'recue', 'recus', 'donne', 'donnee', 'envoye', 'envoyee', 'transmis', 'transmise', 'communique', 'communiquee',
  'par', 'mail', 'email', 'e', 'courriel', 'sms', 'message', 'caf', 'admin', 'administrateur', 'administratrice', 'suivant', 'ci', 'dessous',
  // « my code is », « here's the code », « the enrolment code I got by email ».
  'my', 'our', 'your', 'the', 'an', 'is', 'it', 'this', 'here', 'enrolment', 'enrollment', 'registration', 'invite', 'access',
  'i', 'got', 'have', 'received', 'given', 'sent', 'by', 'from', 'via',
]);

function isCodeTalk(word: string): boolean {
  return CODE_TALK.has(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
}

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
 * O for 0 and I/L for 1 are read as Crockford does; the code may sit inside code-talk « mon code est k7qx m2pd 9rta »).
 *
 * A code is one run of 12 symbols, or runs of 4 or 8 making 12 joined by spaces or dashes, and it is taken only when:
 * - every other word of the message is code-talk (CODE_TALK): a question or a sentence around it is no code;
 * - it was typed with a digit: every code newEnrolmentCode makes holds one that no letter looks like, and words of four
 *   letters (« need more help », « DOES-LAEP-MEAN ») hold none.
 * Among several such runs, the one most like a code wins (« code » itself reads as C0DE).
 */
export function readEnrolmentCode(text: string): string | null {
  const runs: Run[] = [];
  for (const match of text.matchAll(RUN)) {
    runs.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  // otherWords[i]: how many of the first i runs are not code-talk, so that the words around a candidate are checked at once.
  const otherWords = new Int32Array(runs.length + 1);
  runs.forEach((run, i) => {
    otherWords[i + 1] = otherWords[i] + (isCodeTalk(run.text) ? 0 : 1);
  });
  const onlyTalkAround = (first: number, last: number) => otherWords[first] === 0 && otherWords[runs.length] - otherWords[last + 1] === 0;
  let best: Candidate | null = null;
  for (let first = 0; first < runs.length; first++) {
    // A word before this one is not code-talk: no code starting here or later has only code-talk before it.
    if (otherWords[first] > 0) break;
    let symbols = '';
    let substitutions = 0;
    let printed = true;
    let typedDigit = false;
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
      typedDigit ||= /[0-9]/.test(run.text);
      if (symbols.length === ENROLMENT_CODE_LENGTH) {
        // One run of twelve was not printed that way: the dashes are part of the printed shape.
        if (typedDigit && onlyTalkAround(first, last)) {
          const candidate = { symbols, printed: printed && last > first, substitutions, hasDigit: /\d/.test(symbols), end: run.end };
          if (!best || better(candidate, best)) best = candidate;
        }
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

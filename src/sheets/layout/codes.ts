import { basename } from 'node:path';
import { isCodeLabel } from '../headings';

/**
 * A sheet's code as the plan writes it: « PA 3.2.1 », « FICHE 1.2.5 (version 2017) », « Fiche action n°4 »,
 * « Fiche n° 6 », « FA 3 », « Action 2.1 », « Fiche-action 7 », « Action n° 3.4 », « Fiche B2 » (a letter for the
 * plan's theme, then a number), « N° de fiche : 6 ». The number is kept as written, without spaces, its letters in
 * capitals: "3.2.1", "4", "B2".
 */

export interface CodeLine {
  /** "PA", "FICHE-ACTION", "ACTION"… as written, upper case. */
  prefix: string;
  number: string;
  version?: string;
  title: string;
}

/** The sheet number pattern of the model (model.ts): an optional one- or two-letter theme, then dotted digits. */
export const SHEET_NUMBER = /^(?:[A-Z]{1,2}[.-]?)?\d{1,3}(?:\.\d{1,3})*$/;

const NUMBER = String.raw`((?:[A-Za-z]{1,2}[.-]?)?\d{1,2}(?:\s*\.\s*\d{1,2}){0,3})`;
const CODE_LINE = new RegExp(
  String.raw`^(fiche[\s-]*actions?|fiche|pa|fa|actions?\s+sheet|sheet|action)\.?\s*(?:n\s*[°ºo]\s*|no\.?\s+|num[ée]ro\s*)?:?\s*` +
    NUMBER +
    String.raw`(?![\d\p{L}])\s*(?:\(([^)]*)\))?\s*(?:[-–—:.]\s*)?(.*)$`,
  'iu',
);
const VERSION_NOTE = /version|\bv\s?\d|\b(?:19|20)\d{2}\b|mise [àa] jour|\bmaj\b/i;
const ACTION_PREFIX = /^action$/i;

/** "b-2" → "B2", "3 . 2 .1" → "3.2.1"; undefined when the letters were not written as capitals (« en 3 points »). */
function normalisedNumber(written: string): string | undefined {
  const compact = written.replace(/\s+/g, '');
  const letters = /^[A-Za-z]+/.exec(compact)?.[0] ?? '';
  if (letters && letters !== letters.toUpperCase()) return undefined;
  const number = letters ? letters + compact.slice(letters.length).replace(/^[.-]/, '') : compact;
  return SHEET_NUMBER.test(number) ? number : undefined;
}

/** The code a line opens with, if it does. */
export function readCodeLine(body: string): CodeLine | undefined {
  const match = CODE_LINE.exec(body);
  if (match) {
    const number = normalisedNumber(match[2]);
    if (!number) return undefined;
    const prefix = match[1].replace(/\s+/g, ' ').toUpperCase();
    const note = match[3]?.trim();
    let title = match[4].replace(/\*\*/g, '').replace(/[\s:]+$/, '').trim();
    let version: string | undefined;
    if (note && VERSION_NOTE.test(note)) version = note;
    else if (note) title = `(${note}) ${title}`.trim();
    return { prefix, number, ...(version ? { version } : {}), title };
  }
  // "N° de fiche : 6", "Référence : B2".
  const colon = body.indexOf(':');
  if (colon > 0 && isCodeLabel(body.slice(0, colon))) {
    const number = normalisedNumber(body.slice(colon + 1).trim().replace(/^n\s*°\s*/i, ''));
    if (number) return { prefix: 'FICHE', number, title: '' };
  }
  return undefined;
}

/** Whether the code is an "Action …" one, which may as well be an action of a sheet as a sheet. */
export function isActionCode(code: CodeLine): boolean {
  return ACTION_PREFIX.test(code.prefix);
}

/** Number of levels of a code's number ("3.2.1" → 3), to tell a plan's sheets from the actions inside them. */
export function codeDepth(code: CodeLine): number {
  return code.number.split('.').length;
}

/** Codes of the same family: both sheets of one plan ("Fiche 1.1" and "Fiche 1.2", not "Fiche-action 7" and "Action 7.1"). */
export function sameFamily(a: CodeLine, b: CodeLine): boolean {
  const family = (code: CodeLine) => code.prefix.replace(/[\s-]+/g, ' ').replace(/^FICHE ACTIONS?$/, 'FICHE ACTION');
  return family(a) === family(b) && codeDepth(a) === codeDepth(b) && /^[A-Z]/.test(a.number) === /^[A-Z]/.test(b.number);
}

const FILE_NUMBER =
  /(?:^|[-_ .])(?:(pa|fa|fiche[-_ ]?actions?|fiche|actions?|sheet)[-_ ]?)?(?:n[°o]?[-_ ]?)?((?:[A-Z]{1,2})?\d{1,2}(?:[._-]\d{1,2}){0,3})$/i;

/**
 * The number a file name gives ("metz-cdv-action-3.4.txt" → ACTION 3.4, "fiche_2_1_4.md" → FICHE 2.1.4), for a
 * sheet whose text names its title but not its number.
 */
export function codeFromFileName(file: string): { prefix: string; number: string } | undefined {
  const stem = basename(file).replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const match = FILE_NUMBER.exec(stem);
  if (!match) return undefined;
  const number = normalisedNumber(match[2].replace(/[_-]/g, '.').replace(/^([A-Za-z]+)\./, '$1'));
  if (!number) return undefined;
  // A year ("plan-2024") or a long count is not a sheet number.
  if (/^\d{3,}$/.test(number)) return undefined;
  const prefix = (match[1] ?? 'fiche').replace(/[-_ ]+/g, '-').toUpperCase();
  return { prefix, number };
}

import { fold } from '../language/text';
import { rememberMany } from '../shared/remember';
import { GLOSSARY_TERMS } from './glossary';
import type { AxisStep, Sheet } from './model';
import { normaliseTerm } from './terms';

/**
 * How sheet texts are shown: the sheet's words, with ALL-CAPS titles and headings put in sentence case (easier to
 * read, and screen readers do not spell them out) and long passages cut around the words that matched.
 */

/** Headings and titles are short; a long line is a paragraph whatever its case. */
const MAX_UPPER_CASE_LINE = 200;

export function isMostlyUpperCase(text: string): boolean {
  if (text.length > MAX_UPPER_CASE_LINE) return false;
  let letters = 0;
  let upper = 0;
  for (const char of text) {
    const lower = char.toLowerCase();
    const isLetter = lower !== char.toUpperCase();
    if (!isLetter) continue;
    letters++;
    if (char !== lower) upper++;
  }
  return letters >= 3 && upper / letters >= 0.85;
}

/**
 * "POURSUIVRE LE DÉVELOPPEMENT … (CLP)" → "Poursuivre le développement … (CLP)". Mixed-case text is left as is.
 * Titles and headings come back in every answer: their readable form is remembered.
 */
export const readableText: (text: string) => string = rememberMany(20_000, sentenceCase);

function sentenceCase(text: string): string {
  if (!isMostlyUpperCase(text)) return text;
  const lower = text.replace(/[\p{L}\p{N}]+/gu, (word, offset: number) => {
    const inParentheses = text[offset - 1] === '(' && text[offset + word.length] === ')';
    if (inParentheses || GLOSSARY_TERMS.has(fold(word))) return word;
    return word.toLowerCase();
  });
  return lower.replace(/^(\P{L}*)(\p{L})/u, (_, before: string, first: string) => before + first.toUpperCase());
}

/** Where the whole sheet is served as a page (src/server/sheetPage.ts registers the route). */
export const SHEET_PAGE_PREFIX = '/sheets';

/**
 * The page's path for a sheet: `/sheets/rhone-sdsf/3.2.1`. It lives here, beside the sheet's other forms, so that the
 * cards and the message extension can link to the page without depending on the server.
 */
export function sheetPagePath(sheet: Pick<Sheet, 'plan' | 'number'>): string {
  return `${SHEET_PAGE_PREFIX}/${encodeURIComponent(sheet.plan.id)}/${encodeURIComponent(sheet.number)}`;
}

export function sheetTitle(sheet: Sheet): string {
  return readableText(sheet.title);
}

/** "PA 3.2.1 — Poursuivre le développement…". */
export function sheetName(sheet: Sheet): string {
  return `${sheet.code} — ${sheetTitle(sheet)}`;
}

function axisStepText(step: AxisStep): string {
  const head = step.kind ? `${step.kind} ${step.number}` : step.number;
  return step.title ? `${head} ${readableText(step.title)}` : head;
}

/** "3 Coordonner l'offre… › 3.2 Renforcer la gouvernance…" or "Pilier 1 › Axe 2". */
export function axisPath(sheet: Sheet): string {
  return sheet.axis.map(axisStepText).join(' › ');
}

/** A passage, cut to about `max` characters around the first word that matched, with "…" where it was cut. */
export function excerpt(text: string, matchedTerms: ReadonlySet<string>, max = 200): string {
  if (text.length <= max) return text;
  let anchor = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (matchedTerms.has(normaliseTerm(fold(match[0])))) {
      anchor = match.index ?? 0;
      break;
    }
  }
  let start = Math.max(0, anchor - Math.floor(max / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < anchor ? space + 1 : start;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/** The first `max` characters of a passage, cut at a word. */
export function shorten(text: string, max = 160): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return `${text.slice(0, space > max / 2 ? space : max).replace(/[\s,;:]+$/, '')}…`;
}

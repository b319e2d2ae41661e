import { knownHeading } from '../headings';

/**
 * Text taken out of a PDF, made readable as a sheet: page furniture (running headers, footers, page numbers) dropped,
 * lines cut at the page width joined again, words hyphenated across lines mended, any bullet glyph turned into « - ».
 * Headings, list items and blank lines between paragraphs are kept, so the parser still sees the structure.
 * Pages are separated by form feeds (`\f`), as PDF readers and `pdftotext` write them.
 */

/** "3", "- 3 -", "Page 3", "page 3/12", "3 / 12", "p. 3", "3 sur 12", "Page 3 of 12". */
const PAGE_NUMBER = /^[-–—\s]*(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:\/|sur|of)\s*\d{1,4})?[-–—\s]*$/i;
/** Only the explicit forms: a bare "3" in a text file is too often something else. */
const NAMED_PAGE_NUMBER = /^[-–—\s]*(?:(?:page|p\.)\s*\d{1,4}(?:\s*(?:\/|sur|of)\s*\d{1,4})?|\d{1,4}\s*(?:\/|sur|of)\s*\d{1,4})[-–—\s]*$/i;
/**
 * Bullet glyphs of word processors and their PDF fonts: the Symbol / Wingdings ones land in the private use area
 * (U+F0B7 , U+F0A7 , U+F0D8 …), others are ordinary characters. "o" is Word's second-level bullet.
 */
const BULLET_GLYPH = /^(\s*)(?:[\uE000-\uF8FF•▪▫◦‣●○■□►▸▹➔➜➢➤→⇒✓✔❖◆◇∙·–—]|o(?=\s+\S))\s*/u;
const LIST_START = /^\s*(?:-\s|\*\s|\+\s|\d{1,2}(?:\.\d{1,2})*\s*[.)]\s|[a-z]\)\s)/u;
const SENTENCE_END = /[.!?:;…]\s*$/u;
/** The word before a line-final hyphen ("terri-" → "terri"), or undefined; `endsWith` first: most lines have none. */
function hyphenatedEnd(line: string): string | undefined {
  if (!line.endsWith('-')) return undefined;
  const word = /(\p{L}{2,})-$/u.exec(line.slice(-40));
  return word?.[1];
}
const FORM_FEED = '\f';

export interface CleaningOptions {
  /** Set when the text certainly comes from a PDF: a bare number alone on a line is then a page number. */
  fromPdf?: boolean;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Mostly capitals and short: "PILOTAGE ET PARTENARIAT", "1. CONTEXTE". */
function looksLikeHeading(line: string, width: number): boolean {
  const text = line.trim();
  if (text.startsWith('#') || text.includes('\t')) return true;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase()) return true;
  if (text.length < width * 0.6 && /^\d+(?:\.\d+)*\.?\s+\p{Lu}/u.test(text) && !SENTENCE_END.test(text)) return true;
  return /^\*\*.*\*\*:?$/.test(text) || (text.length < 60 && /:\s*$/.test(text));
}

/**
 * A heading written in ordinary case ("Partenaires", "Pilote de l'action"): a heading of the field vocabulary, or a
 * short capitalised line with no final stop followed by a list item or a blank line.
 */
function opensBlock(text: string, following: string | undefined): boolean {
  if (knownHeading(text)) return true;
  if (!/^\p{Lu}/u.test(text) || text.length > 50 || SENTENCE_END.test(text) || text.split(/\s+/).length > 6) return false;
  return following === undefined || !following.trim() || LIST_START.test(following) || BULLET_GLYPH.test(following);
}

/** A line as long as the text block's usual full line, i.e. one the PDF cut because the page ended there. */
function typicalWidth(lines: string[]): number {
  const lengths = lines.map((line) => line.trim().length).filter((length) => length > 0).sort((a, b) => a - b);
  if (lengths.length === 0) return 0;
  return lengths[Math.floor(lengths.length * 0.9)] ?? lengths[lengths.length - 1];
}

function splitPages(text: string): string[][] {
  return text.split(FORM_FEED).map((page) => page.split('\n'));
}

/** The few lines at the top and bottom of a page, where running headers and footers sit. */
function edgeIndexes(page: string[]): number[] {
  const filled = page.map((line, index) => (line.trim() ? index : -1)).filter((index) => index >= 0);
  return [...new Set([...filled.slice(0, 3), ...filled.slice(-3)])];
}

/** "Schéma 2023 — page 3" and "Schéma 2023 — page 4": one footer whose number follows the page. */
function furnitureKey(line: string): string {
  return fold(line).replace(/\d+/g, '#');
}

/** A bare "2024" at the foot of a page is a year, not the page number of a 12-page document. */
function isPageNumber(line: string, pattern: RegExp, pageCount: number): boolean {
  if (!pattern.test(line)) return false;
  const bare = /^[-–—\s]*(\d+)[-–—\s]*$/.exec(line);
  return !bare || Number(bare[1]) <= pageCount + 10;
}

function dropPageFurniture(pages: string[][], fromPdf: boolean): string[][] {
  const pageNumber = fromPdf ? PAGE_NUMBER : NAMED_PAGE_NUMBER;
  const drop = pages.map(() => new Set<number>());
  if (pages.length >= 2) {
    // A line found at the edge of most pages, the same or with only its numbers changed, is a running header/footer.
    const pagesWith = new Map<string, Set<number>>();
    pages.forEach((page, pageIndex) => {
      for (const index of edgeIndexes(page)) {
        const key = furnitureKey(page[index]);
        if (!pagesWith.has(key)) pagesWith.set(key, new Set());
        pagesWith.get(key)!.add(pageIndex);
      }
    });
    const needed = Math.max(2, Math.ceil(pages.length * 0.5));
    pages.forEach((page, pageIndex) => {
      for (const index of edgeIndexes(page)) {
        const line = page[index].trim();
        const seenOn = pagesWith.get(furnitureKey(line))?.size ?? 0;
        if (isPageNumber(line, pageNumber, pages.length) || (seenOn >= needed && line.length <= 160 && !/^\d+$/.test(line))) drop[pageIndex].add(index);
      }
    });
  } else {
    // One page, or a text file that lost its form feeds: explicit page numbers, and the lines repeated 3 times or
    // more right next to one (the footer printed with it).
    const lines = pages[0] ?? [];
    const counts = new Map<string, number>();
    for (const line of lines) if (line.trim()) counts.set(fold(line), (counts.get(fold(line)) ?? 0) + 1);
    lines.forEach((line, index) => {
      if (!pageNumber.test(line.trim()) || !line.trim()) return;
      drop[0].add(index);
      for (let near = Math.max(0, index - 2); near <= Math.min(lines.length - 1, index + 2); near++) {
        if (near !== index && lines[near].trim() && (counts.get(fold(lines[near])) ?? 0) >= 3) drop[0].add(near);
      }
    });
  }
  return pages.map((page, pageIndex) => page.filter((_, index) => !drop[pageIndex].has(index)));
}

function trimBlankEdges(page: string[]): string[] {
  let start = 0;
  let end = page.length;
  while (start < end && !page[start].trim()) start++;
  while (end > start && !page[end - 1].trim()) end--;
  return page.slice(start, end);
}

function normaliseBullet(line: string): string {
  const match = BULLET_GLYPH.exec(line);
  if (!match) return line;
  return `${match[1]}- ${line.slice(match[0].length)}`;
}

/**
 * Joins the lines of each paragraph that the page width cut, and mends hyphenation. A hyphen is kept when the
 * hyphenated word is written so elsewhere in the text ("grands-parents"), dropped otherwise ("parenta-lité").
 */
function joinCutLines(lines: string[], wholeText: string): string[] {
  const width = typicalWidth(lines);
  const out: string[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\s+$/, '');
    const previous = out.length > 0 ? out[out.length - 1] : undefined;
    if (previous === undefined || !previous.trim() || !line.trim() || previous.includes('\t') || line.includes('\t')) {
      out.push(line);
      continue;
    }
    const next = line.trim();
    const startsLower = /^\p{Ll}/u.test(next);
    const nextIsHeading = !LIST_START.test(line) && (looksLikeHeading(line, width) || opensBlock(next, lines[index + 1]));
    const nextIsNew = LIST_START.test(line) || nextIsHeading;
    const hyphen = startsLower ? hyphenatedEnd(previous) : undefined;
    if (hyphen !== undefined) {
      const rest = /^\p{L}+/u.exec(next)?.[0] ?? '';
      const keep = wholeText.includes(`${hyphen}-${rest}`);
      out[out.length - 1] = `${previous.slice(0, keep ? previous.length : -1)}${next}`;
      continue;
    }
    const previousIsHeading = !LIST_START.test(previous) && looksLikeHeading(previous, width);
    const previousFull = width >= 40 && previous.trim().length >= width * 0.7;
    const cutMidSentence = !SENTENCE_END.test(previous) && (previousFull || startsLower);
    if (!nextIsNew && !previousIsHeading && cutMidSentence) {
      out[out.length - 1] = `${previous} ${next}`;
      continue;
    }
    // A heading right under a paragraph or a list: the blank line the page showed with space is written out.
    if (nextIsHeading && !previousIsHeading && !/:\s*$/.test(next)) out.push('');
    out.push(line);
  }
  return out;
}

export function cleanExtractedText(text: string, options: CleaningOptions = {}): string {
  const copied = text.replace(/\r\n?/g, '\n').replace(/\u00ad/g, '').replace(/[\u00a0\u202f]/g, ' ');
  // Text copied out of a PDF loses its page breaks but keeps the footers that ended each page (« Schéma – page 3/12 »):
  // each such line ends a page, so headers and footers repeated at page edges can be found as in a PDF.
  const unified = copied.includes(FORM_FEED) ? copied : withPageBreaksAfterFooters(copied);
  const fromPdf = options.fromPdf ?? unified.includes(FORM_FEED);
  const pages = dropPageFurniture(splitPages(unified), fromPdf);
  // Paragraphs do not stop at a page break: the pages are read as one flow once their furniture is gone.
  const lines = pages.flatMap(trimBlankEdges).map(normaliseBullet);
  const joined = joinCutLines(lines, unified);
  return joined.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A line that numbers its page out of the total, alone or after a running title: « page 3/12 », « – 6 / 14 ». */
const PAGE_OF_LINE = /(?:^|\s)(?:page|p\.)?\s*\d{1,4}\s*(?:\/|sur|of)\s*\d{1,4}\s*[-–—]?\s*$/i;

function withPageBreaksAfterFooters(text: string): string {
  const lines = text.split('\n');
  const footers = lines.filter((line) => line.trim().length <= 120 && PAGE_OF_LINE.test(line.trim()));
  if (footers.length < 2) return text;
  return lines.map((line) => (line.trim().length <= 120 && PAGE_OF_LINE.test(line.trim()) ? `${line}\n${FORM_FEED}` : line)).join('\n');
}

export interface ExtractSigns {
  formFeeds: number;
  pageNumberLines: number;
  glyphBullets: number;
  /** Long lines that stop mid-sentence and go on, lower case, on the next line. */
  cutLines: number;
  longLines: number;
}

/** The measurable signs that a text file was copied out of a PDF. */
export function extractSigns(text: string): ExtractSigns {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const width = typicalWidth(lines);
  let cutLines = 0;
  let longLines = 0;
  for (let index = 0; width >= 40 && index < lines.length; index++) {
    if (lines[index].length < width * 0.7) continue;
    const line = lines[index].trim();
    if (line.length < width * 0.7 || line.includes('\t')) continue;
    longLines++;
    const next = (lines[index + 1] ?? '').trim();
    if (!SENTENCE_END.test(line) && (/^\p{Ll}/u.test(next) || hyphenatedEnd(line) !== undefined)) cutLines++;
  }
  return {
    formFeeds: (text.match(/\f/g) ?? []).length,
    pageNumberLines: /\d\s*(?:\/|sur|of)\s*\d|page\s*\d|\bp\.\s*\d/i.test(text) ? lines.filter((line) => line.trim() !== '' && NAMED_PAGE_NUMBER.test(line.trim())).length : 0,
    glyphBullets: /[\uE000-\uF8FF]/u.test(text) ? lines.filter((line) => /^\s*[\uE000-\uF8FF]/u.test(line)).length : 0,
    cutLines,
    longLines,
  };
}

/**
 * Whether a `.txt` reads as a PDF extract: a form feed, two explicit page numbers, a private-use bullet glyph
 * (only PDF fonts produce them), or at least three long lines cut mid-sentence making a quarter of the long lines.
 * Text typed or copied from Word has none of these, so it is left exactly as written.
 */
const CUT_CANDIDATE = /[^.!?:;…\s][ \t]*\r?\n[ \t]*\p{Ll}/gu;

function countUpTo(pattern: RegExp, text: string, limit: number): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < limit && pattern.exec(text)) count++;
  return count;
}

export function looksLikePdfExtract(text: string): boolean {
  // Checked on every .txt at start: the cheap whole-text signs first, the line-by-line measure only when needed.
  if (text.includes(FORM_FEED) || /^[ \t]*[\uE000-\uF8FF]/mu.test(text)) return true;
  const maybePageNumbers = /\d\s*(?:\/|sur|of)\s*\d|page\s*\d|\bp\.\s*\d/i.test(text);
  // A line cut mid-sentence is followed by one starting in lower case: without any, no need to measure the lines.
  if (!maybePageNumbers && countUpTo(CUT_CANDIDATE, text, 3) < 3) return false;
  const signs = extractSigns(text);
  if (signs.pageNumberLines >= 2) return true;
  return signs.cutLines >= 3 && signs.cutLines >= signs.longLines * 0.25;
}

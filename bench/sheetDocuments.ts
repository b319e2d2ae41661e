import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { SheetIndex } from '../src/sheets';
import { loadSheetKnowledgeWithDocuments } from '../src/sheets/loader';
import { median, type BenchRow } from './table';

/**
 * A plan as its PDF is printed: A4 pages, text wrapped at the page width with long words hyphenated at the line's
 * end, bullets drawn as « • », a running header and a footer with « Page n/N » on every page. Used by the bench
 * (a 100-page plan) and by the document tests (a seed sheet as a PDF).
 */
export interface PdfPlanOptions {
  header?: string;
  footer?: string;
  fontSize?: number;
}

const PAGE = { width: 595, height: 842, margin: 60 };

function encodable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text.replace(/\t/g, ' ').replace(/[\u202f\u2009]/g, ' ')].map((char) => (known.has(char.codePointAt(0)!) ? char : ' ')).join('');
}

/** Words fitted to `width`; a word that does not fit is cut with a hyphen when both halves keep 3 letters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    let cut = 0;
    if (/^\p{L}{7,}[,.;]?$/u.test(word)) {
      for (let at = word.length - 3; at >= 3; at--) {
        if (fits(`${line} ${word.slice(0, at)}-`)) {
          cut = at;
          break;
        }
      }
    }
    if (cut > 0) {
      lines.push(`${line} ${word.slice(0, cut)}-`);
      line = word.slice(cut);
    } else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Writes `text` (blank lines between paragraphs; lines starting « - », « · » or « • » are bullets) as a PDF. */
export async function pdfFromText(text: string, options: PdfPlanOptions = {}): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const size = options.fontSize ?? 11;
  const leading = size * 1.35;
  const width = PAGE.width - 2 * PAGE.margin;
  const pages: PDFPage[] = [];
  let page: PDFPage | undefined;
  let y = 0;
  const newPage = () => {
    page = document.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    y = PAGE.height - PAGE.margin - leading;
  };
  const draw = (line: string, x: number, lineFont: PDFFont) => {
    if (!page || y < PAGE.margin + leading) newPage();
    page!.drawText(encodable(lineFont, line), { x, y, size, font: lineFont });
    y -= leading;
  };
  newPage();
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      y -= leading * 0.8;
      continue;
    }
    const bullet = /^[-·•]\s*/.exec(line);
    if (bullet) {
      const [first, ...rest] = wrap(line.slice(bullet[0].length), font, size, width - 14);
      draw(`•  ${first ?? ''}`, PAGE.margin, font);
      for (const next of rest) draw(next, PAGE.margin + 14, font);
      continue;
    }
    const heading = line.length < 60 && !/[.;,]$/.test(line) && !/^\d+\./.test(line);
    for (const next of wrap(line, heading ? bold : font, size, width)) draw(next, PAGE.margin, heading ? bold : font);
  }
  pages.forEach((each, index) => {
    if (options.header) each.drawText(encodable(font, options.header), { x: PAGE.margin, y: PAGE.height - 30, size: 8, font });
    const footer = `${options.footer ? `${options.footer}  ` : ''}Page ${index + 1}/${pages.length}`;
    each.drawText(encodable(font, footer), { x: PAGE.margin, y: 25, size: 8, font });
  });
  return document.save();
}

const TARGET_PAGES = 100;

/** One plan exported whole would hold many sheets; here one long sheet, so the row measures reading, not splitting. */
function longSheet(pages: number): string {
  const paragraph =
    "Les familles expriment le besoin d'être accompagnées dans le dialogue avec leurs enfants, notamment lors des transitions scolaires, et les professionnels des centres sociaux souhaitent partager leurs pratiques d'accompagnement à la parentalité sur l'ensemble du territoire départemental.";
  const blocks = ['FICHE 9.9.9 - Plan départemental de soutien à la parentalité', '', 'Contexte', ''];
  // About 45 lines a page, 4 lines a paragraph with its blank line and two bullets.
  for (let index = 0; index < Math.ceil(pages * 8.2); index++) blocks.push(`${paragraph} (${index + 1})`, `- Caf et communes partenaires du territoire numéro ${index + 1}`, '');
  blocks.push('Pilotage', '', 'Caf du département', '');
  return blocks.join('\n');
}

/** A 100-page plan PDF read and indexed the first time (no cache), then from the cache. */
export async function runSheetDocumentsBench(): Promise<BenchRow[]> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-pdf-'));
  try {
    const sheets = path.join(directory, 'sheets', 'plan-pdf');
    fs.mkdirSync(sheets, { recursive: true });
    fs.writeFileSync(path.join(sheets, 'plan.json'), JSON.stringify({ id: 'plan-pdf', title: 'Plan en PDF' }));
    const bytes = await pdfFromText(longSheet(TARGET_PAGES), { header: 'Schéma départemental des services aux familles', footer: 'SDSF' });
    const pageCount = (await PDFDocument.load(bytes)).getPageCount();
    fs.writeFileSync(path.join(sheets, 'plan.pdf'), bytes);

    const load = async (cacheDir: string) => {
      const started = performance.now();
      const knowledge = await loadSheetKnowledgeWithDocuments(path.join(directory, 'sheets'), { cacheDir });
      SheetIndex.build(knowledge.sheets);
      return { seconds: (performance.now() - started) / 1000, knowledge };
    };
    const first: number[] = [];
    const cached: number[] = [];
    let loaded = 0;
    let problem = '';
    for (let run = 0; run < 3; run++) {
      const cacheDir = path.join(directory, `cache-${run}`);
      const cold = await load(cacheDir);
      first.push(cold.seconds);
      const warm = await load(cacheDir);
      cached.push(warm.seconds);
      loaded = warm.knowledge.sheets.length;
      problem = [...cold.knowledge.problems, ...warm.knowledge.problems].map((each) => each.reason).join('; ');
    }
    const rows: BenchRow[] = [
      { name: `sheets: ${pageCount}-page plan PDF read + indexed, first time`, value: median(first), unit: 's', target: { max: 5 } },
      { name: `sheets: ${pageCount}-page plan PDF read + indexed, from the cache`, value: median(cached), unit: 's', target: { max: 0.3 } },
    ];
    if (loaded !== 1 || pageCount < TARGET_PAGES) {
      rows.push({ name: 'sheets: plan PDF gave its sheet', value: loaded, unit: `sheet (${pageCount} pages)`, target: { min: 1 }, error: problem || `only ${pageCount} pages` });
    }
    return rows;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import {
  cachedDocumentText,
  cleanExtractedText,
  DocumentCache,
  documentKind,
  looksLikePdfExtract,
  PdfReader,
  readDocumentText,
  type DocumentKind,
  type DocumentText,
} from './documents';
import { parseSheets } from './parser';
import { PlanSchema, type LoadProblem, type Plan, type Sheet, type SheetKnowledge } from './model';

/**
 * Loads every sheet file under a directory — `.txt`, `.md`, `.pdf`, `.docx` — each with the `plan.json` of its
 * folder or the nearest parent. One bad file or plan is reported with its path and reason and skipped; the rest loads.
 * - `loadSheetKnowledgeWithDocuments` (async, at start and in `npm run sheets -- check`) reads PDF and Word files,
 *   through the cache when one is given;
 * - `loadSheetKnowledge` (sync, for tools and tests) reads text files, and PDF / Word files only from the cache:
 *   one not read yet is left out silently — the asynchronous load is the one that reads and reports documents.
 * A `.txt` showing the signs of a PDF extract (form feeds, page numbers, glyph bullets, lines cut mid-sentence at
 * one width: see documents/extractedText.ts) is cleaned as a PDF's text is; any other text file is read as written.
 */

const SHEET_FILE = /\.(txt|md|pdf|docx)$/i;
/** PDF plans run to hundreds of pages; larger than this is not a plan. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Notes for people who maintain the folder, not sheets. */
const NOT_A_SHEET = /^readme(\.[a-z]+)?$/i;
const PLAN_FILE = 'plan.json';
/** A sheet is a few kilobytes; a file this large is something else. */
const MAX_SHEET_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** "tours-contrat-de-ville" → a plan named after its folder, for sheets that have no plan.json. */
function planFromFolder(folder: string): Plan {
  const id = folder
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|-+$/g, '')
    .toLowerCase();
  const words = folder.replace(/[-_]+/g, ' ').trim();
  return { id: id || 'plan', title: words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Plan' };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readPlan(path: string, shownPath: string, report: (problem: LoadProblem) => void): Plan | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    report({ file: shownPath, reason: `plan.json is not valid JSON: ${describe(error)}` });
    return undefined;
  }
  const parsed = PlanSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    report({ file: shownPath, reason: `plan.json does not fit {id, title, territory?, period?}: ${issue.path.join('.') || 'value'} ${issue.message}` });
    return undefined;
  }
  return parsed.data;
}

function readBytes(path: string, limit: number): { bytes: Buffer } | { reason: string } {
  try {
    const size = statSync(path).size;
    if (size > limit) return { reason: `file too large for a sheet (${size} bytes)` };
    return { bytes: readFileSync(path) };
  } catch (error) {
    return { reason: `cannot be read: ${describe(error)}` };
  }
}

function readSheetFile(path: string): { text: string } | { reason: string } {
  const read = readBytes(path, MAX_SHEET_BYTES);
  if ('reason' in read) return read;
  let text: string;
  try {
    text = utf8.decode(read.bytes);
  } catch {
    return { reason: 'not UTF-8 text' };
  }
  return { text: /\.txt$/i.test(path) && looksLikePdfExtract(text) ? cleanExtractedText(text) : text };
}

/** A file to read, with the plan it belongs to. */
interface SheetFile {
  path: string;
  /** Path relative to the sheets directory, as shown in problems. */
  file: string;
  plan: Plan;
  document?: DocumentKind;
}

/** A file to read, or a folder or plan.json that failed: in the order of the walk, so problems keep that order. */
type Listed = { source: SheetFile } | { problem: LoadProblem };

/** Walks the folder in a stable order. */
function listSheetFiles(sheetsDir: string): Listed[] {
  const files: Listed[] = [];
  const report = (problem: LoadProblem) => files.push({ problem });
  const shown = (path: string) => relative(sheetsDir, path).split(sep).join('/') || basename(path);
  const visit = (dir: string, inherited: Plan | undefined) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
      report({ file: shown(dir) || dir, reason: `folder cannot be read: ${describe(error)}` });
      return;
    }
    const planEntry = entries.find((entry) => entry.isFile() && entry.name === PLAN_FILE);
    const own = planEntry ? readPlan(join(dir, PLAN_FILE), shown(join(dir, PLAN_FILE)), report) : undefined;
    const plan = own ?? inherited;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        visit(path, plan);
        continue;
      }
      if (!entry.isFile() || !SHEET_FILE.test(entry.name) || NOT_A_SHEET.test(entry.name)) continue;
      files.push({ source: { path, file: shown(path), plan: plan ?? planFromFolder(basename(dir)), document: documentKind(entry.name) } });
    }
  };
  visit(sheetsDir, undefined);
  return files;
}

function folderProblem(sheetsDir: string): LoadProblem | undefined {
  try {
    if (!statSync(sheetsDir).isDirectory()) return { file: sheetsDir, reason: 'not a folder' };
  } catch (error) {
    return { file: sheetsDir, reason: `sheets folder cannot be read: ${describe(error)}` };
  }
  return undefined;
}

/** Parses the texts in the order of the files; a second definition of a sheet is reported. */
class KnowledgeBuilder {
  readonly sheets: Sheet[] = [];
  readonly plans = new Map<string, Plan>();
  private readonly seen = new Map<string, string>();

  constructor(readonly problems: LoadProblem[]) {}

  add(source: SheetFile, read: DocumentText): void {
    if (!read.ok) {
      this.problems.push({ file: source.file, reason: read.reason });
      return;
    }
    // A plan exported whole holds several sheets: each is kept, with the axis path it sits under.
    const outcome = parseSheets(read.text, { file: source.file, plan: source.plan });
    if (!outcome.ok) {
      this.problems.push({ file: source.file, reason: outcome.reason });
      return;
    }
    for (const reason of outcome.problems) this.problems.push({ file: source.file, reason });
    for (const sheet of outcome.sheets) {
      const earlier = this.seen.get(sheet.id);
      if (earlier !== undefined) {
        this.problems.push({ file: source.file, reason: `${sheet.code} is already defined for plan "${source.plan.id}" by ${earlier}` });
        continue;
      }
      this.seen.set(sheet.id, source.file);
      if (!this.plans.has(source.plan.id)) this.plans.set(source.plan.id, source.plan);
      this.sheets.push(sheet);
    }
  }

  knowledge(): SheetKnowledge {
    return { sheets: this.sheets, plans: [...this.plans.values()], problems: this.problems };
  }
}

function textFile(source: SheetFile): DocumentText {
  const read = readSheetFile(source.path);
  return 'reason' in read ? { ok: false, reason: read.reason } : { ok: true, text: read.text };
}

export interface SheetLoadOptions {
  /** Where PDF and Word readings are kept between starts (see documents/cache.ts). */
  cacheDir?: string;
}

/**
 * Walks the folder in order: reports what cannot be listed, loads the text files, and hands over each PDF or Word
 * file, which the two loaders read their own way.
 */
function* loadTextFilesYieldingDocuments(sheetsDir: string, builder: KnowledgeBuilder): Generator<SheetFile & { document: DocumentKind }> {
  for (const listed of listSheetFiles(sheetsDir)) {
    if ('problem' in listed) {
      builder.problems.push(listed.problem);
      continue;
    }
    const { source } = listed;
    if (source.document) yield { ...source, document: source.document };
    else builder.add(source, textFile(source));
  }
}

/** Text files, and PDF / Word files already in the cache. Synchronous, for tools and tests. */
export function loadSheetKnowledge(sheetsDir: string, options: SheetLoadOptions = {}): SheetKnowledge {
  const problem = folderProblem(sheetsDir);
  if (problem) return { sheets: [], plans: [], problems: [problem] };
  const builder = new KnowledgeBuilder([]);
  const cache = options.cacheDir ? new DocumentCache(options.cacheDir) : undefined;
  for (const source of loadTextFilesYieldingDocuments(sheetsDir, builder)) {
    // A document not in the cache is left to the asynchronous load, which reads it and reports its problems.
    const read = readBytes(source.path, MAX_DOCUMENT_BYTES);
    const cached = cache && 'bytes' in read ? cachedDocumentText(read.bytes, source.document, cache) : undefined;
    if (cached) builder.add(source, cached);
  }
  return builder.knowledge();
}

/** Every sheet file, PDF and Word files included, read in a worker and cached when `cacheDir` is given. */
export async function loadSheetKnowledgeWithDocuments(sheetsDir: string, options: SheetLoadOptions = {}): Promise<SheetKnowledge> {
  const problem = folderProblem(sheetsDir);
  if (problem) return { sheets: [], plans: [], problems: [problem] };
  const builder = new KnowledgeBuilder([]);
  const readers = { pdf: new PdfReader(), cache: options.cacheDir ? new DocumentCache(options.cacheDir) : undefined };
  try {
    for (const source of loadTextFilesYieldingDocuments(sheetsDir, builder)) {
      const read = readBytes(source.path, MAX_DOCUMENT_BYTES);
      builder.add(source, 'reason' in read ? { ok: false, reason: read.reason } : await readDocumentText(read.bytes, source.document, readers));
      // Between two documents, whatever else is waiting (a /healthz probe) is served.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await readers.pdf.close();
  }
  return builder.knowledge();
}

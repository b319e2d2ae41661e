import { contentHash, DocumentCache, READER_VERSION, type CachedDocument } from './cache';
import { readDocx } from './docx';
import { cleanExtractedText } from './extractedText';
import { hasTextLayer, PdfReader } from './pdf';

/**
 * A plan's PDF or Word file as sheet text, from the cache when the same bytes were read before.
 * Text files do not come here: they are read as they are (see ../loader.ts).
 */

export { cleanExtractedText, looksLikePdfExtract, extractSigns } from './extractedText';
export { DocumentCache, sheetCacheDirectory, contentHash, READER_VERSION } from './cache';
export { PdfReader, hasTextLayer } from './pdf';
export { readDocx, htmlToMarkdown } from './docx';

export type DocumentKind = CachedDocument['kind'];
export type DocumentText = { ok: true; text: string } | { ok: false; reason: string };

export const NO_TEXT_LAYER = 'no text layer: OCR it first';

export function documentKind(fileName: string): DocumentKind | undefined {
  if (/\.pdf$/i.test(fileName)) return 'pdf';
  if (/\.docx$/i.test(fileName)) return 'docx';
  return undefined;
}

function fromCache(entry: CachedDocument): DocumentText {
  return entry.text !== undefined ? { ok: true, text: entry.text } : { ok: false, reason: entry.reason ?? 'no text' };
}

/** The cached reading only: for synchronous callers, which cannot run the readers. */
export function cachedDocumentText(bytes: Uint8Array, kind: DocumentKind, cache: DocumentCache): DocumentText | undefined {
  const entry = cache.get(contentHash(bytes), kind);
  return entry ? fromCache(entry) : undefined;
}

export interface DocumentReaders {
  pdf: PdfReader;
  cache?: DocumentCache;
}

/**
 * Reads the document, or takes it from the cache. A PDF without a text layer is cached as such (it is a property of
 * the bytes); a file that cannot be read is not, so a reader fixed later gets another chance.
 */
export async function readDocumentText(bytes: Uint8Array, kind: DocumentKind, readers: DocumentReaders): Promise<DocumentText> {
  const hash = readers.cache ? contentHash(bytes) : '';
  const cached = readers.cache?.get(hash, kind);
  if (cached) return fromCache(cached);

  let outcome: DocumentText;
  if (kind === 'pdf') {
    const reading = await readers.pdf.read(bytes);
    if (!reading.ok) return reading;
    outcome = hasTextLayer(reading.pages) ? { ok: true, text: cleanExtractedText(reading.pages.join('\n\f\n'), { fromPdf: true }) } : { ok: false, reason: NO_TEXT_LAYER };
  } else {
    outcome = await readDocx(bytes);
    if (!outcome.ok) return outcome;
  }
  readers.cache?.set(hash, outcome.ok ? { version: READER_VERSION, kind, text: outcome.text } : { version: READER_VERSION, kind, reason: outcome.reason });
  return outcome;
}

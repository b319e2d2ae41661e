import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, gunzipSync } from 'node:zlib';

/**
 * Reads the records of a data·inclusion file one at a time, without holding the whole text: a national export is
 * hundreds of megabytes. Each record is parsed on its own, so one broken record is reported and the rest still load.
 *
 * The shapes in which the offer is really handed out are all read the same way:
 * - a JSON array of records (the open-data export on data.gouv.fr, `structures-inclusion-AAAA-MM-JJ.json`);
 * - a page of the data·inclusion API (`{"items": [...], "total": n, "page": p, "size": s, "pages": k}`, v0 and v1);
 * - a GeoJSON FeatureCollection (`{"type": "FeatureCollection", "features": [...]}`, the export's .geojson);
 * - JSON Lines: one record (or one API page) a line, as tools that fetch the API page by page often write them;
 * - any of these compressed with gzip (told by the file's first bytes, not its name).
 * A top-level object is an API page or a collection when it holds an `items` or `features` array; otherwise it is one
 * record. Which record shape an element has (a GeoJSON feature, a search result) is readOffer.ts's business.
 */

export type StreamedElement = { index: number; value: unknown } | { index: number; error: string };

export type StreamProgress = (bytesRead: number, totalBytes: number) => void;

/** Keys of a top-level object whose array holds the records (API pages; GeoJSON collections). */
const RECORD_ARRAY_KEYS = new Set(['items', 'features']);

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

type Container = 'object' | 'array' | 'records';

/** Text of a JSON error message, short, for the people who load data. */
function shortError(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 120) : 'erreur de lecture';
}

/**
 * A push scanner: give it text as it comes (`push`), then `end`. It only tracks strings and nesting, so it costs one
 * pass over the characters; each record's text is handed to JSON.parse.
 */
export class JsonRecordScanner {
  private readonly stack: Container[] = [];
  private inString = false;
  private escaped = false;
  private started = false;
  private sawValue = false;
  /** What is being captured: an element of a records array, or a top-level object that may be one record. */
  private capture: 'none' | 'element' | 'candidate' = 'none';
  private parts: string[] = [];
  private from = 0;
  /** Key tracking in a top-level object, to find its `items` array. */
  private expectKey = false;
  private readingKey = false;
  private key = '';
  private lastKey = '';
  private page = false;
  private index = 0;

  push(chunk: string): StreamedElement[] {
    let text = chunk;
    if (!this.started) {
      text = text.replace(/^\uFEFF/, '');
      if (text.length > 0) this.started = true;
    }
    const out: StreamedElement[] = [];
    this.from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.readingKey) {
            this.readingKey = false;
            this.lastKey = this.key;
          }
          continue;
        }
        if (this.readingKey && this.key.length < 40) this.key += text[i];
        continue;
      }
      const depth = this.stack.length;
      const top = depth > 0 ? this.stack[depth - 1] : null;
      if (c === QUOTE) {
        this.inString = true;
        if (depth === 1 && top === 'object' && this.expectKey) {
          this.readingKey = true;
          this.key = '';
        }
      } else if (c === OPEN_BRACE) {
        if (depth === 0) {
          this.sawValue = true;
          this.startCapture('candidate', i);
          this.page = false;
          this.expectKey = true;
          this.lastKey = '';
        }
        this.stack.push('object');
      } else if (c === OPEN_BRACKET) {
        if (depth === 0) {
          this.sawValue = true;
          this.stack.push('records');
          this.startCapture('element', i + 1);
        } else if (depth === 1 && top === 'object' && !this.expectKey && !this.page && RECORD_ARRAY_KEYS.has(this.lastKey)) {
          // An API page or a collection: its other keys (total, page, size…) say nothing about the records.
          this.page = true;
          this.stack.push('records');
          this.startCapture('element', i + 1);
        } else {
          this.stack.push('array');
        }
      } else if (c === CLOSE_BRACKET && top === 'records') {
        this.endElement(text, i, out);
        this.capture = 'none';
        this.stack.pop();
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === 0) throw new Error(`JSON invalide : « ${text[i]} » inattendu`);
        this.stack.pop();
        if (depth === 1 && this.capture === 'candidate') {
          this.parts.push(text.slice(this.from, i + 1));
          this.emit(this.parts.join(''), out);
          this.capture = 'none';
        }
      } else if (c === COMMA) {
        if (top === 'records') {
          this.endElement(text, i, out);
          this.startCapture('element', i + 1);
        } else if (depth === 1 && top === 'object') {
          this.expectKey = true;
        }
      } else if (c === COLON) {
        if (depth === 1 && top === 'object') this.expectKey = false;
      } else if (depth === 0 && c > 32) {
        throw new Error('contenu inattendu : le fichier doit contenir un tableau JSON d’enregistrements, une page de l’API ({"items": [...]}) ou une ligne JSON par enregistrement');
      }
    }
    if (this.capture !== 'none') this.parts.push(text.slice(this.from));
    return out;
  }

  /** Throws when the text stopped inside a value: the file was cut short. */
  end(): void {
    if (this.inString || this.stack.length > 0) throw new Error('JSON invalide : le fichier semble tronqué (tableau ou objet non fermé)');
    if (!this.sawValue) throw new Error('fichier vide');
  }

  private startCapture(kind: 'element' | 'candidate', at: number): void {
    this.capture = kind;
    this.parts = [];
    this.from = at;
  }

  private endElement(text: string, at: number, out: StreamedElement[]): void {
    this.parts.push(text.slice(this.from, at));
    const element = this.parts.join('');
    this.parts = [];
    if (element.trim()) this.emit(element, out);
  }

  private emit(raw: string, out: StreamedElement[]): void {
    const at = this.index++;
    try {
      out.push({ index: at, value: JSON.parse(raw) });
    } catch (error) {
      out.push({ index: at, error: shortError(error) });
    }
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const read = readSync(fd, head, 0, 2, 0);
    return read === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    closeSync(fd);
  }
}

/** The records of a file as they are read (the import: memory bounded by one record, whatever the file's size). */
export async function* streamJsonRecords(file: string, onProgress?: StreamProgress): AsyncGenerator<StreamedElement> {
  const total = statSync(file).size;
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  let source: NodeJS.ReadableStream = raw;
  if (isGzip(file)) {
    const gunzip = createGunzip();
    raw.on('error', (error) => gunzip.destroy(error));
    source = raw.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  const scanner = new JsonRecordScanner();
  try {
    for await (const chunk of source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      yield* scanner.push(decoder.write(buffer));
      // Progress in bytes of the file itself, compressed or not.
      onProgress?.(raw.bytesRead, total);
    }
  } catch (error) {
    raw.destroy();
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_')) {
      throw new Error(`fichier gzip illisible (${shortError(error)})`);
    }
    throw error;
  }
  yield* scanner.push(decoder.end());
  onProgress?.(total, total);
  scanner.end();
}

const SYNC_CHUNK = 1 << 20;

/**
 * The same reading, synchronously (the start-up loader). A plain file is read a megabyte at a time; a gzip file is
 * inflated whole first (a territory's export; a region or the country goes through `npm run import`). Records read
 * before an error in the file are returned with it.
 */
export function readJsonRecordsSync(file: string): { elements: StreamedElement[]; error: string | null } {
  const scanner = new JsonRecordScanner();
  const elements: StreamedElement[] = [];
  const decoder = new StringDecoder('utf8');
  try {
    if (isGzip(file)) {
      let inflated: Buffer;
      try {
        inflated = gunzipSync(readFileBytes(file));
      } catch (error) {
        return { elements, error: `fichier gzip illisible (${shortError(error)})` };
      }
      for (let at = 0; at < inflated.length; at += SYNC_CHUNK) elements.push(...scanner.push(decoder.write(inflated.subarray(at, at + SYNC_CHUNK))));
    } else {
      const fd = openSync(file, 'r');
      try {
        const buffer = Buffer.alloc(SYNC_CHUNK);
        for (;;) {
          const read = readSync(fd, buffer, 0, SYNC_CHUNK, null);
          if (read === 0) break;
          elements.push(...scanner.push(decoder.write(buffer.subarray(0, read))));
        }
      } finally {
        closeSync(fd);
      }
    }
    elements.push(...scanner.push(decoder.end()));
    scanner.end();
    return { elements, error: null };
  } catch (error) {
    return { elements, error: shortError(error) };
  }
}

function readFileBytes(file: string): Buffer {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size);
    let at = 0;
    while (at < size) {
      const read = readSync(fd, buffer, at, size - at, at);
      if (read === 0) break;
      at += read;
    }
    return buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

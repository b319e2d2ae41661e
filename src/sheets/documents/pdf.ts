import { Worker } from 'node:worker_threads';

/**
 * A PDF's text layer, read with unpdf (pdf.js) in a worker thread:
 * - pdf.js is an ES module that the CommonJS build (and Jest) cannot load in-process; a worker loads it natively;
 * - parsing a large plan takes the CPU for a while: in a worker, the server keeps answering /healthz meanwhile;
 * - a hostile file that makes pdf.js spin is stopped by a time limit, and only its worker is lost.
 * Lines are rebuilt from the text items' positions: items on one baseline make a line, a wide gap between two items
 * (a table's columns) becomes a tab, a line indented from the page's left margin starts with a tab (a table's
 * continuation row), a larger vertical gap a blank line, and pages are separated by a form feed.
 */

export type PdfReading = { ok: true; pages: string[] } | { ok: false; reason: string };

/** Generous: a 100-page plan reads in about a second. */
const DEFAULT_TIME_LIMIT_MS = 60_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { getDocumentProxy } = require(workerData.unpdf);

function pageLines(items) {
  const pieces = items
    .filter((item) => typeof item.str === 'string' && item.transform)
    .map((item) => ({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width || 0, size: Math.abs(item.transform[3]) || item.height || 10 }));
  pieces.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines = [];
  for (const piece of pieces) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - piece.y) <= Math.max(2, piece.size * 0.4)) line.pieces.push(piece);
    else lines.push({ y: piece.y, size: piece.size, pieces: [piece] });
  }
  const filled = lines.filter((line) => line.pieces.some((piece) => piece.text.trim()));
  const left = Math.min(...filled.map((line) => Math.min(...line.pieces.filter((p) => p.text.trim()).map((p) => p.x))));
  const out = [];
  let previous;
  for (const line of filled) {
    line.pieces.sort((a, b) => a.x - b.x);
    let text = '';
    let end;
    for (const piece of line.pieces) {
      if (end !== undefined) {
        const gap = piece.x - end;
        if (gap > line.size * 2) text = text.replace(/\\s+$/, '') + '\\t';
        else if (gap > line.size * 0.15 && !/\\s$/.test(text) && !/^\\s/.test(piece.text)) text += ' ';
      }
      text += piece.text;
      end = piece.x + piece.width;
    }
    const first = line.pieces.find((p) => p.text.trim());
    const indented = first && first.x - left > line.size * 4;
    if (previous && previous.y - line.y > Math.max(previous.size, line.size) * 1.8) out.push('');
    out.push((indented ? '\\t' : '') + text.replace(/\\s+$/, '').replace(/^\\s+/, ''));
    previous = line;
  }
  return out.join('\\n');
}

parentPort.on('message', async ({ id, bytes }) => {
  let pdf;
  try {
    // verbosity 0: pdf.js's warnings (fonts it cannot embed, objects it re-indexes) would flood the server's log.
    pdf = await getDocumentProxy(bytes, { isEvalSupported: false, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
    const pages = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageLines(content.items));
      page.cleanup();
    }
    parentPort.postMessage({ id, pages });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  } finally {
    try {
      if (pdf && pdf.loadingTask) await pdf.loadingTask.destroy();
    } catch {
      // The reading is over; what pdf.js fails to free goes with the worker.
    }
  }
});
`;

interface Pending {
  worker: Worker;
  resolve: (reading: PdfReading) => void;
  timer: NodeJS.Timeout;
}

/** One worker for a whole load, so pdf.js is loaded once; `close()` when the load is over. */
export class PdfReader {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly timeLimitMs = DEFAULT_TIME_LIMIT_MS) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { unpdf: require.resolve('unpdf') } });
    worker.on('message', (message: { id: number; pages?: string[]; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      waiting.resolve(message.pages ? { ok: true, pages: message.pages } : { ok: false, reason: `not a readable PDF: ${message.error ?? 'unknown error'}` });
    });
    const failAll = (reason: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue;
        clearTimeout(waiting.timer);
        waiting.resolve({ ok: false, reason });
        this.pending.delete(id);
      }
    };
    worker.on('error', (error) => failAll(`the PDF reader failed: ${error.message}`));
    worker.on('exit', () => failAll('the PDF reader stopped'));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  read(bytes: Uint8Array): Promise<PdfReading> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, reason: `not read within ${Math.round(this.timeLimitMs / 1000)} s` });
        // The worker may be stuck in this file: a new one reads the next.
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
      }, this.timeLimitMs);
      this.pending.set(id, { worker, resolve, timer });
      // A copy: the caller keeps its bytes (they are hashed for the cache).
      worker.postMessage({ id, bytes: new Uint8Array(bytes) });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

/** Pages with no letter at all: a scan, or drawings only. */
export function hasTextLayer(pages: string[]): boolean {
  return pages.some((page) => /\p{L}/u.test(page));
}

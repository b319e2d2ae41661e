import { createReadStream, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * Reads a large JSON array file ([{…}, {…}, …]) element by element, without holding the whole text: a national
 * data·inclusion export is hundreds of megabytes. Each element is parsed on its own, so one broken record is reported
 * and the rest still load.
 */

export type StreamedElement = { index: number; value: unknown } | { index: number; error: string };

export type StreamProgress = (bytesRead: number, totalBytes: number) => void;

export async function* streamJsonArray(file: string, onProgress?: StreamProgress): AsyncGenerator<StreamedElement> {
  const total = statSync(file).size;
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let started = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element: string[] = [];
  let index = 0;
  let sawEnd = false;

  const emit = (text: string): StreamedElement | null => {
    const trimmed = text.trim();
    if (!trimmed) return null;
    const at = index++;
    try {
      return { index: at, value: JSON.parse(trimmed) };
    } catch (error) {
      return { index: at, error: error instanceof Error ? error.message.slice(0, 120) : 'JSON invalide' };
    }
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    bytes += buffer.length;
    let text = decoder.write(buffer);
    if (!started) {
      text = text.replace(/^\uFEFF/, '');
      const open = text.search(/\S/);
      if (open < 0) continue;
      if (text[open] !== '[') throw new Error('le fichier doit contenir un tableau JSON d’enregistrements');
      started = true;
      text = text.slice(open + 1);
    }
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92 /* \ */) escaped = true;
        else if (c === 34 /* " */) inString = false;
        continue;
      }
      if (c === 34) inString = true;
      else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
      else if (c === 125 /* } */ || c === 93 /* ] */) {
        if (depth === 0 && c === 93) {
          element.push(text.slice(from, i));
          const last = emit(element.join(''));
          element = [];
          if (last) yield last;
          sawEnd = true;
          from = text.length;
          break;
        }
        depth--;
      } else if (c === 44 /* , */ && depth === 0) {
        element.push(text.slice(from, i));
        const done = emit(element.join(''));
        element = [];
        from = i + 1;
        if (done) yield done;
      }
    }
    if (sawEnd) break;
    element.push(text.slice(from));
    onProgress?.(bytes, total);
  }
  onProgress?.(total, total);
  if (!sawEnd) throw new Error('tableau JSON incomplet : le fichier semble tronqué');
}

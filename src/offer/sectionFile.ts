import { readFileSync } from 'node:fs';

/**
 * A file of one JSON line (the header: what the file is, and where each section lies) followed by binary sections,
 * each starting on an 8-byte boundary: typed arrays and UTF-8 text are read back with no parsing at all, so that a
 * whole region's or the country's offer loads in a few tens of milliseconds. Numbers are little-endian, as every
 * machine this runs on.
 */

/** Where a section lies in the body: byte offset and length. */
export type SectionPlace = [offset: number, length: number];

const ALIGN = 8;
const NEWLINE = 0x0a;

function padding(length: number): number {
  return (ALIGN - (length % ALIGN)) % ALIGN;
}

export type Section = Uint8Array | Int32Array | Uint32Array | Float64Array;

/** The file's bytes: `header` (plus `sections`, the places of each section) then the sections. */
export function sectionFileBytes(header: Record<string, unknown>, sections: ReadonlyArray<readonly [name: string, data: Section]>): Buffer {
  const places: Record<string, SectionPlace> = {};
  let offset = 0;
  for (const [name, data] of sections) {
    places[name] = [offset, data.byteLength];
    offset += data.byteLength + padding(data.byteLength);
  }
  const json = Buffer.from(JSON.stringify({ ...header, sections: places }), 'utf8');
  // The header line is padded with spaces so that the body, and so each section, starts aligned.
  const headerLength = json.byteLength + 1 + padding(json.byteLength + 1);
  const out = Buffer.alloc(headerLength + offset, 0);
  json.copy(out, 0);
  out.fill(0x20, json.byteLength, headerLength - 1);
  out[headerLength - 1] = NEWLINE;
  for (const [name, data] of sections) {
    Buffer.from(data.buffer, data.byteOffset, data.byteLength).copy(out, headerLength + places[name][0]);
  }
  return out;
}

export type SectionFile = {
  header: unknown;
  /** A section's bytes, or null when the header does not place it inside the file. */
  bytes(place: SectionPlace | undefined): Uint8Array | null;
};

/** Reads a section file; throws a SyntaxError when its header is not JSON, and file errors as they come. */
export function readSectionFile(file: string): SectionFile {
  const buffer = readFileSync(file);
  const end = buffer.indexOf(NEWLINE);
  const headerEnd = end < 0 ? buffer.byteLength : end;
  const header: unknown = JSON.parse(buffer.toString('utf8', 0, headerEnd));
  const body = headerEnd + 1;
  return {
    header,
    bytes(place) {
      if (!place) return null;
      const [offset, length] = place;
      if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0) return null;
      if (body + offset + length > buffer.byteLength) return null;
      return buffer.subarray(body + offset, body + offset + length);
    },
  };
}

type TypedArrayKind<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; readonly BYTES_PER_ELEMENT: number };

/**
 * Section bytes as a typed array of `kind` (Int32Array…): a view on the file's bytes when aligned (the usual case:
 * sections start on 8-byte boundaries of a buffer of their own), else a copy.
 */
export function typedSection<T extends Int32Array | Uint32Array | Float64Array>(bytes: Uint8Array | null, kind: TypedArrayKind<T>, count: number): T | null {
  const elementSize = kind.BYTES_PER_ELEMENT;
  if (!bytes || bytes.byteLength !== count * elementSize) return null;
  if (bytes.byteOffset % elementSize === 0) return new kind(bytes.buffer, bytes.byteOffset, count);
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new kind(copy, 0, count);
}

/**
 * Strings stored as their UTF-8 bytes one after the other and the offsets where each starts in the decoded text, in
 * UTF-16 units (count + 1 of them): the text is decoded once at load, each string is then a slice of it, which is
 * far cheaper than decoding each string as it is read.
 */
export type StringSection = { text: Uint8Array; offsets: Uint32Array };

export function stringSection(strings: readonly string[]): StringSection {
  return packStrings(strings, 'utf16');
}

/** The strings' UTF-8 bytes end to end, with where each starts (count + 1 offsets) in UTF-16 units or in bytes. */
function packStrings(strings: readonly string[], offsetUnit: 'utf16' | 'bytes'): StringSection {
  const offsets = new Uint32Array(strings.length + 1);
  let total = 0;
  for (const s of strings) total += Buffer.byteLength(s, 'utf8');
  const text = Buffer.alloc(total);
  let bytes = 0;
  let units = 0;
  strings.forEach((s, i) => {
    offsets[i] = offsetUnit === 'bytes' ? bytes : units;
    // Each string on its own: a lone surrogate becomes one replacement character, so offsets still fit the text.
    bytes += text.write(s, bytes, 'utf8');
    units += s.length;
  });
  offsets[strings.length] = offsetUnit === 'bytes' ? bytes : units;
  return { text, offsets };
}

/** Offsets that start at 0, never go back and end at the text's length. */
function offsetsFit(offsets: Uint32Array, end: number): boolean {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== end) return false;
  for (let i = 1; i < offsets.length; i++) if (offsets[i] < offsets[i - 1]) return false;
  return true;
}

export class StringTable {
  private constructor(
    private readonly text: string,
    private readonly offsets: Uint32Array,
  ) {}

  /** The strings of a section; null when the offsets do not fit the text. */
  static read(textBytes: Uint8Array | null, offsets: Uint32Array | null): StringTable | null {
    if (!textBytes || !offsets || offsets.length === 0) return null;
    const text = Buffer.from(textBytes.buffer, textBytes.byteOffset, textBytes.byteLength).toString('utf8');
    return offsetsFit(offsets, text.length) ? new StringTable(text, offsets) : null;
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  at(i: number): string {
    return this.text.slice(this.offsets[i], this.offsets[i + 1]);
  }
}

/**
 * Strings stored as their UTF-8 bytes and the byte offsets where each starts (count + 1 of them), decoded one by
 * one as they are read: for long texts of which a process reads few (the descriptions shown on cards).
 */
export function utf8Section(strings: readonly string[]): StringSection {
  return packStrings(strings, 'bytes');
}

export class Utf8Strings {
  private constructor(
    private readonly text: Buffer,
    private readonly offsets: Uint32Array,
  ) {}

  /** The strings of a section; null when the offsets do not fit the bytes. */
  static read(textBytes: Uint8Array | null, offsets: Uint32Array | null): Utf8Strings | null {
    if (!textBytes || !offsets || offsets.length === 0) return null;
    if (!offsetsFit(offsets, textBytes.byteLength)) return null;
    return new Utf8Strings(Buffer.from(textBytes.buffer, textBytes.byteOffset, textBytes.byteLength), offsets);
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  at(i: number): string {
    return this.text.toString('utf8', this.offsets[i], this.offsets[i + 1]);
  }
}

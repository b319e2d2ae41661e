/**
 * The little PNG we need: write 8-bit RGBA images (filter 0, one IDAT) and read the header and pixels back.
 * Used to draw the Teams icons once (drawIcons.ts) and by the tests to check what Teams checks: sizes, and an
 * outline icon that is white on transparent.
 */
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row. */
  pixels: Uint8Array;
}

export function encodePng(image: RgbaImage): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  const rowLength = image.width * 4;
  const raw = Buffer.alloc((rowLength + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    raw[y * (rowLength + 1)] = 0;
    raw.set(image.pixels.subarray(y * rowLength, (y + 1) * rowLength), y * (rowLength + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 2 = RGB, 6 = RGBA (the only two the icons may use). */
  colourType: number;
}

/** Reads IHDR, as Teams does for the sizes; throws on anything that is not a PNG. */
export function readPngHeader(file: Buffer): PngHeader {
  if (file.length < 33 || !file.subarray(0, 8).equals(SIGNATURE) || file.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20), bitDepth: file[24]!, colourType: file[25]! };
}

/** Decodes an 8-bit RGBA, non-interlaced PNG whose rows all use filter 0 (what encodePng writes). */
export function decodeRgbaPng(file: Buffer): RgbaImage {
  const header = readPngHeader(file);
  if (header.bitDepth !== 8 || header.colourType !== 6 || file[28] !== 0) throw new Error('not an 8-bit RGBA PNG');
  const idat: Buffer[] = [];
  for (let offset = 8; offset < file.length; ) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (crc32(file.subarray(offset + 4, offset + 8 + length)) !== file.readUInt32BE(offset + 8 + length)) {
      throw new Error(`bad CRC in chunk ${type}`);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rowLength = header.width * 4;
  if (raw.length !== (rowLength + 1) * header.height) throw new Error('pixel data does not match the size');
  const pixels = new Uint8Array(rowLength * header.height);
  for (let y = 0; y < header.height; y++) {
    if (raw[y * (rowLength + 1)] !== 0) throw new Error(`row ${y} uses a filter this reader does not undo`);
    pixels.set(raw.subarray(y * (rowLength + 1) + 1, (y + 1) * (rowLength + 1)), y * rowLength);
  }
  return { width: header.width, height: header.height, pixels };
}

/**
 * Draws the two Teams icons once; the PNGs are committed under manifest/. Run it again only to change them:
 *   node -r ./tests/app/runTypeScript.js tests/manifest/drawIcons.ts
 * The motif is a small mesh ("maillage"): five nodes and the threads between them. Teams asks for a 192×192
 * full-colour icon (the symbol within the central 96×96, on the accent colour) and a 32×32 outline icon that is
 * white on a transparent background (anti-aliased edges are white with partial alpha).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type RgbaImage } from './png';

/** The accent colour of the manifest, #2E5E8C. */
export const ACCENT = [0x2e, 0x5e, 0x8c] as const;

const NODES: ReadonlyArray<readonly [number, number]> = [
  [0.12, 0.14],
  [0.88, 0.14],
  [0.5, 0.5],
  [0.12, 0.86],
  [0.88, 0.86],
];
const THREADS: ReadonlyArray<readonly [number, number]> = [
  [0, 1], [0, 2], [1, 2], [2, 3], [2, 4], [3, 4], [0, 3], [1, 4],
];

function distanceToSegment(x: number, y: number, [ax, ay]: readonly [number, number], [bx, by]: readonly [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Whether a point of the motif's unit square is ink. */
function isInk(x: number, y: number, nodeRadius: number, threadWidth: number): boolean {
  if (NODES.some(([nx, ny]) => Math.hypot(x - nx, y - ny) <= nodeRadius)) return true;
  return THREADS.some(([a, b]) => distanceToSegment(x, y, NODES[a]!, NODES[b]!) <= threadWidth / 2);
}

/** Ink coverage of each pixel (0..1), 4×4 samples a pixel, the motif drawn in [margin, size - margin]. */
function coverage(size: number, margin: number, nodeRadius: number, threadWidth: number): Float64Array {
  const samples = 4;
  const result = new Float64Array(size * size);
  const span = size - 2 * margin;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples - margin) / span;
          const y = (py + (sy + 0.5) / samples - margin) / span;
          if (isInk(x, y, nodeRadius, threadWidth)) hits++;
        }
      }
      result[py * size + px] = hits / (samples * samples);
    }
  }
  return result;
}

export function drawColorIcon(): RgbaImage {
  const size = 192;
  const ink = coverage(size, 48, 0.1, 0.05);
  const pixels = new Uint8Array(size * size * 4);
  ink.forEach((amount, i) => {
    for (let c = 0; c < 3; c++) pixels[i * 4 + c] = Math.round(ACCENT[c]! + (255 - ACCENT[c]!) * amount);
    pixels[i * 4 + 3] = 255;
  });
  return { width: size, height: size, pixels };
}

export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const ink = coverage(size, 3, 0.11, 0.08);
  const pixels = new Uint8Array(size * size * 4);
  ink.forEach((amount, i) => {
    pixels.set([255, 255, 255, Math.round(255 * amount)], i * 4);
  });
  return { width: size, height: size, pixels };
}

if (require.main === module) {
  const dir = path.join(__dirname, '../../manifest');
  writeFileSync(path.join(dir, 'color.png'), encodePng(drawColorIcon()));
  writeFileSync(path.join(dir, 'outline.png'), encodePng(drawOutlineIcon()));
  process.stdout.write(`icons written to ${dir}\n`);
}

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants as zlibConstants, gunzip, gzip } from 'node:zlib';
import { projectDataDir } from '../geo/projectData';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const brotliAsync = promisify(brotliCompress);
const brotliDecompressAsync = promisify(brotliDecompress);

/**
 * Files served as they are, read and compressed once, then answered from memory with an ETag. Web Chat's bundle is
 * 3.9 MB: 950 KB with gzip, 640 KB with brotli at quality 11, which on a phone's 1.6 Mbps is a second and a half less.
 * Brotli at quality 11 costs about 10 s of CPU for that bundle, so `npm run build` does it once (`prepareCompressed`,
 * into `data/webchat/`, named by the content's hash) and the very first request gets brotli. Without a prepared file,
 * or with one for another content (an upgrade without a build), it runs once, off the event loop (zlib's thread pool),
 * and gzip is served until it is ready; small files wait for it (a few milliseconds).
 */
export interface StaticAssetSpec {
  file: string;
  contentType: string;
  cacheControl: string;
  /** Applied to the file's text once, e.g. to fill in the public URL or the bundle's versioned address. */
  transform?: (text: string) => string | Promise<string>;
  /** Extra headers, e.g. to let other sites embed it. */
  headers?: Record<string, string>;
  /** Where `prepareCompressed` put this file's brotli and gzip, if it did (used only when they match the content). */
  preparedDir?: string;
}

/** Below this size brotli is ready in milliseconds: the first request waits for it rather than getting gzip. */
const WAIT_FOR_BROTLI_BELOW = 256 * 1024;

type Encoding = 'br' | 'gzip' | 'identity';

interface LoadedAsset {
  body: Buffer;
  gzipped: Buffer;
  /** Null until compressed (or if brotli failed: gzip then goes on being served). */
  brotli: Buffer | null;
  /** The content's hash, URL-safe: the ETag's base and the bundle's versioned address. */
  digest: string;
}

export class StaticAsset {
  private loaded: Promise<LoadedAsset> | undefined;

  constructor(private readonly spec: StaticAssetSpec) {}

  /**
   * `extraHeaders`: headers that depend on the request (the demo page's policy names the host it was asked for).
   * `cacheControl`: this response's own, e.g. immutable when the bundle is asked for by its versioned address.
   */
  async serve(req: IncomingMessage, res: ServerResponse, extraHeaders: Record<string, string> = {}, cacheControl = this.spec.cacheControl): Promise<void> {
    const asset = await this.load();
    const encoding = chooseEncoding(String(req.headers['accept-encoding'] ?? ''), asset.brotli !== null);
    const body = encoding === 'br' ? asset.brotli! : encoding === 'gzip' ? asset.gzipped : asset.body;
    // One ETag a representation, as HTTP wants with Vary; a validator of any of them stands for the same content.
    const etag = `"${asset.digest}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    const headers: Record<string, string> = {
      ...this.spec.headers,
      ...extraHeaders,
      'Content-Type': this.spec.contentType,
      'Cache-Control': cacheControl,
      ETag: etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    };
    if (matchesContent(req.headers['if-none-match'], asset.digest)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** The content's hash (after the transform), 22 URL-safe characters: changes whenever the served content does. */
  async digest(): Promise<string> {
    return (await this.load()).digest;
  }

  private load(): Promise<LoadedAsset> {
    this.loaded ??= (async () => {
      const raw = await readFile(this.spec.file);
      const body = this.spec.transform ? Buffer.from(await this.spec.transform(raw.toString('utf8'))) : raw;
      const digest = contentDigest(body);
      const prepared = this.spec.preparedDir ? await readPrepared(this.spec.preparedDir, this.spec.file, digest, body) : { brotli: null, gzipped: null };
      const gzipped = prepared.gzipped ?? (await gzipAsync(body, { level: 9 }));
      const asset: LoadedAsset = { body, gzipped, brotli: prepared.brotli, digest };
      if (asset.brotli) return asset;
      const compressing = compressedWithBrotli(digest, body).then((compressed) => {
        asset.brotli = compressed;
      });
      if (body.length < WAIT_FOR_BROTLI_BELOW) await compressing;
      return asset;
    })();
    // A failed read is retried on the next request rather than remembered.
    this.loaded.catch(() => {
      this.loaded = undefined;
    });
    return this.loaded;
  }
}

function contentDigest(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 22);
}

/** "webchat.<digest>.js.br": the compressed file's name says which content it holds. */
function preparedName(file: string, digest: string, encoding: 'br' | 'gz'): string {
  const extension = path.extname(file);
  return `${path.basename(file, extension)}.${digest}${extension}.${encoding}`;
}

/**
 * The prepared brotli and gzip of this content, each only if it is there and decompresses to exactly this content: a
 * file cut short by a crash, or edited, would otherwise be served as the bundle, cached for a year. Checking costs a
 * decompression (tens of milliseconds, once), far less than compressing.
 */
async function readPrepared(dir: string, file: string, digest: string, body: Buffer): Promise<{ brotli: Buffer | null; gzipped: Buffer | null }> {
  const matching = async (encoding: 'br' | 'gz', decompress: (data: Buffer) => Promise<Buffer>): Promise<Buffer | null> => {
    try {
      const compressed = await readFile(path.join(dir, preparedName(file, digest, encoding)));
      return (await decompress(compressed)).equals(body) ? compressed : null;
    } catch {
      return null;
    }
  };
  const [brotli, gzipped] = await Promise.all([matching('br', (data) => brotliDecompressAsync(data)), matching('gz', (data) => gunzipAsync(data))]);
  return { brotli, gzipped };
}

/**
 * Writes `file`'s brotli (quality 11) and gzip (level 9) into `dir`, named by the content's hash, unless they are there
 * and right; removes those of other contents of the same file (an older bundle). Run at build time. Returns what it
 * did, for the build's log.
 */
export async function prepareCompressed(file: string, dir: string): Promise<{ digest: string; written: boolean }> {
  const body = await readFile(file);
  const digest = contentDigest(body);
  await mkdir(dir, { recursive: true });
  const ready = await readPrepared(dir, file, digest, body);
  const write = async (encoding: 'br' | 'gz', data: Buffer) => {
    const target = path.join(dir, preparedName(file, digest, encoding));
    // Written whole, then renamed: a server starting meanwhile never reads half a file.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, target);
  };
  if (!ready.brotli) await write('br', await brotliAsync(body, brotliParams(body)));
  if (!ready.gzipped) await write('gz', await gzipAsync(body, { level: 9 }));
  const extension = path.extname(file);
  const stem = `${path.basename(file, extension)}.`;
  const keep = new Set([preparedName(file, digest, 'br'), preparedName(file, digest, 'gz')]);
  for (const name of await readdir(dir)) {
    if (name.startsWith(stem) && /\.(br|gz)$/.test(name) && !keep.has(name)) await unlink(path.join(dir, name)).catch(() => undefined);
  }
  return { digest, written: !ready.brotli || !ready.gzipped };
}

function brotliParams(body: Buffer) {
  return {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
      [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  };
}

/**
 * Brotli of a content, by its hash, once for the whole process: several servers in one process (tests, benchmarks,
 * a restart of the HTTP layer) serve the same bundle without compressing it again. Null when brotli failed (out of
 * memory or the like): gzip goes on being served, which is correct, only larger.
 */
const brotliByDigest = new Map<string, Promise<Buffer | null>>();

function compressedWithBrotli(digest: string, body: Buffer): Promise<Buffer | null> {
  let compressed = brotliByDigest.get(digest);
  if (!compressed) {
    compressed = brotliAsync(body, brotliParams(body)).catch(() => null);
    brotliByDigest.set(digest, compressed);
  }
  return compressed;
}

/**
 * The encoding to answer with, from the request's Accept-Encoding (RFC 9110 §12.5.3): the client's highest q-value
 * wins among what is ready, brotli before gzip on a tie; `q=0` refuses a coding; identity unless refused too (then it
 * is still sent: a 406 for a script would only break the page).
 */
export function chooseEncoding(acceptEncoding: string, brotliReady: boolean): Encoding {
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.slice(0, 1024).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) => weights.get(coding) ?? (weights.has('*') ? weights.get('*')! : 0);
  const candidates: Array<[Encoding, number]> = [
    ...(brotliReady ? [['br', weight('br')] as [Encoding, number]] : []),
    ['gzip', weight('gzip')],
  ];
  const best = candidates.filter(([, q]) => q > 0).sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : 'identity';
}

/** Whether an If-None-Match names this content, in any of its encodings (or is `*`). */
function matchesContent(ifNoneMatch: string | undefined, digest: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === `"${digest}"` || tag === `"${digest}-br"` || tag === `"${digest}-gzip"`);
}

/** The project's `public/` folder, found from this file whether it runs from `src/` (tests) or `dist/src/` (build). */
export function findPublicDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'public');
    if (existsSync(path.join(candidate, 'widget.js'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`public/widget.js was not found above ${__dirname}`);
    dir = parent;
  }
}

/** Where `npm run build` puts Web Chat's bundle compressed: `data/webchat/` (gitignored, like all of `data/`). */
export function preparedWebChatDir(): string {
  return path.join(projectDataDir(), 'webchat');
}

/** Web Chat's full browser bundle (React and Adaptive Cards included), as shipped in the npm package. */
export function webChatBundlePath(): string {
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Files served as they are, read and compressed once, then answered from memory with an ETag. Web Chat's bundle is
 * 3.9 MB: 950 KB with gzip, 640 KB with brotli at quality 11, which on a phone's 1.6 Mbps is a second and a half less.
 * Brotli at quality 11 costs about 10 s of CPU for that bundle, so it runs once, off the event loop (zlib's thread
 * pool), and gzip is served until it is ready; small files wait for it (a few milliseconds).
 */
export interface StaticAssetSpec {
  file: string;
  contentType: string;
  cacheControl: string;
  /** Applied to the file's text once, e.g. to fill in the public URL or the bundle's versioned address. */
  transform?: (text: string) => string | Promise<string>;
  /** Extra headers, e.g. to let other sites embed it. */
  headers?: Record<string, string>;
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
      const gzipped = await gzipAsync(body, { level: 9 });
      const digest = createHash('sha256').update(body).digest('base64url').slice(0, 22);
      const asset: LoadedAsset = { body, gzipped, brotli: null, digest };
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

/**
 * Brotli of a content, by its hash, once for the whole process: several servers in one process (tests, benchmarks,
 * a restart of the HTTP layer) serve the same bundle without compressing it again. Null when brotli failed (out of
 * memory or the like): gzip goes on being served, which is correct, only larger.
 */
const brotliByDigest = new Map<string, Promise<Buffer | null>>();

function compressedWithBrotli(digest: string, body: Buffer): Promise<Buffer | null> {
  let compressed = brotliByDigest.get(digest);
  if (!compressed) {
    compressed = brotliAsync(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }).catch(() => null);
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

/** Web Chat's full browser bundle (React and Adaptive Cards included), as shipped in the npm package. */
export function webChatBundlePath(): string {
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

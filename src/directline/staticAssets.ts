import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * Files served as they are, read and compressed once, then answered from memory with an ETag
 * (Web Chat's bundle is 4 MB; compressed it is about a quarter of that, which matters on a phone).
 */
export interface StaticAssetSpec {
  file: string;
  contentType: string;
  cacheControl: string;
  /** Applied to the file's text once, e.g. to fill in the public URL. */
  transform?: (text: string) => string;
  /** Extra headers, e.g. to let other sites embed it. */
  headers?: Record<string, string>;
}

interface LoadedAsset {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

export class StaticAsset {
  private loaded: Promise<LoadedAsset> | undefined;

  constructor(private readonly spec: StaticAssetSpec) {}

  /** `extraHeaders`: headers that depend on the request (the demo page's policy names the host it was asked for). */
  async serve(req: IncomingMessage, res: ServerResponse, extraHeaders: Record<string, string> = {}): Promise<void> {
    const asset = await this.load();
    const headers: Record<string, string> = {
      ...this.spec.headers,
      ...extraHeaders,
      'Content-Type': this.spec.contentType,
      'Cache-Control': this.spec.cacheControl,
      ETag: asset.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = acceptsGzip ? asset.gzipped : asset.body;
    if (acceptsGzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  private load(): Promise<LoadedAsset> {
    this.loaded ??= (async () => {
      const raw = await readFile(this.spec.file);
      const body = this.spec.transform ? Buffer.from(this.spec.transform(raw.toString('utf8'))) : raw;
      const gzipped = await gzipAsync(body);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      return { body, gzipped, etag };
    })();
    // A failed read is retried on the next request rather than remembered.
    this.loaded.catch(() => {
      this.loaded = undefined;
    });
    return this.loaded;
  }
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

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { chooseEncoding, prepareCompressed, StaticAsset } from '../../src/directline/staticAssets';
import { request, startTestServer, type TestServer } from './support/harness';

describe('content negotiation of the widget’s files', () => {
  it('prefers brotli once it is ready, then gzip, and honours q-values and refusals', () => {
    expect(chooseEncoding('gzip, deflate, br', true)).toBe('br');
    expect(chooseEncoding('gzip, deflate, br', false)).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip', true)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0', true)).toBe('identity');
    expect(chooseEncoding('*', true)).toBe('br');
    expect(chooseEncoding('*;q=0.1, gzip;q=0', true)).toBe('br');
    expect(chooseEncoding('', true)).toBe('identity');
    expect(chooseEncoding('identity', true)).toBe('identity');
    expect(chooseEncoding('BR', true)).toBe('br');
  });

  it('never answers with a coding the client did not accept, whatever the header says', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (header, ready) => {
        const chosen = chooseEncoding(header, ready);
        if (chosen === 'identity') return true;
        if (chosen === 'br' && !ready) return false;
        return new RegExp(`(^|,)\\s*(${chosen}|\\*)\\s*(;|,|$)`, 'i').test(header);
      }),
    );
  });
});

describe('widget routes with the built-in Direct Line', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ publicUrl: 'https://maillage.example.org' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves a French demo page that embeds the widget with one script tag', async () => {
    const page = await fetch(`${server.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<script src="widget.js" defer></script>');
    expect(html).toContain('&lt;script src="https://maillage.example.org/widget.js" defer&gt;');
    expect(html).toMatch(/démonstration/i);
  });

  it('sends the demo page with a strict Content-Security-Policy, no framing and no referrer, and no inline script or style of its own', async () => {
    const page = await fetch(`${server.baseUrl}/`);
    const policy = Object.fromEntries(
      (page.headers.get('content-security-policy') ?? '').split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values];
      }),
    );
    const host = new URL(server.baseUrl).host;
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy['connect-src']).toEqual(expect.arrayContaining(["'self'", `ws://${host}`, `wss://${host}`, 'wss://maillage.example.org']));
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect((await fetch(`${server.baseUrl}/demo.css`)).headers.get('content-type')).toContain('text/css');
  });

  it('serves the widget script and its styles to any site, with revalidation', async () => {
    const script = await fetch(`${server.baseUrl}/widget.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.headers.get('access-control-allow-origin')).toBe('*');
    const source = await script.text();
    expect(source).toContain('Discuter avec Maillage');
    expect(source).toContain('document.currentScript');

    const again = await fetch(`${server.baseUrl}/widget.js`, { headers: { 'If-None-Match': script.headers.get('etag')! } });
    expect(again.status).toBe(304);

    const styles = await fetch(`${server.baseUrl}/widget.css`);
    expect(styles.status).toBe(200);
    expect(styles.headers.get('content-type')).toContain('text/css');
  });

  it('names Web Chat by its content’s hash in widget.js, cached for a year there, and serves it with brotli once compressed', async () => {
    const script = await fetch(`${server.baseUrl}/widget.js`);
    expect(script.headers.get('cache-control')).toBe('public, max-age=300');
    const source = await script.text();
    expect(source).not.toContain('{{WEB_CHAT_PATH}}');
    const bundlePath = /'(vendor\/webchat\.[A-Za-z0-9_-]{22}\.js)'/.exec(source)?.[1];
    expect(bundlePath).toBeDefined();

    // Brotli at quality 11 is compressed once, in the background: gzip until then.
    let bundle = await fetch(`${server.baseUrl}/${bundlePath}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    for (let tries = 0; bundle.headers.get('content-encoding') !== 'br' && tries < 120; tries++) {
      await bundle.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 250));
      bundle = await fetch(`${server.baseUrl}/${bundlePath}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    }
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-encoding')).toBe('br');
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(bundle.headers.get('vary')).toBe('Accept-Encoding');
    expect(bundle.headers.get('access-control-allow-origin')).toBe('*');
    // Node's fetch decodes what it accepted: the raw bytes are asked for with a plain request.
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const req = get(`${server.baseUrl}/${bundlePath}`, { headers: { 'Accept-Encoding': 'br' } }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      });
      req.on('error', reject);
    });
    const plain = await (await fetch(`${server.baseUrl}/vendor/webchat.js`, { headers: { 'Accept-Encoding': 'identity' } })).text();
    expect(raw.length).toBeLessThan(plain.length / 4);
    expect(brotliDecompressSync(raw).toString('utf8')).toBe(plain);

    // Revalidation works across encodings: the content is the same.
    const again = await fetch(`${server.baseUrl}/${bundlePath}`, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': bundle.headers.get('etag')! } });
    expect(again.status).toBe(304);
  }, 60_000);

  it('serves an outdated versioned address with the current bundle but not for a year, and nothing else under vendor/', async () => {
    const outdated = await fetch(`${server.baseUrl}/vendor/webchat.AAAAAAAAAAAAAAAAAAAAAA.js`);
    expect(outdated.status).toBe(200);
    expect(outdated.headers.get('cache-control')).toBe('public, max-age=300');
    await outdated.arrayBuffer();
    for (const path of ['/vendor/other.js', '/vendor/webchat.x.js', '/vendor/..%2Fwidget.js', '/vendor/webchat.AAAAAAAAAAAAAAAAAAAAAA.js.map']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status).toBe(404);
      await response.arrayBuffer();
    }
  });

  it('serves Web Chat from this server, compressed', async () => {
    const bundle = await fetch(`${server.baseUrl}/vendor/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-encoding')).toBe('gzip');
    const source = await bundle.text();
    expect(source.length).toBeGreaterThan(1_000_000);
    expect(source).toContain('renderWebChat');
  });

  it('gives the widget a token for the built-in endpoint, usable there', async () => {
    const granted = await request(`${server.baseUrl}/api/widget/token`, { method: 'POST', headers: { Origin: 'https://www.commune.example' } });
    expect(granted.status).toBe(200);
    expect(granted.headers.get('access-control-allow-origin')).toBe('*');
    expect(granted.body).toEqual({ token: expect.any(String), conversationId: expect.any(String), expires_in: 1800, domain: 'v3/directline' });

    const started = await request(`${server.baseUrl}/${granted.body.domain}/conversations`, { method: 'POST', token: granted.body.token, json: {} });
    expect(started.status).toBe(201);
    expect(started.body.conversationId).toBe(granted.body.conversationId);
    // Reached on its own address rather than through PUBLIC_URL, the stream is offered on that same address.
    expect(started.body.streamUrl).toMatch(new RegExp(`^${server.baseUrl.replace('http', 'ws')}/v3/directline/conversations/`));
  });
});

describe('widget routes with DIRECT_LINE_SECRET (Azure Direct Line)', () => {
  const secret = 'azure-direct-line-secret-value';
  let azure: Server;
  let azureBaseUrl: string;
  const seen: { authorization?: string; body: unknown; path?: string }[] = [];
  let azureFails = false;

  beforeAll(async () => {
    // A local stand-in for directline.botframework.com: no network in tests.
    azure = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      seen.push({ authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString() || 'null'), path: req.url });
      if (azureFails) {
        res.writeHead(500);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ conversationId: 'AzureConv-1', token: 'azure.issued.token', expires_in: 3600 }));
    });
    await new Promise<void>((resolve) => azure.listen(0, '127.0.0.1', resolve));
    const address = azure.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    azureBaseUrl = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => azure.close(resolve));
  });

  it('exchanges the secret at Azure and gives the browser only the token and Azure’s domain', async () => {
    const server = await startTestServer({ directLineSecret: secret, azureBaseUrl });
    try {
      const granted = await request(`${server.baseUrl}/api/widget/token`, { method: 'POST' });
      expect(granted.status).toBe(200);
      expect(granted.body).toEqual({ token: 'azure.issued.token', conversationId: 'AzureConv-1', expires_in: 3600, domain: `${azureBaseUrl}/v3/directline` });
      expect(JSON.stringify(granted.body)).not.toContain(secret);

      const call = seen.at(-1)!;
      expect(call.path).toBe('/v3/directline/tokens/generate');
      expect(call.authorization).toBe(`Bearer ${secret}`);
      expect(call.body).toEqual({ user: { id: expect.stringMatching(/^dl_/) } });

      const script = await (await fetch(`${server.baseUrl}/widget.js`)).text();
      const page = await (await fetch(`${server.baseUrl}/`)).text();
      expect(script).not.toContain(secret);
      expect(page).not.toContain(secret);
    } finally {
      await server.close();
    }
  });

  it('answers 502 without details when Azure refuses', async () => {
    const server = await startTestServer({ directLineSecret: secret, azureBaseUrl });
    azureFails = true;
    try {
      const granted = await request(`${server.baseUrl}/api/widget/token`, { method: 'POST' });
      expect(granted.status).toBe(502);
      expect(JSON.stringify(granted.body)).not.toContain(secret);
    } finally {
      azureFails = false;
      await server.close();
    }
  });
});

describe('a large file compressed at build time', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'maillage-prepared-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A script-like file of `size` bytes, different each time (the process keeps brotli by content). */
  const bundle = (size: number): string => {
    const file = path.join(dir, 'bundle.js');
    const words = Array.from({ length: 400 }, () => randomBytes(6).toString('base64url'));
    let text = '';
    for (let i = 0; text.length < size; i++) text += `var ${words[i % words.length]}_${i} = ${i * 7919 % 1000};\n`;
    writeFileSync(file, text);
    return file;
  };

  /** What one request with `Accept-Encoding: br, gzip` gets: its coding and its raw bytes. */
  async function firstResponse(asset: StaticAsset): Promise<{ encoding: string | undefined; body: Buffer }> {
    const server = createServer((req, res) => void asset.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      return await new Promise((resolve, reject) => {
        get(`http://127.0.0.1:${port}/`, { headers: { 'Accept-Encoding': 'br, gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  const assetOf = (file: string, preparedDir?: string) => new StaticAsset({ file, contentType: 'text/javascript', cacheControl: 'no-cache', preparedDir });

  it('serves brotli from the very first request when the build prepared it, and the bytes are the file', async () => {
    const file = bundle(2_000_000);
    const prepared = await prepareCompressed(file, path.join(dir, 'prepared'));
    expect(prepared.written).toBe(true);
    expect(readdirSync(path.join(dir, 'prepared')).sort()).toEqual([`bundle.${prepared.digest}.js.br`, `bundle.${prepared.digest}.js.gz`]);
    const first = await firstResponse(assetOf(file, path.join(dir, 'prepared')));
    expect(first.encoding).toBe('br');
    expect(brotliDecompressSync(first.body).equals(readFileSync(file))).toBe(true);
    // Done once: a second build leaves the files as they are.
    expect((await prepareCompressed(file, path.join(dir, 'prepared'))).written).toBe(false);
  }, 60_000);

  it('without a prepared file, serves gzip until brotli is ready in the background', async () => {
    const file = bundle(2_000_000);
    const first = await firstResponse(assetOf(file, path.join(dir, 'nothing-here')));
    expect(first.encoding).toBe('gzip');
    expect(gunzipSync(first.body).equals(readFileSync(file))).toBe(true);
  }, 60_000);

  it('ignores a prepared file that is not this content (stale, cut short or edited), and replaces it at the next build', async () => {
    const file = bundle(2_000_000);
    const { digest } = await prepareCompressed(file, path.join(dir, 'prepared'));
    const brotliFile = path.join(dir, 'prepared', `bundle.${digest}.js.br`);
    // Another content under this content's name, then a file cut short.
    writeFileSync(brotliFile, brotliCompressSync(Buffer.from('console.log("not the bundle");')));
    const wrong = await firstResponse(assetOf(file, path.join(dir, 'prepared')));
    expect(wrong.encoding).toBe('gzip');
    expect(gunzipSync(wrong.body).equals(readFileSync(file))).toBe(true);

    expect((await prepareCompressed(file, path.join(dir, 'prepared'))).written).toBe(true);
    const whole = readFileSync(brotliFile);
    writeFileSync(brotliFile, whole.subarray(0, whole.length >> 1));
    // Never the cut file: gzip, or the brotli this process has meanwhile made of the same content itself (it keeps
    // brotli by content) — either way, the whole bundle.
    const cut = await firstResponse(assetOf(file, path.join(dir, 'prepared')));
    expect(['gzip', 'br']).toContain(cut.encoding);
    const served = cut.encoding === 'br' ? brotliDecompressSync(cut.body) : gunzipSync(cut.body);
    expect(served.equals(readFileSync(file))).toBe(true);
  }, 60_000);

  it('removes the compressed files of an older content of the same file when it prepares the new one', async () => {
    const file = bundle(300_000);
    const older = await prepareCompressed(file, dir);
    const unrelated = path.join(dir, 'other.js.br');
    writeFileSync(unrelated, 'kept');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nvar upgraded = true;\n`);
    const newer = await prepareCompressed(file, dir);
    expect(newer.digest).not.toBe(older.digest);
    expect(readdirSync(dir).sort()).toEqual(['bundle.js', `bundle.${newer.digest}.js.br`, `bundle.${newer.digest}.js.gz`, 'other.js.br'].sort());
  }, 60_000);
});

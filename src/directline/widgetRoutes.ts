import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type restify from 'restify';
import { type TrustProxy, TRUST_NO_PROXY } from '../config/config';
import type { Logger } from '../log/logger';
import { AzureTokenClient } from './azureTokens';
import { DIRECT_LINE_BASE_PATH, type DirectLineEndpoint, directLineEndpointOf } from './directLineEndpoint';
import { addressKey, applyCors, clientAddress, HttpProblem, sendJson, sendPreflight, sendProblem } from './httpUtils';
import { DEFAULT_DIRECT_LINE_LIMITS } from './limits';
import { type RateLimit, RateLimiter } from './rateLimiter';
import { findPublicDir, preparedWebChatDir, StaticAsset, webChatBundlePath } from './staticAssets';

/**
 * The website widget: the demo page, the embeddable script and its styles, Web Chat's bundle served from
 * this server, and the token route the widget calls first. With DIRECT_LINE_SECRET the route exchanges the
 * secret at Azure and the widget talks to Azure; without it the token is for the built-in endpoint.
 */

export const WIDGET_TOKEN_PATH = '/api/widget/token';

/** Where widget.js names Web Chat's bundle; replaced, as it is served, by the bundle's versioned address. */
export const WEB_CHAT_PATH_PLACEHOLDER = '{{WEB_CHAT_PATH}}';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const WEB_CHAT_CACHE_CONTROL = 'public, max-age=86400';

/** "vendor/webchat.<hash of its content>.js", relative to widget.js's own address. */
async function versionedWebChatPath(webChat: StaticAsset): Promise<string> {
  return `vendor/webchat.${await webChat.digest()}.js`;
}

export interface WidgetOptions {
  publicUrl: string;
  directLineSecret?: string;
  /** The built-in endpoint, which gives the widget its tokens when no secret is set; default: the one registered on this server. */
  directLine?: DirectLineEndpoint;
  /** Default: the logger given to the Direct Line endpoint of this server. */
  log?: Logger;
  /** Azure's Direct Line host; a local stand-in in tests. */
  azureBaseUrl?: string;
  tokenRateLimit?: RateLimit;
  /** Where Web Chat's bundle was compressed at build time; default `data/webchat/` (tests give another). */
  preparedDir?: string;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY); default: the Direct Line endpoint's setting on this server. */
  trustProxy?: TrustProxy;
  now?: () => number;
}

/** What the widget receives: a token and the Direct Line domain to use it with (relative to the widget's own URL). */
export interface WidgetGrant {
  token: string;
  conversationId: string;
  expires_in: number;
  domain: string;
}

export function registerWidget(server: restify.Server, options: WidgetOptions): void {
  const registered = directLineEndpointOf(server);
  const directLine = options.directLine ?? registered?.endpoint;
  const baseLog = options.log ?? registered?.log;
  if (!directLine || !baseLog) {
    throw new Error('registerWidget needs the built-in Direct Line endpoint: call registerDirectLine on the same server first (or pass directLine and log)');
  }
  const log = baseLog.child({ module: 'widget' });
  const publicDir = findPublicDir();
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const azure = options.directLineSecret ? new AzureTokenClient({ secret: options.directLineSecret, baseUrl: options.azureBaseUrl }) : undefined;
  const limiter = new RateLimiter(options.tokenRateLimit ?? DEFAULT_DIRECT_LINE_LIMITS.tokenGenerate, options.now);
  const trustProxy = options.trustProxy ?? registered?.trustProxy ?? TRUST_NO_PROXY;
  // Other sites load the script and styles, possibly from pages that isolate themselves (COEP).
  const embeddable = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

  const page = new StaticAsset({
    file: path.join(publicDir, 'index.html'),
    contentType: 'text/html; charset=utf-8',
    cacheControl: 'no-cache',
    transform: (html) => html.replaceAll('{{PUBLIC_URL}}', escapeHtml(publicUrl)),
  });
  // Web Chat's bundle is asked for by an address that names its content (vendor/webchat.<hash>.js), so browsers keep it
  // for a year without asking again; widget.js, which names that address, stays short-lived so an upgrade reaches
  // every site within minutes.
  const webChat = new StaticAsset({
    file: webChatBundlePath(),
    contentType: 'text/javascript; charset=utf-8',
    cacheControl: WEB_CHAT_CACHE_CONTROL,
    headers: embeddable,
    // Compressed by `npm run build`, so the very first visitor gets brotli.
    preparedDir: options.preparedDir ?? preparedWebChatDir(),
  });
  const script = new StaticAsset({
    file: path.join(publicDir, 'widget.js'),
    contentType: 'text/javascript; charset=utf-8',
    cacheControl: 'public, max-age=300',
    headers: embeddable,
    transform: async (source) => source.replaceAll(WEB_CHAT_PATH_PLACEHOLDER, await versionedWebChatPath(webChat)),
  });
  const styles = new StaticAsset({
    file: path.join(publicDir, 'widget.css'),
    contentType: 'text/css; charset=utf-8',
    cacheControl: 'public, max-age=300',
    headers: embeddable,
  });

  const demoStyles = new StaticAsset({
    file: path.join(publicDir, 'demo.css'),
    contentType: 'text/css; charset=utf-8',
    cacheControl: 'public, max-age=300',
  });

  const serveAsset = (asset: StaticAsset, headersFor?: (req: restify.Request) => Record<string, string>, cacheControl?: string) => async (req: restify.Request, res: restify.Response) => {
    try {
      await asset.serve(req, res, headersFor?.(req), cacheControl);
    } catch (error) {
      log.error({ err: error, url: req.url }, 'widget asset could not be served');
      sendProblem(res, new HttpProblem(500, 'ServiceError', 'The file could not be read.'));
    }
  };

  server.get('/', serveAsset(page, (req) => demoPageHeaders(req, publicUrl)));
  server.get('/demo.css', serveAsset(demoStyles));
  server.get('/widget.js', serveAsset(script));
  server.get('/widget.css', serveAsset(styles));
  // The unversioned address, for pages that still have an older widget.js: a day, as before.
  server.get('/vendor/webchat.js', serveAsset(webChat));
  server.get('/vendor/:file', async (req: restify.Request, res: restify.Response) => {
    const asked = /^webchat\.([A-Za-z0-9_-]{22})\.js$/.exec(String(req.params?.file ?? ''));
    if (!asked) {
      sendProblem(res, new HttpProblem(404, 'NotFound', 'No such file.'));
      return;
    }
    // An address from before an upgrade (a widget.js cached for its five minutes) gets today's bundle, but not for a
    // year: under that address it would otherwise stay the new content for good.
    const current = await webChat.digest().catch(() => null);
    const cacheControl = asked[1] === current ? IMMUTABLE : 'public, max-age=300';
    await serveAsset(webChat, undefined, cacheControl)(req, res);
  });

  server.opts(WIDGET_TOKEN_PATH, async (req, res) => sendPreflight(req, res));
  server.post(WIDGET_TOKEN_PATH, async (req, res) => {
    applyCors(req, res);
    const rate = limiter.take(`ip:${addressKey(clientAddress(req, trustProxy))}`);
    if (!rate.allowed) {
      sendProblem(res, new HttpProblem(429, 'TooManyRequests', 'Too many requests; slow down.', { 'Retry-After': String(rate.retryAfterSeconds) }));
      return;
    }
    // The body, if any, means nothing here; drain it so the connection can be reused.
    req.resume();
    if (!azure) {
      // Relative, so the widget resolves it against its own URL: right behind a proxy or on another port.
      const grant: WidgetGrant = { ...directLine.generateToken(), domain: DIRECT_LINE_BASE_PATH.slice(1) };
      sendJson(res, 200, grant);
      return;
    }
    try {
      const azureGrant = await azure.generateToken();
      const grant: WidgetGrant = {
        token: azureGrant.token,
        conversationId: azureGrant.conversationId,
        expires_in: azureGrant.expires_in,
        domain: azure.domain,
      };
      sendJson(res, 200, grant);
    } catch (error) {
      log.error({ err: error }, 'Azure Direct Line token exchange failed');
      sendProblem(res, new HttpProblem(502, 'ServiceError', 'The chat service could not give a token.'));
    }
  });
}

/**
 * The demo page's policy: only this server's scripts (no inline script, no eval), its own styles plus the
 * inline ones Web Chat inserts at run time (its CSS-in-JS), images from here, data: and blob: URLs, and connections
 * to here over HTTP and WebSocket. The page may not be framed (`frame-ancestors 'none'`): sites embed the
 * widget by its script, never the page. No referrer leaves the page: what a parent reads is nobody's business.
 */
export function demoPageHeaders(req: IncomingMessage, publicUrl: string): Record<string, string> {
  const hosts = new Set([new URL(publicUrl).host]);
  const requested = req.headers.host;
  if (requested && /^[A-Za-z0-9.[\]:-]{1,255}$/.test(requested)) hosts.add(requested);
  const sockets = [...hosts].flatMap((host) => [`ws://${host}`, `wss://${host}`]);
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // Web Chat draws some of its icons as blob: images it makes itself.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${sockets.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': policy,
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

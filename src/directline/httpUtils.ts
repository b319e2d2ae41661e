import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Small HTTP pieces shared by the Direct Line routes and the widget's token route: bounded JSON bodies,
 * errors in Direct Line's `{error: {code, message}}` shape, CORS for pages on other sites, the caller's address.
 */

/** Error codes of the Direct Line 3.0 API, as clients expect them. */
export type DirectLineErrorCode =
  | 'BadArgument'
  | 'MissingProperty'
  | 'TokenExpired'
  | 'BadToken'
  | 'Forbidden'
  | 'NotFound'
  | 'MessageSizeTooBig'
  | 'TooManyRequests'
  | 'ServiceUnavailable'
  | 'BotError'
  | 'NotImplemented'
  | 'ServiceError';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: DirectLineErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(payload)),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

export function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  sendJson(res, problem.status, { error: { code: problem.code, message: problem.message } }, problem.headers);
}

/**
 * Reads the request body as JSON, refusing more than `maxBytes` (413), bad JSON (400) and values nested deeper
 * than `maxDepth` (400). An empty body reads as undefined.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number, maxDepth: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });

  const text = raw.toString('utf8').trim();
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'BadArgument', 'The body is not valid JSON.');
  }
  if (depthExceeds(value, maxDepth)) throw new HttpProblem(400, 'BadArgument', `The body is nested deeper than ${maxDepth} levels.`);
  return value;
}

function tooLarge(maxBytes: number): HttpProblem {
  // Closing the connection stops a client from streaming the rest of an oversized body into us.
  return new HttpProblem(413, 'MessageSizeTooBig', `The body is larger than ${maxBytes} bytes.`, { Connection: 'close' });
}

/** Iterative, so a hostile body cannot exhaust the stack. */
function depthExceeds(root: unknown, maxDepth: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(value)) pending.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** The bearer token of the request, or undefined. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * The caller's address for rate limits. Behind a reverse proxy, `trustProxy` takes the address that proxy
 * appended last to X-Forwarded-For; without it that header is ignored, since any client can write it.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((part) => part.trim()).filter(Boolean);
    const last = list[list.length - 1];
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** The query of a request URL, read here so the routes do not depend on a query-parser plugin being installed. */
export function queryParam(req: IncomingMessage, name: string): string | undefined {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get(name) ?? undefined;
}

const HEADER_LIST_PATTERN = /^[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*$/;

/**
 * CORS for the Direct Line and token routes: any website may embed the widget, and the credentials are bearer
 * tokens, never cookies, so every origin is allowed.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  res.setHeader('Vary', 'Origin');
  if (req.method === 'OPTIONS') {
    const requested = req.headers['access-control-request-headers'];
    const allowed = typeof requested === 'string' && HEADER_LIST_PATTERN.test(requested.trim())
      ? requested.trim()
      : 'Authorization, Content-Type, X-Requested-With, x-ms-bot-agent';
    res.setHeader('Access-Control-Allow-Headers', allowed);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Max-Age', '600');
  }
}

export function sendPreflight(req: IncomingMessage, res: ServerResponse): void {
  applyCors(req, res);
  res.writeHead(204, { 'Content-Length': '0' });
  res.end();
}

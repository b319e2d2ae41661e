import net from 'node:net';

/**
 * HTTP on a bare TCP socket, for requests no HTTP client would send (broken targets, control characters,
 * odd upgrades). Reads the first answer: status line, headers, and the body its Content-Length announces.
 */
export interface RawAnswer {
  /** undefined: no answer came before the socket closed or the time ran out. */
  status: number | undefined;
  headers: Record<string, string>;
  body: string;
  /** Why the exchange ended without a complete answer (reset, time out), when it did. */
  failure?: string;
}

export function sendRaw(port: number, request: string | Buffer, options: { timeoutMs?: number; headOnly?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (failure?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseAnswer(Buffer.concat(chunks)), ...(failure ? { failure } : {}) });
    };
    const timer = setTimeout(() => finish('timed out'), options.timeoutMs ?? 5_000);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const answer = parseAnswer(Buffer.concat(chunks));
      if (answer.status !== undefined && (answer.complete || options.headOnly || answer.status === 101)) finish();
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
  });
}

function parseAnswer(bytes: Buffer): RawAnswer & { complete: boolean } {
  let text = bytes.toString('latin1');
  // Interim answers (100 Continue) come before the real one.
  while (/^HTTP\/1\.[01] 1\d\d /.test(text) && !text.startsWith('HTTP/1.1 101')) {
    const end = text.indexOf('\r\n\r\n');
    if (end < 0) break;
    text = text.slice(end + 4);
  }
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0) return { status: undefined, headers: {}, body: '', complete: false };
  const [statusLine = '', ...headerLines] = text.slice(0, headEnd).split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = text.slice(headEnd + 4);
  const length = Number(headers['content-length'] ?? NaN);
  const complete = Number.isFinite(length) ? Buffer.byteLength(body, 'latin1') >= length : false;
  return { status: status ? Number(status) : undefined, headers, body: Buffer.from(body, 'latin1').toString('utf8'), complete };
}

/** GET /healthz on a fresh connection: the process is alive and serving. */
export async function healthStatus(port: number): Promise<number | undefined> {
  const answer = await sendRaw(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
  return answer.status;
}

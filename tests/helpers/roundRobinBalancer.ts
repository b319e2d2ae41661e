import { createServer, type IncomingMessage, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A plain round-robin load balancer for tests, on 127.0.0.1: every HTTP request goes to the next instance in turn,
 * whatever connection it came on (the browser's keep-alive connections do not make it sticky: the instance is picked
 * per request, and the request is proxied on a new upstream connection), and every WebSocket upgrade is piped to
 * the next instance too. Like nginx's `proxy_next_upstream error`, an instance that refuses the connection is
 * marked down and the request goes to the next one (nothing was sent to the refusing one); a request body is
 * buffered first, so it can be sent again. Nothing else: no session affinity, no header rewriting.
 */

export interface UpstreamCounts {
  /** HTTP requests answered by this instance (upgrades not included). */
  requests: number;
  /** Of those, requests under /v3/directline. */
  directLine: number;
  /** Of those, activities posted (`POST /v3/directline/conversations/:id/activities`). */
  posts: number;
  /** WebSocket upgrades piped to this instance. */
  upgrades: number;
  /** WebSockets piped to this instance that are still open. */
  openSockets: number;
  /** Connections refused by this instance (then it is marked down). */
  refused: number;
}

export interface RoundRobinBalancer {
  /** `http://127.0.0.1:PORT`, listening from the moment this is returned (so it can be the instances' PUBLIC_URL). */
  url: string;
  /** One entry per instance, in the order of `setUpstreams`. */
  counts: UpstreamCounts[];
  /** What went where, in order: `index method path` (upgrades as `index UPGRADE path`). */
  log: string[];
  /** The instances' base URLs (`http://127.0.0.1:PORT`); resets the counts and the rotation. */
  setUpstreams(urls: string[]): void;
  /** Whether an instance is still in the rotation (it leaves it after refusing a connection). */
  isUp(index: number): boolean;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startRoundRobinBalancer(): Promise<RoundRobinBalancer> {
  let upstreams: { host: string; port: number }[] = [];
  let up: boolean[] = [];
  let counts: UpstreamCounts[] = [];
  const log: string[] = [];
  let turn = 0;
  const sockets = new Set<Socket | Duplex>();

  /** The next instance still up, in turn; undefined when all are down. */
  const pick = (): number | undefined => {
    for (let tries = 0; tries < upstreams.length; tries++) {
      const index = turn++ % upstreams.length;
      if (up[index]) return index;
    }
    return undefined;
  };
  const markRefused = (index: number) => {
    up[index] = false;
    counts[index]!.refused++;
  };

  const proxy = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const index = pick();
    if (index === undefined) {
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end('no instance up');
      return;
    }
    const target = upstreams[index]!;
    let answered = false;
    const upstream = httpRequest(
      { host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers, agent: false },
      (upstreamRes) => {
        answered = true;
        const count = counts[index]!;
        count.requests++;
        const path = req.url ?? '';
        if (path.startsWith('/v3/directline')) count.directLine++;
        if (req.method === 'POST' && /^\/v3\/directline\/conversations\/[^/?]+\/activities(\?|$)/.test(path)) count.posts++;
        log.push(`${index} ${req.method} ${path.replace(/([?&](t|token)=)[^&]*/g, '$1…')}`);
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, upstreamRes.rawHeaders);
        upstreamRes.pipe(res);
        upstreamRes.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) {
        res.destroy();
      } else if (error.code === 'ECONNREFUSED') {
        // Refused before anything was answered: as a balancer does, try the next instance with the same request.
        markRefused(index);
        proxy(req, res, body);
      } else if (!res.headersSent) {
        res.writeHead(502, { 'Content-Type': 'text/plain' }).end('upstream failed');
      } else {
        res.destroy();
      }
    });
    upstream.end(body);
  };

  const server: Server = createServer({ keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413, { Connection: 'close' }).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size <= MAX_BODY_BYTES) proxy(req, res, Buffer.concat(chunks));
    });
    req.on('error', () => res.destroy());
  });

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  server.on('upgrade', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const head1 = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`;
    const headers = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`);
    const requestHead = `${head1}${headers.join('')}\r\n`;

    const attempt = () => {
      const index = pick();
      if (index === undefined) {
        client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const target = upstreams[index]!;
      let connected = false;
      const upstream = connect(target.port, target.host);
      sockets.add(upstream);
      upstream.on('connect', () => {
        connected = true;
        const count = counts[index]!;
        count.upgrades++;
        count.openSockets++;
        log.push(`${index} UPGRADE ${(req.url ?? '').replace(/([?&](t|token)=)[^&]*/g, '$1…')}`);
        upstream.on('close', () => count.openSockets--);
        upstream.write(requestHead);
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        sockets.delete(upstream);
        if (!connected && error.code === 'ECONNREFUSED') {
          markRefused(index);
          attempt();
        } else {
          client.destroy();
        }
      });
    };
    attempt();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the balancer has no TCP address');

  const balancer: RoundRobinBalancer = {
    url: `http://127.0.0.1:${address.port}`,
    counts,
    log,
    setUpstreams(urls) {
      upstreams = urls.map((url) => {
        const parsed = new URL(url);
        if (parsed.hostname !== '127.0.0.1') throw new Error(`the test balancer proxies to 127.0.0.1 only, not ${parsed.hostname}`);
        return { host: parsed.hostname, port: Number(parsed.port) };
      });
      up = urls.map(() => true);
      counts = urls.map(() => ({ requests: 0, directLine: 0, posts: 0, upgrades: 0, openSockets: 0, refused: 0 }));
      balancer.counts = counts;
      log.length = 0;
      turn = 0;
    },
    isUp: (index) => up[index] === true,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return balancer;
}

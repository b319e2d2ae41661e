import http from 'node:http';
import net from 'node:net';
import { z } from 'zod';

/**
 * A local stand-in for a channel's serviceUrl (the Bot Connector API): the bot posts its replies here as it would
 * to Teams or Web Chat (`POST /v3/conversations/{id}/activities[/{replyToId}]`), and a test or the bench waits
 * for them. Only the loopback address is used.
 */
export interface ReceivedReply {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown>;
  receivedAt: number;
}

const ReplyActivitySchema = z.record(z.string(), z.unknown());
function readActivity(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed = ReplyActivitySchema.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
function looksLikeJsonObject(body: Buffer): boolean {
  return body.length >= 2 && body[0] === OPEN_BRACE && body[body.length - 1] === CLOSE_BRACE;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/;

export class ServiceUrlReceiver {
  readonly replies: ReceivedReply[] = [];
  /** Requests the receiver could not make sense of (wrong path, not JSON): a bot bug, visible to tests. */
  readonly unexpected: { method: string; url: string }[] = [];
  private waiters: { check: () => boolean; resolve: () => void }[] = [];
  /** Every reply accepted, kept or not. */
  replyCount = 0;

  private constructor(
    private readonly server: http.Server,
    readonly serviceUrl: string,
    private readonly keepReplies: boolean,
  ) {}

  /**
   * `keepReplies: false` only counts them: the bench shares its process with the bot it measures, and ten
   * thousand kept replies would make the bot pay for the channel's memory in garbage collection.
   */
  static async start(options: { keepReplies?: boolean } = {}): Promise<ServiceUrlReceiver> {
    let receiver: ServiceUrlReceiver | undefined;
    const server = http.createServer((req, res) => receiver?.handle(req, res));
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the receiver has no TCP address');
    receiver = new ServiceUrlReceiver(server, `http://127.0.0.1:${address.port}/`, options.keepReplies ?? true);
    return receiver;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '';
      const match = ACTIVITY_PATH.exec(url);
      const body = Buffer.concat(chunks);
      const activity = this.keepReplies ? readActivity(body) : undefined;
      // Counting only, the receiver checks that a JSON object came and leaves its parsing out: in the bench it shares
      // the process of the bot it measures, and a channel's parsing of the replies is not the bot's cost.
      const received = this.keepReplies ? activity !== undefined : looksLikeJsonObject(body);
      if ((req.method === 'POST' || req.method === 'PUT') && match?.[1] && received) {
        const id = `reply-${++this.replyCount}`;
        if (this.keepReplies) {
          this.replies.push({
            conversationId: decodeURIComponent(match[1]),
            replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
            activity: activity ?? {},
            receivedAt: performance.now(),
          });
          this.notify();
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
        return;
      }
      this.unexpected.push({ method: req.method ?? '?', url });
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: 'not a Bot Connector activities route' } }));
    });
  }

  repliesTo(conversationId: string): ReceivedReply[] {
    return this.replies.filter((reply) => reply.conversationId === conversationId);
  }

  /** Resolves once `check` holds (checked at each reply), or rejects after timeoutMs. */
  waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(new Error(`the expected replies did not arrive within ${timeoutMs} ms (received ${this.replies.length})`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Waits for at least `count` replies in one conversation and returns them. */
  async waitForReplies(conversationId: string, count = 1, timeoutMs = 5000): Promise<ReceivedReply[]> {
    await this.waitUntil(() => this.repliesTo(conversationId).length >= count, timeoutMs);
    return this.repliesTo(conversationId);
  }

  private notify(): void {
    const ready = this.waiters.filter((waiter) => waiter.check());
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  }

  clear(): void {
    this.replies.length = 0;
    this.unexpected.length = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A serviceUrl that accepts connections, reads what it is sent and never answers: the channel that held one of the
 * bot's requests for minutes before outbound calls had a timeout. Counts the connections, so a test can tell a retry
 * from a request that was never sent.
 */
export class SilentServiceUrl {
  connections = 0;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly serviceUrl: string,
  ) {}

  static async start(): Promise<SilentServiceUrl> {
    let silent: SilentServiceUrl | undefined;
    const server = net.createServer((socket) => {
      if (!silent) return socket.destroy();
      silent.connections++;
      silent.sockets.add(socket);
      socket.on('close', () => silent?.sockets.delete(socket));
      socket.on('error', () => undefined);
      socket.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the silent serviceUrl has no TCP address');
    silent = new SilentServiceUrl(server, `http://127.0.0.1:${address.port}/`);
    return silent;
  }

  /** Connections still open: the bot's client should have given up on each by the time a turn has ended. */
  get openConnections(): number {
    return this.sockets.size;
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

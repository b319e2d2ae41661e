import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../log/logger';
import type { ConversationStore, ActivitySet } from './conversations';
import type { RateLimiter } from './rateLimiter';
import type { DirectLineTokens } from './tokens';
import { clientAddress } from './httpUtils';
import { parseWatermark } from './watermark';

/**
 * The WebSocket stream of a conversation at its `streamUrl`: `{activities, watermark}` messages, starting with
 * what came after the watermark in the URL, so a client that reconnects misses nothing.
 */

export interface StreamOptions {
  /** The path prefix of the endpoint, e.g. "/v3/directline". */
  basePath: string;
  store: ConversationStore;
  tokens: DirectLineTokens;
  limiter: RateLimiter;
  trustProxy: boolean;
  maxStreamsPerConversation: number;
  pingIntervalMs: number;
  log: Logger;
}

/** A client that reads slower than the bot writes is dropped past this many unsent bytes. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export class DirectLineStreams {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly socketsByConversation = new Map<string, Set<WebSocket>>();
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pingTimer: NodeJS.Timeout;
  private readonly pathPattern: RegExp;

  constructor(private readonly options: StreamOptions) {
    const prefix = options.basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.pathPattern = new RegExp(`^${prefix}/conversations/([^/]+)/stream$`);
    this.pingTimer = setInterval(() => this.pingAll(), options.pingIntervalMs);
    this.pingTimer.unref();
    options.store.onEvicted((conversation) => {
      for (const socket of this.socketsByConversation.get(conversation.id) ?? []) socket.close(1000, 'conversation ended');
    });
  }

  /** True when the request was for a stream of this endpoint (and has been answered); false to let others handle it. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = this.pathPattern.exec(url.pathname);
    if (!match) return false;
    const conversationId = decodeURIComponent(match[1]!);

    const rate = this.options.limiter.take(`ip:${clientAddress(req, this.options.trustProxy)}`);
    if (!rate.allowed) return refuse(socket, 429, 'Too Many Requests', { 'Retry-After': String(rate.retryAfterSeconds) });

    const check = this.options.tokens.verify(url.searchParams.get('t') ?? '', 'stream');
    if (!check.ok) return refuse(socket, 403, 'Forbidden');
    if (check.claims.conv !== conversationId) return refuse(socket, 403, 'Forbidden');

    const conversation = this.options.store.get(conversationId);
    if (!conversation) return refuse(socket, 404, 'Not Found');
    const watermark = parseWatermark(url.searchParams.get('watermark') ?? undefined);
    if (watermark === undefined) return refuse(socket, 400, 'Bad Request');
    if (conversation.streamCount >= this.options.maxStreamsPerConversation) return refuse(socket, 429, 'Too Many Requests', { 'Retry-After': '5' });

    this.server.handleUpgrade(req, socket, head, (ws) => {
      this.options.store.touch(conversation);
      this.alive.add(ws);
      ws.on('pong', () => this.alive.add(ws));
      // Clients send empty keep-alive messages; nothing a client writes on the stream means anything.
      ws.on('message', () => undefined);
      ws.on('error', (error) => this.options.log.debug({ err: error, conversationId }, 'directline stream error'));

      const send = (set: ActivitySet): void => {
        if (ws.readyState !== WebSocket.OPEN) return;
        if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
          ws.terminate();
          return;
        }
        ws.send(JSON.stringify(set));
      };
      const { backlog, unsubscribe } = conversation.subscribe(watermark, send);
      const sockets = this.socketsByConversation.get(conversationId) ?? new Set<WebSocket>();
      sockets.add(ws);
      this.socketsByConversation.set(conversationId, sockets);
      ws.on('close', () => {
        unsubscribe();
        sockets.delete(ws);
        if (sockets.size === 0) this.socketsByConversation.delete(conversationId);
        this.options.store.touch(conversation);
      });
      if (backlog.activities.length > 0) send(backlog);
    });
    return true;
  }

  get openStreams(): number {
    let count = 0;
    for (const sockets of this.socketsByConversation.values()) count += sockets.size;
    return count;
  }

  async close(): Promise<void> {
    clearInterval(this.pingTimer);
    for (const sockets of this.socketsByConversation.values()) {
      for (const socket of sockets) socket.terminate();
    }
    this.socketsByConversation.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A socket that did not answer the previous ping is dead (a phone that lost its network): drop it. */
  private pingAll(): void {
    for (const sockets of this.socketsByConversation.values()) {
      for (const socket of sockets) {
        if (!this.alive.has(socket)) {
          socket.terminate();
          continue;
        }
        this.alive.delete(socket);
        socket.ping();
      }
    }
  }
}

function refuse(socket: Duplex, status: number, reason: string, headers: Record<string, string> = {}): true {
  const lines = [`HTTP/1.1 ${status} ${reason}`, 'Connection: close', 'Content-Length: 0', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.end(`${lines.join('\r\n')}\r\n\r\n`);
  return true;
}

import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { type TranscriptChange, TranscriptChangeSchema } from './transcripts';

/**
 * How instances sharing PostgreSQL tell each other that a conversation changed, so the one holding a widget's
 * WebSocket reads the new activities at once: PostgreSQL LISTEN/NOTIFY on a dedicated connection, or Redis
 * pub/sub when REDIS_URL is set. A wake-up carries no activity, only "conversation X has news up to n": the
 * stream then reads from the database, so a lost or repeated wake-up loses or repeats nothing. After a
 * reconnection, when wake-ups may have been missed, `onResync` makes every stream look again.
 */
export interface WakeUpChannel {
  readonly kind: 'listen/notify' | 'redis';
  publish(change: TranscriptChange): Promise<void>;
  /** Changes published by other instances (this one's own are handled locally, without the round trip). */
  onChange(listener: (change: TranscriptChange) => void): void;
  onResync(listener: () => void): void;
  close(): Promise<void>;
}

const WakeUpMessageSchema = z.object({ from: z.string().min(1).max(64), change: TranscriptChangeSchema });

/** Reconnection delays of the listening connection: quick at first, then every 30 s at most. */
const RECONNECT_DELAYS_MS = [100, 500, 1000, 2000, 5000, 10_000, 30_000];

abstract class BaseWakeUps {
  /** Tells this process's own messages apart from those of other instances. */
  protected readonly instanceId = randomBytes(8).toString('hex');
  protected readonly changeListeners = new Set<(change: TranscriptChange) => void>();
  protected readonly resyncListeners = new Set<() => void>();

  constructor(protected readonly log: Logger) {}

  onChange(listener: (change: TranscriptChange) => void): void {
    this.changeListeners.add(listener);
  }

  onResync(listener: () => void): void {
    this.resyncListeners.add(listener);
  }

  protected encode(change: TranscriptChange): string {
    return JSON.stringify({ from: this.instanceId, change });
  }

  protected receive(payload: string | undefined): void {
    let json: unknown;
    try {
      json = JSON.parse(payload ?? '');
    } catch {
      json = undefined;
    }
    const message = WakeUpMessageSchema.safeParse(json);
    if (!message.success) {
      this.log.warn('directline ignored a wake-up that is not one');
      return;
    }
    if (message.data.from === this.instanceId) return;
    for (const listener of this.changeListeners) listener(message.data.change);
  }

  protected resync(): void {
    for (const listener of this.resyncListeners) listener();
  }
}

/**
 * LISTEN/NOTIFY: publishing is a `pg_notify` through the pool (delivered at commit to every listener of the
 * database); listening needs a connection of its own, held for the life of the process and reopened when it
 * drops (a restart of PostgreSQL, a network cut, an idle timeout of a proxy in between).
 */
export class PostgresNotifyWakeUps extends BaseWakeUps implements WakeUpChannel {
  readonly kind = 'listen/notify';
  private client: pg.Client | undefined;
  private closed = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    log: Logger,
  ) {
    super(log);
  }

  static async open(pool: pg.Pool, channel: string, log: Logger): Promise<PostgresNotifyWakeUps> {
    const wakeUps = new PostgresNotifyWakeUps(pool, channel, log);
    await wakeUps.connect();
    return wakeUps;
  }

  async publish(change: TranscriptChange): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, this.encode(change)]);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.pool.options, application_name: 'maillage-directline-wakeups', keepAlive: true });
    const lost = (error?: Error): void => this.lost(client, error);
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (notification) => {
      if (notification.channel === this.channel) this.receive(notification.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.log.warn({ err: error ? { name: error.name, message: error.message } : undefined }, 'directline wake-up connection lost; reconnecting');
    this.reconnectSoon();
  }

  private reconnectSoon(): void {
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)]!;
    this.attempt++;
    this.reconnectTimer = setTimeout(() => {
      this.connect().then(
        () => {
          if (this.closed) return;
          this.log.info('directline wake-up connection back');
          // Whatever was published while we were away was not heard: every stream looks again.
          this.resync();
        },
        (error: unknown) => {
          if (this.closed) return;
          this.log.warn({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'directline wake-up reconnection failed');
          this.reconnectSoon();
        },
      );
    }, delay);
    this.reconnectTimer.unref();
  }
}

/**
 * Redis pub/sub: one connection publishes, one subscribes (a subscribed Redis connection can do nothing else).
 *
 * Redis is only the doorbell: the conversations are in PostgreSQL. So Redis down at start does not keep the
 * widget from opening (ioredis keeps trying, logged once a minute), and each time the subscriber is ready — the
 * first time or after a reconnection — it subscribes and, once Redis has confirmed, every stream looks again:
 * what was published before that moment was not heard. ioredis's own resubscription is off, because it is sent
 * after its "ready" event and nothing tells when it took effect; a stream re-read before it would miss whatever
 * was published in between.
 */
export class RedisWakeUps extends BaseWakeUps implements WakeUpChannel {
  readonly kind = 'redis';
  private lastErrorLoggedAt = 0;
  private closed = false;
  private subscribedOnce = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
    log: Logger,
  ) {
    super(log);
  }

  static async open(url: string, channel: string, log: Logger): Promise<RedisWakeUps> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5000, autoResubscribe: false };
    const publisher = new Redis(url, options);
    const subscriber = new Redis(url, options);
    const wakeUps = new RedisWakeUps(publisher, subscriber, channel, log);
    for (const connection of [publisher, subscriber]) connection.on('error', (error: Error) => wakeUps.logError(error));
    subscriber.on('message', (from: string, message: string) => {
      if (from === channel) wakeUps.receive(message);
    });
    subscriber.on('ready', () => wakeUps.subscribe());
    // Not awaited: a failed first attempt is retried by ioredis like any later one.
    for (const connection of [publisher, subscriber]) connection.connect().catch(() => undefined);
    return wakeUps;
  }

  async publish(change: TranscriptChange): Promise<void> {
    await this.publisher.publish(this.channel, this.encode(change));
  }

  async close(): Promise<void> {
    this.closed = true;
    // Nothing pending is worth waiting for (a wake-up is only a hint), and QUIT could wait forever on a Redis
    // that went silent without closing the connection.
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private subscribe(): void {
    this.subscriber.subscribe(this.channel).then(
      () => {
        if (this.closed) return;
        if (this.subscribedOnce) this.log.info('directline Redis wake-ups back');
        this.subscribedOnce = true;
        this.resync();
      },
      // The connection dropped again: the next "ready" subscribes again.
      (error: unknown) => this.logError(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private logError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt < 60_000) return;
    this.lastErrorLoggedAt = now;
    this.log.warn({ err: { name: error.name, message: error.message } }, 'directline Redis wake-ups unavailable; retrying');
  }
}

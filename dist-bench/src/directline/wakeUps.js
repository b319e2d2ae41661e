"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisWakeUps = exports.PostgresNotifyWakeUps = void 0;
const node_crypto_1 = require("node:crypto");
const ioredis_1 = require("ioredis");
const pg_1 = __importDefault(require("pg"));
const zod_1 = require("zod");
const transcripts_1 = require("./transcripts");
const WakeUpMessageSchema = zod_1.z.object({ from: zod_1.z.string().min(1).max(64), change: transcripts_1.TranscriptChangeSchema });
/** Reconnection delays of the listening connection: quick at first, then every 30 s at most. */
const RECONNECT_DELAYS_MS = [100, 500, 1000, 2000, 5000, 10_000, 30_000];
class BaseWakeUps {
    log;
    /** Tells this process's own messages apart from those of other instances. */
    instanceId = (0, node_crypto_1.randomBytes)(8).toString('hex');
    changeListeners = new Set();
    resyncListeners = new Set();
    constructor(log) {
        this.log = log;
    }
    onChange(listener) {
        this.changeListeners.add(listener);
    }
    onResync(listener) {
        this.resyncListeners.add(listener);
    }
    encode(change) {
        return JSON.stringify({ from: this.instanceId, change });
    }
    receive(payload) {
        let json;
        try {
            json = JSON.parse(payload ?? '');
        }
        catch {
            json = undefined;
        }
        const message = WakeUpMessageSchema.safeParse(json);
        if (!message.success) {
            this.log.warn('directline ignored a wake-up that is not one');
            return;
        }
        if (message.data.from === this.instanceId)
            return;
        for (const listener of this.changeListeners)
            listener(message.data.change);
    }
    resync() {
        for (const listener of this.resyncListeners)
            listener();
    }
}
/**
 * LISTEN/NOTIFY: publishing is a `pg_notify` through the pool (delivered at commit to every listener of the
 * database); listening needs a connection of its own, held for the life of the process and reopened when it
 * drops (a restart of PostgreSQL, a network cut, an idle timeout of a proxy in between).
 */
class PostgresNotifyWakeUps extends BaseWakeUps {
    pool;
    channel;
    kind = 'listen/notify';
    client;
    closed = false;
    attempt = 0;
    reconnectTimer;
    constructor(pool, channel, log) {
        super(log);
        this.pool = pool;
        this.channel = channel;
    }
    static async open(pool, channel, log) {
        const wakeUps = new PostgresNotifyWakeUps(pool, channel, log);
        await wakeUps.connect();
        return wakeUps;
    }
    async publish(change) {
        await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, this.encode(change)]);
    }
    async close() {
        this.closed = true;
        clearTimeout(this.reconnectTimer);
        const client = this.client;
        this.client = undefined;
        await client?.end().catch(() => undefined);
    }
    async connect() {
        const client = new pg_1.default.Client({ ...this.pool.options, application_name: 'maillage-directline-wakeups', keepAlive: true });
        const lost = (error) => this.lost(client, error);
        client.on('error', lost);
        client.on('end', () => lost());
        client.on('notification', (notification) => {
            if (notification.channel === this.channel)
                this.receive(notification.payload);
        });
        try {
            await client.connect();
            await client.query(`LISTEN "${this.channel}"`);
        }
        catch (error) {
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
    lost(client, error) {
        if (this.closed || this.client !== client)
            return;
        this.client = undefined;
        client.end().catch(() => undefined);
        this.log.warn({ err: error ? { name: error.name, message: error.message } : undefined }, 'directline wake-up connection lost; reconnecting');
        this.reconnectSoon();
    }
    reconnectSoon() {
        const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)];
        this.attempt++;
        this.reconnectTimer = setTimeout(() => {
            this.connect().then(() => {
                if (this.closed)
                    return;
                this.log.info('directline wake-up connection back');
                // Whatever was published while we were away was not heard: every stream looks again.
                this.resync();
            }, (error) => {
                if (this.closed)
                    return;
                this.log.warn({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'directline wake-up reconnection failed');
                this.reconnectSoon();
            });
        }, delay);
        this.reconnectTimer.unref();
    }
}
exports.PostgresNotifyWakeUps = PostgresNotifyWakeUps;
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
class RedisWakeUps extends BaseWakeUps {
    publisher;
    subscriber;
    channel;
    kind = 'redis';
    lastErrorLoggedAt = 0;
    closed = false;
    subscribedOnce = false;
    constructor(publisher, subscriber, channel, log) {
        super(log);
        this.publisher = publisher;
        this.subscriber = subscriber;
        this.channel = channel;
    }
    static async open(url, channel, log) {
        const options = { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5000, autoResubscribe: false };
        const publisher = new ioredis_1.Redis(url, options);
        const subscriber = new ioredis_1.Redis(url, options);
        const wakeUps = new RedisWakeUps(publisher, subscriber, channel, log);
        for (const connection of [publisher, subscriber])
            connection.on('error', (error) => wakeUps.logError(error));
        subscriber.on('message', (from, message) => {
            if (from === channel)
                wakeUps.receive(message);
        });
        subscriber.on('ready', () => wakeUps.subscribe());
        // Not awaited: a failed first attempt is retried by ioredis like any later one.
        for (const connection of [publisher, subscriber])
            connection.connect().catch(() => undefined);
        return wakeUps;
    }
    async publish(change) {
        await this.publisher.publish(this.channel, this.encode(change));
    }
    async close() {
        this.closed = true;
        // Nothing pending is worth waiting for (a wake-up is only a hint), and QUIT could wait forever on a Redis
        // that went silent without closing the connection.
        this.publisher.disconnect();
        this.subscriber.disconnect();
    }
    subscribe() {
        this.subscriber.subscribe(this.channel).then(() => {
            if (this.closed)
                return;
            if (this.subscribedOnce)
                this.log.info('directline Redis wake-ups back');
            this.subscribedOnce = true;
            this.resync();
        }, 
        // The connection dropped again: the next "ready" subscribes again.
        (error) => this.logError(error instanceof Error ? error : new Error(String(error))));
    }
    logError(error) {
        const now = Date.now();
        if (now - this.lastErrorLoggedAt < 60_000)
            return;
        this.lastErrorLoggedAt = now;
        this.log.warn({ err: { name: error.name, message: error.message } }, 'directline Redis wake-ups unavailable; retrying');
    }
}
exports.RedisWakeUps = RedisWakeUps;
//# sourceMappingURL=wakeUps.js.map
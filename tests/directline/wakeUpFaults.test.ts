import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { RedisWakeUps } from '../../src/directline/wakeUps';
import { createLogger } from '../../src/log/logger';
import { openStore } from '../../src/storage';
import type { Store } from '../../src/storage/store';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { request, startConversation, startTestServer, type TestServer, waitUntil } from './support/harness';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy';
import { openStream } from './support/streamClient';

/**
 * The wake-up channel is a doorbell, the conversations are in PostgreSQL: nothing that happens to the channel may
 * refuse a widget, hold its requests, or leave a stream deaf. Redis down at start, Redis gone silent, Redis back
 * after a cut (with its subscription slow to take effect), and an open that fails half-way.
 */

const REDIS_URL = process.env.REDIS_URL_TEST?.trim() || 'redis://127.0.0.1:6379';
const silent = createLogger('silent');



/** The streamUrl an instance gave, pointed at another instance (a balancer gives one host for all). */
const through = (streamUrl: string, server: TestServer) => {
  const url = new URL(streamUrl);
  url.host = new URL(server.baseUrl).host;
  return url.toString();
};

/** A bound on what must not hang, so that a hang fails the test with its name rather than the whole run. */
function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The channels of transcriptBackends.ts for a schema. */
const suffixOf = (schema: string) => createHash('sha256').update(schema).digest('hex').slice(0, 16);

const post = (server: TestServer, conversation: { conversationId: string; token: string }, text: string) =>
  request(`${server.domain}/conversations/${conversation.conversationId}/activities`, { method: 'POST', token: conversation.token, json: { type: 'message', text } });

describePostgres('built-in Direct Line when its wake-up channel fails', (databaseUrl) => {
  let schema: string;
  let stores: Store[];
  let servers: TestServer[];
  let proxy: TcpProxy | undefined;
  let redis: Redis;

  const openStores = async (count: number) => {
    stores = [];
    for (let i = 0; i < count; i++) stores.push(await openStore(withSchema(databaseUrl, schema), silent));
  };
  const subscribers = async () => {
    const counts = (await redis.call('PUBSUB', 'NUMSUB', `maillage:directline:${suffixOf(schema)}`)) as [string, number];
    return Number(counts[1]);
  };

  beforeEach(() => {
    schema = uniqueSchemaName('maillage_dlwake');
    stores = [];
    servers = [];
    proxy = undefined;
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  });
  afterEach(async () => {
    for (const server of servers) await server.close();
    await proxy?.close();
    for (const store of stores) await store.close();
    redis.disconnect();
    await dropSchema(databaseUrl, schema);
  });

  it('serves the widget with Redis down at start, and wakes streams across instances once Redis is there', async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(REDIS_URL).port || 6379) }, { listening: false });
    await openStores(2);
    servers = [
      await startTestServer({ store: () => stores[0], redisUrl: proxy.url('redis') }),
      await startTestServer({ store: () => stores[1], redisUrl: REDIS_URL }),
    ];
    // Redis unreachable from the first instance: its conversations still open (they live in PostgreSQL).
    const conversation = await startConversation(servers[0]!);
    const stream = openStream(conversation.streamUrl);
    await stream.opened;

    // The other instance opens its conversations on its first request.
    expect((await request(`${servers[1]!.domain}/conversations/${conversation.conversationId}/activities`, { token: conversation.token })).status).toBe(200);

    await proxy.listen();
    await waitUntil(async () => (await subscribers()) === 2 || undefined, 'both instances subscribed');
    expect((await post(servers[1]!, conversation, 'par l’autre instance')).status).toBe(200);
    await waitUntil(() => stream.activities.some((activity) => activity.text === 'Vous avez dit : par l’autre instance') || undefined, 'the reply written by the other instance');
    stream.socket.close();
  });

  it('answers posts, with the reply on the stream, while Redis has gone silent', async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(REDIS_URL).port || 6379) });
    await openStores(1);
    servers = [await startTestServer({ store: () => stores[0], redisUrl: proxy.url('redis') })];
    const conversation = await startConversation(servers[0]!);
    await waitUntil(async () => (await subscribers()) === 1 || undefined, 'the instance subscribed');
    const stream = openStream(conversation.streamUrl);
    await stream.opened;

    // A partition: no byte passes, no connection closes; ioredis would wait for its answers indefinitely.
    proxy.silence();
    const posted = await within(post(servers[0]!, conversation, 'toujours là ?'), 'a post while Redis is silent');
    expect(posted.status).toBe(200);
    await waitUntil(() => stream.activities.some((activity) => activity.text === 'Vous avez dit : toujours là ?') || undefined, 'the reply on the stream');
    stream.socket.close();
    await within(servers[0]!.close(), 'closing with Redis silent');
    servers = [];
  });

  it('re-reads the streams after a Redis reconnection only once the subscription holds again', async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(REDIS_URL).port || 6379) });
    const channel = `maillage:directline:${suffixOf(schema)}`;
    const listening = await RedisWakeUps.open(proxy.url('redis'), channel, silent);
    const other = await RedisWakeUps.open(REDIS_URL, channel, silent);
    try {
      await waitUntil(async () => (await subscribers()) === 2 || undefined, 'both subscribed');
      const heard: unknown[] = [];
      listening.onChange((change) => heard.push(change));
      let armed = false;
      // The worst moment for another instance to write: right when this one re-reads its streams.
      listening.onResync(() => {
        if (!armed) return;
        armed = false;
        void other.publish({ kind: 'appended', conversationId: 'c-after-the-cut', sequence: 7 });
      });

      // The way back to Redis is slow now: a subscription sent on reconnection takes effect late.
      proxy.delayUpstream(500);
      armed = true;
      proxy.cut();
      await waitUntil(() => heard.length > 0 || undefined, 'the wake-up published as the streams were re-read');
      expect(heard).toEqual([{ kind: 'appended', conversationId: 'c-after-the-cut', sequence: 7 }]);
    } finally {
      await listening.close();
      await other.close();
    }
  });

  it('closes the wake-up connection of an open that failed, so retries do not pile them up', async () => {
    await openStores(1);
    const pool = stores[0]!.postgres!.pool;
    // The first purge at open fails (a pool exhausted at start-up, a statement timeout); later ones go through.
    let failures = 1;
    const flakyPool = Object.create(pool, {
      query: {
        value: (...args: Parameters<typeof pool.query>) => {
          if (typeof args[0] === 'string' && args[0].startsWith('DELETE') && failures-- > 0) {
            return Promise.reject(new Error('timeout exceeded when trying to connect'));
          }
          return Reflect.apply(pool.query, pool, args);
        },
      },
    }) as typeof pool;
    const flakyStore = { ...stores[0]!, postgres: { pool: flakyPool } } as Store;
    servers = [await startTestServer({ store: () => flakyStore })];

    const generated = await request(`${servers[0]!.domain}/tokens/generate`, { method: 'POST' });
    const refused = await request(`${servers[0]!.domain}/conversations`, { method: 'POST', token: generated.body.token, json: {} });
    // A pool timeout is an outage, not a bug: the client is told to come back.
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    const started = await request(`${servers[0]!.domain}/conversations`, { method: 'POST', token: generated.body.token, json: {} });
    expect(started.status).toBe(201);

    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const listeners = async () => {
        const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = $1`, [`LISTEN "maillage_directline_${suffixOf(schema)}"`]);
        return (rows[0] as { n: number }).n;
      };
      expect(await listeners()).toBe(1);
      await servers[0]!.close();
      servers = [];
      await waitUntil(async () => (await listeners()) === 0 || undefined, 'no listening connection left after close');
    } finally {
      await admin.end();
    }
  });
});

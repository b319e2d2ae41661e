import { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { createLogger } from '../../src/log/logger';
import { openStore } from '../../src/storage';
import type { Store } from '../../src/storage/store';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { request, startConversation, startTestServer, type TestServer, waitUntil } from './support/harness';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy';
import { openStream } from './support/streamClient';

/**
 * A wake-up lost with nothing reconnecting afterwards: the NOTIFY of the instance that wrote failed after its
 * insert committed, or only that instance's Redis is unreachable. The instance holding the stream hears nothing,
 * ever; its periodic catch-up (one query for all its streams) must still deliver the reply, and close the stream
 * of a conversation that ended meanwhile.
 */

const REDIS_URL = process.env.REDIS_URL_TEST?.trim() || 'redis://127.0.0.1:6379';
const silent = createLogger('silent');
/** Short in the test so the catch-up comes quickly; the default is 15 s. */
const CATCH_UP_MS = 300;



const suffixOf = (schema: string) => createHash('sha256').update(schema).digest('hex').slice(0, 16);

describePostgres('built-in Direct Line when a wake-up is lost and nothing reconnects', (databaseUrl) => {
  let schema: string;
  let stores: Store[];
  let servers: TestServer[];
  let proxy: TcpProxy | undefined;
  let redis: Redis;

  beforeEach(() => {
    schema = uniqueSchemaName('maillage_dllost');
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

  /**
   * Two instances on one schema: `reader` holds the stream, `writer` runs the turns, and none of the writer's
   * wake-ups reaches the reader.
   */
  const lossyWays: [string, () => Promise<{ reader: TestServer; writer: TestServer }>][] = [
    [
      'the NOTIFY fails on the pool after the insert committed',
      async () => {
        stores = [await openStore(withSchema(databaseUrl, schema), silent), await openStore(withSchema(databaseUrl, schema), silent)];
        const pool = stores[1]!.postgres!.pool;
        // The writer's pool, whose pg_notify fails as it would on a connection lost just after the commit.
        const lossyPool = Object.create(pool, {
          query: {
            value: (...args: Parameters<typeof pool.query>) => {
              if (typeof args[0] === 'string' && args[0].includes('pg_notify')) return Promise.reject(new Error('Connection terminated unexpectedly'));
              return Reflect.apply(pool.query, pool, args);
            },
          },
        }) as typeof pool;
        const lossyStore = { ...stores[1]!, postgres: { pool: lossyPool } } as Store;
        const limits = { streamCatchUpIntervalMs: CATCH_UP_MS };
        return {
          reader: await startTestServer({ store: () => stores[0], limits }),
          writer: await startTestServer({ store: () => lossyStore, limits }),
        };
      },
    ],
    [
      "only the writer's Redis connection fails",
      async () => {
        stores = [await openStore(withSchema(databaseUrl, schema), silent), await openStore(withSchema(databaseUrl, schema), silent)];
        // Never listening: the writer's Redis is unreachable throughout, the reader's is fine.
        proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(REDIS_URL).port || 6379) }, { listening: false });
        const limits = { streamCatchUpIntervalMs: CATCH_UP_MS };
        return {
          reader: await startTestServer({ store: () => stores[0], redisUrl: REDIS_URL, limits }),
          writer: await startTestServer({ store: () => stores[1], redisUrl: proxy.url('redis'), limits }),
        };
      },
    ],
  ];

  describe.each(lossyWays)('when %s', (how, setUp) => {
    it('still delivers the reply on the stream, and closes the stream once the conversation ended', async () => {
      const { reader, writer } = await setUp();
      servers = [reader, writer];
      const conversation = await startConversation(reader);
      // With Redis, the reader's first subscription re-reads every stream: it must be over before the post, or
      // it could deliver the reply by itself.
      if (how.includes('Redis')) {
        const channel = `maillage:directline:${suffixOf(schema)}`;
        await waitUntil(async () => Number(((await redis.call('PUBSUB', 'NUMSUB', channel)) as [string, number])[1]) === 1 || undefined, 'the reader subscribed');
      }
      const stream = openStream(conversation.streamUrl);
      await stream.opened;
      await waitUntil(() => stream.activities.some((activity) => activity.text === 'Bonjour, posez votre question.') || undefined, 'the greeting');

      const post = { method: 'POST', token: conversation.token, json: { type: 'message', text: 'personne ne sonne' } };
      expect((await request(`${writer.domain}/conversations/${conversation.conversationId}/activities`, post)).status).toBe(200);
      // Generous next to the catch-up interval; without a catch-up the reply never comes.
      await waitUntil(() => stream.activities.some((activity) => activity.text === 'Vous avez dit : personne ne sonne') || undefined, 'the reply, by the catch-up', 5000);
      const sequences = stream.activities.map((activity) => Number(activity.id.split('|')[1]));
      expect(sequences).toEqual(sequences.map((_, index) => index + 1));

      // The writer ends the idle conversation; its "ended" wake-up is lost too.
      writer.clock.advance(2 * 60 * 60 * 1000);
      expect(await writer.endpoint.purge()).toBe(1);
      let timer: NodeJS.Timeout | undefined;
      const stillOpen = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('still open after 5 s'), 5000);
      });
      const code = await Promise.race([stream.closed, stillOpen]).finally(() => clearTimeout(timer));
      expect(code).toBe(1000);
      await waitUntil(() => reader.endpoint.stats.streams === 0 || undefined, 'the stream gone from the reader');
    });
  });
});

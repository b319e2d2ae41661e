import pg from 'pg';
import { WebSocket } from 'ws';
import { createLogger } from '../../src/log/logger';
import { openStore } from '../../src/storage';
import type { Store } from '../../src/storage/store';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { request, type TestServer, startTestServer, waitUntil } from './support/harness';

/**
 * One widget conversation served by two instances sharing one PostgreSQL schema and one signing key, every
 * request going to the next instance as a round-robin balancer would: the token from one, the start from the
 * other, posts alternating, polls on both, the WebSocket on either. Every reply must reach the stream exactly
 * once and in order, whichever instance ran the turn; the wake-ups go through LISTEN/NOTIFY or Redis.
 */

const REDIS_URL = process.env.REDIS_URL_TEST?.trim() || 'redis://127.0.0.1:6379';

interface StreamedActivity {
  id: string;
  type: string;
  text?: string;
  from: { role?: string };
}

function openStream(url: string) {
  const socket = new WebSocket(url);
  const activities: StreamedActivity[] = [];
  const watermarks: number[] = [];
  socket.on('message', (data) => {
    const set = JSON.parse(String(data)) as { activities: StreamedActivity[]; watermark: string };
    activities.push(...set.activities);
    watermarks.push(Number(set.watermark));
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
  return { socket, activities, watermarks, closed, opened };
}

const sequenceOf = (activity: { id: string }) => Number(activity.id.split('|')[1]);

/** The streamUrl an instance gave, pointed at another instance (a balancer gives one host for all). */
const through = (streamUrl: string, server: TestServer) => {
  const url = new URL(streamUrl);
  url.host = new URL(server.baseUrl).host;
  return url.toString();
};

describePostgres('built-in Direct Line over two instances sharing PostgreSQL', (databaseUrl) => {
  describe.each([
    ['LISTEN/NOTIFY', undefined],
    ['Redis pub/sub', REDIS_URL],
  ])('woken by %s', (_wakeUps, redisUrl) => {
    let schema: string;
    let stores: Store[];
    let servers: TestServer[];
    let turn = 0;
    /** The next instance, as a round-robin balancer picks it. */
    const next = () => servers[turn++ % servers.length]!;

    const startInstances = async (limits: Record<string, unknown> = {}) => {
      const log = createLogger('silent');
      stores = [await openStore(withSchema(databaseUrl, schema), log), await openStore(withSchema(databaseUrl, schema), log)];
      servers = await Promise.all(
        stores.map((store) =>
          startTestServer({
            store: () => store,
            redisUrl,
            limits: { tokenGenerate: { capacity: 1000, refillPerSecond: 100 }, postsPerConversation: { capacity: 1000, refillPerSecond: 100 }, ...limits },
          }),
        ),
      );
    };

    beforeEach(() => {
      schema = uniqueSchemaName('maillage_dl');
      turn = 0;
    });
    afterEach(async () => {
      for (const server of servers ?? []) await server.close();
      for (const store of stores ?? []) await store.close();
      await dropSchema(databaseUrl, schema);
    });

    it('delivers every reply on the stream exactly once and in order, and polls agree on both instances', async () => {
      await startInstances();
      const generated = await request(`${next().domain}/tokens/generate`, { method: 'POST' });
      const started = await request(`${next().domain}/conversations`, { method: 'POST', token: generated.body.token, json: { locale: 'fr-FR' } });
      expect(started.status).toBe(201);
      const { conversationId, token } = started.body as { conversationId: string; token: string };
      const stream = openStream(through(started.body.streamUrl, next()));
      await stream.opened;

      const texts = Array.from({ length: 16 }, (_, i) => `message ${i}`);
      for (const text of texts) {
        const posted = await request(`${next().domain}/conversations/${conversationId}/activities`, { method: 'POST', token, json: { type: 'message', text } });
        expect(posted.status).toBe(200);
      }
      // Two at once, on both instances: sequences stay unique and without gaps.
      const together = await Promise.all(
        servers.map((server, index) =>
          request(`${server.domain}/conversations/${conversationId}/activities`, { method: 'POST', token, json: { type: 'message', text: `ensemble ${index}` } }),
        ),
      );
      expect(together.map((response) => response.status)).toEqual([200, 200]);

      const allTexts = [...texts, 'ensemble 0', 'ensemble 1'];
      await waitUntil(() => allTexts.every((text) => stream.activities.some((activity) => activity.text === `Vous avez dit : ${text}`)) || undefined, 'every reply on the stream');
      const polls = await Promise.all(servers.map((server) => request(`${server.domain}/conversations/${conversationId}/activities?watermark=0`, { token })));
      const polled = polls.map((poll) => poll.body.activities as StreamedActivity[]);
      expect(polled[0]).toEqual(polled[1]);
      expect(polls[0]!.body.watermark).toBe(polls[1]!.body.watermark);

      // The stream saw exactly what the database holds: greeting, then each message with its typing and reply.
      await waitUntil(() => stream.activities.length === polled[0]!.length || undefined, 'the stream to catch up with the polls');
      expect(stream.activities.map((activity) => activity.id)).toEqual(polled[0]!.map((activity) => activity.id));
      const sequences = stream.activities.map(sequenceOf);
      expect(sequences).toEqual(sequences.map((_, index) => index + 1));
      expect(stream.watermarks).toEqual([...stream.watermarks].sort((a, b) => a - b));
      expect(stream.activities.filter((activity) => activity.type === 'message' && activity.from.role === 'bot').map((activity) => activity.text)).toHaveLength(allTexts.length + 1);
      for (const text of allTexts) expect(stream.activities.filter((activity) => activity.text === `Vous avez dit : ${text}`)).toHaveLength(1);
      // Each reply comes after the message it answers.
      for (const text of texts) {
        const asked = stream.activities.findIndex((activity) => activity.text === text);
        const answered = stream.activities.findIndex((activity) => activity.text === `Vous avez dit : ${text}`);
        expect(asked).toBeLessThan(answered);
      }
      // The greeting ran once, on the instance that started the conversation.
      expect(servers.reduce((count, server) => count + server.bot.ofType('conversationUpdate').length, 0)).toBe(1);

      // A reload: the page reconnects through the other instance from a watermark and gets only what followed it.
      const middle = sequences[Math.floor(sequences.length / 2)]!;
      const reconnected = await request(`${next().domain}/conversations/${conversationId}?watermark=${middle}`, { token });
      const resumed = openStream(through(reconnected.body.streamUrl, next()));
      await resumed.opened;
      await waitUntil(() => resumed.activities.length === sequences.length - middle || undefined, 'the backlog after the watermark');
      expect(resumed.activities.map(sequenceOf)).toEqual(sequences.slice(middle));
      stream.socket.close();
      resumed.socket.close();
    });

    it('ends the least recently used conversation at the cap, closing its stream on the other instance', async () => {
      await startInstances({ maxConversations: 2 });
      const start = async () => {
        const generated = await request(`${next().domain}/tokens/generate`, { method: 'POST' });
        const started = await request(`${next().domain}/conversations`, { method: 'POST', token: generated.body.token, json: {} });
        expect(started.status).toBe(201);
        return started.body as { conversationId: string; token: string; streamUrl: string };
      };
      const first = await start();
      // The stream is held by the instance that will not start the third conversation.
      const stream = openStream(through(first.streamUrl, servers[0]!));
      await stream.opened;
      servers.forEach((server) => server.clock.advance(1000));
      await start();
      servers.forEach((server) => server.clock.advance(1000));
      turn = 1;
      const third = await start();

      expect(await stream.closed).toBe(1000);
      expect((await request(`${servers[0]!.domain}/conversations/${first.conversationId}/activities`, { token: first.token })).status).toBe(404);
      expect((await request(`${servers[0]!.domain}/conversations/${third.conversationId}/activities`, { token: third.token })).status).toBe(200);
    });

    if (!redisUrl) {
      it('wakes the stream again after its LISTEN connection was cut', async () => {
        await startInstances();
        const generated = await request(`${servers[0]!.domain}/tokens/generate`, { method: 'POST' });
        const started = await request(`${servers[0]!.domain}/conversations`, { method: 'POST', token: generated.body.token, json: {} });
        const { conversationId, token } = started.body as { conversationId: string; token: string };
        const stream = openStream(through(started.body.streamUrl, servers[0]!));
        await stream.opened;
        expect((await request(`${servers[1]!.domain}/conversations/${conversationId}/activities`, { token })).status).toBe(200);

        // What a PostgreSQL restart or a network cut does to the listening connections of both instances.
        const admin = new pg.Client({ connectionString: databaseUrl });
        await admin.connect();
        try {
          const killed = await admin.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'maillage-directline-wakeups' AND query LIKE $1`,
            [`LISTEN "maillage_directline_%"`],
          );
          expect(killed.rowCount).toBeGreaterThanOrEqual(2);
        } finally {
          await admin.end();
        }
        const posted = await request(`${servers[1]!.domain}/conversations/${conversationId}/activities`, { method: 'POST', token, json: { type: 'message', text: 'toujours là ?' } });
        expect(posted.status).toBe(200);
        await waitUntil(() => stream.activities.some((activity) => activity.text === 'Vous avez dit : toujours là ?') || undefined, 'the reply after the reconnection');
        expect(stream.activities.map(sequenceOf)).toEqual(stream.activities.map((_, index) => index + 1));
        stream.socket.close();
      });
    }
  });
});

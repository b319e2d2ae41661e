import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { silentLog } from '../helpers/logCapture';
import { jailToLoopback } from '../helpers/networkJail';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { ServiceUrlReceiver } from '../helpers/serviceUrlReceiver';
import { folded, readable, SHIPPED_KNOWLEDGE, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * The Bot Connector protocol through a real socket: the application started in-process, activities posted to
 * POST /api/messages as a channel posts them, replies received on a local serviceUrl, or in the HTTP body with
 * deliveryMode "expectReplies".
 */
const ExpectRepliesBodySchema = z.object({ activities: z.array(z.record(z.string(), z.unknown())) });

let unjail: () => void;
beforeAll(() => {
  unjail = jailToLoopback();
});
afterAll(() => unjail());

function channel(botUrl: string, serviceUrl: string, options: { channelId?: string; locale?: string } = {}) {
  const conversationId = `http-${randomUUID()}`;
  const from = { id: `user-${randomUUID().slice(0, 8)}`, name: 'Partenaire' };
  const post = async (fields: Record<string, unknown>) => {
    const activity = {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: options.channelId ?? 'webchat',
      serviceUrl,
      conversation: { id: conversationId },
      from,
      recipient: { id: 'maillage', name: 'Maillage' },
      locale: options.locale ?? 'fr-FR',
      ...fields,
    };
    const response = await fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(activity) });
    const text = await response.text();
    return { activity, status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return { conversationId, from, post };
}

describe('POST /api/messages on the running application', () => {
  let bot: TestBot;
  let botUrl: string;
  let baseUrl: string;
  let receiver: ServiceUrlReceiver;

  beforeAll(async () => {
    receiver = await ServiceUrlReceiver.start();
    bot = await startTestBot();
    const port = await bot.app.http.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${port}`;
    botUrl = `${baseUrl}/api/messages`;
  });
  afterAll(async () => {
    await bot.stop();
    await receiver.close();
  });

  test('/healthz answers 200 once ready', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('a question is answered on the serviceUrl, as a reply to the question', async () => {
    const chat = channel(botUrl, receiver.serviceUrl);
    const { activity, status } = await chat.post({ type: 'message', text: 'Qui pilote la PA 3.2.1 ?' });
    expect(status).toBe(200);

    const replies = await receiver.waitForReplies(chat.conversationId);
    expect(replies.every((reply) => reply.replyToId === activity.id)).toBe(true);
    const text = folded(replies.map((reply) => readable(reply.activity)).join('\n'));
    expect(text).toContain('commission parentalite');
    expect(text).toContain('3.2.1');
    const [first] = replies;
    expect(first?.activity).toMatchObject({ type: 'message', conversation: { id: chat.conversationId }, recipient: { id: chat.from.id }, replyToId: activity.id });
    expect(receiver.unexpected).toEqual([]);
  });

  test('the conversation state carries over from one HTTP request to the next', async () => {
    const chat = channel(botUrl, receiver.serviceUrl);
    await chat.post({ type: 'message', text: 'parle-moi de la PA 3.2.1' });
    await receiver.waitForReplies(chat.conversationId);
    const before = receiver.repliesTo(chat.conversationId).length;

    await chat.post({ type: 'message', text: 'et ses indicateurs ?' });
    await receiver.waitUntil(() => receiver.repliesTo(chat.conversationId).length > before);
    const followUp = receiver
      .repliesTo(chat.conversationId)
      .slice(before)
      .map((reply) => readable(reply.activity))
      .join('\n');
    expect(folded(followUp)).toContain('taux de couverture');
  });

  test('with deliveryMode "expectReplies" the replies come back in the HTTP body, and nothing goes to the serviceUrl', async () => {
    const chat = channel(botUrl, receiver.serviceUrl);
    const { status, body } = await chat.post({ type: 'message', text: 'qui finance la 3.2.1', deliveryMode: 'expectReplies' });
    expect(status).toBe(200);
    const { activities } = ExpectRepliesBodySchema.parse(body);
    expect(activities.length).toBeGreaterThan(0);
    expect(folded(activities.map(readable).join('\n'))).toContain('fonds national parentalite');
    // Give a stray post the time to arrive before saying there was none.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.repliesTo(chat.conversationId)).toEqual([]);
  });

  test('a user joining gets a greeting', async () => {
    const chat = channel(botUrl, receiver.serviceUrl, { channelId: 'msteams' });
    const { status } = await chat.post({ type: 'conversationUpdate', membersAdded: [chat.from, { id: 'maillage' }] });
    expect(status).toBe(200);
    const replies = await receiver.waitForReplies(chat.conversationId);
    expect(folded(readable(replies[0]?.activity ?? {}))).toContain('maillage');
  });

  test('a malformed activity gets a 4xx with a reason, and is not handed to the bot', async () => {
    const chat = channel(botUrl, receiver.serviceUrl);
    const { status, body } = await chat.post({ type: 'message', text: 'bonjour', conversation: { name: 'no id' } });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'invalid_activity', field: 'conversation.id' } });
  });
});

/** A stand-in database server that accepts connections and never answers: the application stays "starting". */
async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('before the application is ready', () => {
  test('/healthz answers 503 and /api/messages 503 not_ready with Retry-After', async () => {
    const silent = await startSilentServer();
    const config = parseConfig({ KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE, DATABASE_URL: `postgres://maillage@127.0.0.1:${silent.port}/maillage`, LOG_LEVEL: 'silent' });
    const app: App = await createApp(config, silentLog);
    try {
      const port = await app.http.listen(0, '127.0.0.1');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(503);

      const receiver = await ServiceUrlReceiver.start();
      try {
        const { status, headers, body } = await channel(`http://127.0.0.1:${port}/api/messages`, receiver.serviceUrl).post({ type: 'message', text: 'bonjour' });
        expect(status).toBe(503);
        expect(headers.get('retry-after')).toMatch(/^\d+$/);
        expect(body).toMatchObject({ error: { code: 'not_ready' } });
      } finally {
        await receiver.close();
      }
    } finally {
      await silent.close();
      await app.ready.catch(() => undefined);
      await app.close();
    }
  });
});

/** A TCP gate in front of PostgreSQL: connections wait until it opens, so the test decides when the app is ready. */
async function startGate(target: { host: string; port: number }) {
  let open = false;
  const waiting: net.Socket[] = [];
  const sockets = new Set<net.Socket>();
  const connect = (client: net.Socket) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  };
  const server = net.createServer((client) => {
    sockets.add(client);
    if (open) connect(client);
    else waiting.push(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    release() {
      open = true;
      for (const client of waiting.splice(0)) connect(client);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describePostgres('readiness on PostgreSQL', (baseUrl) => {
  test('/healthz is 503 while the database is out of reach and 200 once it answers', async () => {
    const target = new URL(baseUrl);
    const gate = await startGate({ host: target.hostname, port: Number(target.port || 5432) });
    const schema = uniqueSchemaName();
    const gated = new URL(withSchema(baseUrl, schema));
    gated.hostname = '127.0.0.1';
    gated.port = String(gate.port);
    const app = await createApp(parseConfig({ KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE, DATABASE_URL: gated.toString(), LOG_LEVEL: 'silent' }), silentLog);
    try {
      const port = await app.http.listen(0, '127.0.0.1');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
      gate.release();
      await app.ready;
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
      await gate.close();
      await dropSchema(baseUrl, schema);
    }
  });
});

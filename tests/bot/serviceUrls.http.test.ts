import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { OUTBOUND_TIMEOUT_MS } from '../../src/bot/outboundRequests';
import { captureLog } from '../helpers/logCapture';
import { jailToLoopback } from '../helpers/networkJail';
import { ServiceUrlReceiver, SilentServiceUrl } from '../helpers/serviceUrlReceiver';
import { SHIPPED_KNOWLEDGE, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * Local mode (no MicrosoftAppId), through a real socket: an anonymous sender may not make the bot post anywhere but to
 * the allowed origins, and a serviceUrl that never answers does not hold a request for minutes.
 */
const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const ExpectRepliesBodySchema = z.object({ activities: z.array(z.record(z.string(), z.unknown())).min(1) });

let unjail: () => void;
beforeAll(() => {
  unjail = jailToLoopback();
});
afterAll(() => unjail());

async function post(botUrl: string, serviceUrl: string, fields: Record<string, unknown> = {}) {
  const activity = {
    type: 'message',
    id: randomUUID(),
    text: 'qui pilote la PA 3.2.1 ?',
    channelId: 'webchat',
    serviceUrl,
    conversation: { id: `su-${randomUUID()}` },
    from: { id: 'user-1' },
    recipient: { id: 'maillage' },
    locale: 'fr-FR',
    ...fields,
  };
  const started = performance.now();
  const response = await fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, ms: performance.now() - started, conversationId: activity.conversation.id };
}

/** Gives a stray post the time to arrive before saying there was none. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('default policy: loopback only', () => {
  let bot: TestBot;
  let baseUrl: string;
  let receiver: ServiceUrlReceiver;

  beforeAll(async () => {
    receiver = await ServiceUrlReceiver.start();
    bot = await startTestBot();
    baseUrl = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await bot.stop();
    await receiver.close();
  });

  test('a loopback serviceUrl gets its replies', async () => {
    const { status, conversationId } = await post(`${baseUrl}/api/messages`, receiver.serviceUrl);
    expect(status).toBe(200);
    expect((await receiver.waitForReplies(conversationId)).length).toBeGreaterThan(0);
  });

  test.each([
    ['a query that would cut the bot’s path off', (url: string) => `${url}internal/admin?x=`],
    ['a fragment', (url: string) => `${url}#x`],
    ['credentials in the authority', (url: string) => url.replace('http://', 'http://admin:secret@')],
    ['a host name with a trailing dot', (url: string) => url.replace('127.0.0.1', 'localhost.')],
  ])('a serviceUrl on the receiver’s own port but with %s is refused with 403, and the receiver gets nothing', async (_name, spoil) => {
    receiver.clear();
    const { status, body, conversationId } = await post(`${baseUrl}/api/messages`, spoil(receiver.serviceUrl));
    expect(status).toBe(403);
    expect(ErrorBodySchema.parse(body).error.code).toBe('service_url_not_allowed');
    await settle();
    expect(receiver.repliesTo(conversationId)).toEqual([]);
    expect(receiver.unexpected).toEqual([]);
  });

  test.each(['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1:8080/', 'http://127.0.0.1.nip.io/', 'http://127.0.0.1@evil.example/', 'https://[::ffff:a9fe:a9fe]/'])(
    '%s is refused with 403 before the turn runs',
    async (serviceUrl) => {
      const { status, body, ms } = await post(`${baseUrl}/api/messages`, serviceUrl);
      expect(status).toBe(403);
      expect(ErrorBodySchema.parse(body).error.code).toBe('service_url_not_allowed');
      expect(ms).toBeLessThan(2000);
    },
  );

  test('an adaptiveCard/action invoke, whose turn would post messages too, is refused the same way', async () => {
    receiver.clear();
    const spoilt = `${receiver.serviceUrl}x?`;
    const { status, body, conversationId } = await post(`${baseUrl}/api/messages`, spoilt, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb: 'more', data: {} } },
    });
    expect(status).toBe(403);
    expect(ErrorBodySchema.parse(body).error.code).toBe('service_url_not_allowed');
    await settle();
    expect(receiver.repliesTo(conversationId)).toEqual([]);
  });

  test('with deliveryMode "expectReplies" any serviceUrl is accepted: the replies come back in the body', async () => {
    const { status, body } = await post(`${baseUrl}/api/messages`, 'http://169.254.169.254/latest/meta-data/', { deliveryMode: 'expectReplies' });
    expect(status).toBe(200);
    expect(ExpectRepliesBodySchema.parse(body).activities[0]).toMatchObject({ type: 'message' });
  });

  test(`a serviceUrl that accepts and never answers: the turn ends within the ${OUTBOUND_TIMEOUT_MS / 1000} s timeout and the server stays healthy`, async () => {
    const silent = await SilentServiceUrl.start();
    try {
      const { status, ms } = await post(`${baseUrl}/api/messages`, silent.serviceUrl);
      // The turn failed (its reply timed out) and the turn error handler dealt with it: the adapter answers as for
      // any handled turn. Its notice to the user is not waited on a second time.
      expect(status).toBe(200);
      expect(ms).toBeGreaterThanOrEqual(OUTBOUND_TIMEOUT_MS - 500);
      expect(ms).toBeLessThan(OUTBOUND_TIMEOUT_MS * 2);
      expect(silent.connections).toBe(1);
      // The client gave the connection up, it did not leave it open: its close reaches the server a moment later.
      for (let waited = 0; silent.openConnections > 0 && waited < 2000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(silent.openConnections).toBe(0);
      console.log(`silent serviceUrl: request answered in ${Math.round(ms)} ms, ${silent.connections} connection`);

      const health = await fetch(`${baseUrl}/healthz`);
      expect(health.status).toBe(200);
      const { status: next, conversationId } = await post(`${baseUrl}/api/messages`, receiver.serviceUrl);
      expect(next).toBe(200);
      expect((await receiver.waitForReplies(conversationId)).length).toBeGreaterThan(0);
    } finally {
      await silent.close();
    }
  }, 60_000);
});

describe('default policy behind a reverse proxy (TRUST_PROXY=1)', () => {
  let bot: TestBot;
  let botUrl: string;
  let receiver: ServiceUrlReceiver;

  beforeAll(async () => {
    receiver = await ServiceUrlReceiver.start();
    bot = await startTestBot(undefined, { TRUST_PROXY: '1' });
    botUrl = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}/api/messages`;
  });
  afterAll(async () => {
    await bot.stop();
    await receiver.close();
  });

  const postFrom = async (forwardedFor: string) => {
    receiver.clear();
    const conversationId = `proxy-${randomUUID()}`;
    const response = await fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({
        type: 'message', id: randomUUID(), text: 'bonjour', channelId: 'webchat', serviceUrl: receiver.serviceUrl,
        conversation: { id: conversationId }, from: { id: 'user-1' }, recipient: { id: 'maillage' },
      }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, conversationId };
  };

  test('a visitor from elsewhere may not have the bot post to a port of this machine: 403, nothing sent', async () => {
    const { status, body, conversationId } = await postFrom('203.0.113.7');
    expect(status).toBe(403);
    expect(ErrorBodySchema.parse(body).error.code).toBe('service_url_not_allowed');
    await settle();
    expect(receiver.repliesTo(conversationId)).toEqual([]);
  });

  test('a tool on the machine itself, through the same proxy, still gets its replies', async () => {
    const { status, conversationId } = await postFrom('127.0.0.1');
    expect(status).toBe(200);
    expect((await receiver.waitForReplies(conversationId)).length).toBeGreaterThan(0);
  });
});

describe('ALLOWED_SERVICE_URLS: only the listed origins', () => {
  let bot: TestBot;
  let botUrl: string;
  let allowed: ServiceUrlReceiver;
  let other: ServiceUrlReceiver;

  beforeAll(async () => {
    allowed = await ServiceUrlReceiver.start();
    other = await ServiceUrlReceiver.start();
    bot = await startTestBot(undefined, { ALLOWED_SERVICE_URLS: allowed.serviceUrl });
    botUrl = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}/api/messages`;
  });
  afterAll(async () => {
    await bot.stop();
    await allowed.close();
    await other.close();
  });

  test('the listed origin gets its replies', async () => {
    const { status, conversationId } = await post(botUrl, allowed.serviceUrl);
    expect(status).toBe(200);
    expect((await allowed.waitForReplies(conversationId)).length).toBeGreaterThan(0);
  });

  test('another loopback port is refused once a list is given, and receives nothing', async () => {
    const { status, conversationId } = await post(botUrl, other.serviceUrl);
    expect(status).toBe(403);
    await settle();
    expect(other.repliesTo(conversationId)).toEqual([]);
    expect(other.unexpected).toEqual([]);
  });
});

describe('the start-up log', () => {
  async function startupLines(env: Record<string, string>) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-startup-'));
    const captured = captureLog('info');
    const app = await createApp(parseConfig({ KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE, DATABASE_URL: `sqlite:${path.join(dataDir, 'db.sqlite')}`, ...env }), captured.log);
    try {
      await app.ready;
      return captured.lines().filter((line) => String(line.msg).includes('unauthenticated'));
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  test('without credentials it warns once, plainly, and names where replies may go', async () => {
    const lines = await startupLines({ ALLOWED_SERVICE_URLS: 'https://bot.example.org, http://127.0.0.1:4000' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, allowedServiceUrls: 'https://bot.example.org, http://127.0.0.1:4000' });
    expect(String(lines[0]?.msg)).toContain('the bot runs unauthenticated');
    expect(String(lines[0]?.msg)).toContain('https://bot.example.org');
  });

  test('with credentials it says nothing of the kind', async () => {
    expect(await startupLines({ MicrosoftAppId: '0b5e8a1c-3f0d-4d7e-9a51-6c2b8f4e1d23', MicrosoftAppPassword: 'x' })).toEqual([]);
  });
});

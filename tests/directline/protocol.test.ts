import { type Activity, ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { NodeXmlHttpRequest } from './support/nodeXmlHttpRequest';
import { request, startConversation, startTestServer, type TestServer, waitUntil } from './support/harness';

// botframework-directlinejs expects a browser: it checks for a global WebSocket and calls XMLHttpRequest.
Object.assign(globalThis, { WebSocket, XMLHttpRequest: NodeXmlHttpRequest });

/** The official client, with every activity it receives kept in order. */
function connect(options: ConstructorParameters<typeof DirectLine>[0]) {
  const directLine = new DirectLine(options);
  const received: Activity[] = [];
  const subscription = directLine.activity$.subscribe((activity) => received.push(activity));
  return {
    directLine,
    received,
    messages: () => received.filter((activity) => activity.type === 'message').map((activity) => ('text' in activity ? activity.text : undefined)),
    post: (activity: Record<string, unknown>) =>
      new Promise<string>((resolve, reject) => {
        directLine.postActivity({ from: { id: 'ignored-by-the-server' }, ...activity } as Activity).subscribe({ next: resolve, error: reject });
      }),
    end: () => {
      subscription.unsubscribe();
      directLine.end();
    },
  };
}

async function newToken(server: TestServer): Promise<{ token: string; conversationId: string }> {
  const generated = await request(`${server.domain}/tokens/generate`, { method: 'POST' });
  expect(generated.status).toBe(200);
  return generated.body;
}

describe('built-in Direct Line with the official botframework-directlinejs client', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it.each([
    ['WebSocket', true],
    ['polling', false],
  ])('starts a conversation, posts, and receives the echo and the reply over %s', async (_mode, webSocket) => {
    const { token, conversationId } = await newToken(server);
    const client = connect({ token, domain: server.domain, webSocket, pollingInterval: 200, conversationStartProperties: { locale: 'fr-FR' } });
    try {
      await waitUntil(() => client.messages().includes('Bonjour, posez votre question.'), 'the greeting');

      const start = server.bot.ofType('conversationUpdate');
      expect(start).toHaveLength(1);
      expect(start[0]).toMatchObject({
        channelId: 'directline',
        serviceUrl: 'http://localhost:3978/v3/directline',
        conversation: { id: conversationId },
        locale: 'fr-FR',
      });
      const userId = (start[0]!.from as { id: string }).id;
      expect(userId).toMatch(/^dl_/);
      expect(start[0]!.membersAdded).toEqual([
        { id: 'maillage', name: 'Maillage', role: 'bot' },
        { id: userId, role: 'user' },
      ]);

      const id = await client.post({ type: 'message', text: 'que veut dire CTG ?', locale: 'fr-FR', channelData: { clientActivityID: 'c-1' } });
      expect(id).toBe(`${conversationId}|0000002`);
      await waitUntil(() => client.messages().includes('Vous avez dit : que veut dire CTG ?'), 'the reply');

      const echo = client.received.find((activity) => activity.id === id);
      expect(echo).toMatchObject({ type: 'message', text: 'que veut dire CTG ?', from: { id: userId, role: 'user' }, channelData: { clientActivityID: 'c-1' } });
      const seen = server.bot.ofType('message')[0]!;
      expect(seen).toMatchObject({ id, channelId: 'directline', from: { id: userId }, conversation: { id: conversationId }, locale: 'fr-FR', text: 'que veut dire CTG ?' });
      // Typing indicators pass; the Emulator's trace activities do not reach a Direct Line client.
      expect(client.received.some((activity) => activity.type === 'typing')).toBe(true);
      expect(client.received.some((activity) => (activity.type as string) === 'trace')).toBe(false);
      const ids = client.received.map((activity) => activity.id);
      expect(ids).toEqual([...ids].sort());
    } finally {
      client.end();
    }
  });

  it('hands the bot a shared position as it was sent: GeoCoordinates entities and the location event', async () => {
    const { token } = await newToken(server);
    const client = connect({ token, domain: server.domain, webSocket: true });
    try {
      await waitUntil(() => client.messages().length > 0, 'the greeting');
      await client.post({ type: 'message', text: 'près de moi', entities: [{ type: 'GeoCoordinates', latitude: 45.7, longitude: 4.88 }] });
      await client.post({ type: 'event', name: 'location', value: { latitude: 45.697, longitude: 4.886 } });
      await waitUntil(() => client.messages().find((text) => text?.startsWith('Position reçue')), 'the position reply');

      expect(server.bot.ofType('message')[0]!.entities).toEqual([{ type: 'GeoCoordinates', latitude: 45.7, longitude: 4.88 }]);
      expect(server.bot.ofType('event')[0]).toMatchObject({ name: 'location', value: { latitude: 45.697, longitude: 4.886 }, channelId: 'directline' });
    } finally {
      client.end();
    }
  });

  it('passes the bot’s request for a position to the client in channelData', async () => {
    const { token } = await newToken(server);
    const client = connect({ token, domain: server.domain, webSocket: true });
    try {
      await client.post({ type: 'message', text: 'où aller ?' });
      const reply = await waitUntil(() => client.received.find((activity) => activity.type === 'message' && activity.from.role === 'bot' && (activity as { replyToId?: string }).replyToId), 'the reply');
      expect(reply.channelData).toEqual({ maillage: { askLocation: true } });
    } finally {
      client.end();
    }
  });

  it('reconnects to a conversation from a watermark and gets only what came after it', async () => {
    const { token, conversationId } = await newToken(server);
    const first = connect({ token, domain: server.domain, webSocket: true });
    await first.post({ type: 'message', text: 'un' });
    await first.post({ type: 'message', text: 'deux' });
    await waitUntil(() => first.messages().includes('Vous avez dit : deux'), 'the second reply');
    const watermarkOfFirstReply = first.received.find((activity) => activity.type === 'message' && activity.text === 'Vous avez dit : un')!.id!.split('|')[1]!;
    first.end();

    // A page reloaded with what it remembered: the conversation, its token and the last watermark it saw.
    const second = connect({ token, conversationId, watermark: String(Number(watermarkOfFirstReply)), domain: server.domain, webSocket: true });
    try {
      await waitUntil(() => second.messages().includes('Vous avez dit : deux'), 'the activities after the watermark');
      expect(second.messages()).toEqual(['deux', 'Vous avez dit : deux']);
      await second.post({ type: 'message', text: 'trois' });
      await waitUntil(() => second.messages().includes('Vous avez dit : trois'), 'a reply after reconnecting');
    } finally {
      second.end();
    }

    const polled = await request(`${server.domain}/conversations/${conversationId}/activities?watermark=${Number(watermarkOfFirstReply)}`, { token });
    expect(polled.status).toBe(200);
    expect(polled.body.activities.map((activity: Activity) => activity.id)).toEqual(
      polled.body.activities.map((_: unknown, index: number) => `${conversationId}|${String(Number(watermarkOfFirstReply) + 1 + index).padStart(7, '0')}`),
    );
    expect(polled.body.watermark).toBe(polled.body.activities.at(-1).id.split('|')[1].replace(/^0+/, ''));
  });
});

describe('built-in Direct Line tokens', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('gives a signed token bound to a new conversation, without any secret', async () => {
    const generated = await request(`${server.domain}/tokens/generate`, { method: 'POST' });
    expect(generated.status).toBe(200);
    expect(generated.body).toEqual({ conversationId: expect.stringMatching(/^[A-Za-z0-9_-]{16,}$/), token: expect.any(String), expires_in: 1800 });
    const claims = JSON.parse(Buffer.from(generated.body.token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ conv: generated.body.conversationId, user: expect.stringMatching(/^dl_/) });

    const tampered = generated.body.token.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect((await request(`${server.domain}/tokens/refresh`, { method: 'POST', token: tampered })).status).toBe(403);
    expect((await request(`${server.domain}/tokens/refresh`, { method: 'POST' })).status).toBe(401);
  });

  it('expires tokens, and refreshes them while they are valid', async () => {
    const { token, conversationId } = await startConversation(server);
    const activities = `${server.domain}/conversations/${conversationId}/activities`;

    server.clock.advance(20 * 60 * 1000);
    const refreshed = await request(`${server.domain}/tokens/refresh`, { method: 'POST', token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId, expires_in: 1800 });

    server.clock.advance(11 * 60 * 1000);
    const expired = await request(activities, { token });
    expect(expired.status).toBe(403);
    expect(expired.body.error.code).toBe('TokenExpired');
    expect((await request(`${server.domain}/tokens/refresh`, { method: 'POST', token })).status).toBe(403);

    const withRefreshed = await request(activities, { token: refreshed.body.token });
    expect(withRefreshed.status).toBe(200);
  });

  it('refuses a token of one conversation on another (403), and an unknown conversation (404)', async () => {
    const alice = await startConversation(server);
    const bob = await startConversation(server);

    const read = await request(`${server.domain}/conversations/${bob.conversationId}/activities`, { token: alice.token });
    expect(read.status).toBe(403);
    const post = await request(`${server.domain}/conversations/${bob.conversationId}/activities`, {
      method: 'POST',
      token: alice.token,
      json: { type: 'message', text: 'bonjour' },
    });
    expect(post.status).toBe(403);
    const reconnect = await request(`${server.domain}/conversations/${bob.conversationId}`, { token: alice.token });
    expect(reconnect.status).toBe(403);
    expect(server.bot.ofType('message')).toHaveLength(0);

    // Alice's stream URL, pointed at Bob's conversation.
    const foreignStream = alice.streamUrl.replace(alice.conversationId, bob.conversationId);
    await expect(openSocket(foreignStream)).rejects.toThrow(/403/);
    await expect(openSocket(alice.streamUrl)).resolves.toBeDefined();

    const neverStarted = await newToken(server);
    const unknown = await request(`${server.domain}/conversations/${neverStarted.conversationId}/activities`, { token: neverStarted.token });
    expect(unknown.status).toBe(404);
  });
});

describe('built-in Direct Line refuses bad requests plainly', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('answers bad JSON, a missing or wrong type, and deep nesting with 400', async () => {
    const { token, conversationId } = await startConversation(server);
    const url = `${server.domain}/conversations/${conversationId}/activities`;
    const post = (body: string) => request(url, { method: 'POST', token, body, headers: { 'Content-Type': 'application/json' } });

    expect((await post('{"type": "message", "text": ')).status).toBe(400);
    expect((await post('')).status).toBe(400);
    expect((await post('{"text": "sans type"}')).status).toBe(400);
    expect((await post('{"type": "conversationUpdate"}')).status).toBe(400);
    expect((await post('{"type": "event"}')).status).toBe(400);
    expect((await post('{"type": "message", "locale": "fr_FR<script>"}')).status).toBe(400);
    expect((await post(`{"type": "message", "value": ${'['.repeat(200)}${']'.repeat(200)}}`)).status).toBe(400);
    const bad = await post('[1, 2');
    expect(bad.body).toEqual({ error: { code: 'BadArgument', message: expect.any(String) } });
    expect(server.bot.ofType('message')).toHaveLength(0);
    expect((await request(`${server.domain}/conversations/${conversationId}/activities?watermark=abc`, { token })).status).toBe(400);
  });

  it('answers a body over 64 KB with 413, whether its length is declared or not', async () => {
    const { token, conversationId } = await startConversation(server);
    const url = `${server.domain}/conversations/${conversationId}/activities`;
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(70 * 1024) });

    const declared = await request(url, { method: 'POST', token, body: big, headers: { 'Content-Type': 'application/json' } });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('MessageSizeTooBig');

    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(10 * 1024)));
        controller.close();
      },
    });
    const streamed = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(server.bot.ofType('message')).toHaveLength(0);
  });

  it('limits new tokens per address and posts per conversation with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await request(`${server.domain}/tokens/generate`, { method: 'POST' })).status);
    // startConversation in this test's server has not run yet: 30 tokens fit in the default burst.
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    const limited = await request(`${server.domain}/tokens/generate`, { method: 'POST' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    server.clock.advance(10 * 60 * 1000);
    const { token, conversationId } = await startConversation(server);
    const posts: number[] = [];
    for (let i = 0; i < 22; i++) {
      posts.push((await request(`${server.domain}/conversations/${conversationId}/activities`, { method: 'POST', token, json: { type: 'message', text: `n°${i}` } })).status);
    }
    expect(posts.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(posts.slice(20)).toEqual([429, 429]);
  });

  it('tells the user in French when the bot fails, and answers 502', async () => {
    const { token, conversationId } = await startConversation(server);
    await waitUntil(() => server.bot.ofType('conversationUpdate').length === 1, 'the start of the conversation');
    server.bot.failures = 1;
    const failed = await request(`${server.domain}/conversations/${conversationId}/activities`, { method: 'POST', token, json: { type: 'message', text: 'bonjour' } });
    expect(failed.status).toBe(502);
    const transcript = await request(`${server.domain}/conversations/${conversationId}/activities`, { token });
    expect(transcript.body.activities.at(-1)).toMatchObject({ type: 'message', from: { role: 'bot' }, text: expect.stringContaining('Réessayez') });

    const next = await request(`${server.domain}/conversations/${conversationId}/activities`, { method: 'POST', token, json: { type: 'message', text: 'encore' } });
    expect(next.status).toBe(200);
  });

  it('answers CORS preflights so the widget works embedded on another site', async () => {
    const preflight = await fetch(`${server.domain}/conversations/abc/activities`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://www.example.org', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, x-ms-bot-agent' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const generated = await fetch(`${server.domain}/tokens/generate`, { method: 'POST', headers: { Origin: 'https://www.example.org' } });
    expect(generated.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses a WebSocket on any other path', async () => {
    await expect(openSocket(`${server.baseUrl.replace('http', 'ws')}/somewhere/else`)).rejects.toThrow(/404/);
    await expect(openSocket(`${server.baseUrl.replace('http', 'ws')}/v3/directline/conversations/abcdefghijklmnopqrst/stream?t=forged`)).rejects.toThrow(/403/);
  });
});

describe('built-in Direct Line when an Azure secret is configured', () => {
  it('gives tokens only to a caller that presents the secret', async () => {
    const server = await startTestServer({ directLineSecret: 'azure-secret' });
    try {
      expect((await request(`${server.domain}/tokens/generate`, { method: 'POST' })).status).toBe(403);
      expect((await request(`${server.domain}/tokens/generate`, { method: 'POST', token: 'wrong' })).status).toBe(403);
      const granted = await request(`${server.domain}/tokens/generate`, { method: 'POST', token: 'azure-secret', json: { user: { id: 'dl_chosen-by-server' } } });
      expect(granted.status).toBe(200);
      const claims = JSON.parse(Buffer.from(granted.body.token.split('.')[1], 'base64url').toString());
      expect(claims.user).toBe('dl_chosen-by-server');
    } finally {
      await server.close();
    }
  });
});

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      resolve(socket);
      socket.close();
    });
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

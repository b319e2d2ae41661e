import { WebSocket } from 'ws';
import { QUIET_GRACE_MS } from '../../src/directline/transcripts';
import { request, startConversation, startTestServer, type TestServer, waitUntil } from './support/harness';

/**
 * Anonymous clients cannot fill the built-in endpoint: bytes are budgeted per conversation and in all, a new
 * parent is never refused (the least recently used conversation ends, a quiet one first), conversations
 * idle too long end even with a stream open, and streams are capped per conversation, per address and in all.
 * Each bound is tested with small limits injected.
 */

type Started = Awaited<ReturnType<typeof startConversation>>;

const post = (server: TestServer, conversation: Started, text: string) =>
  request(`${server.domain}/conversations/${conversation.conversationId}/activities`, { method: 'POST', token: conversation.token, json: { type: 'message', text } });

const poll = (server: TestServer, conversation: Started, watermark = 0) =>
  request(`${server.domain}/conversations/${conversation.conversationId}/activities?watermark=${watermark}`, { token: conversation.token });

/** Opens a stream; resolves once open, with the close code when it closes and every message it got. */
function openStream(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, { headers });
  const messages: { activities: { id: string }[]; watermark: string }[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const opened = new Promise<WebSocket>((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
  return { socket, messages, closed, opened };
}

const serverWith = (limits: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  startTestServer({ limits: { tokenGenerate: { capacity: 1000, refillPerSecond: 100 }, postsPerConversation: { capacity: 1000, refillPerSecond: 100 }, ...limits }, ...extra });

describe('built-in Direct Line memory budgets', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('drops a conversation’s oldest activities past its byte budget, with ids and watermarks still increasing', async () => {
    server = await serverWith({ maxConversationBytes: 4000 });
    const conversation = await startConversation(server);
    for (let i = 0; i < 12; i++) expect((await post(server, conversation, `${i} ${'x'.repeat(400)}`)).status).toBe(200);

    const all = await poll(server, conversation);
    const kept: { id: string; text?: string }[] = all.body.activities;
    const keptBytes = kept.reduce((sum, activity) => sum + Buffer.byteLength(JSON.stringify(activity)), 0);
    expect(keptBytes).toBeLessThanOrEqual(4000);
    expect(kept.length).toBeGreaterThan(2);
    // The newest are kept; the greeting and the first posts went.
    expect(kept.at(-1)!.text).toBe(`Vous avez dit : 11 ${'x'.repeat(400)}`);
    expect(kept.some((activity) => activity.text?.startsWith('0 '))).toBe(false);
    const sequences = kept.map((activity) => Number(activity.id.split('|')[1]));
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(all.body.watermark).toBe(String(sequences.at(-1)));
    expect(server.endpoint.stats.bytes).toBeLessThanOrEqual(4000);
  });

  it('ends the least recently used conversation past the global byte budget, and closes its stream with 1000', async () => {
    server = await serverWith({ maxConversationBytes: 6000, maxTotalBytes: 10_000 });
    const oldest = await startConversation(server);
    await post(server, oldest, 'x'.repeat(1500));
    const stream = openStream(oldest.streamUrl);
    await stream.opened;
    server.clock.advance(1000);
    const newer = await startConversation(server);
    for (let i = 0; i < 5; i++) await post(server, newer, `${i} ${'y'.repeat(1500)}`);

    expect((await poll(server, oldest)).status).toBe(404);
    expect(await stream.closed).toBe(1000);
    expect((await poll(server, newer)).status).toBe(200);
    expect(server.endpoint.stats.bytes).toBeLessThanOrEqual(10_000);
  });

  it('never refuses a new parent at the cap: the least recently used conversation ends, one opened and left before one where someone spoke', async () => {
    server = await serverWith({ maxConversations: 3 });
    const spoken = await startConversation(server);
    await post(server, spoken, 'bonjour');
    server.clock.advance(1000);
    const quietOlder = await startConversation(server);
    const quietStream = openStream(quietOlder.streamUrl);
    await quietStream.opened;
    server.clock.advance(1000);
    const quietNewer = await startConversation(server);
    // Both quiet pages have now been left alone long enough to count as abandoned.
    server.clock.advance(QUIET_GRACE_MS);

    // Full: the next parent still gets in…
    const next = await startConversation(server);
    expect((await poll(server, next)).status).toBe(200);
    // …at the cost of the oldest quiet conversation, not of the older one where someone spoke.
    expect((await poll(server, quietOlder)).status).toBe(404);
    expect(await quietStream.closed).toBe(1000);
    expect((await poll(server, spoken)).status).toBe(200);
    expect((await poll(server, quietNewer)).status).toBe(200);
    expect(server.endpoint.stats.conversations).toBe(3);

    // Only conversations where someone spoke left: the least recently used of them goes.
    await post(server, quietNewer, 'une question');
    await post(server, next, 'une autre');
    server.clock.advance(1000);
    await post(server, spoken, 'encore moi');
    await startConversation(server);
    expect((await poll(server, quietNewer)).status).toBe(404);
    expect((await poll(server, spoken)).status).toBe(200);
  });

  it('does not end a conversation just opened (its parent is typing) before older ones where someone spoke', async () => {
    server = await serverWith({ maxConversations: 2 });
    const spoken = await startConversation(server);
    await post(server, spoken, 'bonjour');
    server.clock.advance(1000);
    const justOpened = await startConversation(server);
    server.clock.advance(1000);

    const next = await startConversation(server);
    expect((await poll(server, next)).status).toBe(200);
    expect((await poll(server, justOpened)).status).toBe(200);
    expect((await poll(server, spoken)).status).toBe(404);
  });

  it('keeps a conversation that was only started cheap: its greeting, nothing else', async () => {
    server = await serverWith({});
    const conversation = await startConversation(server);
    await waitUntil(async () => (await poll(server, conversation)).body.activities.length === 1 || undefined, 'the greeting');
    expect(server.endpoint.stats).toMatchObject({ conversations: 1 });
    expect(server.endpoint.stats.bytes).toBeLessThan(1024);
  });

  it('ends an idle conversation even with a stream open, and keeps one whose page refreshes its token', async () => {
    server = await serverWith({ conversationIdleMs: 60_000 });
    const idle = await startConversation(server);
    const kept = await startConversation(server);
    const stream = openStream(idle.streamUrl);
    await stream.opened;

    server.clock.advance(40_000);
    expect((await request(`${server.domain}/tokens/refresh`, { method: 'POST', token: kept.token })).status).toBe(200);
    server.clock.advance(40_000);
    expect(await server.endpoint.purge()).toBe(1);
    expect(await stream.closed).toBe(1000);
    expect((await poll(server, idle)).status).toBe(404);
    expect((await poll(server, kept)).status).toBe(200);
  });
});

describe('built-in Direct Line stream caps', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('caps streams per conversation, per address and in all (429 or 503 before the upgrade)', async () => {
    // Behind a proxy at 127.0.0.1, so that X-Forwarded-For gives each test client its own address.
    server = await serverWith(
      { maxStreamsPerConversation: 2, maxStreamsPerAddress: 3, maxStreams: 5 },
      { trustProxy: { kind: 'addresses', addresses: ['127.0.0.1'] } },
    );
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    const conversations = await Promise.all(Array.from({ length: 6 }, () => startConversation(server)));
    const freshUrl = async (conversation: Started) =>
      (await request(`${server.domain}/conversations/${conversation.conversationId}`, { token: conversation.token })).body.streamUrl as string;

    const open: WebSocket[] = [];
    open.push(await openStream(conversations[0]!.streamUrl, from('198.51.100.1')).opened);
    open.push(await openStream(await freshUrl(conversations[0]!), from('198.51.100.1')).opened);
    await expect(openStream(await freshUrl(conversations[0]!), from('198.51.100.2')).opened).rejects.toThrow(/429/);

    open.push(await openStream(conversations[1]!.streamUrl, from('198.51.100.1')).opened);
    await expect(openStream(conversations[2]!.streamUrl, from('198.51.100.1')).opened).rejects.toThrow(/429/);

    open.push(await openStream(conversations[2]!.streamUrl, from('198.51.100.2')).opened);
    open.push(await openStream(conversations[3]!.streamUrl, from('198.51.100.3')).opened);
    await expect(openStream(conversations[4]!.streamUrl, from('198.51.100.4')).opened).rejects.toThrow(/503/);
    expect(server.endpoint.stats.streams).toBe(5);

    // A closed stream gives its place back.
    const closing = open.pop()!;
    await new Promise<void>((resolve) => {
      closing.once('close', () => resolve());
      closing.close();
    });
    await waitUntil(async () => {
      try {
        open.push(await openStream(conversations[4]!.streamUrl, from('198.51.100.4')).opened);
        return true;
      } catch {
        return undefined;
      }
    }, 'a place for a new stream');
    for (const socket of open) socket.close();
  });
});

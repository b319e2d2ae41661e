import { randomUUID } from 'node:crypto';
import { jailToLoopback } from '../helpers/networkJail';
import { startTestBot, type TestBot } from '../helpers/transcript';

/**
 * GET /metrics (issue 8 §5): Prometheus text from the running application, off unless METRICS=true. The series
 * move with real traffic, and nothing a user typed or any id reaches a label.
 */

/** The value of one sample in the text format, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

let unjail: () => void;
beforeAll(() => {
  unjail = jailToLoopback();
});
afterAll(() => unjail());

describe('METRICS=true', () => {
  let bot: TestBot;
  let base: string;
  const scrape = async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };
  const post = (activity: Record<string, unknown>) =>
    fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });

  beforeAll(async () => {
    bot = await startTestBot(undefined, { METRICS: 'true' });
    base = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => bot.stop());

  test('a turn moves the turn, latency, HTTP and store series', async () => {
    const before = await scrape();
    const marker = `secret-${randomUUID()}`;
    const response = await post({
      type: 'message',
      text: `Qui pilote la PA 3.2.1 ? ${marker}`,
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:9/unused',
      conversation: { id: `conv-${marker}` },
      from: { id: `user-${marker}` },
      recipient: { id: 'maillage' },
      deliveryMode: 'expectReplies',
    });
    expect(response.status).toBe(200);
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string>) => (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(moved('maillage_turns_total', { channel: 'test', outcome: 'ok' })).toBe(1);
    expect(moved('maillage_turn_duration_seconds_count', { channel: 'test' })).toBe(1);
    expect(moved('maillage_http_responses_total', { route: 'messages', status: '200' })).toBe(1);
    expect(moved('maillage_store_operation_duration_seconds_count', { operation: 'state.read', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(moved('maillage_store_operation_duration_seconds_count', { operation: 'state.write', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    // The previous scrape itself was counted.
    expect(moved('maillage_http_responses_total', { route: 'metrics', status: '200' })).toBe(1);
    expect(after).not.toContain(marker);
  });

  test('a turn that fails inside the bot is counted as a failure, though the channel gets its 200', async () => {
    const before = await scrape();
    // Port 9 (discard) on the loopback is closed: the reply cannot be posted, so the turn fails and its handler runs.
    const response = await post({
      type: 'message',
      text: 'qui pilote la PA 3.2.1 ?',
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:9/closed',
      conversation: { id: `conv-${randomUUID()}` },
      from: { id: 'user-1' },
      recipient: { id: 'maillage' },
    });
    expect(response.status).toBe(200);
    const after = await scrape();
    const moved = (sample(after, 'maillage_turn_failures_total', { channel: 'test' }) ?? 0) - (sample(before, 'maillage_turn_failures_total', { channel: 'test' }) ?? 0);
    expect(moved).toBe(1);
  });

  test('refusals are counted by catalogue code; an unknown channel or path never becomes a label', async () => {
    const before = await scrape();
    expect((await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' })).status).toBe(400);
    const strangeChannel = `evil-${randomUUID()}`;
    await post({ type: 'message', text: 'x', channelId: strangeChannel, serviceUrl: 'http://127.0.0.1:9/unused', conversation: { id: 'c' }, from: { id: 'u' }, deliveryMode: 'expectReplies' });
    const strangePath = `/nowhere-${randomUUID()}`;
    expect((await fetch(`${base}${strangePath}`)).status).toBe(404);
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string>) => (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(moved('maillage_http_errors_total', { route: 'messages', code: 'invalid_json' })).toBe(1);
    expect(moved('maillage_http_responses_total', { route: 'messages', status: '400' })).toBe(1);
    expect(moved('maillage_http_errors_total', { route: 'other', code: 'not_found' })).toBe(1);
    expect(moved('maillage_turns_total', { channel: 'other', outcome: 'ok' })).toBe(1);
    expect(after).not.toContain(strangeChannel);
    expect(after).not.toContain(strangePath);
  });

  test('Direct Line conversations and streams are read at scrape time', async () => {
    const generated = await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' });
    const { token } = (await generated.json()) as { token: string };
    const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(started.status).toBe(201);
    const text = await scrape();
    expect(sample(text, 'maillage_directline_conversations')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'maillage_directline_streams')).toBe(0);
  });

  test('process figures are there too (resident memory)', async () => {
    expect(sample(await scrape(), 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  test('a second application in the same process has its own registry', async () => {
    const other = await startTestBot(undefined, { METRICS: 'true' });
    try {
      const port = await other.app.http.listen(0, '127.0.0.1');
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(sample(text, 'maillage_turns_total', { channel: 'test', outcome: 'ok' })).toBeUndefined();
    } finally {
      await other.stop();
    }
  });
});

describe('METRICS unset', () => {
  test('GET /metrics → 404 not_found', async () => {
    const bot = await startTestBot();
    try {
      const port = await bot.app.http.listen(0, '127.0.0.1');
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await bot.stop();
    }
  });
});

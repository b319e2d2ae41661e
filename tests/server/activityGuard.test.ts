import http from 'node:http';
import { HTTP_ERRORS, type HttpErrorCode } from '../../src/server/errors';
import { exceedsDepth, isJsonUtf8 } from '../../src/server/jsonBody';
import { startGuardedEchoServer, type RunningServer } from '../helpers/echoBot';
import { silentLog } from '../helpers/logCapture';
import { jailToLoopback } from '../helpers/networkJail';
import { ServiceUrlReceiver } from '../helpers/serviceUrlReceiver';
import { SHIPPED_KNOWLEDGE, startTestBot, type TestBot } from '../helpers/transcript';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: unknown;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body;
    const headers: Record<string, string | number> = { ...options.headers };
    if (body) headers['content-length'] = body.length;
    const req = http.request(url, { method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = text;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = text;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('POST /api/messages guard', () => {
  let server: RunningServer;
  let receiver: ServiceUrlReceiver;
  let unjail: () => void;

  beforeAll(async () => {
    unjail = jailToLoopback();
    receiver = await ServiceUrlReceiver.start();
    server = await startGuardedEchoServer(silentLog);
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
    unjail();
  });

  let sequence = 0;
  const activity = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
    type: 'message',
    id: `activity-${++sequence}`,
    text: 'bonjour',
    channelId: 'test',
    serviceUrl: receiver.serviceUrl,
    conversation: { id: `guard-${sequence}` },
    from: { id: 'user-1', name: 'Utilisateur' },
    recipient: { id: 'bot' },
    ...fields,
  });
  const postJson = (body: unknown, headers: Record<string, string> = {}) =>
    send(server.url, { headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  test('a valid activity reaches the bot, which replies on the serviceUrl', async () => {
    const sent = activity({ text: 'hello there' });
    const answer = await postJson(sent);
    expect(answer.status).toBe(200);
    const conversation = sent.conversation;
    const conversationId = conversation && typeof conversation === 'object' && 'id' in conversation ? String(conversation.id) : '';
    const [reply] = await receiver.waitForReplies(conversationId);
    expect(reply?.activity.text).toBe('echo: hello there');
    expect(reply?.replyToId).toBe(sent.id);
  });

  test('unknown fields pass through, and null in an optional field reads as absent', async () => {
    const answer = await postJson(activity({ somethingNew: { from: 'a future channel' }, locale: null, text: null }));
    expect(answer.status).toBe(200);
  });

  test.each<[string, () => unknown, HttpErrorCode, string | undefined]>([
    ['missing type', () => ({ ...activity(), type: undefined }), 'invalid_activity', 'type'],
    ['empty type', () => activity({ type: '' }), 'invalid_activity', 'type'],
    ['type not a string', () => activity({ type: 42 }), 'invalid_activity', 'type'],
    ['missing conversation', () => ({ ...activity(), conversation: undefined }), 'invalid_activity', 'conversation'],
    ['missing conversation.id', () => activity({ conversation: { name: 'x' } }), 'invalid_activity', 'conversation.id'],
    ['conversation.id with a line break', () => activity({ conversation: { id: 'c1\r\nX-Injected: 1' } }), 'invalid_activity', 'conversation.id'],
    ['conversation.id with an emoji', () => activity({ conversation: { id: 'c🙂' } }), 'invalid_activity', 'conversation.id'],
    ['conversation not an object', () => activity({ conversation: 'c1' }), 'invalid_activity', 'conversation'],
    ['missing serviceUrl', () => ({ ...activity(), serviceUrl: undefined }), 'invalid_activity', 'serviceUrl'],
    ['serviceUrl not a URL', () => activity({ serviceUrl: 'not a url' }), 'invalid_activity', 'serviceUrl'],
    ['serviceUrl not http(s)', () => activity({ serviceUrl: 'ftp://127.0.0.1/' }), 'invalid_activity', 'serviceUrl'],
    ['missing channelId', () => ({ ...activity(), channelId: undefined }), 'invalid_activity', 'channelId'],
    ['from not an object', () => activity({ from: 'user-1' }), 'invalid_activity', 'from'],
    ['missing from.id', () => activity({ from: { name: 'x' } }), 'invalid_activity', 'from.id'],
    ['recipient not an object', () => activity({ recipient: ['bot'] }), 'invalid_activity', 'recipient'],
    ['text not a string', () => activity({ text: 5 }), 'invalid_activity', 'text'],
    ['attachments not an array', () => activity({ attachments: { contentType: 'x' } }), 'invalid_activity', 'attachments'],
    ['attachment without contentType', () => activity({ attachments: [{ content: {} }] }), 'invalid_activity', 'attachments[0].contentType'],
    ['entities not an array', () => activity({ entities: 'GeoCoordinates' }), 'invalid_activity', 'entities'],
    ['channelData not an object', () => activity({ channelData: [1, 2] }), 'invalid_activity', 'channelData'],
    ['value not an object', () => activity({ value: 'submit' }), 'invalid_activity', 'value'],
    ['timestamp not a date', () => activity({ timestamp: 'yesterday' }), 'invalid_activity', 'timestamp'],
    ['unknown deliveryMode', () => activity({ deliveryMode: 'later' }), 'invalid_activity', 'deliveryMode'],
    ['membersAdded without ids', () => activity({ type: 'conversationUpdate', membersAdded: [{ name: 'x' }] }), 'invalid_activity', 'membersAdded[0].id'],
    ['an invoke without a name', () => activity({ type: 'invoke', value: {} }), 'invalid_activity', 'name'],
    ['a JSON array', () => [activity()], 'not_an_object', undefined],
    ['a JSON string', () => '"message"', 'not_an_object', undefined],
    ['JSON null', () => 'null', 'not_an_object', undefined],
    ['broken JSON', () => '{"type": "message",', 'invalid_json', undefined],
    ['two JSON objects', () => '{}{}', 'invalid_json', undefined],
    ['__proto__ key', () => JSON.stringify(activity()).replace(/^\{/, '{"__proto__":{"isAdmin":true},'), 'forbidden_key', '__proto__'],
    ['nested constructor key', () => activity({ channelData: JSON.parse('{"a":{"constructor":{"prototype":{"x":1}}}}') }), 'forbidden_key', 'channelData.a.constructor'],
    ['lone surrogate in text', () => JSON.stringify(activity()).replace('"bonjour"', '"bon\\ud800jour"'), 'invalid_unicode', 'text'],
    ['nesting deeper than 32', () => activity({ channelData: { deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) } }), 'too_deep', undefined],
    ['100,000 nested brackets', () => JSON.stringify(activity()).replace(/\}$/, `,"value":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), 'too_deep', undefined],
    ['an object with 1,000 keys', () => activity({ channelData: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])) }), 'too_many_keys', 'channelData'],
    ['an array with 5,000 items', () => activity({ entities: Array.from({ length: 5000 }, () => ({ type: 'x' })) }), 'too_many_items', 'entities'],
    ['25,000 values', () => activity({ channelData: { lists: Array.from({ length: 20 }, () => Array.from({ length: 1250 }, () => 1)) } }), 'too_many_values', undefined],
  ])('%s → 4xx %s', async (_label, body, code, field) => {
    const answer = await postJson(body());
    expect(answer.status).toBe(HTTP_ERRORS[code].status);
    expect(answer.json).toMatchObject({ error: { code, message: expect.any(String) } });
    if (field) expect(answer.json).toMatchObject({ error: { field } });
  });

  test('a body over 256 KB → 413 body_too_large', async () => {
    const answer = await postJson(activity({ text: 'a'.repeat(300 * 1024) }));
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ error: { code: 'body_too_large' } });
  });

  test('a body of several megabytes is refused with 413 (never a reset), and the server goes on', async () => {
    // The rest of the upload is read and dropped after the answer (see tests/server/bodyLimits.test.ts).
    const outcome = await postJson(activity({ text: 'a'.repeat(5 * 1024 * 1024) }));
    expect(outcome.status).toBe(413);
    expect((await postJson(activity())).status).toBe(200);
  });

  test('a 10,000-character message is accepted', async () => {
    expect((await postJson(activity({ text: 'é'.repeat(10_000) }))).status).toBe(200);
  });

  test.each<[string, Record<string, string>, string | Buffer, number, string]>([
    ['no content type', {}, '{}', 415, 'unsupported_media_type'],
    ['text/plain', { 'content-type': 'text/plain' }, '{}', 415, 'unsupported_media_type'],
    ['form encoded', { 'content-type': 'application/x-www-form-urlencoded' }, 'type=message', 415, 'unsupported_media_type'],
    ['latin-1 charset', { 'content-type': 'application/json; charset=latin1' }, '{}', 415, 'unsupported_media_type'],
    ['gzip that is not gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, '{"type":"message"}', 415, 'unsupported_encoding'],
    ['empty body', { 'content-type': 'application/json' }, '', 400, 'empty_body'],
    ['blank body', { 'content-type': 'application/json' }, '  \n ', 400, 'empty_body'],
    ['invalid UTF-8', { 'content-type': 'application/json' }, Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), 400, 'invalid_encoding'],
  ])('%s → %i %s', async (_label, headers, body, status, code) => {
    const answer = await send(server.url, { headers, body });
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject({ error: { code } });
  });

  test('a UTF-8 byte order mark before the JSON is accepted', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(activity()))]);
    expect((await send(server.url, { headers: { 'content-type': 'application/json' }, body })).status).toBe(200);
  });

  test.each(['GET', 'PUT', 'DELETE', 'PATCH'])('%s /api/messages → 405 with Allow: POST', async (method) => {
    const answer = await send(server.url, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('POST');
    expect(answer.json).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  test('an unknown route → 404 in the same error shape', async () => {
    const answer = await send(server.url.replace('/api/messages', '/api/nothing-here'), { method: 'GET' });
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ error: { code: 'not_found' } });
  });

  test('another method on an existing route → 405 in the same error shape', async () => {
    const answer = await send(server.url.replace('/api/messages', '/healthz'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(405);
    expect(answer.json).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  test('a request with an Authorization header still reaches the adapter', async () => {
    // Without credentials the adapter runs in local mode and lets it through; with credentials it would check it.
    const answer = await postJson(activity({ text: 'signed' }), { authorization: 'Bearer a.b.c' });
    expect(answer.status).toBe(200);
  });

  test('error bodies never carry internal error text', async () => {
    const answer = await postJson('{"type": ');
    expect(JSON.stringify(answer.json)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('channel authentication stays with the adapter', () => {
  let bot: TestBot;
  let url: string;
  let receiver: ServiceUrlReceiver;
  let unjail: () => void;
  beforeAll(async () => {
    unjail = jailToLoopback();
    receiver = await ServiceUrlReceiver.start();
    bot = await startTestBot(SHIPPED_KNOWLEDGE, { MicrosoftAppId: '00000000-0000-4000-8000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
    url = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}/api/messages`;
  });
  afterAll(async () => {
    await bot.stop();
    await receiver.close();
    unjail();
  });

  test.each([
    ['no Authorization header', undefined],
    ['a malformed Authorization header', 'Bearer not-a-token'],
  ])('a well-formed activity with %s is refused by the adapter: 401 in the catalogue shape, no error text', async (_label, authorization) => {
    const body = JSON.stringify({
      type: 'message',
      text: 'bonjour',
      channelId: 'msteams',
      serviceUrl: receiver.serviceUrl,
      conversation: { id: 'auth-test' },
      from: { id: 'user-1' },
      recipient: { id: 'bot' },
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    const answer = await send(url, { headers, body });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: { code: 'unauthorized', message: HTTP_ERRORS.unauthorized.message } });
    expect(receiver.replies).toEqual([]);
  });

  test('a malformed activity is refused by the guard before authentication', async () => {
    const answer = await send(url, { headers: { 'content-type': 'application/json' }, body: '{"type": "message"}' });
    expect(answer.status).toBe(400);
  });
});

describe('guard building blocks', () => {
  test('depth is counted outside strings only', () => {
    expect(exceedsDepth('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', 3)).toBe(false);
    expect(exceedsDepth('{"a":"\\"[[[[[[[[[["}', 3)).toBe(false);
    expect(exceedsDepth('{"a":[[{"b":[1]}]]}', 4)).toBe(true);
    expect(exceedsDepth('{"a":[[{"b":[1]}]]}', 5)).toBe(false);
  });

  test.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON; Charset=UTF-8', true],
    ['application/vnd.api+json', true],
    ['application/json; charset=iso-8859-1', false],
    ['text/json', false],
    ['application/jsonp', false],
  ])('content type %s → %s', (contentType, accepted) => {
    expect(isJsonUtf8(contentType)).toBe(accepted);
  });
});

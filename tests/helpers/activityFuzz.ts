import http from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { seededRandom } from './seededRandom';

/**
 * Generated hostile requests for POST /api/messages: valid activities mutated (fields dropped, wrong types,
 * huge strings, deep nesting, reserved keys, odd Unicode, broken JSON and bytes), wrong headers and methods,
 * and a few malformed HTTP messages. Deterministic for a seed, so a failure can be replayed.
 */
export interface FuzzRequest {
  label: string;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Bytes written as they are on a raw socket (malformed HTTP that no client library would send). */
  raw?: Buffer;
}

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Where replies of the activities that stay valid go: a local receiver. */
  serviceUrl: string;
}

function randomSource(seed: number) {
  const next = seededRandom(seed);
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick };
}
type Random = ReturnType<typeof randomSource>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const QUESTIONS = [
  'qui pilote la PA 3.2.1 ?',
  'un groupe de parole près de Vénissieux le samedi ?',
  'quelles fiches impliquent l’Udaf 69 ?',
  'et ses indicateurs ?',
  'bonjour',
  'aide',
  '',
  '🙂🙂🙂',
  '<script>alert(1)</script>',
  "'; DROP TABLE bot_state; --",
];

function baseActivities(random: Random, serviceUrl: string): JsonObject {
  const conversationId = `fuzz-${randomUUID()}`;
  const common: JsonObject = {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: random.pick(['msteams', 'webchat', 'directline', 'emulator', 'test']),
    from: { id: `user-${random.int(50)}`, name: 'Utilisateur' },
    recipient: { id: 'bot', name: 'Maillage' },
    conversation: { id: conversationId },
    locale: random.pick(['fr-FR', 'en-US', 'fr', 'de-DE']),
  };
  const shapes: JsonObject[] = [
    { ...common, type: 'message', text: random.pick(QUESTIONS) },
    { ...common, type: 'message', text: random.pick(QUESTIONS), deliveryMode: 'expectReplies' },
    { ...common, type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }, { id: 'bot' }] },
    { ...common, type: 'message', value: { action: 'submit', field: 'x' } },
    { ...common, type: 'message', text: 'près de moi', entities: [{ type: 'GeoCoordinates', latitude: 45.7, longitude: 4.88 }] },
    { ...common, type: 'event', name: 'location', value: { latitude: 45.7, longitude: 4.88 } },
    {
      ...common,
      type: 'message',
      text: '<at>Maillage</at> qui finance la fiche 1.2.5 ?',
      entities: [{ type: 'mention', text: '<at>Maillage</at>', mentioned: { id: 'bot', name: 'Maillage' } }],
      channelData: { tenant: { id: 'tenant-1' } },
      attachments: [{ contentType: 'text/html', content: '<p>qui finance ?</p>' }],
    },
    { ...common, type: 'typing' },
  ];
  return random.pick(shapes);
}

/** Paths that the envelope relies on, and others a mutation may hit. */
const FIELD_PATHS: readonly string[][] = [
  ['type'],
  ['channelId'],
  ['serviceUrl'],
  ['conversation'],
  ['conversation', 'id'],
  ['from'],
  ['from', 'id'],
  ['recipient'],
  ['recipient', 'id'],
  ['text'],
  ['locale'],
  ['timestamp'],
  ['attachments'],
  ['entities'],
  ['channelData'],
  ['value'],
  ['membersAdded'],
  ['deliveryMode'],
  ['name'],
  ['id'],
  ['replyToId'],
  ['localTimestamp'],
  ['suggestedActions'],
];

const ODD_STRINGS = [
  '\uD800',
  'a\uDFFFb',
  '\u0000',
  'nul\u0000in the middle',
  '\u202Eévitable',
  '\u200B\u200C\u200D',
  'e\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\uFFFF\uFFFE',
  '\uFEFFbom',
  'ᄀᄀᄀ',
  '𝕼𝖚𝖎 𝖕𝖎𝖑𝖔𝖙𝖊',
  '\r\n\t\b\f',
  'ǅǈǋ',
  '%00%ff',
  '${jndi:ldap://x}',
  '{{constructor.constructor("return process")()}}',
];

function wrongValue(random: Random): Json {
  return random.pick<Json>([
    0,
    -1,
    1e308,
    3.14,
    true,
    false,
    null,
    [],
    [1, 'two', null],
    {},
    { nested: { deeper: true } },
    '',
    'x',
    'not-a-url',
    random.pick(ODD_STRINGS),
    'x'.repeat(2000),
  ]);
}

/**
 * Deep values are written as a marker and expanded in the JSON text afterwards: JSON.stringify itself recurses
 * and would overflow the stack on the 60,000 levels a hostile client can send.
 */
function nested(depth: number, random: Random): Json {
  return `@@nest:${depth}:${random.next() < 0.5 ? 'array' : 'object'}@@`;
}

function expandNesting(text: string): string {
  return text.replace(/"@@nest:(\d+):(array|object)@@"/g, (_match, depth: string, kind: string) => {
    const levels = Number(depth);
    return kind === 'array' ? `${'['.repeat(levels)}"leaf"${']'.repeat(levels)}` : `${'{"k":'.repeat(levels)}"leaf"${'}'.repeat(levels)}`;
  });
}

function setAt(target: JsonObject, path: readonly string[], value: Json | undefined): void {
  let node: Json = target;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const child: Json | undefined = node[key];
    if (child === undefined || child === null || typeof child !== 'object' || Array.isArray(child)) {
      node[key] = {};
    }
    node = node[key] ?? null;
  }
  const last = path[path.length - 1];
  if (last === undefined || node === null || typeof node !== 'object' || Array.isArray(node)) return;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** An own property named like a prototype key, as JSON.parse makes it (an object literal would not). */
function reservedKeyObject(random: Random): JsonObject {
  const key = random.pick(['__proto__', 'constructor', 'prototype']);
  const made: unknown = JSON.parse(`{${JSON.stringify(key)}: {"polluted": true, "prototype": {"isAdmin": true}}}`);
  if (made === null || typeof made !== 'object' || Array.isArray(made)) throw new Error('unreachable');
  return Object.fromEntries(Object.entries(made));
}

type ObjectMutation = (activity: JsonObject, random: Random) => string;

const OBJECT_MUTATIONS: readonly ObjectMutation[] = [
  (activity, random) => {
    const path = random.pick(FIELD_PATHS);
    setAt(activity, path, undefined);
    return `drop ${path.join('.')}`;
  },
  (activity, random) => {
    const path = random.pick(FIELD_PATHS);
    setAt(activity, path, wrongValue(random));
    return `wrong type at ${path.join('.')}`;
  },
  (activity, random) => {
    const path = random.pick(FIELD_PATHS);
    const length = random.pick([5_000, 60_000, 200_000, 300_000]);
    setAt(activity, path, random.pick(['a', 'é', '🙂', '\\']).repeat(length));
    return `huge string (${length}) at ${path.join('.')}`;
  },
  (activity, random) => {
    const path = random.pick([['value'], ['channelData'], ['channelData', 'deep'], ['entities'], ['attachments']]);
    const depth = random.pick([20, 31, 33, 40, 200, 5_000, 60_000]);
    setAt(activity, path, nested(depth, random));
    return `nesting ${depth} at ${path.join('.')}`;
  },
  (activity, random) => {
    const count = random.pick([100, 600, 3_000]);
    setAt(activity, random.pick([['channelData'], ['value']]), Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, index])));
    return `object with ${count} keys`;
  },
  (activity, random) => {
    const count = random.pick([500, 2_500, 12_000]);
    setAt(activity, random.pick([['entities'], ['attachments'], ['membersAdded'], ['channelData', 'list']]), Array.from({ length: count }, () => ({ type: 'x', id: 'y', contentType: 'z' })));
    return `array with ${count} items`;
  },
  (activity, random) => {
    const path = random.pick([[], ['channelData'], ['value'], ['conversation'], ['from']]);
    const target: Json = path.length === 0 ? activity : path.reduce<Json>((node, key) => (node && typeof node === 'object' && !Array.isArray(node) ? (node[key] ?? null) : null), activity);
    if (target && typeof target === 'object' && !Array.isArray(target)) Object.assign(target, reservedKeyObject(random));
    else setAt(activity, path, reservedKeyObject(random));
    return `reserved key at ${path.join('.') || '(top)'}`;
  },
  (activity, random) => {
    const path = random.pick([['text'], ['from', 'name'], ['conversation', 'id'], ['locale'], ['channelData', 'odd']]);
    setAt(activity, path, random.pick(ODD_STRINGS));
    return `odd unicode at ${path.join('.')}`;
  },
  (activity, random) => {
    const key = random.pick(ODD_STRINGS);
    setAt(activity, ['channelData', key], 'odd key');
    return 'odd unicode key';
  },
  (activity, random) => {
    activity.serviceUrl = random.pick(['', 'not a url', 'ftp://127.0.0.1/', 'javascript:alert(1)', 'http://', '//127.0.0.1/', '127.0.0.1:80', 'file:///etc/passwd', 'http://[::1', 'data:text/plain,hi']);
    return 'bad serviceUrl';
  },
  (activity, random) => {
    setAt(activity, [random.pick(['timestamp', 'localTimestamp', 'expiration'])], random.pick(['garbage', '2024-13-45T99:99:99Z', '', 'yesterday']));
    return 'bad date';
  },
  (activity, random) => {
    activity.deliveryMode = random.pick(['expectreplies', 'EXPECTREPLIES', 'stream', 'x']);
    return 'unknown deliveryMode';
  },
  (activity, random) => {
    activity.type = random.pick(['', 'Message', 'unknownType', 'invoke', 'messageReaction', 'x'.repeat(100), '\u0000']);
    return `odd type ${String(activity.type).slice(0, 12)}`;
  },
];

type TextMutation = (text: string, random: Random) => [string, string];

const TEXT_MUTATIONS: readonly TextMutation[] = [
  (text, random) => {
    const at = random.int(text.length);
    return [text.slice(0, at), `truncated at ${at}`];
  },
  (text, random) => {
    const at = random.int(text.length);
    const replacement = random.pick(['{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', 'x', ' ']);
    return [text.slice(0, at) + replacement + text.slice(at + 1), 'character flipped'];
  },
  (text, random) => {
    const at = random.int(text.length);
    return [text.slice(0, at) + text.slice(at + 1 + random.int(20)), 'characters deleted'];
  },
  (text) => [`${text}${text}`, 'two objects'],
  (text, random) => [text + random.pick([',', ' garbage', '}', ']', '\u0000']), 'trailing garbage'],
  (text) => [text.replace(/"type":/, '"type":"message","type":'), 'duplicate key'],
  (text) => [text.replace(/"/g, "'"), 'single quotes'],
  (text) => [text.replace(/"([a-zA-Z]+)":/g, '$1:'), 'unquoted keys'],
  (text) => [text.replace(/"text":"[^"]*"/, '"text":"\\ud800\\udc00\\ud800"'), 'escaped lone surrogate'],
  (text) => [text.replace(/"text":"[^"]*"/, '"text":"\\u0000\\u001f\\x41"'), 'bad escape'],
];

const TOP_LEVEL_BODIES = ['[]', '[{"type":"message"}]', '"message"', '42', 'null', 'true', '{}', ' ', '\n\n', '{"type":"message"}', 'NaN', 'undefined', '{"a":1}'];

/** null: no Content-Type header at all. */
const CONTENT_TYPES = [
  null,
  'text/plain',
  'application/xml',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  '*/*',
  'application/json, text/plain',
  ';;;',
];

function jsonHeaders(random: Random): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': random.pick(['application/json', 'application/json; charset=utf-8', 'Application/JSON']) };
  if (random.next() < 0.15) headers.authorization = random.pick(['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.', 'garbage', 'Bearer ' + 'x'.repeat(5000)]);
  return headers;
}

/** Any valid http(s) serviceUrl is pointed back at the local receiver: a fuzzed request must never send elsewhere. */
function keepOnReceiver(body: string, serviceUrl: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !('serviceUrl' in parsed)) return body;
  if (typeof parsed.serviceUrl !== 'string' || parsed.serviceUrl === serviceUrl) return body;
  try {
    const url = new URL(parsed.serviceUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return body;
  } catch {
    return body;
  }
  return JSON.stringify({ ...parsed, serviceUrl });
}

export function generateFuzzRequests(options: FuzzOptions): FuzzRequest[] {
  const random = randomSource(options.seed);
  const requests: FuzzRequest[] = [];
  const post = (label: string, body: string | Buffer, headers: Record<string, string> = jsonHeaders(random)): FuzzRequest => ({
    label,
    method: 'POST',
    headers,
    body: typeof body === 'string' ? Buffer.from(expandNesting(keepOnReceiver(body, options.serviceUrl)), 'utf8') : body,
  });

  while (requests.length < options.count) {
    const activity = baseActivities(random, options.serviceUrl);
    const roll = random.next();
    if (roll < 0.5) {
      const labels: string[] = [];
      const rounds = 1 + random.int(3);
      for (let round = 0; round < rounds; round++) labels.push(random.pick(OBJECT_MUTATIONS)(activity, random));
      requests.push(post(labels.join(' + '), JSON.stringify(activity)));
    } else if (roll < 0.72) {
      const [text, label] = random.pick(TEXT_MUTATIONS)(JSON.stringify(activity), random);
      requests.push(post(label, text));
    } else if (roll < 0.78) {
      const bytes = Buffer.from(JSON.stringify(activity), 'utf8');
      const at = random.int(bytes.length);
      const bad = random.pick([Buffer.from([0xc3, 0x28]), Buffer.from([0xff]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])]);
      requests.push(post('invalid UTF-8 bytes', Buffer.concat([bytes.subarray(0, at), bad, bytes.subarray(at)])));
    } else if (roll < 0.8) {
      requests.push(post('UTF-16 body', Buffer.from(JSON.stringify(activity), 'utf16le')));
    } else if (roll < 0.84) {
      requests.push(post(`top-level ${random.pick(TOP_LEVEL_BODIES).trim() || 'blank'}`, random.pick(TOP_LEVEL_BODIES)));
    } else if (roll < 0.9) {
      const contentType = random.pick(CONTENT_TYPES);
      const headers: Record<string, string> = contentType === null ? {} : { 'content-type': contentType };
      requests.push(post(`content-type ${contentType ?? 'missing'}`, JSON.stringify(activity), headers));
    } else if (roll < 0.92) {
      const encoding = random.pick(['gzip', 'deflate', 'br', 'compress', 'x-custom']);
      requests.push(post(`content-encoding ${encoding}`, JSON.stringify(activity), { ...jsonHeaders(random), 'content-encoding': encoding }));
    } else if (roll < 0.94) {
      requests.push(post('empty body', ''));
    } else if (roll < 0.97) {
      const method = random.pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
      requests.push({ label: `${method} /api/messages`, method, headers: jsonHeaders(random), body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.from(JSON.stringify(activity)) });
    } else if (roll < 0.985) {
      requests.push({ label: 'malformed HTTP', method: 'POST', headers: {}, raw: malformedHttp(random, JSON.stringify(activity)) });
    } else {
      // Stays valid: the server must still answer real activities among the noise.
      requests.push(post('valid activity', JSON.stringify(activity)));
    }
  }
  return requests;
}

function malformedHttp(random: Random, body: string): Buffer {
  const length = Buffer.byteLength(body);
  return Buffer.from(
    random.pick([
      `POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length + 50}\r\n\r\n${body}`,
      `POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n${body}`,
      `POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`,
      `POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nContent-Length: 3\r\n\r\n${body}`,
      `POST /api/messages HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n${body}`,
      `POST /api/messages HTTP/9.9\r\nContent-Length: ${length}\r\n\r\n${body}`,
      `POST /api/messages HTTP/1.1\r\nBad Header Line\r\n\r\n`,
    ]),
    'utf8',
  );
}

export interface FuzzOutcome {
  request: FuzzRequest;
  /** HTTP status, or 0 when the connection closed without an answer. */
  status: number;
  body: string;
  error?: string;
}

/** Sends every request (a few at a time) and records each answer; a connection error is recorded, never thrown. */
export async function sendFuzzRequests(url: string, requests: readonly FuzzRequest[], concurrency = 8): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = new Array(requests.length);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index];
      if (!request) continue;
      outcomes[index] = request.raw ? await sendRaw(url, { ...request, raw: request.raw }) : await sendOne(url, request, agent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return outcomes;
}

function sendOne(url: string, request: FuzzRequest, agent: http.Agent): Promise<FuzzOutcome> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body) headers['content-length'] = request.body.length;
    const req = http.request(url, { method: request.method, headers, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ request, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 500) }));
      res.on('error', (error) => resolve({ request, status: res.statusCode ?? 0, body: '', error: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ request, status: 0, body: '', error: error.message }));
    req.end(request.body);
  });
}

function sendRaw(url: string, request: FuzzRequest & { raw: Buffer }): Promise<FuzzOutcome> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const finish = (error?: string) => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ request, status, body: text.slice(0, 500), error });
    };
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // One answer is enough: some malformed requests would otherwise keep the connection waiting for more body.
      if (/^HTTP\/1\.[01] \d{3}[\s\S]*\r\n\r\n/.test(Buffer.concat(chunks).toString('latin1'))) socket.end();
    });
    socket.on('close', () => finish());
    socket.on('error', (error) => finish(error.message));
    socket.end(request.raw);
  });
}

/** Counts of answers by status ("0" for a closed connection). */
export function statusHistogram(outcomes: readonly FuzzOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[String(outcome.status)] = (counts[String(outcome.status)] ?? 0) + 1;
  return counts;
}

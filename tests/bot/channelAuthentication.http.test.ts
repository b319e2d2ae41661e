import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { z } from 'zod';
import { createApp, type App } from '../../src/app';
import { screenChannelToken } from '../../src/bot/channelTokens';
import { parseConfig } from '../../src/config/config';
import { captureLog, type CapturedLog } from '../helpers/logCapture';
import { jailToLoopback } from '../helpers/networkJail';
import { SHIPPED_KNOWLEDGE } from '../helpers/transcript';
import { APP_ID, base64url, channelClaims, emulatorClaims, SERVICE_URL, signedToken } from './tokenFixtures';

/**
 * With credentials set and Microsoft's key endpoints out of reach (the network jail answers every name but localhost
 * before any packet leaves, as a firewall would): a token that cannot be valid gets 401 at once and no key is fetched —
 * seen as no connection attempted to a login host —, one that could be valid gets 503 with Retry-After, and the outage
 * is logged once, not once a request.
 */
const ErrorBodySchema = z.object({ error: z.object({ code: z.string() }) });
const KEY_HOSTS = ['login.botframework.com', 'login.microsoftonline.com'];

let unjail: () => void;
let restoreConnect: () => void;
const connectionHosts: string[] = [];
let app: App;
let dataDir: string;
let botUrl: string;
let captured: CapturedLog;

beforeAll(async () => {
  unjail = jailToLoopback();
  // Every host the process tries to connect to, on top of the jail (which then refuses it): a key fetch starts so.
  const jailedConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]): net.Socket {
    const first: unknown = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (first && typeof first === 'object' && 'host' in first) connectionHosts.push(String(first.host));
    return Reflect.apply(jailedConnect, this, args);
  } as typeof net.Socket.prototype.connect;
  restoreConnect = () => {
    net.Socket.prototype.connect = jailedConnect;
  };

  dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-auth-'));
  const config = parseConfig({
    KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
    DATABASE_URL: `sqlite:${path.join(dataDir, 'test.sqlite')}`,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret',
  });
  captured = captureLog('info');
  app = await createApp(config, captured.log);
  await app.ready;
  botUrl = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}/api/messages`;
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  restoreConnect();
  unjail();
});

const keyFetches = () => connectionHosts.filter((host) => KEY_HOSTS.includes(host)).length;
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function post(authorization: string | undefined, fields: Record<string, unknown> = {}) {
  const activity = {
    type: 'message',
    id: randomUUID(),
    text: 'bonjour',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    conversation: { id: `auth-${randomUUID()}` },
    from: { id: 'user-1' },
    recipient: { id: APP_ID },
    ...fields,
  };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const started = performance.now();
  const response = await fetch(botUrl, { method: 'POST', headers, body: JSON.stringify(activity) });
  const body: unknown = await response.json();
  return { status: response.status, code: ErrorBodySchema.parse(body).error.code, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started };
}

describe('tokens that cannot be valid: 401 at once, no key fetched', () => {
  const now = nowSeconds();
  test.each([
    ['no Authorization header', undefined],
    ['a malformed JWT', 'Bearer not.a-jwt'],
    ['alg none', `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(channelClaims(now))}.`],
    ['HS256', `Bearer ${signedToken(channelClaims(now), { alg: 'HS256', kid: 'k' })}`],
    ['expired', `Bearer ${signedToken(channelClaims(now, { exp: now - 3600 }))}`],
    ['not yet valid', `Bearer ${signedToken(channelClaims(now, { nbf: now + 3600 }))}`],
    ['a wrong audience', `Bearer ${signedToken(channelClaims(now, { aud: 'another-app' }))}`],
    ['an unknown issuer', `Bearer ${signedToken(channelClaims(now, { iss: 'https://login.evil.example/' }))}`],
    ['a signed serviceUrl other than the activity’s', `Bearer ${signedToken(channelClaims(now, { serviceurl: 'http://127.0.0.1:1/' }))}`],
  ])('%s', async (_name, authorization) => {
    const before = keyFetches();
    const { status, code, ms } = await post(authorization);
    expect(status).toBe(401);
    expect(code).toBe('unauthorized');
    expect(ms).toBeLessThan(2000);
    expect(keyFetches()).toBe(before);
  });
});

describe('a token that could be valid while the keys cannot be fetched', () => {
  test('gets 503 auth_unavailable with Retry-After, after one attempt to fetch the keys; the outage is logged once for many requests', async () => {
    const before = keyFetches();
    const first = await post(`Bearer ${signedToken(channelClaims(nowSeconds()))}`);
    expect(first).toMatchObject({ status: 503, code: 'auth_unavailable', retryAfter: '10' });
    expect(first.ms).toBeLessThan(5000);
    expect(keyFetches()).toBeGreaterThan(before);

    const more = [];
    for (let i = 0; i < 30; i++) more.push(await post(`Bearer ${signedToken(channelClaims(nowSeconds()))}`));
    expect(more.every((answer) => answer.status === 503 && answer.retryAfter === '10')).toBe(true);

    // The Emulator's tokens are verified with other keys (Azure AD's), unreachable too.
    const emulator = await post(`Bearer ${signedToken(emulatorClaims(nowSeconds()))}`, { channelId: 'emulator' });
    expect(emulator).toMatchObject({ status: 503, code: 'auth_unavailable' });

    const outageLines = captured.lines().filter((line) => String(line.msg).startsWith('channel authentication unavailable'));
    expect(outageLines).toHaveLength(1);
    expect(outageLines[0]).toMatchObject({ level: 40, keySource: 'botframework' });
    expect(JSON.stringify(captured.lines())).not.toContain('Bearer');
  });
});

describe('property: no Authorization header gives a 5xx other than 503', () => {
  const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 });
  const b64json = fc.jsonValue({ maxDepth: 2 }).map(base64url);
  /** Mostly the right value, sometimes a wrong one: so that about half the tokens could be valid and half not. */
  const mostly = <T,>(right: T, ...wrong: fc.Arbitrary<unknown>[]) => fc.oneof({ weight: 9, arbitrary: fc.constant(right) }, { weight: 1, arbitrary: fc.oneof(...wrong) });
  const token = fc
    .record({
      header: fc.record({
        alg: mostly('RS256', fc.constantFrom('RS512', 'HS256', 'none', 'ES256', ''), fc.integer()),
        kid: mostly('key-1', fc.constant(undefined), fc.constant(''), fc.integer()),
      }),
      iss: mostly('https://api.botframework.com', fc.constantFrom('https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', 'https://evil.example', '')),
      aud: mostly(APP_ID, fc.string({ maxLength: 8 }), fc.constant([APP_ID])),
      serviceurl: mostly(SERVICE_URL, fc.constant(undefined), fc.webUrl()),
      appid: mostly(undefined, fc.constant(APP_ID), fc.string({ maxLength: 8 })),
      ver: mostly(undefined, fc.constantFrom('1.0', '2.0', '9')),
      expOffset: mostly(3600, fc.integer({ min: -7200, max: 7200 }), fc.constant(undefined), fc.constant('soon')),
    })
    .map(({ header, expOffset, ...claims }) =>
      signedToken({ ...claims, exp: typeof expOffset === 'number' ? nowSeconds() + expOffset : expOffset }, header),
    );
  const authorization = fc.oneof(
    { weight: 1, arbitrary: printable },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Bearer ', 'bearer ', 'Basic ', 'Bearer  ', ''), printable).map(([scheme, rest]) => scheme + rest) },
    { weight: 1, arbitrary: fc.tuple(b64json, b64json, printable).map(([header, claims, signature]) => `Bearer ${header}.${claims}.${signature}`) },
    { weight: 3, arbitrary: token.map((jwt) => `Bearer ${jwt}`) },
  );

  test('each answer is 401, or 503 exactly when the token could be valid', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(authorization, async (header) => {
        const { status } = await post(header);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const couldBeValid = screenChannelToken(header, { appId: APP_ID, channelId: 'msteams', serviceUrl: SERVICE_URL, nowSeconds: nowSeconds() }).ok;
        expect(status).toBe(couldBeValid ? 503 : 401);
      }),
      { numRuns: 300 },
    );
    console.log(`random Authorization headers: ${[...statuses].map(([status, count]) => `${count}× ${status}`).join(', ')}`);
  }, 60_000);
});

import fc from 'fast-check';
import { jailToLoopback } from '../helpers/networkJail';
import { isPlainRequest, parseRequestParts } from '../../src/server/requestGuard';
import { startTestBot, type TestBot } from '../helpers/transcript';
import { healthStatus, sendRaw, type RawAnswer } from './rawHttp';

/**
 * No request may stop the process (issue 8 §1). Requests no client library would send, on raw sockets, to the
 * whole application (restify, the built-in Direct Line and its WebSocket upgrade): each must get an answer, a 4xx
 * for what cannot be parsed, and the server must still answer /healthz afterwards.
 */

const UPGRADE_HEADERS = 'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

let unjail: () => void;
let bot: TestBot;
let port: number;

beforeAll(async () => {
  unjail = jailToLoopback();
  bot = await startTestBot();
  port = await bot.app.http.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await bot.stop();
  unjail();
});

function request(method: string, target: string, headers = '', version = 'HTTP/1.1'): string {
  return `${method} ${target} ${version}\r\nHost: 127.0.0.1\r\n${headers}\r\n`;
}

function expectCatalogueAnswer(answer: RawAnswer, status: number, code: string): void {
  expect(answer.failure).toBeUndefined();
  expect(answer.status).toBe(status);
  expect(JSON.parse(answer.body)).toMatchObject({ error: { code } });
}

describe('the three requests that used to stop the process', () => {
  test('a stream upgrade whose conversation id is a broken escape (%ZZ) → 400, still healthy', async () => {
    const answer = await sendRaw(port, request('GET', '/v3/directline/conversations/%ZZ/stream', UPGRADE_HEADERS));
    expectCatalogueAnswer(answer, 400, 'bad_request');
    expect(await healthStatus(port)).toBe(200);
  });

  test('an upgrade to `//[` (not a URL) → 400, still healthy', async () => {
    const answer = await sendRaw(port, request('GET', '//[', UPGRADE_HEADERS));
    expectCatalogueAnswer(answer, 400, 'bad_request');
    expect(await healthStatus(port)).toBe(200);
  });

  test.each(['//&@stream=', '//a@b', '//x'])('a target the legacy parser reads as a host with no path (`%s`) → 400, still healthy', async (target) => {
    for (const method of ['GET', 'DELETE', 'POST']) {
      const answer = await sendRaw(port, request(method, target));
      expect({ method, status: answer.status }).toEqual({ method, status: expect.any(Number) });
      expect(answer.status).toBeLessThan(500);
      expect(await healthStatus(port)).toBe(200);
    }
  });

  test('an absolute-form target with a broken host (`http://[/x`), no upgrade → 400, still healthy', async () => {
    const answer = await sendRaw(port, request('GET', 'http://[/x'));
    expectCatalogueAnswer(answer, 400, 'bad_request');
    expect(await healthStatus(port)).toBe(200);
  });
});

describe('what still works, and what node itself refuses, gets an answer in the catalogue shape', () => {
  test('an absolute-form target that parses is served', async () => {
    const answer = await sendRaw(port, request('GET', 'http://127.0.0.1/healthz', 'Connection: close\r\n'));
    expect(answer.status).toBe(200);
  });

  test('a broken escape in an ordinary route → 400', async () => {
    expectCatalogueAnswer(await sendRaw(port, request('GET', '/sheets/%E9/x', 'Connection: close\r\n')), 400, 'bad_request');
  });

  test('a Host header that is not a host → 400', async () => {
    const answer = await sendRaw(port, 'GET /healthz HTTP/1.1\r\nHost: a%zz b\r\nConnection: close\r\n\r\n');
    expectCatalogueAnswer(answer, 400, 'bad_request');
  });

  test('a header line node cannot parse → 400 from the catalogue', async () => {
    expectCatalogueAnswer(await sendRaw(port, request('GET', '/healthz', 'No colon here\r\n')), 400, 'bad_request');
  });

  test('CONNECT → 405 instead of a dropped socket', async () => {
    expectCatalogueAnswer(await sendRaw(port, request('CONNECT', '127.0.0.1:22')), 405, 'method_not_allowed');
  });

  test('an upgrade that is no Direct Line stream → 404', async () => {
    const answer = await sendRaw(port, request('GET', '/healthz', UPGRADE_HEADERS));
    expect(answer.status).toBe(404);
  });

  test('a real widget stream still upgrades (101)', async () => {
    const base = `http://127.0.0.1:${port}/v3/directline`;
    const generated = await fetch(`${base}/tokens/generate`, { method: 'POST' });
    expect(generated.status).toBe(200);
    const { token } = (await generated.json()) as { token: string };
    const started = await fetch(`${base}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(started.status).toBe(201);
    const { streamUrl } = (await started.json()) as { streamUrl: string };
    const target = new URL(streamUrl);
    const answer = await sendRaw(port, request('GET', `${target.pathname}${target.search}`, UPGRADE_HEADERS), { headOnly: true });
    expect(answer.status).toBe(101);
  });

  test('an upgrade listener that throws → 500 on that socket, and the process goes on', async () => {
    const throwing = (req: { url?: string }) => {
      if (req.url === '/explode') throw new Error('a listener bug');
    };
    bot.app.http.server.on('upgrade', throwing);
    try {
      const answer = await sendRaw(port, request('GET', '/explode', UPGRADE_HEADERS));
      expectCatalogueAnswer(answer, 500, 'internal_error');
      expect(answer.body).not.toContain('a listener bug');
      expect(await healthStatus(port)).toBe(200);
    } finally {
      bot.app.http.server.off('upgrade', throwing);
    }
  });
});

describe('property: any request line, target and upgrade headers get an answer and leave the server healthy', () => {
  // Weighted so that most requests are well formed but for one part: those reach restify and the upgrade listeners.
  const often = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: usual, weight: 4 }, { arbitrary: odd, weight: 1 });
  const plainPiece = fc.constantFrom('a', 'stream', 'conversations', 'activities', 'x1', '..', '.', '%C3%A9', '%2F', '%20', '/', '?watermark=1', '?t=abc', '&', '=');
  const oddPiece = fc.constantFrom(
    '%ZZ', '%', '%%', '%E9', '%00', '%5B', '[', ']', '[::1]', '@', ':', '*', '\\', 'é', '😀', '\u0000', '\u0007', '\t', ' ', '\u00a0', '#', '?t=%ZZ', '?watermark=-1', '//',
  );
  const path = fc.array(often(plainPiece, oddPiece), { maxLength: 6 }).map((parts) => parts.join(''));
  const target = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom('/', '//', '/v3/directline/conversations/', '/v3/directline/', '/api/messages', '/healthz', '/sheets/', ''), path).map(([prefix, rest]) => prefix + rest), weight: 4 },
    { arbitrary: path.map((id) => `/v3/directline/conversations/${id}/stream`), weight: 4 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('http://', 'https://', 'ws://', 'http:', 'x://'), fc.constantFrom('[', '[/', '[::1]', '127.0.0.1', '127.0.0.1:99999', 'a b', '%zz', '', 'é'), path)
        .map(([scheme, host, rest]) => `${scheme}${host}/${rest}`),
      weight: 2,
    },
    { arbitrary: fc.constantFrom('*', '//[', 'http://[/x', '/v3/directline/conversations/%ZZ/stream', '//&@stream='), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 24 }), weight: 1 },
  );
  const method = often(fc.constantFrom('GET', 'GET', 'GET', 'POST', 'HEAD', 'OPTIONS', 'DELETE'), fc.constantFrom('PUT', 'PATCH', 'TRACE', 'CONNECT', 'FOO', 'get', ''));
  const version = often(fc.constant('HTTP/1.1'), fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 x', 'HTTP/9'));
  const host = often(fc.constant('Host: 127.0.0.1\r\n'), fc.constantFrom('Host: [\r\n', 'Host: a b\r\n', 'Host: %zz\r\n', 'Host: x:1:2\r\n', 'Host:\r\n', ''));
  const upgrade = fc.oneof(
    fc.constant(''),
    fc.constant(UPGRADE_HEADERS),
    fc.constant(UPGRADE_HEADERS),
    fc
      .subarray(['Connection: Upgrade\r\n', 'Upgrade: websocket\r\n', 'Upgrade: h2c\r\n', 'Sec-WebSocket-Version: 13\r\n', 'Sec-WebSocket-Version: x\r\n', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n', 'Sec-WebSocket-Key: %\r\n'])
      .map((lines) => lines.join('')),
  );
  const extraHeader = often(
    fc.constant(''),
    fc.oneof(
      fc.constantFrom('X-Forwarded-For: [\r\n', 'Expect: 100-continue\r\n', 'Expect: nothing\r\n', 'Accept: */*;q=x\r\n', 'Origin: %ZZ\r\n', 'Cookie: a=%ZZ\r\n'),
      fc.tuple(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 12 })).map(([name, value]) => `${name}: ${value}\r\n`),
    ),
  );

  test('300 generated requests', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(method, target, version, host, upgrade, extraHeader, async (m, t, v, h, u, x) => {
        const answer = await sendRaw(port, Buffer.from(`${m} ${t} ${v}\r\n${h}${u}${x}\r\n`, 'utf8'), { headOnly: m === 'HEAD' });
        const status = answer.status ?? 0;
        seen.set(String(status), (seen.get(String(status)) ?? 0) + 1);
        // An answer always comes: a 4xx, or a success where the request was valid — never a 5xx or silence.
        expect(answer.status).toBeDefined();
        expect(status < 500).toBe(true);
        expect(await healthStatus(port)).toBe(200);
      }),
      { numRuns: 300, interruptAfterTimeLimit: 60_000, endOnFailure: true },
    );
    // What the generated requests met, for the record; most are refusals.
    console.log('answers by status:', Object.fromEntries([...seen].sort()));
  }, 90_000);
});

describe('the plain-request shortcut', () => {
  /** Characters a target or a host may hold, the awkward ones often. */
  const targetCharacter = fc.oneof(
    fc.constantFrom(...'/?#%[]@:!$&\'()*+,;=.-_~\\ '.split('')),
    fc.constantFrom('a', 'Z', '0', '9', 'é', '\u0000', '\uFFFF', '%2F', '%ZZ', '0x'),
  );
  const target = fc.array(targetCharacter, { maxLength: 24 }).map((parts) => parts.join(''));
  const host = fc.oneof(
    fc.constant(undefined),
    fc.array(fc.constantFrom('a', 'b', '0', '9', '1', '255', '256', '.', '-', ':', '65535', '65536', '99999', '0x7f', 'x', '[', ']'), { maxLength: 10 }).map((parts) => parts.join('')),
  );

  test('takes only requests the full check accepts', () => {
    fc.assert(
      fc.property(fc.oneof(target, target.map((rest) => `/${rest}`)), host, (generatedTarget, generatedHost) => {
        if (!isPlainRequest(generatedTarget, generatedHost)) return;
        expect(parseRequestParts(generatedTarget, generatedHost)).toBeUndefined();
      }),
      { numRuns: 20_000 },
    );
  });

  test.each([
    ['/api/messages', '127.0.0.1:3978'],
    ['/v3/directline/conversations/abc/activities?watermark=3', 'bot.example.org'],
    ['/healthz', 'localhost'],
  ])('takes the everyday request %s (Host %s)', (everyday, everydayHost) => {
    expect(isPlainRequest(everyday, everydayHost)).toBe(true);
  });
});

import net from 'node:net';
import fc from 'fast-check';
import { request, startConversation, startTestServer, type TestServer } from './support/harness';

/**
 * Upgrade requests no client would send: each gets an HTTP answer (400 for what cannot be read) and the process
 * stays healthy. Before the fix, `%ZZ` (decodeURIComponent) and `//[` (new URL) threw inside the upgrade
 * listener, and an exception there ends the process.
 */

const UPGRADE_HEADERS = ['Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13'];

/** Sends raw bytes and resolves with the first line the server answers (or "closed" with nothing). */
function rawExchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${JSON.stringify(payload.slice(0, 80))}`));
    }, 5000);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        resolve(received.split('\r\n')[0]!);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received ? received.split('\r\n')[0]! : 'closed');
    });
    socket.write(payload);
  });
}

function upgradeRequest(target: string, extraHeaders: readonly string[] = []): string {
  return [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1', ...UPGRADE_HEADERS, ...extraHeaders, '', ''].join('\r\n');
}

describe('built-in Direct Line stream upgrades that cannot be read', () => {
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer({ limits: { requests: { capacity: 100_000, refillPerSecond: 1000 } } });
    port = Number(new URL(server.baseUrl).port);
  });
  afterAll(async () => {
    await server.close();
  });

  const stillHealthy = async () => {
    const generated = await request(`${server.domain}/tokens/generate`, { method: 'POST' });
    expect(generated.status).toBe(200);
  };

  it.each([
    ['a bad percent escape in the conversation id', '/v3/directline/conversations/%ZZ/stream'],
    ['a lone percent sign', '/v3/directline/conversations/%/stream?t=x'],
    ['a target that is not a URL', '//['],
    ['an absolute target with a broken host', 'http://[/v3/directline/conversations/abc/stream'],
  ])('answers 400 to %s, and keeps serving', async (_what, target) => {
    expect(await rawExchange(port, upgradeRequest(target))).toMatch(/^HTTP\/1\.1 400/);
    await stillHealthy();
  });

  it('answers every generated upgrade target and header with an HTTP status, never an exception', async () => {
    const { conversationId } = await startConversation(server);
    const targetPiece = fc.oneof(
      fc.constantFrom('/v3/directline/conversations/', conversationId, '/stream', '%', '%ZZ', '%2F', '//', '[', ']', '?t=', '&watermark=', '-1', '#', '@', ':', '..', '%00'),
      fc.stringMatching(/^[!-~]{0,12}$/),
    );
    const target = fc.array(targetPiece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join('').replace(/\s/g, ''));
    const header = fc.constantFrom(
      [],
      ['X-Forwarded-For: %ZZ, [::1'],
      ['Sec-WebSocket-Version: 99'],
      ['Sec-WebSocket-Key: '],
      ['Host: [::'],
    );
    await fc.assert(
      fc.asyncProperty(target, header, async (generatedTarget, extra) => {
        const line = await rawExchange(port, upgradeRequest(generatedTarget || '/', extra));
        expect(line).toMatch(/^HTTP\/1\.1 [1-5]\d\d /);
      }),
      { numRuns: 150 },
    );
    await stillHealthy();
  }, 60_000);
});

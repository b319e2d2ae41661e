import net from 'node:net';
import { createLogger } from '../../src/log/logger';
import { request, startConversation, startTestServer, type TestServer, waitUntil } from './support/harness';

/**
 * What clients do wrong on the Direct Line routes is answered cleanly and logged as theirs: a body far over the
 * limit gets its 413 (read to the end and dropped, within bounds, so no reset hides the answer), and an upload
 * the client abandons is logged at info, without a stack.
 */

describe('built-in Direct Line and faulty clients', () => {
  let server: TestServer;
  let logged: { level: number; msg: string; err?: unknown }[];
  beforeEach(async () => {
    logged = [];
    const destination = { write: (line: string) => logged.push(JSON.parse(line)) };
    server = await startTestServer({ log: createLogger('debug', destination as never) });
  });
  afterEach(async () => {
    await server.close();
  });

  it.each([
    ['declared', true],
    ['streamed without a length', false],
  ])('answers 413 to a body of 8 MB (%s), without resetting the connection', async (_how, declared) => {
    const { token, conversationId } = await startConversation(server);
    const size = 8 * 1024 * 1024;
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const body = declared
      ? 'x'.repeat(size)
      : new ReadableStream({
          start(controller) {
            for (let sent = 0; sent < size; sent += chunk.length) controller.enqueue(chunk);
            controller.close();
          },
        });
    const response = await fetch(`${server.domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'MessageSizeTooBig', message: expect.any(String) } });
    expect(server.bot.ofType('message')).toHaveLength(0);
  });

  it('reads a refused 8 MB body to its end, so the connection stays sound: the next request on it is answered', async () => {
    const { token, conversationId } = await startConversation(server);
    const port = Number(new URL(server.baseUrl).port);
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let failure: Error | undefined;
    socket.on('data', (data) => {
      received += data.toString('latin1');
    });
    socket.on('error', (error) => {
      failure = error;
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const size = 8 * 1024 * 1024;
    const head = (method: string, path: string, length: number) =>
      [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', `Authorization: Bearer ${token}`, 'Content-Type: application/json', `Content-Length: ${length}`, '', ''].join('\r\n');
    socket.write(head('POST', `/v3/directline/conversations/${conversationId}/activities`, size));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    for (let sent = 0; sent < size && !failure; sent += chunk.length) {
      if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve));
    }
    socket.write(head('GET', `/v3/directline/conversations/${conversationId}/activities`, 0));
    await waitUntil(() => failure ?? (received.match(/HTTP\/1\.1 /g)?.length === 2 || undefined), 'two answers on one connection');
    socket.destroy();
    expect(failure).toBeUndefined();
    expect(received.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 413', 'HTTP/1.1 200']);
  });

  it('logs an upload abandoned by its client at info, with no error and no stack', async () => {
    const { token, conversationId } = await startConversation(server);
    const port = Number(new URL(server.baseUrl).port);
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      [
        `POST /v3/directline/conversations/${conversationId}/activities HTTP/1.1`,
        'Host: 127.0.0.1',
        `Authorization: Bearer ${token}`,
        'Content-Type: application/json',
        'Content-Length: 1000',
        '',
        '{"type": "message", "text": "coup',
      ].join('\r\n'),
    );
    // Once the server has started reading the body, the client goes.
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    const abandoned = await waitUntil(() => logged.find((entry) => entry.msg === 'directline request abandoned by the client'), 'the log line');
    expect(abandoned.level).toBe(30);
    expect(abandoned.err).toBeUndefined();
    expect(logged.filter((entry) => entry.level >= 50)).toEqual([]);
    expect((await request(`${server.domain}/conversations/${conversationId}/activities`, { token })).status).toBe(200);
  });
});

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { jailToLoopback } from '../helpers/networkJail';
import { SHIPPED_KNOWLEDGE, startTestBot } from '../helpers/transcript';

/**
 * SIGTERM drains (issue 8 §1): no new connection is accepted, a turn in flight finishes and its answer arrives,
 * widget streams are closed with 1001 (going away), the database is closed and the process exits 0.
 * The slow turn is a real one: the bot posts its reply to a serviceUrl that holds it until the test lets go.
 */

const REPO = path.resolve(__dirname, '../..');

/** A channel's serviceUrl that keeps each reply waiting until `release()`: the turn stays in flight till then. */
async function startGatedChannel() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const replyArrived = new Promise<void>((resolve) => (arrived = resolve));
  let replies = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      replies++;
      arrived();
      void released.then(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${replies}` }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${address.port}/`,
    replyArrived,
    release,
    get replies() {
      return replies;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function question(serviceUrl: string) {
  return JSON.stringify({
    type: 'message',
    id: randomUUID(),
    text: 'Qui pilote la PA 3.2.1 ?',
    channelId: 'webchat',
    serviceUrl,
    conversation: { id: `drain-${randomUUID()}` },
    from: { id: 'user-drain' },
    recipient: { id: 'maillage' },
    locale: 'fr-FR',
  });
}

/** Resolves once connecting to the port is refused (the listening socket is closed); bounded. */
async function connectionRefused(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.on('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });
    if (refused) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

let unjail: () => void;
beforeAll(() => {
  unjail = jailToLoopback();
});
afterAll(() => unjail());

describe('app.close(): the drain, in-process', () => {
  test('a turn in flight finishes and is answered; new connections are refused; a kept-alive connection hears 503', async () => {
    const channel = await startGatedChannel();
    const bot = await startTestBot();
    try {
      const port = await bot.app.http.listen(0, '127.0.0.1');
      // A connection opened before the shutdown, to ask /healthz on it during the drain.
      const kept = net.connect({ host: '127.0.0.1', port });
      await new Promise((resolve) => kept.once('connect', resolve));

      const answer = fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: question(channel.serviceUrl) });
      await channel.replyArrived;
      const closed = bot.app.close();

      expect(await connectionRefused(port)).toBe(true);
      const health = await new Promise<string>((resolve) => {
        const chunks: Buffer[] = [];
        kept.on('data', (chunk: Buffer) => chunks.push(chunk));
        kept.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        kept.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      });
      expect(health).toMatch(/^HTTP\/1\.1 503 /);
      expect(health).toMatch(/connection: close/i);
      expect(health).toContain('"stopping"');

      channel.release();
      expect((await answer).status).toBe(200);
      await closed;
      expect(channel.replies).toBeGreaterThanOrEqual(1);
    } finally {
      channel.release();
      await bot.stop();
      await channel.close();
    }
  });

  test('a turn whose client has gone away is still waited for: its state is saved before the database closes', async () => {
    const channel = await startGatedChannel();
    const bot = await startTestBot();
    try {
      const port = await bot.app.http.listen(0, '127.0.0.1');
      const body = question(channel.serviceUrl);
      const conversationId = (JSON.parse(body) as { conversation: { id: string } }).conversation.id;
      // A channel that stops waiting for the answer (the Bot Connector gives up after 15 s) while the turn goes on.
      const gone = new AbortController();
      const answer = fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: gone.signal }).catch(
        (error: Error) => error,
      );
      await channel.replyArrived;
      gone.abort();
      await answer;

      const closed = bot.app.close();
      // Not a measure: a shutdown that did not wait for the turn is over long before this; one that waits, is not.
      const early = await Promise.race([closed.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 1000))]);
      channel.release();
      await closed;
      expect(early).toBe('waiting');
      const db = new Database(bot.databaseUrl.replace(/^sqlite:/, ''), { readonly: true });
      try {
        expect(db.prepare('SELECT key FROM bot_state WHERE key = ?').get(`webchat/conversations/${conversationId}/`)).toBeDefined();
      } finally {
        db.close();
      }
    } finally {
      channel.release();
      await bot.stop();
      await channel.close();
    }
  });

  test('a turn that does not finish within the grace does not hold the shutdown', async () => {
    const channel = await startGatedChannel();
    const bot = await startTestBot();
    try {
      const port = await bot.app.http.listen(0, '127.0.0.1');
      const answer = fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: question(channel.serviceUrl) }).catch(
        (error: Error) => error,
      );
      await channel.replyArrived;
      await bot.app.close({ graceMs: 200 });
      // The cut request ends one way or the other; the test only needs it settled.
      await answer;
    } finally {
      channel.release();
      await bot.stop();
      await channel.close();
    }
  });
});

describe('SIGTERM on the real entry point (src/index.ts in a child process)', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  let dataDir: string;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the turn in flight is answered, the widget stream closes with 1001, the process exits 0', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-drain-'));
    const channel = await startGatedChannel();
    try {
      child = spawn(process.execPath, ['-r', path.join(REPO, 'tests/app/runTypeScript.js'), path.join(REPO, 'src/index.ts')], {
        cwd: REPO,
        env: {
          PATH: process.env.PATH ?? '',
          PORT: '0',
          KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
          DATABASE_URL: `sqlite:${path.join(dataDir, 'drain.sqlite')}`,
          LOG_LEVEL: 'info',
        },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
      const port = await new Promise<number>((resolve, reject) => {
        const check = () => {
          const match = /Maillage is ready on http:\/\/localhost:(\d+)/.exec(output);
          if (match) resolve(Number(match[1]));
        };
        child!.stdout.on('data', check);
        void exited.then((code) => reject(new Error(`the server exited (${code}) before it was ready:\n${output}`)));
      });
      const base = `http://127.0.0.1:${port}`;

      // A widget conversation with its stream open.
      const { token } = (await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string };
      const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      const { streamUrl } = (await started.json()) as { streamUrl: string };
      const stream = new WebSocket(streamUrl.replace('localhost', '127.0.0.1'));
      await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject));
      const streamClosed = new Promise<number>((resolve) => stream.once('close', (code) => resolve(code)));

      // A turn held in flight by the channel.
      const answer = fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: question(channel.serviceUrl) });
      await channel.replyArrived;

      child.kill('SIGTERM');
      expect(await connectionRefused(port)).toBe(true);
      channel.release();

      expect((await answer).status).toBe(200);
      expect(await streamClosed).toBe(1001);
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopping"');
      expect(output).toContain('"msg":"stopped"');
    } finally {
      channel.release();
      await channel.close();
    }
  }, 60_000);

});

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/log/logger';
import { openStore } from '../../src/storage';
import { inviteCode } from '../helpers/enrolment';
import { folded, readable, SHIPPED_KNOWLEDGE } from '../helpers/transcript';

/**
 * The real entry point (src/index.ts) in a child process, killed with SIGKILL in the middle of a report and started
 * again on the same database: the staff member carries on at the question they were on, nothing given is lost.
 */
const REPO = path.resolve(__dirname, '../..');
let dataDir: string;
let child: ChildProcessWithoutNullStreams | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-kill-'));
});
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(databaseUrl: string): Promise<{ base: string; process: ChildProcessWithoutNullStreams }> {
  const started = spawn(process.execPath, ['-r', path.join(REPO, 'tests/app/runTypeScript.js'), path.join(REPO, 'src/index.ts')], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', PORT: '0', KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' },
  });
  let output = '';
  started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${output}`)), 45_000);
    started.stdout.on('data', () => {
      const match = /Maillage is ready on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    started.once('exit', (code) => reject(new Error(`exited (${code}) before it was ready:\n${output}`)));
  });
  return { base: `http://127.0.0.1:${port}`, process: started };
}

/** A Teams-like channel that takes the replies in the HTTP body (deliveryMode expectReplies). */
async function says(base: string, text: string): Promise<string> {
  const response = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${Math.random()}`,
      text,
      channelId: 'msteams',
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://127.0.0.1:9/unused',
      conversation: { id: 'a:killed-mid-report' },
      from: { id: '29:staff', aadObjectId: 'aad-staff-killed' },
      recipient: { id: 'maillage', name: 'Maillage' },
      locale: 'fr-FR',
    }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { activities?: Record<string, unknown>[] };
  return folded((body.activities ?? []).map(readable).join('\n'));
}

test('kill -9 in the middle of a report: after the restart the form goes on where it was', async () => {
  const databaseUrl = `sqlite:${path.join(dataDir, 'reports.sqlite')}`;
  const store = await openStore(databaseUrl, createLogger('silent'));
  const code = await inviteCode(store);
  await store.close();

  const before = await startServer(databaseUrl);
  child = before.process;
  expect(await says(before.base, 'on a fait un café des parents hier pour la PA 3.2.1, 9 parents')).toContain('code');
  expect(await says(before.base, code)).toContain('quelle action');
  expect(await says(before.base, '1')).toContain('titre');
  const killed = new Promise((resolve) => before.process.once('exit', resolve));
  before.process.kill('SIGKILL');
  await killed;

  const after = await startServer(databaseUrl);
  child = after.process;
  // The answer to the question asked before the kill is taken as such.
  expect(await says(after.base, 'Café du jeudi')).toContain('seances');
  after.process.kill('SIGKILL');

  const check = await openStore(databaseUrl, createLogger('silent'));
  const draft = await check.drafts.get('aad:aad-staff-killed');
  await check.close();
  expect(JSON.stringify(draft?.body)).toContain('Café du jeudi');
  expect(JSON.stringify(draft?.body)).toContain('"parents":9');
}, 120_000);

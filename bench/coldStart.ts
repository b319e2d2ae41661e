import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { median, type BenchRow } from './table';

const RUNS = 3;
const GIVE_UP_MS = 30_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

/** One start of the built server, from spawn to the first 200 on /healthz, on a new database. */
async function timeOneStart(entry: string, knowledgeDir: string): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-cold-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${path.join(dataDir, 'cold.sqlite')}`, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    while (performance.now() - started < GIVE_UP_MS) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr.trim().slice(0, 300)}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((response) => response.status === 200)
        .catch(() => false);
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no 200 on /healthz within ${GIVE_UP_MS / 1000} s`);
  } finally {
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Cold start of `node dist/src/index.js` until /healthz answers 200 (median of three, each on a new database). */
export async function runColdStartBench(root: string, knowledgeDir: string): Promise<BenchRow[]> {
  const entry = path.join(root, 'dist', 'src', 'index.js');
  const name = 'cold start: spawn → /healthz 200';
  if (!fs.existsSync(entry)) return [{ name, value: Number.NaN, unit: 's', target: { max: 2 }, error: `${entry} is missing (npm run build)` }];
  try {
    const timings: number[] = [];
    for (let run = 0; run < RUNS; run++) timings.push(await timeOneStart(entry, knowledgeDir));
    return [{ name, value: median(timings) / 1000, unit: 's', target: { max: 2 } }];
  } catch (error) {
    return [{ name, value: Number.NaN, unit: 's', target: { max: 2 }, error: error instanceof Error ? error.message : String(error) }];
  }
}

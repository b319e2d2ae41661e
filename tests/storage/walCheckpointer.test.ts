import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/log/logger';
import { openStore } from '../../src/storage';

/**
 * The SQLite store checkpoints its write-ahead log on its own thread, never inside a commit (src/storage/walCheckpointer.ts):
 * what is committed reaches the database file within about a second, without any commit paying for it.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('committed writes reach the database file, checkpointed off the commits, and closing ends the thread', async () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-wal-'));
  const file = path.join(directory, 'wal.sqlite');
  try {
    const store = await openStore(`sqlite:${file}`, createLogger('silent'));
    const before = fs.statSync(file).size;
    const big = 'x'.repeat(2000);
    for (let index = 0; index < 300; index++) await store.state.write([{ key: `k${index}`, value: { big } }]);
    // 600 kB committed: the automatic checkpoint (1,000 pages) would not have run yet, and is off anyway.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(500_000);
    let grown = false;
    for (let attempt = 0; attempt < 40 && !grown; attempt++) {
      await sleep(100);
      grown = fs.statSync(file).size > before + 500_000;
    }
    expect(grown).toBe(true);
    await store.close();
    expect(store.closed).toBe(true);
    // Reopened, everything is there.
    const again = await openStore(`sqlite:${file}`, createLogger('silent'));
    expect((await again.state.read(['k0', 'k299'])).records.size).toBe(2);
    await again.close();
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
});

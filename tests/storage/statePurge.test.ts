import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore, startStatePurge, type Store } from '../../src/storage';
import { captureLog } from '../helpers/logCapture';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';

const HOUR_MS = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the purge does on either database: the same test, run on each. */
function purgeSuite(open: () => Promise<Store>, setUpdatedAt: (key: string, date: Date) => Promise<void>) {
  test('runs at start, then periodically, removing only state unused for longer than its time to live', async () => {
    const store = await open();
    const captured = captureLog('info');
    try {
      await store.state.write([
        { key: 'purge/old', value: { v: 1 } },
        { key: 'purge/recent', value: { v: 2 } },
      ]);
      await setUpdatedAt('purge/old', new Date(Date.now() - 25 * HOUR_MS));
      await setUpdatedAt('purge/recent', new Date(Date.now() - 23 * HOUR_MS));
      const purge = startStatePurge(store, 24, captured.log, 100);
      try {
        await purge.firstRun;
        expect([...(await store.state.read(['purge/old', 'purge/recent'])).records.keys()]).toEqual(['purge/recent']);
        expect(captured.lines().find((line) => line.msg === 'expired conversation state purged')).toMatchObject({ states: 1 });

        // Later runs catch what expired since.
        await setUpdatedAt('purge/recent', new Date(Date.now() - 30 * HOUR_MS));
        await sleep(400);
        expect((await store.state.read(['purge/recent'])).records.size).toBe(0);
      } finally {
        purge.stop();
      }
    } finally {
      await store.close();
    }
  });

  test('removes report drafts 30 days after their last change, and keeps younger ones', async () => {
    const store = await open();
    const captured = captureLog('info');
    try {
      await store.drafts.save('aad:old', { step: 'title' }, new Date(Date.now() - 31 * 24 * HOUR_MS));
      await store.drafts.save('aad:recent', { step: 'title' }, new Date(Date.now() - 29 * 24 * HOUR_MS));
      const purge = startStatePurge(store, 24, captured.log, 60_000);
      try {
        await purge.firstRun;
        expect(await store.drafts.get('aad:old')).toBeNull();
        expect(await store.drafts.get('aad:recent')).not.toBeNull();
        expect(captured.lines().find((line) => line.msg === 'expired conversation state purged')).toMatchObject({ drafts: 1 });
      } finally {
        purge.stop();
      }
    } finally {
      await store.close();
    }
  });

  test('stops quietly once the store is closed', async () => {
    const store = await open();
    const captured = captureLog('warn');
    const purge = startStatePurge(store, 24, captured.log, 20);
    await purge.firstRun;
    await store.close();
    await sleep(150);
    purge.stop();
    expect(captured.lines()).toEqual([]);
  });
}

describe('state purge on SQLite', () => {
  let directory: string;
  let file: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-purge-'));
    file = path.join(directory, 'state.sqlite');
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  purgeSuite(
    () => openStore(`sqlite:${file}`, captureLog('silent').log),
    async (key, date) => {
      const db = new Database(file);
      db.prepare('UPDATE bot_state SET updated_at = ? WHERE key = ?').run(date.toISOString(), key);
      db.close();
    },
  );
});

describePostgres('state purge on PostgreSQL', (baseUrl) => {
  const schema = uniqueSchemaName();
  afterAll(() => dropSchema(baseUrl, schema));
  purgeSuite(
    () => openStore(withSchema(baseUrl, schema), captureLog('silent').log),
    async (key, date) => {
      const client = new pg.Client({ connectionString: baseUrl, options: `-c search_path=${schema}` });
      await client.connect();
      await client.query('UPDATE bot_state SET updated_at = $1 WHERE key = $2', [date, key]);
      await client.end();
    },
  );
});

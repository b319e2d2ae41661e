import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { MIGRATIONS, openStore, StoreOpenError } from '../../src/storage';
import { silentLog } from '../helpers/logCapture';
import { runStoreContract, type StoreHarness } from './storeContract';

const MigrationRowSchema = z.object({ id: z.number() });

describe('SQLite store', () => {
  let directory: string;
  let file: string;

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-sqlite-'));
    file = path.join(directory, 'nested', 'folder', 'state.sqlite');
  });
  afterEach(() => {
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const rawConnection = () => new Database(file);

  runStoreContract(
    (): StoreHarness => ({
      open: (log) => openStore(`sqlite:${file}`, log),
      async insertRawState(key, value, etag) {
        const db = rawConnection();
        try {
          db.prepare('INSERT OR REPLACE INTO bot_state (key, value, etag, updated_at) VALUES (?, ?, ?, ?)').run(key, value, etag, new Date().toISOString());
        } finally {
          db.close();
        }
      },
      async setUpdatedAt(key, date) {
        const db = rawConnection();
        try {
          db.prepare('UPDATE bot_state SET updated_at = ? WHERE key = ?').run(date.toISOString(), key);
        } finally {
          db.close();
        }
      },
      async appliedMigrationIds() {
        const db = rawConnection();
        try {
          return db
            .prepare('SELECT id FROM schema_migrations ORDER BY id')
            .all()
            .map((row) => MigrationRowSchema.parse(row).id);
        } finally {
          db.close();
        }
      },
    }),
  );

  test('each migration is its own transaction: a failing one leaves the database whole at the one before', async () => {
    const failing = [...MIGRATIONS, { id: 999, name: 'broken', sqlite: ['CREATE TABLE half_done (x INTEGER)', 'THIS IS NOT SQL'], postgres: [] }];
    await expect(openStore(`sqlite:${file}`, silentLog, failing)).rejects.toThrow();
    const db = rawConnection();
    try {
      const applied = db.prepare('SELECT id FROM schema_migrations ORDER BY id').all().map((row) => MigrationRowSchema.parse(row).id);
      expect(applied).toEqual(MIGRATIONS.map((migration) => migration.id));
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    } finally {
      db.close();
    }
    const reopened = await openStore(`sqlite:${file}`, silentLog);
    await reopened.close();
  });

  test('creates the folder, and the database is in WAL mode', async () => {
    const store = await openStore(`sqlite:${file}`, silentLog);
    try {
      expect(store.backend).toBe('sqlite');
      expect(fs.existsSync(file)).toBe(true);
      const db = rawConnection();
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      await store.close();
    }
  });

  test('a file that is not a database is refused with a clear error naming it', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'this is a text file, not SQLite\n'.repeat(200));
    const opening = openStore(`sqlite:${file}`, silentLog);
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    await expect(opening).rejects.toThrow(file);
  });

  test('sqlite::memory: works for throwaway runs', async () => {
    const store = await openStore('sqlite::memory:', silentLog);
    await store.state.write([{ key: 'k', value: { v: 1 } }]);
    expect((await store.state.read(['k'])).records.get('k')?.value).toEqual({ v: 1 });
    await store.close();
  });
});

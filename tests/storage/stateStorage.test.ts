import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, type Storage, type TurnContext } from 'botbuilder';
import Database from 'better-sqlite3';
import pg from 'pg';
import { StoreStateStorage } from '../../src/bot/stateStorage';
import { ETagConflictError, openStore, type Store } from '../../src/storage';
import { silentLog } from '../helpers/logCapture';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';

/** One scenario of reads and writes; every step's outcome is recorded so two storages can be compared. */
async function eTagScenario(storage: Storage): Promise<unknown[]> {
  const outcomes: unknown[] = [];
  const attempt = async (label: string, work: () => Promise<unknown>) => {
    try {
      outcomes.push([label, 'ok', await work()]);
    } catch (error) {
      outcomes.push([label, 'refused', error instanceof Error ? error.message : String(error)]);
    }
  };
  const shape = (items: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(items).map(([key, item]) => [key, withoutETag(item)]));

  await attempt('read absent', async () => shape(await storage.read(['a'])));
  await attempt('first write, no eTag', () => storage.write({ a: { count: 1 } }));
  const first = await storage.read(['a']);
  const firstETag = first.a?.eTag;
  await attempt('read has an eTag', async () => typeof firstETag === 'string' && firstETag.length > 0);
  await attempt('write with current eTag', () => storage.write({ a: { count: 2, eTag: firstETag } }));
  await attempt('write with stale eTag', () => storage.write({ a: { count: 99, eTag: firstETag } }));
  await attempt('value after stale write', async () => shape(await storage.read(['a'])));
  await attempt('write with *', () => storage.write({ a: { count: 3, eTag: '*' } }));
  await attempt('eTag changed', async () => (await storage.read(['a'])).a?.eTag !== firstETag);
  await attempt('write two keys', () => storage.write({ b: { name: 'b' }, c: { list: [1, 2] } }));
  await attempt('read three keys and a missing one', async () => shape(await storage.read(['a', 'b', 'c', 'missing'])));
  await attempt('delete one', () => storage.delete(['b', 'never-there']));
  await attempt('read after delete', async () => shape(await storage.read(['a', 'b', 'c'])));
  await attempt('read no keys', async () => storage.read([]));
  return outcomes;
}

function withoutETag(item: unknown): unknown {
  if (item === null || typeof item !== 'object') return item;
  return Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'eTag'));
}

/** A conversation that counts its own turns in conversation state, as a dialog keeps its stack there. */
async function countTurn(storage: Storage, conversationId: string): Promise<number> {
  const conversationState = new ConversationState(storage);
  const turns = conversationState.createProperty<number>('turns');
  let seen = -1;
  const adapter = new TestAdapter(async (context: TurnContext) => {
    seen = (await turns.get(context, 0)) + 1;
    await turns.set(context, seen);
    await conversationState.saveChanges(context);
  });
  adapter.conversation.conversation.id = conversationId;
  await adapter.send('hello').startTest();
  return seen;
}

function storageSuite(openTestStore: () => Promise<Store>, insertCorrupt: (key: string) => Promise<void>) {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  test('reads, writes and deletes with the same eTag outcomes as botbuilder MemoryStorage', async () => {
    const expected = await eTagScenario(new MemoryStorage());
    const actual = await eTagScenario(new StoreStateStorage(store));
    expect(actual).toEqual(expected);
  });

  test('a stale eTag is refused with ETagConflictError', async () => {
    const storage = new StoreStateStorage(store);
    await storage.write({ k: { v: 1 } });
    const { k } = await storage.read(['k']);
    await storage.write({ k: { v: 2, eTag: k?.eTag } });
    await expect(storage.write({ k: { v: 3, eTag: k?.eTag } })).rejects.toBeInstanceOf(ETagConflictError);
  });

  test('the eTag is not stored inside the value, and the caller’s object is left as it was', async () => {
    const storage = new StoreStateStorage(store);
    const item = { v: 1, eTag: '*' };
    await storage.write({ k: item });
    expect(item).toEqual({ v: 1, eTag: '*' });
    expect((await store.state.read(['k'])).records.get('k')?.value).toEqual({ v: 1 });
  });

  test('conversation state survives a restart of the store', async () => {
    const conversationId = `conv-${Date.now()}`;
    expect(await countTurn(new StoreStateStorage(store), conversationId)).toBe(1);
    expect(await countTurn(new StoreStateStorage(store), conversationId)).toBe(2);
    await store.close();
    store = await openTestStore();
    expect(await countTurn(new StoreStateStorage(store), conversationId)).toBe(3);
    expect(await countTurn(new StoreStateStorage(store), 'another-conversation')).toBe(1);
  });

  test('a corrupt stored conversation starts afresh instead of failing every turn', async () => {
    const conversationId = `corrupt-${Date.now()}`;
    expect(await countTurn(new StoreStateStorage(store), conversationId)).toBe(1);
    await insertCorrupt(`test/conversations/${conversationId}/`);
    expect(await countTurn(new StoreStateStorage(store), conversationId)).toBe(1);
    expect(await countTurn(new StoreStateStorage(store), conversationId)).toBe(2);
  });

  test('writing something that is not an object is refused', async () => {
    const storage = new StoreStateStorage(store);
    await expect(storage.write({ k: 'text' })).rejects.toBeInstanceOf(TypeError);
  });
}

describe('StoreStateStorage on SQLite', () => {
  let directory: string;
  let file: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-state-'));
    file = path.join(directory, 'state.sqlite');
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  storageSuite(
    () => openStore(`sqlite:${file}`, silentLog),
    async (key) => {
      const db = new Database(file);
      db.prepare('UPDATE bot_state SET value = ? WHERE key = ?').run('{"turns": 1, "dialog', key);
      db.close();
    },
  );
});

describePostgres('StoreStateStorage on PostgreSQL', (baseUrl) => {
  const schema = uniqueSchemaName();
  afterAll(() => dropSchema(baseUrl, schema));

  storageSuite(
    () => openStore(withSchema(baseUrl, schema), silentLog),
    async (key) => {
      const client = new pg.Client({ connectionString: baseUrl, options: `-c search_path=${schema}` });
      await client.connect();
      await client.query('UPDATE bot_state SET value = $1 WHERE key = $2', ['{"turns": 1, "dialog', key]);
      await client.end();
    },
  );
});

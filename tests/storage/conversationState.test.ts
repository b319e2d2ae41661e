import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestAdapter, type TurnContext } from 'botbuilder';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ConversationStateStore } from '../../src/bot/conversationState';
import { ETagConflictError, openStore, type Store } from '../../src/storage';
import { silentLog } from '../helpers/logCapture';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';

/** Runs one turn of `conversationId` on the TestAdapter (channel "test"), with `logic` given the state store. */
async function runTurn(store: Store, conversationId: string, logic: (context: TurnContext, state: ConversationStateStore) => Promise<void>): Promise<void> {
  await runTurnWith(new ConversationStateStore(store), conversationId, logic);
}

async function runTurnWith(state: ConversationStateStore, conversationId: string, logic: (context: TurnContext, state: ConversationStateStore) => Promise<void>): Promise<void> {
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await logic(context, state);
    await state.saveChanges(context);
  });
  adapter.conversation.conversation.id = conversationId;
  await adapter.send('hello').startTest();
}

/** A conversation that counts its own turns, as a dialog keeps its stack in conversation state. */
async function countTurn(store: Store, conversationId: string): Promise<number> {
  let seen = -1;
  await runTurn(store, conversationId, async (context, state) => {
    const turns = state.createProperty<number>('turns');
    seen = (await turns.get(context, 0)) + 1;
    await turns.set(context, seen);
  });
  return seen;
}

/** botbuilder's ConversationState key, kept so records written before stay readable. */
const keyOf = (conversationId: string) => `test/conversations/${conversationId}/`;

function stateSuite(openTestStore: () => Promise<Store>, insertCorrupt: (key: string) => Promise<void>) {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  test('a conversation keeps its state from turn to turn, under botbuilder’s key, apart from other conversations', async () => {
    const conversationId = `conv-${Date.now()}`;
    expect(await countTurn(store, conversationId)).toBe(1);
    expect(await countTurn(store, conversationId)).toBe(2);
    expect(await countTurn(store, 'another-conversation')).toBe(1);
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ turns: 2 });
  });

  test('conversation state survives a restart of the store', async () => {
    const conversationId = `restart-${Date.now()}`;
    expect(await countTurn(store, conversationId)).toBe(1);
    await store.close();
    store = await openTestStore();
    expect(await countTurn(store, conversationId)).toBe(2);
  });

  test('a turn that changes nothing writes nothing', async () => {
    const conversationId = `unchanged-${Date.now()}`;
    await countTurn(store, conversationId);
    const before = (await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.etag;
    await runTurn(store, conversationId, async (context, state) => {
      const turns = state.createProperty<number>('turns');
      await turns.set(context, await turns.get(context, 0));
    });
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.etag).toBe(before);
  });

  test('a turn that raced another writer is refused, and the other writer’s state is kept', async () => {
    const conversationId = `race-${Date.now()}`;
    await countTurn(store, conversationId);
    const outcome = runTurn(store, conversationId, async (context, state) => {
      const turns = state.createProperty<number>('turns');
      await turns.set(context, (await turns.get(context, 0)) + 1);
      // Another instance answers a message of the same conversation meanwhile.
      await store.state.write([{ key: keyOf(conversationId), value: { turns: 41 } }]);
    });
    await expect(outcome).rejects.toBeInstanceOf(ETagConflictError);
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ turns: 41 });
  });

  test('a default object is copied into the state, so changing it is remembered', async () => {
    const conversationId = `default-${Date.now()}`;
    const shared = { items: [] as string[] };
    for (const item of ['a', 'b']) {
      await runTurn(store, conversationId, async (context, state) => {
        (await state.createProperty<{ items: string[] }>('list').get(context, shared)).items.push(item);
      });
    }
    expect(shared.items).toEqual([]);
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ list: { items: ['a', 'b'] } });
  });

  test('clear forgets the conversation, stored and in the turn', async () => {
    const conversationId = `clear-${Date.now()}`;
    await countTurn(store, conversationId);
    await runTurn(store, conversationId, async (context, state) => {
      await state.createProperty<number>('turns').set(context, 99);
      await state.clear(context);
    });
    expect((await store.state.read([keyOf(conversationId)])).records.size).toBe(0);
    expect(await countTurn(store, conversationId)).toBe(1);
  });

  test('a checked property is checked when its record was written elsewhere, and taken as written when written here', async () => {
    const conversationId = `checked-${Date.now()}`;
    const checked: unknown[] = [];
    const check = (stored: unknown): { visits: number } => {
      checked.push(stored);
      const visits = (stored as { visits?: unknown } | undefined)?.visits;
      return { visits: typeof visits === 'number' && visits >= 0 ? visits : 0 };
    };
    // One state store, as one running bot has: it remembers what it wrote.
    const here = new ConversationStateStore(store);
    const visit = () =>
      runTurnWith(here, conversationId, async (context, state) => {
        const visits = state.createCheckedProperty('visits', check);
        const value = await visits.get(context);
        await visits.set(context, { visits: value.visits + 1 });
      });

    await visit();
    expect(checked).toEqual([undefined]);
    await visit();
    await visit();
    // Written by this store since: read back as written, not checked again.
    expect(checked).toHaveLength(1);
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ visits: { visits: 3 } });

    // Another instance (or a hand edit) writes the record: the next read is checked, and a bad value starts afresh.
    await store.state.write([{ key: keyOf(conversationId), value: { visits: { visits: -5 } } }]);
    await visit();
    expect(checked).toHaveLength(2);
    expect(checked[1]).toEqual({ visits: -5 });
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ visits: { visits: 1 } });

    // Another store on the same database (a second instance) checks what the first one wrote.
    await runTurnWith(new ConversationStateStore(store), conversationId, async (context, state) => {
      await state.createCheckedProperty('visits', check).get(context);
    });
    expect(checked).toHaveLength(3);
  });

  test('a corrupt stored conversation starts afresh instead of failing every turn', async () => {
    const conversationId = `corrupt-${Date.now()}`;
    expect(await countTurn(store, conversationId)).toBe(1);
    await insertCorrupt(keyOf(conversationId));
    expect(await countTurn(store, conversationId)).toBe(1);
    expect(await countTurn(store, conversationId)).toBe(2);
  });
}

describe('ConversationStateStore on SQLite', () => {
  let directory: string;
  let file: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-state-'));
    file = path.join(directory, 'state.sqlite');
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  stateSuite(
    () => openStore(`sqlite:${file}`, silentLog),
    async (key) => {
      const db = new Database(file);
      db.prepare('UPDATE bot_state SET value = ? WHERE key = ?').run('{"turns": 1, "dialog', key);
      db.close();
    },
  );
});

describePostgres('ConversationStateStore on PostgreSQL', (baseUrl) => {
  const schema = uniqueSchemaName();
  afterAll(() => dropSchema(baseUrl, schema));

  stateSuite(
    () => openStore(withSchema(baseUrl, schema), silentLog),
    async (key) => {
      const client = new pg.Client({ connectionString: baseUrl, options: `-c search_path=${schema}` });
      await client.connect();
      await client.query('UPDATE bot_state SET value = $1 WHERE key = $2', ['{"turns": 1, "dialog', key]);
      await client.end();
    },
  );
});

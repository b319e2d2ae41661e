import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestAdapter, type TurnContext } from 'botbuilder';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ConversationStateStore } from '../../src/bot/conversationState';
import { createTurnErrorHandler } from '../../src/bot/turnErrors';
import { ETagConflictError, openStore, type Store } from '../../src/storage';
import { silentLog } from '../helpers/logCapture';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';

/** Runs one turn of `conversationId` on the TestAdapter (channel "test"), with `logic` given the state store. */
async function runTurn(store: Store, conversationId: string, logic: (context: TurnContext, state: ConversationStateStore) => Promise<void>): Promise<void> {
  await runTurnWith(newStateStore(store), conversationId, logic);
}

const newStateStore = (store: Store) => new ConversationStateStore(store, { ttlHours: 24 });

async function runTurnWith(
  state: ConversationStateStore,
  conversationId: string,
  logic: (context: TurnContext, state: ConversationStateStore) => Promise<void>,
  options: { handleErrors?: boolean } = {},
): Promise<string[]> {
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await logic(context, state);
    await state.saveChanges(context);
  });
  // As the bot's adapters do: a failed turn ends in the one turn-error handler.
  if (options.handleErrors) adapter.onTurnError = createTurnErrorHandler(silentLog, state);
  adapter.conversation.conversation.id = conversationId;
  await adapter.send('hello').startTest();
  return adapter.activeQueue.map((activity) => activity.text ?? '');
}

/** A turn that counts itself, then fails: what a bug in a journey looks like to the state. */
const countThenFail = async (context: TurnContext, state: ConversationStateStore) => {
  const turns = state.createProperty<number>('turns');
  await turns.set(context, (await turns.get(context, 0)) + 1);
  throw new Error('a journey failed');
};

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

function stateSuite(
  openTestStore: () => Promise<Store>,
  insertCorrupt: (key: string) => Promise<void>,
  /** Makes a record look last written `hours` ago. */
  ageRecord: (key: string, hours: number) => Promise<void>,
) {
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

  test('a turn refused for a stale etag keeps the state the other turn stored, and the user is told plainly', async () => {
    const conversationId = `race-kept-${Date.now()}`;
    await countTurn(store, conversationId);
    const state = newStateStore(store);
    const replies = await runTurnWith(
      state,
      conversationId,
      async (context, turnState) => {
        const turns = turnState.createProperty<number>('turns');
        await turns.set(context, (await turns.get(context, 0)) + 1);
        // Another instance (or another process on the same SQLite file) answers a message of the conversation meanwhile.
        await store.state.write([{ key: keyOf(conversationId), value: { turns: 41 } }]);
      },
      { handleErrors: true },
    );
    expect(replies.join('\n')).toMatch(/problème technique.*\(réf\. [0-9a-f]{8}\)/);
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ turns: 41 });
    // Racing again and again never counts against the stored state.
    for (let attempt = 0; attempt < 3; attempt++) {
      await runTurnWith(state, conversationId, async (context, turnState) => {
        await turnState.createProperty<number>('turns').set(context, 0);
        await store.state.write([{ key: keyOf(conversationId), value: { turns: 42 + attempt } }]);
      }, { handleErrors: true });
    }
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ turns: 44 });
  });

  test('a failed turn drops only its own changes: the stored state from before stays', async () => {
    const conversationId = `failed-${Date.now()}`;
    const state = newStateStore(store);
    const count = () => runTurnWith(state, conversationId, async (context, turnState) => {
      const turns = turnState.createProperty<number>('turns');
      await turns.set(context, (await turns.get(context, 0)) + 1);
    });
    await count();
    await count();
    const replies = await runTurnWith(state, conversationId, countThenFail, { handleErrors: true });
    expect(replies.join('\n')).toContain('problème technique');
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ turns: 2 });
    // One failure is not a broken state: the conversation goes on from where it was.
    await count();
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ turns: 3 });
  });

  test('a stored state on which every turn fails is reset, so the conversation is not stuck', async () => {
    const conversationId = `stuck-${Date.now()}`;
    const state = newStateStore(store);
    await runTurnWith(state, conversationId, async (context, turnState) => turnState.createProperty<string>('poison').set(context, 'yes'));
    const failIfPoisoned = async (context: TurnContext, turnState: ConversationStateStore) => {
      const poison = turnState.createProperty<string>('poison');
      if ((await poison.get(context)) === 'yes') throw new Error('this state breaks every turn');
      await poison.set(context, 'no');
    };
    await runTurnWith(state, conversationId, failIfPoisoned, { handleErrors: true });
    expect((await store.state.read([keyOf(conversationId)])).records.size).toBe(1);
    await runTurnWith(state, conversationId, failIfPoisoned, { handleErrors: true });
    // Two turns in a row failed on the very same stored record: that record is what breaks them.
    expect((await store.state.read([keyOf(conversationId)])).records.size).toBe(0);
    await runTurnWith(state, conversationId, failIfPoisoned, { handleErrors: true });
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ poison: 'no' });
  });

  test('a reset never deletes a state another turn wrote after the failures', async () => {
    const conversationId = `reset-race-${Date.now()}`;
    const state = newStateStore(store);
    await countTurn(store, conversationId);
    await runTurnWith(state, conversationId, countThenFail, { handleErrors: true });
    await runTurnWith(state, conversationId, async (context, turnState) => {
      await countThenFail(context, turnState).catch(async (error: unknown) => {
        // The good turn of another instance lands between this turn's read and its failure.
        await store.state.write([{ key: keyOf(conversationId), value: { turns: 7 } }]);
        throw error;
      });
    }, { handleErrors: true });
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ turns: 7 });
  });

  test('turns the database fails to save (unreachable, pool exhausted) never reset the stored state', async () => {
    const conversationId = `db-down-${Date.now()}`;
    await countTurn(store, conversationId);
    // The same database, except that every write fails as a lost connection does.
    const failingState = Object.create(store.state, {
      write: { value: async () => Promise.reject(new Error('Connection terminated unexpectedly')) },
    }) as Store['state'];
    const state = newStateStore(Object.create(store, { state: { value: failingState } }) as Store);
    const count = (context: TurnContext, turnState: ConversationStateStore) =>
      turnState.createProperty<number>('turns').get(context, 0).then((turns) => turnState.createProperty<number>('turns').set(context, turns + 1));
    for (let attempt = 0; attempt < 3; attempt++) {
      const replies = await runTurnWith(state, conversationId, count, { handleErrors: true });
      expect(replies.join('\n')).toContain('problème technique');
    }
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ turns: 1 });
  });

  test('a conversation in which nobody has spoken is not stored, and what it changed is kept in the process', async () => {
    const conversationId = `silent-${Date.now()}`;
    const state = newStateStore(store);
    const greet = (context: TurnContext) => state.createProperty<boolean>('greeted').set(context, true);
    const adapter = new TestAdapter(async (context: TurnContext) => {
      if (context.activity.type === 'conversationUpdate') await greet(context);
      else await state.createProperty<number>('turns').set(context, 1);
      await state.saveChanges(context, { create: context.activity.type !== 'conversationUpdate' });
    });
    adapter.conversation.conversation.id = conversationId;
    await adapter.processActivity({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'User' }] });
    expect((await store.state.read([keyOf(conversationId)])).records.size).toBe(0);
    await adapter.send('hello').startTest();
    expect((await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.value).toEqual({ greeted: true, turns: 1 });
  });

  test('a state unused for longer than its time to live reads as absent, before the purge removes it', async () => {
    const conversationId = `expired-${Date.now()}`;
    await countTurn(store, conversationId);
    await ageRecord(keyOf(conversationId), 25);
    expect(await countTurn(store, conversationId)).toBe(1);
    // The turn overwrote the expired record, so the purge now finds nothing to remove for this conversation.
    expect(await store.state.purgeOlderThan(new Date(Date.now() - 24 * 3_600_000))).toBe(0);
    expect(await countTurn(store, conversationId)).toBe(2);
  });

  test('a state used without being changed is written again once in a while, so it does not expire in use', async () => {
    const conversationId = `in-use-${Date.now()}`;
    await countTurn(store, conversationId);
    const readOnly = () => runTurn(store, conversationId, async (context, state) => {
      await state.createProperty<number>('turns').get(context);
    });
    const etag = async () => (await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId))?.etag;
    const before = await etag();
    await readOnly();
    expect(await etag()).toBe(before);
    await ageRecord(keyOf(conversationId), 2);
    await readOnly();
    const after = (await store.state.read([keyOf(conversationId)])).records.get(keyOf(conversationId));
    expect(after?.etag).not.toBe(before);
    expect(Date.now() - (after?.updatedAt.getTime() ?? 0)).toBeLessThan(60_000);
    expect(after?.value).toEqual({ turns: 1 });
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
    const here = newStateStore(store);
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
    await runTurnWith(newStateStore(store), conversationId, async (context, state) => {
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
    async (key, hours) => {
      const db = new Database(file);
      db.prepare('UPDATE bot_state SET updated_at = ? WHERE key = ?').run(new Date(Date.now() - hours * 3_600_000).toISOString(), key);
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
    async (key, hours) => {
      const client = new pg.Client({ connectionString: baseUrl, options: `-c search_path=${schema}` });
      await client.connect();
      await client.query(`UPDATE bot_state SET updated_at = now() - $1 * interval '1 hour' WHERE key = $2`, [hours, key]);
      await client.end();
    },
  );
});

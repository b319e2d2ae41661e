import type { TranscriptActivity } from '../../src/directline/activities';
import { MemoryTranscriptStore } from '../../src/directline/memoryTranscripts';
import { PostgresTranscriptStore } from '../../src/directline/postgresTranscripts';
import { QUIET_GRACE_MS, type TranscriptLimits, type TranscriptStore } from '../../src/directline/transcripts';
import type { WakeUpChannel } from '../../src/directline/wakeUps';
import { createLogger } from '../../src/log/logger';
import { openStore } from '../../src/storage';
import type { Store } from '../../src/storage/store';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';

/**
 * Which conversation a full server ends is the same whether the conversations live in memory or in PostgreSQL:
 * the same script run on both stores ends the same conversations, including at the edges (a quiet conversation
 * left exactly QUIET_GRACE_MS ago, two conversations last used in the same millisecond).
 */

const LIMITS: TranscriptLimits = {
  maxConversations: 2,
  maxTotalBytes: 10 * 1024 * 1024,
  maxConversationBytes: 512 * 1024,
  maxActivitiesPerConversation: 500,
  conversationIdleMs: 60 * 60 * 1000,
};

const message = (text: string): TranscriptActivity => ({ type: 'message', text, from: { id: 'dl_someone', role: 'user' } }) as TranscriptActivity;

interface Harness {
  store: TranscriptStore;
  clock: { now: number };
}

function evictionPolicy(open: (now: () => number) => Promise<TranscriptStore>): void {
  let harness: Harness;
  beforeEach(async () => {
    const clock = { now: Date.UTC(2026, 0, 5, 9) };
    harness = { store: await open(() => clock.now), clock };
  });
  afterEach(async () => {
    await harness.store.close();
  });

  const alive = async (id: string) => (await harness.store.get(id)) !== undefined;

  it('ends a quiet conversation left exactly QUIET_GRACE_MS ago before an older one where someone spoke', async () => {
    const { store, clock } = harness;
    await store.start('a-spoken', 'dl_user_0001', undefined);
    await store.append('a-spoken', message('bonjour'), { fromUser: true });
    clock.now += 1000;
    await store.start('b-quiet', 'dl_user_0002', undefined);
    clock.now += QUIET_GRACE_MS;
    await store.start('c-new', 'dl_user_0003', undefined);

    expect([await alive('a-spoken'), await alive('b-quiet'), await alive('c-new')]).toEqual([true, false, true]);
  });

  it('ends the least recently used one while no quiet conversation has been left long enough', async () => {
    const { store, clock } = harness;
    await store.start('a-spoken', 'dl_user_0001', undefined);
    await store.append('a-spoken', message('bonjour'), { fromUser: true });
    clock.now += 1000;
    await store.start('b-quiet', 'dl_user_0002', undefined);
    clock.now += QUIET_GRACE_MS - 1;
    await store.start('c-new', 'dl_user_0003', undefined);

    expect([await alive('a-spoken'), await alive('b-quiet'), await alive('c-new')]).toEqual([false, true, true]);
  });

  it('ends the quiet one of two conversations last used in the same millisecond', async () => {
    const { store, clock } = harness;
    // Named so that the spoken one sorts first: the order may not fall back on the ids.
    await store.start('a-spoken', 'dl_user_0001', undefined);
    await store.append('a-spoken', message('bonjour'), { fromUser: true });
    await store.start('b-quiet', 'dl_user_0002', undefined);
    clock.now += 1000;
    await store.start('c-new', 'dl_user_0003', undefined);

    expect([await alive('a-spoken'), await alive('b-quiet'), await alive('c-new')]).toEqual([true, false, true]);
  });
}

describe('eviction order of the memory store', () => {
  evictionPolicy(async (now) => new MemoryTranscriptStore(LIMITS, now));
});

describePostgres('eviction order of the PostgreSQL store', (databaseUrl) => {
  let schema: string;
  let database: Store;
  beforeAll(async () => {
    schema = uniqueSchemaName('maillage_dlevict');
    database = await openStore(withSchema(databaseUrl, schema), createLogger('silent'));
  });
  afterAll(async () => {
    await database.close();
    await dropSchema(databaseUrl, schema);
  });

  // Wake-ups play no part here: a channel that sends nothing.
  const noWakeUps: WakeUpChannel = {
    kind: 'listen/notify',
    publish: async () => undefined,
    onChange: () => undefined,
    onResync: () => undefined,
    close: async () => undefined,
  };
  evictionPolicy(async (now) => {
    const pool = database.postgres!.pool;
    await pool.query('TRUNCATE directline_conversations CASCADE');
    return new PostgresTranscriptStore(pool, noWakeUps, LIMITS, now, createLogger('silent'));
  });
});

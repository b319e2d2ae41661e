import type pg from 'pg';
import { PostgresTranscriptStore } from '../../src/directline/postgresTranscripts';
import type { TranscriptChange, TranscriptLimits } from '../../src/directline/transcripts';
import type { WakeUpChannel } from '../../src/directline/wakeUps';
import { createLogger } from '../../src/log/logger';
import { openStore } from '../../src/storage';
import type { Store } from '../../src/storage/store';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';

/**
 * Races between instances sharing the PostgreSQL transcripts, interleaved on purpose: each instance is a store
 * of its own on the same schema, and one of them is held at a chosen statement while the other goes ahead.
 */

const LIMITS: TranscriptLimits = {
  maxConversations: 100,
  maxTotalBytes: 10 * 1024 * 1024,
  maxConversationBytes: 512 * 1024,
  maxActivitiesPerConversation: 500,
  conversationIdleMs: 60 * 60 * 1000,
};

const noWakeUps: WakeUpChannel = {
  kind: 'listen/notify',
  publish: async () => undefined,
  onChange: () => undefined,
  onResync: () => undefined,
  close: async () => undefined,
};

/** The pool, with the first statement starting with `prefix` held until `release` is called. */
function holdingPool(pool: pg.Pool, prefix: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let reached!: () => void;
  const held = new Promise<void>((resolve) => {
    reached = resolve;
  });
  let holding = true;
  const wrapped = Object.create(pool, {
    query: {
      value: async (...args: Parameters<typeof pool.query>) => {
        if (holding && typeof args[0] === 'string' && args[0].startsWith(prefix)) {
          holding = false;
          reached();
          await released;
        }
        return Reflect.apply(pool.query, pool, args);
      },
    },
  }) as pg.Pool;
  return { pool: wrapped, held, release };
}

describePostgres('PostgreSQL transcripts shared by instances', (databaseUrl) => {
  let schema: string;
  let database: Store;
  beforeEach(async () => {
    schema = uniqueSchemaName('maillage_dlpg');
    database = await openStore(withSchema(databaseUrl, schema), createLogger('silent'));
  });
  afterEach(async () => {
    await database.close();
    await dropSchema(databaseUrl, schema);
  });

  it('restarts an idle conversation once when two instances restart it at the same time', async () => {
    const pool = database.postgres!.pool;
    const clock = { now: Date.UTC(2026, 0, 5, 9) };
    const now = () => clock.now;
    const first = new PostgresTranscriptStore(pool, noWakeUps, LIMITS, now, createLogger('silent'));
    expect((await first.start('c-1', 'dl_user_0001', undefined)).created).toBe(true);
    clock.now += LIMITS.conversationIdleMs + 1000;

    // The second instance finds it idle and is about to delete it; the first restarts it before that delete runs.
    const slow = holdingPool(pool, 'DELETE FROM directline_conversations WHERE id = $1');
    const second = new PostgresTranscriptStore(slow.pool, noWakeUps, LIMITS, now, createLogger('silent'));
    const ended: TranscriptChange[] = [];
    second.onChange((change) => ended.push(change));
    const secondStart = second.start('c-1', 'dl_user_0001', undefined);
    await slow.held;
    const firstStart = await first.start('c-1', 'dl_user_0001', undefined);
    await first.append('c-1', { type: 'message', text: 'Bonjour' } as never);
    slow.release();
    const secondResult = await secondStart;

    // One start made it anew (its greeting is kept); the other found it.
    expect([firstStart.created, secondResult.created]).toEqual([true, false]);
    expect(ended).toEqual([]);
    const page = await second.since('c-1', 0);
    expect(page?.activities).toHaveLength(1);
  });
});

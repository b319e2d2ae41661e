import pg from 'pg';
import { z } from 'zod';
import { MIGRATIONS, openStore, StoreOpenError } from '../../src/storage';
import { openPostgresStore } from '../../src/storage/postgresStore';
import { startTcpProxy } from '../helpers/tcpProxy';
import { silentLog } from '../helpers/logCapture';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { runStoreContract, type StoreHarness } from './storeContract';

const MigrationRowSchema = z.object({ id: z.number() });

describePostgres('PostgreSQL store', (baseUrl) => {
  const schema = uniqueSchemaName();
  const url = withSchema(baseUrl, schema);

  const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: baseUrl, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  afterAll(async () => {
    await dropSchema(baseUrl, schema);
  });

  runStoreContract(
    (): StoreHarness => ({
      open: (log) => openStore(url, log),
      insertRawState: (key, value, etag) =>
        withClient(async (client) => {
          await client.query(
            `INSERT INTO bot_state (key, value, etag) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag`,
            [key, value, etag],
          );
        }),
      setUpdatedAt: (key, date) =>
        withClient(async (client) => {
          await client.query('UPDATE bot_state SET updated_at = $1 WHERE key = $2', [date, key]);
        }),
      appliedMigrationIds: () =>
        withClient(async (client) => (await client.query('SELECT id FROM schema_migrations ORDER BY id')).rows.map((row) => MigrationRowSchema.parse(row).id)),
    }),
  );

  test('tables live in the schema named in the URL', async () => {
    const store = await openStore(url, silentLog);
    await store.close();
    const tables = await withClient(async (client) =>
      (await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema])).rows.map((row) =>
        z.object({ table_name: z.string() }).parse(row).table_name,
      ),
    );
    expect(tables).toEqual(expect.arrayContaining(['bot_state', 'schema_migrations', 'turn_leases']));
  });

  test('a database cut off by the network (no reset, no close) fails a query after its timeout instead of holding it', async () => {
    const target = new URL(baseUrl);
    const relay = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const throughRelay = new URL(baseUrl);
    throughRelay.host = `127.0.0.1:${relay.port}`;
    const store = await openPostgresStore(throughRelay.toString(), schema, 'relay', silentLog, MIGRATIONS, { queryMs: 500 });
    try {
      await store.state.read(['partition-check']);
      relay.silence();
      const started = performance.now();
      await expect(store.state.read(['partition-check'])).rejects.toThrow(/timeout/i);
      // Bounded: without the timeout this read waits as long as the partition lasts (the test's own timeout).
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      relay.cut();
      await store.close().catch(() => undefined);
      await relay.close();
    }
  });

  test('a query waits its turn for a busy pool longer than a connection may take to open', async () => {
    // 200 reports confirmed at once failed here: pg-pool bounded the wait for a free connection with the connect timeout.
    const store = await openPostgresStore(url, schema, 'busy', silentLog, MIGRATIONS, { connectMs: 300, poolWaitMs: 10_000 });
    const pool = store.postgres?.pool;
    if (!pool) throw new Error('a PostgreSQL store shares its pool');
    const held = await Promise.all(Array.from({ length: 10 }, () => pool.connect()));
    try {
      const waiting = store.state.read(['busy-pool-check']);
      await new Promise((resolve) => setTimeout(resolve, 900));
      for (const client of held.splice(0)) client.release();
      await expect(waiting).resolves.toBeDefined();
    } finally {
      for (const client of held) client.release();
      await store.close();
    }
  });

  test('a server that accepts the connection but never answers is given up after the connect timeout, not the pool wait', async () => {
    const target = new URL(baseUrl);
    const relay = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const throughRelay = new URL(baseUrl);
    throughRelay.host = `127.0.0.1:${relay.port}`;
    const store = await openPostgresStore(throughRelay.toString(), schema, 'relay', silentLog, MIGRATIONS, { connectMs: 400, poolWaitMs: 20_000, queryMs: 20_000 });
    try {
      relay.silence();
      relay.cut();
      // The pool drops its idle connection when the cut reaches it; the read then opens a new one.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = performance.now();
      await expect(store.state.read(['silent-check'])).rejects.toThrow(/timeout/i);
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      await store.close().catch(() => undefined);
      await relay.close();
    }
  });

  test('instances opening together migrate once', async () => {
    const freshSchema = uniqueSchemaName();
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openStore(withSchema(baseUrl, freshSchema), silentLog)));
      await Promise.all(stores.map((store) => store.close()));
      const count = await withClient(async (client) => (await client.query(`SELECT count(*)::int AS n FROM "${freshSchema}".schema_migrations`)).rows[0]);
      expect(z.object({ n: z.number() }).parse(count).n).toBe(MIGRATIONS.length);
    } finally {
      await dropSchema(baseUrl, freshSchema);
    }
  });
});

describe('PostgreSQL store, unreachable server', () => {
  test('is refused with StoreOpenError naming the server, without its password', async () => {
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    const opening = openStore('postgres://maillage:s3cret@127.0.0.1:1/nothing', silentLog);
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    await expect(opening).rejects.toThrow('127.0.0.1:1');
    await expect(opening).rejects.not.toThrow('s3cret');
  });
});

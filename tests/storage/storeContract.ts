import { ETagConflictError, type Store } from '../../src/storage';
import { captureLog } from '../helpers/logCapture';
import type { Logger } from '../../src/log/logger';

/** What the shared suite needs from a backend: open more stores on the same database, and reach its rows directly. */
export interface StoreHarness {
  open(log: Logger): Promise<Store>;
  insertRawState(key: string, value: string, etag: string): Promise<void>;
  /** Makes a record look last written at `date`. */
  setUpdatedAt(key: string, date: Date): Promise<void>;
  appliedMigrationIds(): Promise<number[]>;
}

/** The same behaviour is required of every backend; each backend's test file runs this suite. */
export function runStoreContract(harness: () => StoreHarness): void {
  describe('store contract', () => defineContract(harness));
}

function defineContract(harness: () => StoreHarness): void {
  let store: Store;
  const captured = captureLog('warn');

  beforeEach(async () => {
    store = await harness().open(captured.log);
  });
  afterEach(async () => {
    await store.close();
  });

  test('a key never written reads as absent', async () => {
    const { records, corrupt } = await store.state.read(['absent/key']);
    expect(records.size).toBe(0);
    expect(corrupt).toEqual([]);
  });

  test('a written value reads back with an etag', async () => {
    const etags = await store.state.write([{ key: 'conv/a', value: { step: 1, nested: { list: [1, 'two', null] } } }]);
    const { records } = await store.state.read(['conv/a']);
    expect(records.get('conv/a')).toEqual({
      key: 'conv/a',
      value: { step: 1, nested: { list: [1, 'two', null] } },
      etag: etags.get('conv/a'),
      json: JSON.stringify({ step: 1, nested: { list: [1, 'two', null] } }),
      updatedAt: expect.any(Date),
    });
    expect(Math.abs(Date.now() - (records.get('conv/a')?.updatedAt.getTime() ?? 0))).toBeLessThan(60_000);
    expect(etags.get('conv/a')).toMatch(/\S/);
  });

  test('no etag or "*" overwrites, and every write changes the etag', async () => {
    const first = (await store.state.write([{ key: 'conv/b', value: { n: 1 } }])).get('conv/b');
    const second = (await store.state.write([{ key: 'conv/b', value: { n: 2 }, etag: '*' }])).get('conv/b');
    const third = (await store.state.write([{ key: 'conv/b', value: { n: 3 } }])).get('conv/b');
    expect(new Set([first, second, third]).size).toBe(3);
    const { records } = await store.state.read(['conv/b']);
    expect(records.get('conv/b')?.value).toEqual({ n: 3 });
    expect(records.get('conv/b')?.etag).toBe(third);
  });

  test('a write with the current etag succeeds; one with a stale etag is refused and changes nothing', async () => {
    const original = (await store.state.write([{ key: 'conv/c', value: { v: 'original' } }])).get('conv/c');
    const updated = (await store.state.write([{ key: 'conv/c', value: { v: 'updated' }, etag: original }])).get('conv/c');
    expect(updated).not.toBe(original);

    const stale = store.state.write([{ key: 'conv/c', value: { v: 'stale' }, etag: original }]);
    await expect(stale).rejects.toBeInstanceOf(ETagConflictError);
    await expect(stale).rejects.toMatchObject({ key: 'conv/c' });
    const { records } = await store.state.read(['conv/c']);
    expect(records.get('conv/c')).toMatchObject({ value: { v: 'updated' }, etag: updated });
  });

  test('a write with an etag to a missing key is written, as in botbuilder MemoryStorage', async () => {
    await store.state.write([{ key: 'conv/new', value: { fresh: true }, etag: 'some-old-etag' }]);
    const { records } = await store.state.read(['conv/new']);
    expect(records.get('conv/new')?.value).toEqual({ fresh: true });
  });

  test('a batch with one stale etag writes none of its records', async () => {
    const etag = (await store.state.write([{ key: 'batch/1', value: { v: 1 } }])).get('batch/1');
    await store.state.write([{ key: 'batch/1', value: { v: 2 } }]);
    await expect(
      store.state.write([
        { key: 'batch/2', value: { v: 'new' } },
        { key: 'batch/1', value: { v: 'stale' }, etag },
      ]),
    ).rejects.toBeInstanceOf(ETagConflictError);
    const { records } = await store.state.read(['batch/1', 'batch/2']);
    expect(records.get('batch/1')?.value).toEqual({ v: 2 });
    expect(records.has('batch/2')).toBe(false);
  });

  test('of many concurrent writers holding the same etag, exactly one wins', async () => {
    const etag = (await store.state.write([{ key: 'race', value: { winner: 'none' } }])).get('race');
    const other = await harness().open(captured.log);
    try {
      const attempts = Array.from({ length: 12 }, (_, index) =>
        (index % 2 === 0 ? store : other).state.write([{ key: 'race', value: { winner: index }, etag }]),
      );
      const outcomes = await Promise.allSettled(attempts);
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(refused).toHaveLength(11);
      for (const outcome of refused) expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(ETagConflictError);
      const winner = outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
      expect((await other.state.read(['race'])).records.get('race')?.value).toEqual({ winner });
    } finally {
      await other.close();
    }
  });

  test('a second instance on the same database sees writes and is refused on a stale etag', async () => {
    const other = await harness().open(captured.log);
    try {
      const etag = (await store.state.write([{ key: 'shared', value: { by: 'first' } }])).get('shared');
      const seen = (await other.state.read(['shared'])).records.get('shared');
      expect(seen).toEqual({ key: 'shared', value: { by: 'first' }, etag, json: '{"by":"first"}', updatedAt: expect.any(Date) });
      await other.state.write([{ key: 'shared', value: { by: 'second' }, etag }]);
      await expect(store.state.write([{ key: 'shared', value: { by: 'first again' }, etag }])).rejects.toBeInstanceOf(ETagConflictError);
    } finally {
      await other.close();
    }
  });

  test('delete removes keys, and deleting an absent key is not an error', async () => {
    await store.state.write([
      { key: 'del/1', value: { a: 1 } },
      { key: 'del/2', value: { a: 2 } },
    ]);
    await store.state.delete(['del/1', 'del/absent']);
    const { records } = await store.state.read(['del/1', 'del/2']);
    expect([...records.keys()]).toEqual(['del/2']);
    await expect(store.state.delete([])).resolves.toBeUndefined();
  });

  test('state survives closing and reopening the database, and migrations run once', async () => {
    await store.state.write([{ key: 'restart/conv', value: { dialogStack: [{ id: 'main', state: { turn: 3 } }] } }]);
    const before = await harness().appliedMigrationIds();
    await store.close();
    store = await harness().open(captured.log);
    const { records } = await store.state.read(['restart/conv']);
    expect(records.get('restart/conv')?.value).toEqual({ dialogStack: [{ id: 'main', state: { turn: 3 } }] });
    expect(await harness().appliedMigrationIds()).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });

  test('a row with corrupt JSON is reported and skipped; other keys still read; the next write replaces it', async () => {
    await store.state.write([{ key: 'good', value: { ok: true } }]);
    await harness().insertRawState('broken/json', '{"dialogStack": [', 'etag-broken');
    await harness().insertRawState('broken/array', '[1, 2, 3]', 'etag-array');

    const { records, corrupt } = await store.state.read(['good', 'broken/json', 'broken/array']);
    expect([...records.keys()]).toEqual(['good']);
    expect(corrupt).toEqual(
      expect.arrayContaining([
        { key: 'broken/json', reason: 'the stored value is not valid JSON' },
        { key: 'broken/array', reason: 'the stored value is not a JSON object' },
      ]),
    );
    const warnings = captured.lines().filter((line) => line.msg === 'unreadable state record skipped');
    expect(warnings.map((line) => line.key)).toEqual(expect.arrayContaining(['broken/json', 'broken/array']));
    expect(JSON.stringify(warnings)).not.toContain('dialogStack');

    await store.state.write([{ key: 'broken/json', value: { repaired: true } }]);
    expect((await store.state.read(['broken/json'])).records.get('broken/json')?.value).toEqual({ repaired: true });
  });

  test('odd text round-trips exactly: NUL, lone surrogates, emoji, quotes, very long strings', async () => {
    const value = {
      nul: 'a\u0000b',
      lone: 'x\uD800y\uDC00',
      emoji: '👩‍👧 familles 🏠',
      quotes: `'"; DROP TABLE bot_state; --`,
      long: 'é'.repeat(100_000),
    };
    await store.state.write([{ key: "odd/'key\"; --", value }]);
    expect((await store.state.read(["odd/'key\"; --"])).records.get("odd/'key\"; --")?.value).toEqual(value);
  });

  test('a value that is not a JSON object is refused before it is written', async () => {
    await expect(
      store.state.write([
        { key: 'bad/value', value: {} },
        // @ts-expect-error: what a caller outside TypeScript's reach could pass
        { key: 'bad/array', value: ['not', 'an', 'object'] },
      ]),
    ).rejects.toBeInstanceOf(TypeError);
    expect((await store.state.read(['bad/value', 'bad/array'])).records.size).toBe(0);
  });

  test('ping answers while open', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  test('a record last written before usedSince reads as absent; the purge deletes exactly those', async () => {
    await store.state.write([{ key: 'ttl/old', value: { v: 'old' } }, { key: 'ttl/new', value: { v: 'new' } }]);
    await harness().setUpdatedAt('ttl/old', new Date(Date.now() - 25 * 3_600_000));
    const dayAgo = () => new Date(Date.now() - 24 * 3_600_000);
    const { records } = await store.state.read(['ttl/old', 'ttl/new'], { usedSince: dayAgo() });
    expect([...records.keys()]).toEqual(['ttl/new']);
    // Without a cutoff it is still there, until the purge.
    expect((await store.state.read(['ttl/old'])).records.has('ttl/old')).toBe(true);
    expect(await store.state.purgeOlderThan(dayAgo())).toBeGreaterThanOrEqual(1);
    expect([...(await store.state.read(['ttl/old', 'ttl/new'])).records.keys()]).toEqual(['ttl/new']);
    expect(await store.state.purgeOlderThan(dayAgo())).toBe(0);
  });

  test('a write brings an expired record back to life, under a new updated_at', async () => {
    await store.state.write([{ key: 'ttl/revived', value: { v: 1 } }]);
    await harness().setUpdatedAt('ttl/revived', new Date(Date.now() - 48 * 3_600_000));
    await store.state.write([{ key: 'ttl/revived', value: { v: 2 } }]);
    const { records } = await store.state.read(['ttl/revived'], { usedSince: new Date(Date.now() - 3_600_000) });
    expect(records.get('ttl/revived')?.value).toEqual({ v: 2 });
  });

  test('keepUpdatedAt writes the value and leaves the last use where it was; a new record still gets one', async () => {
    const etag = (await store.state.write([{ key: 'ttl/kept', value: { v: 1 } }])).get('ttl/kept');
    const earlier = new Date(Date.now() - 3 * 60_000);
    await harness().setUpdatedAt('ttl/kept', earlier);
    await store.state.write([{ key: 'ttl/kept', value: { v: 2 }, etag, keepUpdatedAt: true }]);
    const kept = (await store.state.read(['ttl/kept'])).records.get('ttl/kept');
    expect(kept?.value).toEqual({ v: 2 });
    expect(kept?.updatedAt.getTime()).toBe(earlier.getTime());
    await store.state.write([{ key: 'ttl/kept', value: { v: 3 } }]);
    expect((await store.state.read(['ttl/kept'])).records.get('ttl/kept')?.updatedAt.getTime()).toBeGreaterThan(earlier.getTime());
    // Its etag is still checked.
    await expect(store.state.write([{ key: 'ttl/kept', value: { v: 4 }, etag, keepUpdatedAt: true }])).rejects.toBeInstanceOf(ETagConflictError);

    await store.state.write([{ key: 'ttl/fresh', value: { v: 1 }, keepUpdatedAt: true }]);
    const fresh = (await store.state.read(['ttl/fresh'], { usedSince: new Date(Date.now() - 60_000) })).records.get('ttl/fresh');
    expect(fresh?.value).toEqual({ v: 1 });
  });

  test('deleteIfUnchanged deletes only the record as it was read', async () => {
    const first = (await store.state.write([{ key: 'cond/del', value: { v: 1 } }])).get('cond/del') ?? '';
    const second = (await store.state.write([{ key: 'cond/del', value: { v: 2 }, etag: first }])).get('cond/del') ?? '';
    expect(await store.state.deleteIfUnchanged('cond/del', first)).toBe(false);
    expect((await store.state.read(['cond/del'])).records.get('cond/del')?.value).toEqual({ v: 2 });
    expect(await store.state.deleteIfUnchanged('cond/del', second)).toBe(true);
    expect((await store.state.read(['cond/del'])).records.size).toBe(0);
    expect(await store.state.deleteIfUnchanged('cond/del', second)).toBe(false);
  });

  test('closed says whether the store was closed', async () => {
    const other = await harness().open(captured.log);
    expect(other.closed).toBe(false);
    await other.close();
    expect(other.closed).toBe(true);
  });
}

import { ConversationTurnLock, TurnLockTimeoutError } from '../../src/bot/turnLock';
import { openStore, type Store, type TurnLeaseRepository } from '../../src/storage';
import { captureLog, silentLog } from '../helpers/logCapture';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records which turns run at the same time as another turn of the same key. */
function overlapWatch() {
  const running = new Map<string, number>();
  const overlaps: string[] = [];
  const order: string[] = [];
  return {
    overlaps,
    order,
    turn: (key: string, label: string, ms: number) => async () => {
      const now = (running.get(key) ?? 0) + 1;
      running.set(key, now);
      if (now > 1) overlaps.push(label);
      order.push(label);
      await sleep(ms);
      running.set(key, (running.get(key) ?? 1) - 1);
      return label;
    },
  };
}

describe('turn lock within one process (SQLite: no lease)', () => {
  test('turns of one conversation run one at a time, in the order they came', async () => {
    const lock = new ConversationTurnLock(null, silentLog);
    const watch = overlapWatch();
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((label) => lock.run('conv', watch.turn('conv', label, 5))));
    expect(results).toEqual(['a', 'b', 'c', 'd']);
    expect(watch.order).toEqual(['a', 'b', 'c', 'd']);
    expect(watch.overlaps).toEqual([]);
    expect(lock.busyConversations).toBe(0);
  });

  test('turns of different conversations do not wait for each other', async () => {
    const lock = new ConversationTurnLock(null, silentLog);
    const started = Date.now();
    await Promise.all(Array.from({ length: 20 }, (_, index) => lock.run(`conv-${index}`, () => sleep(50))));
    expect(Date.now() - started).toBeLessThan(500);
  });

  test('a failed turn lets the next one run, and its error reaches its caller', async () => {
    const lock = new ConversationTurnLock(null, silentLog);
    const failing = lock.run('conv', async () => {
      await sleep(5);
      throw new Error('journey failed');
    });
    const next = lock.run('conv', async () => 'next ran');
    await expect(failing).rejects.toThrow('journey failed');
    await expect(next).resolves.toBe('next ran');
    expect(lock.busyConversations).toBe(0);
  });
});

describePostgres('turn lock across instances sharing PostgreSQL', (baseUrl) => {
  const schema = uniqueSchemaName();
  const url = withSchema(baseUrl, schema);
  let first: Store;
  let second: Store;

  beforeAll(async () => {
    first = await openStore(url, silentLog);
    second = await openStore(url, silentLog);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await dropSchema(baseUrl, schema);
  });

  const leasesOf = (store: Store): TurnLeaseRepository => {
    if (!store.turnLeases) throw new Error('PostgreSQL stores have turn leases');
    return store.turnLeases;
  };

  /** The real repository, with its acquire attempts counted: how often a turn went to the database to wait. */
  const counted = (leases: TurnLeaseRepository) => {
    const counter = { acquires: 0 };
    const repository: TurnLeaseRepository = {
      acquire: (...args) => {
        counter.acquires++;
        return leases.acquire(...args);
      },
      renew: (...args) => leases.renew(...args),
      release: (...args) => leases.release(...args),
      purgeExpired: () => leases.purgeExpired(),
    };
    return { repository, counter };
  };

  test('a lease has one holder at a time; it is free again once released or expired', async () => {
    const leases = leasesOf(first);
    const others = leasesOf(second);
    expect(await leases.acquire('lease/a', 'one', 10_000)).toBe(true);
    expect(await others.acquire('lease/a', 'two', 10_000)).toBe(false);
    expect(await others.renew('lease/a', 'two', 10_000)).toBe(false);
    expect(await leases.renew('lease/a', 'one', 10_000)).toBe(true);
    // Releasing someone else's lease does nothing.
    await others.release('lease/a', 'two');
    expect(await others.acquire('lease/a', 'two', 10_000)).toBe(false);
    await leases.release('lease/a', 'one');
    expect(await others.acquire('lease/a', 'two', 50)).toBe(true);
    await sleep(120);
    // Expired (its holder was killed mid-turn): the next taker gets it, and the old holder has lost it.
    expect(await leases.acquire('lease/a', 'three', 10_000)).toBe(true);
    expect(await others.renew('lease/a', 'two', 10_000)).toBe(false);
    await leases.release('lease/a', 'three');
  });

  test('of many instances racing for a free lease, exactly one gets it', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, index) => leasesOf(index % 2 === 0 ? first : second).acquire('lease/race', `holder-${index}`, 10_000)),
    );
    expect(attempts.filter(Boolean)).toHaveLength(1);
    await leasesOf(first).release('lease/race', `holder-${attempts.indexOf(true)}`);
  });

  test('turns of one conversation on two instances never overlap; waiting in one process asks the database nothing', async () => {
    const one = counted(leasesOf(first));
    const two = counted(leasesOf(second));
    const lockOne = new ConversationTurnLock(one.repository, silentLog);
    const lockTwo = new ConversationTurnLock(two.repository, silentLog);
    const watch = overlapWatch();
    const turns = Array.from({ length: 8 }, (_, index) =>
      (index % 2 === 0 ? lockOne : lockTwo).run('conv/shared', watch.turn('conv/shared', `turn-${index}`, 10)),
    );
    await Promise.all(turns);
    expect(watch.overlaps).toEqual([]);
    expect(watch.order).toHaveLength(8);

    // Four turns queued in one process: one lease for them all, taken at the first try.
    const solo = counted(leasesOf(first));
    const lock = new ConversationTurnLock(solo.repository, silentLog);
    await Promise.all(Array.from({ length: 4 }, (_, index) => lock.run('conv/solo', watch.turn('conv/solo', `solo-${index}`, 5))));
    expect(solo.counter.acquires).toBe(1);
    // Every lease was released at the end of its turns.
    expect(await leasesOf(first).acquire('conv/shared', 'check', 1000)).toBe(true);
    expect(await leasesOf(first).acquire('conv/solo', 'check', 1000)).toBe(true);
    await leasesOf(first).release('conv/shared', 'check');
    await leasesOf(first).release('conv/solo', 'check');
  });

  test('a conversation left locked by a killed process is free again when its lease expires', async () => {
    // The killed process: it took the lease, for 300 ms, and never released it.
    expect(await leasesOf(second).acquire('conv/crashed', 'killed-process', 300)).toBe(true);
    const lock = new ConversationTurnLock(leasesOf(first), silentLog);
    const started = Date.now();
    await expect(lock.run('conv/crashed', async () => 'ran')).resolves.toBe('ran');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  test('a turn gives up waiting after its limit, and the holder keeps its lease', async () => {
    expect(await leasesOf(second).acquire('conv/busy', 'slow-holder', 10_000)).toBe(true);
    const lock = new ConversationTurnLock(leasesOf(first), silentLog, { maxWaitMs: 200 });
    await expect(lock.run('conv/busy', async () => 'ran')).rejects.toBeInstanceOf(TurnLockTimeoutError);
    expect(await leasesOf(second).renew('conv/busy', 'slow-holder', 10_000)).toBe(true);
    await leasesOf(second).release('conv/busy', 'slow-holder');
  });

  test('a long turn keeps its lease by renewing it', async () => {
    const captured = captureLog('warn');
    const lock = new ConversationTurnLock(leasesOf(first), captured.log, { leaseTtlMs: 150 });
    const other = new ConversationTurnLock(leasesOf(second), silentLog, { leaseTtlMs: 150 });
    const watch = overlapWatch();
    await Promise.all([lock.run('conv/long', watch.turn('conv/long', 'long', 600)), sleep(50).then(() => other.run('conv/long', watch.turn('conv/long', 'after', 1)))]);
    expect(watch.order).toEqual(['long', 'after']);
    expect(watch.overlaps).toEqual([]);
    expect(captured.lines().filter((line) => line.msg === 'a turn outlived its conversation lease')).toEqual([]);
  });

  test('expired leases are purged', async () => {
    await leasesOf(first).acquire('conv/left-1', 'gone', 1);
    await leasesOf(first).acquire('conv/left-2', 'gone', 1);
    await sleep(20);
    expect(await leasesOf(second).purgeExpired()).toBeGreaterThanOrEqual(2);
    expect(await leasesOf(second).purgeExpired()).toBe(0);
  });
});

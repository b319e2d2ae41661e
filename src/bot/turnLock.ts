import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger';
import type { TurnLeaseRepository } from '../storage';

/**
 * One turn at a time per conversation. Two turns of one conversation running together both read the same state;
 * the second write is then refused for its stale etag (or, for a conversation's first write, overwrites the first) —
 * measured before this lock: 4 follow-ups of one conversation sent at once on PostgreSQL lost state in 199 of 200
 * conversations.
 * Teams group chats share one conversation, so two partners asking at once do this for real.
 *
 * Two levels:
 * - in this process, a queue per conversation key: a turn waits for the previous one in memory, never in the
 *   database, and costs a Map lookup when nobody is waiting (the SQLite case, one process per file);
 * - across the instances sharing a PostgreSQL database, a lease row per conversation (Store.turnLeases): taken
 *   by the first turn of a local queue, handed from turn to turn while the queue has more, freed when it empties.
 *   A turn that finds the lease held polls with a short, growing, jittered delay, holding no pooled connection
 *   while it waits (a waiter holding one could take the whole pool from the holders that need it to finish).
 *   The lease expires LEASE_TTL_MS after its last renewal, so a process killed mid-turn frees its conversations;
 *   a holder renews it while its turns run.
 */

/** A lease outlives its last renewal by this long: how long a conversation stays blocked after a crash mid-turn. */
const LEASE_TTL_MS = 10_000;
/** A turn gives up waiting after this: longer than a lease left by a crashed process takes to expire. */
const MAX_WAIT_MS = LEASE_TTL_MS + 5_000;
const FIRST_POLL_DELAY_MS = 2;
const MAX_POLL_DELAY_MS = 50;

/** The conversation stayed busy longer than a turn may wait (another instance's turns, or a lease left by a crash). */
export class TurnLockTimeoutError extends Error {
  constructor(
    readonly key: string,
    waitedMs: number,
  ) {
    super(`Gave up waiting for the previous turn of "${key}" after ${waitedMs} ms`);
    this.name = 'TurnLockTimeoutError';
  }
}

export interface TurnLockOptions {
  leaseTtlMs?: number;
  maxWaitMs?: number;
}

/** The turns of one conversation waiting in this process, and the lease they share. */
interface ConversationQueue {
  /** Settles when the last queued turn is over. */
  tail: Promise<void>;
  /** Turns queued or running. */
  length: number;
  lease?: HeldLease;
}

export class ConversationTurnLock {
  private readonly queues = new Map<string, ConversationQueue>();
  /** Names this process in lease rows; each lease adds a counter, so a release never frees someone else's. */
  private readonly instanceId = randomUUID().slice(0, 8);
  private leasesTaken = 0;
  private readonly leaseTtlMs: number;
  private readonly maxWaitMs: number;

  constructor(
    /** Null when one process serves the database (SQLite): the in-memory queue is then enough. */
    private readonly leases: TurnLeaseRepository | null,
    private readonly log: Logger,
    options: TurnLockOptions = {},
  ) {
    this.leaseTtlMs = options.leaseTtlMs ?? LEASE_TTL_MS;
    this.maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  }

  /** Runs `turn` once every earlier turn of `key`, in this process and in the others, is over. */
  async run<T>(key: string, turn: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(key);
    if (!queue) {
      queue = { tail: Promise.resolve(), length: 0 };
      this.queues.set(key, queue);
    }
    queue.length++;
    const previous = queue.tail;
    let done!: () => void;
    queue.tail = new Promise<void>((resolve) => {
      done = resolve;
    });
    try {
      await previous;
      if (this.leases && !queue.lease) queue.lease = await this.acquire(this.leases, key);
      return await turn();
    } finally {
      queue.length--;
      if (queue.length === 0) {
        this.queues.delete(key);
        // Freed before the turn's caller hears it is over, so the next message, wherever it lands, finds it free.
        await queue.lease?.release();
      }
      done();
    }
  }

  /** Conversations with a turn queued or running in this process. */
  get busyConversations(): number {
    return this.queues.size;
  }

  private async acquire(leases: TurnLeaseRepository, key: string): Promise<HeldLease> {
    const holder = `${this.instanceId}:${++this.leasesTaken}`;
    const started = Date.now();
    const deadline = started + this.maxWaitMs;
    let delay = FIRST_POLL_DELAY_MS;
    for (;;) {
      if (await leases.acquire(key, holder, this.leaseTtlMs)) return new HeldLease(leases, key, holder, this.leaseTtlMs, this.log);
      if (Date.now() + delay > deadline) throw new TurnLockTimeoutError(key, Date.now() - started);
      // Jittered, so instances that found it held at the same moment do not all come back at the same moment.
      await sleep(delay * (0.5 + Math.random()));
      delay = Math.min(delay * 2, MAX_POLL_DELAY_MS);
    }
  }
}

class HeldLease {
  private readonly renewal: NodeJS.Timeout;

  constructor(
    private readonly leases: TurnLeaseRepository,
    private readonly key: string,
    private readonly holder: string,
    private readonly ttlMs: number,
    private readonly log: Logger,
  ) {
    // Renewed well before expiry, so one slow renewal does not lose it.
    this.renewal = setInterval(() => void this.renew(), Math.max(1, ttlMs / 3));
    this.renewal.unref();
  }

  private async renew(): Promise<void> {
    try {
      if (!(await this.leases.renew(this.key, this.holder, this.ttlMs))) {
        // The etag check still refuses a stale write; the turn's changes would then be dropped, not the stored state.
        this.log.warn({ leaseHolder: this.holder }, 'a turn outlived its conversation lease');
      }
    } catch (error) {
      this.log.warn({ err: describe(error) }, 'could not renew a conversation lease');
    }
  }

  async release(): Promise<void> {
    clearInterval(this.renewal);
    try {
      await this.leases.release(this.key, this.holder);
    } catch (error) {
      // It expires on its own; until then the conversation's next turn waits for it.
      this.log.warn({ err: describe(error) }, 'could not release a conversation lease');
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(error: unknown): { name?: string; message?: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}

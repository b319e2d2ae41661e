"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConversationTurnLock = exports.TurnLockTimeoutError = void 0;
const node_crypto_1 = require("node:crypto");
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
class TurnLockTimeoutError extends Error {
    key;
    constructor(key, waitedMs) {
        super(`Gave up waiting for the previous turn of "${key}" after ${waitedMs} ms`);
        this.key = key;
        this.name = 'TurnLockTimeoutError';
    }
}
exports.TurnLockTimeoutError = TurnLockTimeoutError;
class ConversationTurnLock {
    leases;
    log;
    queues = new Map();
    /** Names this process in lease rows; each lease adds a counter, so a release never frees someone else's. */
    instanceId = (0, node_crypto_1.randomUUID)().slice(0, 8);
    leasesTaken = 0;
    leaseTtlMs;
    maxWaitMs;
    constructor(
    /** Null when one process serves the database (SQLite): the in-memory queue is then enough. */
    leases, log, options = {}) {
        this.leases = leases;
        this.log = log;
        this.leaseTtlMs = options.leaseTtlMs ?? LEASE_TTL_MS;
        this.maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
    }
    /** Runs `turn` once every earlier turn of `key`, in this process and in the others, is over. */
    async run(key, turn) {
        let queue = this.queues.get(key);
        if (!queue) {
            queue = { tail: Promise.resolve(), length: 0 };
            this.queues.set(key, queue);
        }
        queue.length++;
        const previous = queue.tail;
        let done;
        queue.tail = new Promise((resolve) => {
            done = resolve;
        });
        try {
            await previous;
            if (this.leases && !queue.lease)
                queue.lease = await this.acquire(this.leases, key);
            return await turn();
        }
        finally {
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
    get busyConversations() {
        return this.queues.size;
    }
    async acquire(leases, key) {
        const holder = `${this.instanceId}:${++this.leasesTaken}`;
        const started = Date.now();
        const deadline = started + this.maxWaitMs;
        let delay = FIRST_POLL_DELAY_MS;
        for (;;) {
            if (await leases.acquire(key, holder, this.leaseTtlMs))
                return new HeldLease(leases, key, holder, this.leaseTtlMs, this.log);
            if (Date.now() + delay > deadline)
                throw new TurnLockTimeoutError(key, Date.now() - started);
            // Jittered, so instances that found it held at the same moment do not all come back at the same moment.
            await sleep(delay * (0.5 + Math.random()));
            delay = Math.min(delay * 2, MAX_POLL_DELAY_MS);
        }
    }
}
exports.ConversationTurnLock = ConversationTurnLock;
class HeldLease {
    leases;
    key;
    holder;
    ttlMs;
    log;
    renewal;
    constructor(leases, key, holder, ttlMs, log) {
        this.leases = leases;
        this.key = key;
        this.holder = holder;
        this.ttlMs = ttlMs;
        this.log = log;
        // Renewed well before expiry, so one slow renewal does not lose it.
        this.renewal = setInterval(() => void this.renew(), Math.max(1, ttlMs / 3));
        this.renewal.unref();
    }
    async renew() {
        try {
            if (!(await this.leases.renew(this.key, this.holder, this.ttlMs))) {
                // The etag check still refuses a stale write; the turn's changes would then be dropped, not the stored state.
                this.log.warn({ leaseHolder: this.holder }, 'a turn outlived its conversation lease');
            }
        }
        catch (error) {
            this.log.warn({ err: describe(error) }, 'could not renew a conversation lease');
        }
    }
    async release() {
        clearInterval(this.renewal);
        try {
            await this.leases.release(this.key, this.holder);
        }
        catch (error) {
            // It expires on its own; until then the conversation's next turn waits for it.
            this.log.warn({ err: describe(error) }, 'could not release a conversation lease');
        }
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
function describe(error) {
    return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}
//# sourceMappingURL=turnLock.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConversationStateStore = void 0;
exports.conversationStateKey = conversationStateKey;
const store_1 = require("../storage/store");
/** Conversations whose last write this process remembers (key and etag, about 200 bytes each). */
const REMEMBERED_WRITES = 10_000;
/** Conversations in which nobody has spoken whose state this process keeps (a greeting sent: about 100 bytes each). */
const REMEMBERED_UNSTORED = 10_000;
/** Conversations whose failed turns this process remembers, to tell a broken stored state from a passing fault. */
const REMEMBERED_FAILURES = 1_000;
/** Failed turns in a row on the same stored record after which that record is taken to be what breaks them. */
const FAILURES_BEFORE_RESET = 2;
const HOUR_MS = 3_600_000;
const LAST_USE_PRECISION_MS = 5 * 60_000;
/**
 * The conversation's state, read from the Store at most once per turn and written back only when it changed,
 * with the etag it was read with, so a turn that raced another instance is refused instead of overwriting it.
 * (Turns of one conversation are serialised by the turn lock, src/bot/turnLock.ts, so that refusal is a last guard.)
 *
 * It takes the place of botbuilder's ConversationState + Storage pair, which hashes the whole state three times
 * per turn and copies it twice on the way; that was a fifth of what Maillage cost above the echo bot per turn
 * (see docs/decisions/0003-own-state-and-reused-connectors.md). The storage key is botbuilder's
 * (`channelId/conversations/conversationId`) and the accessors follow botbuilder's StatePropertyAccessor, so
 * a botbuilder dialog set can keep its stack here too.
 */
class ConversationStateStore {
    store;
    turnStateKey = Symbol('maillage.conversationState');
    /** The etag of this process's last write, per conversation, oldest first. */
    ownWrites = new Map();
    /**
     * The state of conversations in which nobody has spoken yet, kept here instead of in the database (see
     * saveChanges), as JSON, oldest first: the greeting is not repeated to a widget opened twice by one process.
     */
    unstored = new Map();
    /** The stored record (etag) that failed turns had read, and how many turns in a row, per conversation. */
    failures = new Map();
    ttlMs;
    /**
     * How exactly the record's last use (updated_at) is kept. A write moves it only when it is older than this: moving
     * it rewrites its index entry, which on SQLite cost a fifth of the state's read and write. And a turn that changes
     * nothing, which writes nothing, writes the record again when it is older than this, so a conversation in use
     * does not expire as if unused. State then expires its time to live after its last use, to within this.
     */
    lastUsePrecisionMs;
    constructor(store, options) {
        this.store = store;
        this.ttlMs = options.ttlHours * HOUR_MS;
        this.lastUsePrecisionMs = Math.min(LAST_USE_PRECISION_MS, this.ttlMs / 4);
    }
    /**
     * A property read through `check` when its record comes from elsewhere: another instance, an older version, a
     * database edited by hand. A record this process wrote (its etag is the one the write returned) holds what the
     * bot's own typed code put there, and is taken as written: checking it again cost a twentieth of a turn.
     * `keep`, when given, makes what is stored of a value set (e.g. less precise than what the turn used).
     */
    createCheckedProperty(name, check, keep) {
        return {
            get: async (context) => {
                const loaded = await this.load(context);
                const stored = loaded.value[name];
                if (loaded.writtenHere && stored !== undefined)
                    return stored;
                const checked = check(stored);
                loaded.value[name] = checked;
                return checked;
            },
            set: async (context, value) => {
                (await this.load(context)).value[name] = keep ? keep(value) : value;
            },
        };
    }
    createProperty(name) {
        const state = this;
        async function get(context, defaultValue) {
            const loaded = await state.load(context);
            if (loaded.value[name] === undefined && defaultValue !== undefined) {
                // As botbuilder does: a default object is copied into the state, so changing it is remembered.
                loaded.value[name] = typeof defaultValue === 'object' ? structuredClone(defaultValue) : defaultValue;
            }
            return loaded.value[name];
        }
        return {
            get,
            async set(context, value) {
                (await state.load(context)).value[name] = value;
            },
            async delete(context) {
                delete (await state.load(context)).value[name];
            },
        };
    }
    /**
     * Reads the conversation's record once per turn; later calls in the same turn get the same object. A record
     * unused for longer than the time to live reads as absent, even if the purge has not removed it yet.
     */
    async load(context) {
        const cached = context.turnState.get(this.turnStateKey);
        if (cached)
            return cached;
        const key = conversationStateKey(context);
        const { records } = await this.store.state.read([key], { usedSince: new Date(Date.now() - this.ttlMs) });
        const record = records.get(key);
        const loaded = record
            ? {
                key,
                value: record.value,
                etag: record.etag,
                storedJson: record.json,
                updatedAt: record.updatedAt,
                writtenHere: this.ownWrites.get(key) === record.etag,
            }
            : { key, value: this.unstoredValue(key), storedJson: '{}', writtenHere: false };
        context.turnState.set(this.turnStateKey, loaded);
        return loaded;
    }
    /**
     * Writes the state back if the turn changed it. A record changed meanwhile by another turn rejects
     * (ETagConflictError). With `create: false`, a conversation that has no record gets none: a turn in which
     * nobody spoke (a conversation update) leaves nothing in the database — the widget's conversation update would
     * otherwise store a row for every page opened — and what it changed (the greeting sent) is kept in this
     * process only, until someone speaks and it is stored with the rest.
     */
    async saveChanges(context, options = {}) {
        const loaded = context.turnState.get(this.turnStateKey);
        if (!loaded)
            return;
        // The turn went through: whatever failed before on this conversation was not its stored state.
        if (this.failures.size > 0)
            this.failures.delete(loaded.key);
        const json = JSON.stringify(loaded.value);
        if (loaded.etag === undefined && options.create === false) {
            if (json !== loaded.storedJson)
                this.keepUnstored(loaded.key, json);
            return;
        }
        const lastUseKept = loaded.updatedAt !== undefined && Date.now() - loaded.updatedAt.getTime() < this.lastUsePrecisionMs;
        // Unchanged: nothing to write, unless an existing record's last use has to move.
        if (json === loaded.storedJson && (loaded.updatedAt === undefined || lastUseKept))
            return;
        const etags = await this.store.state.write([{ key: loaded.key, value: loaded.value, etag: loaded.etag, json, keepUpdatedAt: lastUseKept }]);
        loaded.etag = etags.get(loaded.key);
        loaded.storedJson = json;
        if (!lastUseKept)
            loaded.updatedAt = new Date();
        this.rememberWrite(loaded.key, loaded.etag);
        if (this.unstored.size > 0)
            this.unstored.delete(loaded.key);
    }
    unstoredValue(key) {
        const json = this.unstored.get(key);
        if (json === undefined)
            return {};
        const value = JSON.parse(json);
        return (0, store_1.isStateValue)(value) ? value : {};
    }
    keepUnstored(key, json) {
        this.unstored.delete(key);
        if (this.unstored.size >= REMEMBERED_UNSTORED) {
            const oldest = this.unstored.keys().next();
            if (!oldest.done)
                this.unstored.delete(oldest.value);
        }
        this.unstored.set(key, json);
    }
    rememberWrite(key, etag) {
        this.ownWrites.delete(key);
        if (etag === undefined)
            return;
        if (this.ownWrites.size >= REMEMBERED_WRITES) {
            const oldest = this.ownWrites.keys().next();
            if (!oldest.done)
                this.ownWrites.delete(oldest.value);
        }
        this.ownWrites.set(key, etag);
    }
    /**
     * After a failed turn: what the turn changed is dropped (never written), and the stored record stays as it was,
     * whatever another turn wrote there. Only when the same stored record has now made FAILURES_BEFORE_RESET turns
     * in a row fail is it taken to be what breaks the conversation (it parses, but the code cannot go on from it),
     * and deleted so the next message starts afresh instead of failing for ever — and only if nobody wrote it since
     * (the delete is conditional on its etag). A turn that lost a race (`blameStoredState: false`) never counts.
     * Records that cannot be parsed at all never get this far: the store skips them and the memory's schema replaces
     * what does not fit, so they start afresh at once. Resolves with what was done.
     */
    async dropFailedTurn(context, options) {
        const loaded = context.turnState.get(this.turnStateKey);
        context.turnState.delete(this.turnStateKey);
        if (!loaded?.etag || !options.blameStoredState)
            return 'dropped';
        const previous = this.failures.get(loaded.key);
        const count = previous?.etag === loaded.etag ? previous.count + 1 : 1;
        this.failures.delete(loaded.key);
        if (count < FAILURES_BEFORE_RESET) {
            if (this.failures.size >= REMEMBERED_FAILURES) {
                const oldest = this.failures.keys().next();
                if (!oldest.done)
                    this.failures.delete(oldest.value);
            }
            this.failures.set(loaded.key, { etag: loaded.etag, count });
            return 'dropped';
        }
        this.ownWrites.delete(loaded.key);
        return (await this.store.state.deleteIfUnchanged(loaded.key, loaded.etag)) ? 'reset' : 'dropped';
    }
}
exports.ConversationStateStore = ConversationStateStore;
/**
 * botbuilder's ConversationState key, so records written before this class existed still read back. It is also
 * the key the turns of one conversation are serialised under.
 */
function conversationStateKey(context) {
    const channelId = context.activity?.channelId;
    const conversationId = context.activity?.conversation?.id;
    if (!channelId || !conversationId)
        throw new Error('The activity has no channelId or conversation.id to keep its state under.');
    return `${channelId}/conversations/${conversationId}/`;
}
//# sourceMappingURL=conversationState.js.map
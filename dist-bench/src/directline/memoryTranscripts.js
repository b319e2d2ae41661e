"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MemoryTranscriptStore = void 0;
const transcripts_1 = require("./transcripts");
class MemoryConversation {
    id;
    userId;
    locale;
    lastActiveAt;
    kept = [];
    lastSequence = 0;
    bytes = 0;
    spoken = false;
    constructor(id, userId, locale, lastActiveAt) {
        this.id = id;
        this.userId = userId;
        this.locale = locale;
        this.lastActiveAt = lastActiveAt;
    }
}
class MemoryTranscriptStore {
    limits;
    now;
    kind = 'memory';
    /** Conversations where nobody spoke yet, least recently used first. */
    quiet = new Map();
    /** Conversations where the user posted at least once, least recently used first. */
    spoken = new Map();
    totalBytes = 0;
    changeListeners = new Set();
    constructor(limits, now = Date.now) {
        this.limits = limits;
        this.now = now;
    }
    get counts() {
        return { conversations: this.quiet.size + this.spoken.size, bytes: this.totalBytes };
    }
    async start(conversationId, userId, locale) {
        const existing = this.find(conversationId);
        if (existing) {
            this.use(existing);
            return { conversation: existing, created: false };
        }
        while (this.counts.conversations >= this.limits.maxConversations) {
            if (!this.endLeastRecentlyUsed(undefined))
                break;
        }
        const conversation = new MemoryConversation(conversationId, userId, locale, this.now());
        this.quiet.set(conversationId, conversation);
        return { conversation, created: true };
    }
    async get(conversationId) {
        return this.find(conversationId);
    }
    async append(conversationId, activity, options = {}) {
        const conversation = this.find(conversationId);
        if (!conversation)
            return undefined;
        const sequence = ++conversation.lastSequence;
        const id = (0, transcripts_1.activityId)(conversationId, sequence);
        const json = JSON.stringify({ ...activity, id });
        const bytes = Buffer.byteLength(json);
        conversation.kept.push({ sequence, json, bytes });
        conversation.bytes += bytes;
        this.totalBytes += bytes;
        if (options.fromUser && !conversation.spoken) {
            this.quiet.delete(conversationId);
            conversation.spoken = true;
        }
        this.use(conversation);
        this.trim(conversation);
        while (this.totalBytes > this.limits.maxTotalBytes) {
            if (!this.endLeastRecentlyUsed(conversation))
                break;
        }
        this.emit({ kind: 'appended', conversationId, sequence });
        return { id, sequence };
    }
    async since(conversationId, watermark) {
        const conversation = this.find(conversationId);
        if (!conversation)
            return undefined;
        const activities = conversation.kept.filter((entry) => entry.sequence > watermark).map((entry) => entry.json);
        return { activities, watermark: conversation.lastSequence };
    }
    async lastSequences(conversationIds) {
        const found = new Map();
        for (const id of conversationIds) {
            const conversation = this.find(id);
            if (conversation)
                found.set(id, conversation.lastSequence);
        }
        return found;
    }
    async touch(conversationId) {
        const conversation = this.find(conversationId);
        if (conversation)
            this.use(conversation);
    }
    async purge() {
        const now = this.now();
        let ended = 0;
        for (const map of [this.quiet, this.spoken]) {
            // Least recently used first: the first one still fresh means all after it are too.
            for (const conversation of [...map.values()]) {
                if (!this.isIdle(conversation, now))
                    break;
                this.end(conversation);
                ended++;
            }
        }
        return ended;
    }
    onChange(listener) {
        this.changeListeners.add(listener);
    }
    onResync() {
        // Nothing is ever missed in one process.
    }
    async close() {
        for (const conversation of [...this.quiet.values(), ...this.spoken.values()])
            this.end(conversation);
    }
    find(conversationId) {
        const conversation = this.quiet.get(conversationId) ?? this.spoken.get(conversationId);
        if (conversation && this.isIdle(conversation, this.now())) {
            this.end(conversation);
            return undefined;
        }
        return conversation;
    }
    /** Marks a use: the conversation moves to the most recently used end of its map. */
    use(conversation) {
        conversation.lastActiveAt = this.now();
        const map = conversation.spoken ? this.spoken : this.quiet;
        map.delete(conversation.id);
        map.set(conversation.id, conversation);
    }
    /** Drops the oldest activities past the conversation's budgets, always keeping the newest one. */
    trim(conversation) {
        let drop = 0;
        let bytes = conversation.bytes;
        while (conversation.kept.length - drop > 1 &&
            (bytes > this.limits.maxConversationBytes || conversation.kept.length - drop > this.limits.maxActivitiesPerConversation)) {
            bytes -= conversation.kept[drop].bytes;
            drop++;
        }
        if (drop === 0)
            return;
        conversation.kept.splice(0, drop);
        this.totalBytes -= conversation.bytes - bytes;
        conversation.bytes = bytes;
    }
    /**
     * Ends one conversation other than `keep`: the least recently used quiet one if it has been left for
     * QUIET_GRACE_MS, else the least recently used of all. False when there is none.
     */
    endLeastRecentlyUsed(keep) {
        const oldestQuiet = oldestOf(this.quiet, keep);
        const oldestSpoken = oldestOf(this.spoken, keep);
        const quietAndLeft = oldestQuiet && this.now() - oldestQuiet.lastActiveAt >= transcripts_1.QUIET_GRACE_MS;
        const victim = quietAndLeft || !oldestSpoken || (oldestQuiet && oldestQuiet.lastActiveAt <= oldestSpoken.lastActiveAt) ? oldestQuiet : oldestSpoken;
        if (!victim)
            return false;
        this.end(victim);
        return true;
    }
    isIdle(conversation, now) {
        return now - conversation.lastActiveAt > this.limits.conversationIdleMs;
    }
    end(conversation) {
        const map = conversation.spoken ? this.spoken : this.quiet;
        if (map.get(conversation.id) !== conversation)
            return;
        map.delete(conversation.id);
        this.totalBytes -= conversation.bytes;
        conversation.kept.length = 0;
        conversation.bytes = 0;
        this.emit({ kind: 'ended', conversationId: conversation.id });
    }
    emit(change) {
        for (const listener of this.changeListeners)
            listener(change);
    }
}
exports.MemoryTranscriptStore = MemoryTranscriptStore;
/** The first entry of a map kept in least-recently-used order, skipping `keep`. */
function oldestOf(map, keep) {
    for (const conversation of map.values()) {
        if (conversation !== keep)
            return conversation;
    }
    return undefined;
}
//# sourceMappingURL=memoryTranscripts.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TurnQueue = void 0;
/**
 * The turns of one conversation, one after another in this process, so the bot never sees two at once for it
 * from here (across instances, the bot runtime takes its own per-conversation lock). A conversation's queue
 * is forgotten as soon as it is empty, so memory follows the turns in flight, not the conversations.
 */
class TurnQueue {
    tails = new Map();
    enqueue(conversationId, turn) {
        const previous = this.tails.get(conversationId) ?? Promise.resolve();
        const result = previous.then(turn);
        const tail = result.then(() => undefined, () => undefined);
        this.tails.set(conversationId, tail);
        void tail.then(() => {
            if (this.tails.get(conversationId) === tail)
                this.tails.delete(conversationId);
        });
        return result;
    }
    /** Resolves once the turns queued so far have all ended. */
    async idle() {
        await Promise.all([...this.tails.values()]);
    }
}
exports.TurnQueue = TurnQueue;
//# sourceMappingURL=turnQueue.js.map
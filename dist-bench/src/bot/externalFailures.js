"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.markExternalFailure = markExternalFailure;
exports.isExternalFailure = isExternalFailure;
/**
 * Failures of what a turn relies on outside the bot's own code — the channel that takes its replies: a Bot Connector
 * answering 429 or 503, a region down, a reply that timed out — as opposed to failures of the bot's logic. Only the
 * latter can mean that the stored state is what breaks the conversation (ConversationStateStore.dropFailedTurn):
 * counted against it, a channel throttling for a moment made two turns in a row fail on the same record, and the
 * conversation was deleted. (A write the database refuses never counts: saveChanges forgets the failures first.)
 *
 * Errors are marked where they come out of the client, not recognised by their type afterwards: the SDK's errors
 * (RestError, node's socket errors, MSAL's) are many and not ours, and a mark leaves the error as it is for whoever
 * reads its status or body.
 */
const externalFailures = new WeakSet();
/** Marks `error` as a failure of the channel, and returns it (to be thrown). */
function markExternalFailure(error) {
    if (typeof error === 'object' && error !== null)
        externalFailures.add(error);
    return error;
}
function isExternalFailure(error) {
    return typeof error === 'object' && error !== null && externalFailures.has(error);
}
//# sourceMappingURL=externalFailures.js.map
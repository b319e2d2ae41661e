"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createTurnErrorHandler = createTurnErrorHandler;
const node_crypto_1 = require("node:crypto");
const text_1 = require("../language/text");
const common_1 = require("../messages/common");
const storage_1 = require("../storage");
const externalFailures_1 = require("./externalFailures");
const turnLock_1 = require("./turnLock");
/**
 * The one place a failed turn ends up: the error is logged with a correlation id (never the user's words) and
 * the user gets a plain message with that id.
 *
 * A failed turn loses only what it broke: its unsaved changes are dropped and the conversation's stored state
 * stays as it was before the turn. It used to be cleared, which on a write refused for a stale etag deleted the
 * good state the other turn had just written (issue 8 §3). A turn that lost a race or waited too long for the
 * previous one says nothing about the stored state, nor does one the channel failed (its replies refused or
 * timed out, externalFailures.ts); any other failure counts against it, and a stored state on
 * which turns keep failing is reset (ConversationStateStore.dropFailedTurn), so the conversation is never stuck.
 */
function createTurnErrorHandler(log, conversationState, onTurnFailed) {
    return async (context, error) => {
        const correlationId = (0, node_crypto_1.randomUUID)().slice(0, 8);
        onTurnFailed?.(context.activity?.channelId);
        const raced = error instanceof storage_1.ETagConflictError || error instanceof turnLock_1.TurnLockTimeoutError;
        // A channel refusing or not taking the replies does not make the stored state suspect either.
        const blameStoredState = !raced && !(0, externalFailures_1.isExternalFailure)(error);
        log.error({
            correlationId,
            err: { name: error?.name, message: error?.message, stack: error?.stack },
            channelId: context.activity?.channelId,
            activityType: context.activity?.type,
        }, 'turn failed');
        try {
            const outcome = await conversationState.dropFailedTurn(context, { blameStoredState });
            if (outcome === 'reset')
                log.warn({ correlationId }, 'the stored conversation state failed turns repeatedly and was reset');
        }
        catch (stateError) {
            log.error({ correlationId, err: describe(stateError) }, 'could not reset the conversation state after failed turns');
        }
        if (context.activity?.type !== 'message' && context.activity?.type !== 'event')
            return;
        try {
            const language = (0, text_1.detectLanguage)(context.activity.text ?? '', context.activity.locale);
            await context.sendActivity(`${(0, common_1.say)('turnError', language)} (réf. ${correlationId})`);
        }
        catch (sendError) {
            log.error({ correlationId, err: describe(sendError) }, 'could not tell the user that the turn failed');
        }
    };
}
function describe(error) {
    return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}
//# sourceMappingURL=turnErrors.js.map
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { detectLanguage } from '../language/text';
import type { Logger } from '../log/logger';
import { say } from '../messages/common';
import { ETagConflictError } from '../storage';
import { invokeResponse, isCardAction, messageAnswer } from './cardRefresh';
import type { ConversationStateStore } from './conversationState';
import { isExternalFailure } from './externalFailures';
import { TurnLockTimeoutError } from './turnLock';

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
export function createTurnErrorHandler(log: Logger, conversationState: ConversationStateStore, onTurnFailed?: TurnFailureListener) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const correlationId = randomUUID().slice(0, 8);
    onTurnFailed?.(context.activity?.channelId);
    const raced = error instanceof ETagConflictError || error instanceof TurnLockTimeoutError;
    // A channel refusing or not taking the replies does not make the stored state suspect either.
    const blameStoredState = !raced && !isExternalFailure(error);
    log.error(
      {
        correlationId,
        // Libraries throw strings too (opening_hours does): those are logged as their text, not as an empty object.
        err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : describe(error),
        channelId: context.activity?.channelId,
        activityType: context.activity?.type,
      },
      'turn failed',
    );
    try {
      const outcome = await conversationState.dropFailedTurn(context, { blameStoredState });
      if (outcome === 'reset') log.warn({ correlationId }, 'the stored conversation state failed turns repeatedly and was reset');
    } catch (stateError) {
      log.error({ correlationId, err: describe(stateError) }, 'could not reset the conversation state after failed turns');
    }
    const cardAction = isCardAction(context.activity);
    if (context.activity?.type !== 'message' && context.activity?.type !== 'event' && !cardAction) return;
    try {
      const language = detectLanguage(context.activity.text ?? '', context.activity.locale);
      const notice = `${say('turnError', language)} (réf. ${correlationId})`;
      // A card's button is answered in the invoke response: without one Teams gets a 501 with no body and shows nothing useful.
      await context.sendActivity(cardAction ? invokeResponse(messageAnswer(notice)) : notice);
    } catch (sendError) {
      log.error({ correlationId, err: describe(sendError) }, 'could not tell the user that the turn failed');
    }
  };
}

/** Told of each failed turn (metrics): the channel's answer is a 200 all the same. */
export type TurnFailureListener = (channelId: string | undefined) => void;

/** What is logged of an error: its name and message, never its stack (also the bot's failed typing indicators). */
export function describe(error: unknown): { name?: string; message?: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}

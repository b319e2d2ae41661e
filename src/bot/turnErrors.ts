import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { detectLanguage } from '../language/text';
import type { Logger } from '../log/logger';
import { say } from '../messages/common';
import type { ConversationStateStore } from './conversationState';

/**
 * The one place a failed turn ends up: the error is logged with a correlation id (never the user's words),
 * the user gets a plain message with that id, and the conversation's state is cleared so the next message
 * starts afresh instead of replaying what failed.
 */
export function createTurnErrorHandler(log: Logger, conversationState: ConversationStateStore) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const correlationId = randomUUID().slice(0, 8);
    log.error(
      {
        correlationId,
        err: { name: error?.name, message: error?.message, stack: error?.stack },
        channelId: context.activity?.channelId,
        activityType: context.activity?.type,
      },
      'turn failed',
    );
    try {
      await conversationState.clear(context);
    } catch (stateError) {
      log.error({ correlationId, err: stateError }, 'could not clear the conversation state after a failed turn');
    }
    if (context.activity?.type !== 'message' && context.activity?.type !== 'event') return;
    try {
      const language = detectLanguage(context.activity.text ?? '', context.activity.locale);
      await context.sendActivity(`${say('turnError', language)} (réf. ${correlationId})`);
    } catch (sendError) {
      log.error({ correlationId, err: sendError }, 'could not tell the user that the turn failed');
    }
  };
}

import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config/config';
import type { Logger } from '../log/logger';
import { createTurnErrorHandler } from './turnErrors';

/** The Bot Connector side: channel authentication from the Microsoft App settings (none when they are empty). */
export function createChannelAdapter(config: Config, log: Logger, conversationState: ConversationState): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.botAuth.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.botAuth.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.botAuth.MicrosoftAppType,
    MicrosoftAppTenantId: config.botAuth.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(log, conversationState);
  return adapter;
}

/**
 * Channels that live in this process (the built-in Direct Line endpoint, the terminal chat) reach the bot here,
 * without HTTP and without channel authentication, with replies collected as "expectReplies".
 */
export class InProcessAdapter extends CloudAdapter {
  constructor(log: Logger, conversationState: ConversationState) {
    super(new ConfigurationBotFrameworkAuthentication({}));
    this.onTurnError = createTurnErrorHandler(log, conversationState);
  }

  async deliver(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const response = await this.processActivity('', { ...activity, deliveryMode: 'expectReplies' } as Activity, logic);
    const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  }
}

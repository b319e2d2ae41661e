import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { AuthenticationError } from 'botframework-connector';
import type { Request, Response } from 'restify';
import type { Config } from '../config/config';
import type { Logger } from '../log/logger';
import { HttpProblem } from '../server/errors';
import type { ConversationStateStore } from './conversationState';
import { ReusedConnectorsAuthentication } from './reusedConnectors';
import { createTurnErrorHandler } from './turnErrors';

/** The Bot Connector side: channel authentication from the Microsoft App settings (none when they are empty). */
export class ChannelAdapter extends CloudAdapter {
  constructor(config: Config, log: Logger, conversationState: ConversationStateStore) {
    super(
      new ReusedConnectorsAuthentication({
        MicrosoftAppId: config.botAuth.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.botAuth.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.botAuth.MicrosoftAppType,
        MicrosoftAppTenantId: config.botAuth.MicrosoftAppTenantId ?? '',
      }),
    );
    this.onTurnError = createTurnErrorHandler(log, conversationState);
  }

  /**
   * One POST /api/messages whose activity the server's guard has already read and checked (`req.body`). What
   * CloudAdapter.process would do after its own parsing: authenticate, run the turn, answer with the invoke or
   * expectReplies body. A refused token becomes the catalogue's 401 instead of the SDK's error text.
   */
  async processChannelRequest(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = validateAndFixActivity(req.body as Activity);
    const authorization = req.header('authorization') ?? '';
    try {
      const invokeResponse = await this.processActivity(authorization, activity, logic);
      if (invokeResponse?.body !== undefined) res.send(invokeResponse.status ?? 200, invokeResponse.body);
      else res.send(invokeResponse?.status ?? 200);
    } catch (error) {
      if (error instanceof AuthenticationError) throw new HttpProblem('unauthorized');
      throw error;
    }
  }
}

/**
 * Channels that live in this process (the built-in Direct Line endpoint, the terminal chat) reach the bot here,
 * without HTTP and without channel authentication, with replies collected as "expectReplies".
 */
export class InProcessAdapter extends CloudAdapter {
  constructor(log: Logger, conversationState: ConversationStateStore) {
    super(new ReusedConnectorsAuthentication({}));
    this.onTurnError = createTurnErrorHandler(log, conversationState);
  }

  async deliver(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const response = await this.processActivity('', { ...activity, deliveryMode: 'expectReplies' } as Activity, logic);
    const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  }
}

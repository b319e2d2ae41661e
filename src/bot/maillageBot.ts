import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { ConversationStateStore } from './conversationState';

/** What answers a turn: the dialogs (dialogs/mainDialog.ts), given to the bot when it is built. */
export interface TurnHandler {
  /** A message, a shared position or a card's action. */
  run(context: TurnContext): Promise<void>;
  /** Someone joined the conversation: hello, once. */
  greet(context: TurnContext): Promise<void>;
}

/**
 * Routes each activity by type: messages and shared positions go to the main dialog, a conversation's first
 * contact gets a greeting. State is saved after every turn, so a restart or another instance picks up the thread.
 */
export class MaillageBot extends TeamsActivityHandler {
  constructor(
    private readonly conversationState: ConversationStateStore,
    private readonly mainDialog: TurnHandler,
  ) {
    super();

    this.onMessage(async (context, next) => {
      await this.mainDialog.run(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === 'location') await this.mainDialog.run(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const someoneElseJoined = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      if (someoneElseJoined) await this.mainDialog.greet(context);
      await next();
    });
  }

  /** Teams' Action.Execute: the card's data is read like an Action.Submit, and the answer posted in the chat. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    _invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    await this.mainDialog.run(context);
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: {} };
  }

  /**
   * botbuilder answers an invoke it has no handler for with 501; a channel sending one we do not offer is a
   * client error, so it gets a 4xx like any other request we cannot serve.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response?.status === 501) {
      return { status: 400, body: { error: { code: 'unsupported_invoke', message: 'This bot does not handle this invoke.' } } };
    }
    return response;
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    // A conversation is remembered from the moment someone speaks in it: the conversation update a channel sends
    // when a widget opens (greeted, then often left) writes no record, nor does any other activity nobody typed.
    await this.conversationState.saveChanges(context, { create: SPOKEN_ACTIVITY_TYPES.has(context.activity.type) });
  }
}

/** A message, a shared position (event), a card's action (invoke): what a person did. */
const SPOKEN_ACTIVITY_TYPES: ReadonlySet<string> = new Set(['message', 'event', 'invoke']);

import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TurnContext,
} from 'botbuilder';
import { detectLanguage } from '../language/text';
import type { Logger } from '../log/logger';
import { TEAMS_CHANNEL_ID } from '../shared/channels';
import { ANSWERED_BY_CARD_REFRESH, answerCardAction, messageAnswer } from './cardRefresh';
import type { ConversationStateStore } from './conversationState';
import type { ComposeMessageExtension } from './messageExtension';
import {
  addsTheBot,
  isAddressedToBot,
  isSharedConversation,
  isTenantRefused,
  teamsPolicyMessages,
  TENANT_REFUSED_INVOKE_BODY,
  tenantOf,
} from './teamsPolicy';
import { describe } from './turnErrors';
import { withTypingIndicator, type TypingOptions } from './typing';

/** What answers a turn: the dialogs (dialogs/mainDialog.ts), given to the bot when it is built. */
export interface TurnHandler {
  /** A message, a shared position or a card's action. */
  run(context: TurnContext): Promise<void>;
  /** Someone joined the conversation: hello, once. */
  greet(context: TurnContext): Promise<void>;
}

/** How the bot behaves in Teams; all optional, so a bot built without them answers every tenant. */
export interface MaillageBotOptions {
  /** ALLOWED_TENANTS, lower case; undefined or empty: any tenant. */
  allowedTenants?: readonly string[];
  /** Refusals and failed typing indicators are logged here, without the user's words. */
  log?: Logger;
  typing?: TypingOptions;
  /** The compose box's search (src/bot/messageExtension.ts); without it its invokes get the 400 of an unknown invoke. */
  messageExtension?: ComposeMessageExtension;
}

/** Set on a turn that welcomed a team or a group chat: its state is stored although nobody spoke. */
const WELCOMED_SHARED = Symbol('maillage.welcomedShared');

/**
 * Routes each activity by type: messages and shared positions go to the main dialog, a conversation's first
 * contact gets a greeting. State is saved after every turn, so a restart or another instance picks up the thread.
 */
export class MaillageBot extends TeamsActivityHandler {
  private readonly typing: TypingOptions;

  constructor(
    private readonly conversationState: ConversationStateStore,
    private readonly mainDialog: TurnHandler,
    private readonly options: MaillageBotOptions = {},
  ) {
    super();
    const log = options.log?.child({ module: 'maillageBot' });
    this.typing = {
      ...options.typing,
      onFailure: options.typing?.onFailure ?? ((error) => log?.warn({ err: describe(error) }, 'typing indicator not sent')),
    };

    this.onMessage(async (context, next) => {
      await withTypingIndicator(context, () => this.mainDialog.run(context), this.typing);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === 'location') await this.mainDialog.run(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const activity = context.activity;
      if (isSharedConversation(activity)) {
        // A team or a group chat is welcomed when the bot is added, once: not again for each person who joins it.
        // The greeting is remembered in the conversation's stored state (MainDialog.greet), kept across restarts.
        if (addsTheBot(activity)) {
          await this.mainDialog.greet(context);
          context.turnState.set(WELCOMED_SHARED, true);
        }
      } else {
        const botId = activity.recipient?.id;
        const someoneElseJoined = (activity.membersAdded ?? []).some((member) => member.id !== botId);
        // Teams announces a personal installation with the bot alone in membersAdded.
        if (someoneElseJoined || (activity.channelId === TEAMS_CHANNEL_ID && addsTheBot(activity))) await this.mainDialog.greet(context);
      }
      await next();
    });
  }

  /**
   * Teams' Action.Execute: the card's data is read like an Action.Submit, and the answer replaces the clicked card
   * (cardRefresh.ts sends it as the invoke response).
   */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    _invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    await answerCardAction(context, () => this.mainDialog.run(context));
    return ANSWERED_BY_CARD_REFRESH;
  }

  /** The compose box's search: the invoke's raw value is parsed there (a malformed one gets a 400). */
  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const extension = this.options.messageExtension;
    return extension ? extension.query(context, context.activity.value) : super.handleTeamsMessagingExtensionQuery(context, query);
  }

  /** A search result's preview tapped: its card, made afresh. */
  protected override async handleTeamsMessagingExtensionSelectItem(context: TurnContext, query: unknown): Promise<MessagingExtensionResponse> {
    const extension = this.options.messageExtension;
    return extension ? extension.selectItem(context, context.activity.value) : super.handleTeamsMessagingExtensionSelectItem(context, query);
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

  /**
   * Who is answered at all, before any dialog: a tenant not on the allow-list gets a short refusal (a 403 for an
   * invoke), and in a channel or a group chat a message that does not @mention the bot is left to the people.
   */
  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (isTenantRefused(activity, this.options.allowedTenants)) {
      this.options.log?.info(
        { channelId: activity.channelId, activityType: activity.type, invoke: activity.type === 'invoke' ? activity.name : undefined, tenantId: tenantOf(activity) },
        'activity from a tenant not allowed refused',
      );
      const refusal = teamsPolicyMessages.tenantRefused[detectLanguage(activity.text ?? '', activity.locale)];
      if (activity.type === 'message') {
        await context.sendActivity(refusal);
      } else if (activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: tenantRefusedInvoke(activity.name, refusal) });
      }
      return;
    }
    if (activity.type === 'message' && !isAddressedToBot(activity)) return;
    await super.onTurnActivity(context);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    // A conversation is remembered from the moment someone speaks in it: the conversation update a channel sends
    // when a widget opens (greeted, then often left) writes no record, nor does any other activity nobody typed.
    // A team's welcome is the exception: it is stored, so that no instance welcomes the same team again.
    const create = SPOKEN_ACTIVITY_TYPES.has(context.activity.type) || context.turnState.get(WELCOMED_SHARED) === true;
    await this.conversationState.saveChanges(context, { create });
  }
}

/**
 * What an invoke from a tenant not allowed gets. Where Teams shows an invoke's answer to the person — the compose
 * box's search, a card's button — the same sentence as a message gets, as Teams displays it (a 200, since Teams
 * shows a generic error for anything else); any other invoke a 403 with its code.
 */
function tenantRefusedInvoke(name: string | undefined, refusal: string): { status: number; body: unknown } {
  if (name === 'composeExtension/query' || name === 'composeExtension/selectItem') {
    return { status: 200, body: { composeExtension: { type: 'message', text: refusal } } };
  }
  if (name === 'adaptiveCard/action') {
    return { status: 200, body: messageAnswer(refusal) };
  }
  return { status: 403, body: TENANT_REFUSED_INVOKE_BODY };
}

/** A message, a shared position (event), a card's action (invoke): what a person did. */
const SPOKEN_ACTIVITY_TYPES: ReadonlySet<string> = new Set(['message', 'event', 'invoke']);

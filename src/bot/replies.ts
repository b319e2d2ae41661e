import { ActionTypes, ActivityTypes, CardFactory, MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import { textIntoCards } from '../cards/teamsMessage';
import { TEAMS_CHANNEL_ID } from '../shared/channels';

/** What a journey answers in one turn, whatever service produced it. */
export interface BotReply {
  text: string;
  cards?: object[];
  suggestions?: string[];
  /** The widget highlights its "share my position" button when this is set. */
  askLocation?: boolean;
}

const MAX_SUGGESTIONS = 6;

/**
 * One message: the readable text, the cards stacked as a list (never a carousel: on a phone its arrows leave the
 * panel and each card is cut to the carousel's width), and quick replies.
 */
export async function sendReply(context: TurnContext, reply: BotReply): Promise<void> {
  // Teams shows a message's text above its cards: there the text goes into the first card (src/cards/teamsMessage.ts).
  const inTeams = context.activity.channelId === TEAMS_CHANNEL_ID && (reply.cards ?? []).length > 0 ? textIntoCards(reply.text, reply.cards ?? []) : null;
  const attachments: Attachment[] = (inTeams?.cards ?? reply.cards ?? []).map((card) => CardFactory.adaptiveCard(card));
  const message = inTeams ? MessageFactory.list(attachments) : attachments.length > 0 ? MessageFactory.list(attachments, reply.text) : MessageFactory.text(reply.text);
  if (inTeams) message.summary = inTeams.summary;
  message.attachmentLayout = 'list';
  message.textFormat = 'markdown';
  const suggestions = (reply.suggestions ?? []).slice(0, MAX_SUGGESTIONS);
  if (suggestions.length > 0) {
    message.suggestedActions = {
      to: [context.activity.from?.id].filter((id): id is string => typeof id === 'string'),
      actions: suggestions.map((title) => ({ type: ActionTypes.ImBack, title, value: title })),
    };
  }
  if (reply.askLocation) message.channelData = { maillage: { askLocation: true } };
  message.type = ActivityTypes.Message;
  await context.sendActivity(message);
}

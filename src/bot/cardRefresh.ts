import {
  ActivityTypes,
  CardFactory,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import { answerInChatCard, refreshedCard, type RefreshedAnswer, type RefreshedCard, type RepliedMessage } from '../cards/refreshedCard';
import { detectLanguage } from '../language/text';
import { cardRefreshTexts } from '../messages/cardRefresh';
import { isSharedConversation } from './teamsPolicy';

/**
 * Teams' Action.Execute (`adaptiveCard/action`) is answered in the invoke response, and a card there replaces the
 * clicked card for the person who clicked it. The journeys answer a card's button as they answer a message
 * (`context.sendActivity`); here their messages are held back while they run and become that card
 * (src/cards/refreshedCard.ts), so the chat gets no second copy and a summary loses its « Confirmer » once used.
 */

const ADAPTIVE_CARD = CardFactory.contentTypes.adaptiveCard;
const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

/** The Universal Actions response: a card that replaces the clicked one, or a short text Teams shows as a notice. */
export type CardActionAnswer =
  | { statusCode: 200; type: typeof CARD_RESPONSE; value: RefreshedCard }
  | { statusCode: 200; type: typeof MESSAGE_RESPONSE; value: string };

/**
 * What onAdaptiveCardInvoke hands back to botbuilder once answerCardAction has sent the answer. It is never sent:
 * ActivityHandler sends no invokeResponse of its own when the turn already has one. The answer is sent here
 * because botbuilder types the response's value as an object, while a message response's value is a string.
 */
export const ANSWERED_BY_CARD_REFRESH: AdaptiveCardInvokeResponse = Object.freeze({ statusCode: 200, type: MESSAGE_RESPONSE, value: {} });

/**
 * Runs the card action's turn (`run`, the main dialog) with its messages held back, then sends the invoke's answer:
 * the refreshed card, or a short notice when nothing was said. An answer of several cards, or too large for a card,
 * is posted in the chat as it was, and the refreshed card says so. A failing `run` is not caught: the
 * turn error handler answers the invoke (turnErrors.ts).
 */
export async function answerCardAction(context: TurnContext, run: () => Promise<void>): Promise<CardActionAnswer> {
  const held = await holdingMessages(context, run);
  const language = detectLanguage(context.activity.text ?? '', context.activity.locale);
  // A card holds Adaptive Cards only: another kind of attachment keeps the answer in the chat, where it shows.
  const renderable = held.every((activity) => (activity.attachments ?? []).every((attachment) => attachment.contentType === ADAPTIVE_CARD));
  const answerInChat = cardRefreshTexts.answerInChat[language];
  const refreshed: RefreshedAnswer = renderable ? refreshedCard(held.map(repliedMessage), answerInChat, { quickReplies: !isSharedConversation(context.activity) }) : { kind: 'inChat', card: answerInChatCard(answerInChat) };

  let answer: CardActionAnswer;
  switch (refreshed.kind) {
    case 'nothing':
      answer = messageAnswer(cardRefreshTexts.nothingToShow[language]);
      break;
    case 'card':
      answer = cardAnswer(refreshed.card);
      break;
    case 'inChat':
      await context.sendActivities(held);
      answer = cardAnswer(refreshed.card);
      break;
  }
  await context.sendActivity(invokeResponse(answer));
  return answer;
}

/** A short notice as the answer to a card action (also the turn error handler's, with its reference). */
export function messageAnswer(text: string): CardActionAnswer {
  return { statusCode: 200, type: MESSAGE_RESPONSE, value: text };
}

/** The activity that carries a card action's answer in the HTTP response (status 200, the answer as its body). */
export function invokeResponse(answer: CardActionAnswer): Partial<Activity> {
  return { type: ActivityTypes.InvokeResponse, value: { status: 200, body: answer } };
}

export function isCardAction(activity: Partial<Activity> | undefined): boolean {
  return activity?.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action';
}

function cardAnswer(card: RefreshedCard): CardActionAnswer {
  return { statusCode: 200, type: CARD_RESPONSE, value: card };
}

/**
 * The messages `run` sends, held instead of sent; anything else (the invoke response, typing, traces) goes through,
 * and once `run` has ended, messages do too (the held ones may then be posted).
 */
async function holdingMessages(context: TurnContext, run: () => Promise<void>): Promise<Partial<Activity>[]> {
  const held: Partial<Activity>[] = [];
  let holding = true;
  context.onSendActivities(async (_context, activities, next) => {
    if (!holding || !activities.some(isMessage)) return next();
    const all = [...activities];
    held.push(...all.filter(isMessage));
    // The array is the one botbuilder sends once the handlers are done: only what is not a message stays in it.
    activities.splice(0, activities.length, ...all.filter((activity) => !isMessage(activity)));
    const sent: ResourceResponse[] = activities.length > 0 ? await next() : [];
    // One response per activity asked for, in order, as sendActivities promises; a held message has no id yet.
    let sentIndex = 0;
    return all.map((activity) => (isMessage(activity) ? { id: '' } : (sent[sentIndex++] ?? { id: '' })));
  });
  try {
    await run();
  } finally {
    holding = false;
  }
  return held;
}

function isMessage(activity: Partial<Activity>): boolean {
  return (activity.type ?? ActivityTypes.Message) === ActivityTypes.Message;
}

/** A held message as refreshedCard reads it: its text, its Adaptive Cards' contents, its imBack quick replies. */
function repliedMessage(activity: Partial<Activity>): RepliedMessage {
  const cards = (activity.attachments ?? []).flatMap((attachment) => (isRecord(attachment.content) ? [attachment.content] : []));
  const suggestions = (activity.suggestedActions?.actions ?? []).flatMap((action) => {
    if (action.type !== 'imBack') return [];
    const words = typeof action.value === 'string' ? action.value : action.title;
    return typeof words === 'string' ? [words] : [];
  });
  return { text: typeof activity.text === 'string' ? activity.text : '', cards, suggestions };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

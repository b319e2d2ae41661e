import { cardMarkdown } from './reportCards';
import { z } from 'zod';

/**
 * The card that replaces a card whose button was pressed in Teams (Universal Actions, `adaptiveCard/action`): the
 * answer takes the clicked card's place, so the card never keeps buttons that no longer apply (a summary's
 * « Confirmer » after the receipt) and the chat gets no second message. Adaptive Cards 1.5, plain JSON; the replies
 * are collected and the card sent by src/bot/cardRefresh.ts.
 */

/** One message a journey answered, as src/bot/replies.ts builds it (our own output: not parsed again). */
export interface RepliedMessage {
  /** Already escaped Markdown (src/messages): shown as written. */
  text: string;
  /** The contents of its Adaptive Card attachments, in order. */
  cards: Array<Record<string, unknown>>;
  /** Its quick replies (imBack): the words the user sends by tapping one. */
  suggestions: string[];
}

/** A type, not an interface, so that it is a `Record<string, unknown>` where botbuilder wants one. */
export type RefreshedCard = {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: unknown[];
  actions?: unknown[];
};

export type RefreshedAnswer =
  /** Nothing to show: the journey said nothing. */
  | { kind: 'nothing' }
  /** The answer as one card. */
  | { kind: 'card'; card: RefreshedCard }
  /** Several cards, or too large for one: the replies go to the chat as they were, in order, and the card says so. */
  | { kind: 'inChat'; card: RefreshedCard };

/** Teams shows at most six buttons under a card; more are cut or crowd a phone's screen. */
export const MAX_CARD_ACTIONS = 6;

/**
 * Teams refuses a message larger than about 28 KB. The card travels inside the invoke response's envelope
 * (`{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":…}`), so its own JSON is held to
 * 28,000 bytes, under 28 KB read either as 28,000 or 28,672 bytes with room left for the envelope.
 */
export const MAX_REFRESHED_CARD_BYTES = 28_000;

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Only what the refreshed card takes from a card; anything malformed in it counts as absent. */
const CardPartsSchema = z.object({
  body: z.array(z.unknown()).catch([]),
  actions: z.array(z.unknown()).catch([]),
});
const TitledSchema = z.object({ title: z.string() });

/**
 * The replies of one card action as the card that replaces the clicked one: each reply's text as a wrapped
 * TextBlock, then the body and buttons of its card (the next step of a form still works from it), then the quick
 * replies as buttons that post their words as the user's message, at most MAX_CARD_ACTIONS buttons in all.
 * An answer of several cards (a list of services) reads in its order only in the chat, as does one too large for a
 * card: `answerInChat` is then the short card's text. `quickReplies` is false where a tapped quick reply would not
 * reach the bot (group chats and channels, where it reads only messages that @mention it).
 */
export function refreshedCard(replies: readonly RepliedMessage[], answerInChat: string, options: { quickReplies: boolean } = { quickReplies: true }): RefreshedAnswer {
  const texts = replies.map((reply) => reply.text).filter((text) => text.trim() !== '');
  const cards = replies.flatMap((reply) => reply.cards);
  if (cards.length > 1) return { kind: 'inChat', card: answerInChatCard(answerInChat) };
  const lastCard = cards.at(-1);
  const last = lastCard ? CardPartsSchema.parse(lastCard) : { body: [], actions: [] };
  // In a chat only the last message keeps its quick replies: the card does as the chat would.
  const suggestions = options.quickReplies ? (replies.at(-1)?.suggestions ?? []) : [];
  const quickReplies = quickReplyButtons(suggestions, last.actions);
  if (texts.length === 0 && cards.length === 0 && quickReplies.length === 0) return { kind: 'nothing' };

  const actions = [...last.actions, ...quickReplies].slice(0, MAX_CARD_ACTIONS);
  const card: RefreshedCard = {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: '1.5',
    body: [...texts.flatMap((text) => lineBlocks(textLines(text))), ...last.body],
    ...(actions.length > 0 ? { actions } : {}),
  };
  if (jsonBytes(card) > MAX_REFRESHED_CARD_BYTES) return { kind: 'inChat', card: answerInChatCard(answerInChat) };
  return { kind: 'card', card };
}

/** A message's lines that show something: blank lines only space a chat's message out. */
export function textLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/**
 * A reply's lines as TextBlocks, one each (also src/cards/teamsMessage.ts's): a chat shows each line of a message on
 * its own, while a TextBlock's Markdown joins lines a single newline separates into one paragraph (a sheet's name ran
 * into its plan's).
 */
export function lineBlocks(lines: readonly string[]): object[] {
  return lines.map((line, index) => ({ type: 'TextBlock', text: cardMarkdown(line), wrap: true, ...(index > 0 ? { spacing: 'Small' } : {}) }));
}

/** The short card that stands for an answer posted in the chat. */
export function answerInChatCard(text: string): RefreshedCard {
  return { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] };
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Quick replies as card buttons: an Action.Submit with Teams' imBack, which Teams posts as the user's own message.
 * One that repeats a button the card already has (the summary offers « Confirmer » both ways) is left out.
 */
function quickReplyButtons(suggestions: readonly string[], cardActions: readonly unknown[]): object[] {
  const seen = new Set(cardActions.map((action) => TitledSchema.safeParse(action)).flatMap((parsed) => (parsed.success ? [titleKey(parsed.data.title)] : [])));
  const buttons: object[] = [];
  for (const title of suggestions) {
    const key = titleKey(title);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    buttons.push({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: title } } });
  }
  return buttons;
}

function titleKey(title: string): string {
  return title.trim().toLocaleLowerCase('fr');
}

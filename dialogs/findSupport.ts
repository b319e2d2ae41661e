import type { TurnContext } from 'botbuilder';
import type { DateTime } from 'luxon';
import { sendReply } from '../src/bot/replies';
import type { UserTurn } from '../src/bot/userTurn';
import type { CommuneIndex } from '../src/geo';
import { answerOfferQuery, type OfferIndex } from '../src/offer';
import type { ConversationMemory } from './conversationMemory';
import type { OneTurnJourney } from './journey';

/**
 * A parent looks for parenting support near them: a kind of help, a place (commune, postcode or shared position),
 * a day, the age of their children. The bot asks only for what is missing, usually the place, and then offers to
 * use their position; follow-ups ("et à Givors ?", "d'autres ?", "plus loin") refine the same search.
 * The parent's position stays in this conversation's memory and nowhere else.
 */
export class FindSupport implements OneTurnJourney {
  readonly id = 'findSupport';

  constructor(
    private readonly offer: OfferIndex,
    private readonly communes: CommuneIndex,
    private readonly now: () => DateTime,
  ) {}

  async answer(context: TurnContext, turn: UserTurn, memory: ConversationMemory): Promise<void> {
    const result = answerOfferQuery(this.offer, this.communes, turn.text, memory.offer, {
      position: turn.position,
      now: this.now(),
      language: turn.language,
    });
    memory.offer = result.conversation;
    memory.lastTopic = 'offer';
    await sendReply(context, {
      text: result.text,
      cards: result.cards,
      suggestions: result.suggestions,
      askLocation: result.askLocation,
    });
  }
}

import { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
import { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
import type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
import type { DateTime } from 'luxon';
import { sendReply } from '../src/bot/replies';
import type { UserTurn } from '../src/bot/userTurn';
import type { CommuneIndex } from '../src/geo';
import { answerOfferQuery, type OfferIndex } from '../src/offer';
import type { ConversationMemory } from './conversationMemory';

export const FIND_SUPPORT_DIALOG = 'findSupportDialog';

export interface FindSupportOptions {
  turn: UserTurn;
  memory: ConversationMemory;
}

/**
 * A parent looks for parenting support near them: a kind of help, a place (commune, postcode or shared position),
 * a day, the age of their children. The bot asks only for what is missing, usually the place, and offers to use
 * their position; follow-ups ("et à Givors ?", "d'autres ?") refine the same search.
 */
export class FindSupportDialog extends ComponentDialog {
  constructor(
    private readonly offer: OfferIndex,
    private readonly communes: CommuneIndex,
    private readonly now: () => DateTime,
  ) {
    super(FIND_SUPPORT_DIALOG);
    this.addDialog(new WaterfallDialog(`${FIND_SUPPORT_DIALOG}.search`, [this.search.bind(this)]));
    this.initialDialogId = `${FIND_SUPPORT_DIALOG}.search`;
  }

  private async search(step: WaterfallStepContext<FindSupportOptions>) {
    const { turn, memory } = step.options;
    const result = answerOfferQuery(this.offer, this.communes, turn.text, memory.offer, {
      position: turn.position,
      now: this.now(),
      language: turn.language,
    });
    memory.offer = result.conversation;
    memory.lastTopic = 'offer';
    await sendReply(step.context, {
      text: result.text,
      cards: result.cards,
      suggestions: result.suggestions,
      askLocation: result.askLocation,
    });
    return step.endDialog(result.outcome);
  }
}

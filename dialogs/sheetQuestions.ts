import type { TurnContext } from 'botbuilder';
import { sendReply } from '../src/bot/replies';
import type { UserTurn } from '../src/bot/userTurn';
import { answerSheetQuestion, type SheetIndex } from '../src/sheets';
import type { ConversationMemory } from './conversationMemory';
import type { OneTurnJourney } from './journey';

/**
 * A partner asks about the action sheets: a field of a sheet ("qui pilote la PA 3.2.1 ?"), a topic, a list across
 * sheets, a term of the glossary, or a follow-up on the sheet being discussed ("et ses indicateurs ?").
 * The answer quotes the sheet's own words and names the sheet and its plan; the sheet becomes the current one.
 */
export class SheetQuestions implements OneTurnJourney {
  readonly id = 'sheetQuestions';

  constructor(private readonly sheets: SheetIndex) {}

  async answer(context: TurnContext, turn: UserTurn, memory: ConversationMemory): Promise<void> {
    const result = answerSheetQuestion(this.sheets, turn.text, memory.sheets, turn.language);
    memory.sheets = result.conversation;
    memory.lastTopic = 'sheets';
    await sendReply(context, { text: result.text, cards: result.cards, suggestions: result.suggestions });
  }
}

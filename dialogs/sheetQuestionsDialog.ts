import { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
import { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
import type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
import { sendReply } from '../src/bot/replies';
import type { UserTurn } from '../src/bot/userTurn';
import { answerSheetQuestion, type SheetIndex } from '../src/sheets';
import type { ConversationMemory } from './conversationMemory';

export const SHEET_QUESTIONS_DIALOG = 'sheetQuestionsDialog';

export interface SheetQuestionOptions {
  turn: UserTurn;
  memory: ConversationMemory;
}

/**
 * A partner asks about the action sheets: a field of a sheet ("qui pilote la PA 3.2.1 ?"), a topic, a list across
 * sheets, a term of the glossary, or a follow-up on the sheet being discussed. The answer quotes and names the sheet.
 */
export class SheetQuestionsDialog extends ComponentDialog {
  constructor(private readonly sheets: SheetIndex) {
    super(SHEET_QUESTIONS_DIALOG);
    this.addDialog(new WaterfallDialog(`${SHEET_QUESTIONS_DIALOG}.answer`, [this.answer.bind(this)]));
    this.initialDialogId = `${SHEET_QUESTIONS_DIALOG}.answer`;
  }

  private async answer(step: WaterfallStepContext<SheetQuestionOptions>) {
    const { turn, memory } = step.options;
    const result = answerSheetQuestion(this.sheets, turn.text, memory.sheets, turn.language);
    memory.sheets = result.conversation;
    memory.lastTopic = 'sheets';
    await sendReply(step.context, { text: result.text, cards: result.cards, suggestions: result.suggestions });
    return step.endDialog(result.outcome);
  }
}

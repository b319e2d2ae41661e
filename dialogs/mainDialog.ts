import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
// Deep imports: the package root also loads the prompts' text recognizers, half a second of start-up we do not use.
import { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
import type { DialogState } from 'botbuilder-dialogs/lib/dialogContext';
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
import { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
import type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
import type { DateTime } from 'luxon';
import { sendReply } from '../src/bot/replies';
import { readUserTurn, type UserTurn } from '../src/bot/userTurn';
import type { CommuneIndex } from '../src/geo';
import type { Language } from '../src/language/text';
import { recogniseSmallTalk } from '../src/language/smallTalk';
import { say } from '../src/messages/common';
import { offerHelpText, offerQueryScore, type OfferIndex } from '../src/offer';
import { sheetHelpText, sheetQuestionScore, type SheetIndex } from '../src/sheets';
import { chooseJourney } from './chooseJourney';
import { ConversationMemorySchema, readConversationMemory, type ConversationMemory } from './conversationMemory';
import { FIND_SUPPORT_DIALOG, FindSupportDialog } from './findSupportDialog';
import { SHEET_QUESTIONS_DIALOG, SheetQuestionsDialog } from './sheetQuestionsDialog';

export const MAIN_DIALOG = 'mainDialog';
const ROUTE_STEP = `${MAIN_DIALOG}.route`;
/** This turn's memory, shared with the journey that answers and saved when it is done. */
const TURN_MEMORY = Symbol('maillage.turnMemory');

export interface MainDialogServices {
  sheets: SheetIndex;
  offer: OfferIndex;
  communes: CommuneIndex;
  now: () => DateTime;
}

/**
 * Every message starts here: greetings and help are answered once for the whole bot, then each question goes to
 * the journey that recognises it best — a partner's sheet question or a parent's search for support.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly services: MainDialogServices,
    private readonly memoryAccessor: StatePropertyAccessor<unknown>,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new SheetQuestionsDialog(services.sheets));
    this.addDialog(new FindSupportDialog(services.offer, services.communes, services.now));
    this.addDialog(new WaterfallDialog(ROUTE_STEP, [this.route.bind(this), this.remember.bind(this)]));
    this.initialDialogId = ROUTE_STEP;
  }

  /** Runs one turn, continuing a journey that waits for an answer, or starting from the route. */
  async run(context: TurnContext, dialogStateAccessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(dialogStateAccessor);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }

  /** Says hello once per conversation, with what the bot can do. */
  async greet(context: TurnContext, language: Language): Promise<void> {
    const memory = readConversationMemory(await this.memoryAccessor.get(context));
    if (memory.greeted) return;
    memory.greeted = true;
    await this.memoryAccessor.set(context, memory);
    await this.sendHelp(context, language, true);
  }

  private async route(step: WaterfallStepContext) {
    const turn = readUserTurn(step.context);
    const memory = readConversationMemory(await this.memoryAccessor.get(step.context));
    step.context.turnState.set(TURN_MEMORY, memory);
    if (turn.truncated) await step.context.sendActivity(say('tooLong', turn.language));

    const smallTalk = recogniseSmallTalk(turn.text);
    const journey = chooseJourney({
      hasText: turn.text.length > 0,
      hasPosition: turn.position !== undefined,
      smallTalk,
      sheetScore: turn.text ? sheetQuestionScore(this.services.sheets, turn.text, memory.sheets) : 0,
      offerScore: turn.text ? offerQueryScore(turn.text, memory.offer, this.services.communes) : 0,
      lastTopic: memory.lastTopic,
    });

    switch (journey.kind) {
      case 'sheets':
        return step.beginDialog(SHEET_QUESTIONS_DIALOG, { turn, memory });
      case 'offer':
        return step.beginDialog(FIND_SUPPORT_DIALOG, { turn, memory });
      case 'empty':
        await sendReply(step.context, { text: say('emptyMessage', turn.language), suggestions: this.examples(turn) });
        return step.next();
      case 'not-understood':
        await sendReply(step.context, { text: say('notUnderstood', turn.language), suggestions: this.examples(turn) });
        return step.next();
      case 'small-talk':
        return this.answerSmallTalk(step, turn, journey.smallTalk);
    }
  }

  private async answerSmallTalk(step: WaterfallStepContext, turn: UserTurn, smallTalk: NonNullable<ReturnType<typeof recogniseSmallTalk>>) {
    if (smallTalk === 'thanks') await sendReply(step.context, { text: say('thanks', turn.language) });
    if (smallTalk === 'reset') {
      step.context.turnState.set(TURN_MEMORY, ConversationMemorySchema.parse({ greeted: true }));
      await sendReply(step.context, { text: say('reset', turn.language), suggestions: this.examples(turn) });
    }
    if (smallTalk === 'greeting' || smallTalk === 'help') await this.sendHelp(step.context, turn.language, smallTalk === 'greeting');
    return step.next();
  }

  private async remember(step: WaterfallStepContext) {
    const memory: ConversationMemory | undefined = step.context.turnState.get(TURN_MEMORY);
    if (memory) await this.memoryAccessor.set(step.context, memory);
    return step.endDialog();
  }

  private async sendHelp(context: TurnContext, language: Language, withGreeting: boolean): Promise<void> {
    const parts = [
      ...(withGreeting ? [say('greeting', language)] : []),
      say('helpTitle', language),
      `**${say('helpSheetsHeading', language)}**\n${sheetHelpText(language, this.services.sheets)}`,
      `**${say('helpOfferHeading', language)}**\n${offerHelpText(language)}`,
    ];
    await sendReply(context, { text: parts.join('\n\n') });
  }

  private examples(turn: UserTurn): string[] {
    return turn.language === 'en'
      ? ['What can you do?', 'a parents group near me']
      : ['Que sais-tu faire ?', 'un groupe de parole près de chez moi'];
  }
}

import type { TurnContext } from 'botbuilder';
import type { DateTime } from 'luxon';
import type { CheckedProperty } from '../src/bot/conversationState';
import { sendReply } from '../src/bot/replies';
import { readUserTurn, type UserTurn } from '../src/bot/userTurn';
import type { CommuneIndex } from '../src/geo';
import { recogniseSmallTalk, type SmallTalk } from '../src/language/smallTalk';
import type { Language } from '../src/language/text';
import { say } from '../src/messages/common';
import { offerHelpText, offerQueryScore, type OfferIndex } from '../src/offer';
import { sheetHelpText, sheetQuestionScore, type SheetIndex } from '../src/sheets';
import { chooseJourney, scoreNeededAgainst, type Journey } from './chooseJourney';
import { ConversationMemorySchema, type ConversationMemory } from './conversationMemory';
import { FindSupport } from './findSupport';
import type { OneTurnJourney } from './journey';
import { SheetQuestions } from './sheetQuestions';

export interface MainDialogServices {
  sheets: SheetIndex;
  offer: OfferIndex;
  communes: CommuneIndex;
  now: () => DateTime;
}

/**
 * Every message starts here. Greetings, help, thanks and "recommencer" are answered once for the whole bot;
 * every other message goes to the journey that recognises it best — a partner's question on the sheets or a
 * parent's search for support — with the conversation's memory, which is saved once the journey has answered.
 */
export class MainDialog {
  private readonly sheetQuestions: OneTurnJourney;
  private readonly findSupport: OneTurnJourney;

  constructor(
    private readonly services: MainDialogServices,
    /** The conversation's memory, checked when it was stored by another instance or version. */
    private readonly memory: CheckedProperty<ConversationMemory>,
  ) {
    this.sheetQuestions = new SheetQuestions(services.sheets);
    this.findSupport = new FindSupport(services.offer, services.communes, services.now);
  }

  async run(context: TurnContext): Promise<void> {
    const turn = readUserTurn(context);
    let memory = await this.memory.get(context);
    if (turn.truncated) await context.sendActivity(say('tooLong', turn.language));

    const journey = this.choose(turn, memory);
    switch (journey.kind) {
      case 'sheets':
        await this.sheetQuestions.answer(context, turn, memory);
        break;
      case 'offer':
        await this.findSupport.answer(context, turn, memory);
        break;
      case 'empty':
        await sendReply(context, { text: say('emptyMessage', turn.language), suggestions: examples(turn.language) });
        break;
      case 'not-understood':
        await sendReply(context, { text: say('notUnderstood', turn.language), suggestions: examples(turn.language) });
        break;
      case 'small-talk':
        memory = await this.answerSmallTalk(context, turn.language, journey.smallTalk, memory);
        break;
    }
    await this.memory.set(context, memory);
  }

  /** Says hello once per conversation, with what the bot can do. */
  async greet(context: TurnContext, language: Language): Promise<void> {
    const memory = await this.memory.get(context);
    if (memory.greeted) return;
    memory.greeted = true;
    await this.memory.set(context, memory);
    await this.sendHelp(context, language, true);
  }

  private choose(turn: UserTurn, memory: ConversationMemory): Journey {
    const smallTalk = recogniseSmallTalk(turn.text);
    // Scoring reads the text against both vocabularies: skipped when the answer does not depend on it.
    const scored = turn.text.length > 0 && !smallTalk;
    const offerScore = scored ? offerQueryScore(turn.text, memory.offer, this.services.communes) : 0;
    // The sheets' score is worked out only as far as it can still win: a parent's search skips the sheets' topic search.
    const sheetScore = scored ? sheetQuestionScore(this.services.sheets, turn.text, memory.sheets, { needed: scoreNeededAgainst(offerScore) }) : 0;
    return chooseJourney({
      hasText: turn.text.length > 0,
      hasPosition: turn.position !== undefined,
      smallTalk,
      sheetScore,
      offerScore,
      lastTopic: memory.lastTopic,
    });
  }

  private async answerSmallTalk(context: TurnContext, language: Language, smallTalk: SmallTalk, memory: ConversationMemory) {
    switch (smallTalk) {
      case 'thanks':
        await sendReply(context, { text: say('thanks', language) });
        return memory;
      case 'reset':
        await sendReply(context, { text: say('reset', language), suggestions: examples(language) });
        return ConversationMemorySchema.parse({ greeted: true });
      case 'greeting':
      case 'help':
        await this.sendHelp(context, language, smallTalk === 'greeting');
        return memory;
    }
  }

  private async sendHelp(context: TurnContext, language: Language, withGreeting: boolean): Promise<void> {
    const sheetsHelp = `**${say('helpSheetsHeading', language)}**\n${sheetHelpText(language, this.services.sheets)}`;
    const offerHelp = `**${say('helpOfferHeading', language)}**\n${offerHelpText(language)}`;
    // Partners meet the bot in Teams, parents on a website: each sees first what they came for.
    const partnersFirst = context.activity.channelId === 'msteams';
    const parts = [
      ...(withGreeting ? [say('greeting', language)] : []),
      say('helpTitle', language),
      ...(partnersFirst ? [sheetsHelp, offerHelp] : [offerHelp, sheetsHelp]),
    ];
    await sendReply(context, { text: parts.join('\n\n') });
  }
}

function examples(language: Language): string[] {
  return language === 'en'
    ? ['What can you do?', 'a parents group near me']
    : ['Que savez-vous faire ?', 'un groupe de parole près de chez moi'];
}

import type { TurnContext } from 'botbuilder';
import { sendReply } from '../src/bot/replies';
import type { Language } from '../src/language/text';
import { say } from '../src/messages/common';
import { offerHelpText } from '../src/messages/offer';
import type { TurnReading } from '../src/reading';
import { sheetHelpText, type SheetIndex } from '../src/sheets';
import { ConversationMemorySchema, type ConversationMemory } from './conversationMemory';
import type { Journey } from './journey';

/**
 * What the conversation answers itself, once for the whole bot: hello, help, thanks, goodbye, « recommencer », an empty
 * message, a message nobody understood. Partners meet the bot in Teams, parents on a website: each is greeted with
 * what they came for, and on the website the greeting talks to parents only.
 */
export class Commands implements Journey {
  readonly id = 'commands';

  constructor(private readonly sheets: SheetIndex) {}

  async answer(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const { language } = reading;
    switch (reading.command) {
      case 'thanks':
      case 'farewell':
        await sendReply(context, { text: say(reading.command, language) });
        return;
      case 'reset':
        // « Recommencer » is the user's own choice: the only way a conversation's memory is cleared.
        for (const key of Object.keys(memory) as (keyof ConversationMemory)[]) delete memory[key];
        Object.assign(memory, ConversationMemorySchema.parse({ greeted: true }));
        await sendReply(context, { text: say('reset', language), suggestions: examples(language) });
        return;
      case 'greeting':
      case 'help':
      case null:
        await this.sendHelp(context, language, reading.command === 'greeting', memory);
        return;
    }
  }

  async answerEmpty(context: TurnContext, reading: TurnReading): Promise<void> {
    await sendReply(context, { text: say('emptyMessage', reading.language), suggestions: examples(reading.language) });
  }

  /** A card's button that no journey knows (an old card, a verb that is gone): said plainly, not « no question ». */
  async answerStaleButton(context: TurnContext, reading: TurnReading): Promise<void> {
    await sendReply(context, { text: say('staleButton', reading.language), suggestions: examples(reading.language) });
  }

  async answerNotUnderstood(context: TurnContext, reading: TurnReading): Promise<void> {
    await sendReply(context, { text: say('notUnderstood', reading.language), suggestions: examples(reading.language) });
  }

  /** Says hello once per conversation, with what the bot can do. */
  async greet(context: TurnContext, language: Language, memory: ConversationMemory): Promise<void> {
    if (memory.greeted) return;
    memory.greeted = true;
    await this.sendHelp(context, language, true);
  }

  private async sendHelp(context: TurnContext, language: Language, withGreeting: boolean, memory?: ConversationMemory): Promise<void> {
    // On the website too, someone who has been asking about the sheets is helped with the sheets.
    const partners = isPartnersChannel(context.activity.channelId) || memory?.lastTopic === 'sheets';
    const offerHelp = `**${say('helpOfferHeading', language)}**\n${offerHelpText(language)}`;
    const sheetsHelp = `**${say('helpSheetsHeading', language)}**\n${sheetHelpText(language, this.sheets)}`;
    const parts = partners
      ? [...(withGreeting ? [say('greeting', language)] : []), say('helpTitle', language), sheetsHelp, offerHelp]
      : // The website's visitors are parents: the sheets are still there for an explicit question, but not offered.
        [...(withGreeting ? [say('greetingParents', language)] : []), say('helpTitle', language), offerHelp];
    await sendReply(context, { text: parts.join('\n\n') });
  }
}

/** Partners work in Teams, developers in the terminal; every other channel is the public website. */
export function isPartnersChannel(channelId: string | undefined): boolean {
  return channelId === 'msteams' || channelId === 'terminal';
}

function examples(language: Language): string[] {
  return language === 'en'
    ? ['What can you do?', 'a parents group near me']
    : ['Que savez-vous faire ?', 'un groupe de parole près de chez moi'];
}

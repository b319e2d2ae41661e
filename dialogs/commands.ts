import type { TurnContext } from 'botbuilder';
import { accountKey } from '../src/bot/account';
import { sendReply } from '../src/bot/replies';
import { isSharedConversation } from '../src/bot/teamsPolicy';
import type { Language } from '../src/language/text';
import { say, staffHelpText } from '../src/messages/common';
import { offerHelpText } from '../src/messages/offer';
import type { TurnReading } from '../src/reading';
import type { Centre } from '../src/reports/model';
import { sheetHelpText, type SheetIndex } from '../src/sheets';
import type { EnrolmentRepository } from '../src/storage';
import { ConversationMemorySchema, type ConversationMemory } from './conversationMemory';
import type { Journey } from './journey';
import { countsParents, numericIndicators } from './report/reportForm';

/**
 * What the conversation answers itself, once for the whole bot: hello, help, thanks, goodbye, « recommencer », an empty
 * message, a message nobody understood. Partners meet the bot in Teams, parents on a website, centres' staff in
 * either: each is greeted with what they came for.
 *
 *   partners (Teams)          the sheets, the offer, and one line saying that centres' staff report here with a code
 *   parents (website)         the offer only
 *   a centre's staff member   « Déclarer une action », naming their centre, first; then the rest of their channel's help
 *
 * Whether the speaker is a centre's staff member is one look-up of their enrolment, made on help and greeting turns
 * only: no other turn pays for it.
 */
export class Commands implements Journey {
  readonly id = 'commands';
  private exampleSheet: { code: string | undefined } | undefined;

  constructor(
    private readonly sheets: SheetIndex,
    /** Centres' enrolments (src/storage), read only: who reports for which centre. */
    private readonly enrolments: Pick<EnrolmentRepository, 'find'>,
  ) {}

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
    const partnersChannel = isPartnersChannel(context.activity.channelId);
    // On the website too, someone who has been asking about the sheets is helped with the sheets.
    const partners = partnersChannel || memory?.lastTopic === 'sheets';
    const centre = await this.reportingCentre(context);
    const offerHelp = `**${say('helpOfferHeading', language)}**\n${offerHelpText(language)}`;
    const sheetsHelp = `**${say('helpSheetsHeading', language)}**\n${sheetHelpText(language, this.sheets)}`;
    // What they came for comes first: an enrolled staff member is helped with their reports before anything else.
    const staffHelp = centre ? [`**${say('helpStaffHeading', language)}**\n${staffHelpText(language, centre.structureName, this.exampleSheetCode())}`] : [];
    // A partner's colleague in a centre may not know they can report here; parents on the website are not told.
    const staffInvitation = !centre && partnersChannel ? [say('helpStaffInvitation', language)] : [];
    const parts = partners
      ? [...(withGreeting ? [say('greeting', language)] : []), say('helpTitle', language), ...staffHelp, sheetsHelp, offerHelp, ...staffInvitation]
      : // The website's visitors are parents: the sheets are still there for an explicit question, but not offered.
        [...(withGreeting ? [say('greetingParents', language)] : []), say('helpTitle', language), ...staffHelp, offerHelp];
    await sendReply(context, { text: parts.join('\n\n') });
  }

  /**
   * The centre the speaker reports for, or null: their enrolment, read in the store (a revoked one is none), not the
   * conversation's memory, which may be another person's or out of date. In a team's channel or a group chat the help
   * is read by everyone: it names nobody's centre, and costs no look-up.
   */
  private async reportingCentre(context: TurnContext): Promise<Centre | null> {
    if (isSharedConversation(context.activity)) return null;
    // Help without the staff section rather than no help: a parent opening the widget while the database is slow or
    // down is still greeted (the turn's own state, written after, reports the outage the usual way).
    return this.enrolments.find(accountKey(context)).catch(() => null);
  }

  /**
   * A sheet of this deployment for the example sentence: one whose indicators count parents, which the example's
   * « 14 parents » then fills (dialogs/report/reportForm.ts), else one with any count to report, else the first.
   * The sheets do not change while the bot runs: chosen once.
   */
  private exampleSheetCode(): string | undefined {
    if (this.exampleSheet === undefined) {
      const sheets = this.sheets.sheets;
      const counted = sheets.map((sheet) => ({ sheet, indicators: numericIndicators(sheet) }));
      const chosen = counted.find((entry) => entry.indicators.some(countsParents)) ?? counted.find((entry) => entry.indicators.length > 0) ?? counted[0];
      this.exampleSheet = { code: chosen?.sheet.code };
    }
    return this.exampleSheet.code;
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

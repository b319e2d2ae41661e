import type { TurnContext } from 'botbuilder';
import { sendReply } from '../src/bot/replies';
import type { TurnReading } from '../src/reading';
import type { SheetLinks } from '../src/cards/sheetLinks';
import { answerSheetQuestion, type Sheet, type SheetIndex } from '../src/sheets';
import type { ConversationMemory } from './conversationMemory';
import type { Journey } from './journey';

/**
 * A partner asks about the action sheets: a field of a sheet ("qui pilote la PA 3.2.1 ?"), a topic, a list across
 * sheets, a term of the glossary, or a follow-up on the sheet being discussed ("et ses indicateurs ?").
 * The answer quotes the sheet's own words and names the sheet and its plan; the sheet becomes the current one.
 * When a number exists in several plans, both sheets are shown, each card with a button that names its number and
 * plan (the choice is a new question naming them); « celle du Finistère » or « la deuxième » picks one too, and what
 * was asked still stands. « et la suivante ? » goes to the next action shown, or to the next sheet of the same plan in
 * its order, and says when there is none. A number no sheet has is said as typed, with its plan's sheets nearby, and
 * never answered with the sheet discussed before. Each card links to the sheet's whole page, as the channel opens it.
 */
export class SheetQuestions implements Journey {
  readonly id = 'sheetQuestions';

  constructor(
    private readonly sheets: SheetIndex,
    /** Links to a sheet's whole page; without them the cards unfold a summary's sheet themselves. */
    private readonly links?: SheetLinks,
  ) {}

  async answer(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    // The link depends on where the card is read: Teams opens the page in its stage view, other channels in a browser.
    const links = this.links;
    const channelId = context.activity.channelId;
    const present = links ? { openSheet: (sheet: Sheet) => links.openSheet(sheet, channelId) } : {};
    const result = answerSheetQuestion(this.sheets, reading.sheets, memory.sheets, reading.language, present);
    memory.sheets = result.conversation;
    memory.lastTopic = 'sheets';
    await sendReply(context, { text: result.text, cards: result.cards, suggestions: result.suggestions });
  }
}

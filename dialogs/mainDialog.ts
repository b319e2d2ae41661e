import type { TurnContext } from 'botbuilder';
import type { DateTime } from 'luxon';
import type { CheckedProperty } from '../src/bot/conversationState';
import type { TurnHandler } from '../src/bot/maillageBot';
import { accountKey, cardData } from '../src/bot/account';
import type { SheetLinks } from '../src/cards/sheetLinks';
import { readTurnInput } from '../src/bot/userTurn';
import type { CommuneIndex } from '../src/geo';
import { detectLanguage } from '../src/language/text';
import { say } from '../src/messages/common';
import type { OfferIndex } from '../src/offer';
import { readTurn } from '../src/reading';
import type { SheetIndex } from '../src/sheets';
import type { Store } from '../src/storage';
import { Commands, isPartnersChannel } from './commands';
import type { ConversationMemory } from './conversationMemory';
import { FindSupport } from './findSupport';
import type { MultiTurnJourney } from './journey';
import { buildRoutes, multiTurnJourneys, type Journeys, type Route, type TurnUnderWay } from './routes';
import { ReportJourney } from './report/reportJourney';
import { ReportFigures } from './reportFigures';
import { Safety } from './safety';
import { SheetQuestions } from './sheetQuestions';

export interface MainDialogServices {
  sheets: SheetIndex;
  offer: OfferIndex;
  communes: CommuneIndex;
  /** Centres' reports, drafts and enrolments. */
  store: Pick<Store, 'reports' | 'drafts' | 'enrolments'>;
  now: () => DateTime;
  /** Where a card opens a whole sheet (src/cards/sheetLinks.ts); without it, cards carry no link. */
  sheetLinks?: SheetLinks;
}

/**
 * Every turn starts here: it is read once (src/reading), walked through the route table (dialogs/routes.ts) until
 * a route claims it, and answered by that route's journey with the conversation's memory, saved once answered.
 * A journey that was waiting for an answer and was interrupted asks its question again.
 */
export class MainDialog implements TurnHandler {
  private readonly journeys: Journeys;
  private readonly routes: readonly Route[];
  private readonly waiting: readonly MultiTurnJourney[];

  constructor(
    private readonly services: MainDialogServices,
    /** The conversation's memory, checked when it was stored by another instance or version. */
    private readonly memory: CheckedProperty<ConversationMemory>,
  ) {
    const reportFigures = new ReportFigures({ sheets: services.sheets, reports: () => services.store.reports });
    this.journeys = {
      safety: new Safety(),
      findSupport: new FindSupport(services.offer, services.communes),
      sheetQuestions: new SheetQuestions(services.sheets, services.sheetLinks),
      commands: new Commands(services.sheets, services.store.enrolments),
      report: new ReportJourney({
        sheets: services.sheets,
        store: services.store,
        now: services.now,
        readText: (text, like) => readTurn({ text, truncated: false, ...(like.language === 'en' ? { locale: 'en-GB' } : {}) }, this.services, like.now),
        asksForFigures: (reading) => reportFigures.asksForFigures(reading),
      }),
      reportFigures,
    };
    this.routes = buildRoutes(this.journeys, services.sheets);
    this.waiting = multiTurnJourneys(this.journeys);
  }

  async run(context: TurnContext): Promise<void> {
    const memory = await this.memory.get(context);
    const reading = readTurn({ ...readTurnInput(context), ...(memory.language ? { languageBefore: memory.language } : {}) }, this.services, this.services.now());
    memory.language = reading.language;
    const speaker = accountKey(context);
    // An enrolled account is known in every conversation, before the route table decides who answers (only on the
    // turns that ask for a report or figures: the others cost no look-up).
    await this.journeys.report.recallEnrolment(context, reading, memory);
    await this.journeys.report.dropStaleDraft(context, reading, memory);
    const pending = this.waiting.find((journey) => journey.pendingQuestion(memory, speaker) !== null) ?? null;
    const turn: TurnUnderWay = { context, reading, memory, partners: isPartnersChannel(context.activity.channelId), pending, card: cardData(context), speaker };
    const route = this.routes.find((candidate) => candidate.claims(turn)) as Route;
    // The national numbers come first, and danger was read in the whole message: no word about its length then.
    if (reading.truncated && route.name !== 'safety') await context.sendActivity(say('tooLong', reading.language));
    await route.answer(turn);
    // « et par centre ? » breaks down the figures just answered: once another route has answered, it no longer does.
    if (route.journey !== this.journeys.reportFigures.id) delete memory.figures;

    const interrupted = pending !== null && route.journey !== pending.id && route.name !== 'pending answer';
    if (interrupted && route.resumesPending(turn) && pending.pendingQuestion(memory, speaker) !== null) {
      await pending.askAgain(context, reading, memory);
    }
    await this.memory.set(context, memory);
  }

  /** A conversation's first contact: hello, once, with what the bot can do. */
  async greet(context: TurnContext): Promise<void> {
    const memory = await this.memory.get(context);
    if (memory.greeted) return;
    await this.journeys.commands.greet(context, detectLanguage('', context.activity.locale), memory);
    await this.memory.set(context, memory);
  }
}

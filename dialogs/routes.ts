import type { TurnContext } from 'botbuilder';
import type { TurnReading } from '../src/reading';
import { isExplicitSheetQuestion, sheetQuestionScore, type SheetIndex } from '../src/sheets';
import type { Commands } from './commands';
import type { ConversationMemory } from './conversationMemory';
import type { FindSupport } from './findSupport';
import type { Journey, MultiTurnJourney } from './journey';
import type { ReportJourney } from './report/reportJourney';
import type { ReportFigures } from './reportFigures';
import type { Safety } from './safety';
import { chooseByScores, scoreNeededAgainst, type ScoredJourney } from './scores';
import type { SheetQuestions } from './sheetQuestions';

/**
 * WHO ANSWERS WHAT. Every turn walks this table from the top; the first route that claims the turn answers it.
 *
 *   1. safety            a child in danger, violence, suicide, an emergency: the national numbers, first, always
 *   1b. stale report     an answer to a report form confirmed, cancelled or replaced in another conversation: that,
 *                        said once the turn began, is the answer (any other message is read as new)
 *   2. card button       a button of a report's card (its summary, the whole form)
 *   2b. stale button     a button no journey knows and that asks nothing (an old card, a verb that is gone): said so
 *   3. pending answer    the answer a journey is waiting for (the place of a search, a choice of commune, the centre's
 *                        code, a report's field)
 *   4. report            a centre reports an action, resumes its draft, lists or corrects its reports
 *   4b. report figures   « combien de parents ont participé aux actions de la PA 2.3.2 cette année ? »: the reports'
 *                        totals (partners and enrolled staff; an account whose enrolment was revoked is told so)
 *   5. sheet number      « PA 3.2.1 », « fiche 1.2.5 »: the sheets, exactly
 *   6. shared position   the widget's « ma position »: the search for support around it
 *   7. command           hello, help, thanks, « recommencer »
 *   8. empty             nothing typed
 *   9. scores            a list of sheets, a figure, a definition, with no place named: the sheets;
 *                        else each service scores the message on its own words and the higher answers
 *                        (on the website, the sheets only for an explicit sheet question)
 *  10. not understood    what the bot can do, with examples
 *
 * When a journey was waiting for an answer and another route answered (an interruption), the question is asked
 * again (dialogs/mainDialog.ts). Nothing here reads the text: everything comes from the turn's one reading.
 */

/** One turn on its way through the table. */
export interface TurnUnderWay {
  context: TurnContext;
  reading: TurnReading;
  memory: ConversationMemory;
  /** Partners work in Teams (and developers in the terminal); every other channel is the public website. */
  partners: boolean;
  /** The journey waiting for an answer when the turn began. */
  pending: MultiTurnJourney | null;
  /** What a card's button sent, unchecked; null for a typed message. */
  card: unknown;
  /** Who speaks, as an account key (src/bot/account.ts): in a group chat, several people share one conversation. */
  speaker: string;
  /** Worked out once, by the scores route, when the turn gets that far. */
  scored?: ScoredJourney | null;
}

export interface Route {
  readonly name: string;
  /** The journey that answers, when the route hands the turn to one. */
  readonly journey?: string;
  claims(turn: TurnUnderWay): boolean;
  answer(turn: TurnUnderWay): Promise<void>;
  /** Whether a question left pending is asked again after this route answered. */
  resumesPending(turn: TurnUnderWay): boolean;
}

export interface Journeys {
  safety: Safety;
  findSupport: FindSupport;
  sheetQuestions: SheetQuestions;
  commands: Commands;
  report: ReportJourney;
  reportFigures: ReportFigures;
}

/** The journeys that can wait for an answer, in the order their questions are looked for. */
export function multiTurnJourneys(journeys: Journeys): MultiTurnJourney[] {
  return [journeys.report, journeys.findSupport];
}

export function buildRoutes(journeys: Journeys, sheets: SheetIndex): readonly Route[] {
  const to = (journey: Journey) => (turn: TurnUnderWay) => journey.answer(turn.context, turn.reading, turn.memory);
  const always = () => true;
  return [
    {
      name: 'safety',
      journey: journeys.safety.id,
      claims: (turn) => turn.reading.safety !== null,
      answer: to(journeys.safety),
      // The numbers stand alone: a calm message, not followed by « où cherchez-vous ? ».
      resumesPending: () => false,
    },
    {
      // The report form this conversation held was confirmed, cancelled or replaced in another one: said at the turn's
      // start (ReportJourney.dropStaleDraft); a message that only answered that form needs nothing more.
      name: 'stale report',
      journey: journeys.report.id,
      claims: (turn) => journeys.report.answeredStaleDraft(turn.context),
      answer: () => Promise.resolve(),
      resumesPending: () => false,
    },
    {
      name: 'card button',
      journey: journeys.report.id,
      claims: (turn) => turn.card !== null && journeys.report.ownsCard(turn.card),
      answer: (turn) => journeys.report.answerCard(turn.context, turn.reading, turn.memory, turn.card),
      resumesPending: always,
    },
    {
      // A button that asks a question (« voir plus ») carries its words and goes down the table as a typed message.
      name: 'stale button',
      journey: journeys.commands.id,
      claims: (turn) => turn.card !== null && turn.reading.text === '' && turn.reading.position === undefined,
      answer: (turn) => journeys.commands.answerStaleButton(turn.context, turn.reading),
      resumesPending: always,
    },
    {
      name: 'pending answer',
      claims: (turn) => turn.pending !== null && turn.pending.answersPending(turn.reading, turn.memory, turn.speaker),
      answer: (turn) => (turn.pending as MultiTurnJourney).answer(turn.context, turn.reading, turn.memory),
      resumesPending: always,
    },
    {
      name: 'report',
      journey: journeys.report.id,
      claims: (turn) => journeys.report.wants(turn.reading, turn.memory, turn.partners),
      answer: (turn) => journeys.report.answerIntent(turn.context, turn.reading, turn.memory),
      resumesPending: always,
    },
    {
      name: 'report figures',
      journey: journeys.reportFigures.id,
      claims: (turn) => (turn.partners || turn.memory.report?.enrolment !== undefined) && journeys.reportFigures.claims(turn.reading, turn.memory),
      // Where the speaker stands (enrolled, revoked, never enrolled) is one store call, made here, on the turns this
      // route claims: a revoked account must not pass for a partner, and no other turn pays for the question.
      // No report behind a question that does not name the reports: the sheets' text may hold the figure.
      answer: async (turn) => {
        const asker = { partners: turn.partners, standing: await journeys.report.standing(turn.speaker) };
        if (!(await journeys.reportFigures.answerFor(turn.context, turn.reading, turn.memory, asker))) await to(journeys.sheetQuestions)(turn);
      },
      resumesPending: always,
    },
    {
      name: 'sheet number',
      journey: journeys.sheetQuestions.id,
      claims: (turn) => turn.reading.sheets.codes.length > 0,
      answer: to(journeys.sheetQuestions),
      resumesPending: always,
    },
    {
      name: 'shared position',
      journey: journeys.findSupport.id,
      claims: (turn) => turn.reading.position !== undefined,
      answer: to(journeys.findSupport),
      resumesPending: always,
    },
    {
      name: 'command',
      journey: journeys.commands.id,
      claims: (turn) => turn.reading.command !== null,
      answer: to(journeys.commands),
      // Thanks close an exchange and « recommencer » forgets it: neither is followed by the old question.
      resumesPending: (turn) => turn.reading.command === 'greeting' || turn.reading.command === 'help',
    },
    {
      name: 'empty',
      journey: journeys.commands.id,
      claims: (turn) => turn.reading.text === '',
      answer: (turn) => journeys.commands.answerEmpty(turn.context, turn.reading),
      resumesPending: always,
    },
    {
      name: 'scores: sheets',
      journey: journeys.sheetQuestions.id,
      claims: (turn) => scoredJourney(turn, journeys, sheets) === 'sheets',
      answer: to(journeys.sheetQuestions),
      resumesPending: always,
    },
    {
      name: 'scores: offer',
      journey: journeys.findSupport.id,
      claims: (turn) => scoredJourney(turn, journeys, sheets) === 'offer',
      answer: to(journeys.findSupport),
      resumesPending: always,
    },
    {
      name: 'not understood',
      journey: journeys.commands.id,
      claims: always,
      answer: (turn) => journeys.commands.answerNotUnderstood(turn.context, turn.reading),
      resumesPending: always,
    },
  ];
}

/**
 * Each service scores the message on its own vocabulary. The offer is scored first, so that the sheets' topic
 * search is skipped when even a perfect topic could not win. On the website a topic alone never reaches the sheets:
 * a parent's « aide pour parents à Paris » is a search, not a quotation from a plan.
 */
function scoredJourney(turn: TurnUnderWay, journeys: Journeys, sheets: SheetIndex): ScoredJourney | null {
  if (turn.scored !== undefined) return turn.scored;
  const { reading, memory } = turn;
  // A question in a form only the sheets answer — a list of sheets, an axis, a figure, a definition — goes to them
  // unless it looks for a service somewhere: « quelle part des familles… dans le Finistère » is a partner's question,
  // « combien de LAEP à Bron ? » a search.
  const q = reading.sheets;
  const sheetsForm = q.listing || q.axis !== undefined || q.asksForFigures || (q.glossaryCue && q.glossaryWord !== undefined);
  const looksForAService = reading.offer.nearMe || reading.position !== undefined || (reading.offer.place !== null && (reading.offer.kinds.length > 0 || reading.offer.general));
  if (sheetsForm && !looksForAService) {
    turn.scored = 'sheets';
    return turn.scored;
  }
  const offer = journeys.findSupport.score(reading, memory);
  // A partners' body named (« conseil local de la parentalité », « REAAP ») is a plan's word, not a parent's need.
  const sheetsMayAnswer = turn.partners || isExplicitSheetQuestion(reading.sheets, memory.sheets) || reading.offer.partnerBody;
  const sheetScore = sheetsMayAnswer ? sheetQuestionScore(sheets, reading.sheets, memory.sheets, { needed: scoreNeededAgainst(offer) }) : 0;
  turn.scored = chooseByScores({ sheets: sheetScore, offer, lastTopic: memory.lastTopic });
  return turn.scored;
}

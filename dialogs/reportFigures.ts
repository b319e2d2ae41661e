import type { TurnContext } from 'botbuilder';
import { sendReply } from '../src/bot/replies';
import { reportFiguresCard } from '../src/cards/reportFiguresCard';
import { fold } from '../src/language/text';
import {
  figuresWithdrawnText,
  ownCentreBreakdownText,
  ownCentreOnlyText,
  reportBreakdownText,
  reportFiguresText,
  sheetsOf,
  type BreakdownSection,
  type ReportFiguresView,
} from '../src/messages/reportFigures';
import type { TurnReading } from '../src/reading';
import { figureQuestionToKeep, readBreakdownFollowUp, readFigureQuestion, type FigureBreakdown, type FigureMeasure, type FigureQuestion } from '../src/reports/figureQuestion';
import { computeBreakdown, computeIndicators, matchesQuery, type IndicatorQuery, type IndicatorsResult, type ReportTotals } from '../src/reports/indicators';
import type { Centre, EnrolmentStanding, Report, ReportFilter } from '../src/reports/model';
import type { SheetIndex } from '../src/sheets';
import type { ReportRepository } from '../src/storage/store';
import type { ConversationMemory } from './conversationMemory';
import type { Journey } from './journey';

/**
 * A partner asks for the figures centres reported: « combien de parents ont participé aux actions de la PA 2.3.2
 * cette année ? », « bilan du centre social Les Tisserands depuis janvier », « combien d'enfants à Vénissieux au
 * premier trimestre ? ». The answer gives the totals asked with how many reports and centres stand behind them,
 * named with the sheet and its plan (each plan apart when two share the number), then the sheet's own indicators,
 * each with its value or « pas encore de déclaration ». A centre the reports do not know is said so, with the known
 * ones, rather than answered with every centre's figures.
 *
 * It answers partners (Teams, the terminal) and enrolled staff only; the route table decides who reaches it
 * (dialogs/routes.ts), ahead of the sheets' own answers, since « combien de parents ont participé à la PA 2.3.2 »
 * names a sheet but asks what was reported, not what the sheet says. A centre's staff get their own centre's figures
 * (as in the indicators tab), told so when they named another centre. An account whose enrolment was revoked is told
 * so, kindly, instead of the figures, wherever it asks: in Teams it would otherwise pass for a partner and see every
 * centre's, more than while it was enrolled (the figures API refuses it the same way).
 *
 * « combien de parents par centre pour la PA 2.3.2 cette année ? », or « et par centre ? », « détail par structure »,
 * « by commune » after a figures answer (the conversation remembers the question), give one line a centre or a
 * commune with its totals and its number of reports, the biggest first, within the same sheet, period, centre and
 * commune; a follow-up may name another sheet or period. Staff are told that the breakdown holds their centre only.
 */

/** Who asks: whether in a partners' channel, and where the speaker's account stands with the centres. */
export interface FiguresAsker {
  partners: boolean;
  standing: EnrolmentStanding;
}

export interface ReportFiguresDependencies {
  sheets: SheetIndex;
  /** The store's reports, looked up at each turn (the store opens after the dialogs are built). */
  reports: () => Pick<ReportRepository, 'list'>;
}

export class ReportFigures implements Journey {
  readonly id = 'reportFigures';

  constructor(private readonly dependencies: ReportFiguresDependencies) {}

  /**
   * The turn as a question about reported figures, without the centres (their names need the database): enough to
   * decide whether this journey answers, since the words of taking part or reporting decide, not the centre.
   */
  read(reading: TurnReading, centres: readonly Centre[] = []): FigureQuestion | null {
    return readFigureQuestion(reading.text, reading.now, { sheets: this.dependencies.sheets, centres, sheetQuestion: reading.sheets, place: reading.offer.place });
  }

  /** The turn as a question of its own, or as a breakdown of the figures answered before (« et par centre ? »). */
  private readInConversation(reading: TurnReading, memory: ConversationMemory, centres: readonly Centre[] = []): FigureQuestion | null {
    return this.read(reading, centres) ?? this.breakdownOfLast(reading, memory, centres);
  }

  /** « et par centre ? »: the figures just answered (memory.figures, forgotten once another route answers), broken down. */
  private breakdownOfLast(reading: TurnReading, memory: ConversationMemory, centres: readonly Centre[] = []): FigureQuestion | null {
    if (memory.figures === undefined || reading.safety !== null) return null;
    return readBreakdownFollowUp(reading.text, reading.now, memory.figures, { sheets: this.dependencies.sheets, centres, sheetQuestion: reading.sheets });
  }

  /** Whether the turn asks for reported figures; the route also checks who asks (partners, enrolled staff). */
  claims(reading: TurnReading, memory: ConversationMemory): boolean {
    return reading.safety === null && (this.read(reading) !== null || this.breakdownOfLast(reading, memory) !== null);
  }

  /**
   * Whether the message asks for reported figures, whoever asks: the report journey asks it too, to look up who is
   * enrolled on such a turn only, and to leave its form's question unanswered by « bilan de … » (answered here, then
   * the form's question again).
   */
  asksForFigures(reading: TurnReading): boolean {
    return reading.safety === null && this.read(reading) !== null;
  }

  async answer(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    await this.answerFromReports(context, reading, memory);
  }

  /**
   * The route's answer, once it knows who asks: a revoked account gets the refusal; off the partners' channels, an
   * account no longer enrolled (the conversation remembered an enrolment since gone) is answered as the public is,
   * by the sheets (false); everyone else gets the figures, as answerFromReports says.
   */
  async answerFor(context: TurnContext, reading: TurnReading, memory: ConversationMemory, asker: FiguresAsker): Promise<boolean> {
    const standing = asker.standing;
    if (standing.kind === 'revoked') {
      await sendReply(context, { text: figuresWithdrawnText[reading.language] });
      return true;
    }
    // A centre's staff see their own centre's figures, here as in the indicators tab and the figures API.
    if (standing.kind === 'enrolled') return this.answerFromReports(context, reading, memory, standing.enrolment);
    if (!asker.partners) return false;
    return this.answerFromReports(context, reading, memory);
  }

  /**
   * Answers from the reports; resolves false, having said nothing, when no report matches a question that names
   * neither the reports nor a sheet (« combien de mesures de médiation réalisées en 2021 ? »: the sheets' own text may
   * hold the figure, and the route table then asks them). A question about a sheet's figures (« combien de parents
   * pour la FA 12 cette année ? », « chiffres de la FA 13 ») is answered from the reports even when there is none: the
   * sheet's indicators, each « pas encore de déclaration », rather than a quotation that reads like an answer. What
   * the sheet itself says (« selon la fiche », « attendus », its indicators as such) never reaches this journey.
   */
  async answerFromReports(context: TurnContext, reading: TurnReading, memory: ConversationMemory, ownCentre?: Centre): Promise<boolean> {
    const repository = this.dependencies.reports();
    const firstReading = this.readInConversation(reading, memory);
    if (firstReading === null) return false;
    // Centres are matched against those reports come from (a centre may be named bare: « bilan de La Passerelle »).
    // A store method listing centres would spare reading every report; until then the list is read once a question.
    const centres = centresOf(await repository.list({}));
    const asked = this.readInConversation(reading, memory, centres) ?? firstReading;
    // Staff asking about another centre are told whose figures they get, then given their own centre's.
    const otherCentre = ownCentre !== undefined && asked.centre !== null && asked.centre.matches[0]?.structureId !== ownCentre.structureId;
    const question: FigureQuestion = ownCentre ? { ...asked, centre: { typed: ownCentre.structureName, matches: [ownCentre] } } : asked;

    const query = queryOf(question);
    const stored = await repository.list(filterOf(question, query));
    const reports = stored.filter((report) => fitsQuestion(report, question));
    if (reports.length === 0 && !question.aboutReports && question.sheets.length === 0 && question.breakdown === null) return false;
    memory.figures = figureQuestionToKeep(asked);
    const result = computeIndicators(reports, this.dependencies.sheets, query);
    if (question.sheets.length > 0) {
      memory.sheets = { currentSheetIds: question.sheets.map((sheet) => sheet.sheetId) };
      memory.lastTopic = 'sheets';
    }

    if (question.breakdown !== null) {
      const broken = { ...question, breakdown: question.breakdown };
      const sections = breakdownSections(reports.filter((report) => matchesQuery(report, query)), result, broken);
      const text = reportBreakdownText({ question: broken, language: reading.language, sections, knownCentres: centres });
      const known = question.centre === null || question.centre.matches.length > 0;
      const note = ownCentre && known ? `${ownCentreBreakdownText[reading.language](ownCentre.structureName, question.breakdown)}\n\n` : '';
      await sendReply(context, { text: `${note}${text}` });
      return true;
    }

    const view: ReportFiguresView = { question, result, language: reading.language, knownCentres: centres };
    const card = reportFiguresCard(view);
    const text = reportFiguresText(view);
    await sendReply(context, { text: otherCentre && ownCentre ? `${ownCentreOnlyText[reading.language](ownCentre.structureName)}\n\n${text}` : text, cards: card === null ? [] : [card] });
    return true;
  }
}

/**
 * The figures one part a sheet the question named (each plan apart when two share the number), or one for every sheet
 * together, each with its rows, the biggest first by the first count asked (« combien de parents en QPV par centre »:
 * by parents in QPV), by the number of reports when only reports are asked.
 */
function breakdownSections(reports: readonly Report[], result: IndicatorsResult, question: FigureQuestion & { breakdown: FigureBreakdown }): BreakdownSection[] {
  const biggest = question.measures.find(isTotal) ?? 'reports';
  if (question.sheets.length === 0) {
    return [{ sheet: null, ...result.generatedFrom, totals: result.totals, rows: computeBreakdown(reports, question.breakdown, biggest) }];
  }
  return sheetsOf(result).map((sheet) => {
    const ofSheet = reports.filter((report) => matchesQuery(report, { sheets: [{ planId: sheet.planId, sheetCode: sheet.sheetCode }] }));
    return { sheet, reports: sheet.reports, centres: sheet.centres, totals: sheet.totals, rows: computeBreakdown(ofSheet, question.breakdown, biggest) };
  });
}

function isTotal(measure: FigureMeasure): measure is FigureMeasure & keyof ReportTotals {
  return measure !== 'reports' && measure !== 'indicators';
}

/** The distinct centres of the reports, as the latest report names each. */
function centresOf(reports: readonly Report[]): Centre[] {
  const centres = new Map<string, Centre>();
  for (const report of reports) {
    centres.set(report.structureId, { structureId: report.structureId, structureName: report.structureName, communeCode: report.communeCode, communeName: report.communeName });
  }
  return [...centres.values()];
}

function queryOf(question: FigureQuestion): IndicatorQuery {
  const centre = question.centre?.matches[0];
  return {
    ...(question.sheets.length > 0 ? { sheets: question.sheets.map(({ planId, sheetCode }) => ({ planId, sheetCode })) } : {}),
    ...(question.actionNumbers.length === 1 ? { action: `Action ${question.actionNumbers[0]}` } : {}),
    ...(centre ? { structureId: centre.structureId } : {}),
    ...(question.commune?.code ? { communeCode: question.commune.code } : {}),
    ...(question.period ? { from: question.period.from, to: question.period.to } : {}),
  };
}

/** What the database can filter on its own; the rest (several sheets or actions, a commune by name) is done here. */
function filterOf(question: FigureQuestion, query: IndicatorQuery): ReportFilter {
  const only = question.sheets.length === 1 ? question.sheets[0] : undefined;
  return {
    ...(only ? { planId: only.planId, sheetCode: only.sheetCode } : {}),
    ...(query.structureId ? { structureId: query.structureId } : {}),
    ...(query.communeCode ? { communeCode: query.communeCode } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  };
}

function fitsQuestion(report: Report, question: FigureQuestion): boolean {
  if (question.actionNumbers.length > 1 && !question.actionNumbers.some((number) => matchesQuery(report, { action: `Action ${number}` }))) return false;
  if (question.commune !== null && question.commune.code === null && fold(report.communeName ?? '') !== fold(question.commune.name)) return false;
  if (question.centre !== null && question.centre.matches.length === 0) return false;
  return true;
}

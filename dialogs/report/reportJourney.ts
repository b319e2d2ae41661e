import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { accountKey, cardData } from '../../src/bot/account';
import { sendReply } from '../../src/bot/replies';
import { reportFormCard, reportSummaryCard } from '../../src/cards/reportCards';
import { detectLanguage, type Language } from '../../src/language/text';
import { draftChoiceTexts, KIND_LABELS, reportLine, reportTexts as t, summaryLabels } from '../../src/messages/reports';
import { reportAccountTexts } from '../../src/messages/reportAccount';
import { escapeMarkdown } from '../../src/language/markdown';
import type { TurnReading } from '../../src/reading';
import { readEnrolmentCode } from '../../src/reports/enrolmentCodes';
import type { Centre, EnrolmentStanding } from '../../src/reports/model';
import { readFormCommand, readReportIntent, readReportStatement, readsAsQuestion, valueOfChange } from '../../src/reports/reading';
import { asksForAnotherReport, readDraftChoice, type DraftChoice } from '../../src/reports/reading/intent';
import type { SheetIndex } from '../../src/sheets';
import type { Store } from '../../src/storage';
import type { ConversationMemory } from '../conversationMemory';
import { FormRunner, REVIEW_STEP, type FormCommand, type FormDefinition } from '../forms/formRunner';
import { isPartnersChannel } from '../commands';
import type { MultiTurnJourney } from '../journey';
import {
  asksSomethingElse, fieldsSaidAgain, looksLikeAnotherQuestion, namesSheetWithoutCode, readFirstMessage, reportBodyOf, reportFacts, reportFields, ReportValuesSchema,
  valuesOfReport, wholeFormProblem, withParentsIndicators, type FirstMessage, type ReportValues,
} from './reportForm';
import { Enrolment, isCodeAlone, triesACode } from './enrolment';
import { EndedDraftBodySchema, ReportMemorySchema, StoredDraftBodySchema, type EndedDraftBody, type ReportMemory, type StoredDraftBody } from './reportMemory';
import { asksWholeForm, FREE_TEXT_FIELDS, readWholeForm, wholeFormInputs } from './wholeForm';

/**
 * A CENTRE REPORTS AN ACTION. Staff of a centre social or EVS tell the bot what they ran; the bot asks only what is
 * missing (the form is data: ./reportForm.ts), shows a summary to confirm, and stores the report once.
 *
 *   « déclarer une action », « on a fait un café des parents le 12 mars… »   start (asks the centre's code the first time)
 *   « reprendre ma déclaration »                                             the saved draft, even days later
 *   « mes déclarations »                                                      one's own reports
 *   « corriger RPT-2026-000123 »                                              a stored report, back to its summary
 *   « nouvelle déclaration » while a draft is kept                            resume it, start a new one, or delete it
 *
 * An enrolled account is the same in every conversation: on the website each page load is a new one, so its enrolment
 * is looked up (once a conversation, on the first turn that asks for a report or for figures) wherever it speaks.
 *
 * The draft is saved in the database at every step (per account, not per conversation), so a restart, `kill -9`,
 * another instance or a new conversation carries on where the person was.
 */
export interface ReportJourneyServices {
  sheets: SheetIndex;
  store: Pick<Store, 'reports' | 'drafts' | 'enrolments'>;
  now: () => DateTime;
  /** Reads a text as a turn would (a card's input goes through the same readers as a typed answer). */
  readText: (text: string, like: TurnReading) => TurnReading;
  /** Whether a turn asks for the figures centres reported (dialogs/reportFigures.ts), which answers it instead. */
  asksForFigures?: (reading: TurnReading) => boolean;
}

const FORM_ID = 'report';
/**
 * Set on a turn (botbuilder's per-turn state) whose message answered a draft dropped as stale at its start: the
 * sentence that said so is the whole answer (dialogs/routes.ts).
 */
const STALE_ANSWER = Symbol('report: answer to a stale draft');
/** How many of one's reports « mes déclarations » shows, newest first. */
const LISTED_REPORTS = 10;

const CardDataSchema = z.object({
  maillage: z.literal('report'),
  draft: z.string().min(1).max(100),
  command: z.enum(['confirm', 'cancel', 'edit', 'form']),
  field: z.string().max(100).optional(),
});
type CardData = z.infer<typeof CardDataSchema>;

export class ReportJourney implements MultiTurnJourney {
  readonly id = 'report';
  private readonly runner: FormRunner<ReportValues>;
  private readonly definition: FormDefinition<ReportValues>;
  private readonly enrolment: Enrolment;

  constructor(private readonly services: ReportJourneyServices) {
    this.enrolment = new Enrolment(services);
    this.definition = {
      id: FORM_ID,
      fields: reportFields({ sheets: services.sheets }),
      schema: ReportValuesSchema as unknown as z.ZodType<ReportValues>,
      prefill: (reading) => this.prefill(reading),
      command: (reading) => formCommandOf(reading.text),
      isAnotherQuestion: (reading) => looksLikeAnotherQuestion(reading) || reading.sheets.codes.length > 0,
      wholeFormProblem: (message, values, language) => wholeFormProblem(message, values, language),
      review: {
        summary: (values, language, context, memory) => this.summary(values, language, context, memory),
        whichField: (language) => ({ text: t.whichField[language] }),
        corrections: (reading) => fieldsSaidAgain(reading),
        notUnderstood: (language) => ({ text: t.reviewNotUnderstood[language], suggestions: [t.confirm[language], t.edit[language], t.cancel[language]] }),
      },
      complete: (context, values, language, memory) => this.store(context, values, language, memory),
      cancelled: async (context, language, values, memory) => {
        // The memory's report part is cleared by the caller once the runner has closed the form.
        await sendReply(context, { text: cancelledText(values, memory.report?.correcting, language) });
      },
    };
    this.runner = new FormRunner(this.definition);
  }

  // ── Who claims what (dialogs/routes.ts) ──────────────────────────────────────────────────────────────────────

  /**
   * Whether a message asks for the report journey. Partners' channels and accounts already enrolled reach it with
   * any report message; on the public website a parent's « on a fait une sortie hier » is not taken for a report:
   * only the explicit « déclarer une action », « mes déclarations »… are.
   */
  wants(reading: TurnReading, memory: ConversationMemory, partners: boolean): boolean {
    const known = memory.report?.enrolment !== undefined || memory.report?.revoked === true;
    const staff = partners || known;
    const intent = reading.reportIntent;
    // « groupe de parole hier pour la 2.3.2 avec 6 parents » reads as an action done only from someone who reports.
    if (intent?.kind === 'start' && intent.enrolledOnly) return known;
    if (intent !== null) return staff || (intent.kind === 'start' && !intent.statement);
    // A code pasted on its own, before anything else: the enrolment it is for.
    if (isCodeAlone(reading) && !memory.report?.enrolment) return true;
    // « confirmer » again once the report is stored: said where it went, not searched for.
    return memory.form?.form !== FORM_ID && memory.report?.lastStored !== undefined && readFormCommand(reading.text)?.kind === 'confirm';
  }

  /** A button of one of this journey's cards. */
  ownsCard(data: unknown): boolean {
    return CardDataSchema.safeParse(data).success;
  }

  pendingQuestion(memory: ConversationMemory, speaker?: string): string | null {
    if (!this.isOwner(memory, speaker)) return null;
    if (memory.report?.awaitingCode) return 'code';
    if (memory.report?.choosingDraft) return 'draft choice';
    return this.runner.pendingQuestion(memory);
  }

  answersPending(reading: TurnReading, memory: ConversationMemory, speaker?: string): boolean {
    if (!this.isOwner(memory, speaker)) return false;
    if (memory.report?.awaitingCode) return readEnrolmentCode(reading.text) !== null || readFormCommand(reading.text)?.kind === 'cancel' || triesACode(reading.text);
    if (memory.report?.choosingDraft) return this.draftChoice(reading, memory) !== null;
    if (this.runner.pendingQuestion(memory) === null) return false;
    // « mes déclarations », « corriger RPT-… », « reprendre ma déclaration » are not an answer: the report route takes them.
    const intent = reading.reportIntent;
    if (intent !== null && intent.kind !== 'cancel' && !(intent.kind === 'start' && intent.statement)) return false;
    if (this.asksForFiguresInForm(reading, memory)) return false;
    const beyond = this.saidBeyond(reading, memory);
    return asksWholeForm(reading) || saysBeyond(beyond) || this.runner.answersPending(reading, memory);
  }

  /**
   * « bilan de l'association Les Petites Mains », « combien de parents pour la PA 2.3.2 cette année ? » in the middle
   * of the form ask for figures: the figures route answers them (with what the asker may see), then the form's question
   * comes again, as it does after a sheet question. A form's command (« modifier le nombre de parents ») stays one; at
   * a free-text field only a question leaves the form: « Bilan de l'atelier de mars » is a title.
   */
  private asksForFiguresInForm(reading: TurnReading, memory: ConversationMemory): boolean {
    if (this.services.asksForFigures === undefined || readFormCommand(reading.text) !== null) return false;
    if (FREE_TEXT_FIELDS.has(memory.form?.awaiting ?? '') && !readsAsQuestion(reading.text)) return false;
    return this.services.asksForFigures(reading);
  }

  /** The answer to the choice between the draft and a new report: its words, or a report intent that says as much. */
  private draftChoice(reading: TurnReading, memory?: ConversationMemory): DraftChoice {
    const intent = reading.reportIntent;
    // « supprimer et corriger RPT-… », « corriger RPT-… » again: the correction asked for, in the draft's place.
    const wanted = memory?.report?.correctionWanted;
    if (wanted !== undefined && intent?.kind === 'correct' && (intent.reference === null || intent.reference === wanted)) return 'new';
    const choice = readDraftChoice(reading.text);
    if (choice !== null) return choice;
    if (intent?.kind === 'resume') return 'resume';
    return intent?.kind === 'start' && asksForAnotherReport(reading.text) ? 'new' : null;
  }

  async askAgain(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    if (memory.report?.awaitingCode) {
      // On the website, someone who moved on was not a centre's staff member: the code is not asked again.
      if (isPartnersChannel(context.activity.channelId)) await sendReply(context, { text: t.askCodeAgain[reading.language] });
      else memory.report.awaitingCode = false;
      return;
    }
    if (memory.report?.choosingDraft) {
      await this.askDraftChoice(context, this.inFormLanguage(reading, memory).language, memory);
      return;
    }
    await this.runner.askAgain(context, this.inFormLanguage(reading, memory), memory);
  }

  // ── Answers ─────────────────────────────────────────────────────────────────────────────────────────────────

  /** The answer to the pending question: the enrolment code, or a field of the form (or a command at any field). */
  async answer(context: TurnContext, turnReading: TurnReading, memory: ConversationMemory): Promise<void> {
    const reading = this.inFormLanguage(turnReading, memory);
    if (memory.report?.awaitingCode) {
      await this.answerCode(context, reading, memory);
      return;
    }
    if (memory.report?.choosingDraft) {
      await this.answerDraftChoice(context, reading, memory);
      return;
    }
    if (asksWholeForm(reading)) {
      await this.sendWholeForm(context, reading.language, memory);
      return;
    }
    const beyond = this.saidBeyond(reading, memory);
    const awaited = memory.form?.awaiting ?? '';
    if (saysBeyond(beyond)) {
      // Said back as a first message is, so the person sees what was taken, and what was not and why; then only what
      // is still missing.
      const next = this.runner.firstMissing({ ...(memory.form?.values ?? {}), ...beyond.values } as Partial<ReportValues>);
      await sendReply(context, { text: this.saidBack(beyond, reading.language, next) });
      // Given together, in the form's order: the sheet first, so that the action said with it is not cleared by it.
      this.runner.giveValues(memory, beyond.values, beyond.notes);
      if (awaited in beyond.values) await this.runner.resume(context, reading.language, memory);
      else await this.runner.answer(context, reading, memory);
    } else {
      await this.runner.answer(context, reading, memory);
    }
    await this.afterFormTurn(context, memory);
  }

  /**
   * What an answer says beyond the field asked, read as a first message is read: « café des parents le 12 mars pour
   * la PA 2.3.2, 14 parents dont 6 en QPV » to « Pour quelle fiche action ? » gives the kind, the date and the counts
   * too. Only fields still missing are taken (a value already given is changed by « modifier »), and only when the
   * answer says more than the field asked. A title, partners or a comment is taken as typed: « Café des parents de
   * mars » is a title, not a month; a question says nothing of the report.
   */
  private saidBeyond(reading: TurnReading, memory: ConversationMemory): FirstMessage {
    const nothing: FirstMessage = { values: {}, notTaken: [], notes: {}, noted: {} };
    const state = memory.form;
    if (state?.form !== FORM_ID || state.awaiting === REVIEW_STEP || FREE_TEXT_FIELDS.has(state.awaiting) || state.awaiting === 'indicators') return nothing;
    if (asksSomethingElse(reading) || readFormCommand(reading.text) !== null) return nothing;
    // « celle sur les cafés des parents » to « Pour quelle fiche ? » names the sheet by its subject: not the kind.
    if (state.awaiting === 'sheet' && namesSheetWithoutCode(reading)) return nothing;
    const values = state.values as Partial<ReportValues>;
    // A part said larger than the whole (given now or before) is not taken, and said with why (./reportForm.ts).
    const said = readFirstMessage(reading, this.services.sheets, values);
    const missing: Partial<ReportValues> = Object.fromEntries(Object.entries(said.values).filter(([key]) => !(key in values)));
    // What is said of the field asked is its own answer, read by the field (« le 12 mars 2027 » to « Quand ? » is
    // refused there); a doubt stays with a value taken here.
    const own = (key: string) => key !== state.awaiting || key in missing;
    const notes = Object.fromEntries(Object.entries(said.notes).filter(([key]) => own(key) && (key in missing || !(key in values))));
    const noted = Object.fromEntries(Object.entries(said.noted).filter(([key]) => key in notes));
    const beyond: FirstMessage = { values: missing, notTaken: said.notTaken, notes, noted };
    return Object.keys(missing).some((key) => key !== state.awaiting) || said.notTaken.length > 0 || Object.keys(noted).length > 0 ? beyond : nothing;
  }

  /**
   * « J'ai compris : … » with what was taken, then « Je n'ai pas retenu : … » with what was not and why. A refusal
   * said again with its field's question is not said here when that question comes next (`next`).
   */
  private saidBack(said: FirstMessage, language: Language, next: string | null = null): string {
    const facts = this.facts(said.values, language, false).map((fact) => `${inSentence(fact.label)} : ${fact.value}`);
    const refused = [...said.notTaken, ...Object.entries(said.noted).filter(([key]) => key !== next).map(([, line]) => line as string)];
    const lines = [facts.length > 0 ? t.understood[language](facts.join(' ; ')) : '', refused.length > 0 ? t.notTaken[language](refused.join(' ; ')) : ''];
    return lines.filter((line) => line !== '').join(' ');
  }

  /** « déclarer une action », « reprendre ma déclaration », « mes déclarations », « corriger RPT-… ». */
  async answerIntent(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const intent = reading.reportIntent;
    if (intent === null) {
      if (isCodeAlone(reading)) {
        this.reportMemory(memory).awaitingCode = true;
        await this.answerCode(context, reading, memory);
        return;
      }
      const stored = memory.report?.lastStored;
      if (stored) await sendReply(context, { text: t.alreadyStored[reading.language](stored.reference) });
      return;
    }
    if (!this.isOwner(memory, accountKey(context)) && (memory.form?.form === FORM_ID || memory.report?.awaitingCode || memory.report?.choosingDraft)) {
      // One report at a time in a shared conversation; each person's own is best done in a private chat.
      await sendReply(context, { text: t.someoneElsesReport[reading.language] });
      return;
    }
    const report = this.reportMemory(memory);
    report.language = reading.language;
    // Another request for a report settles the choice between the draft and a new one (asked again if need be).
    if (intent.kind !== 'list') {
      delete report.choosingDraft;
      delete report.statement;
      delete report.correctionWanted;
    }
    switch (intent.kind) {
      case 'list':
        if (!(await this.checkEnrolment(context, memory))) {
          await sendReply(context, { text: report.revoked ? reportAccountTexts.revoked[reading.language] : t.notEnrolledToList[reading.language] });
          return;
        }
        await this.listReports(context, reading.language);
        // The same journey answered, so the main dialog does not see an interruption: the form's question comes back here.
        if (memory.form?.form === FORM_ID) await this.runner.askAgain(context, this.inFormLanguage(reading, memory), memory);
        return;
      case 'correct':
        await this.startCorrection(context, reading, memory, intent.reference);
        return;
      case 'cancel':
        await this.cancelDraft(context, reading.language, memory);
        return;
      case 'resume':
      case 'start': {
        const enrolment = await this.checkEnrolment(context, memory);
        if (!enrolment && report.revoked) {
          await sendReply(context, { text: reportAccountTexts.revoked[reading.language] });
          return;
        }
        if (!enrolment) {
          // The first message is kept (« déclarer une action pour la PA 3.2.1 »): what it says is taken once enrolled.
          await this.askCode(context, reading, memory, intent.kind === 'start' ? reading.text : undefined);
          return;
        }
        await this.startOrResume(context, reading, memory, intent.kind === 'resume', intent.kind === 'start' && asksForAnotherReport(reading.text));
        return;
      }
    }
  }

  /**
   * An enrolled account reaches its drafts, reports and figures in any conversation, not only in the one it enrolled
   * in: on the website every page load is a new conversation. Its enrolment is looked up in the store on the turns that
   * ask for a report or for figures only, and kept in the conversation's memory, so that the route table lets its
   * requests through (the report route, the figures route). The memory's enrolment never stands alone: it is checked
   * again before anything is listed, stored or counted, so a revoked account stays revoked. Partners' channels need no
   * look-up: there every report message reaches the journey, and the figures route asks where the speaker stands.
   */
  async recallEnrolment(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const intent = reading.reportIntent;
    // In partners' channels every report message reaches the journey, but a sentence that is a report only from an
    // enrolled account needs to know whether it is one.
    const enrolledOnly = intent?.kind === 'start' && intent.enrolledOnly === true;
    if ((isPartnersChannel(context.activity.channelId) && !enrolledOnly) || memory.report?.enrolment !== undefined || reading.safety !== null) return;
    if (intent !== null) {
      // Asking for a report: where the account stands, in one call, so that a revoked account is told so.
      await this.enrolment.recall(context, this.reportMemory(memory));
      return;
    }
    if (!(this.services.asksForFigures?.(reading) ?? false)) return;
    const found = await this.services.store.enrolments.find(accountKey(context));
    if (!found) return;
    this.reportMemory(memory).enrolment = { id: found.id, structureId: found.structureId, structureName: found.structureName, communeCode: found.communeCode, communeName: found.communeName };
  }

  /**
   * THE ACCOUNT'S DRAFT IS THE TRUTH. A conversation keeps the form it was filling in; the same account may meanwhile
   * have confirmed, cancelled or replaced that draft in another conversation (another tab, Teams and the website,
   * another instance). At the start of each turn that holds a report form, the conversation's form is checked against
   * the draft stored for the account: the same draft, and it takes the stored state (another conversation may have
   * moved it on); another, or none, and only the form state goes, said in one sentence, and the message is then read
   * as new: a new report sentence starts a new report, never swallowed. A message that only answered the stale form
   * (« 2 », « confirmer », its card's button) gets that sentence alone. Nothing else of the conversation is cleared.
   */
  async dropStaleDraft(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const report = memory.report;
    if (reading.safety !== null || memory.form?.form !== FORM_ID || !report?.draft) return;
    const owner = report.owner ?? accountKey(context);
    const saved = await this.services.store.drafts.get(owner);
    const body = saved ? StoredDraftBodySchema.safeParse(saved.body) : null;
    if (body?.success && body.data.draft === report.draft) {
      memory.form = body.data.form;
      if (body.data.correcting) report.correcting = body.data.correcting;
      return;
    }
    const ended = saved ? EndedDraftBodySchema.safeParse(saved.body) : null;
    const language = this.inFormLanguage(reading, memory).language;
    const speaker = accountKey(context);
    const card = CardDataSchema.safeParse(cardData(context));
    const intent = reading.reportIntent;
    const answeredIt =
      (card.success && card.data.draft === report.draft) ||
      (!card.success && intent?.kind !== 'start' && intent?.kind !== 'list' && this.answersPending(reading, memory, speaker));
    const text = staleDraftText(ended?.success && ended.data.ended.draft === report.draft ? ended.data.ended : null, body?.success === true, language);
    if (ended?.success && ended.data.ended.draft === report.draft && ended.data.ended.reference) {
      report.lastStored = { draft: report.draft, reference: ended.data.ended.reference };
    }
    delete memory.form;
    delete report.draft;
    delete report.correcting;
    delete report.choosingDraft;
    delete report.correctionWanted;
    if (answeredIt) context.turnState.set(STALE_ANSWER, true);
    await sendReply(context, { text });
  }

  /** Whether this turn's message only answered a draft found stale at its start (see dropStaleDraft). */
  answeredStaleDraft(context: TurnContext): boolean {
    return context.turnState.get(STALE_ANSWER) === true;
  }

  /** A button of the summary or the whole form. */
  async answerCard(context: TurnContext, turnReading: TurnReading, memory: ConversationMemory, data: unknown): Promise<void> {
    const reading = this.inFormLanguage(turnReading, memory);
    const parsed = CardDataSchema.safeParse(data);
    if (!parsed.success) return;
    const card = parsed.data;
    const language = reading.language;
    if (!this.isOwner(memory, accountKey(context))) {
      await sendReply(context, { text: t.someoneElsesReport[language] });
      return;
    }
    const current = memory.form?.form === FORM_ID && memory.report?.draft === card.draft;
    if (!current) {
      const stored = memory.report?.lastStored;
      if (stored && stored.draft === card.draft) await sendReply(context, { text: t.alreadyStored[language](stored.reference) });
      else await sendReply(context, { text: t.staleCard[language] });
      return;
    }
    if (card.command === 'form') await this.takeWholeForm(context, reading, memory, data);
    else await this.runner.obey(context, cardCommand(card), language, memory);
    await this.afterFormTurn(context, memory);
  }

  // ── Enrolment (./enrolment.ts) ───────────────────────────────────────────────────────────────────────────────

  private checkEnrolment(context: TurnContext, memory: ConversationMemory): Promise<ReportMemory['enrolment'] | null> {
    return this.enrolment.check(context, this.reportMemory(memory));
  }

  /** Where an account stands with the centres, for the figures route (see Enrolment.standing). */
  standing(speaker: string): Promise<EnrolmentStanding> {
    return this.enrolment.standing(speaker);
  }

  private askCode(context: TurnContext, reading: TurnReading, memory: ConversationMemory, statement: string | undefined): Promise<void> {
    return this.enrolment.askCode(context, reading, this.reportMemory(memory), statement);
  }

  /** The code awaited: once enrolled, the report starts with what they had said before it was asked. */
  private async answerCode(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const outcome = await this.enrolment.takeCode(context, reading, this.reportMemory(memory));
    if (outcome.kind !== 'enrolled') return;
    const first = outcome.statement ? this.services.readText(outcome.statement, reading) : reading;
    await this.startOrResume(context, outcome.statement ? first : { ...reading, text: '' }, memory, false);
  }

  // ── The form ────────────────────────────────────────────────────────────────────────────────────────────────

  private async startOrResume(context: TurnContext, reading: TurnReading, memory: ConversationMemory, onlyResume: boolean, another = false): Promise<void> {
    const language = reading.language;
    const report = this.reportMemory(memory);
    // « déclarer une nouvelle action » while a draft is kept: the person chooses; nothing is dropped before.
    if (another && !onlyResume && (await this.draftUnderWay(context, memory)) !== null) {
      report.choosingDraft = true;
      report.owner = accountKey(context);
      if (reading.text !== '') report.statement = reading.text.slice(0, 1000);
      await this.askDraftChoice(context, language, memory);
      return;
    }
    // A draft with nothing in it yet (just enrolled, still at « Pour quelle fiche ? ») is not another report: a first
    // message that says what was done, or asks for a new one, starts afresh rather than « je reprends… ».
    const tells = !onlyResume && (another || Object.keys(this.prefill(reading)).length > 0);
    const emptyDraft = (values: Record<string, unknown> | undefined) => values !== undefined && Object.keys(values).length === 0;
    if (tells && memory.form?.form === FORM_ID && emptyDraft(memory.form.values)) delete memory.form;
    if (memory.form?.form === FORM_ID && report.draft) {
      await sendReply(context, { text: t.resumed[language](this.draftName(memory, language)) });
      await this.runner.askAgain(context, reading, memory);
      return;
    }
    const saved = await this.services.store.drafts.get(accountKey(context));
    const body = saved ? StoredDraftBodySchema.safeParse(saved.body) : null;
    if (body?.success && !(tells && emptyDraft(body.data.form.values))) {
      report.owner = accountKey(context);
      memory.form = body.data.form;
      report.draft = body.data.draft;
      if (body.data.correcting) report.correcting = body.data.correcting;
      else delete report.correcting;
      const statement = !onlyResume && readReportIntent(reading.text, reading.now)?.kind === 'start' && readReportStatement(reading.text, reading.now);
      const extra = statement && Object.keys(statement).length > 0 ? ` ${t.resumedInstead[language]}` : '';
      await sendReply(context, { text: `${t.resumed[language](this.draftName(memory, language))}${extra}` });
      await this.runner.resume(context, language, memory);
      await this.afterFormTurn(context, memory);
      return;
    }
    if (onlyResume) {
      await sendReply(context, { text: t.noDraft[language] });
      return;
    }
    report.draft = randomUUID();
    report.owner = accountKey(context);
    delete report.correcting;
    const centre = report.enrolment?.structureName ?? '';
    const said = readFirstMessage(reading, this.services.sheets);
    const given = said.values;
    const opening = [t.starting[language](centre), this.saidBack(said, language, this.runner.firstMissing(given))].filter((line) => line !== '').join(' ');
    await sendReply(context, { text: opening, suggestions: [t.wholeForm[language]] });
    await this.runner.start(context, reading, memory, given, said.notes);
    await this.afterFormTurn(context, memory);
    if (/\b(formulaire|whole form|full form)\b/i.test(reading.text) && memory.form?.form === FORM_ID) await this.sendWholeForm(context, language, memory);
  }

  /** The draft kept for the account, if it holds one under way. */
  private async storedDraft(context: TurnContext): Promise<StoredDraftBody | null> {
    const saved = await this.services.store.drafts.get(accountKey(context));
    const body = saved ? StoredDraftBodySchema.safeParse(saved.body) : null;
    return body?.success ? body.data : null;
  }

  /** The draft under way with something in it, in this conversation or kept for the account: its name; null when none. */
  private async draftUnderWay(context: TurnContext, memory: ConversationMemory): Promise<{ values: Partial<ReportValues> } | null> {
    if (memory.form?.form === FORM_ID && memory.report?.draft) {
      const values = memory.form.values as Partial<ReportValues>;
      return Object.keys(values).length > 0 ? { values } : null;
    }
    const saved = await this.services.store.drafts.get(accountKey(context));
    const body = saved ? StoredDraftBodySchema.safeParse(saved.body) : null;
    if (!body?.success) return null;
    const values = body.data.form.values as Partial<ReportValues>;
    return Object.keys(values).length > 0 ? { values } : null;
  }

  private async askDraftChoice(context: TurnContext, language: Language, memory: ConversationMemory): Promise<void> {
    const draft = await this.draftUnderWay(context, memory);
    if (draft === null) {
      // Gone meanwhile (stored or cancelled in another conversation): nothing to choose.
      delete this.reportMemory(memory).choosingDraft;
      return;
    }
    const correction = this.reportMemory(memory).correctionWanted;
    const name = draftNameOf(draft.values, language);
    await sendReply(
      context,
      correction !== undefined
        ? { text: draftChoiceTexts.questionBeforeCorrection[language](name, correction), suggestions: [draftChoiceTexts.resume[language], draftChoiceTexts.dropAndCorrect[language](correction)] }
        : { text: draftChoiceTexts.question[language](name), suggestions: [draftChoiceTexts.resume[language], draftChoiceTexts.new[language], draftChoiceTexts.drop[language]] },
    );
  }

  /** Resume the draft, start a new report (the draft is deleted only now), or delete the draft. */
  private async answerDraftChoice(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const report = this.reportMemory(memory);
    const choice = this.draftChoice(reading, memory);
    if (choice === null) return;
    const statement = report.statement;
    const correction = report.correctionWanted;
    delete report.choosingDraft;
    delete report.statement;
    delete report.correctionWanted;
    if (choice === 'resume') {
      await this.startOrResume(context, reading, memory, true);
      return;
    }
    await this.dropDraft(context, memory, report.draft === undefined ? (await this.storedDraft(context))?.draft : undefined);
    if (choice === 'drop') {
      await sendReply(context, { text: draftChoiceTexts.dropped[reading.language] });
      return;
    }
    if (correction !== undefined) {
      await this.startCorrection(context, reading, memory, correction);
      return;
    }
    if (!(await this.checkEnrolment(context, memory))) {
      await sendReply(context, { text: t.notEnrolledAnyMore[reading.language] });
      return;
    }
    // What they said when they asked for a new one (« nouvelle déclaration pour la PA 2.3.2 ») starts it.
    await this.startOrResume(context, statement ? this.services.readText(statement, reading) : { ...reading, text: '' }, memory, false);
  }

  /**
   * « annuler ma déclaration », « stop » said where the form is not: the account's draft, kept in any conversation,
   * is dropped, and what it was is said back.
   */
  private async cancelDraft(context: TurnContext, language: Language, memory: ConversationMemory): Promise<void> {
    const here = memory.form?.form === FORM_ID ? { values: memory.form.values, correcting: memory.report?.correcting } : null;
    const saved = here ? null : await this.services.store.drafts.get(accountKey(context));
    const body = saved ? StoredDraftBodySchema.safeParse(saved.body) : null;
    const kept = here ?? (body?.success ? { values: body.data.form.values, correcting: body.data.correcting } : null);
    if (kept === null) {
      await sendReply(context, { text: t.noDraft[language] });
      return;
    }
    await this.dropDraft(context, memory, body?.success ? body.data.draft : undefined);
    await sendReply(context, { text: cancelledText(kept.values as Partial<ReportValues>, kept.correcting, language) });
  }

  /** Deletes the draft under way: this conversation's form and the one kept for the account. */
  private async dropDraft(context: TurnContext, memory: ConversationMemory, storedDraft?: string): Promise<void> {
    const report = this.reportMemory(memory);
    const draft = report.draft ?? storedDraft;
    if (memory.form?.form === FORM_ID) delete memory.form;
    delete report.draft;
    delete report.correcting;
    await this.endDraft(context, draft === undefined ? undefined : { draft, how: 'cancelled' });
  }

  /**
   * The account's draft is no more: what became of it stays in its place, so that a conversation still holding it
   * says so rather than saving it back (see dropStaleDraft). Purged with the drafts, 30 days on.
   */
  private async endDraft(context: TurnContext, ended: EndedDraftBody['ended'] | undefined): Promise<void> {
    const key = accountKey(context);
    if (ended === undefined) await this.services.store.drafts.delete(key);
    else await this.services.store.drafts.save(key, { version: 1, ended } satisfies EndedDraftBody, this.services.now().toJSDate());
  }

  /** Everything the first message says that the form takes: its sheet and action, kind, dates, counts, partners. */
  private prefill(reading: TurnReading): Partial<ReportValues> {
    return readFirstMessage(reading, this.services.sheets).values;
  }

  /** The draft follows the form: saved at every step, removed once stored or cancelled. */
  private async afterFormTurn(context: TurnContext, memory: ConversationMemory): Promise<void> {
    const report = this.reportMemory(memory);
    const key = accountKey(context);
    if (memory.form?.form === FORM_ID && report.draft) {
      await this.services.store.drafts.save(key, { version: 1, form: memory.form, draft: report.draft, ...(report.correcting ? { correcting: report.correcting } : {}) }, this.services.now().toJSDate());
      return;
    }
    if (report.draft) {
      const stored = report.lastStored?.draft === report.draft ? report.lastStored.reference : undefined;
      await this.endDraft(context, { draft: report.draft, how: stored ? 'stored' : 'cancelled', ...(stored ? { reference: stored } : {}) });
      delete report.draft;
      delete report.correcting;
    }
  }

  /** The whole form as one card, pre-filled; `problems`, what a submitted card must fix, is said above its inputs. */
  private async sendWholeForm(context: TurnContext, language: Language, memory: ConversationMemory, problems?: string): Promise<void> {
    const values = (memory.form?.values ?? {}) as Partial<ReportValues>;
    const intro = problems ?? t.wholeFormIntro[language];
    const card = reportFormCard(
      { heading: t.wholeForm[language], intro, draft: this.reportMemory(memory).draft ?? '', inputs: wholeFormInputs(values, values.sheet ? this.services.sheets.sheetById(values.sheet.sheetId) : undefined, language), submit: t.confirm[language] },
      context.activity.channelId,
    );
    await sendReply(context, { text: intro, cards: [card] });
  }

  /**
   * The whole form, sent back as one card (./wholeForm.ts reads it). What passes is kept; when something does not,
   * the card comes back as it was sent with what to fix above it — a person who filled a card fixes it in the card,
   * rather than being led into typed questions, and a typed answer still goes to the first gap.
   */
  private async takeWholeForm(context: TurnContext, reading: TurnReading, memory: ConversationMemory, data: unknown): Promise<void> {
    const { values, problems } = readWholeForm(data, {
      fields: this.definition.fields,
      before: (memory.form?.values ?? {}) as Partial<ReportValues>,
      reading,
      readText: this.services.readText,
      sheetById: (id) => this.services.sheets.sheetById(id),
      now: this.services.now(),
    });
    this.runner.giveValues(memory, values);
    if (problems.length > 0) {
      this.runner.standAtNext(memory);
      await this.sendWholeForm(context, reading.language, memory, t.cardProblems[reading.language](problems.map((problem) => `- ${problem}`).join('\n')));
      return;
    }
    await this.runner.resume(context, reading.language, memory);
  }

  // ── Review and storing ──────────────────────────────────────────────────────────────────────────────────────

  private summary(values: ReportValues, language: Language, context: TurnContext, memory: ConversationMemory) {
    const report = this.reportMemory(memory);
    const facts = this.facts(values, language, true);
    const centre = report.enrolment?.structureName;
    const card = reportSummaryCard(
      {
        heading: report.correcting ? t.correcting[language](report.correcting) : t.reviewIntro[language].split('.')[0] ?? '',
        intro: t.reviewIntro[language],
        facts: [...(centre ? [{ label: summaryLabels.centre[language], value: centre }] : []), ...facts],
        draft: report.draft ?? '',
        buttons: { confirm: t.confirm[language], edit: t.edit[language], cancel: t.cancel[language] },
        editable: facts.map((fact) => ({ title: fact.label, value: fact.key })),
      },
      context.activity.channelId,
    );
    const text = [t.reviewIntro[language], ...facts.map((fact) => `- ${fact.label} : ${fact.value}`)].join('\n');
    return { text, cards: [card], suggestions: [t.confirm[language], t.edit[language], t.cancel[language]] };
  }

  /** The values as the summary shows them, in the form's order. */
  private facts(values: Partial<ReportValues>, language: Language, all: boolean): Array<{ key: string; label: string; value: string }> {
    return reportFacts(values, values.sheet ? this.services.sheets.sheetById(values.sheet.sheetId) : undefined, language, all);
  }

  /** Stores the confirmed report (or its correction); false keeps the form at its review, the person told why. */
  private async store(context: TurnContext, values: ReportValues, language: Language, memory: ConversationMemory): Promise<boolean> {
    const report = this.reportMemory(memory);
    const key = accountKey(context);
    const now = this.services.now().toJSDate();
    const body = reportBodyOf(withParentsIndicators(values, values.sheet ? this.services.sheets.sheetById(values.sheet.sheetId) : undefined));
    if (report.correcting) {
      if (!(await this.checkEnrolment(context, memory))) {
        await sendReply(context, { text: t.notEnrolledAnyMore[language] });
        return false;
      }
      const corrected = await this.services.store.reports.correct(report.correcting, body, key, now);
      if (!corrected) {
        await sendReply(context, { text: t.notYourReport[language](report.correcting) });
        return false;
      }
      if (report.draft) report.lastStored = { draft: report.draft, reference: corrected.id };
      await sendReply(context, { text: t.corrected[language](corrected.id, corrected.version) });
      return true;
    }
    const enrolment = await this.checkEnrolment(context, memory);
    if (!enrolment || !report.draft) {
      await sendReply(context, { text: t.notEnrolledAnyMore[language] });
      return false;
    }
    const centre: Centre = { structureId: enrolment.structureId, structureName: enrolment.structureName, communeCode: enrolment.communeCode, communeName: enrolment.communeName };
    const { report: stored, created } = await this.services.store.reports.submit({
      submissionKey: report.draft,
      centre,
      body,
      submittedBy: key,
      channelId: context.activity.channelId ?? 'unknown',
      submittedAt: now,
    });
    report.lastStored = { draft: report.draft, reference: stored.id };
    await sendReply(context, { text: created ? t.stored[language](stored.id) : t.alreadyStored[language](stored.id), suggestions: [t.myReports[language]] });
    return true;
  }

  // ── One's own reports ───────────────────────────────────────────────────────────────────────────────────────

  private async listReports(context: TurnContext, language: Language): Promise<void> {
    const reports = await this.services.store.reports.list({ submittedBy: accountKey(context) });
    if (reports.length === 0) {
      await sendReply(context, { text: t.myReportsNone[language] });
      return;
    }
    const newest = [...reports].sort((a, b) => (a.startDate === b.startDate ? b.id.localeCompare(a.id) : b.startDate.localeCompare(a.startDate))).slice(0, LISTED_REPORTS);
    const lines = newest.map((item) => `- ${reportLine(item, language)}`);
    await sendReply(context, {
      text: [t.myReportsTitle[language](reports.length, newest.length), ...lines, t.myReportsHint[language]].join('\n'),
      suggestions: newest.slice(0, 3).map((item) => t.correctReport[language](item.id)),
    });
  }

  private async startCorrection(context: TurnContext, reading: TurnReading, memory: ConversationMemory, reference: string | null): Promise<void> {
    const language = reading.language;
    if (reference === null) {
      await sendReply(context, { text: t.whichReport[language] });
      return;
    }
    if (memory.form?.form === FORM_ID && memory.report?.correcting === reference) {
      // Already correcting it: go on where it was.
      await this.runner.askAgain(context, reading, memory);
      return;
    }
    if (!(await this.checkEnrolment(context, memory))) {
      await sendReply(context, { text: t.notEnrolledAnyMore[language] });
      return;
    }
    const enrolment = memory.report?.enrolment;
    const stored = await this.services.store.reports.get(reference);
    // Only its author corrects a report, and only while enrolled for the same centre.
    if (!stored || stored.submittedBy !== accountKey(context) || stored.structureId !== enrolment?.structureId) {
      await sendReply(context, { text: t.notYourReport[language](reference) });
      return;
    }
    const report = this.reportMemory(memory);
    // One draft per account, in any conversation: the correction would take its place, so the person chooses first
    // (the same choice as for « nouvelle déclaration »); nothing is dropped before.
    if ((await this.draftUnderWay(context, memory)) !== null) {
      report.choosingDraft = true;
      report.correctionWanted = stored.id;
      report.owner = accountKey(context);
      await this.askDraftChoice(context, language, memory);
      return;
    }
    const sheet = this.services.sheets.sheets.find((candidate) => candidate.plan.id === stored.planId && candidate.code === stored.sheetCode);
    report.draft = randomUUID();
    report.owner = accountKey(context);
    report.correcting = stored.id;
    await sendReply(context, { text: t.correcting[language](stored.id) });
    await this.runner.start(context, reading, memory, valuesOfReport(stored, sheet));
    await this.afterFormTurn(context, memory);
  }

  // ── Helpers ─────────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * A form goes on in the language it started in: « 12 » or « PA 2.3.2 » say nothing of a language, and an English
   * speaker's form should not turn French at the first number.
   */
  private inFormLanguage(reading: TurnReading, memory: ConversationMemory): TurnReading {
    const language = memory.report?.language;
    return language && language !== reading.language && !saysLanguage(reading.text, reading.language) ? { ...reading, language } : reading;
  }

  /** Whether the report under way (if any) is this speaker's; no speaker given: the conversation's own view. */
  private isOwner(memory: ConversationMemory, speaker: string | undefined): boolean {
    const owner = memory.report?.owner;
    return speaker === undefined || owner === undefined || owner === speaker;
  }

  /** The memory's report part, made when first needed; cleared of what a closed form leaves behind. */
  private reportMemory(memory: ConversationMemory): ReportMemory {
    memory.report ??= ReportMemorySchema.parse({});
    return memory.report;
  }

  private draftName(memory: ConversationMemory, language: Language): string {
    return draftNameOf((memory.form?.values ?? {}) as Partial<ReportValues>, language);
  }
}

/** Whether an answer said more than the field asked: values of other fields, or something of them not taken. */
function saysBeyond(beyond: FirstMessage): boolean {
  return Object.keys(beyond.values).length > 0 || beyond.notTaken.length > 0 || Object.keys(beyond.noted).length > 0;
}

/** A draft as the person knows it: its kind, sheet and title (« café des parents, PA 2.3.2 »). */
function draftNameOf(values: Partial<ReportValues>, language: Language): string {
  // What staff typed is shown as typed, with its Markdown neutralised (« Je reprends… », « annulée »).
  const parts = [values.kind ? KIND_LABELS[values.kind][language].toLowerCase() : undefined, values.sheet?.sheetCode, values.title].filter((part): part is string => Boolean(part)).map(escapeMarkdown);
  return parts.length > 0 ? parts.join(', ') : t.noAnswerYet[language];
}

/** What « annuler » dropped: the draft by its name, or the correction (the stored report stays as it was). */
function cancelledText(values: Partial<ReportValues>, correcting: string | undefined, language: Language): string {
  if (correcting !== undefined) return t.correctionCancelledWhat[language](correcting);
  return Object.keys(values).length > 0 ? t.cancelledWhat[language](draftNameOf(values, language)) : t.cancelled[language];
}


/** Words only French has, among those staff type in a report's answers. */
const FRENCH_WORDS = /\b(le|la|les|des|une|avec|pour|aucun|aucune|oui|non|merci|bonjour|rien)\b/i;

/** Whether a text, on its own, says it is written in this language (a number, a code or « ok » says nothing). */
function saysLanguage(text: string, language: Language): boolean {
  return detectLanguage(text) === language && (language === 'en' || FRENCH_WORDS.test(text));
}

/**
 * A typed command of the report form. A change of a title, partners or comment reads only what follows the field's
 * name (« modifier le titre » alone says no title: the question is asked); a count or a date reads the whole message,
 * unless it is the change alone.
 */
function formCommandOf(text: string): FormCommand | null {
  const command = readFormCommand(text) as FormCommand | null;
  if (command?.kind !== 'edit' || command.field === null) return command;
  const value = valueOfChange(text);
  if (value === '' || (value !== undefined && FREE_TEXT_FIELDS.has(command.field))) return { ...command, value };
  // Other words before a free text's name (« non, les partenaires c'étaient la Caf ») are no value to keep whole.
  return FREE_TEXT_FIELDS.has(command.field) ? { ...command, value: '' } : command;
}

function cardCommand(card: CardData): FormCommand {
  if (card.command === 'edit') return { kind: 'edit', field: card.field ?? null };
  return { kind: card.command === 'cancel' ? 'cancel' : 'confirm' };
}

/** A label inside a sentence: its first letter in lower case, acronyms kept (« Dont en QPV » → « dont en QPV »). */
function inSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase('fr') + label.slice(1);
}

/** The sentence that drops a stale draft: stored (with its reference) or cancelled elsewhere, or replaced by another. */
function staleDraftText(ended: EndedDraftBody['ended'] | null, replaced: boolean, language: Language): string {
  if (ended?.how === 'stored') return reportAccountTexts.storedElsewhere[language](ended.reference);
  return replaced && ended === null ? reportAccountTexts.replacedElsewhere[language] : reportAccountTexts.cancelledElsewhere[language];
}

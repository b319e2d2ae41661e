import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { accountKey } from '../../src/bot/account';
import { sendReply } from '../../src/bot/replies';
import { reportFormCard, reportSummaryCard } from '../../src/cards/reportCards';
import { detectLanguage, type Language } from '../../src/language/text';
import { datesText, KIND_LABELS, reportTexts as t, summaryLabels } from '../../src/messages/reports';
import type { TurnReading } from '../../src/reading';
import { readEnrolmentCode } from '../../src/reports/enrolmentCodes';
import type { Centre, EnrolmentStanding, Report } from '../../src/reports/model';
import { readFormCommand, readReportIntent, readReportStatement } from '../../src/reports/reading';
import type { SheetIndex } from '../../src/sheets';
import type { Store } from '../../src/storage';
import type { ConversationMemory } from '../conversationMemory';
import { FormRunner, REVIEW_STEP, type FormCommand, type FormDefinition } from '../forms/formRunner';
import { isPartnersChannel } from '../commands';
import type { MultiTurnJourney } from '../journey';
import {
  actionLabel, asksSomethingElse, looksLikeAnotherQuestion, reportBodyOf, reportFields, ReportValuesSchema, valuesOfReport, wholeFormProblem,
  withParentsIndicators, type ReportValues,
} from './reportForm';
import { Enrolment, isCodeAlone } from './enrolment';
import { ReportMemorySchema, StoredDraftBodySchema, type ReportMemory } from './reportMemory';
import { asksWholeForm, FREE_TEXT_FIELDS, readWholeForm, wholeFormInputs } from './wholeForm';

/**
 * A CENTRE REPORTS AN ACTION. Staff of a centre social or EVS tell the bot what they ran; the bot asks only what is
 * missing (the form is data: ./reportForm.ts), shows a summary to confirm, and stores the report once.
 *
 *   « déclarer une action », « on a fait un café des parents le 12 mars… »   start (asks the centre's code the first time)
 *   « reprendre ma déclaration »                                             the saved draft, even days later
 *   « mes déclarations »                                                      one's own reports
 *   « corriger RPT-2026-000123 »                                              a stored report, back to its summary
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
}

const FORM_ID = 'report';
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
      command: (reading) => readFormCommand(reading.text) as FormCommand | null,
      isAnotherQuestion: (reading) => looksLikeAnotherQuestion(reading) || reading.sheets.codes.length > 0,
      wholeFormProblem: (message, values, language) => wholeFormProblem(message, values, language),
      review: {
        summary: (values, language, context, memory) => this.summary(values, language, context, memory),
        whichField: (language) => ({ text: t.whichField[language] }),
      },
      complete: (context, values, language, memory) => this.store(context, values, language, memory),
      cancelled: async (context, language) => {
        // The memory's report part is cleared by the caller once the runner has closed the form.
        await sendReply(context, { text: t.cancelled[language] });
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
    const staff = partners || memory.report?.enrolment !== undefined;
    const intent = readReportIntent(reading.text, reading.now);
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
    return this.runner.pendingQuestion(memory);
  }

  answersPending(reading: TurnReading, memory: ConversationMemory, speaker?: string): boolean {
    if (!this.isOwner(memory, speaker)) return false;
    if (memory.report?.awaitingCode) return readEnrolmentCode(reading.text) !== null || readFormCommand(reading.text)?.kind === 'cancel';
    if (this.runner.pendingQuestion(memory) === null) return false;
    // « mes déclarations », « corriger RPT-… », « reprendre ma déclaration » are not an answer: the report route takes them.
    const intent = readReportIntent(reading.text, reading.now);
    if (intent !== null && !(intent.kind === 'start' && intent.statement)) return false;
    return asksWholeForm(reading) || Object.keys(this.saidBeyond(reading, memory)).length > 0 || this.runner.answersPending(reading, memory);
  }

  async askAgain(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    if (memory.report?.awaitingCode) {
      // On the website, someone who moved on was not a centre's staff member: the code is not asked again.
      if (isPartnersChannel(context.activity.channelId)) await sendReply(context, { text: t.askCodeAgain[reading.language] });
      else memory.report.awaitingCode = false;
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
    if (asksWholeForm(reading)) {
      await this.sendWholeForm(context, reading.language, memory);
      return;
    }
    const beyond = this.saidBeyond(reading, memory);
    const awaited = memory.form?.awaiting ?? '';
    if (Object.keys(beyond).length > 0) {
      // Said back as a first message is, so the person sees what was taken; then only what is still missing.
      const facts = this.facts(beyond, reading.language, false).map((fact) => `${inSentence(fact.label)} : ${fact.value}`);
      await sendReply(context, { text: t.understood[reading.language](facts.join(' ; ')) });
      // Given together, in the form's order: the sheet first, so that the action said with it is not cleared by it.
      this.runner.giveValues(memory, beyond);
      if (awaited in beyond) await this.runner.resume(context, reading.language, memory);
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
  private saidBeyond(reading: TurnReading, memory: ConversationMemory): Partial<ReportValues> {
    const state = memory.form;
    if (state?.form !== FORM_ID || state.awaiting === REVIEW_STEP || FREE_TEXT_FIELDS.has(state.awaiting) || state.awaiting === 'indicators') return {};
    if (asksSomethingElse(reading) || readFormCommand(reading.text) !== null) return {};
    const values = state.values as Partial<ReportValues>;
    const missing: Partial<ReportValues> = Object.fromEntries(Object.entries(this.prefill(reading)).filter(([key]) => !(key in values)));
    // A part said larger than the whole already given is left for its own question, where it is refused.
    const parents = missing.parents ?? values.parents;
    if (missing.qpvParents !== undefined && parents !== undefined && missing.qpvParents > parents) delete missing.qpvParents;
    const families = missing.families ?? values.families;
    if (missing.singleParentFamilies !== undefined && families !== undefined && missing.singleParentFamilies > families) delete missing.singleParentFamilies;
    return Object.keys(missing).some((key) => key !== state.awaiting) ? missing : {};
  }

  /** « déclarer une action », « reprendre ma déclaration », « mes déclarations », « corriger RPT-… ». */
  async answerIntent(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const intent = readReportIntent(reading.text, reading.now);
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
    if (!this.isOwner(memory, accountKey(context)) && (memory.form?.form === FORM_ID || memory.report?.awaitingCode)) {
      // One report at a time in a shared conversation; each person's own is best done in a private chat.
      await sendReply(context, { text: t.someoneElsesReport[reading.language] });
      return;
    }
    this.reportMemory(memory).language = reading.language;
    switch (intent.kind) {
      case 'list':
        if (!(await this.checkEnrolment(context, memory))) {
          await sendReply(context, { text: t.notEnrolledToList[reading.language] });
          return;
        }
        await this.listReports(context, reading.language);
        // The same journey answered, so the main dialog does not see an interruption: the form's question comes back here.
        if (memory.form?.form === FORM_ID) await this.runner.askAgain(context, this.inFormLanguage(reading, memory), memory);
        return;
      case 'correct':
        await this.startCorrection(context, reading, memory, intent.reference);
        return;
      case 'resume':
      case 'start': {
        const enrolment = await this.checkEnrolment(context, memory);
        if (!enrolment) {
          // The first message is kept (« déclarer une action pour la PA 3.2.1 »): what it says is taken once enrolled.
          await this.askCode(context, reading, memory, intent.kind === 'start' ? reading.text : undefined);
          return;
        }
        await this.startOrResume(context, reading, memory, intent.kind === 'resume');
        return;
      }
    }
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

  private async startOrResume(context: TurnContext, reading: TurnReading, memory: ConversationMemory, onlyResume: boolean): Promise<void> {
    const language = reading.language;
    const report = this.reportMemory(memory);
    // A draft with nothing in it yet (just enrolled, still at « Pour quelle fiche ? ») is not another report: a first
    // message that says what was done starts afresh with everything it says, rather than « je reprends… ».
    const tells = !onlyResume && Object.keys(this.prefill(reading)).length > 0;
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
    const given = this.prefill(reading);
    const facts = this.facts(given, language, false).map((fact) => `${inSentence(fact.label)} : ${fact.value}`);
    const opening = facts.length > 0 ? `${t.starting[language](centre)} ${t.understood[language](facts.join(' ; '))}` : t.starting[language](centre);
    await sendReply(context, { text: opening, suggestions: [t.wholeForm[language]] });
    await this.runner.start(context, reading, memory, given);
    await this.afterFormTurn(context, memory);
    if (/\b(formulaire|whole form|full form)\b/i.test(reading.text) && memory.form?.form === FORM_ID) await this.sendWholeForm(context, language, memory);
  }

  /** Everything the first message says: its sheet code, kind, dates, counts. */
  private prefill(reading: TurnReading): Partial<ReportValues> {
    const statement = readReportStatement(reading.text, reading.now);
    const values: Partial<ReportValues> = {};
    const sheetField = this.definition.fields.find((field) => field.key === 'sheet');
    const sheet = sheetField?.read(reading, values);
    if (sheet && 'value' in sheet) {
      values.sheet = sheet.value as ReportValues['sheet'];
      // « PA 2.3.2 action 2 »: the action too, when the sheet has it.
      const found = this.services.sheets.sheetById(values.sheet.sheetId);
      const label = found && reading.sheets.actionNumbers.length === 1 ? actionLabel(found, reading.sheets.actionNumbers[0] as number) : null;
      if (label) values.action = label;
    }
    if (statement.kind) values.kind = statement.kind;
    if (statement.startDate && statement.endDate) values.dates = { start: statement.startDate, end: statement.endDate };
    for (const key of ['sessions', 'parents', 'qpvParents', 'children', 'families', 'singleParentFamilies'] as const) {
      const value = statement[key];
      if (value !== undefined) values[key] = value;
    }
    // A part said larger than its whole is left for its own question, where it is refused with what to fix.
    if (values.qpvParents !== undefined && values.parents !== undefined && values.qpvParents > values.parents) delete values.qpvParents;
    if (values.singleParentFamilies !== undefined && values.families !== undefined && values.singleParentFamilies > values.families) delete values.singleParentFamilies;
    return values;
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
      delete report.draft;
      delete report.correcting;
      await this.services.store.drafts.delete(key);
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
    const facts: Array<{ key: string; label: string; value: string }> = [];
    const add = (key: keyof typeof summaryLabels, value: string | undefined) => {
      if (value !== undefined) facts.push({ key, label: summaryLabels[key][language], value });
    };
    const sheet = values.sheet ? this.services.sheets.sheetById(values.sheet.sheetId) : undefined;
    values = withParentsIndicators(values, sheet);
    add('sheet', values.sheet ? (sheet ? `${sheet.code} (${sheet.plan.title})` : values.sheet.sheetCode) : undefined);
    if (all || values.action) add('action', values.action === undefined ? undefined : (values.action ?? t.noParticularAction[language]));
    add('kind', values.kind ? KIND_LABELS[values.kind][language] : undefined);
    add('title', values.title);
    add('dates', values.dates ? datesText(values.dates.start, values.dates.end, language) : undefined);
    for (const key of ['sessions', 'parents', 'qpvParents', 'children', 'families', 'singleParentFamilies'] as const) {
      add(key, values[key] === undefined ? undefined : String(values[key]));
    }
    add('partners', values.partners === undefined ? undefined : values.partners.length > 0 ? values.partners.join(', ') : t.none[language]);
    const indicators = Object.entries(values.indicators ?? {});
    if (indicators.length > 0) add('indicators', indicators.map(([label, value]) => `${label} : ${value === null ? t.notConcerned[language].toLowerCase() : value}`).join(' ; '));
    if (all) add('comment', values.comment === undefined ? undefined : (values.comment ?? t.none[language]));
    return facts;
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
    if (memory.form?.form === FORM_ID) {
      // One draft per account: a correction would take the place of the report under way.
      await sendReply(context, { text: t.finishFirst[language](this.draftName(memory, language)) });
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
    const values = (memory.form?.values ?? {}) as Partial<ReportValues>;
    const parts = [values.kind ? KIND_LABELS[values.kind][language].toLowerCase() : undefined, values.sheet?.sheetCode, values.title].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : t.noAnswerYet[language];
  }
}

/** A card button, as the form's commands. */
/** Words only French has, among those staff type in a report's answers. */
const FRENCH_WORDS = /\b(le|la|les|des|une|avec|pour|aucun|aucune|oui|non|merci|bonjour|rien)\b/i;

/** Whether a text, on its own, says it is written in this language (a number, a code or « ok » says nothing). */
function saysLanguage(text: string, language: Language): boolean {
  return detectLanguage(text) === language && (language === 'en' || FRENCH_WORDS.test(text));
}

function cardCommand(card: CardData): FormCommand {
  if (card.command === 'edit') return { kind: 'edit', field: card.field ?? null };
  return { kind: card.command === 'cancel' ? 'cancel' : 'confirm' };
}

function reportLine(report: Report, language: Language): string {
  const counts = language === 'fr' ? `${report.parents} parents, ${report.children} enfants` : `${report.parents} parents, ${report.children} children`;
  return `${report.id} — ${report.sheetCode} — ${report.title} (${datesText(report.startDate, report.endDate, language)}) — ${counts}`;
}

/** A label inside a sentence: its first letter in lower case, acronyms kept (« Dont en QPV » → « dont en QPV »). */
function inSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase('fr') + label.slice(1);
}

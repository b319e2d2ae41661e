import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import { sendReply, type BotReply } from '../../src/bot/replies';
import type { Language } from '../../src/language/text';
import type { TurnReading } from '../../src/reading';
import type { ConversationMemory } from '../conversationMemory';
import { NOTE_MAX_CHARACTERS, type FieldNote, type FormState } from './formState';
import type { MultiTurnJourney } from '../journey';

/**
 * Forms as data, run over several turns: an ordered list of fields, each with its question, its re-ask and one
 * validator. The runner asks only for what is missing, re-asks a field whose answer did not pass with what to fix,
 * keeps every value already given, and hands the complete, checked values to the form's `complete`.
 *
 * Its state is a plain object in the conversation's memory (FormStateSchema, dialogs/forms/formState.ts), saved with the rest of the memory at
 * the end of each turn: a restart, a `kill -9` or another instance picks the form up at the field it was on, and a
 * failed turn or a conflicting write drops only that turn's change (src/bot/turnErrors.ts), never the form.
 * botbuilder-dialogs' DialogSet would keep the same thing as an opaque stack; this keeps it checkable with zod and
 * free of the archived SDK's types outside dialogs/ (docs/decisions/0006).
 */

/**
 * What a field's validator made of an answer: a value, a problem to tell the user, or nothing of this field. A value
 * with a `doubt` (« 100000 parents pour une séance ? ») is kept but questioned: the field is asked to confirm it, and
 * a « oui », or the same value again, lets it stand.
 */
export type FieldOutcome<V> = { value: V; doubt?: FieldDoubt; note?: string } | { problem: string; offer?: FieldOffer } | null;

/**
 * A re-ask that offers a choice (« Plusieurs fiches parlent de médiation familiale : 1. … 2. … »): the quick replies,
 * and what each choice stands for, in order, so that an answer by its rank (« 2 », « la deuxième ») picks it.
 */
export interface FieldOffer {
  /** What to say instead of the field's re-ask: the choice, numbered. */
  text?: string;
  suggestions: string[];
  keys: string[];
}

/** What a field's reader may know beyond the values: the conversation, and the choice its last re-ask offered. */
export interface FieldContext {
  /** The conversation's memory, to read only: « cette fiche » is the sheet being discussed. */
  conversation?: ConversationMemory;
  /** The keys the field's last re-ask offered (FieldOffer.keys), in order; empty when it offered none. */
  offered?: readonly string[];
}

/** The question asked of a doubtful value, with its quick replies (« Oui »). */
export interface FieldDoubt {
  text: string;
  suggestions?: string[];
}

export interface FormField<Values, Key extends keyof Values & string> {
  readonly key: Key;
  /** The question, which may depend on what is already known. */
  ask(language: Language, values: Partial<Values>): string;
  /** The question again after an answer that did not pass: says what to fix. */
  reask(language: Language, problem: string, values: Partial<Values>): string;
  /**
   * The one validator: reads this field's answer from the turn. A value may come with a `note`, said before the next
   * question (« C'est la FICHE 1.2.5 — … »: what a subject was taken for).
   */
  read(reading: TurnReading, values: Partial<Values>, context?: FieldContext): FieldOutcome<Values[Key]>;
  /** A field that does not apply (given the values so far) is not asked. */
  applies?(values: Partial<Values>): boolean;
  /** Suggestions shown with the question (quick replies). */
  suggestions?(language: Language, values: Partial<Values>): string[];
  /**
   * Whether the field holds its answer; by default, whether its key has a value. A field made of several answers
   * asked one at a time (a sheet's indicators) says when it has them all; its `read` returns the whole value so far.
   */
  filled?(values: Partial<Values>): boolean;
  /**
   * The value as said back once changed while another question was pending (« C'est noté : 11 parents. »), before
   * that question is asked again; read from the values, which hold it.
   */
  noted?(language: Language, values: Partial<Values>): string | undefined;
  /**
   * Its reader reads a whole change message itself (« modifier la date en du 3 au 5 »): nothing when the change says
   * no value (« modifier la date »), a problem when the value it says is refused, which is then said.
   */
  readonly readsChanges?: boolean;
  /** Other keys that no longer hold once this one changes (the action, when the sheet changes). */
  readonly alsoClears?: readonly (keyof Values & string)[];
}

/** What a person may say to a form at any field: leave it, or, at the review, confirm it or change one field. A `bare`
 * change only names the field (« les partenaires »), with no word of change: it counts at the review only. `value` is
 * what the change says of the new value (« modifier le titre en Café des papas » → « Café des papas »), '' when it says
 * none (« modifier le titre »): the field is then asked, never given the command's own words. Without it, the whole
 * message is read by the field (« non, c'était 17 parents »). */
export type FormCommand = { kind: 'confirm' } | { kind: 'cancel' } | { kind: 'edit'; field: string | null; bare?: boolean; value?: string };

/** The review before a form completes: a summary to confirm, where any field can still be changed. */
export interface FormReview<Values> {
  /** The summary, with the buttons to confirm, change or cancel. */
  summary(values: Values, language: Language, context: TurnContext, memory: ConversationMemory): BotReply;
  /** What to say when a change was asked without saying of what. */
  whichField(language: Language): BotReply;
  /**
   * The fields a message at the review gives a new value in plain words (« en fait il y avait 14 parents », « c'était
   * le 5 mars »): each is read again from the message, as « modifier » would, and the summary shown again.
   */
  corrections?(reading: TurnReading): string[];
  /**
   * What to say to a message at the review that is no command (« RAS », « du 3 au 5 novembre »): that it was not
   * understood, and what to say. Without it, the summary is shown again.
   */
  notUnderstood?(language: Language): BotReply;
}

/** One field per key of the form's values: a field named wrong does not compile. */
export type FormFields<Values> = ReadonlyArray<{ [Key in keyof Values & string]: FormField<Values, Key> }[keyof Values & string]>;

export interface FormDefinition<Values> {
  readonly id: string;
  readonly fields: FormFields<Values>;
  /** Checks the whole form once every field is filled (and a field's value when it is read back from storage). */
  readonly schema: z.ZodType<Values>;
  /** Everything the first message already says, so only the rest is asked. */
  prefill?(reading: TurnReading): Partial<Values>;
  /**
   * Called with the checked values once confirmed; the form is then closed, unless it resolves false (nothing was
   * stored, the person was told why): the form then stays at its review.
   */
  complete(context: TurnContext, values: Values, language: Language, memory: ConversationMemory): Promise<boolean | void>;
  /** Shown once every field is filled; the form completes only when the person confirms. */
  readonly review?: FormReview<Values>;
  /** Reads « annuler », « confirmer », « modifier le nombre de parents »: at any field, and at the review. */
  command?(reading: TurnReading): FormCommand | null;
  /** A message that asks something else (« qui pilote la PA 3.2.1 ? »): left to the route table, even at the review. */
  isAnotherQuestion?(reading: TurnReading): boolean;
  /** The words for a rule of the whole form that a value broke (the schema's message), given the values as they were. */
  wholeFormProblem?(message: string, values: Partial<Values>, language: Language): string;
  /** Said when the person cancels; the form is then closed. */
  cancelled?(context: TurnContext, language: Language, values: Partial<Values>, memory: ConversationMemory): Promise<void>;
}

/** The `awaiting` of a form whose fields are all filled and which waits for « confirmer ». */
export const REVIEW_STEP = '@review';


export class FormRunner<Values> implements MultiTurnJourney {
  readonly id: string;

  constructor(private readonly definition: FormDefinition<Values>) {
    this.id = `form:${definition.id}`;
  }

  /**
   * Opens the form from a first message: what it says is kept, the first missing field is asked. `notes` are what the
   * message said of a field that was not taken as it was (a date to come, a date to confirm), said when it is reached.
   */
  async start(context: TurnContext, reading: TurnReading, memory: ConversationMemory, given?: Partial<Values>, notes?: Record<string, FieldNote>): Promise<void> {
    const values = given ?? this.definition.prefill?.(reading) ?? {};
    memory.form = { form: this.definition.id, values: values as Record<string, unknown>, awaiting: '', attempts: 0 };
    if (notes && Object.keys(notes).length > 0) memory.form.notes = boundedNotes(notes);
    await this.next(context, reading.language, memory);
  }

  pendingQuestion(memory: ConversationMemory): string | null {
    return memory.form?.form === this.definition.id ? memory.form.awaiting : null;
  }

  /** The key of the first field still to ask given these values, or null when only the review is left. */
  firstMissing(values: Partial<Values>): string | null {
    return this.definition.fields.find((field) => !this.isFilled(field, values) && (field.applies?.(values) ?? true))?.key ?? null;
  }

  answersPending(reading: TurnReading, memory: ConversationMemory): boolean {
    if (memory.form?.form !== this.definition.id) return false;
    // An empty message in the middle of a form is the form's: its question is asked again, not the bot's help.
    if (isBlank(reading)) return true;
    if (this.commandOf(reading, memory) !== null) return true;
    // At the review, anything but another question gets the summary again (« aucun », « hmm »): nothing is stored
    // unconfirmed, and the person sees what « confirmer » would store.
    if (memory.form.awaiting === REVIEW_STEP) return !this.definition.isAnotherQuestion?.(reading);
    const field = this.awaitedField(memory);
    return field !== undefined && field.read(reading, this.values(memory), this.fieldContext(memory)) !== null;
  }

  async answer(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const state = memory.form;
    if (!state || state.form !== this.definition.id) return;
    if (isBlank(reading)) {
      await this.askAgain(context, reading, memory);
      return;
    }
    const command = this.commandOf(reading, memory);
    const field = this.awaitedField(memory);
    const values = this.values(memory);
    const fieldContext = this.fieldContext(memory);
    // What the last re-ask offered holds for this answer only.
    delete state.offered;
    // The field awaited while it holds a value is one whose value was questioned (« est-ce bien 100000 ? »).
    const questioned = field !== undefined && this.isFilled(field, values);
    const said = this.definition.command?.(reading);
    // « oui »: the doubtful value stands. An answer's value moves the form on, an edit empties the field it asks.
    if (questioned && (command?.kind === 'confirm' || said?.kind === 'confirm')) {
      state.attempts = 0;
      await this.next(context, reading.language, memory);
      return;
    }
    if (command) {
      await this.obey(context, command, reading.language, memory, reading);
      return;
    }
    if (!field) {
      if (state.awaiting === REVIEW_STEP) await this.answerAtReview(context, reading, memory);
      return;
    }
    const outcome = field.read(reading, values, fieldContext);
    if (questioned && !(outcome !== null && 'value' in outcome) && said?.kind === 'edit' && said.field === null) {
      // « non » to « Le 12 mars 2024, c'est bien ça ? »: the value questioned goes, and the field is asked plainly.
      state.values = this.without(state.values, [field.key]);
      state.attempts = 0;
      await this.ask(context, field, reading.language, memory);
      return;
    }
    if (outcome === null || 'problem' in outcome) {
      state.attempts += 1;
      await this.refuse(context, field, outcome, reading.language, memory);
      return;
    }
    await this.take(context, state, field, outcome, reading.language, memory);
  }

  /**
   * A message at the review that is no command: a correction said in plain words (« en fait il y avait 14 parents »)
   * changes its fields and shows the summary again; anything else is said not understood, with what to say. Nothing
   * is stored unconfirmed.
   */
  private async answerAtReview(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const keys = this.definition.review?.corrections?.(reading) ?? [];
    const fields = this.definition.fields.filter((field) => keys.includes(field.key));
    if (fields.length > 0) {
      await this.correct(context, fields, reading, memory);
      return;
    }
    const notUnderstood = this.definition.review?.notUnderstood?.(reading.language);
    if (notUnderstood) await sendReply(context, notUnderstood);
    else await this.next(context, reading.language, memory);
  }

  /**
   * Reads each field again from one message, in the form's order, as « modifier » would: what passes replaces the old
   * value; the first refusal (a part larger than its whole) or doubt stops there and asks that field.
   */
  private async correct(context: TurnContext, fields: FormFields<Values>, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const state = memory.form;
    if (!state) return;
    const language = reading.language;
    const notes: string[] = [];
    for (const field of fields) {
      const previous = state.values;
      const values = this.without(state.values, [field.key]) as Partial<Values>;
      const outcome = field.read(reading, values, this.fieldContext(memory));
      if (outcome === null) continue;
      if ('problem' in outcome) {
        state.values = this.without(state.values, [field.key, ...(field.alsoClears ?? [])]);
        state.awaiting = field.key;
        state.attempts = 0;
        await this.refuse(context, field, outcome, language, memory);
        return;
      }
      const same = JSON.stringify(previous[field.key]) === JSON.stringify(outcome.value);
      if (!same) this.give(state, field, outcome.value);
      if (outcome.note) notes.push(outcome.note);
      if (outcome.doubt && !same) {
        state.awaiting = field.key;
        await sendReply(context, { text: outcome.doubt.text, suggestions: outcome.doubt.suggestions });
        return;
      }
    }
    state.attempts = 0;
    await this.next(context, language, memory, { before: notes.join('\n') });
  }

  /** Says what to fix and asks the field again, with the choice the refusal offers, if any (remembered for « 2 »). */
  private async refuse(
    context: TurnContext,
    field: FormFields<Values>[number],
    outcome: { problem: string; offer?: FieldOffer } | null,
    language: Language,
    memory: ConversationMemory,
  ): Promise<void> {
    const values = this.values(memory);
    const offer = outcome?.offer;
    if (memory.form && offer && offer.keys.length > 0) memory.form.offered = offer.keys.slice(0, 10);
    // Nothing to fix said (the answer filled another field): the question alone, not an empty reason before it.
    const text = offer?.text ?? (outcome?.problem ? field.reask(language, outcome.problem, values) : field.ask(language, values));
    await sendReply(context, { text, suggestions: offer?.suggestions ?? field.suggestions?.(language, values) });
  }

  /** Gives a field the value read; a doubtful one is kept but questioned, unless it was already the field's value. */
  private async take(
    context: TurnContext,
    state: FormState,
    field: FormFields<Values>[number],
    outcome: { value: unknown; doubt?: FieldDoubt; note?: string },
    language: Language,
    memory: ConversationMemory,
    sayBack = false,
  ): Promise<void> {
    const repeated = field.key in state.values && JSON.stringify(state.values[field.key]) === JSON.stringify(outcome.value);
    this.give(state, field, outcome.value);
    state.attempts = 0;
    if (outcome.doubt && !repeated) {
      state.awaiting = field.key;
      const text = [outcome.note, outcome.doubt.text].filter(Boolean).join('\n');
      await sendReply(context, { text, suggestions: outcome.doubt.suggestions });
      return;
    }
    const noted = sayBack ? field.noted?.(language, this.values(memory)) : undefined;
    await this.next(context, language, memory, { before: [noted, outcome.note].filter(Boolean).join('\n') });
  }

  /**
   * Gives the form values from elsewhere than a typed answer (a whole-form card, an answer saying more than asked):
   * each was checked by its field's reader. A value that changes a key others depend on clears them, as an edit does.
   * `notes` are what that message said of other fields and could not be taken as it was (see `start`).
   */
  giveValues(memory: ConversationMemory, given: Partial<Values>, notes?: Record<string, FieldNote>): void {
    const state = memory.form;
    if (!state || state.form !== this.definition.id) return;
    for (const field of this.definition.fields) {
      if (field.key in given) this.give(state, field, given[field.key]);
    }
    if (notes && Object.keys(notes).length > 0) state.notes = { ...state.notes, ...boundedNotes(notes) };
  }

  /**
   * Stands at the first field still missing (or the review) without asking it: the form was shown another way (the
   * whole form, sent back with what to fix), and a typed answer must then be read as the answer to that field.
   */
  standAtNext(memory: ConversationMemory): void {
    const state = memory.form;
    if (!state || state.form !== this.definition.id) return;
    state.awaiting = this.firstMissing(this.values(memory)) ?? REVIEW_STEP;
    state.attempts = 0;
  }

  /** Goes on from where the form stands: the next missing field, or the review. */
  async resume(context: TurnContext, language: Language, memory: ConversationMemory): Promise<void> {
    await this.next(context, language, memory);
  }

  async askAgain(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    if (memory.form?.awaiting === REVIEW_STEP) {
      await this.next(context, reading.language, memory);
      return;
    }
    const field = this.awaitedField(memory);
    if (!field) return;
    await this.ask(context, field, reading.language, memory);
  }

  /** « annuler » and « modifier <field> » count at any field of this form; « confirmer » and a bare « modifier » only at the review. */
  private commandOf(reading: TurnReading, memory: ConversationMemory): FormCommand | null {
    const command = this.definition.command?.(reading) ?? null;
    // « oui », « non », « ok » answer the review; at a field they are answers (« non » to « un commentaire ? »). So is a
    // field only named: « Café des parents » to « Quel type d'action ? » is the kind, not a change of the parents
    // (taken for one, it emptied the parents, asked them, and came back to the kind it had never kept).
    const atReview = memory.form?.awaiting === REVIEW_STEP;
    if (!atReview && (command?.kind === 'confirm' || (command?.kind === 'edit' && (command.field === null || command.bare === true)))) return null;
    return command;
  }

  /** Follows a command; `reading` is the message it came in, when typed (a card's button has none). */
  async obey(context: TurnContext, command: FormCommand, language: Language, memory: ConversationMemory, reading?: TurnReading): Promise<void> {
    const state = memory.form;
    if (!state) return;
    delete state.offered;
    switch (command.kind) {
      case 'cancel': {
        // What is dropped is said back, so the person knows which report went.
        const dropped = this.values(memory);
        delete memory.form;
        await this.definition.cancelled?.(context, language, dropped, memory);
        return;
      }
      case 'confirm':
        await this.next(context, language, memory, { confirmed: true });
        return;
      case 'edit': {
        const field = this.definition.fields.find((candidate) => candidate.key === command.field);
        if (!field) {
          if (this.definition.review) await sendReply(context, this.definition.review.whichField(language));
          return;
        }
        const previous = state.values;
        // A change made while a question is pending is said back, then that question is asked again.
        const pending = state.awaiting !== REVIEW_STEP;
        state.values = this.without(state.values, [field.key, ...(field.alsoClears ?? [])]);
        state.attempts = 0;
        state.awaiting = field.key;
        const values = this.values(memory);
        // « non, en fait c'était 17 parents »: the change that also says the new value is taken at once.
        const given =
          reading && command.value !== '' ? field.read(command.value === undefined ? reading : { ...reading, text: command.value }, values, this.fieldContext(memory)) : null;
        if (given && 'value' in given) {
          // The fields it cleared are given back when the new value leaves them standing (the same sheet).
          if (JSON.stringify(previous[field.key]) === JSON.stringify(given.value)) state.values = { ...previous };
          await this.take(context, state, field, given, language, memory, pending);
          return;
        }
        // A new value said after the field's name but refused (« modifier les QPV en 20 » for 14 parents, « modifier la
        // date en du 45 au 50 ») is said with why. A whole message that does not read (« modifier ») only asks the field.
        if (given && 'problem' in given && (command.value !== undefined || field.readsChanges === true)) {
          await this.refuse(context, field, given, language, memory);
          return;
        }
        await this.ask(context, field, language, memory);
        return;
      }
    }
  }

  private give(state: FormState, field: FormFields<Values>[number], value: unknown): void {
    const changed = JSON.stringify(state.values[field.key]) !== JSON.stringify(value);
    const kept = changed && field.alsoClears ? this.without(state.values, field.alsoClears) : state.values;
    state.values = { ...kept, [field.key]: value };
    // A value given answers what was noted of its field.
    if (state.notes && field.key in state.notes) {
      const { [field.key]: _answered, ...others } = state.notes;
      if (Object.keys(others).length > 0) state.notes = others;
      else delete state.notes;
    }
  }

  private without(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(Object.entries(values).filter(([key]) => !keys.includes(key)));
  }

  private isFilled(field: FormFields<Values>[number], values: Partial<Values>): boolean {
    return field.filled ? field.filled(values) : field.key in values;
  }

  /** Asks a field its question: with what was refused of it before it was asked, if anything. */
  private async ask(context: TurnContext, field: FormFields<Values>[number], language: Language, memory: ConversationMemory, before?: string): Promise<void> {
    const state = memory.form;
    if (!state) return;
    state.awaiting = field.key;
    const note = state.notes?.[field.key];
    if (note) this.dropNote(state, field.key);
    const values = this.values(memory);
    const refused = note && 'problem' in note ? note : undefined;
    if (refused?.offered && refused.offered.length > 0) state.offered = refused.offered;
    const question = refused ? (refused.text ?? field.reask(language, refused.problem, values)) : field.ask(language, values);
    await sendReply(context, { text: [before, question].filter(Boolean).join('\n'), suggestions: field.suggestions?.(language, values) });
  }

  private dropNote(state: FormState, key: string): void {
    if (!state.notes) return;
    const { [key]: _said, ...others } = state.notes;
    if (Object.keys(others).length > 0) state.notes = others;
    else delete state.notes;
  }

  /** Asks the first field still missing (or a value said with a doubt), or shows the review, or completes the form once confirmed. */
  private async next(context: TurnContext, language: Language, memory: ConversationMemory, options: { confirmed?: boolean; before?: string } = {}): Promise<void> {
    const state = memory.form;
    if (!state) return;
    const values = this.values(memory);
    const before = options.before || undefined;
    const doubted = (field: FormFields<Values>[number]) => this.isFilled(field, values) && state.notes?.[field.key] !== undefined && 'doubt' in (state.notes[field.key] as FieldNote);
    const missing = this.definition.fields.find((field) => doubted(field) || (!this.isFilled(field, values) && (field.applies?.(values) ?? true)));
    if (missing && doubted(missing)) {
      // A value said before its field was asked, with a doubt (« le 12 mars 2024 »): questioned now, as a typed one is.
      const note = state.notes?.[missing.key] as Extract<FieldNote, { doubt: string }>;
      this.dropNote(state, missing.key);
      state.awaiting = missing.key;
      await sendReply(context, { text: [before, note.doubt].filter(Boolean).join('\n'), suggestions: note.suggestions });
      return;
    }
    if (missing) {
      await this.ask(context, missing, language, memory, before);
      return;
    }
    const checked = this.definition.schema.safeParse(values);
    if (!checked.success) {
      // A value that passed its field but not the whole form (a part larger than its whole): ask that field again.
      // A rule on the whole form (no field named) asks its first field again, rather than closing the form unsaid.
      const key = String(checked.error.issues[0]?.path[0] ?? '');
      const field = this.definition.fields.find((candidate) => candidate.key === key) ?? this.definition.fields[0];
      if (field) {
        const message = checked.error.issues[0]?.message ?? '';
        const problem = this.definition.wholeFormProblem?.(message, values, language) ?? message;
        const { [key]: _dropped, ...kept } = state.values;
        state.values = kept;
        state.awaiting = field.key;
        const reask = field.reask(language, problem, this.values(memory));
        await sendReply(context, { text: [before, reask].filter(Boolean).join('\n'), suggestions: field.suggestions?.(language, this.values(memory)) });
        return;
      }
    }
    if (checked.success && this.definition.review && !options.confirmed) {
      state.awaiting = REVIEW_STEP;
      const summary = this.definition.review.summary(checked.data, language, context, memory);
      await sendReply(context, before ? { ...summary, text: [before, summary.text].filter(Boolean).join('\n') } : summary);
      return;
    }
    // Completed before the form is closed: if storing fails, the turn fails and its memory is not saved, so the
    // form is still there, at its review, for « confirmer » again.
    if (checked.success && (await this.definition.complete(context, checked.data, language, memory)) === false) return;
    delete memory.form;
  }

  private awaitedField(memory: ConversationMemory): FormFields<Values>[number] | undefined {
    if (memory.form?.form !== this.definition.id) return undefined;
    const awaiting = memory.form.awaiting;
    return this.definition.fields.find((field) => field.key === awaiting);
  }

  /** What a field's reader may know beyond the values (see FieldContext). */
  private fieldContext(memory: ConversationMemory): FieldContext {
    return { conversation: memory, offered: memory.form?.offered ?? [] };
  }

  /** The values kept so far, as the form's fields read them. They come from storage: each was checked when given. */
  private values(memory: ConversationMemory): Partial<Values> {
    return (memory.form?.values ?? {}) as Partial<Values>;
  }
}

/** Nothing typed (or only spaces), and no card's button: a message that answers nothing. */
function isBlank(reading: TurnReading): boolean {
  return reading.text.trim() === '' && reading.position === undefined;
}

/**
 * Notes within what the stored state accepts (FieldNoteSchema): they quote what was typed, and a state that no longer
 * parses would be dropped with the draft it belongs to, where a quotation cut short loses nothing.
 */
function boundedNotes(notes: Record<string, FieldNote>): Record<string, FieldNote> {
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  return Object.fromEntries(
    Object.entries(notes).map(([key, note]) => [
      key,
      'problem' in note
        ? { ...note, problem: cut(note.problem, NOTE_MAX_CHARACTERS), ...(note.text ? { text: cut(note.text, NOTE_MAX_CHARACTERS) } : {}) }
        : { ...note, doubt: cut(note.doubt, NOTE_MAX_CHARACTERS), ...(note.suggestions ? { suggestions: note.suggestions.slice(0, 10).map((each) => cut(each, 200)) } : {}) },
    ]),
  );
}

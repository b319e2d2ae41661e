import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import { sendReply } from '../../src/bot/replies';
import type { Language } from '../../src/language/text';
import type { TurnReading } from '../../src/reading';
import type { ConversationMemory } from '../conversationMemory';
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

/** What a field's validator made of an answer: a value, a problem to tell the user, or nothing of this field. */
export type FieldOutcome<V> = { value: V } | { problem: string } | null;

export interface FormField<Values, Key extends keyof Values & string> {
  readonly key: Key;
  /** The question, which may depend on what is already known. */
  ask(language: Language, values: Partial<Values>): string;
  /** The question again after an answer that did not pass: says what to fix. */
  reask(language: Language, problem: string, values: Partial<Values>): string;
  /** The one validator: reads this field's answer from the turn. */
  read(reading: TurnReading, values: Partial<Values>): FieldOutcome<Values[Key]>;
  /** A field that does not apply (given the values so far) is not asked. */
  applies?(values: Partial<Values>): boolean;
  /** Suggestions shown with the question (quick replies). */
  suggestions?(language: Language, values: Partial<Values>): string[];
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
  /** Called once with the checked values; the form is then closed. */
  complete(context: TurnContext, values: Values, language: Language): Promise<void>;
}


export class FormRunner<Values> implements MultiTurnJourney {
  readonly id: string;

  constructor(private readonly definition: FormDefinition<Values>) {
    this.id = `form:${definition.id}`;
  }

  /** Opens the form from a first message: what it says is kept, the first missing field is asked. */
  async start(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const values = this.definition.prefill?.(reading) ?? {};
    memory.form = { form: this.definition.id, values: values as Record<string, unknown>, awaiting: '', attempts: 0 };
    await this.next(context, reading.language, memory);
  }

  pendingQuestion(memory: ConversationMemory): string | null {
    return memory.form?.form === this.definition.id ? memory.form.awaiting : null;
  }

  answersPending(reading: TurnReading, memory: ConversationMemory): boolean {
    const field = this.awaitedField(memory);
    return field !== undefined && field.read(reading, this.values(memory)) !== null;
  }

  async answer(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const state = memory.form;
    const field = this.awaitedField(memory);
    if (!state || !field) return;
    const values = this.values(memory);
    const outcome = field.read(reading, values);
    if (outcome === null || 'problem' in outcome) {
      state.attempts += 1;
      const problem = outcome?.problem ?? '';
      await sendReply(context, { text: field.reask(reading.language, problem, values), suggestions: field.suggestions?.(reading.language, values) });
      return;
    }
    state.values = { ...state.values, [field.key]: outcome.value };
    state.attempts = 0;
    await this.next(context, reading.language, memory);
  }

  async askAgain(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const field = this.awaitedField(memory);
    if (!field) return;
    const values = this.values(memory);
    await sendReply(context, { text: field.ask(reading.language, values), suggestions: field.suggestions?.(reading.language, values) });
  }

  /** Asks the first field still missing, or completes the form. */
  private async next(context: TurnContext, language: Language, memory: ConversationMemory): Promise<void> {
    const state = memory.form;
    if (!state) return;
    const values = this.values(memory);
    const missing = this.definition.fields.find((field) => !(field.key in values) && (field.applies?.(values) ?? true));
    if (missing) {
      state.awaiting = missing.key;
      await sendReply(context, { text: missing.ask(language, values), suggestions: missing.suggestions?.(language, values) });
      return;
    }
    const checked = this.definition.schema.safeParse(values);
    if (!checked.success) {
      // A value that passed its field but not the whole form (a part larger than its whole): ask that field again.
      // A rule on the whole form (no field named) asks its first field again, rather than closing the form unsaid.
      const key = String(checked.error.issues[0]?.path[0] ?? '');
      const field = this.definition.fields.find((candidate) => candidate.key === key) ?? this.definition.fields[0];
      if (field) {
        const { [key]: _dropped, ...kept } = state.values;
        state.values = kept;
        state.awaiting = field.key;
        await sendReply(context, { text: field.reask(language, checked.error.issues[0]?.message ?? '', this.values(memory)) });
        return;
      }
    }
    delete memory.form;
    if (checked.success) await this.definition.complete(context, checked.data, language);
  }

  private awaitedField(memory: ConversationMemory) {
    if (memory.form?.form !== this.definition.id) return undefined;
    const awaiting = memory.form.awaiting;
    return this.definition.fields.find((field) => field.key === awaiting);
  }

  /** The values kept so far, as the form's fields read them. They come from storage: each was checked when given. */
  private values(memory: ConversationMemory): Partial<Values> {
    return (memory.form?.values ?? {}) as Partial<Values>;
  }
}

import { z } from 'zod';

/** The longest text a note keeps (the runner cuts what is longer: dialogs/forms/formRunner.ts). */
export const NOTE_MAX_CHARACTERS = 1000;

/** A refusal or a doubt about a value said before its field was asked (see FormState.notes). */
export const FieldNoteSchema = z.union([
  z.object({
    problem: z.string().min(1).max(NOTE_MAX_CHARACTERS),
    /** What to ask instead of the field's re-ask (« « début novembre » ne dit pas le jour. Quels jours de novembre ? »). */
    text: z.string().min(1).max(NOTE_MAX_CHARACTERS).optional(),
    /** What that question offers to choose from (see FormState.offered): the month a bare day is read in. */
    offered: z.array(z.string().min(1).max(300)).max(10).optional(),
  }),
  z.object({ doubt: z.string().min(1).max(NOTE_MAX_CHARACTERS), suggestions: z.array(z.string().min(1).max(200)).max(10).optional() }),
]);
export type FieldNote = z.infer<typeof FieldNoteSchema>;

/**
 * Where a form under way stands, as the conversation's memory keeps it (dialogs/conversationMemory.ts): which form,
 * the values given so far, the field being asked. Apart from the runner, so the memory does not depend on it.
 */
export const FormStateSchema = z.object({
  form: z.string().min(1).max(100),
  values: z.record(z.string(), z.unknown()),
  /** The key of the field being asked. */
  awaiting: z.string().min(1).max(100),
  /** Answers to the current field that did not pass, in a row. */
  attempts: z.number().int().min(0).max(1000).default(0),
  /** What the field's last re-ask offered to choose from, in order: « 2 », « la deuxième » picks one. */
  offered: z.array(z.string().min(1).max(300)).max(10).optional(),
  /**
   * What was said of a field before it was asked (a first sentence) and not taken as it was, by the field's key: a
   * refusal is said with the field's question; a value kept with a doubt is asked about when the form comes to it.
   */
  notes: z.record(z.string(), FieldNoteSchema).optional(),
});
export type FormState = z.infer<typeof FormStateSchema>;

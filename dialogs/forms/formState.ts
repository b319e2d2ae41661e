import { z } from 'zod';

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
});
export type FormState = z.infer<typeof FormStateSchema>;

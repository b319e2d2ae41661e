import { z } from 'zod';
import { CentreSchema } from '../../src/reports/model';
import { FormStateSchema } from '../forms/formState';

/**
 * Where a centre's report stands in one conversation, beside the form's own state: who reports for which centre,
 * which draft this is (its id makes a repeated « Confirmer » store one report), and what was last stored.
 */
export const ReportMemorySchema = z.object({
  /**
   * The account whose report this is: in a Teams group chat or channel the conversation is shared, and only its
   * owner answers its questions, presses its buttons and stores it.
   */
  owner: z.string().min(1).max(300).optional(),
  /** Waiting for the enrolment code; `statement` is the first message, taken once the code is accepted. */
  awaitingCode: z.boolean().default(false),
  /**
   * Waiting for a choice between the draft under way and a new report (« nouvelle déclaration » said while a draft is
   * kept); `statement` is then what they said, taken if they choose the new one.
   */
  choosingDraft: z.literal(true).optional(),
  statement: z.string().max(1000).optional(),
  /** The stored report to correct, when the choice was asked by « corriger RPT-… »: the new one is that correction. */
  correctionWanted: z.string().max(40).optional(),
  /**
   * The account's enrolment was revoked, as last checked (checked again on every turn that asks for a report): its
   * requests reach the journey, which says so rather than ignoring them.
   */
  revoked: z.literal(true).optional(),
  /** The account's enrolment as last checked (it is checked again before anything is stored). */
  enrolment: z.object({ id: z.string().min(1).max(100), ...CentreSchema.shape }).optional(),
  /** The draft under way: its id is the report's submission key. */
  draft: z.string().min(1).max(100).optional(),
  /** A stored report being corrected. */
  correcting: z.string().max(40).optional(),
  /** The language the report was started in: its questions stay in it (« 12 » says nothing of a language). */
  language: z.enum(['fr', 'en']).optional(),
  /** The last draft stored, so a second click on its « Confirmer » says where it went. */
  lastStored: z.object({ draft: z.string().min(1).max(100), reference: z.string().min(1).max(40) }).optional(),
});
export type ReportMemory = z.infer<typeof ReportMemorySchema>;

/** A draft as kept in the database between conversations (« reprendre ma déclaration », days later). */
export const StoredDraftBodySchema = z.object({
  version: z.literal(1),
  form: FormStateSchema,
  draft: z.string().min(1).max(100),
  correcting: z.string().max(40).optional(),
});
export type StoredDraftBody = z.infer<typeof StoredDraftBodySchema>;

/**
 * What became of a draft that is no more, kept in its place: a conversation that still holds it (in another tab, on
 * another instance) then says it was stored or cancelled elsewhere, and drops it, rather than saving it back.
 */
export const EndedDraftBodySchema = z.object({
  version: z.literal(1),
  ended: z.object({
    draft: z.string().min(1).max(100),
    how: z.enum(['stored', 'cancelled']),
    reference: z.string().max(40).optional(),
  }),
});
export type EndedDraftBody = z.infer<typeof EndedDraftBodySchema>;

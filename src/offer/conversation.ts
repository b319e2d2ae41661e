import { z } from 'zod';
import { TimeIntentSchema } from './timeQuery';
import { AudienceIdSchema, KindIdSchema } from './vocabulary';

/**
 * What the offer search remembers between turns, so that "et à Givors ?", "lesquels sont ouverts le vendredi ?",
 * "d'autres ?" and "plus loin" refine the same search. Plain JSON kept in the conversation state only: the parent's
 * position and words live here and nowhere else (never in logs). `{}` is a fresh conversation.
 */
export const PositionSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type Position = z.infer<typeof PositionSchema>;

export const OfferConversationSchema = z.object({
  kinds: z.array(KindIdSchema).max(20).optional(),
  audiences: z.array(AudienceIdSchema).max(5).optional(),
  /** A child's age the parent gave, in years. */
  age: z.number().int().min(0).max(25).optional(),
  time: TimeIntentSchema.optional(),
  /** The parent asked for something at a distance (phone, online). */
  remote: z.boolean().optional(),
  /** Words that named no known kind, searched in the offer's texts. */
  freeText: z.string().max(200).optional(),
  /** The commune searched around (INSEE code). */
  placeCode: z.string().max(10).optional(),
  /** The position the parent shared, when the search is around it. */
  position: PositionSchema.optional(),
  /** How many results were already shown ("voir plus" shows the next ones). */
  offset: z.number().int().min(0).max(1000).optional(),
  radiusKm: z.number().min(1).max(500).optional(),
  /** The last turn asked for a place; the next place or position resumes the search. */
  pending: z.enum(['place']).optional(),
});
export type OfferConversation = z.infer<typeof OfferConversationSchema>;

/** The conversation as stored, or a fresh one when what was stored does not fit (an older version, tampering). */
export function readOfferConversation(value: unknown): OfferConversation {
  const parsed = OfferConversationSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/** True when a search is under way, so that short follow-ups belong to it. */
export function isSearchUnderway(conversation: OfferConversation): boolean {
  return Boolean(conversation.kinds?.length || conversation.audiences?.length || conversation.freeText || conversation.placeCode || conversation.position || conversation.pending);
}

import { z } from 'zod';
import { DepartementArticleSchema } from '../geo/departements';
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

/**
 * Decimals of a degree kept of a shared position: 3 is about 110 m north–south (80 m east–west here), finer than
 * a search by distance in kilometres can tell, and too coarse to point at a home.
 */
export const KEPT_POSITION_DECIMALS = 3;
const KEPT_POSITION_SCALE = 10 ** KEPT_POSITION_DECIMALS;

export function coarsePosition(position: Position): Position {
  return {
    latitude: Math.round(position.latitude * KEPT_POSITION_SCALE) / KEPT_POSITION_SCALE,
    longitude: Math.round(position.longitude * KEPT_POSITION_SCALE) / KEPT_POSITION_SCALE,
  };
}

/** A position read back from state is coarsened too, so a record written before this rule is kept coarse from then on. */
const KeptPositionSchema = PositionSchema.transform(coarsePosition);

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
  /**
   * The parent named a département (« dans le Rhône », « dans le 69 »): the search covers it (services located in it,
   * remote services covering it) from its chef-lieu (`placeCode`), and the answer names it.
   */
  departement: z.object({ code: z.string().min(2).max(3), name: z.string().min(1).max(80), article: DepartementArticleSchema }).optional(),
  /**
   * The kinds were inferred from a situation the parent described, not named: when none is near, support in general
   * near the place is a fair answer (a kind named explicitly is not replaced).
   */
  situational: z.boolean().optional(),
  /**
   * The situations the parent described (ids of src/offer/situations.ts): services whose words say they are for it
   * come first, and those unsuitable to it (baby workshops after a baby's death) are left out.
   */
  situations: z.array(z.string().max(40)).max(8).optional(),
  /** The position the parent shared, when the search is around it. */
  position: KeptPositionSchema.optional(),
  /** How many results were already shown ("voir plus" shows the next ones). */
  offset: z.number().int().min(0).max(1000).optional(),
  radiusKm: z.number().min(1).max(500).optional(),
  /** After "plus loin": what lies within this radius was shown before, so only what lies beyond is shown. */
  innerRadiusKm: z.number().min(0).max(500).optional(),
  /** The parent asked for support in general: the places near there, grouped by kind. */
  general: z.boolean().optional(),
  /**
   * The question the last turn asked: the place, or which of several communes of that name. The next place, position
   * or choice resumes the search.
   */
  pending: z.enum(['place', 'place-choice']).optional(),
  /** The communes (INSEE codes) the parent is choosing between, while `pending` is 'place-choice'. */
  placeChoices: z.array(z.string().max(10)).max(12).optional(),
});
export type OfferConversation = z.infer<typeof OfferConversationSchema>;

/** What is kept of the search between turns: the position only at the precision a search needs. */
export function offerConversationToKeep(conversation: OfferConversation): OfferConversation {
  return conversation.position ? { ...conversation, position: coarsePosition(conversation.position) } : conversation;
}

/** True when a search is under way, so that short follow-ups belong to it. */
export function isSearchUnderway(conversation: OfferConversation): boolean {
  return Boolean(
    conversation.kinds?.length || conversation.audiences?.length || conversation.freeText || conversation.placeCode || conversation.position ||
      conversation.pending || conversation.general,
  );
}

import { z } from 'zod';
import { SheetFieldSchema } from './model';

/**
 * What the sheet journey remembers between turns, so that "et ses indicateurs ?" stays on the sheet being
 * discussed. Plain JSON (it is stored with the conversation); an empty object is a fresh conversation, and ids of
 * sheets that are no longer loaded are simply ignored.
 */
export const SheetConversationSchema = z.object({
  /** The sheet being discussed; several when one number exists in several plans and none was named. */
  currentSheetIds: z.array(z.string()).max(10).optional(),
  /** What was last asked about it, reused by "et pour la 2.3.2 ?". */
  lastFields: z.array(SheetFieldSchema).max(11).optional(),
  /** The actions of the current sheet last shown (« action 2 »), so that « et la suivante ? » goes to action 3. */
  lastActions: z.array(z.number().int().positive()).max(20).optional(),
  /** The sheets a list just offered, in its order, so that « la deuxième » picks one. */
  offeredSheetIds: z.array(z.string()).max(10).optional(),
  /** The sheets left aside when one of several shown side by side was chosen, so that « et l'autre ? » goes to them. */
  setAsideSheetIds: z.array(z.string()).max(10).optional(),
  /** The last answer explained a term, so that « et CTG ? » asks for another one, even a plan's abbreviation. */
  lastGlossary: z.boolean().optional(),
});
export type SheetConversation = z.infer<typeof SheetConversationSchema>;

/** The stored state, or a fresh one when it does not fit (older format, hand-edited record). */
export function readSheetConversation(stored: unknown): SheetConversation {
  const parsed = SheetConversationSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

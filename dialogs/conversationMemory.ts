import { z } from 'zod';
import { OfferConversationSchema } from '../src/offer';
import { SheetConversationSchema } from '../src/sheets';

/**
 * What the bot remembers of one conversation between turns: the sheet being discussed, the parent's pending search
 * (with their position, which never leaves this state), and which of the two was last talked about.
 * It is read back from the database, so it is parsed, and a record that no longer fits starts afresh.
 */
export const ConversationMemorySchema = z.object({
  sheets: SheetConversationSchema.default({}),
  offer: OfferConversationSchema.default({}),
  lastTopic: z.enum(['sheets', 'offer']).optional(),
  greeted: z.boolean().default(false),
});
export type ConversationMemory = z.infer<typeof ConversationMemorySchema>;

export const CONVERSATION_MEMORY_PROPERTY = 'maillage';

export function readConversationMemory(stored: unknown): ConversationMemory {
  const parsed = ConversationMemorySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : ConversationMemorySchema.parse({});
}

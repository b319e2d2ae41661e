import { z } from 'zod';
import { OfferConversationSchema } from '../src/offer';
import { offerConversationToKeep } from '../src/offer/conversation';
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

/**
 * What is stored of the memory at the end of a turn. The turn itself searched around the position as shared;
 * the memory keeps it at 3 decimals, enough for "d'autres ?" and "plus loin", too coarse to point at a home.
 */
export function keepConversationMemory(memory: ConversationMemory): ConversationMemory {
  return memory.offer.position ? { ...memory, offer: offerConversationToKeep(memory.offer) } : memory;
}

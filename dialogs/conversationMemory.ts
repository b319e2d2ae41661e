import { z } from 'zod';
import { OfferConversationSchema } from '../src/offer';
import { offerConversationToKeep } from '../src/offer/conversation';
import { FigureQuestionSchema } from '../src/reports/figureQuestion';
import { SheetConversationSchema } from '../src/sheets';
import { FormStateSchema } from './forms/formState';
import { ReportMemorySchema } from './report/reportMemory';

/**
 * What the bot remembers of one conversation between turns: the sheet being discussed, the parent's pending search
 * (with their position, which never leaves this state), and which of the two was last talked about.
 * It is read back from the database, so it is parsed part by part: a part that no longer fits (an older version, a
 * hand edit) starts afresh on its own, and the others — a form half filled in — are kept.
 */
export const ConversationMemorySchema = z.object({
  sheets: SheetConversationSchema.catch({}).default({}),
  offer: OfferConversationSchema.catch({}).default({}),
  lastTopic: z.enum(['sheets', 'offer']).optional().catch(undefined),
  greeted: z.boolean().catch(false).default(false),
  /** The language of the last message: a short « bye » or « ok » is answered in it. */
  language: z.enum(['fr', 'en']).optional().catch(undefined),
  /** A multi-turn form under way (dialogs/forms/formRunner.ts). */
  form: FormStateSchema.optional().catch(undefined),
  /** A centre's report under way: enrolment, draft, last stored (dialogs/report/). */
  report: ReportMemorySchema.optional().catch(undefined),
  /** The last question about reported figures, so that « et par centre ? » breaks the same figures down. */
  figures: FigureQuestionSchema.optional().catch(undefined),
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

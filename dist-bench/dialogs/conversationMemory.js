"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONVERSATION_MEMORY_PROPERTY = exports.ConversationMemorySchema = void 0;
exports.readConversationMemory = readConversationMemory;
exports.keepConversationMemory = keepConversationMemory;
const zod_1 = require("zod");
const offer_1 = require("../src/offer");
const conversation_1 = require("../src/offer/conversation");
const sheets_1 = require("../src/sheets");
const formRunner_1 = require("./forms/formRunner");
/**
 * What the bot remembers of one conversation between turns: the sheet being discussed, the parent's pending search
 * (with their position, which never leaves this state), and which of the two was last talked about.
 * It is read back from the database, so it is parsed part by part: a part that no longer fits (an older version, a
 * hand edit) starts afresh on its own, and the others — a form half filled in — are kept.
 */
exports.ConversationMemorySchema = zod_1.z.object({
    sheets: sheets_1.SheetConversationSchema.catch({}).default({}),
    offer: offer_1.OfferConversationSchema.catch({}).default({}),
    lastTopic: zod_1.z.enum(['sheets', 'offer']).optional().catch(undefined),
    greeted: zod_1.z.boolean().catch(false).default(false),
    /** A multi-turn form under way (dialogs/forms/formRunner.ts). */
    form: formRunner_1.FormStateSchema.optional().catch(undefined),
});
exports.CONVERSATION_MEMORY_PROPERTY = 'maillage';
function readConversationMemory(stored) {
    const parsed = exports.ConversationMemorySchema.safeParse(stored ?? {});
    return parsed.success ? parsed.data : exports.ConversationMemorySchema.parse({});
}
/**
 * What is stored of the memory at the end of a turn. The turn itself searched around the position as shared;
 * the memory keeps it at 3 decimals, enough for "d'autres ?" and "plus loin", too coarse to point at a home.
 */
function keepConversationMemory(memory) {
    return memory.offer.position ? { ...memory, offer: (0, conversation_1.offerConversationToKeep)(memory.offer) } : memory;
}
//# sourceMappingURL=conversationMemory.js.map
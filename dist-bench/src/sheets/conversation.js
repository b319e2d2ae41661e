"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SheetConversationSchema = void 0;
exports.readSheetConversation = readSheetConversation;
const zod_1 = require("zod");
const model_1 = require("./model");
/**
 * What the sheet journey remembers between turns, so that "et ses indicateurs ?" stays on the sheet being
 * discussed. Plain JSON (it is stored with the conversation); an empty object is a fresh conversation, and ids of
 * sheets that are no longer loaded are simply ignored.
 */
exports.SheetConversationSchema = zod_1.z.object({
    /** The sheet being discussed; several when one number exists in several plans and none was named. */
    currentSheetIds: zod_1.z.array(zod_1.z.string()).max(10).optional(),
    /** What was last asked about it, reused by "et pour la 2.3.2 ?". */
    lastFields: zod_1.z.array(model_1.SheetFieldSchema).max(11).optional(),
});
/** The stored state, or a fresh one when it does not fit (older format, hand-edited record). */
function readSheetConversation(stored) {
    const parsed = exports.SheetConversationSchema.safeParse(stored ?? {});
    return parsed.success ? parsed.data : {};
}
//# sourceMappingURL=conversation.js.map
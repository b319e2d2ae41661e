"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.QUIET_GRACE_MS = exports.TranscriptChangeSchema = void 0;
exports.serialiseActivityPage = serialiseActivityPage;
exports.activityId = activityId;
const zod_1 = require("zod");
/** The wire form of a page, `{activities, watermark}`, with the watermark as a string as Direct Line gives it. */
function serialiseActivityPage(page) {
    return `{"activities":[${page.activities.join(',')}],"watermark":${JSON.stringify(String(page.watermark))}}`;
}
/** The id a kept activity gets: its conversation and its sequence, padded so ids sort in order. */
function activityId(conversationId, sequence) {
    return `${conversationId}|${String(sequence).padStart(7, '0')}`;
}
/**
 * A change announced to the streams: new activities up to `sequence`, or the conversation ended (idle,
 * evicted for a newer one). Parsed when it comes from another instance.
 */
exports.TranscriptChangeSchema = zod_1.z.discriminatedUnion('kind', [
    zod_1.z.object({ kind: zod_1.z.literal('appended'), conversationId: zod_1.z.string().min(1).max(128), sequence: zod_1.z.number().int().positive() }),
    zod_1.z.object({ kind: zod_1.z.literal('ended'), conversationId: zod_1.z.string().min(1).max(128) }),
]);
/**
 * Which conversation a full budget ends first: one where nobody spoke and that nobody used for this long (a page
 * opened and left), else the least recently used of all. A conversation just opened is not "quiet" yet: its parent
 * is reading the greeting and typing; ending it first would refuse the newest parent, which the budgets exist to avoid.
 */
exports.QUIET_GRACE_MS = 2 * 60 * 1000;
//# sourceMappingURL=transcripts.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OfferConversationSchema = exports.KEPT_POSITION_DECIMALS = exports.PositionSchema = void 0;
exports.coarsePosition = coarsePosition;
exports.readOfferConversation = readOfferConversation;
exports.offerConversationToKeep = offerConversationToKeep;
exports.isSearchUnderway = isSearchUnderway;
const zod_1 = require("zod");
const timeQuery_1 = require("./timeQuery");
const vocabulary_1 = require("./vocabulary");
/**
 * What the offer search remembers between turns, so that "et à Givors ?", "lesquels sont ouverts le vendredi ?",
 * "d'autres ?" and "plus loin" refine the same search. Plain JSON kept in the conversation state only: the parent's
 * position and words live here and nowhere else (never in logs). `{}` is a fresh conversation.
 */
exports.PositionSchema = zod_1.z.object({
    latitude: zod_1.z.number().min(-90).max(90),
    longitude: zod_1.z.number().min(-180).max(180),
});
/**
 * Decimals of a degree kept of a shared position: 3 is about 110 m north–south (80 m east–west here), finer than
 * a search by distance in kilometres can tell, and too coarse to point at a home.
 */
exports.KEPT_POSITION_DECIMALS = 3;
const KEPT_POSITION_SCALE = 10 ** exports.KEPT_POSITION_DECIMALS;
function coarsePosition(position) {
    return {
        latitude: Math.round(position.latitude * KEPT_POSITION_SCALE) / KEPT_POSITION_SCALE,
        longitude: Math.round(position.longitude * KEPT_POSITION_SCALE) / KEPT_POSITION_SCALE,
    };
}
/** A position read back from state is coarsened too, so a record written before this rule is kept coarse from then on. */
const KeptPositionSchema = exports.PositionSchema.transform(coarsePosition);
exports.OfferConversationSchema = zod_1.z.object({
    kinds: zod_1.z.array(vocabulary_1.KindIdSchema).max(20).optional(),
    audiences: zod_1.z.array(vocabulary_1.AudienceIdSchema).max(5).optional(),
    /** A child's age the parent gave, in years. */
    age: zod_1.z.number().int().min(0).max(25).optional(),
    time: timeQuery_1.TimeIntentSchema.optional(),
    /** The parent asked for something at a distance (phone, online). */
    remote: zod_1.z.boolean().optional(),
    /** Words that named no known kind, searched in the offer's texts. */
    freeText: zod_1.z.string().max(200).optional(),
    /** The commune searched around (INSEE code). */
    placeCode: zod_1.z.string().max(10).optional(),
    /** The position the parent shared, when the search is around it. */
    position: KeptPositionSchema.optional(),
    /** How many results were already shown ("voir plus" shows the next ones). */
    offset: zod_1.z.number().int().min(0).max(1000).optional(),
    radiusKm: zod_1.z.number().min(1).max(500).optional(),
    /** After "plus loin": what lies within this radius was shown before, so only what lies beyond is shown. */
    innerRadiusKm: zod_1.z.number().min(0).max(500).optional(),
    /** The parent asked for support in general: the places near there, grouped by kind. */
    general: zod_1.z.boolean().optional(),
    /**
     * The question the last turn asked: the place, or which of several communes of that name. The next place, position
     * or choice resumes the search.
     */
    pending: zod_1.z.enum(['place', 'place-choice']).optional(),
    /** The communes (INSEE codes) the parent is choosing between, while `pending` is 'place-choice'. */
    placeChoices: zod_1.z.array(zod_1.z.string().max(10)).max(12).optional(),
});
/** The conversation as stored, or a fresh one when what was stored does not fit (an older version, tampering). */
function readOfferConversation(value) {
    const parsed = exports.OfferConversationSchema.safeParse(value ?? {});
    return parsed.success ? parsed.data : {};
}
/** What is kept of the search between turns: the position only at the precision a search needs. */
function offerConversationToKeep(conversation) {
    return conversation.position ? { ...conversation, position: coarsePosition(conversation.position) } : conversation;
}
/** True when a search is under way, so that short follow-ups belong to it. */
function isSearchUnderway(conversation) {
    return Boolean(conversation.kinds?.length || conversation.audiences?.length || conversation.freeText || conversation.placeCode || conversation.position ||
        conversation.pending || conversation.general);
}
//# sourceMappingURL=conversation.js.map
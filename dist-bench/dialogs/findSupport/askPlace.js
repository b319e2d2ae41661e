"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.needsPosition = needsPosition;
exports.answersPlace = answersPlace;
/**
 * Asking for the place. The bot asks only when the search cannot go on without it: the parent said "près de moi"
 * without sharing a position, or named no place and none is known from the search. A listening service at a
 * distance needs no place (the engine offers those first, and asks for the place to add what is near).
 */
function needsPosition(reading, next, position) {
    return reading.nearMe && !position && !reading.place && !next.position;
}
/** Whether the message answers a question about the place: a commune, a postcode, a shared position. */
function answersPlace(reading, position) {
    return position !== undefined || reading.place !== null;
}
//# sourceMappingURL=askPlace.js.map
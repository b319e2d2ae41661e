"use strict";
/**
 * The last step of the route table: when no exact signal decided, each service scores the message on its own
 * vocabulary and the higher score answers. A near tie follows what the conversation was about, so that « et à
 * Givors ? » or « et ses indicateurs ? » stay where they were.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIN_CONFIDENCE = void 0;
exports.scoreNeededAgainst = scoreNeededAgainst;
exports.chooseByScores = chooseByScores;
/** Below this, neither service recognises the message and the bot says what it can do. */
exports.MIN_CONFIDENCE = 0.2;
/** Scores this close are a tie, settled by what the conversation was about. */
const TIE_MARGIN = 0.05;
/** A score below this loses to `otherScore`, whatever the conversation was about: its exact value does not matter. */
function scoreNeededAgainst(otherScore) {
    return otherScore - TIE_MARGIN;
}
function chooseByScores(scores) {
    const best = Math.max(scores.sheets, scores.offer);
    if (best < exports.MIN_CONFIDENCE)
        return null;
    if (Math.abs(scores.sheets - scores.offer) < TIE_MARGIN && scores.lastTopic)
        return scores.lastTopic;
    return scores.sheets >= scores.offer ? 'sheets' : 'offer';
}
//# sourceMappingURL=scores.js.map
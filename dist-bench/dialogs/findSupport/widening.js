"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.asksToWiden = asksToWiden;
exports.widen = widen;
const search_1 = require("../../src/offer/search");
/**
 * "Plus loin": the next radius (30, 60, then 100 km, no further: beyond, it is no longer near). What lay within the
 * radius already searched was shown: the wider search shows only what lies beyond it.
 */
function asksToWiden(reading) {
    return reading.farther;
}
/** The widened search, or null when it is already as wide as the bot searches. */
function widen(search) {
    const current = search.radiusKm ?? search_1.DEFAULT_RADIUS_KM;
    const next = search_1.RADIUS_STEPS_KM.find((step) => step > current);
    if (next === undefined)
        return null;
    return { ...search, radiusKm: next, innerRadiusKm: current, offset: 0 };
}
//# sourceMappingURL=widening.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseWatermark = parseWatermark;
/**
 * A Direct Line watermark is opaque to clients; here it is the sequence number of the last activity they saw.
 * Missing, empty or "-" means "from the start"; anything else that is not a count is refused (undefined).
 */
function parseWatermark(raw) {
    if (raw === undefined || raw === '' || raw === '-')
        return 0;
    if (!/^\d{1,12}$/.test(raw))
        return undefined;
    return Number(raw);
}
//# sourceMappingURL=watermark.js.map
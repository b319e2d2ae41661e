"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.geoDistanceKm = geoDistanceKm;
const geokdbush_1 = require("geokdbush");
/** Great-circle distance in km between two points (the same formula the spatial index uses). */
function geoDistanceKm(a, b) {
    if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null)
        return Infinity;
    return (0, geokdbush_1.distance)(a.longitude, a.latitude, b.longitude, b.latitude);
}
//# sourceMappingURL=distance.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CommuneSchema = exports.ESTIMATED_COORDINATES = exports.CoordinateSourceSchema = void 0;
exports.hasCoordinates = hasCoordinates;
const zod_1 = require("zod");
/**
 * Where a commune's coordinates come from, best first. Anything below `geonames-code` is an estimate
 * that the offer's own coordinates may replace (see OfferIndex).
 */
exports.CoordinateSourceSchema = zod_1.z.enum(['geonames', 'geonames-name', 'geonames-code', 'postcode', 'parent', 'epci', 'none']);
exports.ESTIMATED_COORDINATES = new Set(['postcode', 'parent', 'epci', 'none']);
/** An official commune (commune-actuelle) or a municipal arrondissement of Paris, Lyon or Marseille. */
exports.CommuneSchema = zod_1.z.object({
    code: zod_1.z.string().regex(/^\w{5}$/),
    name: zod_1.z.string().min(1),
    kind: zod_1.z.enum(['commune', 'arrondissement']),
    departement: zod_1.z.string().min(2).max(3),
    region: zod_1.z.string(),
    /** SIREN of the EPCI the commune belongs to, when it belongs to one. */
    epci: zod_1.z.string().nullable(),
    /** For an arrondissement: the code of its commune (69123 for Lyon). */
    parent: zod_1.z.string().nullable(),
    postcodes: zod_1.z.array(zod_1.z.string()),
    population: zod_1.z.number(),
    latitude: zod_1.z.number().nullable(),
    longitude: zod_1.z.number().nullable(),
    coordinates: exports.CoordinateSourceSchema,
});
function hasCoordinates(commune) {
    return commune.latitude !== null && commune.longitude !== null;
}
//# sourceMappingURL=commune.js.map
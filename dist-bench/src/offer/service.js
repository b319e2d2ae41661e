"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OfferServiceSchema = void 0;
exports.isLocated = isLocated;
const zod_1 = require("zod");
const vocabulary_1 = require("./vocabulary");
/**
 * One entry of the offer as the bot uses it: a data·inclusion service joined with its structure, placed on the map,
 * with its kinds and audiences recognised. A centre social or EVS is also an entry of its own (id "structure:…"), so
 * that "un centre social près de Bron" lists centres, not every activity they run.
 */
exports.OfferServiceSchema = zod_1.z.object({
    id: zod_1.z.string(),
    structureId: zod_1.z.string(),
    name: zod_1.z.string(),
    structureName: zod_1.z.string().nullable(),
    /** The start of the description, for the card. */
    summary: zod_1.z.string().nullable(),
    address: zod_1.z.string().nullable(),
    postcode: zod_1.z.string().nullable(),
    communeCode: zod_1.z.string().nullable(),
    communeName: zod_1.z.string().nullable(),
    /** Region name, for school holidays in opening hours. */
    region: zod_1.z.string().nullable(),
    latitude: zod_1.z.number().nullable(),
    longitude: zod_1.z.number().nullable(),
    /** Where the coordinates come from: the service itself, its structure, or its commune. */
    located: zod_1.z.enum(['service', 'structure', 'commune', 'none']),
    phone: zod_1.z.string().nullable(),
    email: zod_1.z.string().nullable(),
    website: zod_1.z.string().nullable(),
    hours: zod_1.z.string().nullable(),
    hoursFrom: zod_1.z.enum(['service', 'structure']).nullable(),
    kinds: zod_1.z.array(vocabulary_1.KindIdSchema),
    audiences: zod_1.z.array(vocabulary_1.AudienceIdSchema),
    /** Children's ages the service is for (years, inclusive), when it says. */
    ages: zod_1.z.tuple([zod_1.z.number(), zod_1.z.number()]).nullable(),
    inPerson: zod_1.z.boolean(),
    remote: zod_1.z.boolean(),
    /** zone_eligibilite codes; null: no restriction said. */
    zone: zod_1.z.array(zod_1.z.string()).nullable(),
    /** About families (a family theme or a recognised kind): listed when a parent names only a place. */
    family: zod_1.z.boolean(),
    free: zod_1.z.boolean().nullable(),
});
function isLocated(service) {
    return service.latitude !== null && service.longitude !== null;
}
//# sourceMappingURL=service.js.map
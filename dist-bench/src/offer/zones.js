"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.zoneCovers = zoneCovers;
exports.effectiveZone = effectiveZone;
exports.serviceCovers = serviceCovers;
exports.isNationalZone = isNationalZone;
/**
 * zone_eligibilite: who may use a service, as Code officiel géographique codes (schema v1): a commune's INSEE code, a
 * département ("69", "2A", "971"), an EPCI's SIREN (9 digits), or the whole country ("france", "99100"). The schema
 * writes a region as the list of its départements; a bare two-digit code is read as a département, since region and
 * département codes overlap ("84" is both).
 */
const NATIONAL = new Set(['FRANCE', '99100']);
function zoneCovers(zone, place, communes) {
    for (const raw of zone) {
        const code = raw.trim().toUpperCase();
        if (NATIONAL.has(code))
            return true;
        if (/^\d{9}$/.test(code)) {
            if (place.epci === code)
                return true;
        }
        else if (code.length === 5) {
            // A zone naming Lyon covers its arrondissements; one naming an arrondissement covers "Lyon" said loosely.
            if (place.code === code || place.parent === code)
                return true;
            if (communes.byCode(code)?.parent === place.code)
                return true;
            const current = communes.byCode(code);
            if (current && current.code === place.code)
                return true;
        }
        else if (code === place.departement) {
            return true;
        }
    }
    return false;
}
/**
 * The zone a service serves when it says none: everyone for a place people go to; its own département for one that
 * also answers at a distance (a local helpline with no zone is not offered to the whole country).
 */
function effectiveZone(zone, remote, departement) {
    if (zone && zone.length > 0)
        return [...zone];
    if (remote && departement)
        return [departement];
    return null;
}
/** True when a place may use the service; a service that says no zone is open to all. */
function serviceCovers(zone, place, communes) {
    return zone === null || zoneCovers(zone, place, communes);
}
/** True when the zone is the whole country. */
function isNationalZone(zone) {
    return zone !== null && zone.some((code) => NATIONAL.has(code.trim().toUpperCase()));
}
//# sourceMappingURL=zones.js.map
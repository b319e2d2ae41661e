"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.communeLookups = communeLookups;
exports.groupsHoldTogether = groupsHoldTogether;
const kdbush_1 = __importDefault(require("kdbush"));
function groupsOf(byKey, value) {
    const keys = [...byKey.keys()];
    const start = new Int32Array(keys.length + 1);
    const values = [];
    keys.forEach((key, g) => {
        start[g] = values.length;
        for (const v of byKey.get(key) ?? [])
            values.push(value(v));
    });
    start[keys.length] = values.length;
    return { keys, start, values: Int32Array.from(values) };
}
/** The lookups of a set of communes. */
function communeLookups(data) {
    const communes = data.communes;
    const index = new Map();
    communes.forEach((c, i) => index.set(c.code, i));
    const byPopulation = (a, b) => communes[b].population - communes[a].population;
    // Each commune once under a name; homonyms by how surely the name means them, then by population.
    const byName = new Map();
    for (const name of data.names) {
        const commune = index.get(name.code);
        if (commune === undefined)
            continue;
        const list = byName.get(name.key);
        if (!list)
            byName.set(name.key, [{ commune, rank: name.rank }]);
        else if (!list.some((e) => e.commune === commune))
            list.push({ commune, rank: name.rank });
    }
    for (const entries of byName.values())
        entries.sort((a, b) => a.rank - b.rank || byPopulation(a.commune, b.commune));
    const names = { ...groupsOf(byName, (e) => e.commune), rank: [...byName.values()].flatMap((entries) => entries.map((e) => e.rank)) };
    const byPostcode = new Map();
    communes.forEach((commune, i) => {
        for (const postcode of commune.postcodes) {
            const list = byPostcode.get(postcode);
            if (list)
                list.push(i);
            else
                byPostcode.set(postcode, [i]);
        }
    });
    for (const list of byPostcode.values())
        list.sort(byPopulation);
    const postcodes = groupsOf(byPostcode, (i) => i);
    // A position inside Lyon should name its arrondissement, not the whole city.
    const citiesWithArrondissements = new Set(communes.map((c) => c.parent).filter((p) => p !== null));
    const located = [];
    communes.forEach((c, i) => {
        if (c.latitude !== null && c.longitude !== null && !citiesWithArrondissements.has(c.code))
            located.push(i);
    });
    const tree = new kdbush_1.default(Math.max(1, located.length));
    for (const i of located)
        tree.add(communes[i].longitude ?? 0, communes[i].latitude ?? 0);
    if (located.length === 0)
        tree.add(0, 0);
    tree.finish();
    const spatial = new ArrayBuffer(tree.data.byteLength);
    new Uint8Array(spatial).set(new Uint8Array(tree.data));
    return { nameGroups: names, postcodeGroups: postcodes, located: Int32Array.from(located), spatial };
}
/** True when groups hold together: starts rising from 0 to the number of values, values within `count`. */
function groupsHoldTogether(groups, count) {
    const { keys, start, values } = groups;
    if (start.length !== keys.length + 1 || start[0] !== 0 || start[keys.length] !== values.length)
        return false;
    for (let g = 0; g < keys.length; g++)
        if (start[g + 1] < start[g])
            return false;
    for (const v of values)
        if (v < 0 || v >= count)
            return false;
    return true;
}
//# sourceMappingURL=communeLookups.js.map
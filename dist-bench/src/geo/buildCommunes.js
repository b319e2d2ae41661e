"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FORMER = exports.SHORT_FORM = exports.OFFICIAL = exports.CommuneDataSchema = void 0;
exports.buildCommuneData = buildCommuneData;
const zod_1 = require("zod");
const commune_1 = require("./commune");
const placeKey_1 = require("./placeKey");
const sources_1 = require("./sources");
/** Everything the commune index needs, built from the packages (or read back from the cache). */
exports.CommuneDataSchema = zod_1.z.object({
    communes: zod_1.z.array(commune_1.CommuneSchema),
    departements: zod_1.z.record(zod_1.z.string(), zod_1.z.object({ name: zod_1.z.string(), region: zod_1.z.string() })),
    regions: zod_1.z.record(zod_1.z.string(), zod_1.z.string()),
    /** Every name a commune is known by, as a matching key (see placeKey) with how surely it means that commune. */
    names: zod_1.z.array(zod_1.z.object({ key: zod_1.z.string(), code: zod_1.z.string(), rank: zod_1.z.union([zod_1.z.literal(0), zod_1.z.literal(1), zod_1.z.literal(2)]) })),
    /** Former INSEE codes → current code, so old records still find their commune. */
    formerCodes: zod_1.z.record(zod_1.z.string(), zod_1.z.string()),
});
/** Its official name; a usual short form ("Villefranche", "Décines"); a former commune's name. */
exports.OFFICIAL = 0;
exports.SHORT_FORM = 1;
exports.FORMER = 2;
/** Population from which a name is also known without its article. */
const BARE_NAME_MIN_POPULATION = 2000;
/** Towns are often called by the first part of their name: "Villefranche" for Villefranche-sur-Saône. */
const SHORT_FORM_MIN_POPULATION = 5000;
const NAME_JOINERS = new Set(['sur', 'en', 'de', 'du', 'des', 'les', 'la', 'le', 'lez', 'aux', 'au', 'sous', 'et']);
const SAINTS = new Set(['saint', 'sainte', 'saints', 'saintes']);
function shortForm(commune) {
    if (commune.population < SHORT_FORM_MIN_POPULATION || commune.kind !== 'commune')
        return null;
    const tokens = (0, placeKey_1.placeTokens)(commune.name);
    const joiner = tokens.findIndex((t, i) => i > 0 && NAME_JOINERS.has(t));
    if (joiner > 0)
        return tokens.slice(0, joiner).join(' ');
    // "Décines-Charpieu" is "Décines"; "Saint-Genis-Laval" is "Saint-Genis".
    const keep = SAINTS.has(tokens[0]) ? 2 : 1;
    return tokens.length > keep && !NAME_JOINERS.has(tokens[0]) ? tokens.slice(0, keep).join(' ') : null;
}
function namesOf(communes, formerNames) {
    const names = [];
    const add = (key, code, rank, population) => {
        if (!key)
            return;
        names.push({ key, code, rank });
        // "Arbresle" for L'Arbresle; not for villages, whose bare names are often plain words ("table", "garde").
        const bare = (0, placeKey_1.keyWithoutArticle)(key);
        if (bare && population >= BARE_NAME_MIN_POPULATION)
            names.push({ key: bare, code, rank });
    };
    for (const commune of communes) {
        add((0, placeKey_1.placeKey)(commune.name), commune.code, exports.OFFICIAL, commune.population);
        add(shortForm(commune), commune.code, exports.SHORT_FORM, commune.population);
    }
    for (const former of formerNames)
        add((0, placeKey_1.placeKey)(former.name), former.code, exports.FORMER, 0);
    return names;
}
function bestByPopulation(rows) {
    let best;
    for (const row of rows)
        if (!best || row.population > best.population)
            best = row;
    return best;
}
function pushTo(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
function draftOf(record, epciOf) {
    const isArrondissement = record.type === 'arrondissement-municipal';
    if (record.type !== 'commune-actuelle' && !isArrondissement)
        return null;
    if (!record.departement || !record.region)
        return null;
    const parent = isArrondissement ? (record.commune ?? null) : null;
    return {
        code: record.code,
        name: record.nom,
        kind: isArrondissement ? 'arrondissement' : 'commune',
        departement: record.departement,
        region: record.region,
        epci: epciOf.get(parent ?? record.code) ?? null,
        parent,
        postcodes: record.codesPostaux ?? [],
        population: record.population ?? 0,
        latitude: null,
        longitude: null,
        coordinates: 'none',
    };
}
/**
 * Gives each commune GeoNames coordinates, matched by INSEE code (admin4) and name. About a fifth of the rows carry
 * no code or a neighbour's code, so a row is taken, in order: same code and same name; same name in the same
 * département; same code under a name that is no other commune's. What is still missing is estimated from the
 * communes sharing a postcode; an arrondissement without any takes its city's, and what is left the middle of its EPCI.
 */
function placeOnMap(drafts, rows) {
    const rowsByCode = new Map();
    const rowsByName = new Map();
    for (const row of rows) {
        if (row.insee)
            pushTo(rowsByCode, row.insee, row);
        pushTo(rowsByName, `${row.departement}|${(0, placeKey_1.placeKey)(row.name)}`, row);
    }
    const officialNames = new Set(drafts.map((d) => `${d.departement}|${(0, placeKey_1.placeKey)(d.name)}`));
    const take = (draft, row, source) => {
        if (!row)
            return false;
        draft.latitude = row.latitude;
        draft.longitude = row.longitude;
        draft.coordinates = source;
        return true;
    };
    for (const draft of drafts) {
        const nameKey = `${draft.departement}|${(0, placeKey_1.placeKey)(draft.name)}`;
        const sameCode = rowsByCode.get(draft.code) ?? [];
        if (take(draft, bestByPopulation(sameCode.filter((r) => `${r.departement}|${(0, placeKey_1.placeKey)(r.name)}` === nameKey)), 'geonames'))
            continue;
        if (take(draft, bestByPopulation(rowsByName.get(nameKey) ?? []), 'geonames-name'))
            continue;
        const unclaimed = sameCode.filter((r) => !officialNames.has(`${r.departement}|${(0, placeKey_1.placeKey)(r.name)}`));
        take(draft, bestByPopulation(unclaimed), 'geonames-code');
    }
    const placedByPostcode = new Map();
    for (const draft of drafts) {
        if (draft.latitude === null)
            continue;
        for (const postcode of draft.postcodes)
            pushTo(placedByPostcode, postcode, draft);
    }
    for (const draft of drafts) {
        if (draft.latitude !== null)
            continue;
        const neighbours = new Map();
        for (const postcode of draft.postcodes)
            for (const n of placedByPostcode.get(postcode) ?? [])
                neighbours.set(n.code, n);
        if (neighbours.size === 0)
            continue;
        let lat = 0;
        let lon = 0;
        for (const n of neighbours.values()) {
            lat += n.latitude ?? 0;
            lon += n.longitude ?? 0;
        }
        draft.latitude = lat / neighbours.size;
        draft.longitude = lon / neighbours.size;
        draft.coordinates = 'postcode';
    }
    const byCode = new Map(drafts.map((d) => [d.code, d]));
    for (const draft of drafts) {
        if (draft.latitude !== null || !draft.parent)
            continue;
        const city = byCode.get(draft.parent);
        if (city && city.latitude !== null) {
            draft.latitude = city.latitude;
            draft.longitude = city.longitude;
            draft.coordinates = 'parent';
        }
    }
    const placedByEpci = new Map();
    for (const draft of drafts)
        if (draft.epci && draft.latitude !== null && draft.kind === 'commune')
            pushTo(placedByEpci, draft.epci, draft);
    for (const draft of drafts) {
        if (draft.latitude !== null || !draft.epci)
            continue;
        const members = placedByEpci.get(draft.epci) ?? [];
        if (members.length === 0)
            continue;
        draft.latitude = members.reduce((sum, m) => sum + (m.latitude ?? 0), 0) / members.length;
        draft.longitude = members.reduce((sum, m) => sum + (m.longitude ?? 0), 0) / members.length;
        draft.coordinates = 'epci';
    }
}
function buildCommuneData() {
    const etalab = (0, sources_1.readEtalab)();
    const epciOf = new Map();
    for (const epci of etalab.epcis)
        for (const member of epci.membres)
            epciOf.set(member.code, epci.code);
    const drafts = [];
    const formerNames = [];
    const formerCodes = {};
    for (const record of etalab.communes) {
        const draft = draftOf(record, epciOf);
        if (draft) {
            drafts.push(draft);
            for (const old of record.anciensCodes ?? [])
                if (old !== record.code)
                    formerCodes[old] = record.code;
        }
        else if ((record.type === 'commune-deleguee' || record.type === 'commune-associee') && record.chefLieu) {
            formerNames.push({ name: record.nom, code: record.chefLieu });
        }
    }
    placeOnMap(drafts, (0, sources_1.readGeonamesFrance)());
    const departements = {};
    for (const d of etalab.departements)
        departements[d.code] = { name: d.nom, region: d.region };
    const regions = {};
    for (const r of etalab.regions)
        regions[r.code] = r.nom;
    const communes = drafts.map((d) => commune_1.CommuneSchema.parse(d));
    return { communes, departements, regions, names: namesOf(communes, formerNames), formerCodes };
}
//# sourceMappingURL=buildCommunes.js.map
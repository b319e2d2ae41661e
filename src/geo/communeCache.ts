import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CommuneSchema, CoordinateSourceSchema, type Commune, type CoordinateSource } from './commune';
import { buildCommuneData, CommuneDataSchema, FORMER, OFFICIAL, SHORT_FORM, type CommuneData, type NameRank } from './buildCommunes';
import { communeLookups, groupsHoldTogether, type CommuneLookups } from './communeLookups';
import { projectDataDir } from './projectData';
import { Lines, valuesOf, type TextColumn } from './textColumn';
import { sourcesFingerprint } from './sources';

/**
 * Building the communes from the packages takes over a second (a 32 MB GeoNames file), so the result is kept in
 * `data/communes.json` (written by `npm run build`). The file is made to be read back fast at every start: each
 * column is one string (values joined by line breaks) or one base64 typed array, so that reading it is a few long
 * strings rather than hundreds of thousands of JSON values, and checking it is a look at its shape and lengths
 * rather than a schema pass over 35,000 rows. It is read into a CommuneTable, from which the commune index makes
 * commune objects only as they are asked for. The cache names the package versions it came from and is rebuilt when
 * they change; it is never needed: a missing or unreadable cache is simply rebuilt.
 */

const FORMAT = 7;
const SEPARATOR = '\n';

const ColumnsSchema = z.object({
  format: z.literal(FORMAT),
  fingerprint: z.string(),
  count: z.number().int().min(0),
  /** Text columns: one value a line. */
  code: z.string(),
  name: z.string(),
  departement: z.string(),
  region: z.string(),
  epci: z.string(),
  parent: z.string(),
  /** Each commune's postcodes, space-separated. */
  postcodes: z.string(),
  /** base64 of float64 arrays; NaN for no coordinates. */
  population: z.string(),
  latitude: z.string(),
  longitude: z.string(),
  /** base64 of a byte per commune: 1 for an arrondissement, plus twice the coordinate source's index. */
  flags: z.string(),
  departements: CommuneDataSchema.shape.departements,
  regions: CommuneDataSchema.shape.regions,
  /** Names grouped by key (see communeLookups): the keys, base64 int32 group starts, commune indexes, rank bytes. */
  nameGroupCount: z.number().int().min(0),
  nameCount: z.number().int().min(0),
  nameKey: z.string(),
  nameStart: z.string(),
  nameCommune: z.string(),
  nameRank: z.string(),
  /** Postcodes grouped the same way. */
  postcodeGroupCount: z.number().int().min(0),
  postcodeCount: z.number().int().min(0),
  postcodeKey: z.string(),
  postcodeStart: z.string(),
  postcodeCommune: z.string(),
  /** The map: base64 int32 commune indexes, and kdbush's buffer. */
  locatedCount: z.number().int().min(0),
  located: z.string(),
  spatial: z.string(),
  formerCount: z.number().int().min(0),
  formerCode: z.string(),
  formerCurrent: z.string(),
});
type Columns = z.infer<typeof ColumnsSchema>;

const SOURCES = CoordinateSourceSchema.options;
const RANKS: readonly NameRank[] = [OFFICIAL, SHORT_FORM, FORMER];

/** The communes column by column, checked, as the commune index reads them. */
export type CommuneTable = {
  count: number;
  code: TextColumn;
  name: TextColumn;
  departement: TextColumn;
  region: TextColumn;
  /** '' for none. */
  epci: TextColumn;
  parent: TextColumn;
  /** Space-separated. */
  postcodes: TextColumn;
  population: Float64Array;
  /** NaN for none. */
  latitude: Float64Array;
  longitude: Float64Array;
  arrondissement: Uint8Array;
  coordinates: readonly CoordinateSource[];
  departements: CommuneData['departements'];
  regions: CommuneData['regions'];
  formerCodes: ReadonlyMap<string, string>;
} & CommuneLookups;

/** The commune at an index of the table. */
export function communeOf(table: CommuneTable, i: number): Commune {
  const latitude = table.latitude[i];
  const longitude = table.longitude[i];
  const postcodes = table.postcodes.at(i);
  return {
    code: table.code.at(i) ?? '',
    name: table.name.at(i) ?? '',
    kind: table.arrondissement[i] === 1 ? 'arrondissement' : 'commune',
    departement: table.departement.at(i) ?? '',
    region: table.region.at(i) ?? '',
    epci: table.epci.at(i) || null,
    parent: table.parent.at(i) || null,
    postcodes: postcodes ? postcodes.split(' ') : [],
    population: table.population[i],
    latitude: Number.isNaN(latitude) ? null : latitude,
    longitude: Number.isNaN(longitude) ? null : longitude,
    coordinates: table.coordinates[i],
  };
}

function joined(column: TextColumn): string {
  const values = valuesOf(column);
  for (const value of values) if (value.includes(SEPARATOR)) throw new Error('a value holds a line break');
  return values.join(SEPARATOR);
}

function base64Of(array: Float64Array | Int32Array | Uint8Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** The bytes of a base64 column in a fresh, aligned buffer, when they are `bytes` long (any length when not given). */
function bytesOf(base64: string, bytes?: number): ArrayBuffer | null {
  const decoded = Buffer.from(base64, 'base64');
  if (bytes !== undefined && decoded.byteLength !== bytes) return null;
  const copy = new ArrayBuffer(decoded.byteLength);
  new Uint8Array(copy).set(decoded);
  return copy;
}

function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e5) / 1e5;
}

function toColumns(data: CommuneData, fingerprint: string): Columns {
  // The lookups are worked out on the communes as they will be read back.
  const c = data.communes.map((x) => ({ ...x, latitude: rounded(x.latitude), longitude: rounded(x.longitude) }));
  const lookups = communeLookups({ ...data, communes: c });
  const former = Object.entries(data.formerCodes);
  return {
    format: FORMAT,
    fingerprint,
    count: c.length,
    code: joined(c.map((x) => x.code)),
    name: joined(c.map((x) => x.name)),
    departement: joined(c.map((x) => x.departement)),
    region: joined(c.map((x) => x.region)),
    epci: joined(c.map((x) => x.epci ?? '')),
    parent: joined(c.map((x) => x.parent ?? '')),
    postcodes: joined(c.map((x) => x.postcodes.join(' '))),
    population: base64Of(Float64Array.from(c, (x) => x.population)),
    latitude: base64Of(Float64Array.from(c, (x) => x.latitude ?? Number.NaN)),
    longitude: base64Of(Float64Array.from(c, (x) => x.longitude ?? Number.NaN)),
    flags: base64Of(Uint8Array.from(c, (x) => (x.kind === 'arrondissement' ? 1 : 0) | (SOURCES.indexOf(x.coordinates) << 1))),
    departements: data.departements,
    regions: data.regions,
    nameGroupCount: lookups.nameGroups.keys.length,
    nameCount: lookups.nameGroups.values.length,
    nameKey: joined(lookups.nameGroups.keys),
    nameStart: base64Of(lookups.nameGroups.start),
    nameCommune: base64Of(lookups.nameGroups.values),
    nameRank: base64Of(Uint8Array.from(lookups.nameGroups.rank)),
    postcodeGroupCount: lookups.postcodeGroups.keys.length,
    postcodeCount: lookups.postcodeGroups.values.length,
    postcodeKey: joined(lookups.postcodeGroups.keys),
    postcodeStart: base64Of(lookups.postcodeGroups.start),
    postcodeCommune: base64Of(lookups.postcodeGroups.values),
    locatedCount: lookups.located.length,
    located: base64Of(lookups.located),
    spatial: base64Of(new Uint8Array(lookups.spatial)),
    formerCount: former.length,
    formerCode: joined(former.map(([old]) => old)),
    formerCurrent: joined(former.map(([, current]) => current)),
  };
}

function int32s(base64: string, count: number): Int32Array | null {
  const bytes = bytesOf(base64, count * 4);
  return bytes ? new Int32Array(bytes) : null;
}

/** The table the columns describe, or null when they do not hold together. */
function fromColumns(columns: Columns): CommuneTable | null {
  const n = columns.count;
  const [code, name, departement, region, epci, parent, postcodes] = [columns.code, columns.name, columns.departement, columns.region,
    columns.epci, columns.parent, columns.postcodes].map((c) => Lines.of(c, n));
  if (!code || !name || !departement || !region || !epci || !parent || !postcodes) return null;
  const populationBytes = bytesOf(columns.population, n * 8);
  const latitudeBytes = bytesOf(columns.latitude, n * 8);
  const longitudeBytes = bytesOf(columns.longitude, n * 8);
  const flagBytes = bytesOf(columns.flags, n);
  if (!populationBytes || !latitudeBytes || !longitudeBytes || !flagBytes) return null;
  const population = new Float64Array(populationBytes);
  const flags = new Uint8Array(flagBytes);
  const arrondissement = new Uint8Array(n);
  const coordinates: CoordinateSource[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const source = SOURCES[flags[i] >> 1];
    if (source === undefined || !Number.isFinite(population[i])) return null;
    coordinates[i] = source;
    arrondissement[i] = flags[i] & 1;
  }

  const nameKeys = Lines.of(columns.nameKey, columns.nameGroupCount);
  const nameStart = int32s(columns.nameStart, columns.nameGroupCount + 1);
  const nameCommune = int32s(columns.nameCommune, columns.nameCount);
  const rankBytes = bytesOf(columns.nameRank, columns.nameCount);
  if (!nameKeys || !nameStart || !nameCommune || !rankBytes) return null;
  const ranks = new Uint8Array(rankBytes);
  const nameRank: NameRank[] = new Array(columns.nameCount);
  for (let i = 0; i < ranks.length; i++) {
    const rank = RANKS[ranks[i]];
    if (rank === undefined) return null;
    nameRank[i] = rank;
  }
  const names = { keys: nameKeys, start: nameStart, values: nameCommune, rank: nameRank };

  const postcodeKeys = Lines.of(columns.postcodeKey, columns.postcodeGroupCount);
  const postcodeStart = int32s(columns.postcodeStart, columns.postcodeGroupCount + 1);
  const postcodeCommune = int32s(columns.postcodeCommune, columns.postcodeCount);
  if (!postcodeKeys || !postcodeStart || !postcodeCommune) return null;
  const postcodeGroups = { keys: postcodeKeys, start: postcodeStart, values: postcodeCommune };
  if (!groupsHoldTogether(names, n) || !groupsHoldTogether(postcodeGroups, n)) return null;

  const located = int32s(columns.located, columns.locatedCount);
  const spatial = bytesOf(columns.spatial);
  if (!located || !spatial || located.some((i) => i < 0 || i >= n)) return null;

  const oldCodes = Lines.of(columns.formerCode, columns.formerCount);
  const currentCodes = Lines.of(columns.formerCurrent, columns.formerCount);
  if (!oldCodes || !currentCodes) return null;
  const table: CommuneTable = {
    count: n, code, name, departement, region, epci, parent, postcodes, population,
    latitude: new Float64Array(latitudeBytes), longitude: new Float64Array(longitudeBytes), arrondissement, coordinates,
    departements: columns.departements, regions: columns.regions,
    formerCodes: new Map(valuesOf(oldCodes).map((old, i) => [old, currentCodes.at(i) ?? ''])),
    nameGroups: names, postcodeGroups, located, spatial,
  };
  // Spot-check a few communes against the full schema: cheap, and catches a cache written by other code.
  for (const i of n > 0 ? [0, n >> 1, n - 1] : []) if (!CommuneSchema.safeParse(communeOf(table, i)).success) return null;
  return table;
}

/** The table of communes built in this process (the cache could not be read). */
export function communeTableOf(data: CommuneData): CommuneTable {
  return builtTable(toColumns(data, ''));
}

/** Columns this process just built from the data always hold together; if not, the data itself is wrong. */
function builtTable(columns: Columns): CommuneTable {
  const table = fromColumns(columns);
  if (!table) throw new Error('commune data that does not hold together');
  return table;
}

/** Every commune of a table as objects, with the names and former codes (what `buildCommuneData` gives). */
export function communeDataOf(table: CommuneTable): CommuneData {
  const communes = Array.from({ length: table.count }, (_, i) => communeOf(table, i));
  const names: CommuneData['names'] = [];
  const { keys, start, values, rank } = table.nameGroups;
  valuesOf(keys).forEach((key, g) => {
    for (let k = start[g]; k < start[g + 1]; k++) names.push({ key, code: table.code.at(values[k]) ?? '', rank: rank[k] });
  });
  return { communes, departements: table.departements, regions: table.regions, names, formerCodes: Object.fromEntries(table.formerCodes) };
}

export function communeCacheFile(dataDir = projectDataDir()): string {
  return join(dataDir, 'communes.json');
}

function readCache(file: string, fingerprint: string): CommuneTable | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = ColumnsSchema.safeParse(raw);
  if (!parsed.success || parsed.data.fingerprint !== fingerprint) return null;
  return fromColumns(parsed.data);
}

function writeCache(file: string, columns: Columns, dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    // Written beside and renamed, so that a concurrent reader never sees half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    // Written as ASCII (other characters escaped): decoding a file of ASCII is several times faster.
    const json = JSON.stringify(columns).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    writeFileSync(temporary, json);
    renameSync(temporary, file);
  } catch {
    // A read-only disk only costs the next start a rebuild.
  }
}

/** The commune table, from the cache when it matches the installed packages, else built and cached. */
export function loadCommuneTable(dataDir = projectDataDir()): CommuneTable {
  const fingerprint = sourcesFingerprint();
  const file = communeCacheFile(dataDir);
  const cached = readCache(file, fingerprint);
  if (cached) return cached;
  const columns = toColumns(buildCommuneData(), fingerprint);
  writeCache(file, columns, dataDir);
  return builtTable(columns);
}

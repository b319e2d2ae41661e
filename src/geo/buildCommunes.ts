import { z } from 'zod';
import { CommuneSchema, type Commune, type CoordinateSource } from './commune';
import { placeKey } from './placeKey';
import { readEtalab, readGeonamesFrance, type EtalabCommune, type GeonamesRow } from './sources';

/** Everything the commune index needs, built from the packages (or read back from the cache). */
export const CommuneDataSchema = z.object({
  communes: z.array(CommuneSchema),
  departements: z.record(z.string(), z.object({ name: z.string(), region: z.string() })),
  regions: z.record(z.string(), z.string()),
  /** Former names (communes déléguées and associées) → the code of the commune they now belong to. */
  formerNames: z.array(z.object({ name: z.string(), code: z.string() })),
  /** Former INSEE codes → current code, so old records still find their commune. */
  formerCodes: z.record(z.string(), z.string()),
});
export type CommuneData = z.infer<typeof CommuneDataSchema>;

type Draft = Omit<Commune, 'latitude' | 'longitude' | 'coordinates'> & {
  latitude: number | null;
  longitude: number | null;
  coordinates: CoordinateSource;
};

function bestByPopulation(rows: readonly GeonamesRow[]): GeonamesRow | undefined {
  let best: GeonamesRow | undefined;
  for (const row of rows) if (!best || row.population > best.population) best = row;
  return best;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function draftOf(record: EtalabCommune, epciOf: ReadonlyMap<string, string>): Draft | null {
  const isArrondissement = record.type === 'arrondissement-municipal';
  if (record.type !== 'commune-actuelle' && !isArrondissement) return null;
  if (!record.departement || !record.region) return null;
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
function placeOnMap(drafts: Draft[], rows: readonly GeonamesRow[]): void {
  const rowsByCode = new Map<string, GeonamesRow[]>();
  const rowsByName = new Map<string, GeonamesRow[]>();
  for (const row of rows) {
    if (row.insee) pushTo(rowsByCode, row.insee, row);
    pushTo(rowsByName, `${row.departement}|${placeKey(row.name)}`, row);
  }
  const officialNames = new Set(drafts.map((d) => `${d.departement}|${placeKey(d.name)}`));

  const take = (draft: Draft, row: GeonamesRow | undefined, source: CoordinateSource): boolean => {
    if (!row) return false;
    draft.latitude = row.latitude;
    draft.longitude = row.longitude;
    draft.coordinates = source;
    return true;
  };

  for (const draft of drafts) {
    const nameKey = `${draft.departement}|${placeKey(draft.name)}`;
    const sameCode = rowsByCode.get(draft.code) ?? [];
    if (take(draft, bestByPopulation(sameCode.filter((r) => `${r.departement}|${placeKey(r.name)}` === nameKey)), 'geonames')) continue;
    if (take(draft, bestByPopulation(rowsByName.get(nameKey) ?? []), 'geonames-name')) continue;
    const unclaimed = sameCode.filter((r) => !officialNames.has(`${r.departement}|${placeKey(r.name)}`));
    take(draft, bestByPopulation(unclaimed), 'geonames-code');
  }

  const placedByPostcode = new Map<string, Draft[]>();
  for (const draft of drafts) {
    if (draft.latitude === null) continue;
    for (const postcode of draft.postcodes) pushTo(placedByPostcode, postcode, draft);
  }
  for (const draft of drafts) {
    if (draft.latitude !== null) continue;
    const neighbours = new Map<string, Draft>();
    for (const postcode of draft.postcodes) for (const n of placedByPostcode.get(postcode) ?? []) neighbours.set(n.code, n);
    if (neighbours.size === 0) continue;
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
    if (draft.latitude !== null || !draft.parent) continue;
    const city = byCode.get(draft.parent);
    if (city && city.latitude !== null) {
      draft.latitude = city.latitude;
      draft.longitude = city.longitude;
      draft.coordinates = 'parent';
    }
  }

  const placedByEpci = new Map<string, Draft[]>();
  for (const draft of drafts) if (draft.epci && draft.latitude !== null && draft.kind === 'commune') pushTo(placedByEpci, draft.epci, draft);
  for (const draft of drafts) {
    if (draft.latitude !== null || !draft.epci) continue;
    const members = placedByEpci.get(draft.epci) ?? [];
    if (members.length === 0) continue;
    draft.latitude = members.reduce((sum, m) => sum + (m.latitude ?? 0), 0) / members.length;
    draft.longitude = members.reduce((sum, m) => sum + (m.longitude ?? 0), 0) / members.length;
    draft.coordinates = 'epci';
  }
}

export function buildCommuneData(): CommuneData {
  const etalab = readEtalab();
  const epciOf = new Map<string, string>();
  for (const epci of etalab.epcis) for (const member of epci.membres) epciOf.set(member.code, epci.code);

  const drafts: Draft[] = [];
  const formerNames: CommuneData['formerNames'] = [];
  const formerCodes: CommuneData['formerCodes'] = {};
  for (const record of etalab.communes) {
    const draft = draftOf(record, epciOf);
    if (draft) {
      drafts.push(draft);
      for (const old of record.anciensCodes ?? []) if (old !== record.code) formerCodes[old] = record.code;
    } else if ((record.type === 'commune-deleguee' || record.type === 'commune-associee') && record.chefLieu) {
      formerNames.push({ name: record.nom, code: record.chefLieu });
    }
  }
  placeOnMap(drafts, readGeonamesFrance());

  const departements: CommuneData['departements'] = {};
  for (const d of etalab.departements) departements[d.code] = { name: d.nom, region: d.region };
  const regions: CommuneData['regions'] = {};
  for (const r of etalab.regions) regions[r.code] = r.nom;

  return { communes: drafts.map((d) => CommuneSchema.parse(d)), departements, regions, formerNames, formerCodes };
}

import { z } from 'zod';
import { CommuneSchema, type Commune, type CoordinateSource } from './commune';
import { keyWithoutArticle, placeKey, placeTokens } from './placeKey';
import { DepartementArticleSchema, articleOfLiaison } from './departements';
import { readEtalab, readGeonamesFrance, type EtalabCommune, type GeonamesRow } from './sources';

/** Everything the commune index needs, built from the packages (or read back from the cache). */
export const CommuneDataSchema = z.object({
  communes: z.array(CommuneSchema),
  /**
   * Département code → its name, region, chef-lieu (the prefecture, searched around when a parent names the
   * département) and the article its name takes (« dans le Rhône », « en Gironde », « dans l'Ain »).
   */
  departements: z.record(
    z.string(),
    z.object({ name: z.string(), region: z.string(), chefLieu: z.string().nullable(), article: DepartementArticleSchema }),
  ),
  regions: z.record(z.string(), z.string()),
  /** Every name a commune is known by, as a matching key (see placeKey) with how surely it means that commune. */
  names: z.array(z.object({ key: z.string(), code: z.string(), rank: z.union([z.literal(0), z.literal(1), z.literal(2)]) })),
  /** Former INSEE codes → current code, so old records still find their commune. */
  formerCodes: z.record(z.string(), z.string()),
});
export type CommuneData = z.infer<typeof CommuneDataSchema>;
export type NameRank = CommuneData['names'][number]['rank'];
/** Its official name; a usual short form ("Villefranche", "Décines"); a former commune's name. */
export const OFFICIAL: NameRank = 0;
export const SHORT_FORM: NameRank = 1;
export const FORMER: NameRank = 2;

/** Population from which a name is also known without its article. */
const BARE_NAME_MIN_POPULATION = 2000;

/** Towns are often called by the first part of their name: "Villefranche" for Villefranche-sur-Saône. */
const SHORT_FORM_MIN_POPULATION = 5000;
const NAME_JOINERS: ReadonlySet<string> = new Set(['sur', 'en', 'de', 'du', 'des', 'les', 'la', 'le', 'lez', 'aux', 'au', 'sous', 'et']);
const SAINTS: ReadonlySet<string> = new Set(['saint', 'sainte', 'saints', 'saintes']);

function shortForm(commune: Commune): string | null {
  if (commune.population < SHORT_FORM_MIN_POPULATION || commune.kind !== 'commune') return null;
  const tokens = placeTokens(commune.name);
  const joiner = tokens.findIndex((t, i) => i > 0 && NAME_JOINERS.has(t));
  if (joiner > 0) return tokens.slice(0, joiner).join(' ');
  // "Décines-Charpieu" is "Décines"; "Saint-Genis-Laval" is "Saint-Genis".
  const keep = SAINTS.has(tokens[0]) ? 2 : 1;
  return tokens.length > keep && !NAME_JOINERS.has(tokens[0]) ? tokens.slice(0, keep).join(' ') : null;
}

function namesOf(communes: readonly Commune[], formerNames: ReadonlyArray<{ name: string; code: string }>): CommuneData['names'] {
  const names: CommuneData['names'] = [];
  const add = (key: string | null, code: string, rank: NameRank, population: number) => {
    if (!key) return;
    names.push({ key, code, rank });
    // "Arbresle" for L'Arbresle; not for villages, whose bare names are often plain words ("table", "garde").
    const bare = keyWithoutArticle(key);
    if (bare && population >= BARE_NAME_MIN_POPULATION) names.push({ key: bare, code, rank });
  };
  for (const commune of communes) {
    add(placeKey(commune.name), commune.code, OFFICIAL, commune.population);
    add(shortForm(commune), commune.code, SHORT_FORM, commune.population);
  }
  for (const former of formerNames) add(placeKey(former.name), former.code, FORMER, 0);
  return names;
}

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
  const formerNames: Array<{ name: string; code: string }> = [];
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
  for (const d of etalab.departements) {
    departements[d.code] = { name: d.nom, region: d.region, chefLieu: d.chefLieu ?? null, article: articleOfLiaison(d.typeLiaison) };
  }
  const regions: CommuneData['regions'] = {};
  for (const r of etalab.regions) regions[r.code] = r.nom;

  const communes = drafts.map((d) => CommuneSchema.parse(d));
  return { communes, departements, regions, names: namesOf(communes, formerNames), formerCodes };
}

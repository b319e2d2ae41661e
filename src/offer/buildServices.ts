import { hasCoordinates, type Commune, type CommuneIndex } from '../geo';
import { agesOfService, audiencesOfService, isFamilyPlace, isFamilyTheme, kindsOfService } from './classify';
import { foldedText } from './phrases';
import { parseHours } from './hours';
import { parseServiceRecord, parseStructureRecord, type LoadProblem, type ParsedRecord, type ServiceRecord, type StructureRecord } from './records';
import type { OfferService } from './service';
import type { AudienceId } from './vocabulary';
import { geoDistanceKm } from './distance';
import { effectiveZone } from './zones';

/**
 * Turns data·inclusion records into offer entries: reads each record field by field (records.ts: a bad value is
 * reported and left out, a record without id or name is skipped), joins services to their structure, places each on
 * the map, and recognises kinds and audiences.
 *
 * An entry's address comes whole from one source, never street from one and town from the other: the service's own
 * when it names a commune the bot knows, else its structure's (see choosePlace). Its coordinates are that source's,
 * else its commune's.
 */

export type RawRecords = { file: string; records: readonly unknown[] };

export type BuiltOffer = {
  services: OfferService[];
  /** For each service, the folded words free-text search looks in (name, structure, description). */
  searchTexts: string[];
  problems: LoadProblem[];
};

/** A point further than this from its commune is a data error (often latitude and longitude swapped). */
const MAX_KM_FROM_COMMUNE = 60;
const SUMMARY_LENGTH = 240;
/** Free-text search reads the start of descriptions: enough to find a service, and the index stays small. */
const SEARCHED_DESCRIPTION = 600;

function summaryOf(description: string | null): string | null {
  if (!description) return null;
  if (description.length <= SUMMARY_LENGTH) return description;
  const cut = description.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_LENGTH - 40))}…`;
}

type Point = { latitude: number; longitude: number };

function validPoint(latitude: number | null, longitude: number | null): Point | null {
  if (latitude === null || longitude === null) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  // 0, 0 is how some exports write "unknown".
  if (latitude === 0 && longitude === 0) return null;
  return { latitude, longitude };
}

/** A postcode's first digits name its département (20 for Corsica's 2A and 2B, three digits overseas). */
function postcodeFits(postcode: string, commune: Commune): boolean {
  const departement = commune.departement;
  if (departement === '2A' || departement === '2B') return postcode.startsWith('20');
  return postcode.startsWith(departement);
}

/** Where a record says it is: its commune as the bot knows it, its point, street, postcode and town as written. */
type Place = {
  from: 'service' | 'structure';
  commune: Commune | null;
  point: Point | null;
  street: string | null;
  postcode: string | null;
  town: string | null;
};

type Locatable = Pick<StructureRecord, 'id' | 'code_insee' | 'code_postal' | 'commune' | 'adresse' | 'latitude' | 'longitude'>;

/**
 * A record's place: its commune (by INSEE code, else postcode and name, else name) and point, checked against each
 * other. What does not fit is reported and left out: an INSEE code no commune has, a postcode of another
 * département, coordinates far from the commune (swapped ones are put right).
 */
function placeOf(record: Locatable, from: Place['from'], communes: CommuneIndex, file: string, problems: LoadProblem[]): Place {
  const report = (field: string, reason: string) => problems.push({ file, id: record.id, field, reason });
  let commune: Commune | null = null;
  if (record.code_insee) {
    commune = communes.byCode(record.code_insee);
    if (!commune) report('code_insee', `code INSEE ${record.code_insee} inconnu : valeur ignorée`);
  }
  if (!commune && record.code_postal) {
    const served = communes.byPostcode(record.code_postal);
    const named = record.commune ? communes.resolve(record.commune) : null;
    commune = served.find((c) => c.code === named?.commune.code) ?? served[0] ?? null;
  }
  if (!commune && record.commune) commune = communes.resolve(record.commune)?.commune ?? null;
  let postcode = record.code_postal;
  if (postcode && commune && !postcodeFits(postcode, commune)) {
    report('code_postal', `code postal ${postcode} d’un autre département que la commune ${commune.name} : valeur ignorée`);
    postcode = null;
  }
  let point = validPoint(record.latitude, record.longitude);
  if (point && commune && hasCoordinates(commune)) {
    const distance = geoDistanceKm(point, commune);
    if (distance > MAX_KM_FROM_COMMUNE) {
      const swapped = validPoint(point.longitude, point.latitude);
      if (swapped && geoDistanceKm(swapped, commune) <= MAX_KM_FROM_COMMUNE) {
        report('latitude,longitude', 'latitude et longitude inversées : corrigées');
        point = swapped;
      } else {
        report('latitude,longitude', `coordonnées à ${Math.round(distance)} km de la commune ${commune.name} : ignorées`);
        point = null;
      }
    }
  }
  return { from, commune, point, street: record.adresse, postcode, town: record.commune };
}

/**
 * The one place a service is shown at. Its own, when it names a commune the bot knows — unless it gives neither a
 * street nor a point and its structure, in the same commune, does: then the structure's whole address is the same
 * place said better. Without a known commune of its own, the structure's. Failing both, whichever has a point, then
 * whichever says anything at all. Never the street of one with the town of the other.
 */
function choosePlace(own: Place, structure: Place | null): Place | null {
  if (own.commune) {
    const sameTown = structure?.commune?.code === own.commune.code;
    if (own.street || own.point || !sameTown || !structure || (!structure.street && !structure.point)) return own;
    return structure;
  }
  if (structure?.commune) return structure;
  if (own.point) return own;
  if (structure?.point) return structure;
  if (own.street || own.town) return own;
  if (structure && (structure.street || structure.town)) return structure;
  return null;
}

/** Parses each record, reporting what was set aside; ids already read (in this file or another of its kind) are skipped. */
function parseAll<T extends { id: string }>(
  raw: RawRecords,
  parse: (record: unknown, file: string) => ParsedRecord<T>,
  seen: Set<string>,
  problems: LoadProblem[],
): T[] {
  const out: T[] = [];
  for (const record of raw.records) {
    const parsed = parse(record, raw.file);
    if (!parsed.record) {
      problems.push(...parsed.problems);
      continue;
    }
    const id = parsed.record.id;
    if (seen.has(id)) {
      problems.push({ file: raw.file, id, field: 'id', reason: 'identifiant en double : seul le premier est gardé' });
      continue;
    }
    problems.push(...parsed.problems);
    seen.add(id);
    out.push(parsed.record);
  }
  return out;
}

/** The middle of the offer's own points in each commune, to place communes GeoNames does not know well. */
function offerCentroids(places: Iterable<Place>): Map<string, Point> {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const { point, commune } of places) {
    if (!point || !commune) continue;
    const sum = sums.get(commune.code) ?? { lat: 0, lon: 0, n: 0 };
    sum.lat += point.latitude;
    sum.lon += point.longitude;
    sum.n++;
    sums.set(commune.code, sum);
  }
  return new Map([...sums].map(([code, s]) => [code, { latitude: s.lat / s.n, longitude: s.lon / s.n }]));
}

/** Called every few thousand services during a long build (the import's progress bar). */
export type BuildProgress = (done: number, total: number) => void;
const PROGRESS_EVERY = 2000;

export function buildServices(
  structureFiles: readonly RawRecords[],
  serviceFiles: readonly RawRecords[],
  communes: CommuneIndex,
  onProgress?: BuildProgress,
): BuiltOffer & { centroids: Map<string, Point> } {
  const problems: LoadProblem[] = [];
  const seenStructures = new Set<string>();
  const seenServices = new Set<string>();
  const structures = structureFiles.flatMap((raw) =>
    parseAll<StructureRecord>(raw, parseStructureRecord, seenStructures, problems).map((record) => ({ record, file: raw.file })));
  const services = serviceFiles.flatMap((raw) =>
    parseAll<ServiceRecord>(raw, parseServiceRecord, seenServices, problems).map((record) => ({ record, file: raw.file })));

  const placedStructures = structures.map((s) => ({ ...s, place: placeOf(s.record, 'structure', communes, s.file, problems) }));
  const placedServices = services.map((s) => ({ ...s, place: placeOf(s.record, 'service', communes, s.file, problems) }));
  const centroids = offerCentroids([...placedStructures, ...placedServices].map((s) => s.place));
  const structureById = new Map(placedStructures.map((s) => [s.record.id, { ...s, foldedName: foldedText(s.record.nom)?.folded ?? '' }]));

  const communePoint = (commune: Commune | null): Point | null => {
    if (!commune) return null;
    const fromOffer = centroids.get(commune.code);
    // GeoNames coordinates are the commune's centre; an estimate from neighbours gives way to the offer's own points.
    if (hasCoordinates(commune) && (commune.coordinates.startsWith('geonames') || !fromOffer)) return commune;
    return fromOffer ?? null;
  };

  /** An entry's place fields, all from one place. */
  const shownPlace = (place: Place | null) => {
    const commune = place?.commune ?? null;
    const fallback = place?.point ? null : communePoint(commune);
    const point = place?.point ?? fallback;
    const located: OfferService['located'] = place?.point ? place.from : fallback ? 'commune' : 'none';
    return {
      commune,
      fields: {
        address: place?.street ?? null,
        postcode: place?.postcode ?? commune?.postcodes[0] ?? null,
        communeCode: commune?.code ?? null,
        communeName: place?.town ?? commune?.name ?? null,
        region: commune ? communes.regionName(commune.region) : null,
        latitude: point?.latitude ?? null,
        longitude: point?.longitude ?? null,
        located,
      },
    };
  };

  const out: OfferService[] = [];
  const searchTexts: string[] = [];
  const hoursOf = (raw: string | null, commune: Commune | null, file: string, id: string): string | null => {
    if (!raw) return null;
    const parsed = parseHours(raw, commune ? communes.regionName(commune.region) : null);
    if (parsed.schedule) return raw;
    problems.push({ file, id, field: 'horaires_accueil', reason: `horaires_accueil illisibles (${parsed.error ?? 'format inconnu'}) : ignorés` });
    return null;
  };

  // data·inclusion's public « hommes » in a family offer is for fathers (« femmes » too: for all parents).
  const withPublics = (audiences: AudienceId[], publics: readonly string[] | null | undefined): AudienceId[] =>
    publics?.includes('hommes') && !publics.includes('femmes') && !audiences.includes('peres') ? [...audiences, 'peres'] : audiences;

  let done = 0;
  for (const { record, file, place: ownPlace } of placedServices) {
    if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress(done, placedServices.length);
    const structure = record.structure_id ? structureById.get(record.structure_id) : undefined;
    if (!record.structure_id) problems.push({ file, id: record.id, field: 'structure_id', reason: 'structure_id absent : service gardé sans structure' });
    else if (!structure) problems.push({ file, id: record.id, field: 'structure_id', reason: `structure ${record.structure_id} inconnue : service gardé sans structure` });
    const { commune, fields: placeFields } = shownPlace(choosePlace(ownPlace, structure?.place ?? null));
    const modes = record.modes_accueil ?? [];
    const remote = modes.includes('a-distance');
    const inPerson = modes.length === 0 || modes.includes('en-presentiel') || !remote;
    const phone = record.telephone ?? structure?.record.telephone ?? null;
    const email = record.courriel ?? structure?.record.courriel ?? null;
    const website = record.lien_mobilisation ?? record.site_web ?? structure?.record.site_web ?? null;
    if (placeFields.located === 'none' && !phone && !email && !website) {
      // Neither found by a search near a place nor reachable from its card: nothing a parent could do with it.
      problems.push({ file, id: record.id, field: 'commune', reason: 'ni lieu reconnu (commune, code INSEE, coordonnées) ni moyen de contact : service écarté' });
      continue;
    }
    if (placeFields.located === 'none' && inPerson) {
      problems.push({ file, id: record.id, field: 'commune', reason: 'ni coordonnées ni commune reconnue : introuvable par la recherche de proximité' });
    }
    const name = foldedText(record.nom) ?? { folded: '', tokens: [] };
    const description = foldedText(record.description);
    const details = foldedText(record.publics_precisions);
    const kinds = kindsOfService({ name, description, types: [record.type ?? '', ...(record.types ?? [])], remote });
    const ownHours = hoursOf(record.horaires_accueil, commune, file, record.id);
    const structureHours = ownHours ? null : hoursOf(structure?.record.horaires_accueil ?? null, commune, file, record.id);
    const audienceTexts = [name, description, details];
    out.push({
      id: record.id,
      structureId: record.structure_id ?? '',
      name: record.nom,
      structureName: structure?.record.nom ?? null,
      summary: summaryOf(record.description),
      ...placeFields,
      phone,
      email,
      website,
      hours: ownHours ?? structureHours,
      hoursFrom: ownHours ? 'service' : structureHours ? 'structure' : null,
      kinds,
      audiences: withPublics(audiencesOfService(audienceTexts, kinds), record.publics),
      ages: agesOfService(audienceTexts, kinds),
      inPerson,
      remote,
      zone: effectiveZone(record.zone_eligibilite, remote, commune?.departement ?? null),
      family: kinds.length > 0 || isFamilyTheme(record.thematiques),
      free: record.frais === 'gratuit' ? true : record.frais === 'payant' ? false : null,
    });
    searchTexts.push([name.folded, structure?.foldedName, description?.folded.slice(0, SEARCHED_DESCRIPTION)].filter(Boolean).join(' '));
  }

  for (const { record, file, place } of placedStructures) {
    const name = foldedText(record.nom) ?? { folded: '', tokens: [] };
    const description = foldedText(record.description);
    if (!isFamilyPlace(name, description)) continue;
    const { fields: placeFields } = shownPlace(choosePlace(place, null));
    if (placeFields.located === 'none' && !record.telephone && !record.courriel && !record.site_web) {
      problems.push({ file, id: record.id, field: 'commune', reason: 'ni lieu reconnu ni moyen de contact : structure non listée comme lieu d’accueil' });
      continue;
    }
    const hours = record.horaires_accueil && parseHours(record.horaires_accueil, placeFields.region).schedule ? record.horaires_accueil : null;
    out.push({
      id: `structure:${record.id}`,
      structureId: record.id,
      name: record.nom,
      structureName: null,
      summary: summaryOf(record.description),
      ...placeFields,
      phone: record.telephone,
      email: record.courriel,
      website: record.site_web,
      hours,
      // A centre's own hours: they are the entry's, not borrowed from elsewhere.
      hoursFrom: hours ? 'service' : null,
      kinds: ['centre-social'],
      audiences: [],
      ages: null,
      inPerson: true,
      remote: false,
      zone: null,
      family: true,
      free: null,
    });
    searchTexts.push([name.folded, description?.folded.slice(0, SEARCHED_DESCRIPTION)].filter(Boolean).join(' '));
  }
  onProgress?.(placedServices.length, placedServices.length);
  return { services: out, searchTexts, problems, centroids };
}

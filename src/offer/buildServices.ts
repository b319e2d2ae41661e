import type { z } from 'zod';
import { webUrl } from '../cards/links';
import { hasCoordinates, type Commune, type CommuneIndex } from '../geo';
import { agesOfService, audiencesOfService, isFamilyPlace, isFamilyTheme, kindsOfService } from './classify';
import { foldedText } from './phrases';
import { parseHours } from './hours';
import { describeIssues, recordId, ServiceRecordSchema, StructureRecordSchema, type LoadProblem, type ServiceRecord, type StructureRecord } from './records';
import type { OfferService } from './service';
import { geoDistanceKm } from './distance';
import { effectiveZone } from './zones';

/**
 * Turns data·inclusion records into offer entries: validates each record (a bad one is reported and skipped), joins
 * services to their structure, places each on the map (its own coordinates, else its structure's, else its
 * commune's), and recognises kinds and audiences.
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

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

/** Only web links are kept: never javascript: or data: URLs from imported data (the card checks again). */
function webAddress(raw: string | null): string | null {
  return webUrl(raw);
}

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
  if (latitude === 0 && longitude === 0) return null;
  return { latitude, longitude };
}

type Located = { commune: Commune | null; point: Point | null; problem: string | null };

/** A record's commune (by INSEE code, else postcode and name) and point, checked against each other. */
function locate(
  record: { code_insee: string | null; code_postal: string | null; commune: string | null; latitude: number | null; longitude: number | null },
  communes: CommuneIndex,
): Located {
  let commune = record.code_insee ? communes.byCode(record.code_insee) : null;
  if (!commune && record.code_postal) {
    const served = communes.byPostcode(record.code_postal);
    const named = record.commune ? communes.resolve(record.commune) : null;
    commune = served.find((c) => c.code === named?.commune.code) ?? served[0] ?? null;
  }
  if (!commune && record.commune) commune = communes.resolve(record.commune)?.commune ?? null;
  const point = validPoint(record.latitude, record.longitude);
  if (!point || !commune || !hasCoordinates(commune)) return { commune, point, problem: null };
  const distance = geoDistanceKm(point, commune);
  if (distance <= MAX_KM_FROM_COMMUNE) return { commune, point, problem: null };
  const swapped = validPoint(point.longitude, point.latitude);
  if (swapped && geoDistanceKm(swapped, commune) <= MAX_KM_FROM_COMMUNE) {
    return { commune, point: swapped, problem: 'latitude et longitude inversées : corrigées' };
  }
  return { commune, point: null, problem: `coordonnées à ${Math.round(distance)} km de la commune ${commune.name} : ignorées` };
}

function parseAll<T extends { id: string }>(raw: RawRecords, schema: z.ZodType<T>, problems: LoadProblem[]): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (const record of raw.records) {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      problems.push({ file: raw.file, id: recordId(record), reason: describeIssues(parsed.error) });
      continue;
    }
    const id = parsed.data.id;
    if (seen.has(id)) {
      problems.push({ file: raw.file, id, reason: 'identifiant en double : seul le premier est gardé' });
      continue;
    }
    seen.add(id);
    out.push(parsed.data);
  }
  return out;
}

/** The middle of the offer's own points in each commune, to place communes GeoNames does not know well. */
function offerCentroids(records: ReadonlyArray<{ located: Located }>): Map<string, Point> {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const { located } of records) {
    if (!located.point || !located.commune) continue;
    const sum = sums.get(located.commune.code) ?? { lat: 0, lon: 0, n: 0 };
    sum.lat += located.point.latitude;
    sum.lon += located.point.longitude;
    sum.n++;
    sums.set(located.commune.code, sum);
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
  const structures = structureFiles.flatMap((raw) => parseAll<StructureRecord>(raw, StructureRecordSchema, problems).map((record) => ({ record, file: raw.file })));
  const services = serviceFiles.flatMap((raw) => parseAll<ServiceRecord>(raw, ServiceRecordSchema, problems).map((record) => ({ record, file: raw.file })));

  const locatedStructures = structures.map((s) => ({ ...s, located: locate(s.record, communes) }));
  const locatedServices = services.map((s) => ({ ...s, located: locate(s.record, communes) }));
  for (const s of [...locatedStructures, ...locatedServices]) {
    if (s.located.problem) problems.push({ file: s.file, id: s.record.id, reason: s.located.problem });
  }
  const centroids = offerCentroids([...locatedStructures, ...locatedServices]);
  const structureById = new Map(locatedStructures.map((s) => [s.record.id, { ...s, foldedName: foldedText(s.record.nom)?.folded ?? '' }]));

  const communePoint = (commune: Commune | null): Point | null => {
    if (!commune) return null;
    const fromOffer = centroids.get(commune.code);
    // GeoNames coordinates are the commune's centre; an estimate from neighbours gives way to the offer's own points.
    if (hasCoordinates(commune) && (commune.coordinates.startsWith('geonames') || !fromOffer)) return commune;
    return fromOffer ?? null;
  };

  const out: OfferService[] = [];
  const searchTexts: string[] = [];
  const hoursOf = (raw: string | null, commune: Commune | null, file: string, id: string): string | null => {
    if (!raw) return null;
    const parsed = parseHours(raw, commune ? communes.regionName(commune.region) : null);
    if (parsed.schedule) return raw;
    problems.push({ file, id, reason: `horaires_accueil illisibles (${parsed.error ?? 'format inconnu'}) : ignorés` });
    return null;
  };

  let done = 0;
  for (const { record, file, located } of locatedServices) {
    if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress(done, locatedServices.length);
    const structure = structureById.get(record.structure_id);
    if (!structure) problems.push({ file, id: record.id, reason: `structure ${record.structure_id} inconnue : service gardé sans structure` });
    const commune = located.commune ?? structure?.located.commune ?? null;
    let latitude: number | null = null;
    let longitude: number | null = null;
    let from: OfferService['located'] = 'none';
    const point = located.point ?? structure?.located.point ?? null;
    if (point) {
      ({ latitude, longitude } = point);
      from = located.point ? 'service' : 'structure';
    } else {
      const fallback = communePoint(commune);
      if (fallback) {
        ({ latitude, longitude } = fallback);
        from = 'commune';
      }
    }
    const modes = record.modes_accueil ?? [];
    const remote = modes.includes('a-distance');
    const inPerson = modes.length === 0 || modes.includes('en-presentiel') || !remote;
    if (from === 'none' && inPerson) problems.push({ file, id: record.id, reason: 'ni coordonnées ni commune reconnue : introuvable par la recherche de proximité' });
    const name = foldedText(record.nom) ?? { folded: '', tokens: [] };
    const description = foldedText(record.description);
    const details = foldedText(record.publics_precisions);
    const kinds = kindsOfService({ name, description, types: [record.type ?? '', ...(record.types ?? [])], remote });
    const ownHours = hoursOf(record.horaires_accueil, commune, file, record.id);
    const structureHours = ownHours ? null : hoursOf(structure?.record.horaires_accueil ?? null, commune, file, record.id);
    const audienceTexts = [name, description, details];
    out.push({
      id: record.id,
      structureId: record.structure_id,
      name: record.nom,
      structureName: structure?.record.nom ?? null,
      summary: summaryOf(record.description),
      address: record.adresse ?? (located.point || !structure ? null : structure.record.adresse),
      postcode: record.code_postal ?? commune?.postcodes[0] ?? null,
      communeCode: commune?.code ?? null,
      communeName: record.commune ?? commune?.name ?? structure?.record.commune ?? null,
      region: commune ? communes.regionName(commune.region) : null,
      latitude,
      longitude,
      located: from,
      phone: record.telephone ?? structure?.record.telephone ?? null,
      email: validEmail(record.courriel) ?? validEmail(structure?.record.courriel ?? null),
      website: webAddress(record.lien_mobilisation) ?? webAddress(record.site_web) ?? webAddress(structure?.record.site_web ?? null),
      hours: ownHours ?? structureHours,
      hoursFrom: ownHours ? 'service' : structureHours ? 'structure' : null,
      kinds,
      audiences: audiencesOfService(audienceTexts),
      ages: agesOfService(audienceTexts, kinds),
      inPerson,
      remote,
      zone: effectiveZone(record.zone_eligibilite, remote, commune?.departement ?? null),
      family: kinds.length > 0 || isFamilyTheme(record.thematiques),
      free: record.frais === 'gratuit' ? true : record.frais === 'payant' ? false : null,
    });
    searchTexts.push([name.folded, structure?.foldedName, description?.folded.slice(0, SEARCHED_DESCRIPTION)].filter(Boolean).join(' '));
  }

  for (const { record, located } of locatedStructures) {
    const name = foldedText(record.nom) ?? { folded: '', tokens: [] };
    const description = foldedText(record.description);
    if (!isFamilyPlace(name, description)) continue;
    const point = located.point ?? communePoint(located.commune);
    const commune = located.commune;
    const region = commune ? communes.regionName(commune.region) : null;
    const hours = record.horaires_accueil && parseHours(record.horaires_accueil, region).schedule ? record.horaires_accueil : null;
    out.push({
      id: `structure:${record.id}`,
      structureId: record.id,
      name: record.nom,
      structureName: null,
      summary: summaryOf(record.description),
      address: record.adresse,
      postcode: record.code_postal ?? commune?.postcodes[0] ?? null,
      communeCode: commune?.code ?? null,
      communeName: record.commune ?? commune?.name ?? null,
      region,
      latitude: point?.latitude ?? null,
      longitude: point?.longitude ?? null,
      located: located.point ? 'structure' : point ? 'commune' : 'none',
      phone: record.telephone,
      email: validEmail(record.courriel),
      website: webAddress(record.site_web),
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
  onProgress?.(locatedServices.length, locatedServices.length);
  return { services: out, searchTexts, problems, centroids };
}

function validEmail(raw: string | null): string | null {
  return raw && EMAIL.test(raw) ? raw : null;
}

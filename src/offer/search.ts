import type { DateTime } from 'luxon';
import type { Commune, CommuneIndex } from '../geo';
import { geoDistanceKm } from './distance';
import { isOpenDuring, nextOpening, parseHours, type TimeWindow } from './hours';
import type { OfferIndex } from './offerIndex';
import type { EntryFacts } from './entries';
import { timeZoneOfPlace } from './timeZones';
import type { OfferService } from './service';
import { audienceDefinition, AUDIENCES, type AudienceId, type KindId } from './vocabulary';
import { isNationalZone, serviceCovers } from './zones';

/** One collator for every sort: `localeCompare(…, 'fr')` builds one per comparison. */
const FRENCH_ORDER = new Intl.Collator('fr');

/**
 * Finding services for a parent: places nearest first within a radius, plus the services held at a distance whose
 * zone covers the parent's commune. Zones (zone_eligibilite) are respected for both.
 */

/** How far a place still counts as "near" before the parent asks to look further ("plus loin"). */
export const RADIUS_STEPS_KM: readonly number[] = [30, 60, 100];
export const DEFAULT_RADIUS_KM = RADIUS_STEPS_KM[0];
/** The most results one search keeps for paging. */
const MAX_RESULTS = 25;
/** In a mixed list, remote services come after this many places nearby, so both are seen on the first page. */
const REMOTE_AFTER = 3;

export type Point = { latitude: number; longitude: number };

export type SearchRequest = {
  point: Point | null;
  /** The commune searched from (for zones); null when the parent gave no place. */
  place: Commune | null;
  /** Null: any family service. */
  kinds: readonly KindId[] | null;
  audiences: readonly AudienceId[];
  age: number | null;
  windows: readonly TimeWindow[] | null;
  remotePreferred: boolean;
  radiusKm: number;
  /** Free-text hits: only these entries qualify. */
  textIds: ReadonlySet<number> | null;
  /** Places within this distance were shown before ("plus loin"): only those beyond qualify, and no remote service. */
  minKm?: number;
  /**
   * The children's audiences (those with ages: tout-petits, ados) the parent's words or child's age point to. They
   * rank, they do not filter: places for these children first, then those open to all; only places for other
   * children (a parents-of-teens group for a baby) are left out.
   */
  rankAudiences?: readonly AudienceId[];
  /** A département's code: only places located in it (by their commune) qualify, remote services covering it too. */
  departement?: string | null;
  /**
   * Services whose words say they are for the situation the parent described (« deuil », « autistes »): found
   * whatever their kind, and ranked first.
   */
  fitting?: ReadonlySet<number> | null;
  /** What the situation makes unsuitable (a baby workshop for bereaved parents): never offered. */
  unsuitable?: { kinds: readonly KindId[]; audiences: readonly AudienceId[] } | null;
};

/** A service found, with its position in the offer (`index`). */
export type Hit = { index: number; service: OfferService; distanceKm: number | null; remote: boolean };

export type SearchResult = {
  hits: Hit[];
  nearby: number;
  remote: number;
  /** No entry for the audience asked, so the audience was left out. */
  audienceRelaxed: boolean;
};

function fitsAge(service: EntryFacts, age: number | null): boolean {
  return age === null || service.ages === null || (age >= service.ages[0] && age <= service.ages[1]);
}

/** Audiences about children of some ages: a place for them is for those children, not for all parents. */
const CHILD_AUDIENCES: ReadonlySet<AudienceId> = new Set(AUDIENCES.filter((a) => a.ages !== null).map((a) => a.id));

export function isChildAudience(audience: AudienceId): boolean {
  return CHILD_AUDIENCES.has(audience);
}

/**
 * Audiences about the parent that rank rather than filter (the vocabulary's `filters`): a father's services for
 * fathers come first, the others follow; with an audience that filters (a single father), they pass its filter too.
 */
function preferredAudiences(audiences: readonly AudienceId[]): AudienceId[] {
  return audiences.filter((a) => !isChildAudience(a) && !audienceDefinition(a).filters);
}

/** An audience that leaves out what is not for it (parents solos), as opposed to those that rank. */
export function isFilteringAudience(audience: AudienceId): boolean {
  return audienceDefinition(audience).filters;
}

function filteringAudiences(audiences: readonly AudienceId[]): AudienceId[] {
  return audiences.filter(isFilteringAudience);
}

/** Services for the preferred audiences first, the order kept within each part (the sort is stable). */
function preferredFirst(hits: Hit[], preferred: readonly AudienceId[]): Hit[] {
  if (preferred.length === 0) return hits;
  const prefers = (hit: Hit) => hit.service.audiences.some((a) => preferred.includes(a));
  return [...hits].sort((a, b) => Number(!prefers(a)) - Number(!prefers(b)));
}

/** A place for other children than the parent's (it names children's audiences, none of those asked). */
function forOtherChildren(service: EntryFacts, rank: readonly AudienceId[]): boolean {
  if (rank.length === 0) return false;
  const children = service.audiences.filter((a) => CHILD_AUDIENCES.has(a));
  return children.length > 0 && !children.some((a) => rank.includes(a));
}

/** 0: for the children asked; 1: open to all parents; 2: for other parents than those the message spoke of. */
function audienceTier(service: Pick<EntryFacts, 'audiences'>, rank: readonly AudienceId[], asked: readonly AudienceId[]): number {
  if (service.audiences.some((a) => rank.includes(a))) return 0;
  if (service.audiences.length === 0 || service.audiences.some((a) => asked.includes(a))) return 1;
  return 2;
}

/**
 * Whether the service's zone takes in where the parent is. A point whose commune is not known (a position far from
 * every commune on the map) is in no zone for sure: only services open to all, or to all of France, are offered
 * there, never a line reserved to a département. With neither point nor place, nothing can be checked.
 */
function coversWhere(service: EntryFacts, request: SearchRequest, communes: CommuneIndex): boolean {
  if (request.place) return serviceCovers(service.zone, request.place, communes);
  return request.point === null || service.zone === null || isNationalZone(service.zone);
}

function isOpen(service: EntryFacts, windows: readonly TimeWindow[] | null): boolean {
  if (!windows) return true;
  if (!service.hours) return false;
  return isOpenDuring(parseHours(service.hours, service.region, service.timeZone), windows);
}

/** The most local remote services first: a commune's or département's helpline before a national one. */
function remoteRank(service: OfferService, place: Commune | null): number {
  if (!service.zone || isNationalZone(service.zone)) return 1;
  if (place && service.zone.includes(place.departement)) return 2;
  return 3;
}

/** `asked`: the audiences that filter, or none once let go (searchOffer). */
function run(offer: OfferIndex, communes: CommuneIndex, request: SearchRequest, asked: readonly AudienceId[], limit = MAX_RESULTS): Hit[] {
  const audiences = filteringAudiences(asked);
  const preferred = preferredAudiences(request.audiences);
  // Who the places are for that are not for other parents than those the message spoke of.
  const welcome = [...audiences, ...preferred];
  // A prebuilt offer makes an entry each time it is read: a search reads each once.
  const read = new Map<number, OfferService>();
  const service = (id: number): OfferService => {
    let entry = read.get(id);
    if (!entry) {
      entry = offer.service(id);
      read.set(id, entry);
    }
    return entry;
  };
  const minKm = request.minKm ?? 0;
  const rank = request.rankAudiences ?? [];
  const departement = request.departement ?? null;
  // A commune's INSEE code starts with its département's code (01…95, 2A, 2B, 971…976).
  const inDepartement = (id: number): boolean => departement === null || (service(id).communeCode?.startsWith(departement) ?? false);
  const beyond = (id: number): boolean => minKm <= 0 || (request.point !== null && geoDistanceKm(request.point, service(id)) > minKm);
  const accept = (service: EntryFacts): boolean =>
    coversWhere(service, request, communes) &&
    fitsAge(service, request.age) &&
    (audiences.length === 0 || service.audiences.some((a) => audiences.includes(a) || preferred.includes(a))) &&
    !forOtherChildren(service, rank) &&
    isOpen(service, request.windows);

  let nearby: Hit[] = [];
  if (request.point) {
    const point = request.point;
    let ids: number[];
    if (request.textIds) {
      const textIds = request.textIds;
      // Free-text hits are few: their distance is computed directly.
      ids = [...textIds]
        .filter((id) => {
          const s = service(id);
          return s.inPerson && geoDistanceKm(point, s) <= request.radiusKm && beyond(id) && inDepartement(id) && accept(offer.facts(id));
        })
        .sort((a, b) => geoDistanceKm(point, service(a)) - geoDistanceKm(point, service(b)))
        .slice(0, limit);
    } else {
      ids = offer.nearest(point, request.kinds, limit, request.radiusKm, (id) => accept(offer.facts(id)) && beyond(id) && inDepartement(id));
    }
    nearby = ids.map((id) => ({ index: id, service: service(id), distanceKm: geoDistanceKm(point, service(id)), remote: false }));
    // Places for the parent's children first, then those open to all, then those for parents the message did not
    // speak of (parents solos…); each tier nearest first (the sort is stable).
    if (rank.length > 0) nearby.sort((a, b) => audienceTier(a.service, rank, welcome) - audienceTier(b.service, rank, welcome));
    nearby = preferredFirst(nearby, preferred);
  }
  const fitting = request.fitting ?? null;
  if (fitting && request.point && fitting.size > 0) {
    // The services the situation's words name, near there, whatever their kind: before the others, nearest first.
    const point = request.point;
    const found = new Set(nearby.map((h) => h.index));
    const extra = [...fitting]
      .filter((id) => !found.has(id) && service(id).family && service(id).inPerson && geoDistanceKm(point, service(id)) <= request.radiusKm && beyond(id) &&
        inDepartement(id) && accept(offer.facts(id)))
      .map((id) => ({ index: id, service: service(id), distanceKm: geoDistanceKm(point, service(id)), remote: false }));
    nearby = fittingFirst(preferredFirst([...nearby, ...extra].sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0)), preferred), fitting, rank, welcome);
  }
  nearby = nearby.filter((hit) => !isUnsuitable(hit.service, request.unsuitable));
  // Remote services do not depend on the radius: after "plus loin" they were all shown already.
  if (minKm > 0) return nearby;
  const shown = new Set(nearby.map((h) => h.service.id));
  const acceptRemote = (id: number) => !shown.has(service(id).id) && accept(offer.facts(id));
  const textIds = request.textIds;
  const remote = (textIds
    ? offer.allRemote((id) => textIds.has(id) && acceptRemote(id))
    : offer.remote(request.kinds, request.place?.departement ?? null, acceptRemote))
    .sort((a, b) => remoteRank(service(b), request.place) - remoteRank(service(a), request.place) || FRENCH_ORDER.compare(service(a).name, service(b).name))
    .map((id) => ({ index: id, service: service(id), distanceKm: null, remote: true }));
  if (fitting && fitting.size > 0) {
    const listed = new Set(remote.map((h) => h.index));
    const extra = offer.allRemote((id) => fitting.has(id) && !listed.has(id) && acceptRemote(id))
      .map((id) => ({ index: id, service: service(id), distanceKm: null, remote: true }));
    remote.push(...extra);
    remote.sort((a, b) => Number(!fitting.has(a.index)) - Number(!fitting.has(b.index)));
  }
  const suitableRemote = remote.filter((hit) => !isUnsuitable(hit.service, request.unsuitable));
  const fittingNearby = fitting ? nearby.filter((h) => fitting.has(h.index)).length : 0;
  // A service that is for the parent's situation comes first, near or remote, before any that is only of a fitting kind.
  if (fitting && suitableRemote.some((h) => fitting.has(h.index)) && fittingNearby === 0) {
    return [...suitableRemote.filter((h) => fitting.has(h.index)), ...nearby, ...suitableRemote.filter((h) => !fitting.has(h.index))];
  }
  if (fittingNearby > 0 && !request.remotePreferred) {
    const after = Math.max(REMOTE_AFTER, fittingNearby);
    return [...nearby.slice(0, after), ...suitableRemote, ...nearby.slice(after)];
  }
  return mixed(nearby, suitableRemote, request.remotePreferred);
}

function mixed(nearby: Hit[], remote: Hit[], remotePreferred: boolean): Hit[] {
  if (remotePreferred) return [...remote, ...nearby];
  return [...nearby.slice(0, REMOTE_AFTER), ...remote, ...nearby.slice(REMOTE_AFTER)];
}

/** The situation's own services first; within each, the ranking by audience holds (the sort is stable). */
function fittingFirst(hits: Hit[], fitting: ReadonlySet<number>, rank: readonly AudienceId[], asked: readonly AudienceId[]): Hit[] {
  const tiered = rank.length > 0 ? [...hits].sort((a, b) => audienceTier(a.service, rank, asked) - audienceTier(b.service, rank, asked)) : hits;
  return [...tiered].sort((a, b) => Number(!fitting.has(a.index)) - Number(!fitting.has(b.index)));
}

function isUnsuitable(service: OfferService, unsuitable: SearchRequest['unsuitable']): boolean {
  if (!unsuitable) return false;
  return service.kinds.some((k) => unsuitable.kinds.includes(k)) || service.audiences.some((a) => unsuitable.audiences.includes(a));
}

export function searchOffer(offer: OfferIndex, communes: CommuneIndex, request: SearchRequest): SearchResult {
  let hits = run(offer, communes, request, request.audiences);
  let audienceRelaxed = false;
  if (hits.length === 0 && filteringAudiences(request.audiences).length > 0) {
    hits = run(offer, communes, request, []);
    audienceRelaxed = hits.length > 0;
  }
  return resultOf(hits, audienceRelaxed);
}

function resultOf(hits: Hit[], audienceRelaxed: boolean): SearchResult {
  return { hits, nearby: hits.filter((h) => !h.remote).length, remote: hits.filter((h) => h.remote).length, audienceRelaxed };
}

/**
 * What the search would find at any time (the places near the point and the remote services for the place), ordered
 * by when they next open, then nearest first: for a parent who asked for something open now and found none. Those
 * whose next opening is unknown (no hours, or none within a week) are left out. The hours were just read by the
 * search for now, so telling when each opens costs little.
 */
export function searchOpeningSoonest(offer: OfferIndex, communes: CommuneIndex, request: SearchRequest, now: DateTime): SearchResult {
  const found = searchOffer(offer, communes, { ...request, windows: null });
  // At the same instant, a service at a distance comes after the places, unless the parent asked for one.
  const remoteDistance = request.remotePreferred ? -1 : Number.MAX_VALUE;
  const distance = (hit: Hit) => hit.distanceKm ?? remoteDistance;
  const hits = found.hits
    .map((hit) => ({ hit, opens: hit.service.hours ? nextOpening(parseHours(hit.service.hours, hit.service.region, timeZoneOfPlace(hit.service)), now) : null }))
    .filter((h): h is { hit: Hit; opens: number } => h.opens !== null)
    .sort((a, b) => a.opens - b.opens || distance(a.hit) - distance(b.hit))
    .map((h) => h.hit);
  return resultOf(hits, found.audienceRelaxed && hits.length > 0);
}

/** How many places a grouped answer looks at: enough for several kinds near a town. */
const GROUPED_CANDIDATES = 80;

/** The places of one kind near the point (null: family places of no recognised kind), nearest first. */
export type KindGroup = { kind: KindId | null; hits: Hit[] };

/**
 * Support in general near a place, grouped by kind: each group nearest first, the groups in the order of their
 * nearest place, the services at a distance that cover the place last. A service of several kinds is listed under
 * the first its own description names.
 */
export function searchByKind(offer: OfferIndex, communes: CommuneIndex, request: SearchRequest): { groups: KindGroup[]; remote: Hit[] } {
  const hits = run(offer, communes, { ...request, kinds: null, remotePreferred: false }, request.audiences, GROUPED_CANDIDATES);
  const byKind = new Map<KindId | null, Hit[]>();
  const remote: Hit[] = [];
  for (const hit of hits) {
    if (hit.remote) {
      remote.push(hit);
      continue;
    }
    const kind = hit.service.kinds[0] ?? null;
    const list = byKind.get(kind);
    if (list) list.push(hit);
    else byKind.set(kind, [hit]);
  }
  const nearest = (group: Hit[]) => group[0]?.distanceKm ?? Number.MAX_VALUE;
  const groups = [...byKind].map(([kind, list]) => ({ kind, hits: list }));
  // Family places of no recognised kind come last: a parent reads the named kinds first.
  groups.sort((a, b) => Number(a.kind === null) - Number(b.kind === null) || nearest(a.hits) - nearest(b.hits));
  return { groups, remote };
}

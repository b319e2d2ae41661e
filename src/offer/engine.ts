import type { DateTime } from 'luxon';
import type { Commune, CommuneIndex } from '../geo';
import type { NamedDepartement } from '../geo/commune';
import { isSearchUnderway, type OfferConversation } from './conversation';
import type { OfferIndex } from './offerIndex';
import { parisClock } from './parisTime';
import { openWhenAsked, presentHit, type PresentedHit, type SearchLabels } from './present';
import {
  DEFAULT_RADIUS_KM, isChildAudience, RADIUS_STEPS_KM, searchByKind, searchOffer, searchOpeningSoonest, type Hit, type Point, type SearchRequest, type SearchResult,
} from './search';
import { isoDate, timeWindows, type TimeIntent } from './timeQuery';
import type { ResultTopic } from './resultQuestion';
import type { OfferReading } from './understand';
import { situationDefinition } from './situations';
import type { AudienceId, KindId, OutOfScopeId } from './vocabulary';
import type { Language } from '../language/text';

/**
 * The search service: what a settled search (the journey decided what carries over, see dialogs/findSupport) finds,
 * as data. Pure: no I/O, no logging, `now` given. It says no word: src/messages and src/cards render an OfferAnswer
 * (src/messages/offerAnswer.ts), the journey sends it.
 */

/** Where a search looks from: a commune by its name, or the parent's shared position (`name` null). */
export type SearchOrigin = { name: string | null; point: Point };

/** How far a search looked, and how much further the parent may ask it to look. */
export type SearchReach = {
  /** Null: no place known, only services at a distance were looked for. */
  origin: SearchOrigin | null;
  radiusKm: number;
  /** After "plus loin": what lies within this distance was shown before (0 otherwise). */
  innerRadiusKm: number;
  /** The next step of "plus loin"; null when the search cannot look further. */
  nextRadiusKm: number | null;
  /** The search covered this département (from its chef-lieu, `origin`), not a radius: the answer names it. */
  departement?: NamedDepartement | null;
};

/** The places of one kind in an answer about support in general; `kind` null: other family support. */
export type HitGroup = { kind: KindId | null | 'remote'; hits: PresentedHit[]; total: number };

/** A commune offered when the name typed is shared by several. */
export type PlaceChoice = { name: string; departementName: string | null; departement: string };

/**
 * What a turn of the find-support journey answers, as data. The search's own answers first, then those the journey
 * decides without searching (position-needed, max-radius, no-match, place-choice).
 */
export type OfferAnswer =
  /** A page of places: `hits` from `offset` among `total`, nearest first. */
  | {
      kind: 'results';
      reach: SearchReach;
      labels: SearchLabels;
      /** The clock the answer was worked out at: times asked ("ce soir") are said from it. */
      now: DateTime;
      hits: PresentedHit[];
      offset: number;
      total: number;
      /** How many of the `total` are places near the parent rather than services at a distance. */
      nearby: number;
      hasMore: boolean;
      /** None was open at the time asked: these are the places that open soonest from then. */
      openingSoonest: boolean;
      /** None was for the audience asked: these are open to all parents. */
      audienceRelaxed: boolean;
    }
  /** Support in general: a few places of each kind, nearest first, `offset` counting kinds. */
  | {
      kind: 'grouped';
      reach: SearchReach;
      labels: SearchLabels;
      now: DateTime;
      groups: HitGroup[];
      offset: number;
      hasMore: boolean;
      /** Nothing near: every group is of services at a distance. */
      onlyRemote: boolean;
      /**
       * The parent described a situation and none of the kinds it points to is near: this is support in general,
       * and the answer says nothing specific was found first.
       */
      noneSpecific?: boolean;
    }
  /** The search cannot go on without a place: the commune named is not on the map, or none was named. */
  | { kind: 'need-place'; reason: 'unknown-place' | 'where'; labels: SearchLabels }
  /** Nothing within the radius; `general` when the search was for support in general. */
  | { kind: 'none-nearby'; reach: SearchReach; labels: SearchLabels; now: DateTime; general: boolean }
  /** "Plus loin" found nothing beyond what was shown. */
  | { kind: 'nothing-new'; reach: SearchReach }
  /** "D'autres" past the last page. */
  | { kind: 'no-more'; reach: SearchReach }
  /** "Plus loin" after a search that covered a whole département: it did, a commune narrows or moves it. */
  | { kind: 'departement-covered'; departement: NamedDepartement }
  /**
   * The parent asked for something this offer does not hold (childcare, benefits): where to look, from the
   * vocabulary's data, then (`then`) support in general near the place when one was named.
   */
  | { kind: 'out-of-scope'; topic: OutOfScopeId; then: OfferAnswer | null }
  /** "Près de moi" without a position. */
  | { kind: 'position-needed' }
  /** "Plus loin" when the search is already as wide as it goes. */
  | { kind: 'max-radius' }
  /** Nothing this journey can read as a search. */
  | { kind: 'no-match' }
  /** Several communes have the name typed (`name`; null when the question is asked again). */
  | { kind: 'place-choice'; name: string | null; choices: PlaceChoice[] }
  /**
   * "D'autres ?" after a search that found nothing: what was let go of the search (`dropped`: the time asked, the
   * audience, the kind, the distance, up to `radiusKm`), and what the search without it found; `then` null: nothing,
   * even so. `labels` and `now` are the search's before it was widened.
   */
  | { kind: 'widened'; dropped: Relaxation[]; radiusKm: number; labels: SearchLabels; now: DateTime; then: OfferAnswer | null }
  /**
   * A question about the places just shown (when, where, how much, whether to register, "call me back"), answered
   * from the first of them (`places`, none when the last answer showed none), each with what its description says of
   * registering.
   */
  | { kind: 'about-results'; topics: ResultTopic[]; places: PlaceFacts[]; now: DateTime };

/** What "d'autres ?" let go of a search that found nothing. */
export type Relaxation = 'time' | 'audience' | 'kind' | 'distance';

/** What a parent asks about the places just shown. */
export type { ResultTopic } from './resultQuestion';

/** A place shown, as a question about it is answered: its card's facts, and whether one registers (null: not said). */
export type PlaceFacts = { hit: PresentedHit; registration: 'required' | 'not-required' | null };

export type OfferOutcome = 'results' | 'grouped' | 'need-place' | 'none-nearby' | 'nothing-new' | 'no-match' | 'place-choice' | 'out-of-scope';

/** What an answer counts as, for tests and the journey: "d'autres" past the end is still a results turn. */
export function outcomeOf(answer: OfferAnswer): OfferOutcome {
  switch (answer.kind) {
    case 'results':
    case 'no-more':
      return 'results';
    case 'position-needed':
    case 'need-place':
      return 'need-place';
    case 'max-radius':
    case 'nothing-new':
    case 'departement-covered':
      return 'nothing-new';
    case 'about-results':
      return 'results';
    case 'widened':
      return answer.then ? outcomeOf(answer.then) : 'nothing-new';
    default:
      return answer.kind;
  }
}

/** The places an answer showed, in the order shown: a page of results, a grouped answer's, what followed a note. */
export function shownPlaces(answer: OfferAnswer): PresentedHit[] {
  switch (answer.kind) {
    case 'results':
      return answer.hits;
    case 'grouped':
      return answer.groups.flatMap((group) => group.hits);
    case 'out-of-scope':
      return answer.then ? shownPlaces(answer.then) : [];
    case 'widened':
      return answer.then ? shownPlaces(answer.then) : [];
    default:
      return [];
  }
}

/** One message as a channel sends it: Markdown text and Adaptive Cards (src/messages/offerAnswer.ts fills it). */
export type OfferReply = { text: string; cards: object[] };

/** One turn of the find-support journey: the answer as data, as rendered, and the search the conversation keeps. */
export type OfferTurn = {
  outcome: OfferOutcome;
  answer: OfferAnswer;
  replies: OfferReply[];
  /** Every reply's text, in order (what a test or a text-only reader reads). */
  text: string;
  /** Every reply's cards, in order. */
  cards: object[];
  suggestions: string[];
  askLocation: boolean;
  conversation: OfferConversation;
};

export type OfferQueryOptions = { position?: { latitude: number; longitude: number }; now: DateTime; language: Language };

/** What a search found, and the search as it ran (the page shown, support in general when it fell back to it). */
export type SearchAnswer = { answer: OfferAnswer; search: OfferConversation };

export const PAGE_SIZE = 5;
/** A grouped answer shows this many kinds, and this many places of each, nearest first. */
export const GROUPS_SHOWN = 4;
export const PER_KIND = 2;

/**
 * How far a département search looks from its chef-lieu: farther than any commune of a département of mainland
 * France or overseas lies from it; the département's own boundary does the filtering.
 */
export const DEPARTEMENT_RADIUS_KM = 250;

/** Kinds that a parent can be helped with at a distance without saying where they live. */
const LISTENING: ReadonlySet<KindId> = new Set(['point-ecoute', 'ecoute-distance']);

/**
 * What the answer says was searched. Children's audiences (tout-petits, ados) only rank the places (see search.ts
 * `rankAudiences`): the answer never says it looked "for" them, nor that nothing was "specially" for them.
 */
export function labelsOf(search: OfferConversation): SearchLabels {
  return {
    kinds: search.kinds && search.kinds.length > 0 ? search.kinds : null,
    audiences: filteringAudiences(search),
    age: search.age ?? null,
    time: search.time ?? null,
    freeText: search.freeText ?? null,
  };
}

/** The audiences that filter (about the parent: parents solos…), as opposed to the children's that rank. */
function filteringAudiences(search: OfferConversation): AudienceId[] {
  return (search.audiences ?? []).filter((a) => !isChildAudience(a));
}

function rankingAudiences(search: OfferConversation): AudienceId[] {
  return (search.audiences ?? []).filter(isChildAudience);
}

/** Whether the search names what to look for (a kind, an audience, an age, words), rather than support in general. */
export function hasWhat(search: OfferConversation): boolean {
  return Boolean(search.kinds?.length || search.audiences?.length || search.freeText || search.age !== undefined);
}

type Origin = { point: Point | null; place: Commune | null; name: string | null };

export function originOf(search: OfferConversation, offer: OfferIndex, communes: CommuneIndex): Origin {
  if (search.position) {
    const { latitude, longitude } = search.position;
    return { point: { latitude, longitude }, place: communeAt(offer, communes, latitude, longitude), name: null };
  }
  if (search.placeCode) {
    const place = communes.byCode(search.placeCode);
    if (place) return { point: offer.pointOf(place), place, name: place.name };
  }
  return { point: null, place: null, name: null };
}

/** How near a service must be for its commune to stand for a position's, when no commune of the map is near. */
const SERVICE_COMMUNE_KM = 10;

/**
 * The commune of a shared position, for zones: the nearest on the map, else (communes overseas may have no
 * coordinates) that of the nearest service of the offer. Null when neither is near: the search then offers no
 * service reserved to a zone.
 */
function communeAt(offer: OfferIndex, communes: CommuneIndex, latitude: number, longitude: number): Commune | null {
  const nearest = communes.nearest(latitude, longitude);
  if (nearest) return nearest;
  const [id] = offer.nearest({ latitude, longitude }, null, 1, SERVICE_COMMUNE_KM, () => true);
  const code = id === undefined ? null : offer.service(id).communeCode;
  return code ? communes.byCode(code) : null;
}

/** How far the search looks from its origin, and the next step of "plus loin" if there is one. */
function reachOf(origin: Origin, radiusKm: number, innerRadiusKm: number, departement: NamedDepartement | null = null): SearchReach {
  const canWiden = departement === null && origin.point !== null && radiusKm < RADIUS_STEPS_KM[RADIUS_STEPS_KM.length - 1];
  return {
    origin: origin.point ? { name: origin.name, point: origin.point } : null,
    radiusKm,
    innerRadiusKm,
    nextRadiusKm: canWiden ? (RADIUS_STEPS_KM.find((step) => step > radiusKm) ?? radiusKm) : null,
    departement,
  };
}

/** The département the search covers: only from the place searched (not a shared position), as named. */
function departementOf(search: OfferConversation, origin: Origin): NamedDepartement | null {
  return search.departement && origin.place && !search.position ? search.departement : null;
}

/** The radius the search looks within: a whole département from its chef-lieu, else the step reached. */
function radiusOf(search: OfferConversation, departement: NamedDepartement | null): number {
  return departement ? DEPARTEMENT_RADIUS_KM : (search.radiusKm ?? DEFAULT_RADIUS_KM);
}

/**
 * "Maintenant", "aujourd'hui" and a part of today ("ce soir") ask for a place to go to soon: when none is open then,
 * the places that open soonest from then are a fair answer. A weekday or "demain" ask for that time and no other.
 */
function soonFrom(time: TimeIntent | null, windows: readonly { start: DateTime }[] | null, now: DateTime): DateTime | null {
  if (!time || !windows || windows.length === 0) return null;
  if (time.now) return now;
  if (!time.date || time.weekdays) return null;
  if (time.date !== isoDate(parisClock(now.toMillis()))) return null;
  const start = windows[0].start;
  return start > now ? start : now;
}

export type SearchOptions = { now: DateTime };

/** How many services of the offer's text index one situation word may name. */
const FITTING_PER_WORD = 500;

/**
 * What the situations the parent described make of the offer: the services whose own words say they are for them
 * (searched in the text index, so found whatever their kind), and what they make unsuitable.
 */
function situationFit(offer: OfferIndex, search: OfferConversation): Pick<SearchRequest, 'fitting' | 'unsuitable'> {
  const situations = (search.situations ?? []).flatMap((id) => situationDefinition(id) ?? []);
  if (situations.length === 0) return {};
  const fitting = new Set<number>();
  for (const phrase of situations.flatMap((s) => s.serviceWords ?? [])) {
    // Each word of a phrase searched alone and the results intersected: the index, when no entry has them all,
    // would otherwise answer those with some of them (« besoins » alone).
    let ids: Set<number> | null = null;
    for (const word of phrase.split(' ')) {
      const found: number[] = offer.searchText(word, FITTING_PER_WORD);
      ids = ids === null ? new Set(found) : new Set(found.filter((id) => ids?.has(id)));
    }
    for (const id of ids ?? []) fitting.add(id);
  }
  const kinds = situations.flatMap((s) => s.unsuitable?.kinds ?? []);
  const audiences = situations.flatMap((s) => s.unsuitable?.audiences ?? []);
  return {
    fitting: fitting.size > 0 ? fitting : null,
    unsuitable: kinds.length > 0 || audiences.length > 0 ? { kinds, audiences } : null,
  };
}

/** What the search the journey settled on finds, as data. */
export function answerSearch(offer: OfferIndex, communes: CommuneIndex, search: OfferConversation, options: SearchOptions): SearchAnswer {
  const { now } = options;
  const labels = labelsOf(search);
  const origin = originOf(search, offer, communes);
  const listeningOnly = labels.kinds !== null && labels.kinds.every((k) => LISTENING.has(k));

  if (!origin.point) {
    if (search.placeCode) return { answer: { kind: 'need-place', reason: 'unknown-place', labels }, search };
    if (!(search.remote || listeningOnly)) return { answer: { kind: 'need-place', reason: 'where', labels }, search };
  }
  if (origin.point && (search.general || !hasWhat(search))) return answerByKind(offer, communes, search, origin, options);

  const departement = departementOf(search, origin);
  const radiusKm = radiusOf(search, departement);
  // After "plus loin", what lies within the radius searched before was shown: only what lies beyond is new.
  const innerKm = search.innerRadiusKm ?? 0;
  const windows = labels.time ? timeWindows(labels.time, now) : null;
  const request: SearchRequest = {
    point: origin.point,
    place: origin.place,
    kinds: labels.kinds,
    audiences: labels.audiences,
    age: labels.age,
    windows,
    remotePreferred: Boolean(search.remote) || !origin.point,
    radiusKm: origin.point ? radiusKm : 0,
    textIds: labels.freeText ? new Set(offer.searchText(labels.freeText, 200)) : null,
    minKm: innerKm,
    rankAudiences: rankingAudiences(search),
    departement: departement?.code ?? null,
    ...situationFit(offer, search),
  };
  let found = openWhenAskedOnly(searchOffer(offer, communes, request), windows);
  // Words that are no kind and match nothing near there: the places near there, by kind, rather than nothing.
  if (found.hits.length === 0 && labels.freeText && origin.point && !labels.kinds && innerKm === 0) {
    return answerByKind(offer, communes, { ...search, freeText: undefined, general: true }, origin, options);
  }
  // A situation described, and none of the kinds it points to near: support in general near there, said as such.
  if (found.hits.length === 0 && search.situational && origin.point && innerKm === 0 && !labels.time) {
    const general: OfferConversation = { ...search, kinds: undefined, situational: undefined, general: true };
    return answerByKind(offer, communes, general, origin, options, true);
  }
  let openingSoonest = false;
  const from = found.hits.length === 0 ? soonFrom(labels.time, windows, now) : null;
  if (from) {
    const opening = searchOpeningSoonest(offer, communes, request, from);
    if (opening.hits.length > 0) {
      found = opening;
      openingSoonest = true;
    }
  }

  const reach = reachOf(origin, radiusKm, innerKm, departement);
  if (found.hits.length === 0) {
    // "D'autres" after "plus loin" found nothing new: everything was shown, said once.
    if (innerKm > 0) return { answer: { kind: (search.offset ?? 0) > 0 ? 'no-more' : 'nothing-new', reach }, search: { ...search, offset: 0 } };
    if (!origin.point) return { answer: { kind: 'need-place', reason: 'where', labels }, search };
    return { answer: { kind: 'none-nearby', reach, labels, now, general: false }, search };
  }

  const requested = search.offset ?? 0;
  if (requested >= found.hits.length) {
    return { answer: { kind: 'no-more', reach }, search: { ...search, offset: Math.max(0, requested - PAGE_SIZE) } };
  }
  const offset = requested;
  const page = found.hits.slice(offset, offset + PAGE_SIZE);
  const hits = page.map((hit) => presentHit(hit, origin.point, offer.summaryOf(hit.index), communes, now, windows));
  return {
    answer: {
      kind: 'results',
      reach,
      labels: namingWhatWasFound(labels, found.hits, request.fitting ?? null),
      now,
      hits,
      offset,
      total: found.hits.length,
      nearby: found.nearby,
      hasMore: offset + PAGE_SIZE < found.hits.length,
      openingSoonest,
      audienceRelaxed: found.audienceRelaxed,
    },
    search: { ...search, offset },
  };
}

/**
 * A service found for the situation's own words may be of another kind than those the search named (a point écoute
 * that speaks of « décrochage » for a CLAS search): the header counts what is shown, so it names those kinds too.
 */
function namingWhatWasFound(labels: SearchLabels, hits: readonly Hit[], fitting: ReadonlySet<number> | null): SearchLabels {
  if (!fitting || !labels.kinds) return labels;
  const kinds = new Set(labels.kinds);
  for (const hit of hits) {
    if (!fitting.has(hit.index) || hit.service.kinds.some((k) => kinds.has(k))) continue;
    for (const kind of hit.service.kinds) kinds.add(kind);
  }
  return kinds.size === labels.kinds.length ? labels : { ...labels, kinds: [...kinds] };
}

/**
 * A time was asked: only the places the card can say are open then stay, so the header's count and every card's
 * "Ce soir : …" come from the same reading of the hours.
 */
function openWhenAskedOnly(found: SearchResult, windows: readonly { start: DateTime; end: DateTime }[] | null): SearchResult {
  if (!windows) return found;
  const hits = found.hits.filter((hit) => openWhenAsked(hit.service, windows) !== null);
  return { hits, nearby: hits.filter((h) => !h.remote).length, remote: hits.filter((h) => h.remote).length, audienceRelaxed: found.audienceRelaxed && hits.length > 0 };
}

/** Support in general near a place: a few places of each kind, nearest first. */
function answerByKind(
  offer: OfferIndex, communes: CommuneIndex, search: OfferConversation, origin: Origin, options: SearchOptions, noneSpecific = false,
): SearchAnswer {
  const { now } = options;
  const labels = labelsOf(search);
  const departement = departementOf(search, origin);
  const radiusKm = radiusOf(search, departement);
  const innerKm = search.innerRadiusKm ?? 0;
  const windows = labels.time ? timeWindows(labels.time, now) : null;
  const { groups, remote } = searchByKind(offer, communes, {
    point: origin.point, place: origin.place, kinds: null, audiences: [], age: null, windows, remotePreferred: false, radiusKm, textIds: null, minKm: innerKm,
    departement: departement?.code ?? null, unsuitable: situationFit(offer, search).unsuitable,
  });
  const keep = (hits: Hit[]) => (windows ? hits.filter((hit) => openWhenAsked(hit.service, windows) !== null) : hits);
  const all = [
    ...groups.map((g) => ({ kind: g.kind, hits: keep(g.hits) })),
    { kind: 'remote' as const, hits: keep(remote) },
  ].filter((g) => g.hits.length > 0);
  const reach = reachOf(origin, radiusKm, innerKm, departement);
  const conversation: OfferConversation = { ...search, general: true };

  if (all.length === 0) {
    const paged = (search.offset ?? 0) > 0;
    const answer: OfferAnswer = innerKm > 0 ? { kind: paged ? 'no-more' : 'nothing-new', reach } : { kind: 'none-nearby', reach, labels, now, general: true };
    return { answer, search: { ...conversation, offset: 0 } };
  }
  const requested = search.offset ?? 0;
  if (requested > 0 && requested >= all.length) {
    // Past the last kind: said so, rather than the last page again.
    return { answer: { kind: 'no-more', reach }, search: { ...conversation, offset: Math.max(0, requested - GROUPS_SHOWN) } };
  }
  const offset = requested;
  const shown: HitGroup[] = all.slice(offset, offset + GROUPS_SHOWN).map((group) => ({
    kind: group.kind,
    hits: group.hits.slice(0, PER_KIND).map((hit) => presentHit(hit, origin.point, offer.summaryOf(hit.index), communes, now, windows)),
    total: group.hits.length,
  }));
  return {
    answer: {
      kind: 'grouped',
      reach,
      labels,
      now,
      groups: shown,
      offset,
      hasMore: offset + GROUPS_SHOWN < all.length,
      // Nothing near, only services at a distance: said so, rather than a list of kinds with none in it.
      onlyRemote: all.every((g) => g.kind === 'remote'),
      ...(noneSpecific && offset === 0 ? { noneSpecific: true } : {}),
    },
    search: { ...conversation, offset },
  };
}

/**
 * How much a message reads like a parent's search for support (0..1), so the route table can weigh it against a
 * question on the sheets: kinds of service, situations, audiences, places and "près de moi" raise it. Follow-ups
 * score high while a search is under way.
 */
export function offerQueryScore(reading: OfferReading, conversation: OfferConversation): number {
  let score = 0;
  if (reading.kinds.length > 0) score += 0.6;
  else if (reading.situationKinds.length > 0) score += 0.5;
  // A need this offer does not hold (a crèche, a nounou) is still a parent's need: the journey says where to look.
  else if (reading.outOfScope) score += 0.5;
  if (reading.general) score += 0.5;
  if (reading.audiences.length > 0 || reading.age !== null) score += 0.3;
  if (reading.place) score += 0.25;
  if (reading.nearMe) score += 0.35;
  if (reading.remote) score += 0.1;
  if (reading.help && (reading.audiences.length > 0 || reading.place || reading.nearMe || reading.situationKinds.length > 0)) score += 0.15;
  if (reading.time && (reading.kinds.length > 0 || reading.place)) score += 0.1;
  if (isSearchUnderway(conversation)) {
    const shortFollowUp = reading.words <= 8 && (reading.place || reading.time || reading.more || reading.farther || reading.followUp);
    if (shortFollowUp) score = Math.max(score, 0.8);
  }
  return Math.max(0, Math.min(1, score));
}

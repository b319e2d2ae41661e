import { withGroupHeading } from '../cards/serviceCards';
import type { DateTime } from 'luxon';
import type { Language } from '../language/text';
import type { Commune, CommuneIndex } from '../geo';
import { countOf, offerHelpLines, offerPhrases, offerText } from '../messages/offer';
import { isSearchUnderway, type OfferConversation } from './conversation';
import type { OfferIndex } from './offerIndex';
import { parisClock } from './parisTime';
import { nounOf, openWhenAsked, presentHit, whatFound, whatNone, whatNoneOpen, type AskedTime, type SearchLabels } from './present';
import {
  DEFAULT_RADIUS_KM, RADIUS_STEPS_KM, searchByKind, searchOffer, searchOpeningSoonest, type Hit, type Point, type SearchRequest, type SearchResult,
} from './search';
import { describeTimeIntent, isoDate, timeWindows, type TimeIntent } from './timeQuery';
import type { OfferReading } from './understand';
import { audienceDefinition, kindDefinition, type KindId } from './vocabulary';

/**
 * The search service: what a settled search (the journey decided what carries over, see dialogs/findSupport) finds,
 * as the replies a parent reads. Pure: no I/O, no logging, `now` given. The texts come from src/messages, the cards
 * from src/cards; a reply with cards says only its header.
 */

export type OfferOutcome = 'results' | 'grouped' | 'need-place' | 'none-nearby' | 'nothing-new' | 'no-match' | 'place-choice';

/** One message of the answer: its text and its cards. A grouped answer has one message per kind. */
export type OfferReply = { text: string; cards: object[] };

export type OfferTurn = {
  outcome: OfferOutcome;
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

export const PAGE_SIZE = 5;
/** A grouped answer shows this many kinds, and this many places of each, nearest first. */
export const GROUPS_SHOWN = 4;
export const PER_KIND = 2;

/** Kinds that a parent can be helped with at a distance without saying where they live. */
const LISTENING: ReadonlySet<KindId> = new Set(['point-ecoute', 'ecoute-distance']);

export function offerTurn(outcome: OfferOutcome, replies: OfferReply[], conversation: OfferConversation, extra: Partial<Pick<OfferTurn, 'suggestions' | 'askLocation'>> = {}): OfferTurn {
  const kept = replies.filter((r) => r.text || r.cards.length > 0);
  return {
    outcome,
    replies: kept,
    text: kept.map((r) => r.text).filter(Boolean).join('\n\n'),
    cards: kept.flatMap((r) => r.cards),
    suggestions: extra.suggestions ?? [],
    askLocation: extra.askLocation ?? false,
    conversation,
  };
}

/** One reply of text alone. */
export function textReply(...lines: string[]): OfferReply {
  return { text: lines.filter(Boolean).join('\n\n'), cards: [] };
}

export function labelsOf(search: OfferConversation): SearchLabels {
  return {
    kinds: search.kinds && search.kinds.length > 0 ? search.kinds : null,
    audiences: search.audiences ?? [],
    age: search.age ?? null,
    time: search.time ?? null,
    freeText: search.freeText ?? null,
  };
}

/** Whether the search names what to look for (a kind, an audience, an age, words), rather than support in general. */
export function hasWhat(search: OfferConversation): boolean {
  return Boolean(search.kinds?.length || search.audiences?.length || search.freeText || search.age !== undefined);
}

export function examples(language: Language): string[] {
  return [offerText('suggestPeer', language), offerText('suggestLaep', language), offerText('suggestListening', language), offerText('suggestHomework', language)];
}

type Origin = { point: Point | null; place: Commune | null; name: string | null };

export function originOf(search: OfferConversation, offer: OfferIndex, communes: CommuneIndex, language: Language): Origin {
  if (search.position) {
    const { latitude, longitude } = search.position;
    return { point: { latitude, longitude }, place: communes.nearest(latitude, longitude), name: offerText('yourPosition', language) };
  }
  if (search.placeCode) {
    const place = communes.byCode(search.placeCode);
    if (place) return { point: offer.pointOf(place), place, name: place.name };
  }
  return { point: null, place: null, name: null };
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type SearchOptions = { now: DateTime; language: Language };

/** What the search the journey settled on finds, as the replies to send. */
export function answerSearch(offer: OfferIndex, communes: CommuneIndex, search: OfferConversation, options: SearchOptions): OfferTurn {
  const { now, language } = options;
  const labels = labelsOf(search);
  const origin = originOf(search, offer, communes, language);
  const listeningOnly = labels.kinds !== null && labels.kinds.every((k) => LISTENING.has(k));

  if (!origin.point) {
    if (search.placeCode) return offerTurn('need-place', [textReply(offerText('unknownPlace', language))], { ...search, pending: 'place' }, { askLocation: true });
    if (!(search.remote || listeningOnly)) {
      return offerTurn('need-place', [textReply(offerPhrases.askPlace(nounOf({ ...labels, freeText: null }, language).plural, language))], { ...search, pending: 'place' }, { askLocation: true });
    }
  }
  if (origin.point && (search.general || !hasWhat(search))) return answerByKind(offer, communes, search, origin, options);

  const radiusKm = search.radiusKm ?? DEFAULT_RADIUS_KM;
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
  };
  let found = openWhenAskedOnly(searchOffer(offer, communes, request), windows, language);
  // Words that are no kind and match nothing near there: the places near there, by kind, rather than nothing.
  if (found.hits.length === 0 && labels.freeText && origin.point && !labels.kinds && innerKm === 0) {
    return answerByKind(offer, communes, { ...search, freeText: undefined, general: true }, origin, options);
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

  const place = origin.name ?? '';
  const where = origin.point ? offerPhrases.nearPlace(place, radiusKm, language) : '';
  const canWiden = origin.point !== null && radiusKm < RADIUS_STEPS_KM[RADIUS_STEPS_KM.length - 1];
  const nextRadius = RADIUS_STEPS_KM.find((step) => step > radiusKm) ?? radiusKm;

  if (found.hits.length === 0) {
    if (innerKm > 0) {
      const lines = [offerPhrases.nothingNew(offerPhrases.betweenRadii(place, innerKm, radiusKm, language), language),
        canWiden ? offerPhrases.widerTo(nextRadius, language) : offerText('maxRadius', language)];
      return offerTurn('nothing-new', [textReply(...lines)], search, { suggestions: canWiden ? [offerText('suggestFarther', language)] : examples(language).slice(0, 3) });
    }
    if (!origin.point) return offerTurn('need-place', [textReply(offerPhrases.askPlace(nounOf({ ...labels, freeText: null }, language).plural, language))], { ...search, pending: 'place' }, { askLocation: true });
    const lines = [offerPhrases.noneNearby(whatNone(labels, now, language), where, language), canWiden ? offerText('widerHint', language) : ''];
    const suggestions = [...(canWiden ? [offerText('suggestFarther', language)] : []), ...examples(language).slice(0, 3)];
    return offerTurn('none-nearby', [textReply(...lines)], search, { suggestions });
  }

  const requested = search.offset ?? 0;
  if (requested >= found.hits.length) {
    const lines = [offerText('noMore', language), canWiden ? offerText('widerHint', language) : ''];
    return offerTurn('results', [textReply(...lines)], { ...search, offset: Math.max(0, requested - PAGE_SIZE) }, {
      suggestions: canWiden ? [offerText('suggestFarther', language)] : [],
    });
  }
  const offset = requested;
  const page = found.hits.slice(offset, offset + PAGE_SIZE);
  const asked = (hit: Hit): AskedTime | null =>
    labels.time && windows ? { title: describeTimeIntent(labels.time, now, language), open: openWhenAsked(hit.service, windows, language) } : null;
  const cards = page.map((hit) => presentHit(hit, origin.point, offer.summaryOf(hit.index), communes, now, language, asked(hit)));

  let header: string;
  if (openingSoonest && offset === 0) {
    const { none, open, feminine } = whatNoneOpen(labels, now, language);
    const when = labels.time?.now ? (language === 'en' ? 'right now' : 'en ce moment') : describeTimeIntent(labels.time ?? {}, now, language);
    header = offerPhrases.noneOpenYet(none, open, feminine, when, place || offerText('yourPosition', language), language);
  } else if (!origin.point) header = offerPhrases.remoteWithoutPlace(language);
  else if (!openingSoonest && found.nearby === 0) header = offerPhrases.onlyRemote(whatNone(labels, now, language), where, language);
  else if (offset > 0) header = offerPhrases.page(offset + 1, offset + page.length, found.hits.length, language);
  else if (innerKm > 0) {
    header = offerPhrases.widenedNew(radiusKm, countOf(found.hits.length, nounOf(labels, language)), offerPhrases.betweenRadii(place, innerKm, radiusKm, language), language);
  } else header = offerPhrases.results(whatFound(found.hits.length, labels, now, language), where, language);
  const relaxed = found.audienceRelaxed
    ? offerPhrases.audienceRelaxed(labels.audiences.map((a) => audienceDefinition(a).label[language]).join(language === 'en' ? ' and ' : ' et '), language)
    : '';
  const hasMore = offset + PAGE_SIZE < found.hits.length;
  const suggestions = [
    ...(hasMore ? [offerText('suggestMore', language)] : []),
    ...(canWiden && !hasMore ? [offerText('suggestFarther', language)] : []),
    ...(labels.time ? [] : [offerText('suggestOpenNow', language)]),
  ];
  const replies = [{ text: [header, relaxed, hasMore ? offerText('seeMoreOthers', language) : ''].filter(Boolean).join('\n\n'), cards }];
  if (!origin.point) replies.push(textReply(offerText('remoteAlso', language)));
  return offerTurn('results', replies, { ...search, offset }, { suggestions, askLocation: !origin.point });
}

/**
 * A time was asked: only the places the card can say are open then stay, so the header's count and every card's
 * "Ce soir : …" come from the same reading of the hours.
 */
function openWhenAskedOnly(found: SearchResult, windows: readonly { start: DateTime; end: DateTime }[] | null, language: Language): SearchResult {
  if (!windows) return found;
  const hits = found.hits.filter((hit) => openWhenAsked(hit.service, windows, language) !== null);
  return { hits, nearby: hits.filter((h) => !h.remote).length, remote: hits.filter((h) => h.remote).length, audienceRelaxed: found.audienceRelaxed && hits.length > 0 };
}

/** Support in general near a place: a header, then a few places of each kind under the kind's name. */
function answerByKind(offer: OfferIndex, communes: CommuneIndex, search: OfferConversation, origin: Origin, options: SearchOptions): OfferTurn {
  const { now, language } = options;
  const labels = labelsOf(search);
  const radiusKm = search.radiusKm ?? DEFAULT_RADIUS_KM;
  const innerKm = search.innerRadiusKm ?? 0;
  const windows = labels.time ? timeWindows(labels.time, now) : null;
  const { groups, remote } = searchByKind(offer, communes, {
    point: origin.point, place: origin.place, kinds: null, audiences: [], age: null, windows, remotePreferred: false, radiusKm, textIds: null, minKm: innerKm,
  });
  const keep = (hits: Hit[]) => (windows ? hits.filter((hit) => openWhenAsked(hit.service, windows, language) !== null) : hits);
  const all = [
    ...groups.map((g) => ({ label: g.kind, hits: keep(g.hits) })),
    { label: 'remote' as const, hits: keep(remote) },
  ].filter((g) => g.hits.length > 0);
  const place = origin.name ?? '';
  const canWiden = radiusKm < RADIUS_STEPS_KM[RADIUS_STEPS_KM.length - 1];
  const nextRadius = RADIUS_STEPS_KM.find((step) => step > radiusKm) ?? radiusKm;
  const conversation: OfferConversation = { ...search, general: true };
  const where = innerKm > 0 ? offerPhrases.betweenRadii(place, innerKm, radiusKm, language) : offerPhrases.nearPlace(place, radiusKm, language);
  const when = labels.time ? ` ${offerPhrases.openFilter(language === 'en' ? 'open' : 'ouvertes', describeTimeIntent(labels.time, now, language), language)}` : '';

  if (all.length === 0) {
    const none = innerKm > 0
      ? offerPhrases.nothingNew(where, language)
      : offerPhrases.noneNearby(`${offerPhrases.noneOfSupport(language)}${when}`, where, language);
    const next = canWiden ? offerPhrases.widerTo(nextRadius, language) : offerText('maxRadius', language);
    return offerTurn(innerKm > 0 ? 'nothing-new' : 'none-nearby', [textReply(none, next)], conversation, {
      suggestions: canWiden ? [offerText('suggestFarther', language)] : examples(language).slice(0, 3),
    });
  }
  const requested = search.offset ?? 0;
  if (requested > 0 && requested >= all.length) {
    // Past the last kind: said so, rather than the last page again.
    return offerTurn('results', [textReply(offerText('noMore', language), canWiden ? offerText('widerHint', language) : '')], {
      ...conversation,
      offset: Math.max(0, requested - GROUPS_SHOWN),
    }, { suggestions: canWiden ? [offerText('suggestFarther', language)] : [] });
  }
  const offset = requested;
  const shown = all.slice(offset, offset + GROUPS_SHOWN);
  const heading = (label: KindId | null | 'remote', count: number, total: number): string => {
    const name = label === 'remote' ? offerText('remoteGroup', language)
      : label === null ? offerText('otherSupport', language)
        : total > 1 ? kindDefinition(label).plural[language] : kindDefinition(label).label[language];
    return offerPhrases.groupHeading(name, count, total, language);
  };
  // Nothing near, only services at a distance: said so, rather than a list of kinds with none in it.
  const onlyRemote = all.every((g) => g.label === 'remote');
  const header = onlyRemote
    ? offerPhrases.onlyRemote(`${offerPhrases.noneOfSupport(language)}${when}`, where, language)
    : offerPhrases.groupedHeader(when, where, language);
  const cards: object[] = [];
  for (const group of shown) {
    const page = group.hits.slice(0, PER_KIND);
    const asked = (hit: Hit): AskedTime | null =>
      labels.time && windows ? { title: describeTimeIntent(labels.time, now, language), open: openWhenAsked(hit.service, windows, language) } : null;
    page.forEach((hit, i) => {
      const card = presentHit(hit, origin.point, offer.summaryOf(hit.index), communes, now, language, asked(hit));
      cards.push(i === 0 ? withGroupHeading(card, heading(group.label, page.length, group.hits.length)) : card);
    });
  }
  const hasMore = offset + GROUPS_SHOWN < all.length;
  const hint = onlyRemote ? '' : hasMore ? offerText('seeMoreOthers', language) : offerText('groupedHint', language);
  // One message: the header, then the cards, each kind headed by its first card.
  const replies: OfferReply[] = [{ text: [header, hint].filter(Boolean).join('\n\n'), cards }];
  const kindSuggestions = shown
    .map((g) => g.label)
    .filter((k): k is KindId => k !== null && k !== 'remote')
    .slice(0, 3)
    .map((k) => capitalise(kindDefinition(k).plural[language]));
  const suggestions = [...(hasMore ? [offerText('suggestMore', language)] : []), ...kindSuggestions, ...(canWiden && !hasMore ? [offerText('suggestFarther', language)] : [])];
  return offerTurn('grouped', replies, { ...conversation, offset }, { suggestions });
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

export function offerHelpText(language: Language): string {
  return offerHelpLines(language).join('\n');
}

import { DateTime } from 'luxon';
import type { Language } from '../language/text';
import type { Commune, CommuneIndex, CommuneMatch } from '../geo';
import { offerHelpLines, offerPhrases, offerText } from '../messages/offer';
import { isSearchUnderway, PositionSchema, type OfferConversation, type Position } from './conversation';
import type { OfferIndex } from './offerIndex';
import { parisClock } from './parisTime';
import { presentHit, whatFound, whatNone, whatNoneOpen, type SearchLabels } from './present';
import { DEFAULT_RADIUS_KM, hasOfferNear, RADIUS_STEPS_KM, searchOffer, searchOpeningSoonest, type Point, type SearchRequest } from './search';
import { isoDate, timeWindows, type TimeIntent } from './timeQuery';
import { readOfferMessage, sheetSignalsOf, understand, type Understanding } from './understand';
import { audienceDefinition, type KindId } from './vocabulary';

/**
 * The parent-query engine: one message (and the conversation so far) in, one answer out. It extracts what, where,
 * when and for whom; asks only for what is missing (usually the place, offering to use the position); and keeps the
 * search in the conversation so that follow-ups refine it. Pure: no I/O, no logging, `now` given.
 */

export type OfferOutcome = 'results' | 'need-place' | 'none-nearby' | 'no-match';

export type OfferTurn = {
  outcome: OfferOutcome;
  text: string;
  cards: object[];
  suggestions: string[];
  askLocation: boolean;
  conversation: OfferConversation;
};

export type OfferQueryOptions = { position?: Position; now: DateTime; language: Language };

export const PAGE_SIZE = 5;

/** Kinds that a parent can be helped with at a distance without saying where they live. */
const LISTENING: ReadonlySet<KindId> = new Set(['point-ecoute', 'ecoute-distance']);

function nextRadius(current: number): number {
  return RADIUS_STEPS_KM.find((step) => step > current) ?? current;
}

/** Of homonyms ("Saint-Priest"), the one where the offer has places; else the most populous. */
function chooseCommune(match: CommuneMatch, offer: OfferIndex): Commune {
  for (const candidate of [match.commune, ...match.alternatives]) {
    const point = offer.pointOf(candidate);
    if (point && hasOfferNear(offer, point, DEFAULT_RADIUS_KM)) return candidate;
  }
  return match.commune;
}

/**
 * Words that name no known kind start a free-text search, unless the message reads as a follow-up of the search
 * under way ("Givors plutôt") and the words match nothing in the offer.
 */
function isNewTextSearch(u: Understanding, underway: boolean, offer: OfferIndex): boolean {
  if (!underway) return true;
  if (u.followUp || u.more || u.farther) return false;
  return offer.searchText(u.freeText, 1).length > 0;
}

/** Folds this message into the search under way. */
function merge(previous: OfferConversation, u: Understanding, position: Position | undefined, offer: OfferIndex): OfferConversation {
  const next: OfferConversation = { ...previous };
  delete next.pending;
  const underway = isSearchUnderway(previous);
  let changed = false;

  if (u.kinds.length > 0) {
    next.kinds = u.kinds;
    next.audiences = u.audiences;
    next.age = u.age ?? undefined;
    next.time = u.time ?? undefined;
    next.remote = u.remote || undefined;
    delete next.freeText;
    changed = true;
  } else if (u.audiences.length > 0 || u.age !== null) {
    if (!u.followUp) delete next.kinds;
    next.audiences = u.audiences;
    next.age = u.age ?? undefined;
    if (!u.followUp) next.time = u.time ?? undefined;
    delete next.freeText;
    changed = true;
  } else if (u.freeText && isNewTextSearch(u, underway, offer)) {
    delete next.kinds;
    next.audiences = [];
    delete next.age;
    next.time = u.time ?? undefined;
    next.freeText = u.freeText;
    changed = true;
  }
  if (u.time) {
    next.time = u.time;
    changed = true;
  }
  if (u.remote) next.remote = true;

  if (u.place) {
    next.placeCode = chooseCommune(u.place, offer).code;
    delete next.position;
    changed = true;
  } else if (position) {
    next.position = position;
    delete next.placeCode;
    changed = true;
  }

  if (changed) {
    next.offset = 0;
    next.radiusKm = DEFAULT_RADIUS_KM;
  }
  if (u.farther && underway) {
    next.radiusKm = nextRadius(previous.radiusKm ?? DEFAULT_RADIUS_KM);
    next.offset = 0;
  } else if (u.more && underway && !changed) {
    next.offset = (previous.offset ?? 0) + PAGE_SIZE;
  }
  return next;
}

function labelsOf(conversation: OfferConversation): SearchLabels {
  return {
    kinds: conversation.kinds && conversation.kinds.length > 0 ? conversation.kinds : null,
    audiences: conversation.audiences ?? [],
    age: conversation.age ?? null,
    time: conversation.time ?? null,
    freeText: conversation.freeText ?? null,
  };
}

function hasWhat(conversation: OfferConversation): boolean {
  return Boolean(conversation.kinds?.length || conversation.audiences?.length || conversation.freeText || conversation.age !== undefined);
}

function examples(language: Language): string[] {
  return [offerText('suggestPeer', language), offerText('suggestLaep', language), offerText('suggestListening', language), offerText('suggestHomework', language)];
}

/**
 * "Maintenant" and "aujourd'hui" (the whole day) ask for a place to go to soon: when none is open then, the places
 * that open soonest are a fair answer. A weekday, "demain" or a part of the day ask for that time and no other.
 */
function asksForSoon(time: TimeIntent | null, now: DateTime): 'now' | 'today' | null {
  if (!time) return null;
  if (time.now) return 'now';
  if (!time.date || time.part || time.weekdays) return null;
  return time.date === isoDate(parisClock(now.toMillis())) ? 'today' : null;
}

type Origin = { point: Point | null; place: Commune | null; name: string | null };

function originOf(conversation: OfferConversation, offer: OfferIndex, communes: CommuneIndex, language: Language): Origin {
  if (conversation.position) {
    const { latitude, longitude } = conversation.position;
    return { point: { latitude, longitude }, place: communes.nearest(latitude, longitude), name: offerText('yourPosition', language) };
  }
  if (conversation.placeCode) {
    const place = communes.byCode(conversation.placeCode);
    if (place) return { point: offer.pointOf(place), place, name: place.name };
  }
  return { point: null, place: null, name: null };
}

export function answerOfferQuery(
  offer: OfferIndex,
  communes: CommuneIndex,
  text: string,
  previous: OfferConversation,
  options: OfferQueryOptions,
): OfferTurn {
  const { now, language } = options;
  const position = options.position && PositionSchema.safeParse(options.position).success ? options.position : undefined;
  const u = understand(text, now, communes);
  const next = merge(previous, u, position, offer);
  const turn = (outcome: OfferOutcome, lines: string[], extra: Partial<OfferTurn> = {}): OfferTurn => ({
    outcome,
    text: lines.filter(Boolean).join('\n\n'),
    cards: [],
    suggestions: [],
    askLocation: false,
    conversation: next,
    ...extra,
  });

  const labels = labelsOf(next);
  const where = Boolean(next.placeCode || next.position);

  // Words that name nothing known and match nothing in the offer are not a search (junk, or another topic).
  const textFindsNothing = Boolean(next.freeText) && !next.kinds?.length && !next.audiences?.length && offer.searchText(next.freeText ?? '', 1).length === 0;
  if (textFindsNothing && !where && !isSearchUnderway(previous)) {
    return turn('no-match', [offerText('noMatch', language)], { suggestions: examples(language), conversation: previous });
  }

  if (!hasWhat(next) && !where) {
    if (u.nearMe) return turn('need-place', [offerText('positionNeeded', language)], { askLocation: true, conversation: { ...next, pending: 'place' } });
    return turn('no-match', [offerText('noMatch', language)], { suggestions: examples(language), conversation: previous });
  }
  if (u.nearMe && !position && !u.place && !previous.position) {
    return turn('need-place', [offerText('positionNeeded', language)], { askLocation: true, conversation: { ...next, pending: 'place' } });
  }

  const origin = originOf(next, offer, communes, language);
  const listeningOnly = labels.kinds !== null && labels.kinds.every((k) => LISTENING.has(k));
  if (!origin.place && !origin.point) {
    if (u.place && !where) return turn('need-place', [offerText('unknownPlace', language)], { askLocation: true, conversation: { ...next, pending: 'place' } });
    if (next.remote || listeningOnly) {
      // A helpline needs no place: every remote service of the kind is offered, each with the area it serves.
      const found = searchOffer(offer, communes, {
        point: null, place: null, kinds: labels.kinds, audiences: labels.audiences, age: labels.age,
        windows: labels.time ? timeWindows(labels.time, now) : null, remotePreferred: true, radiusKm: 0, textIds: null,
      });
      if (found.hits.length > 0) {
        const page = found.hits.slice(0, PAGE_SIZE);
        const presented = page.map((hit, i) => presentHit(hit, i + 1, null, offer.summaryOf(hit.index), communes, now, language));
        return turn('results', [offerPhrases.remoteWithoutPlace(language), presented.map((p) => p.line).join('\n'), offerText('remoteAlso', language)], {
          cards: presented.map((p) => p.card),
          askLocation: true,
          conversation: { ...next, pending: 'place', offset: 0 },
        });
      }
    }
    return turn('need-place', [offerPhrases.askPlace(whatFound(null, labels, now, language), language)], {
      askLocation: true,
      conversation: { ...next, pending: 'place' },
    });
  }
  if (!origin.point) {
    return turn('need-place', [offerText('unknownPlace', language)], { askLocation: true, conversation: { ...next, pending: 'place' } });
  }

  const radiusKm = next.radiusKm ?? DEFAULT_RADIUS_KM;
  const textIds = labels.freeText ? new Set(offer.searchText(labels.freeText, 200)) : null;
  const request: SearchRequest = {
    point: origin.point,
    place: origin.place,
    kinds: labels.kinds,
    audiences: labels.audiences,
    age: labels.age,
    windows: labels.time ? timeWindows(labels.time, now) : null,
    remotePreferred: Boolean(next.remote),
    radiusKm,
    textIds,
  };
  let found = searchOffer(offer, communes, request);
  // Nothing open now (or today): the places nearby that open soonest, rather than none at all.
  let openingSoonest: 'now' | 'today' | null = null;
  const soon = found.hits.length === 0 ? asksForSoon(labels.time, now) : null;
  if (soon) {
    const opening = searchOpeningSoonest(offer, communes, request, now);
    if (opening.hits.length > 0) {
      found = opening;
      openingSoonest = soon;
    }
  }
  const whereText = offerPhrases.nearPlace(origin.name ?? '', radiusKm, language);
  const canWiden = radiusKm < RADIUS_STEPS_KM[RADIUS_STEPS_KM.length - 1];
  const widened = u.farther && radiusKm > (previous.radiusKm ?? DEFAULT_RADIUS_KM) ? offerPhrases.wider(radiusKm, language) : '';

  if (found.hits.length === 0) {
    const lines = [widened, offerPhrases.noneNearby(whatNone(labels, now, language), whereText, language)];
    if (u.farther && !canWiden) lines.push(offerText('maxRadius', language));
    else if (canWiden) lines.push(offerText('widerHint', language));
    const suggestions = [...(canWiden ? [offerText('suggestFarther', language)] : []), ...examples(language).slice(0, 3)];
    return turn('none-nearby', lines, { suggestions });
  }

  const offset = Math.min(next.offset ?? 0, Math.max(0, found.hits.length - 1));
  if ((next.offset ?? 0) >= found.hits.length) {
    const lines = [offerText('noMore', language), canWiden ? offerText('widerHint', language) : ''];
    return turn('results', lines, {
      suggestions: canWiden ? [offerText('suggestFarther', language)] : [],
      conversation: { ...next, offset: previous.offset ?? 0 },
    });
  }
  const page = found.hits.slice(offset, offset + PAGE_SIZE);
  const presented = page.map((hit, i) => presentHit(hit, offset + i + 1, origin.point, offer.summaryOf(hit.index), communes, now, language));
  let header: string;
  if (openingSoonest && offset === 0) {
    const { none, feminine } = whatNoneOpen(labels, now, language);
    header = offerPhrases.noneOpenYet(none, feminine, openingSoonest === 'today', origin.name ?? '', language);
  } else if (!openingSoonest && found.nearby === 0) header = offerPhrases.onlyRemote(whatNone(labels, now, language), whereText, language);
  else if (offset > 0) header = offerPhrases.page(offset + 1, offset + page.length, found.hits.length, language);
  else header = offerPhrases.results(whatFound(found.hits.length, labels, now, language), whereText, language);
  const relaxed = found.audienceRelaxed
    ? offerPhrases.audienceRelaxed(labels.audiences.map((a) => audienceDefinition(a).label[language]).join(language === 'en' ? ' and ' : ' et '), language)
    : '';
  const hasMore = offset + PAGE_SIZE < found.hits.length;
  const suggestions = [
    ...(hasMore ? [offerText('suggestMore', language)] : []),
    ...(canWiden && !hasMore ? [offerText('suggestFarther', language)] : []),
    ...(next.time ? [] : [offerText('suggestOpenNow', language)]),
  ];
  return turn('results', [widened, header, relaxed, presented.map((p) => p.line).join('\n'), hasMore ? offerText('seeMoreHint', language) : ''], {
    cards: presented.map((p) => p.card),
    suggestions,
    conversation: { ...next, offset },
  });
}

/**
 * How much a message looks like a parent's search for support (0..1), so the main dialog can tell it from a partner's
 * question on the sheets: kinds of service, audiences, places and "près de moi" raise it; sheet numbers and sheet
 * words ("fiche", "pilote", "indicateurs") sink it. Follow-ups score high while a search is under way.
 */
export function offerQueryScore(text: string, conversation: OfferConversation, communes: CommuneIndex): number {
  // A sheet number or a sheet word sinks the score below what any journey needs, whatever else the message says:
  // its places and times are not looked for.
  if (sheetSignalsOf(text) > 0) return SHEET_QUESTION_SCORE;
  const u = readOfferMessage(text, SCORING_NOW, communes);
  let score = 0;
  if (u.kinds.length > 0) score += 0.6;
  if (u.audiences.length > 0 || u.age !== null) score += 0.3;
  if (u.place) score += 0.25;
  if (u.nearMe) score += 0.35;
  if (u.remote) score += 0.1;
  if (u.help && (u.audiences.length > 0 || u.place || u.nearMe)) score += 0.15;
  if (u.mentionsTime && (u.kinds.length > 0 || u.place)) score += 0.1;
  if (isSearchUnderway(conversation)) {
    const shortFollowUp = u.words <= 8 && (u.place || u.mentionsTime || u.more || u.farther || u.followUp);
    if (shortFollowUp) score = Math.max(score, 0.8);
  }
  return Math.max(0, Math.min(1, score));
}

/** What a message with a sheet number or a sheet word scores: a partner's question, not a parent's search. */
const SHEET_QUESTION_SCORE = 0;

/** Scoring only asks whether a time is named, not which: a fixed instant keeps it pure. */
const SCORING_NOW = DateTime.fromISO('2026-01-05T12:00:00', { zone: 'Europe/Paris' });

export function offerHelpText(language: Language): string {
  return offerHelpLines(language).join('\n');
}

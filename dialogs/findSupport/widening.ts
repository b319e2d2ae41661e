import type { OfferConversation, OfferReading } from '../../src/offer';
import type { Relaxation } from '../../src/offer/engine';
import { DEFAULT_RADIUS_KM, isFilteringAudience, RADIUS_STEPS_KM } from '../../src/offer/search';

/**
 * "Plus loin": the next radius (30, 60, then 100 km, no further: beyond, it is no longer near). What lay within the
 * radius already searched was shown: the wider search shows only what lies beyond it.
 */
export function asksToWiden(reading: OfferReading): boolean {
  return reading.farther;
}

/** The widened search, or null when it is already as wide as the bot searches. */
export function widen(search: OfferConversation): OfferConversation | null {
  const current = search.radiusKm ?? DEFAULT_RADIUS_KM;
  const next = RADIUS_STEPS_KM.find((step) => step > current);
  if (next === undefined) return null;
  return { ...search, radiusKm: next, innerRadiusKm: current, offset: 0 };
}

/** A search with what a relaxation lets go of: the time asked, the parent's audience, the kind, or the distance. */
export type RelaxedSearch = { dropped: Relaxation[]; search: OfferConversation };

/**
 * "D'autres ?" after a search that found nothing: repeating that nothing was found helps no one. The searches to try
 * instead, the smallest change first: any time rather than the one asked, every parent rather than the audience
 * asked, any kind of support rather than the one asked, farther (a whole département has no farther); then all of
 * the first three at once. The first that finds something answers, saying what it let go.
 */
export function relaxationsOf(search: OfferConversation): RelaxedSearch[] {
  const base: OfferConversation = { ...search, offset: 0, innerRadiusKm: undefined };
  const hasTime = search.time !== undefined;
  // The children's audiences and the fathers' only rank the places (search.ts): letting them go would find nothing more.
  const hasAudience = (search.audiences ?? []).some(isFilteringAudience) || search.age !== undefined;
  const hasKind = Boolean(search.kinds?.length || search.freeText) && !search.general;
  const anyAudience = { audiences: (search.audiences ?? []).filter((a) => !isFilteringAudience(a)), age: undefined };
  const anyKind = { kinds: undefined, freeText: undefined, situational: undefined, general: true };
  const out: RelaxedSearch[] = [];
  if (hasTime) out.push({ dropped: ['time'], search: { ...base, time: undefined } });
  if (hasAudience) out.push({ dropped: ['audience'], search: { ...base, ...anyAudience } });
  if (hasKind) out.push({ dropped: ['kind'], search: { ...base, ...anyKind } });
  const wider = search.departement ? null : widen(base);
  // Everything within the wider radius is new to the parent: nothing was found within the last one.
  if (wider) out.push({ dropped: ['distance'], search: { ...wider, innerRadiusKm: undefined } });
  const all: RelaxedSearch = {
    dropped: [...(hasTime ? ['time' as const] : []), ...(hasAudience ? ['audience' as const] : []), ...(hasKind ? ['kind' as const] : [])],
    search: { ...base, time: undefined, ...anyAudience, ...(hasKind ? anyKind : {}) },
  };
  if (all.dropped.length >= 2) out.push(all);
  return out;
}

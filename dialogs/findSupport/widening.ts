import type { OfferConversation, OfferReading } from '../../src/offer';
import { DEFAULT_RADIUS_KM, RADIUS_STEPS_KM } from '../../src/offer/search';

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

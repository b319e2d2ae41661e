import type { OfferConversation, OfferReading, Position } from '../../src/offer';

/**
 * Asking for the place. The bot asks only when the search cannot go on without it: the parent said "près de moi"
 * without sharing a position, or named no place and none is known from the search. A listening service at a
 * distance needs no place (the engine offers those first, and asks for the place to add what is near).
 */
export function needsPosition(reading: OfferReading, next: OfferConversation, position: Position | undefined): boolean {
  return reading.nearMe && !position && !reading.place && !next.position;
}

/** Whether the message answers a question about the place: a commune, a postcode, a shared position. */
export function answersPlace(reading: OfferReading, position: Position | undefined): boolean {
  return position !== undefined || reading.place !== null;
}

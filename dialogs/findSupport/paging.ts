import type { OfferConversation, OfferReading } from '../../src/offer';
import { GROUPS_SHOWN, PAGE_SIZE } from '../../src/offer/engine';

/**
 * "D'autres ?", "voir plus": the next page of the same search. A list of places shows PAGE_SIZE a page; a grouped
 * answer (support in general) shows GROUPS_SHOWN kinds a page.
 */
export function asksForNextPage(reading: OfferReading): boolean {
  return reading.more && !reading.farther;
}

export function nextPage(search: OfferConversation): OfferConversation {
  const step = search.general ? GROUPS_SHOWN : PAGE_SIZE;
  return { ...search, offset: (search.offset ?? 0) + step };
}

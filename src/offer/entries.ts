import type { WallZone } from './parisTime';
import type { OfferService } from './service';
import { timeZoneOfPlace } from './timeZones';

/**
 * What a search filters entries on: who may come, children's ages, audiences, opening hours and the clock they are
 * written on (the place's time zone).
 */
export type EntryFacts = Pick<OfferService, 'zone' | 'ages' | 'audiences' | 'hours' | 'region'> & { timeZone: WallZone };

/**
 * The entries of an offer as the index reads them, by position. Entries built in this process are an array; a
 * prebuilt offer makes an entry each time it is read, from its columns: a search looks at a few dozen of a hundred
 * thousand, and entries that are not kept cost neither memory nor garbage-collection pauses. A spatial search tests
 * a hundred or so candidates for each place: they are tested on their facts, which a prebuilt offer shares between
 * the many entries that have the same.
 */
export type OfferEntries = {
  readonly count: number;
  at(index: number): OfferService;
  facts(index: number): EntryFacts;
};

export function arrayEntries(services: readonly OfferService[]): OfferEntries {
  const facts = new WeakMap<OfferService, EntryFacts>();
  const factsOf = (service: OfferService): EntryFacts => {
    let known = facts.get(service);
    if (!known) {
      const { zone, ages, audiences, hours, region } = service;
      known = { zone, ages, audiences, hours, region, timeZone: timeZoneOfPlace(service) };
      facts.set(service, known);
    }
    return known;
  };
  return { count: services.length, at: (index) => services[index], facts: (index) => factsOf(services[index]) };
}

import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { hasCoordinates, type Commune } from '../geo';
import { geoDistanceKm } from './distance';
import { isLocated, type OfferService } from './service';
import { TextIndex } from './textIndex';
import { KIND_IDS, type KindId } from './vocabulary';

/**
 * The offer in memory: the entries, a spatial index (kdbush) per kind of service and one for every family entry, the
 * remote services, and the free-text index. "A kind near a place" is a nearest-neighbour query on that kind's index,
 * never a scan of the offer.
 */

type Point = { latitude: number; longitude: number };

/** A spatial index over some entries: `ids[i]` is the entry of the i-th point. */
class SpatialSet {
  readonly tree: KDBush;
  readonly ids: Uint32Array;

  constructor(ids: readonly number[], services: readonly OfferService[]) {
    this.ids = Uint32Array.from(ids);
    this.tree = new KDBush(Math.max(1, ids.length));
    for (const id of ids) {
      const s = services[id];
      this.tree.add(s.longitude ?? 0, s.latitude ?? 0);
    }
    if (ids.length === 0) this.tree.add(0, 0);
    this.tree.finish();
  }

  /** Entries nearest first within maxKm that pass the filter, at most `limit`. */
  nearest(point: Point, limit: number, maxKm: number, accept: (id: number) => boolean): number[] {
    if (this.ids.length === 0) return [];
    return around(this.tree, point.longitude, point.latitude, limit, maxKm, (i: number) => accept(this.ids[i])).map((i) => this.ids[i]);
  }
}

export class OfferIndex {
  readonly services: readonly OfferService[];
  private readonly byKind = new Map<KindId, SpatialSet>();
  private readonly family: SpatialSet;
  private readonly remoteIds: readonly number[];
  private readonly text = new TextIndex();
  private readonly centroids: ReadonlyMap<string, Point>;

  constructor(services: readonly OfferService[], searchTexts: readonly string[], centroids: ReadonlyMap<string, Point>) {
    this.services = services;
    this.centroids = centroids;
    const perKind = new Map<KindId, number[]>(KIND_IDS.map((k) => [k, []]));
    const family: number[] = [];
    const remote: number[] = [];
    services.forEach((service, id) => {
      if (service.remote) remote.push(id);
      if (!service.inPerson || !isLocated(service)) return;
      for (const kind of service.kinds) perKind.get(kind)?.push(id);
      if (service.family) family.push(id);
    });
    for (const [kind, ids] of perKind) this.byKind.set(kind, new SpatialSet(ids, services));
    this.family = new SpatialSet(family, services);
    this.remoteIds = remote;
    searchTexts.forEach((text, id) => this.text.add(id, text));
  }

  get size(): number {
    return this.services.length;
  }

  /**
   * Where to search from for a commune: GeoNames' centre when it has it, else the middle of the offer's own points in
   * that commune, else the estimate from its neighbours.
   */
  pointOf(commune: Commune): Point | null {
    const fromOffer = this.centroids.get(commune.code);
    if (hasCoordinates(commune) && (commune.coordinates.startsWith('geonames') || !fromOffer)) {
      return { latitude: commune.latitude, longitude: commune.longitude };
    }
    return fromOffer ?? null;
  }

  /**
   * In-person entries nearest first: of the given kinds (any family entry when null), within maxKm, passing `accept`.
   * Each kind's index is asked, and the answers merged by distance.
   */
  nearest(point: Point, kinds: readonly KindId[] | null, limit: number, maxKm: number, accept: (id: number) => boolean): number[] {
    const sets = kinds === null ? [this.family] : kinds.map((k) => this.byKind.get(k)).filter((s): s is SpatialSet => s !== undefined);
    if (sets.length === 1) return sets[0].nearest(point, limit, maxKm, accept);
    const seen = new Set<number>();
    const merged: Array<{ id: number; km: number }> = [];
    for (const set of sets) {
      for (const id of set.nearest(point, limit, maxKm, (i) => !seen.has(i) && accept(i))) {
        seen.add(id);
        merged.push({ id, km: geoDistanceKm(point, this.services[id]) });
      }
    }
    return merged.sort((a, b) => a.km - b.km).slice(0, limit).map((m) => m.id);
  }

  /** Entries offered at a distance (phone, online), passing `accept`. */
  remote(accept: (id: number) => boolean): number[] {
    return this.remoteIds.filter(accept);
  }

  /** Entries whose name or description match the words, best first. */
  searchText(query: string, limit: number): number[] {
    return this.text.search(query, limit);
  }
}

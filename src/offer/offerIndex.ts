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

/** A spatial set as stored in a prebuilt offer: its entry ids and kdbush's own buffer, both base64. */
export type SpatialDump = { ids: string; tree: string };

/** A spatial index over some entries: `ids[i]` is the entry of the i-th point. */
class SpatialSet {
  readonly tree: KDBush;
  readonly ids: Uint32Array;

  private constructor(ids: Uint32Array, tree: KDBush) {
    this.ids = ids;
    this.tree = tree;
  }

  static of(ids: readonly number[], services: readonly OfferService[]): SpatialSet {
    // Float32 coordinates: a metre or so of precision, half the memory.
    const tree = new KDBush(Math.max(1, ids.length), 64, Float32Array);
    for (const id of ids) {
      const s = services[id];
      tree.add(s.longitude ?? 0, s.latitude ?? 0);
    }
    if (ids.length === 0) tree.add(0, 0);
    tree.finish();
    return new SpatialSet(Uint32Array.from(ids), tree);
  }

  static restore(dump: SpatialDump): SpatialSet {
    const ids = Buffer.from(dump.ids, 'base64');
    const tree = Buffer.from(dump.tree, 'base64');
    const idsCopy = new Uint32Array(ids.byteLength / 4);
    new Uint8Array(idsCopy.buffer).set(ids);
    const treeCopy = new ArrayBuffer(tree.byteLength);
    new Uint8Array(treeCopy).set(tree);
    return new SpatialSet(idsCopy, KDBush.from(treeCopy));
  }

  dump(): SpatialDump {
    return {
      ids: Buffer.from(this.ids.buffer, this.ids.byteOffset, this.ids.byteLength).toString('base64'),
      tree: Buffer.from(new Uint8Array(this.tree.data)).toString('base64'),
    };
  }

  /** Entries nearest first within maxKm that pass the filter, at most `limit`. */
  nearest(point: Point, limit: number, maxKm: number, accept: (id: number) => boolean): number[] {
    if (this.ids.length === 0) return [];
    return around(this.tree, point.longitude, point.latitude, limit, maxKm, (i: number) => accept(this.ids[i])).map((i) => this.ids[i]);
  }
}

const FAMILY_SET = 'family';
export type SpatialDumps = Record<string, SpatialDump>;

export class OfferIndex {
  readonly services: readonly OfferService[];
  private readonly byKind = new Map<KindId, SpatialSet>();
  private readonly family: SpatialSet;
  private readonly remoteIds: readonly number[];
  private text: TextIndex | (() => TextIndex);
  readonly centroids: ReadonlyMap<string, Point>;

  /**
   * `text` may be a loader: a prebuilt offer reads its free-text index on the first free-text search, so that the
   * start stays fast.
   */
  constructor(services: readonly OfferService[], centroids: ReadonlyMap<string, Point>, text: TextIndex | (() => TextIndex), spatial?: SpatialDumps) {
    this.services = services;
    this.centroids = centroids;
    this.text = text;
    const perKind = new Map<KindId, number[]>(KIND_IDS.map((k) => [k, []]));
    const family: number[] = [];
    const remote: number[] = [];
    services.forEach((service, id) => {
      if (service.remote) remote.push(id);
      if (spatial || !service.inPerson || !isLocated(service)) return;
      for (const kind of service.kinds) perKind.get(kind)?.push(id);
      if (service.family) family.push(id);
    });
    const restore = (key: string, ids: readonly number[]) => {
      const dump = spatial?.[key];
      return dump ? SpatialSet.restore(dump) : SpatialSet.of(ids, services);
    };
    for (const [kind, ids] of perKind) this.byKind.set(kind, restore(kind, ids));
    this.family = restore(FAMILY_SET, family);
    this.remoteIds = remote;
  }

  private summaries: ReadonlyArray<string | null> | (() => ReadonlyArray<string | null>) | null = null;

  /** Descriptions' openings kept apart (a prebuilt offer reads them when a card first needs one). */
  setSummaries(summaries: ReadonlyArray<string | null> | (() => ReadonlyArray<string | null>)): void {
    this.summaries = summaries;
  }

  summaryOf(index: number): string | null {
    const own = this.services[index]?.summary;
    if (own) return own;
    if (typeof this.summaries === 'function') this.summaries = this.summaries();
    return this.summaries?.[index] ?? null;
  }

  /** The spatial indexes as a prebuilt offer stores them. */
  dumpSpatial(): SpatialDumps {
    const dumps: SpatialDumps = { [FAMILY_SET]: this.family.dump() };
    for (const [kind, set] of this.byKind) dumps[kind] = set.dump();
    return dumps;
  }

  /** An offer from freshly built entries and their folded search texts. */
  static build(services: readonly OfferService[], searchTexts: readonly string[], centroids: ReadonlyMap<string, Point>): OfferIndex {
    const text = new TextIndex();
    searchTexts.forEach((folded, id) => text.addFolded(id, folded));
    return new OfferIndex(services, centroids, text);
  }

  /** The free-text index, read now if it was left for later. */
  textIndex(): TextIndex {
    if (typeof this.text === 'function') this.text = this.text();
    return this.text;
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
    return this.textIndex().search(query, limit);
  }
}

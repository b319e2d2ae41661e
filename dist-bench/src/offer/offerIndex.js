"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OfferIndex = void 0;
const kdbush_1 = __importDefault(require("kdbush"));
const geokdbush_1 = require("geokdbush");
const geo_1 = require("../geo");
const distance_1 = require("./distance");
const entries_1 = require("./entries");
const service_1 = require("./service");
const textIndex_1 = require("./textIndex");
const vocabulary_1 = require("./vocabulary");
/** A spatial index over some entries: `ids[i]` is the entry of the i-th point. */
class SpatialSet {
    tree;
    ids;
    constructor(ids, tree) {
        this.ids = ids;
        this.tree = tree;
    }
    static of(ids, entries) {
        // Float32 coordinates: a metre or so of precision, half the memory.
        const tree = new kdbush_1.default(Math.max(1, ids.length), 64, Float32Array);
        for (const id of ids) {
            const s = entries.at(id);
            tree.add(s.longitude ?? 0, s.latitude ?? 0);
        }
        if (ids.length === 0)
            tree.add(0, 0);
        tree.finish();
        return new SpatialSet(Uint32Array.from(ids), tree);
    }
    /** A set from a prebuilt offer; throws when kdbush does not recognise the buffer. */
    static restore(dump) {
        const tree = kdbush_1.default.from(dump.tree);
        if (tree.numItems !== Math.max(1, dump.ids.length))
            throw new Error('spatial index and ids differ in size');
        return new SpatialSet(dump.ids, tree);
    }
    dump() {
        return { ids: this.ids, tree: this.tree.data };
    }
    /** Entries nearest first within maxKm that pass the filter, at most `limit`. */
    nearest(point, limit, maxKm, accept) {
        if (this.ids.length === 0)
            return [];
        return (0, geokdbush_1.around)(this.tree, point.longitude, point.latitude, limit, maxKm, (i) => accept(this.ids[i])).map((i) => this.ids[i]);
    }
}
const FAMILY_SET = 'family';
const EVERYWHERE = '*';
const ELSEWHERE = '?';
/** The départements a zone may cover: '*' for no zone or the whole country, '?' when only a full check can tell (EPCI). */
function remoteAreas(zone) {
    if (!zone || zone.length === 0)
        return [EVERYWHERE];
    return zone.map((raw) => {
        const code = raw.trim().toUpperCase();
        if (code === 'FRANCE' || code === '99100')
            return EVERYWHERE;
        if (/^(97\d|2A|2B|\d{2})$/.test(code))
            return code;
        if (/^\w{5}$/.test(code))
            return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
        return ELSEWHERE;
    });
}
function isEntryArray(services) {
    return Array.isArray(services);
}
class OfferIndex {
    entries;
    everyEntry;
    byKind = new Map();
    family;
    remoteIds;
    text;
    centroids;
    /**
     * `text` may be a loader: a prebuilt offer reads its free-text index on the first free-text search, so that the
     * start stays fast. A prebuilt offer also brings its spatial indexes and the list of its remote entries, so that
     * its entries need not be read at start (they are made as searches read them). Throws when a prebuilt spatial
     * index is damaged.
     */
    constructor(services, centroids, text, prebuilt) {
        this.entries = isEntryArray(services) ? (0, entries_1.arrayEntries)(services) : services;
        this.everyEntry = isEntryArray(services) ? services : null;
        this.centroids = centroids;
        this.text = text;
        const spatial = prebuilt?.spatial;
        const perKind = new Map(vocabulary_1.KIND_IDS.map((k) => [k, []]));
        const family = [];
        const remote = prebuilt ? [...prebuilt.remoteIds] : [];
        if (!prebuilt) {
            for (let id = 0; id < this.entries.count; id++) {
                const service = this.entries.at(id);
                if (service.remote)
                    remote.push(id);
                if (!service.inPerson || !(0, service_1.isLocated)(service))
                    continue;
                for (const kind of service.kinds)
                    perKind.get(kind)?.push(id);
                if (service.family)
                    family.push(id);
            }
        }
        const restore = (key, ids) => {
            const dump = spatial?.[key];
            return dump ? SpatialSet.restore(dump) : SpatialSet.of(ids, this.entries);
        };
        for (const [kind, ids] of perKind)
            this.byKind.set(kind, restore(kind, ids));
        this.family = restore(FAMILY_SET, family);
        this.remoteIds = remote;
    }
    /** The entry at a position. */
    service(index) {
        return this.entries.at(index);
    }
    /** What searches filter an entry on, without making it. */
    facts(index) {
        return this.entries.facts(index);
    }
    /** Every entry, in order (a prebuilt offer makes them all: for tools and tests, not for searches). */
    get services() {
        return (this.everyEntry ??= Array.from({ length: this.entries.count }, (_, i) => this.entries.at(i)));
    }
    loadSummaries = null;
    summaries = null;
    /** Descriptions' openings kept apart: a prebuilt offer reads them when a card first needs one. */
    setSummaries(load) {
        this.loadSummaries = load;
    }
    summaryOf(index) {
        const own = index >= 0 && index < this.entries.count ? this.entries.at(index).summary : null;
        if (own)
            return own;
        if (!this.summaries && this.loadSummaries)
            this.summaries = this.loadSummaries();
        return this.summaries?.(index) ?? null;
    }
    /** The spatial indexes as a prebuilt offer stores them. */
    dumpSpatial() {
        const dumps = { [FAMILY_SET]: this.family.dump() };
        for (const [kind, set] of this.byKind)
            dumps[kind] = set.dump();
        return dumps;
    }
    /** An offer from freshly built entries and their folded search texts. */
    static build(services, searchTexts, centroids) {
        const text = new textIndex_1.TextIndex();
        searchTexts.forEach((folded, id) => text.addFolded(id, folded));
        return new OfferIndex(services, centroids, text);
    }
    /** The free-text index, read now if it was left for later. */
    textIndex() {
        if (typeof this.text === 'function')
            this.text = this.text();
        return this.text;
    }
    get size() {
        return this.entries.count;
    }
    /**
     * Where to search from for a commune: GeoNames' centre when it has it, else the middle of the offer's own points in
     * that commune, else the estimate from its neighbours.
     */
    pointOf(commune) {
        const fromOffer = this.centroids.get(commune.code);
        if ((0, geo_1.hasCoordinates)(commune) && (commune.coordinates.startsWith('geonames') || !fromOffer)) {
            return { latitude: commune.latitude, longitude: commune.longitude };
        }
        return fromOffer ?? null;
    }
    /**
     * In-person entries nearest first: of the given kinds (any family entry when null), within maxKm, passing `accept`.
     * Each kind's index is asked, and the answers merged by distance.
     */
    nearest(point, kinds, limit, maxKm, accept) {
        const sets = kinds === null ? [this.family] : kinds.map((k) => this.byKind.get(k)).filter((s) => s !== undefined);
        if (sets.length === 1)
            return sets[0].nearest(point, limit, maxKm, accept);
        const seen = new Set();
        const merged = [];
        for (const set of sets) {
            for (const id of set.nearest(point, limit, maxKm, (i) => !seen.has(i) && accept(i))) {
                seen.add(id);
                merged.push({ id, km: (0, distance_1.geoDistanceKm)(point, this.entries.at(id)) });
            }
        }
        return merged.sort((a, b) => a.km - b.km).slice(0, limit).map((m) => m.id);
    }
    remoteGroups = null;
    /**
     * Entries offered at a distance (phone, online) of the given kinds (any family entry when null) that may serve a
     * département (every one when null), passing `accept`. They are grouped on first use by kind and by the
     * départements their zone names, so that a search only looks at those that may cover the place.
     */
    remote(kinds, departement, accept) {
        const groups = (this.remoteGroups ??= this.groupRemote());
        const keys = kinds === null ? [FAMILY_SET] : kinds;
        const areas = departement === null ? null : [EVERYWHERE, ELSEWHERE, departement];
        const ids = new Set();
        for (const key of keys) {
            const prefix = `${key}|`;
            if (areas)
                for (const area of areas)
                    for (const id of groups.get(prefix + area) ?? [])
                        ids.add(id);
            else
                for (const [group, list] of groups)
                    if (group.startsWith(prefix))
                        for (const id of list)
                            ids.add(id);
        }
        return [...ids].filter(accept);
    }
    groupRemote() {
        const groups = new Map();
        for (const id of this.remoteIds) {
            const service = this.entries.at(id);
            const areas = new Set(remoteAreas(service.zone));
            const keys = service.family ? [FAMILY_SET, ...service.kinds] : [...service.kinds];
            for (const key of keys) {
                for (const area of areas) {
                    const group = `${key}|${area}`;
                    const list = groups.get(group);
                    if (list)
                        list.push(id);
                    else
                        groups.set(group, [id]);
                }
            }
        }
        return groups;
    }
    /** Every remote entry passing `accept` (free-text hits are checked one by one). */
    allRemote(accept) {
        return this.remoteIds.filter(accept);
    }
    /** Entries whose name or description match the words, best first. */
    searchText(query, limit) {
        return this.textIndex().search(query, limit);
    }
}
exports.OfferIndex = OfferIndex;
//# sourceMappingURL=offerIndex.js.map
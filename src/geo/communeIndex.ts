import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { editDistance, STOP_WORDS } from '../language/text';
import type { Commune, CommuneMatch, CommuneMatchVia } from './commune';
import { communeOf, loadCommuneTable, type CommuneTable } from './communeCache';
import type { Groups } from './communeLookups';
import { valuesOf } from './textColumn';
import { LetterBag, letterMask, lettersLacking } from './letterBag';
import { placeTokens } from './placeKey';
import { isPlaceMarkerBefore, COMMON_WORDS_NAMING_COMMUNES } from './placeMarkers';

type NameIndex = {
  /** Name key → its group in the table's name groups. */
  byName: Map<string, number>;
  /** For each first word of a name, the most words a name starting with it has. */
  longestFrom: Map<string, number>;
};
/** A name as typos are matched against it: without spaces, with its group and its first commune's population. */
type FuzzyEntry = { compact: string; mask: number; group: number; population: number };

export type FindOptions = {
  /** Words the caller already understood (kinds of service, days…): never taken for a place on their own. */
  ignoreWords?: ReadonlySet<string>;
  /**
   * The caller understood the rest of the sentence ("laep venisieux"), so the few words left are surely the place
   * and may be matched with typos even without "à" or "près de" before them.
   */
  restIsPlace?: boolean;
};

/** Population below which a single unannounced word is not taken for a commune (see findInTokens). */
const LONE_WORD_MIN_POPULATION = 2000;

/** Longest place name we look for inside a sentence, in words ("saint georges de reneins" is 4; some have 6). */
const MAX_NAME_TOKENS = 7;

function typoBudget(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  if (length <= 14) return 2;
  return 3;
}

/** Names are compared with those of the same first letter and about the same length: typos rarely hit the first letter. */
function fuzzyBucket(first: string, length: number): string {
  return `${first}${length}`;
}

/**
 * The official communes (and the arrondissements of Paris, Lyon and Marseille), found by what users type: names with
 * typos, no accents or hyphens, "St"/"Ste", postcodes, INSEE codes, "Lyon 8", "Paris 15e".
 *
 * A start reads only the table of communes and its lookups (worked out when the cache was written, see
 * communeLookups); commune objects are made as they are asked for, and the maps from codes, names and postcodes to
 * them are each built on first use.
 */
export class CommuneIndex {
  private static shared: CommuneIndex | undefined;

  private readonly table: CommuneTable;
  private readonly made: Array<Commune | undefined>;
  private all: readonly Commune[] | null = null;
  private codeIndex: Map<string, number> | null = null;
  private byPostcodeMap: Map<string, number> | null = null;
  private names: NameIndex | null = null;
  private fuzzyBuckets: Map<string, FuzzyEntry[]> | null = null;
  private map: { located: Int32Array; spatial: KDBush } | null = null;

  constructor(table: CommuneTable) {
    this.table = table;
    this.made = new Array(table.count);
  }

  /** The communes built from the bundled packages, loaded once per process (the data is large). */
  static load(): CommuneIndex {
    CommuneIndex.shared ??= new CommuneIndex(loadCommuneTable());
    return CommuneIndex.shared;
  }

  /**
   * Builds now the indexes otherwise built on first use (names, typos, postcodes, map), for a server to call once it
   * is up, so that the first parent does not wait for them.
   */
  warm(): void {
    this.indexOfCode('');
    this.postcodes();
    this.fuzzy();
    this.located();
  }

  /** Every commune, in the official list's order. */
  get communes(): readonly Commune[] {
    return (this.all ??= Array.from({ length: this.table.count }, (_, i) => this.communeAt(i)));
  }

  private communeAt(i: number): Commune {
    return (this.made[i] ??= communeOf(this.table, i));
  }

  private population(i: number): number {
    return this.table.population[i];
  }

  private indexOfCode(code: string): number | undefined {
    if (!this.codeIndex) {
      const index = new Map<string, number>();
      const { code } = this.table;
      for (let i = 0; i < code.length; i++) index.set(code.at(i) ?? '', i);
      this.codeIndex = index;
    }
    return this.codeIndex.get(code);
  }

  /** Postcode → its group of communes (see communeLookups). */
  private postcodes(): Map<string, number> {
    return (this.byPostcodeMap ??= new Map(valuesOf(this.table.postcodeGroups.keys).map((key, g) => [key, g])));
  }

  /** Name key → its group of communes; and for each first word, the most words a name starting with it has. */
  private nameIndex(): NameIndex {
    if (this.names) return this.names;
    const byName = new Map<string, number>();
    const longestFrom = new Map<string, number>();
    valuesOf(this.table.nameGroups.keys).forEach((key, g) => {
      byName.set(key, g);
      const space = key.indexOf(' ');
      const first = space < 0 ? key : key.slice(0, space);
      const words = space < 0 ? 1 : key.split(' ').length;
      if ((longestFrom.get(first) ?? 0) < words) longestFrom.set(first, words);
    });
    return (this.names = { byName, longestFrom });
  }

  private fuzzy(): Map<string, FuzzyEntry[]> {
    if (this.fuzzyBuckets) return this.fuzzyBuckets;
    const buckets = new Map<string, FuzzyEntry[]>();
    const { keys, start, values } = this.table.nameGroups;
    valuesOf(keys).forEach((key, group) => {
      const compact = key.replace(/ /g, '');
      const bucketKey = fuzzyBucket(compact[0], compact.length);
      const entry = { compact, mask: letterMask(compact), group, population: start[group + 1] > start[group] ? this.population(values[start[group]]) : 0 };
      const bucket = buckets.get(bucketKey);
      if (bucket) bucket.push(entry);
      else buckets.set(bucketKey, [entry]);
    });
    return (this.fuzzyBuckets = buckets);
  }

  /** The map: communes with coordinates, without the cities whose arrondissements stand for them. */
  private located(): { located: Int32Array; spatial: KDBush } {
    return (this.map ??= { located: this.table.located, spatial: KDBush.from(this.table.spatial) });
  }

  /** The communes of a group, in its order. */
  private communesOf(groups: Groups, group: number): Commune[] {
    const out: Commune[] = [];
    for (let k = groups.start[group]; k < groups.start[group + 1]; k++) out.push(this.communeAt(groups.values[k]));
    return out;
  }

  byCode(code: string): Commune | null {
    const i = this.indexOfCode(code) ?? this.indexOfCode(this.table.formerCodes.get(code) ?? '');
    return i === undefined ? null : this.communeAt(i);
  }

  /** The communes a postcode serves, the arrondissement first where a city has them, then by population. */
  byPostcode(postcode: string): Commune[] {
    const group = this.postcodes().get(postcode);
    const list = group === undefined ? [] : this.communesOf(this.table.postcodeGroups, group);
    const hasArrondissement = list.some((c) => c.kind === 'arrondissement');
    return hasArrondissement ? list.filter((c) => c.kind === 'arrondissement').concat(list.filter((c) => c.kind !== 'arrondissement')) : list;
  }

  departementName(code: string): string | null {
    return this.table.departements[code]?.name ?? null;
  }

  regionName(code: string): string | null {
    return this.table.regions[code] ?? null;
  }

  /** The parent city of an arrondissement, or the commune itself. */
  city(commune: Commune): Commune {
    const parent = commune.parent ? this.indexOfCode(commune.parent) : undefined;
    return parent === undefined ? commune : this.communeAt(parent);
  }

  /** The commune nearest to a point (an arrondissement inside Paris, Lyon, Marseille), or null far from any. */
  nearest(latitude: number, longitude: number): Commune | null {
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
    const { located, spatial } = this.located();
    if (located.length === 0) return null;
    const [id] = around(spatial, longitude, latitude, 1, 50);
    const i = id === undefined ? undefined : located[id];
    return i === undefined ? null : this.communeAt(i);
  }

  /** A text that is only a place: "venisieux", "69100", "Lyon 1er", "saint priest", "à Givors". */
  resolve(text: string): CommuneMatch | null {
    let tokens = placeTokens(text.slice(0, 200));
    while (tokens.length > 1 && isPlaceMarkerBefore(tokens, 1)) tokens = tokens.slice(1);
    while (tokens.length > 2 && isPlaceMarkerBefore(tokens, 2)) tokens = tokens.slice(2);
    if (tokens.length === 0) return null;
    const whole = this.exactMatch(tokens, 0, tokens.length);
    if (whole) return whole;
    const compact = tokens.join('');
    const budget = typoBudget(compact.length);
    const close = budget > 0 && !/^\d+$/.test(compact) ? this.closestName(compact, budget) : null;
    if (close && this.groupSize(close.group) > 0) return this.matchOf(close.group, tokens.join(' '), 'fuzzy');
    return this.findInTokens(tokens, {}, false);
  }

  /** The place a sentence names ("un LAEP ouvert le samedi près de Vénissieux"), or null. */
  findInSentence(text: string, options: FindOptions = {}): CommuneMatch | null {
    const tokens = placeTokens(text.slice(0, 1000));
    return this.findInTokens(tokens, options, false);
  }

  private codeMatch(token: string): CommuneMatch | null {
    if (!/^\d{5}$|^2[ab]\d{3}$/.test(token)) return null;
    const served = this.byPostcode(token);
    if (served.length > 0) return { commune: served[0], alternatives: served.slice(1), matched: token, via: 'postcode' };
    const commune = this.byCode(token.toUpperCase());
    return commune ? { commune, alternatives: [], matched: token, via: 'code' } : null;
  }

  private exactMatch(tokens: readonly string[], start: number, end: number): CommuneMatch | null {
    if (end - start === 1) {
      const code = this.codeMatch(tokens[start]);
      if (code) return code;
    }
    const key = tokens.slice(start, end).join(' ');
    const group = this.nameIndex().byName.get(key);
    if (group === undefined) return null;
    return this.matchOf(group, key, 'name');
  }

  private groupSize(group: number): number {
    const { start } = this.table.nameGroups;
    return start[group + 1] - start[group];
  }

  /** The communes a name means, surest first (each once: see communeLookups). */
  private matchOf(group: number, matched: string, via: CommuneMatchVia): CommuneMatch {
    const communes = this.communesOf(this.table.nameGroups, group);
    return { commune: communes[0], alternatives: communes.slice(1), matched, via };
  }

  private isWeakWord(token: string, options: FindOptions): boolean {
    return STOP_WORDS.has(token) || (options.ignoreWords?.has(token) ?? false) || COMMON_WORDS_NAMING_COMMUNES.has(token);
  }

  private findInTokens(tokens: readonly string[], options: FindOptions, wholeTextIsPlace: boolean): CommuneMatch | null {
    const { longestFrom } = this.nameIndex();
    let best: { match: CommuneMatch; score: number } | null = null;
    for (let start = 0; start < tokens.length; start++) {
      const marked = isPlaceMarkerBefore(tokens, start);
      // No name starts with most words: only a code may then be read there.
      const longest = Math.max(1, longestFrom.get(tokens[start]) ?? 0);
      for (let end = Math.min(tokens.length, start + MAX_NAME_TOKENS, start + longest); end > start; end--) {
        const length = end - start;
        if (length === 1) {
          const token = tokens[start];
          if (!/^\d+$/.test(token) && (token.length < 3 || (!marked && !wholeTextIsPlace && this.isWeakWord(token, options)))) continue;
          if (STOP_WORDS.has(token) || options.ignoreWords?.has(token)) continue;
        }
        const match = this.exactMatch(tokens, start, end);
        if (!match) continue;
        // A lone word with nothing announcing a place is read as a village only if it is a town of some size:
        // "table" or "pas" in a sentence are words, not La Table or Le Pas.
        if (length === 1 && !marked && !wholeTextIsPlace && match.via === 'name' && match.commune.population < LONE_WORD_MIN_POPULATION) continue;
        const score = length * 10 + (marked ? 5 : 0) + (match.via === 'postcode' || match.via === 'code' ? 3 : 0);
        if (!best || score > best.score) best = { match, score };
        break;
      }
    }
    if (best) return best.match;
    return this.fuzzyInTokens(tokens, options, wholeTextIsPlace);
  }

  /**
   * Typo-tolerant matching, tried only where a place is expected (after "à", "près de"…, or on the words left when
   * everything else was understood), so that ordinary words never turn into villages.
   */
  private fuzzyInTokens(tokens: readonly string[], options: FindOptions, wholeTextIsPlace: boolean): CommuneMatch | null {
    const spans: Array<[number, number]> = [];
    for (let start = 0; start < tokens.length; start++) {
      if (!isPlaceMarkerBefore(tokens, start) || this.isWeakWord(tokens[start], options)) continue;
      for (let end = start + 1; end <= Math.min(tokens.length, start + 4); end++) spans.push([start, end]);
    }
    const content = tokens.map((t, i) => [t, i] as const).filter(([t]) => !STOP_WORDS.has(t) && !(options.ignoreWords?.has(t) ?? false));
    // The words left over are the place when the caller says so, or when they are the whole message ("venisieux").
    const leftOverIsPlace = options.restIsPlace === true ? content.length <= 4 : content.length <= 2 && content.length === tokens.filter((t) => !STOP_WORDS.has(t)).length;
    if (content.length > 0 && (leftOverIsPlace || wholeTextIsPlace)) {
      const first = content[0][1];
      const last = content[content.length - 1][1];
      const contiguous = content.every(([, i], k) => i === first + k);
      if (contiguous || wholeTextIsPlace) spans.push([first, last + 1]);
    }
    let best: { match: CommuneMatch; distance: number; length: number } | null = null;
    for (const [start, end] of spans) {
      const typed = tokens.slice(start, end).filter((t) => !STOP_WORDS.has(t) || end - start === 1);
      const compact = typed.join('');
      const budget = typoBudget(compact.length);
      if (budget === 0 || /^\d+$/.test(compact)) continue;
      const found = this.closestName(compact, budget);
      if (!found) continue;
      const better = !best || found.distance < best.distance || (found.distance === best.distance && end - start > best.length);
      if (better && this.groupSize(found.group) > 0) {
        best = { match: this.matchOf(found.group, typed.join(' '), 'fuzzy'), distance: found.distance, length: end - start };
      }
    }
    return best?.match ?? null;
  }

  private closestName(compact: string, budget: number): { group: number; distance: number } | null {
    let best: { group: number; distance: number; population: number } | null = null;
    const buckets = this.fuzzy();
    const letters = new LetterBag(compact);
    const mask = letterMask(compact);
    for (let length = compact.length - budget; length <= compact.length + budget; length++) {
      for (const entry of buckets.get(fuzzyBucket(compact[0], length)) ?? []) {
        // Only a name as close as the best so far can still win: most are ruled out by their letters alone.
        const bound = best ? best.distance : budget;
        if (lettersLacking(mask, entry.mask) > bound || letters.distanceTo(entry.compact, bound) > bound) continue;
        const distance = editDistance(compact, entry.compact, bound);
        if (distance > budget) continue;
        if (!best || distance < best.distance || (distance === best.distance && entry.population > best.population)) {
          best = { group: entry.group, distance, population: entry.population };
        }
      }
    }
    return best;
  }
}

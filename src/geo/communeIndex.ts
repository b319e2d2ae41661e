import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { editDistance, STOP_WORDS } from '../language/text';
import { hasCoordinates, type Commune, type CommuneMatch, type CommuneMatchVia } from './commune';
import type { CommuneData, NameRank } from './buildCommunes';
import { loadCommuneData } from './communeCache';
import { placeTokens } from './placeKey';
import { isPlaceMarkerBefore, COMMON_WORDS_NAMING_COMMUNES } from './placeMarkers';

type NameEntry = { commune: Commune; rank: NameRank };
type FuzzyEntry = { compact: string; key: string };

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

function byPopulation(a: Commune, b: Commune): number {
  return b.population - a.population;
}

/**
 * The official communes (and the arrondissements of Paris, Lyon and Marseille), found by what users type: names with
 * typos, no accents or hyphens, "St"/"Ste", postcodes, INSEE codes, "Lyon 8", "Paris 15e".
 */
export class CommuneIndex {
  private static shared: CommuneIndex | undefined;

  readonly communes: readonly Commune[];
  private readonly byCodeMap = new Map<string, Commune>();
  private readonly byPostcodeMap = new Map<string, Commune[]>();
  private readonly byName = new Map<string, NameEntry[]>();
  private readonly fuzzyBuckets = new Map<string, FuzzyEntry[]>();
  private readonly formerCodes: ReadonlyMap<string, string>;
  private readonly departements: CommuneData['departements'];
  private readonly regions: CommuneData['regions'];
  private readonly located: Commune[] = [];
  private readonly spatial: KDBush;

  constructor(data: CommuneData) {
    this.communes = data.communes;
    this.departements = data.departements;
    this.regions = data.regions;
    this.formerCodes = new Map(Object.entries(data.formerCodes));
    const citiesWithArrondissements = new Set<string>();
    for (const commune of data.communes) {
      this.byCodeMap.set(commune.code, commune);
      if (commune.parent) citiesWithArrondissements.add(commune.parent);
    }
    for (const commune of data.communes) {
      for (const postcode of commune.postcodes) {
        const list = this.byPostcodeMap.get(postcode);
        if (list) list.push(commune);
        else this.byPostcodeMap.set(postcode, [commune]);
      }
    }
    for (const name of data.names) {
      const commune = this.byCodeMap.get(name.code);
      if (commune) this.addName(name.key, commune, name.rank);
    }
    for (const list of this.byPostcodeMap.values()) list.sort(byPopulation);
    for (const [key, entries] of this.byName) {
      entries.sort((a, b) => a.rank - b.rank || byPopulation(a.commune, b.commune));
      const compact = key.replace(/ /g, '');
      const bucketKey = fuzzyBucket(compact[0], compact.length);
      const bucket = this.fuzzyBuckets.get(bucketKey);
      if (bucket) bucket.push({ compact, key });
      else this.fuzzyBuckets.set(bucketKey, [{ compact, key }]);
    }
    // A position inside Lyon should name its arrondissement, not the whole city.
    for (const commune of data.communes) {
      if (hasCoordinates(commune) && !citiesWithArrondissements.has(commune.code)) this.located.push(commune);
    }
    this.spatial = new KDBush(Math.max(1, this.located.length));
    for (const commune of this.located) this.spatial.add(commune.longitude ?? 0, commune.latitude ?? 0);
    if (this.located.length === 0) this.spatial.add(0, 0);
    this.spatial.finish();
  }

  /** The communes built from the bundled packages, loaded once per process (the data is large). */
  static load(): CommuneIndex {
    CommuneIndex.shared ??= new CommuneIndex(loadCommuneData());
    return CommuneIndex.shared;
  }

  private addName(key: string, commune: Commune, rank: NameRank): void {
    const list = this.byName.get(key);
    const entry = { commune, rank };
    if (!list) this.byName.set(key, [entry]);
    else if (!list.some((e) => e.commune.code === commune.code)) list.push(entry);
  }

  byCode(code: string): Commune | null {
    return this.byCodeMap.get(code) ?? this.byCodeMap.get(this.formerCodes.get(code) ?? '') ?? null;
  }

  /** The communes a postcode serves, the arrondissement first where a city has them, then by population. */
  byPostcode(postcode: string): Commune[] {
    const list = this.byPostcodeMap.get(postcode) ?? [];
    const hasArrondissement = list.some((c) => c.kind === 'arrondissement');
    return hasArrondissement ? list.filter((c) => c.kind === 'arrondissement').concat(list.filter((c) => c.kind !== 'arrondissement')) : list;
  }

  departementName(code: string): string | null {
    return this.departements[code]?.name ?? null;
  }

  regionName(code: string): string | null {
    return this.regions[code] ?? null;
  }

  /** The parent city of an arrondissement, or the commune itself. */
  city(commune: Commune): Commune {
    return commune.parent ? (this.byCodeMap.get(commune.parent) ?? commune) : commune;
  }

  /** The commune nearest to a point (an arrondissement inside Paris, Lyon, Marseille), or null far from any. */
  nearest(latitude: number, longitude: number): Commune | null {
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || this.located.length === 0) return null;
    const [id] = around(this.spatial, longitude, latitude, 1, 50);
    return id === undefined ? null : (this.located[id] ?? null);
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
    const entries = close ? this.byName.get(close.key) : undefined;
    if (entries && entries.length > 0) return this.matchOf(entries, tokens.join(' '), 'fuzzy');
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
    const entries = this.byName.get(key);
    if (!entries) return null;
    return this.matchOf(entries, key, 'name');
  }

  private matchOf(entries: readonly NameEntry[], matched: string, via: CommuneMatchVia): CommuneMatch {
    const seen = new Set<string>();
    const communes: Commune[] = [];
    for (const entry of entries) {
      if (seen.has(entry.commune.code)) continue;
      seen.add(entry.commune.code);
      communes.push(entry.commune);
    }
    return { commune: communes[0], alternatives: communes.slice(1), matched, via };
  }

  private isWeakWord(token: string, options: FindOptions): boolean {
    return STOP_WORDS.has(token) || (options.ignoreWords?.has(token) ?? false) || COMMON_WORDS_NAMING_COMMUNES.has(token);
  }

  private findInTokens(tokens: readonly string[], options: FindOptions, wholeTextIsPlace: boolean): CommuneMatch | null {
    let best: { match: CommuneMatch; score: number } | null = null;
    for (let start = 0; start < tokens.length; start++) {
      const marked = isPlaceMarkerBefore(tokens, start);
      for (let end = Math.min(tokens.length, start + MAX_NAME_TOKENS); end > start; end--) {
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
      if (better) {
        const entries = this.byName.get(found.key) ?? [];
        if (entries.length > 0) best = { match: this.matchOf(entries, typed.join(' '), 'fuzzy'), distance: found.distance, length: end - start };
      }
    }
    return best?.match ?? null;
  }

  private closestName(compact: string, budget: number): { key: string; distance: number } | null {
    let best: { key: string; distance: number; population: number } | null = null;
    const candidates: FuzzyEntry[] = [];
    for (let length = compact.length - budget; length <= compact.length + budget; length++) {
      for (const entry of this.fuzzyBuckets.get(fuzzyBucket(compact[0], length)) ?? []) candidates.push(entry);
    }
    for (const entry of candidates) {
      const distance = editDistance(compact, entry.compact, budget);
      if (distance > budget) continue;
      const population = this.byName.get(entry.key)?.[0]?.commune.population ?? 0;
      if (!best || distance < best.distance || (distance === best.distance && population > best.population)) {
        best = { key: entry.key, distance, population };
      }
    }
    return best;
  }
}

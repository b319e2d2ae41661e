import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { detectLanguage, editDistance, STOP_WORDS, typoAllowance } from '../language/text';
import type { Commune, CommuneMatch, CommuneMatchMarking, CommuneMatchVia, PlaceCandidate } from './commune';
import { communeOf, loadCommuneTable, type CommuneTable } from './communeCache';
import type { Groups } from './communeLookups';
import { valuesOf } from './textColumn';
import { letterMask, maskDistance, repeatedLetterMask } from './letterMasks';
import { candidatesOf, departementsOf, isAmbiguous, qualifierAfter, resolveAmong, type Departements } from './homonyms';
import { findDepartement, type DepartementMention } from './departements';
import { FORMER } from './buildCommunes';
import { isCapitalised, LEADING_ARTICLES, placeKey, sentenceTokens, typedWords, wordsOfTokens, type SentenceTokens } from './placeKey';
import {
  isOrdinaryName,
  isPlaceMarkerBefore,
  isSpeltWord,
  isWholeMessage,
  MARKING_STRENGTH,
  POSTCODE_STRENGTH,
  AROUND_A_PLACE_ALONE,
  placeMarkerBefore,
  SUBJECTS_BEFORE_AVOIR,
  unaccentedAReadsAsA,
} from './placeMarkers';
import { rememberMany } from '../shared/remember';

type NameIndex = {
  /** Name key → its group in the table's name groups. */
  byName: Map<string, number>;
  /** For each first word of a name, the most words a name starting with it has. */
  longestFrom: Map<string, number>;
};
/** A name as typos are matched against it: without spaces, with its group and its first commune's population. */
type FuzzyEntry = { compact: string; group: number; population: number };
/**
 * The names of one first letter and length (see fuzzyBucket), with their letters (letterMask, repeatedLetterMask)
 * side by side: most names are ruled out on these two integers alone, read in a row.
 */
type FuzzyBucket = { masks: Int32Array; repeats: Int32Array; entries: FuzzyEntry[] };
/** The words names are made of, of one first letter and length, with their letters (letterMask). */
type NameWordBucket = { masks: Int32Array; words: string[] };

/** What a name or code means, before the sentence around it is read (see CommuneIndex.finish). */
type BaseMatch = Pick<CommuneMatch, 'commune' | 'alternatives' | 'matched' | 'via'>;
/** A place found in the words [start, end) of a sentence. */
type Found = { match: BaseMatch; start: number; end: number };
/** A place found, with the strength of the marker that announced it (0 for none). */
type Ranked = { found: Found; marker: number };

/**
 * Whether a place found beats the best so far (found earlier in the sentence): the more strongly announced one
 * (see placeMarkers), then, both announced alike, the later; of two names nobody announced, the longer, then a code,
 * then the first.
 */
function outranks(candidate: Ranked, best: Ranked): boolean {
  if (candidate.marker !== best.marker) return candidate.marker > best.marker;
  if (candidate.marker > 0) return true;
  const length = (r: Ranked) => r.found.end - r.found.start;
  if (length(candidate) !== length(best)) return length(candidate) > length(best);
  const isCode = (r: Ranked) => r.found.match.via === 'postcode' || r.found.match.via === 'code';
  return isCode(candidate) && !isCode(best);
}
/**
 * What findInTokens knows of the sentence beyond its tokens: the « a » typed without accent that stay weak markers
 * (see unaccentedAReadsAsA), whether names of two letters may be read after a marker (« à Eu »; not in English:
 * « near us »), and the tokens of a département named, which no commune name may run into (« Indre-et-Loire » is
 * not Indre).
 */
type Reading = { weakA?: ReadonlySet<number>; shortNames: boolean; departement?: DepartementMention | null };

/** English markers: after them a word of two letters is English (« near us », « at it »), not a French village. */
const ENGLISH_MARKERS: ReadonlySet<string> = new Set(['near', 'in', 'at', 'around', 'nearby', 'rather']);
/** Names of this many letters are read only after a clear marker (« à Eu », « près de Us »), never alone. */
const SHORT_NAME_LENGTH = 2;

/** A name typed with typos over the words [start, end): its group and how many edits away it is. */
type FuzzySpan = { group: number; distance: number; start: number; end: number };

export type FindOptions = {
  /** Words the caller already understood (kinds of service, days…): never taken for a place on their own. */
  ignoreWords?: ReadonlySet<string>;
  /**
   * The caller understood the rest of the sentence ("laep venisieux"), so the few words left are surely the place
   * and may be matched with typos even without "à" or "près de" before them.
   */
  restIsPlace?: boolean;
};

/**
 * Population from which a commune named like a département of which it is not part (Vienne, Isère) is read as the
 * town when nothing announces either: below it (Creuse in the Somme, Allier in the Hautes-Pyrénées), the département.
 */
const TOWN_NAMED_LIKE_ITS_DEPARTEMENT = 20_000;

/** Population below which a single unannounced word is not taken for a commune (see findInTokens). */
const LONE_WORD_MIN_POPULATION = 2000;

/** Longest place name we look for inside a sentence, in words ("saint georges de reneins" is 4; some have 6). */
const MAX_NAME_TOKENS = 7;

/**
 * A longer name typed with typos beats an exact shorter one only if each of its typos is paid for by at least this
 * many letters typed beyond the shorter name: "vaux en velin" (1 typo, 7 more letters) is Vaulx-en-Velin.
 */
const NEAR_COMPLETE = 4;
/** Typo look-ups remembered (a word and its budget each): a few megabytes at most. */
const REMEMBERED_CLOSEST_NAMES = 20_000;

/**
 * The words of a name key as users may type them: each word, and an elided letter joined to the next word as it is
 * often typed ("mont dor" for "mont d or", "larbresle").
 */
function wordsOfName(key: string): string[] {
  const words = key.split(' ');
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) if (words[i].length === 1) out.push(words[i] + words[i + 1]);
  return out;
}

/**
 * How many edits a reading of `length` words must stay within to beat `best`: as many if it is longer (the longer
 * of two equally close readings wins), fewer otherwise.
 */
function distanceToBeat(best: FuzzySpan | null, length: number): number {
  if (!best) return Infinity;
  return length > best.end - best.start ? best.distance : best.distance - 1;
}

function typoBudget(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  if (length <= 14) return 2;
  return 3;
}

/**
 * Whether the words [start, end) run into a département named (« indre » of « en Indre-et-Loire »), without being
 * a name that holds it whole.
 */
function runsIntoDepartement(reading: Reading, start: number, end: number): boolean {
  const departement = reading.departement;
  if (!departement) return false;
  const overlaps = start < departement.end && end > departement.start;
  const holds = start <= departement.markerStart && end >= departement.end;
  return overlaps && !holds;
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
  private fuzzyBuckets: Map<string, FuzzyBucket> | null = null;
  /** Per typo budget, each word's closest name. */
  private readonly closestNames = new Map<number, (word: string) => { group: number; distance: number } | null>();
  private nameWordBuckets: Map<string, NameWordBucket> | null = null;
  private map: { located: Int32Array; spatial: KDBush } | null = null;
  private departementIndex: Departements | null = null;

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
    this.nameWords();
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

  private fuzzy(): Map<string, FuzzyBucket> {
    if (this.fuzzyBuckets) return this.fuzzyBuckets;
    const byBucket = new Map<string, FuzzyEntry[]>();
    const { keys, start, values } = this.table.nameGroups;
    valuesOf(keys).forEach((key, group) => {
      const compact = key.replace(/ /g, '');
      const bucketKey = fuzzyBucket(compact[0], compact.length);
      const population = start[group + 1] > start[group] ? this.population(values[start[group]]) : 0;
      const entry = { compact, group, population };
      const entries = byBucket.get(bucketKey);
      if (entries) entries.push(entry);
      else byBucket.set(bucketKey, [entry]);
    });
    const buckets = new Map<string, FuzzyBucket>();
    for (const [bucketKey, entries] of byBucket) {
      const masks = Int32Array.from(entries, (e) => letterMask(e.compact));
      const repeats = Int32Array.from(entries, (e) => repeatedLetterMask(e.compact));
      buckets.set(bucketKey, { masks, repeats, entries });
    }
    return (this.fuzzyBuckets = buckets);
  }

  /** The words names are made of, grouped like the names (see fuzzyBucket), with their letters (letterMask). */
  private nameWords(): Map<string, NameWordBucket> {
    if (this.nameWordBuckets) return this.nameWordBuckets;
    const byBucket = new Map<string, string[]>();
    const seen = new Set<string>();
    for (const key of valuesOf(this.table.nameGroups.keys)) {
      for (const word of wordsOfName(key)) {
        if (seen.has(word)) continue;
        seen.add(word);
        const bucketKey = fuzzyBucket(word[0], word.length);
        const words = byBucket.get(bucketKey);
        if (words) words.push(word);
        else byBucket.set(bucketKey, [word]);
      }
    }
    const buckets = new Map<string, NameWordBucket>();
    for (const [bucketKey, words] of byBucket) buckets.set(bucketKey, { masks: Int32Array.from(words, letterMask), words });
    return (this.nameWordBuckets = buckets);
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

  /**
   * The commune one word would be read as, typed with typos, whether or not it is an ordinary word: for the tool that
   * lists the ordinary words near a commune's name (tests/geo/tools/buildWordsNearCommunes.ts).
   */
  closestToWord(word: string): CommuneMatch | null {
    const key = placeKey(word);
    const budget = typoBudget(key.length);
    if (key.includes(' ') || budget === 0 || this.nameIndex().byName.has(key)) return null;
    const close = this.closestName(key, budget);
    if (!close || this.groupSize(close.group) === 0) return null;
    return this.finish({ match: this.matchOf(close.group, key, 'fuzzy'), start: 0, end: 1 }, sentenceTokens(key));
  }

  /** A text that is only a place: "venisieux", "69100", "Lyon 1er", "saint priest", "à Givors". */
  resolve(text: string): CommuneMatch | null {
    const sentence = sentenceTokens(text.slice(0, 200));
    const { tokens } = sentence;
    let from = 0;
    while (tokens.length - from > 1 && isPlaceMarkerBefore(tokens.slice(from), 1)) from += 1;
    while (tokens.length - from > 2 && isPlaceMarkerBefore(tokens.slice(from), 2)) from += 2;
    if (tokens.length - from === 0) return null;
    const whole = this.exactMatch(tokens, from, tokens.length);
    if (whole) return this.finish({ match: whole, start: from, end: tokens.length }, sentence);
    const rest = tokens.slice(from);
    const compact = rest.join('');
    const budget = typoBudget(compact.length);
    // A word spelt right is not a place typed wrong: "danger" is not Dangers.
    const spelt = rest.length === 1 && isSpeltWord(rest[0]);
    const close = budget > 0 && !spelt && !/^\d+$/.test(compact) ? this.closestName(compact, budget) : null;
    if (close && this.groupSize(close.group) > 0) {
      return this.finish({ match: this.matchOf(close.group, rest.join(' '), 'fuzzy'), start: from, end: tokens.length }, sentence);
    }
    const found = this.findInTokens(tokens, {}, false, { shortNames: false });
    return found ? this.finish(found, sentence) : null;
  }

  /**
   * The place a sentence names ("un LAEP ouvert le samedi près de Vénissieux"), or null. A name counts when the
   * sentence marks it (see placeMarkers), when it is the whole message, or when it is no ordinary word; of several,
   * the marked one wins, then the more strongly marked, then the last (see placeMarkers).
   */
  findInSentence(text: string, options: FindOptions = {}): CommuneMatch | null {
    const sentence = sentenceTokens(text.slice(0, 1000));
    const { tokens } = sentence;
    const english = detectLanguage(sentence.text) === 'en';
    const weakA = new Set([...sentence.unaccentedA].filter((k) => !unaccentedAReadsAsA(tokens, k, english, isCapitalised(sentence, k + 1))));
    const departement = findDepartement(sentence, this.departements(), (k) => isCapitalised(sentence, k), options.restIsPlace === true);
    const reading: Reading = { weakA, shortNames: !english, departement };
    const found = this.findInTokens(tokens, options, false, reading);
    const commune = found ? this.finish(found, sentence, weakA) : null;
    if (!departement) return commune;
    const named = this.departementMatch(departement, sentence);
    if (!named || !commune) return named ?? commune;
    return this.communeBeats(commune, departement, sentence) ? commune : named;
  }

  /**
   * Whether a commune found beats a département named in the same sentence: when it lies in it (« à Bron dans le
   * Rhône », « Saint-Julien dans le Var »: the commune says more), when it was read on the same words, or when it
   * was announced more strongly (« je suis dans le Rhône mais je cherche vers Bron »), or as strongly and later.
   */
  private communeBeats(commune: CommuneMatch, departement: DepartementMention, sentence: SentenceTokens): boolean {
    if (commune.commune.departement === departement.code) return true;
    const strength = (marking: CommuneMatchMarking) =>
      marking === 'search' || marking === 'plain' || marking === 'residence' ? MARKING_STRENGTH[marking] : marking === 'postcode' ? POSTCODE_STRENGTH : 0;
    const communeStrength = strength(commune.marking);
    const words = new Set(wordsOfTokens(sentence, departement.start, departement.end));
    if (commune.tokenIndexes.some((w) => words.has(w))) {
      // The commune was read on the département's own words (« Creuse », « laep vendée »): the département, unless
      // the commune was announced (« à Vienne », « la commune de Creuse », its postcode) or is a town of its own
      // that a parent names as such (Vienne, Isère). A small homonym elsewhere is never taken silently.
      const postcodeTyped = commune.commune.postcodes.some((code) => sentence.tokens.includes(code));
      return communeStrength > 0 || postcodeTyped || commune.commune.population >= TOWN_NAMED_LIKE_ITS_DEPARTEMENT;
    }
    const departementStrength = departement.marked ? MARKING_STRENGTH.plain : 0;
    if (communeStrength !== departementStrength) return communeStrength > departementStrength;
    return (commune.tokenIndexes[0] ?? 0) > sentence.wordOf[departement.start];
  }

  /** A département named, as a match around its chef-lieu; null when the data gives it none. */
  private departementMatch(mention: DepartementMention, sentence: SentenceTokens): CommuneMatch | null {
    const departements = this.departements();
    const chefLieu = this.byCode(departements.chefLieu.get(mention.code) ?? '');
    const name = departements.names.get(mention.code);
    if (!chefLieu || name === undefined) return null;
    const tokenIndexes = wordsOfTokens(sentence, mention.start, mention.end);
    return {
      commune: chefLieu,
      alternatives: [],
      matched: sentence.tokens.slice(mention.start, mention.end).join(' '),
      typed: typedWords(sentence, tokenIndexes[0], tokenIndexes[tokenIndexes.length - 1]),
      via: 'departement',
      tokenIndexes,
      markerIndexes: wordsOfTokens(sentence, mention.markerStart, mention.start),
      marking: 'departement',
      ambiguous: false,
      candidates: candidatesOf([chefLieu], departements),
      departement: { code: mention.code, name, article: departements.article.get(mention.code) ?? '' },
    };
  }

  /**
   * The candidate a parent's answer to « which one? » names (a département, a postcode, a position in the list as
   * shown): see homonyms.ts.
   */
  resolveAmong(candidates: readonly PlaceCandidate[], answerText: string): PlaceCandidate | null {
    return resolveAmong(candidates, answerText);
  }

  private departements(): Departements {
    return (this.departementIndex ??= departementsOf(this.table.departements));
  }

  /** The match as the caller reads it: the words it used, how it was announced, its homonyms and whether to ask. */
  private finish(found: Found, sentence: SentenceTokens, weakA: ReadonlySet<number> = sentence.unaccentedA): CommuneMatch {
    const { tokens } = sentence;
    const { match, start, end } = found;
    const marker = placeMarkerBefore(tokens, start, weakA);
    let communes = [match.commune, ...match.alternatives];
    let alternatives = match.alternatives;
    let commune = match.commune;
    let wordsEnd = wordsOfTokens(sentence, start, end).at(-1) ?? sentence.wordOf[start];
    const typed = typedWords(sentence, sentence.wordOf[start], wordsEnd);
    // « Saint-Priest 07 », « Saint-Julien (Ain) », « Saint-Priest 69800 »: the parent said which.
    const qualifier = match.via === 'name' || match.via === 'fuzzy' ? qualifierAfter(sentence.words, wordsEnd + 1, communes, this.departements()) : null;
    if (qualifier) {
      communes = qualifier.communes;
      [commune, ...alternatives] = qualifier.communes;
      wordsEnd = qualifier.end - 1;
    }
    const first = sentence.wordOf[start];
    const tokenIndexes: number[] = [];
    for (let w = first; w <= wordsEnd; w++) tokenIndexes.push(w);
    const candidates = candidatesOf(communes, this.departements());
    const isCode = match.via === 'postcode' || match.via === 'code';
    const markerEnd = qualifier ? sentence.wordOf.findIndex((w) => w >= qualifier.end) : end;
    const marking: CommuneMatchMarking = marker
      ? marker.marking
      : isCode
        ? 'postcode'
        : isWholeMessage(tokens, start, markerEnd < 0 ? tokens.length : markerEnd)
          ? 'alone'
          : 'unmarked';
    return {
      commune,
      alternatives,
      matched: match.matched,
      typed,
      via: match.via,
      tokenIndexes,
      markerIndexes: marker ? wordsOfTokens(sentence, marker.start, start) : [],
      marking,
      ambiguous: !isCode && !qualifier && isAmbiguous(candidates),
      candidates,
    };
  }

  private codeMatch(token: string): BaseMatch | null {
    if (!/^\d{5}$|^2[ab]\d{3}$/.test(token)) return null;
    const served = this.byPostcode(token);
    if (served.length > 0) return { commune: served[0], alternatives: served.slice(1), matched: token, via: 'postcode' };
    const commune = this.byCode(token.toUpperCase());
    return commune ? { commune, alternatives: [], matched: token, via: 'code' } : null;
  }

  private exactMatch(tokens: readonly string[], start: number, end: number): BaseMatch | null {
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
  private matchOf(group: number, matched: string, via: CommuneMatchVia): BaseMatch {
    const all = this.communesOf(this.table.nameGroups, group);
    // A former commune's name (« Villefranche » for a village merged into Charny Orée de Puisaye) means that
    // commune only when no current commune bears it: a parent who says « Villefranche » means a town called so.
    const { start, rank } = this.table.nameGroups;
    const current = all.filter((_, k) => rank[start[group] + k] !== FORMER);
    const communes = current.length > 0 ? current : all;
    return { commune: communes[0], alternatives: communes.slice(1), matched, via };
  }

  /** Whether one of the communes a name key means is called exactly that, article included ("tours", not "garde"). */
  private isOwnName(match: BaseMatch, key: string): boolean {
    return placeKey(match.commune.name) === key || match.alternatives.some((c) => placeKey(c.name) === key);
  }

  /** A word the caller understood as something else ("laep", "samedi"): a name read with typos never runs over it. */
  private isUnderstood(token: string, options: FindOptions): boolean {
    return !STOP_WORDS.has(token) && (options.ignoreWords?.has(token) ?? false);
  }

  private findInTokens(tokens: readonly string[], options: FindOptions, wholeTextIsPlace: boolean, reading: Reading): Found | null {
    let postcode: Found | null = null;
    const found = this.placeInTokens(tokens, options, wholeTextIsPlace, reading, (code) => { postcode = code; });
    return postcode ? this.withinPostcode(found, postcode) : found;
  }

  /**
   * A postcode typed says where the parent is more surely than a name: the place is one of its communes. A name read
   * elsewhere in the sentence (« a frais vallon marseille 13013 »: Frais, a village 600 km away, in a neighbourhood's
   * name) is kept only when it is one of those communes (« Villeurbanne 69100 »), or the city of one (an arrondissement's
   * postcode is the more precise of the two).
   */
  private withinPostcode(found: Found | null, postcode: Found): Found {
    if (!found || found === postcode) return postcode;
    const served = [postcode.match.commune, ...postcode.match.alternatives];
    return served.some((c) => c.code === found.match.commune.code) ? found : postcode;
  }

  private placeInTokens(
    tokens: readonly string[], options: FindOptions, wholeTextIsPlace: boolean, reading: Reading, sawPostcode: (found: Found) => void,
  ): Found | null {
    const { longestFrom } = this.nameIndex();
    let best: Ranked | null = null;
    for (let start = 0; start < tokens.length; start++) {
      const marker = placeMarkerBefore(tokens, start, reading.weakA);
      // No name starts with most words: only a code may then be read there.
      const longest = Math.max(1, longestFrom.get(tokens[start]) ?? 0);
      for (let end = Math.min(tokens.length, start + MAX_NAME_TOKENS, start + longest); end > start; end--) {
        const length = end - start;
        if (runsIntoDepartement(reading, start, end)) continue;
        if (length === 1) {
          const token = tokens[start];
          if (!/^\d+$/.test(token) && token.length < 3 && !(token.length === SHORT_NAME_LENGTH && this.mayBeShortName(tokens, start, marker, reading))) continue;
          if (STOP_WORDS.has(token) || options.ignoreWords?.has(token)) continue;
        }
        const match = this.exactMatch(tokens, start, end);
        if (!match) continue;
        const isCode = match.via === 'postcode' || match.via === 'code';
        const key = tokens.slice(start, end).join(' ');
        // An ordinary word ("garde", "danger", "tours", "la garde") is a place only when clearly announced, or when it
        // is the whole message typed as the commune's own name ("Tours", "La Garde"; not "garde").
        if ((!marker || marker.weak) && !isCode && isOrdinaryName(key)) {
          if (!(wholeTextIsPlace || isWholeMessage(tokens, start, end, true)) || !this.isOwnName(match, key)) continue;
        }
        if (!marker && !isCode) {
          // A lone word with nothing announcing a place is read as a village only if it is a town of some size:
          // "table" in a sentence is a word, not La Table.
          // A village followed by its département is announced by it (« Felletin Creuse », « Felletin en Creuse »).
          const small = length === 1 && match.commune.population < LONE_WORD_MIN_POPULATION;
          if (small && !wholeTextIsPlace && !isWholeMessage(tokens, start, end) && !this.departementFollows(match, end, reading)) continue;
        }
        const ranked: Ranked = { found: { match, start, end }, marker: marker ? MARKING_STRENGTH[marker.marking] : isCode ? POSTCODE_STRENGTH : 0 };
        if (match.via === 'postcode') sawPostcode(ranked.found);
        if (!best || outranks(ranked, best)) best = ranked;
        // The words of a name are not read again as the start of another ("Villefranche-sur-Saône" is not "Saône").
        start = end - 1;
        break;
      }
    }
    if (best) {
      // A place announced but typed with a typo beats a name nobody announced ("Villeurbanne ou plutôt vers venisieux").
      if (best.marker === 0) {
        const marked = this.fuzzyInTokens(tokens, options, false, true, reading);
        if (marked) return marked;
      }
      const longer = this.longerNameWithTypos(tokens, best.found, options);
      return longer && !runsIntoDepartement(reading, longer.start, longer.end) ? longer : best.found;
    }
    return this.fuzzyInTokens(tokens, options, wholeTextIsPlace, false, reading);
  }

  /** Whether the département named right after the words of a match (from `end`) is that of one of its communes. */
  private departementFollows(match: BaseMatch, end: number, reading: Reading): boolean {
    const departement = reading.departement;
    if (!departement || departement.markerStart !== end) return false;
    return [match.commune, ...match.alternatives].some((c) => c.departement === departement.code);
  }

  /**
   * Whether a word of two letters may be a commune (« à Eu »): only after a clear marker (not an « a » that may be
   * the verb), in French, and not after a subject of « avoir » even if « à » was typed (« il à eu peur »).
   */
  private mayBeShortName(tokens: readonly string[], start: number, marker: ReturnType<typeof placeMarkerBefore>, reading: Reading): boolean {
    if (!reading.shortNames || !marker || marker.weak || ENGLISH_MARKERS.has(tokens[marker.start])) return false;
    return !(tokens[marker.start] === 'a' && SUBJECTS_BEFORE_AVOIR.has(tokens[marker.start - 1] ?? ''));
  }

  /**
   * A longer name typed with typos over the words around an exact one: "vaux en velin" is Vaulx-en-Velin, not the
   * village of Vaux followed by two words, and "st genie laval" is Saint-Genis-Laval, not Laval. The longer name wins
   * only when nearly all the letters typed around the exact name are its own, and never runs over a word the caller
   * understood ("Bron le samedi" stays Bron).
   */
  private longerNameWithTypos(tokens: readonly string[], exact: Found, options: FindOptions): Found | null {
    if (exact.match.via !== 'name') return null;
    // The words around that may belong to the same name: small words, or words of some name give or take a typo.
    const mayBeOfName = (k: number) => STOP_WORDS.has(tokens[k]) || (!this.isUnderstood(tokens[k], options) && this.isNearNameWord(tokens[k]));
    let first = exact.start;
    while (first > 0 && exact.end - first < MAX_NAME_TOKENS && mayBeOfName(first - 1)) first--;
    let last = exact.end;
    while (last < tokens.length && last - exact.start < MAX_NAME_TOKENS && mayBeOfName(last)) last++;
    let best: FuzzySpan | null = null;
    for (let start = exact.start; start >= first; start--) {
      // Longest first: a shorter reading must then be strictly closer to win, which narrows its search.
      for (let end = Math.min(last, start + MAX_NAME_TOKENS); end >= exact.end; end--) {
        let around = 0;
        let aroundWords = 0;
        for (let k = start; k < end; k++) {
          if (k >= exact.start && k < exact.end) continue;
          around += tokens[k].length;
          if (!STOP_WORDS.has(tokens[k])) aroundWords++;
        }
        if (aroundWords === 0) continue;
        const found = this.closestSpan(tokens, start, end, Math.min(Math.floor(around / NEAR_COMPLETE), distanceToBeat(best, end - start)));
        if (found && this.wordsAreOf(found.group, tokens, start, end, true)) best = found;
      }
    }
    return best ? this.fuzzyMatchOf(tokens, best) : null;
  }

  /**
   * Whether each word typed is, give or take a typo after its first letter (or two in a long word, unless `oneTypo`),
   * a word of the name: "gap centre ville" is Gap and two words, not Garentreville, and "lent quartier" is not Le
   * Quartier.
   */
  private wordsAreOf(group: number, tokens: readonly string[], start: number, end: number, oneTypo: boolean): boolean {
    const words = wordsOfName(this.table.nameGroups.keys.at(group) ?? '');
    for (let k = start; k < end; k++) {
      if (STOP_WORDS.has(tokens[k])) continue;
      const typed = tokens[k];
      const isTyped = (word: string) => {
        const typos = oneTypo ? 1 : Math.max(1, typoAllowance(word.length > typed.length ? word : typed));
        return word[0] === typed[0] && editDistance(typed, word, typos) <= typos;
      };
      if (!words.some(isTyped)) return false;
    }
    return true;
  }

  /**
   * Whether a typed word is, give or take one typo after its first letter, a word of some name. Not remembered per
   * word: a memo here made « à Villars » resolve to another commune after some hundreds of sentences (the property
   * test in tests/geo/places.test.ts found it), for a gain of a few microseconds.
   */
  private isNearNameWord(typed: string): boolean {
    const buckets = this.nameWords();
    const mask = letterMask(typed);
    for (let length = typed.length - 1; length <= typed.length + 1; length++) {
      const bucket = buckets.get(fuzzyBucket(typed[0], length));
      if (!bucket) continue;
      const { masks, words } = bucket;
      for (let k = 0; k < words.length; k++) {
        if (maskDistance(mask, 0, masks[k], 0) <= 1 && editDistance(typed, words[k], 1) <= 1) return true;
      }
    }
    return false;
  }

  /**
   * Typo-tolerant matching, tried only where a place is expected (after "à", "près de"…, or on the words left when
   * everything else was understood), so that ordinary words never turn into villages.
   */
  private fuzzyInTokens(tokens: readonly string[], options: FindOptions, wholeTextIsPlace: boolean, onlyMarked: boolean, reading: Reading): Found | null {
    const spans: Array<[number, number]> = [];
    for (let start = 0; start < tokens.length; start++) {
      const word = tokens[start];
      const marker = placeMarkerBefore(tokens, start);
      if (!marker || STOP_WORDS.has(word) || options.ignoreWords?.has(word)) continue;
      // Against a name nobody announced, only a search marker ("vers", "près de", "plutôt") makes a typo worth reading:
      // "à partir de", "sur rendez-vous" are no places.
      if (onlyMarked && marker.marking !== 'search') continue;
      // A word spelt right is not a place typed wrong ("danger" is not Dangers), and a word that also names some
      // village ("saint", "mont") is read with the words after it, never alone.
      if (!isSpeltWord(word)) spans.push([start, start + 1]);
      // A name of several words runs on only over words that names are made of ("à vaux en vellin", not "à
      // villeurbane existe-t-il").
      const last = Math.min(tokens.length, start + MAX_NAME_TOKENS);
      for (let end = start + 2; end <= last; end++) {
        const next = tokens[end - 1];
        if (!STOP_WORDS.has(next) && (this.isUnderstood(next, options) || !this.isNearNameWord(next))) break;
        spans.push([start, end]);
      }
    }
    const content: number[] = [];
    tokens.forEach((t, i) => {
      // Politeness and markers are no place either ("merci" is not Mercy).
      if (!STOP_WORDS.has(t) && !AROUND_A_PLACE_ALONE.has(t) && !(options.ignoreWords?.has(t) ?? false)) content.push(i);
    });
    // The words left over are the place when the caller says so, or when they are the whole message ("venisieux").
    const leftOverIsPlace = options.restIsPlace === true ? content.length <= 4 : content.length <= 2 && content.length === tokens.filter((t) => !STOP_WORDS.has(t) && !AROUND_A_PLACE_ALONE.has(t)).length;
    // Ordinary words left over are what the parent said, not a place typed wrong ("mon enfant est en danger").
    const leftOverIsWords = content.every((k) => isSpeltWord(tokens[k]));
    if (!onlyMarked && !leftOverIsWords && content.length > 0 && (leftOverIsPlace || wholeTextIsPlace)) {
      const first = content[0];
      const last = content[content.length - 1];
      // Small words may stand between the words of a name ("vaux en velin"), words understood otherwise may not.
      let together = true;
      for (let i = first; i <= last && together; i++) together = !this.isUnderstood(tokens[i], options);
      if (together || wholeTextIsPlace) {
        spans.push([first, last + 1]);
        // Only towns are known without their article ("arbresle"): "les ardilats" is read with it.
        if (first > 0 && LEADING_ARTICLES.has(tokens[first - 1])) spans.push([first - 1, last + 1]);
      }
    }
    let best: FuzzySpan | null = null;
    spans.forEach(([start, end], i) => {
      // The words left over may be those after "à": read once.
      if (spans.findIndex(([s, e]) => s === start && e === end) < i) return;
      if (runsIntoDepartement(reading, start, end)) return;
      const found = this.closestSpan(tokens, start, end, distanceToBeat(best, end - start));
      // Several words read as one name must each be one of its words ("vaux en vellin"): read together, ordinary
      // words come close to many villages ("the bot is down"), and more so after an article ("la comptine").
      if (found && (end - start === 1 || this.wordsAreOf(found.group, tokens, start, end, STOP_WORDS.has(tokens[start])))) best = found;
    });
    return best ? this.fuzzyMatchOf(tokens, best) : null;
  }

  /**
   * The name closest to the words [start, end) within the typo budget of their length and at most `most` edits
   * away, or null. A span never ends on a small word and starts on one only if it is an article ("la mulatier"):
   * names do not.
   */
  private closestSpan(tokens: readonly string[], start: number, end: number, most: number): FuzzySpan | null {
    const first = tokens[start];
    if (STOP_WORDS.has(tokens[end - 1]) || (STOP_WORDS.has(first) && !(end - start > 1 && LEADING_ARTICLES.has(first)))) return null;
    let compact = first;
    for (let k = start + 1; k < end; k++) compact += tokens[k];
    const budget = Math.min(typoBudget(compact.length), most);
    if (typoBudget(compact.length) === 0 || budget < 0 || /^\d+$/.test(compact)) return null;
    const found = this.closestName(compact, budget);
    if (!found || this.groupSize(found.group) === 0) return null;
    return { group: found.group, distance: found.distance, start, end };
  }

  private fuzzyMatchOf(tokens: readonly string[], span: FuzzySpan): Found {
    return { match: this.matchOf(span.group, tokens.slice(span.start, span.end).join(' '), 'fuzzy'), start: span.start, end: span.end };
  }

  /**
   * The same words come back from message to message ("familles", "parents", "groupe"): the closest name of each
   * word and budget is remembered, up to a bound.
   */
  private closestName(compact: string, budget: number): { group: number; distance: number } | null {
    let withinBudget = this.closestNames.get(budget);
    if (!withinBudget) {
      withinBudget = rememberMany(REMEMBERED_CLOSEST_NAMES, (word) => this.searchClosestName(word, budget));
      this.closestNames.set(budget, withinBudget);
    }
    return withinBudget(compact);
  }

  private searchClosestName(compact: string, budget: number): { group: number; distance: number } | null {
    let best: { group: number; distance: number; population: number } | null = null;
    const buckets = this.fuzzy();
    const mask = letterMask(compact);
    const repeats = repeatedLetterMask(compact);
    for (let length = compact.length - budget; length <= compact.length + budget; length++) {
      const bucket = buckets.get(fuzzyBucket(compact[0], length));
      if (!bucket) continue;
      const { masks, entries } = bucket;
      for (let k = 0; k < entries.length; k++) {
        // Only a name as close as the best so far can still win: most are ruled out by their letters alone.
        const bound = best ? best.distance : budget;
        if (maskDistance(mask, repeats, masks[k], bucket.repeats[k]) > bound) continue;
        const entry = entries[k];
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

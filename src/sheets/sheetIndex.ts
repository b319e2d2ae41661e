import { Index } from 'flexsearch';
import { editDistance, fold, typoAllowance } from '../language/text';
import { lookupGlossary } from './glossary';
import { readCodeLine } from './layout/codes';
import type { Plan, Sheet, SheetField } from './model';
import { PlanNamer } from './planNames';
import { mineAcronyms, type SheetAcronym } from './sheetAcronyms';
import { normaliseTerm, searchTerms, searchTermsOfEach } from './terms';
import { rememberMany } from '../shared/remember';

/**
 * Everything questions are answered from: sheet numbers looked up exactly (never tokenised), and a full-text index:
 * flexsearch holds each whole sheet, and each passage (title, axis, unknown heading, item) keeps its own words.
 * flexsearch finds the sheets holding each word, then their passages are matched; ranking is ours: a word weighs more the fewer passages hold it, and a passage or a
 * sheet scores the share of the question's weight it covers — a score between 0 and 1 that says how well it matches.
 */

export type PassageKind = 'title' | 'axis' | 'heading' | 'item';

export interface Passage {
  sheet: number;
  kind: PassageKind;
  /** Index in `sheet.sections`; -1 for the title and axis. */
  section: number;
  /** Index in the section's items; -1 for a heading. */
  item: number;
  field: SheetField | undefined;
  text: string;
  terms: readonly string[];
}

export interface QueryTerm {
  /** The word as the question has it, folded. */
  typed: string;
  /** The indexed term it stands for (after typo correction when `corrected`). */
  term: string;
  weight: number;
  known: boolean;
  corrected: boolean;
  /** Words of the same family ("développement" for "développer"), matched for less. */
  variants: readonly string[];
  /** An abbreviation's long forms, as word lists: a passage holding all the words of one holds the abbreviation. */
  longForms: ReadonlyArray<readonly string[]>;
}

export interface PassageMatch {
  passage: Passage;
  /** Share of the question's weight this passage holds, 0..1. */
  score: number;
  matched: Set<string>;
  /** Weight each matched term brought (less when only a relative of it matched). */
  weights: Map<string, number>;
}

export interface SheetMatch {
  sheet: Sheet;
  /** Blend of the sheet's coverage, its best passage and its title, 0..1 (plus a small plan boost). */
  score: number;
  coverage: number;
  titleCoverage: number;
  best: number;
  passages: PassageMatch[];
  matched: Set<string>;
}

export interface SearchOptions {
  /** Only passages of these fields (titles excluded). */
  fields?: readonly SheetField[];
  /** Only sheets of these plans. */
  planIds?: readonly string[];
  /** Sheets of these plans rank a little higher. */
  boostPlanIds?: readonly string[];
  /** Only these sheets. */
  sheetIds?: readonly string[];
}

export interface SheetNumberQuery {
  /** "3.2.1" when the question wrote dots. */
  number?: string;
  /** "321". */
  digits: string;
  /** "pa", "fiche"… as typed. */
  prefix?: string;
}

const CORRECTED_WEIGHT = 0.8;
/** Words of a family share this many first letters, and are at least this long. */
const RELATIVE_PREFIX = 7;
const MIN_RELATIVE_LENGTH = 8;
const MAX_RELATIVES = 12;
const RELATIVE_WEIGHT = 0.7;
const MAX_REMEMBERED_CORRECTIONS = 50_000;
/** A word held by more sheets than this share (and this count) does not bring candidates of its own. */
const COMMON_SHARE = 0.2;
const MIN_COMMON_SHEETS = 50;
/**
 * The main dialog scores a message, then the journey answers it with a search or two of its own: the searches of
 * one turn are kept, not more (a longer memory would answer repeated questions from memory).
 */
const REMEMBERED_SEARCHES = 4;
const PLAN_BOOST = 0.1;
const WEIGHTS = { coverage: 0.45, best: 0.35, title: 0.2 } as const;

/** A code of a sheet other than its own, read from its title: « FICHE N°4 - ACTION 2.3 : … » is also « ACTION 2.3 ». */
interface SecondaryCode {
  sheet: Sheet;
  /** "action", folded. */
  prefix: string;
}

/** Sheet numbers in a plan's order: "2.3.2" before "3.2.1", "9" before "12", "B2" before "B10". */
export function compareSheetNumbers(a: string, b: string): number {
  const parts = (number: string) => number.split(/[.-]/).flatMap((part) => part.match(/[A-Za-z]+|\d+/g) ?? []);
  const left = parts(a);
  const right = parts(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === y) continue;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    if (numeric) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** Below full coverage, one sheet may still be offered as the closest when it covers this much… */
const MIN_PARTIAL_COVERAGE = 0.4;
/** …and scores this many times the next sheet. */
const PARTIAL_LEAD = 1.4;

/**
 * The one sheet that holds a good part of a topic, far ahead of any other, when none holds it well (« les LAEP en
 * milieu rural »: no sheet says « milieu »), with the words it lacks, as typed. One word in common is chance
 * (« jardinage partagé » and a sheet that says « partagé »): it must hold most of the words, two at least.
 * `matches` are a search's, best first.
 */
export function partialTopicMatch(matches: readonly SheetMatch[], terms: readonly QueryTerm[]): { match: SheetMatch; missing: string[] } | undefined {
  const [best, second] = matches;
  if (!best || best.coverage < MIN_PARTIAL_COVERAGE || (second && best.score < second.score * PARTIAL_LEAD)) return undefined;
  const missing = terms.filter((term) => !best.matched.has(term.term)).map((term) => term.typed);
  if (best.matched.size < 2 || best.matched.size <= missing.length) return undefined;
  return { match: best, missing };
}

/** "3.2.1" → "321", "B2" → "b2": a number as a question may type it, without its dots. */
function digitsOf(number: string): string {
  return number.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class SheetIndex {
  readonly plans: readonly Plan[];
  readonly planNamer: PlanNamer;
  private readonly byId = new Map<string, Sheet>();
  private readonly position = new Map<Sheet, number>();
  private readonly byNumber = new Map<string, Sheet[]>();
  private readonly byDigits = new Map<string, Sheet[]>();
  private readonly bySecondaryNumber = new Map<string, SecondaryCode[]>();
  /** Each plan's sheets in the plan's order (by number), for « la fiche suivante ». */
  private readonly planOrder = new Map<string, Sheet[]>();
  /** The prefixes sheets use, folded and without spaces or dashes ("pa", "fa", "ficheaction"). */
  private readonly prefixes = new Set<string>();
  private readonly passages: Passage[] = [];
  private readonly sheetPassages: Array<readonly [start: number, end: number]> = [];
  private readonly documentFrequency = new Map<string, number>();
  private readonly text = new Index({ tokenize: 'strict', resolution: 1, encode: (content: string) => content.split(' ') });
  private vocabularyByLength: Map<number, string[]> | undefined;
  private vocabularyByPrefix: Map<string, string[]> | undefined;
  private readonly corrections = rememberMany(MAX_REMEMBERED_CORRECTIONS, (term) => this.searchClosestTerm(term));
  private readonly resolvedWords = rememberMany(MAX_REMEMBERED_CORRECTIONS, (typed) => this.resolveWord(typed));
  private readonly searches = new Map<string, SheetMatch[]>();
  /** Each word, with the passages that hold it (ascending ids): a search reads only the passages its words are in. */
  private readonly passagesWithTerm = new Map<string, number[]>();
  private acronyms: Map<string, SheetAcronym> | undefined;

  private constructor(readonly sheets: readonly Sheet[]) {
    const plans = new Map<string, Plan>();
    sheets.forEach((sheet, index) => {
      if (!plans.has(sheet.plan.id)) plans.set(sheet.plan.id, sheet.plan);
      this.byId.set(sheet.id, sheet);
      this.position.set(sheet, index);
      pushTo(this.byNumber, sheet.number, sheet);
      pushTo(this.byDigits, digitsOf(sheet.number), sheet);
      pushTo(this.planOrder, sheet.plan.id, sheet);
      this.prefixes.add(fold(sheet.prefix).replace(/[^a-z]/g, ''));
      const secondary = readCodeLine(sheet.title.trim());
      if (secondary && (secondary.number !== sheet.number || fold(secondary.prefix) !== fold(sheet.prefix))) {
        pushTo(this.bySecondaryNumber, secondary.number, { sheet, prefix: fold(secondary.prefix).replace(/[^a-z]/g, '') });
      }
      this.addSheet(sheet, index);
    });
    for (const list of this.planOrder.values()) list.sort((a, b) => compareSheetNumbers(a.number, b.number));
    this.plans = [...plans.values()];
    this.planNamer = new PlanNamer(this.plans);
  }

  static build(sheets: readonly Sheet[]): SheetIndex {
    return new SheetIndex(sheets);
  }

  /**
   * The sheet goes into flexsearch once, with all its words; its passages keep their own words, so that the best
   * passage is found among the sheets flexsearch returns.
   */
  private addSheet(sheet: Sheet, index: number) {
    const start = this.passages.length;
    const add = (kind: PassageKind, section: number, item: number, field: SheetField | undefined, text: string) =>
      this.passages.push({ sheet: index, kind, section, item, field, text, terms: [] });
    add('title', -1, -1, undefined, sheet.title);
    const axis = sheet.axis.map((step) => step.title ?? '').join(' ').trim();
    if (axis) add('axis', -1, -1, undefined, axis);
    sheet.sections.forEach((section, s) => {
      if (section.field === 'other' && section.heading) add('heading', s, -1, section.field, section.heading);
      section.items.forEach((item, i) => add('item', s, i, section.field, item.text));
    });
    const end = this.passages.length;
    const texts: string[] = [];
    for (let id = start; id < end; id++) texts.push(this.passages[id].text);
    const termLists = searchTermsOfEach(texts);
    const sheetTerms = new Set<string>();
    for (let id = start; id < end; id++) {
      const terms = termLists[id - start];
      this.passages[id].terms = terms;
      for (const term of terms) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        sheetTerms.add(term);
        const holders = this.passagesWithTerm.get(term);
        if (!holders) this.passagesWithTerm.set(term, [id]);
        else if (holders[holders.length - 1] !== id) holders.push(id);
      }
    }
    this.sheetPassages.push([start, end]);
    if (sheetTerms.size > 0) this.text.add(index, [...sheetTerms].join(' '));
  }

  get size(): number {
    return this.sheets.length;
  }

  sheetById(id: string): Sheet | undefined {
    return this.byId.get(id);
  }

  /** Sheets with this number, in any plan: exact dotted number first, then the same digits ("pa321"). */
  findByNumber(query: SheetNumberQuery): Sheet[] {
    // « fiche 12 » is the sheet numbered 12 when there is one; only then « 1.2 » typed without its dot.
    const found =
      (query.number ? this.byNumber.get(query.number) ?? this.byNumber.get(query.number.toUpperCase()) : undefined) ??
      (/^\d+$/.test(query.digits) ? this.byNumber.get(query.digits) : undefined) ??
      this.byDigits.get(digitsOf(query.digits)) ??
      [];
    const prefix = query.prefix;
    // A second code in a sheet's title (« FICHE N°4 - ACTION 2.3 ») is found only under its own prefix: « l'action 2.3 ».
    const secondary = prefix && query.number ? (this.bySecondaryNumber.get(query.number.toUpperCase()) ?? []).filter((code) => code.prefix.startsWith(prefix)) : [];
    if (prefix && secondary.length > 0) {
      const own = found.filter((sheet) => fold(sheet.prefix).replace(/[^a-z]/g, '').startsWith(prefix));
      return [...own, ...secondary.map((code) => code.sheet).filter((sheet) => !own.includes(sheet))];
    }
    if (found.length < 2 || !prefix) return found;
    // Two plans may share a number under different prefixes ("PA 1.2.5", "FICHE 1.2.5"): the typed one decides.
    // An abbreviation is its words' initials: « FA 13 » names a « FICHE ACTION 13 » as well as an « FA 13 ».
    const initials = (words: string) => fold(words).split(/[^a-z]+/).filter(Boolean).map((word) => word[0]).join('');
    const samePrefix = found.filter((sheet) => sheet.prefix.toLowerCase().startsWith(prefix) || (prefix.length > 1 && initials(sheet.prefix) === prefix));
    return samePrefix.length > 0 && prefix !== 'fiche' ? samePrefix : found;
  }

  /** Whether some sheet's code starts with this prefix, folded and written without spaces ("fa", "ficheaction"). */
  usesPrefix(prefix: string): boolean {
    return this.prefixes.has(prefix);
  }

  /** The plan's sheets in its order (by number). */
  sheetsOfPlan(planId: string): readonly Sheet[] {
    return this.planOrder.get(planId) ?? [];
  }

  /** The sheet after (1) or before (-1) this one in its plan's order, if there is one. */
  adjacentSheet(sheet: Sheet, step: 1 | -1): Sheet | undefined {
    const order = this.sheetsOfPlan(sheet.plan.id);
    const at = order.indexOf(sheet);
    return at < 0 ? undefined : order[at + step];
  }

  /** Whether the sheets use this word (folded). */
  knowsWord(word: string): boolean {
    return this.documentFrequency.has(normaliseTerm(word));
  }

  hasDigits(digits: string): boolean {
    return this.byDigits.has(digitsOf(digits));
  }

  /** Sheets under an axis ("2.3" → 2.3.1, 2.3.2…), in any plan. */
  sheetsUnderAxis(axis: string): Sheet[] {
    return this.sheets.filter((sheet) => sheet.number.startsWith(`${axis}.`));
  }

  /**
   * Sheets whose number is close to one no sheet has, to suggest instead: those written with the prefix typed
   * (« FA 16 » → the FA sheets), of the plans preferred (named, or being discussed) first, numbered alike (under the
   * same axis for a dotted number, the nearest numbers for a plain one), closest first.
   */
  neighbours(query: SheetNumberQuery, options: { preferPlanIds?: readonly string[]; limit?: number } = {}): Sheet[] {
    const limit = options.limit ?? 5;
    const typed = query.number ?? query.digits;
    const prefix = query.prefix && query.prefix !== 'fiche' && query.prefix !== 'fiches' ? query.prefix : undefined;
    let pool: readonly Sheet[] = this.sheets;
    if (prefix) {
      const samePrefix = pool.filter((sheet) => fold(sheet.prefix).replace(/[^a-z]/g, '').startsWith(prefix));
      if (samePrefix.length > 0) pool = samePrefix;
    }
    const preferred = new Set(options.preferPlanIds ?? []);
    const inPreferred = pool.filter((sheet) => preferred.has(sheet.plan.id));
    if (inPreferred.length > 0) pool = inPreferred;
    const plainTyped = /^\d+$/.test(typed);
    // « PA 239 » where the plan numbers its sheets « 2.3.x »: the digits are read as levels, as findByNumber does.
    const dottedOnly = plainTyped && typed.length >= 2 && typed.length <= 4 && !pool.some((sheet) => /^\d+$/.test(sheet.number));
    const parts = dottedOnly ? typed.split('') : typed.split('.');
    if (parts.length > 1) {
      for (let depth = parts.length - 1; depth >= 1; depth--) {
        const axis = `${parts.slice(0, depth).join('.')}.`;
        const found = pool.filter((sheet) => sheet.number.startsWith(axis));
        if (found.length > 0) return found.slice(0, limit);
      }
      return [];
    }
    // A plain number: the plain-numbered sheets nearest to it.
    const value = Number(typed);
    if (!plainTyped || !Number.isFinite(value)) return [];
    const plain = pool.filter((sheet) => /^\d+$/.test(sheet.number));
    const distance = (sheet: Sheet) => Math.abs(Number(sheet.number) - value);
    return [...plain].sort((a, b) => distance(a) - distance(b) || compareSheetNumbers(a.number, b.number)).slice(0, limit);
  }

  /** An abbreviation a loaded sheet defines ("Conseil Local de la Parentalité (CLP)"). */
  sheetAcronym(folded: string): SheetAcronym | undefined {
    this.acronyms ??= mineAcronyms(this.sheets);
    return this.acronyms.get(folded);
  }

  /** How often a term occurs, for the help's examples. */
  passageCount(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** Sheets that hold a word (folded), with the first passage holding it. */
  sheetsHolding(word: string, limit = 5): Array<{ sheet: Sheet; passage: Passage }> {
    const term = normaliseTerm(word);
    const result: Array<{ sheet: Sheet; passage: Passage }> = [];
    for (const sheetIndex of [...this.sheetsWith(term)].sort((a, b) => a - b)) {
      const passage = this.passagesAt(sheetIndex).find((candidate) => candidate.terms.includes(term));
      if (passage) result.push({ sheet: this.sheets[sheetIndex], passage });
      if (result.length >= limit) break;
    }
    return result;
  }

  private rarest(words: readonly string[]): string {
    return words.reduce((rarest, word) => (this.documentFrequency.get(word) ?? 0) < (this.documentFrequency.get(rarest) ?? 0) ? word : rarest);
  }

  private sheetsWith(term: string): number[] {
    return this.text.search(term, { limit: Math.max(1, this.sheets.length) }).filter((id): id is number => typeof id === 'number');
  }

  private passagesAt(sheetIndex: number): Passage[] {
    const [start, end] = this.sheetPassages[sheetIndex];
    return this.passages.slice(start, end);
  }

  /** The question's words as weighted search terms, typos corrected against the indexed vocabulary. */
  resolveTerms(typedWords: readonly string[]): QueryTerm[] {
    const terms = new Map<string, QueryTerm>();
    for (const typed of typedWords) {
      const resolved = this.resolvedWords(typed);
      if (!resolved || terms.has(resolved.typedTerm) || terms.has(resolved.term.term)) continue;
      terms.set(resolved.term.term, resolved.term);
    }
    return [...terms.values()];
  }

  /** One word of a question as a search term: the same words come back from question to question. */
  private resolveWord(typed: string): { typedTerm: string; term: QueryTerm } | undefined {
    const typedTerm = normaliseTerm(typed);
    if (!typedTerm) return undefined;
    const total = Math.max(1, this.passages.length);
    const corrected = this.documentFrequency.has(typedTerm) ? undefined : this.closestTerm(typedTerm);
    const term = corrected ?? typedTerm;
    const variants = this.relatives(term);
    const longForms = this.longFormsOf(typed).filter((words) => words.every((word) => this.documentFrequency.has(word)));
    const known = this.documentFrequency.has(term) || variants.length > 0 || longForms.length > 0;
    // A word no sheet holds still counts in the question's weight: asking about it and finding nothing is a miss.
    const longFormFrequency = longForms.map((words) => this.documentFrequency.get(this.rarest(words)) ?? 1);
    const frequency =
      [term, ...variants].reduce((sum, word) => sum + (this.documentFrequency.get(word) ?? 0), 0) ||
      (longFormFrequency.length > 0 ? Math.min(...longFormFrequency) : 1);
    const weight = Math.log(1 + total / Math.max(1, frequency)) * (corrected ? CORRECTED_WEIGHT : 1);
    return { typedTerm, term: Object.freeze({ typed, term, weight, known, corrected: corrected !== undefined, variants, longForms }) };
  }

  /** "FNP" also stands for "fonds national parentalité": the words of its long forms (glossary, or a sheet's own). */
  private longFormsOf(typed: string): string[][] {
    const expansions = [lookupGlossary(typed)?.expansion, this.sheetAcronym(fold(typed))?.expansion].filter(
      (expansion): expansion is string => expansion !== undefined,
    );
    return expansions.map(searchTerms).filter((words) => words.length > 1);
  }

  /**
   * Indexed words of the same family, sharing a long beginning: "développer" ~ "développement",
   * "participation" ~ "participer". They count for less than the word itself.
   */
  private relatives(term: string): string[] {
    if (term.length < MIN_RELATIVE_LENGTH || /\d/.test(term)) return [];
    if (!this.vocabularyByPrefix) {
      this.vocabularyByPrefix = new Map();
      for (const known of this.documentFrequency.keys()) {
        if (known.length >= MIN_RELATIVE_LENGTH && !/\d/.test(known)) pushTo(this.vocabularyByPrefix, known.slice(0, RELATIVE_PREFIX), known);
      }
    }
    return (this.vocabularyByPrefix.get(term.slice(0, RELATIVE_PREFIX)) ?? [])
      .filter((known) => known !== term)
      .slice(0, MAX_RELATIVES);
  }

  /**
   * The indexed word a misspelt one stands for. Typos seldom touch both of the first two letters, which keeps the
   * words compared few; answers are remembered, as the same words come back from question to question.
   */
  private closestTerm(term: string): string | undefined {
    if (typoAllowance(term) === 0 || /\d/.test(term)) return undefined;
    return this.corrections(term) ?? undefined;
  }

  private searchClosestTerm(term: string): string | null {
    const allowance = typoAllowance(term);
    if (!this.vocabularyByLength) {
      this.vocabularyByLength = new Map();
      for (const known of this.documentFrequency.keys()) pushTo(this.vocabularyByLength, known.length, known);
    }
    let best: string | null = null;
    let bestDistance = Infinity;
    let bestFrequency = 0;
    for (let length = term.length - allowance; length <= term.length + allowance; length++) {
      for (const known of this.vocabularyByLength.get(length) ?? []) {
        if (known[0] !== term[0] && known[1] !== term[1]) continue;
        const limit = Math.min(allowance, typoAllowance(known));
        if (limit === 0) continue;
        const distance = editDistance(term, known, limit);
        if (distance > limit) continue;
        const frequency = this.documentFrequency.get(known) ?? 0;
        if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
          best = known;
          bestDistance = distance;
          bestFrequency = frequency;
        }
      }
    }
    return best;
  }

  /** Sheets ranked for the terms, each with its matching passages, best first. */
  search(terms: readonly QueryTerm[], options: SearchOptions = {}): SheetMatch[] {
    const key = JSON.stringify([terms.map((term) => [term.term, term.weight, term.known]), options]);
    const remembered = this.searches.get(key);
    if (remembered) return remembered;
    const found = this.rank(terms, options);
    const oldest = this.searches.keys().next();
    if (this.searches.size >= REMEMBERED_SEARCHES && !oldest.done) this.searches.delete(oldest.value);
    this.searches.set(key, found);
    return found;
  }

  private rank(terms: readonly QueryTerm[], options: SearchOptions): SheetMatch[] {
    const known = terms.filter((term) => term.known);
    const totalWeight = terms.reduce((sum, term) => sum + term.weight, 0);
    if (known.length === 0 || totalWeight === 0) return [];

    // Sheets holding the rarest word are candidates; a word most sheets hold adds none of its own, since a sheet
    // that has only such words cannot cover the question well.
    const holders = known
      .map((term) => {
        const words = [term.term, ...term.variants, ...term.longForms.map((words) => this.rarest(words))];
        return [...new Set(words.flatMap((word) => this.sheetsWith(word)))];
      })
      .sort((a, b) => a.length - b.length);
    const commonAbove = Math.max(MIN_COMMON_SHEETS, this.sheets.length * COMMON_SHARE);
    const candidates = new Set<number>(holders[0]);
    for (const list of holders.slice(1)) if (list.length <= commonAbove) for (const sheetIndex of list) candidates.add(sheetIndex);

    const fields = options.fields ? new Set(options.fields) : undefined;
    const planIds = options.planIds ? new Set(options.planIds) : undefined;
    const sheetIds = options.sheetIds ? new Set(options.sheetIds) : undefined;
    // Each word a passage may hold, with the question term it counts for and at what weight.
    const lookup = new Map<string, { term: string; weight: number }>();
    for (const term of known) {
      for (const variant of term.variants) if (!lookup.has(variant)) lookup.set(variant, { term: term.term, weight: term.weight * RELATIVE_WEIGHT });
    }
    for (const term of known) lookup.set(term.term, { term: term.term, weight: term.weight });
    const abbreviations = known.filter((term) => term.longForms.length > 0);
    // Only passages holding one of the words (or of an abbreviation's long forms) can match; the rest are skipped
    // unread, and those are weighed below exactly as a full scan would.
    const reached = new Set<number>();
    const reach = (word: string) => {
      for (const id of this.passagesWithTerm.get(word) ?? []) if (candidates.has(this.passages[id].sheet)) reached.add(id);
    };
    for (const word of lookup.keys()) reach(word);
    for (const term of abbreviations) for (const words of term.longForms) for (const word of words) reach(word);
    const perSheet = new Map<number, PassageMatch[]>();
    for (const sheetIndex of candidates) {
      const sheet = this.sheets[sheetIndex];
      if (planIds && !planIds.has(sheet.plan.id)) continue;
      if (sheetIds && !sheetIds.has(sheet.id)) continue;
      const [start, end] = this.sheetPassages[sheetIndex];
      for (let id = start; id < end; id++) {
        if (!reached.has(id)) continue;
        const passage = this.passages[id];
        if (fields && (passage.field === undefined || !fields.has(passage.field))) continue;
        let weights: Map<string, number> | undefined;
        for (const word of passage.terms) {
          const hit = lookup.get(word);
          if (!hit) continue;
          weights ??= new Map();
          if ((weights.get(hit.term) ?? 0) < hit.weight) weights.set(hit.term, hit.weight);
        }
        for (const term of abbreviations) {
          if (weights?.has(term.term) || !term.longForms.some((words) => words.every((word) => passage.terms.includes(word)))) continue;
          weights ??= new Map();
          weights.set(term.term, term.weight);
        }
        if (!weights) continue;
        let weight = 0;
        for (const value of weights.values()) weight += value;
        pushTo(perSheet, sheetIndex, { passage, score: weight / totalWeight, matched: new Set(weights.keys()), weights });
      }
    }

    const boosted = new Set(options.boostPlanIds ?? []);
    const results: SheetMatch[] = [];
    for (const [sheetIndex, matches] of perSheet) {
      const sheet = this.sheets[sheetIndex];
      const best = new Map<string, number>();
      let titleCoverage = 0;
      for (const match of matches) {
        for (const [term, weight] of match.weights) best.set(term, Math.max(best.get(term) ?? 0, weight));
        if (match.passage.kind === 'title') titleCoverage = match.score;
      }
      const matched = new Set(best.keys());
      const items = matches.filter((match) => match.passage.kind !== 'title' && match.passage.kind !== 'axis');
      items.sort((a, b) => b.score - a.score || b.matched.size / b.passage.terms.length - a.matched.size / a.passage.terms.length);
      let covered = 0;
      for (const weight of best.values()) covered += weight;
      const coverage = covered / totalWeight;
      const bestPassage = items[0]?.score ?? titleCoverage;
      const score =
        WEIGHTS.coverage * coverage + WEIGHTS.best * bestPassage + WEIGHTS.title * titleCoverage + (boosted.has(sheet.plan.id) ? PLAN_BOOST : 0);
      results.push({ sheet, score, coverage, titleCoverage, best: bestPassage, passages: items, matched });
    }
    const position = (match: SheetMatch) => this.position.get(match.sheet) ?? 0;
    return results.sort((a, b) => b.score - a.score || position(a) - position(b));
  }

  /** Every passage of a sheet, in order (for tests and the help's examples). */
  passagesOf(sheet: Sheet): Passage[] {
    const index = this.position.get(sheet);
    return index === undefined ? [] : this.passagesAt(index);
  }
}

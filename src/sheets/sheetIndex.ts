import { Index } from 'flexsearch';
import { editDistance, isCloseWord, typoAllowance } from '../language/text';
import type { Plan, Sheet, SheetField } from './model';
import { PlanNamer } from './planNames';
import { mineAcronyms, type SheetAcronym } from './sheetAcronyms';
import { normaliseTerm, searchTerms } from './terms';

/**
 * Everything questions are answered from: sheet numbers looked up exactly (never tokenised), and a full-text index
 * of every passage of every sheet (title, axis, unknown headings, each item) in flexsearch. flexsearch finds the
 * passages holding each word; ranking is ours: a word weighs more the fewer passages hold it, and a passage or a
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
}

export interface PassageMatch {
  passage: Passage;
  /** Share of the question's weight this passage holds, 0..1. */
  score: number;
  matched: Set<string>;
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

/** Words held by more passages than this are checked on candidates rather than fetched. */
const RETRIEVE_LIMIT = 3000;
const CORRECTED_WEIGHT = 0.8;
const PLAN_BOOST = 0.1;
const WEIGHTS = { coverage: 0.45, best: 0.35, title: 0.2 } as const;

function digitsOf(number: string): string {
  return number.replace(/\D/g, '');
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
  private readonly passages: Passage[] = [];
  private readonly sheetPassages: Array<readonly [start: number, end: number]> = [];
  private readonly documentFrequency = new Map<string, number>();
  private readonly text = new Index({ tokenize: 'strict', resolution: 1, encode: (content: string) => content.split(' ') });
  private vocabularyByLength: Map<number, string[]> | undefined;
  private acronyms: Map<string, SheetAcronym> | undefined;

  private constructor(readonly sheets: readonly Sheet[]) {
    const plans = new Map<string, Plan>();
    sheets.forEach((sheet, index) => {
      if (!plans.has(sheet.plan.id)) plans.set(sheet.plan.id, sheet.plan);
      this.byId.set(sheet.id, sheet);
      this.position.set(sheet, index);
      pushTo(this.byNumber, sheet.number, sheet);
      pushTo(this.byDigits, digitsOf(sheet.number), sheet);
      const start = this.passages.length;
      this.addPassage(index, 'title', -1, -1, undefined, sheet.title);
      const axis = sheet.axis.map((step) => step.title ?? '').join(' ').trim();
      if (axis) this.addPassage(index, 'axis', -1, -1, undefined, axis);
      sheet.sections.forEach((section, s) => {
        if (section.field === 'other' && section.heading) this.addPassage(index, 'heading', s, -1, section.field, section.heading);
        section.items.forEach((item, i) => this.addPassage(index, 'item', s, i, section.field, item.text));
      });
      this.sheetPassages.push([start, this.passages.length]);
    });
    this.plans = [...plans.values()];
    this.planNamer = new PlanNamer(this.plans);
  }

  static build(sheets: readonly Sheet[]): SheetIndex {
    return new SheetIndex(sheets);
  }

  private addPassage(sheet: number, kind: PassageKind, section: number, item: number, field: SheetField | undefined, text: string) {
    const terms = searchTerms(text);
    const id = this.passages.length;
    this.passages.push({ sheet, kind, section, item, field, text, terms });
    for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    if (terms.length > 0) this.text.add(id, terms.join(' '));
  }

  get size(): number {
    return this.sheets.length;
  }

  sheetById(id: string): Sheet | undefined {
    return this.byId.get(id);
  }

  /** Sheets with this number, in any plan: exact dotted number first, then the same digits ("pa321"). */
  findByNumber(query: SheetNumberQuery): Sheet[] {
    const found = (query.number ? this.byNumber.get(query.number) : undefined) ?? this.byDigits.get(query.digits) ?? [];
    if (found.length < 2 || !query.prefix) return found;
    // Two plans may share a number under different prefixes ("PA 1.2.5", "FICHE 1.2.5"): the typed one decides.
    const samePrefix = found.filter((sheet) => sheet.prefix.toLowerCase().startsWith(query.prefix as string));
    return samePrefix.length > 0 && query.prefix !== 'fiche' ? samePrefix : found;
  }

  /** Whether the sheets use this word (folded). */
  knowsWord(word: string): boolean {
    return this.documentFrequency.has(normaliseTerm(word));
  }

  hasDigits(digits: string): boolean {
    return this.byDigits.has(digits);
  }

  /** Sheets under an axis ("2.3" → 2.3.1, 2.3.2…), in any plan. */
  sheetsUnderAxis(axis: string): Sheet[] {
    return this.sheets.filter((sheet) => sheet.number.startsWith(`${axis}.`));
  }

  /** Sheets whose number is close to this one (same axis), to suggest when a number is unknown. */
  neighbours(number: string, limit = 5): Sheet[] {
    const parts = number.split('.');
    for (let depth = parts.length - 1; depth >= 1; depth--) {
      const found = this.sheetsUnderAxis(parts.slice(0, depth).join('.'));
      if (found.length > 0) return found.slice(0, limit);
    }
    return [];
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
    const seen = new Set<number>();
    for (const id of this.text.search(term, { limit: RETRIEVE_LIMIT }) as number[]) {
      const passage = this.passages[id];
      if (seen.has(passage.sheet)) continue;
      seen.add(passage.sheet);
      result.push({ sheet: this.sheets[passage.sheet], passage });
      if (result.length >= limit) break;
    }
    return result;
  }

  /** The question's words as weighted search terms, typos corrected against the indexed vocabulary. */
  resolveTerms(typedWords: readonly string[]): QueryTerm[] {
    const total = Math.max(1, this.passages.length);
    const idf = (frequency: number) => Math.log(1 + total / frequency);
    const terms = new Map<string, QueryTerm>();
    for (const typed of typedWords) {
      const term = normaliseTerm(typed);
      if (!term || terms.has(term)) continue;
      const frequency = this.documentFrequency.get(term);
      if (frequency) {
        terms.set(term, { typed, term, weight: idf(frequency), known: true, corrected: false });
        continue;
      }
      const corrected = this.closestTerm(term);
      if (corrected && !terms.has(corrected)) {
        const weight = idf(this.documentFrequency.get(corrected) ?? 1) * CORRECTED_WEIGHT;
        terms.set(corrected, { typed, term: corrected, weight, known: true, corrected: true });
      } else {
        // A word no sheet holds still counts in the question's weight: asking about it and finding nothing is a miss.
        terms.set(term, { typed, term, weight: idf(1), known: false, corrected: false });
      }
    }
    return [...terms.values()];
  }

  private closestTerm(term: string): string | undefined {
    const allowance = typoAllowance(term);
    if (allowance === 0 || /\d/.test(term)) return undefined;
    if (!this.vocabularyByLength) {
      this.vocabularyByLength = new Map();
      for (const known of this.documentFrequency.keys()) pushTo(this.vocabularyByLength, known.length, known);
    }
    let best: string | undefined;
    let bestDistance = Infinity;
    let bestFrequency = 0;
    for (let length = term.length - allowance; length <= term.length + allowance; length++) {
      for (const known of this.vocabularyByLength.get(length) ?? []) {
        if (!isCloseWord(term, known)) continue;
        const distance = editDistance(term, known, allowance);
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
    const known = terms.filter((term) => term.known);
    const totalWeight = terms.reduce((sum, term) => sum + term.weight, 0);
    if (known.length === 0 || totalWeight === 0) return [];

    const byRarity = [...known].sort((a, b) => this.frequency(a.term) - this.frequency(b.term));
    const candidates = new Set<number>();
    for (const [rank, term] of byRarity.entries()) {
      if (rank > 0 && this.frequency(term.term) > RETRIEVE_LIMIT) break;
      for (const id of this.text.search(term.term, { limit: RETRIEVE_LIMIT }) as number[]) candidates.add(id);
    }

    const fields = options.fields ? new Set(options.fields) : undefined;
    const planIds = options.planIds ? new Set(options.planIds) : undefined;
    const sheetIds = options.sheetIds ? new Set(options.sheetIds) : undefined;
    const perSheet = new Map<number, PassageMatch[]>();
    for (const id of candidates) {
      const passage = this.passages[id];
      const sheet = this.sheets[passage.sheet];
      if (fields && (passage.field === undefined || !fields.has(passage.field))) continue;
      if (planIds && !planIds.has(sheet.plan.id)) continue;
      if (sheetIds && !sheetIds.has(sheet.id)) continue;
      const matched = new Set<string>();
      let weight = 0;
      for (const term of known) {
        if (passage.terms.includes(term.term)) {
          matched.add(term.term);
          weight += term.weight;
        }
      }
      if (matched.size === 0) continue;
      pushTo(perSheet, passage.sheet, { passage, score: weight / totalWeight, matched });
    }

    const weightOf = new Map(known.map((term) => [term.term, term.weight]));
    const share = (matched: Iterable<string>) => {
      let weight = 0;
      for (const term of matched) weight += weightOf.get(term) ?? 0;
      return weight / totalWeight;
    };
    const boosted = new Set(options.boostPlanIds ?? []);
    const results: SheetMatch[] = [];
    for (const [sheetIndex, matches] of perSheet) {
      const sheet = this.sheets[sheetIndex];
      const matched = new Set<string>();
      let titleCoverage = 0;
      for (const match of matches) {
        for (const term of match.matched) matched.add(term);
        if (match.passage.kind === 'title') titleCoverage = match.score;
      }
      const items = matches.filter((match) => match.passage.kind !== 'title' && match.passage.kind !== 'axis');
      items.sort((a, b) => b.score - a.score || b.matched.size / b.passage.terms.length - a.matched.size / a.passage.terms.length);
      const coverage = share(matched);
      const best = items[0]?.score ?? titleCoverage;
      const score =
        WEIGHTS.coverage * coverage + WEIGHTS.best * best + WEIGHTS.title * titleCoverage + (boosted.has(sheet.plan.id) ? PLAN_BOOST : 0);
      results.push({ sheet, score, coverage, titleCoverage, best, passages: items, matched });
    }
    const position = (match: SheetMatch) => this.position.get(match.sheet) ?? 0;
    return results.sort((a, b) => b.score - a.score || position(a) - position(b));
  }

  private frequency(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** Every passage of a sheet, in order (for tests and the help's examples). */
  passagesOf(sheet: Sheet): Passage[] {
    const index = this.position.get(sheet);
    if (index === undefined) return [];
    const [start, end] = this.sheetPassages[index];
    return this.passages.slice(start, end);
  }
}

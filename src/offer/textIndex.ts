import { Index } from 'flexsearch';
import { fold, STOP_WORDS } from '../language/text';
import { singular } from './phrases';

/**
 * Free-text search on the offer's names and descriptions (flexsearch), for what names no known kind: "atelier
 * cuisine", "sophrologie". Words are folded (accents, case) and French stop-words dropped with the project's own
 * helpers; flexsearch's French stemmer is not used (it over-stems names: "villeurbane" would stop matching).
 */

/** Terms of a text already folded: split, stop-words dropped, plurals folded, each once. */
function foldedTerms(folded: string): string[] {
  const terms = new Set<string>();
  for (const word of folded.split(/[^a-z0-9]+/)) {
    if (word.length >= 2 && !STOP_WORDS.has(word)) terms.add(singular(word));
  }
  return [...terms];
}

/**
 * The shortest query word widened to the words it starts. A word of three letters (« Caf », « PMI », « EVS ») is an
 * organisation's acronym, not the start of a longer word being typed: widened, « caf » would find every « café ».
 */
const WIDENED_LETTERS = 4;

/** The shape of an exported index: flexsearch's own (key, data) pairs, plus our vocabulary for prefix search. */
export type TextIndexExport = { parts: Array<[string, string]>; vocabulary: string[] };

/**
 * Entries are added already folded (the offer folds each text once); queries are folded here. Words are indexed
 * whole ("strict": a fraction of the memory of prefix indexing); a query word of WIDENED_LETTERS or more that is the
 * start of known words ("sophro") is widened to them from the vocabulary.
 */
export class TextIndex {
  /** The text being added and its terms, worked out once for the vocabulary and for flexsearch. */
  private adding: { folded: string; terms: string[] } | null = null;
  private readonly index = new Index({
    tokenize: 'strict',
    resolution: 3,
    encode: (text: string) => (this.adding?.folded === text ? [...this.adding.terms] : foldedTerms(text)),
  });
  private vocabulary = new Set<string>();
  private sorted: string[] | null = null;

  addFolded(id: number, folded: string): void {
    const terms = foldedTerms(folded);
    for (const term of terms) this.vocabulary.add(term);
    this.adding = { folded, terms };
    try {
      this.index.add(id, folded);
    } finally {
      this.adding = null;
    }
    this.sorted = null;
  }

  private widen(term: string): string[] {
    if (this.vocabulary.has(term) || term.length < WIDENED_LETTERS) return [term];
    this.sorted ??= [...this.vocabulary].sort();
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < term) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i].startsWith(term) && out.length < 20; i++) out.push(sorted[i]);
    return out.length > 0 ? out : [term];
  }

  /**
   * Entries matching all the words (each word or a word it starts), best first; when none matches them all, those
   * matching most ("suggest").
   */
  search(query: string, limit: number): number[] {
    const terms = foldedTerms(fold(query.slice(0, 300))).slice(0, 8);
    if (terms.length === 0) return [];
    let result: number[] | null = null;
    for (const term of terms) {
      const ids = new Set<number>();
      for (const word of this.widen(term)) for (const id of this.index.search(word, { limit: 5000 })) if (typeof id === 'number') ids.add(id);
      const kept: number[] = result === null ? [...ids] : result.filter((id) => ids.has(id));
      result = kept;
      if (kept.length === 0) break;
    }
    if (result !== null && result.length > 0) return result.slice(0, limit);
    const loose = this.index.search(terms.join(' '), { limit, suggest: true });
    return loose.filter((id): id is number => typeof id === 'number');
  }

  export(): TextIndexExport {
    const parts: Array<[string, string]> = [];
    this.index.export((key: string, data: string) => {
      if (typeof data === 'string') parts.push([key, data]);
    });
    return { parts, vocabulary: [...this.vocabulary] };
  }

  static import(exported: TextIndexExport): TextIndex {
    const index = new TextIndex();
    for (const [key, data] of exported.parts) index.index.import(key, data);
    index.vocabulary = new Set(exported.vocabulary);
    return index;
  }
}

import { Index } from 'flexsearch';
import { contentWords } from '../language/text';
import { singular } from './phrases';

/**
 * Free-text search on the offer's names and descriptions (flexsearch), for what names no known kind: "atelier
 * cuisine", "sophrologie". Words are folded (accents, case) and French stop-words dropped with the project's own
 * helpers; flexsearch's French stemmer is not used (it over-stems names: "villeurbane" would stop matching).
 */

/** Search terms of a text: folded content words, plurals folded, very short words dropped. */
export function searchTerms(text: string): string[] {
  return contentWords(text)
    .filter((word) => word.length >= 2)
    .map(singular);
}

export class TextIndex {
  private readonly index = new Index({ tokenize: 'forward', resolution: 5, encode: searchTerms, cache: 200 });

  add(id: number, text: string): void {
    this.index.add(id, text);
  }

  /**
   * Entries matching the words, best first. All the words should match; when none does with all of them, those
   * matching most are returned ("suggest").
   */
  search(query: string, limit: number): number[] {
    const terms = searchTerms(query);
    if (terms.length === 0) return [];
    const strict = this.index.search(terms.join(' '), { limit });
    const found = strict.length > 0 ? strict : this.index.search(terms.join(' '), { limit, suggest: true });
    return found.filter((id): id is number => typeof id === 'number');
  }
}

"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TextIndex = void 0;
const flexsearch_1 = require("flexsearch");
const text_1 = require("../language/text");
const phrases_1 = require("./phrases");
/**
 * Free-text search on the offer's names and descriptions (flexsearch), for what names no known kind: "atelier
 * cuisine", "sophrologie". Words are folded (accents, case) and French stop-words dropped with the project's own
 * helpers; flexsearch's French stemmer is not used (it over-stems names: "villeurbane" would stop matching).
 */
/** Terms of a text already folded: split, stop-words dropped, plurals folded, each once. */
function foldedTerms(folded) {
    const terms = new Set();
    for (const word of folded.split(/[^a-z0-9]+/)) {
        if (word.length >= 2 && !text_1.STOP_WORDS.has(word))
            terms.add((0, phrases_1.singular)(word));
    }
    return [...terms];
}
/**
 * Entries are added already folded (the offer folds each text once); queries are folded here. Words are indexed
 * whole ("strict": a fraction of the memory of prefix indexing); a query word that is the start of known words
 * ("sophro") is widened to them from the vocabulary.
 */
class TextIndex {
    /** The text being added and its terms, worked out once for the vocabulary and for flexsearch. */
    adding = null;
    index = new flexsearch_1.Index({
        tokenize: 'strict',
        resolution: 3,
        encode: (text) => (this.adding?.folded === text ? [...this.adding.terms] : foldedTerms(text)),
    });
    vocabulary = new Set();
    sorted = null;
    addFolded(id, folded) {
        const terms = foldedTerms(folded);
        for (const term of terms)
            this.vocabulary.add(term);
        this.adding = { folded, terms };
        try {
            this.index.add(id, folded);
        }
        finally {
            this.adding = null;
        }
        this.sorted = null;
    }
    widen(term) {
        if (this.vocabulary.has(term) || term.length < 3)
            return [term];
        this.sorted ??= [...this.vocabulary].sort();
        const sorted = this.sorted;
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (sorted[mid] < term)
                lo = mid + 1;
            else
                hi = mid;
        }
        const out = [];
        for (let i = lo; i < sorted.length && sorted[i].startsWith(term) && out.length < 20; i++)
            out.push(sorted[i]);
        return out.length > 0 ? out : [term];
    }
    /**
     * Entries matching all the words (each word or a word it starts), best first; when none matches them all, those
     * matching most ("suggest").
     */
    search(query, limit) {
        const terms = foldedTerms((0, text_1.fold)(query.slice(0, 300))).slice(0, 8);
        if (terms.length === 0)
            return [];
        let result = null;
        for (const term of terms) {
            const ids = new Set();
            for (const word of this.widen(term))
                for (const id of this.index.search(word, { limit: 5000 }))
                    if (typeof id === 'number')
                        ids.add(id);
            const kept = result === null ? [...ids] : result.filter((id) => ids.has(id));
            result = kept;
            if (kept.length === 0)
                break;
        }
        if (result !== null && result.length > 0)
            return result.slice(0, limit);
        const loose = this.index.search(terms.join(' '), { limit, suggest: true });
        return loose.filter((id) => typeof id === 'number');
    }
    export() {
        const parts = [];
        this.index.export((key, data) => {
            if (typeof data === 'string')
                parts.push([key, data]);
        });
        return { parts, vocabulary: [...this.vocabulary] };
    }
    static import(exported) {
        const index = new TextIndex();
        for (const [key, data] of exported.parts)
            index.index.import(key, data);
        index.vocabulary = new Set(exported.vocabulary);
        return index;
    }
}
exports.TextIndex = TextIndex;
//# sourceMappingURL=textIndex.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PhraseMatcher = void 0;
exports.singular = singular;
exports.matchTokens = matchTokens;
exports.foldedText = foldedText;
exports.startsWith = startsWith;
const text_1 = require("../language/text");
const remember_1 = require("../shared/remember");
/**
 * Finds known phrases ("lieu d'accueil enfants-parents", "aide aux devoirs") in text, on folded words, with plurals
 * folded too ("parents solos" meets "parent solo"). Parents' messages may also carry typos in long words.
 */
/** "parents" → "parent", "jeux" → "jeu": enough for matching, not a stemmer. */
function singular(word) {
    if (word.length > 3 && (word.endsWith('s') || word.endsWith('x')) && !word.endsWith('ss'))
        return word.slice(0, -1);
    return word;
}
function matchTokens(text) {
    return (0, text_1.words)(text).map(singular);
}
function foldedText(text) {
    if (!text)
        return null;
    const folded = (0, text_1.fold)(text);
    return { folded, tokens: folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0).map(singular) };
}
/** Words typed by a parent that may carry a typo: long enough, and not a grammatical word. */
const TYPO_MIN_LENGTH = 6;
/** Typed words already compared with the vocabulary: parents reuse the same words, and each comparison costs. */
const CLOSE_WORDS_LIMIT = 5000;
class PhraseMatcher {
    byFirstWord = new Map();
    words;
    /** The vocabulary's words long enough to be matched with a typo, by length. */
    typoWordsByLength = new Map();
    closeWords = (0, remember_1.rememberMany)(CLOSE_WORDS_LIMIT, (typed) => this.searchCloseWords(typed));
    constructor(entries) {
        const all = [];
        for (const [phrase, value] of entries) {
            const tokens = matchTokens(phrase);
            if (tokens.length === 0)
                continue;
            const entry = { tokens, value, order: 0 };
            all.push(entry);
            const list = this.byFirstWord.get(tokens[0]);
            if (list)
                list.push(entry);
            else
                this.byFirstWord.set(tokens[0], [entry]);
        }
        // Longer phrases first, so that "groupe de parole parents solos" wins over "groupe de parole".
        for (const list of this.byFirstWord.values())
            list.sort((a, b) => b.tokens.length - a.tokens.length);
        all.sort((a, b) => b.tokens.length - a.tokens.length);
        all.forEach((entry, order) => (entry.order = order));
        this.words = new Set(all.flatMap((e) => e.tokens));
        for (const word of this.words) {
            if (word.length < TYPO_MIN_LENGTH)
                continue;
            const list = this.typoWordsByLength.get(word.length);
            if (list)
                list.push(word);
            else
                this.typoWordsByLength.set(word.length, [word]);
        }
    }
    /** Every word any phrase uses. */
    vocabulary() {
        return new Set(this.words);
    }
    /** Exact matches (after folding), for the offer's own texts. Overlapping matches are all kept. */
    findExact(tokens) {
        const found = [];
        for (let i = 0; i < tokens.length; i++) {
            const entries = this.byFirstWord.get(tokens[i]);
            if (!entries)
                continue;
            for (const entry of entries) {
                if (startsWith(tokens, i, entry.tokens))
                    found.push({ value: entry.value, start: i, end: i + entry.tokens.length });
            }
        }
        return found;
    }
    /**
     * The vocabulary's words a typed word may stand for: itself, and for long words those within a typo or two. Only
     * words of about the same length can be that close.
     */
    searchCloseWords(typed) {
        const close = this.words.has(typed) ? [typed] : [];
        if (typed.length >= TYPO_MIN_LENGTH && !text_1.STOP_WORDS.has(typed)) {
            for (let length = typed.length - MAX_TYPOS; length <= typed.length + MAX_TYPOS; length++) {
                for (const word of this.typoWordsByLength.get(length) ?? [])
                    if (word !== typed && closeEnough(typed, word))
                        close.push(word);
            }
        }
        return close;
    }
    /** Matches in what a parent typed, tolerating a typo in long words; the longest phrase wins at each position. */
    findTyped(tokens) {
        const close = tokens.map((token) => this.closeWords(token));
        const found = [];
        for (let i = 0; i < tokens.length; i++) {
            const candidates = [];
            for (const word of close[i])
                for (const entry of this.byFirstWord.get(word) ?? [])
                    candidates.push(entry);
            if (candidates.length === 0)
                continue;
            // In the order of the whole list (longest first), as when every phrase was tried in turn.
            candidates.sort((a, b) => a.order - b.order);
            for (const entry of candidates) {
                if (entry.tokens.every((t, k) => k === 0 || (close[i + k]?.includes(t) ?? false))) {
                    found.push({ value: entry.value, start: i, end: i + entry.tokens.length });
                }
            }
        }
        return found;
    }
}
exports.PhraseMatcher = PhraseMatcher;
/** Whether the phrase's words stand in `tokens` from `at` on. */
function startsWith(tokens, at, phrase) {
    for (let k = 0; k < phrase.length; k++)
        if (tokens[at + k] !== phrase[k])
            return false;
    return true;
}
/** The most typos isCloseWord allows: a close word is at most this many letters longer or shorter. */
const MAX_TYPOS = (0, text_1.typoAllowance)('x'.repeat(64));
function closeEnough(typed, known) {
    if (typed === undefined)
        return false;
    if (typed === known)
        return true;
    if (typed.length < TYPO_MIN_LENGTH || known.length < TYPO_MIN_LENGTH || text_1.STOP_WORDS.has(typed))
        return false;
    return (0, text_1.isCloseWord)(typed, known);
}
//# sourceMappingURL=phrases.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PhraseSet = exports.TypedWords = void 0;
exports.questionTokens = questionTokens;
const text_1 = require("../language/text");
const remember_1 = require("../shared/remember");
const terms_1 = require("./terms");
/**
 * Question tokens and the matching of vocabulary phrases against them. Tokens keep dotted numbers whole
 * ("3.2.1") and split letters from digits ("pa321" → "pa", "321"), so that sheet numbers survive tokenising.
 */
function questionTokens(text) {
    return (0, text_1.fold)(text).replace(/([a-z])(\d)/g, '$1 $2').match(/\d+(?:\.\d+)+|[a-z0-9]+/g) ?? [];
}
/** Only vocabulary words this long may be matched with a typo; shorter ones ("lead", "but") must be exact. */
const MIN_TOLERANT_LENGTH = 6;
/** Below this length a word may carry one typo only: "echanges" is not a misspelt "echeances". */
const TWO_TYPOS_LENGTH = 10;
const MEMO_LIMIT = 20_000;
/**
 * A question's tokens with what every phrase set asks of each of them, worked out once per question: their normal
 * form, and (on first asking) whether the sheets use the word, in which case it is what it says, not a typo.
 */
class TypedWords {
    tokens;
    isKnownWord;
    canonical;
    known;
    constructor(tokens, isKnownWord) {
        this.tokens = tokens;
        this.isKnownWord = isKnownWord;
        this.canonical = tokens.map(terms_1.normaliseTerm);
        this.known = new Array(tokens.length);
    }
    get length() {
        return this.tokens.length;
    }
    isKnown(at) {
        if (!this.isKnownWord)
            return false;
        return (this.known[at] ??= this.isKnownWord(this.tokens[at]));
    }
}
exports.TypedWords = TypedWords;
/**
 * A vocabulary of phrases, looked up by their first word. Longer phrases win over shorter ones ("qui pilote"
 * before "pilote"), and a token covered by a phrase is not used by another.
 */
class PhraseSet {
    byFirst = new Map();
    /** Words that may be reached with a typo. */
    tolerantWords = [];
    canonicalWords = new Set();
    closest = (0, remember_1.rememberMany)(MEMO_LIMIT, (token) => this.closestTolerantWord(token));
    constructor(entries) {
        let order = 0;
        for (const [text, value, exact = false] of entries) {
            const raw = questionTokens(text);
            if (raw.length === 0)
                continue;
            const tokens = exact ? raw : raw.map(terms_1.normaliseTerm);
            const phrase = { tokens, value, exact, order: order++ };
            const list = this.byFirst.get(tokens[0]);
            if (list)
                list.push(phrase);
            else
                this.byFirst.set(tokens[0], [phrase]);
            if (exact)
                continue;
            for (const token of tokens) {
                if (this.canonicalWords.has(token))
                    continue;
                this.canonicalWords.add(token);
                if (token.length >= MIN_TOLERANT_LENGTH && !/\d/.test(token))
                    this.tolerantWords.push(token);
            }
        }
    }
    /**
     * The vocabulary word a typed token stands for with a typo. A word the sheets use (`isKnownWord`) is what it
     * says, not a misspelling of a neighbour.
     */
    misspelt(words, at) {
        const token = words.tokens[at];
        if (token.length < MIN_TOLERANT_LENGTH - 1 || /\d/.test(token) || this.canonicalWords.has(words.canonical[at]))
            return undefined;
        if (words.isKnown(at))
            return undefined;
        return this.closest(token) ?? undefined;
    }
    closestTolerantWord(token) {
        let best = null;
        let bestDistance = Infinity;
        for (const word of this.tolerantWords) {
            const allowance = word.length >= TWO_TYPOS_LENGTH ? 2 : 1;
            if (Math.abs(word.length - token.length) > allowance || !(0, text_1.isCloseWord)(token, word))
                continue;
            const distance = (0, text_1.editDistance)(token, word, allowance);
            if (distance <= allowance && distance < bestDistance) {
                best = word;
                bestDistance = distance;
            }
        }
        return best;
    }
    /** Every phrase found among the tokens not yet taken; the tokens it covers are marked as taken. */
    take(words, taken) {
        const { tokens, canonical } = words;
        const typo = tokens.map((_, i) => this.misspelt(words, i));
        const matchesAt = (phrase, start) => phrase.tokens.every((word, k) => {
            const j = start + k;
            if (j >= tokens.length)
                return false;
            return phrase.exact ? tokens[j] === word : canonical[j] === word || typo[j] === word;
        });
        const candidates = [];
        const addCandidates = (key, start) => {
            if (key === undefined)
                return;
            for (const phrase of this.byFirst.get(key) ?? []) {
                if (matchesAt(phrase, start))
                    candidates.push({ phrase, start });
            }
        };
        for (let start = 0; start < tokens.length; start++) {
            // The typed word, its normal form and its correction, each looked up once.
            const typed = tokens[start];
            const normal = canonical[start];
            const corrected = typo[start];
            addCandidates(typed, start);
            if (normal !== typed)
                addCandidates(normal, start);
            if (corrected !== typed && corrected !== normal)
                addCandidates(corrected, start);
        }
        candidates.sort((a, b) => b.phrase.tokens.length - a.phrase.tokens.length || a.phrase.order - b.phrase.order || a.start - b.start);
        const hits = [];
        for (const { phrase, start } of candidates) {
            const end = start + phrase.tokens.length;
            let free = true;
            for (let k = start; k < end && free; k++)
                free = !taken[k];
            if (!free)
                continue;
            for (let k = start; k < end; k++)
                taken[k] = true;
            hits.push({ value: phrase.value, start, end });
        }
        return hits.sort((a, b) => a.start - b.start);
    }
    /** How many phrases occur, without taking tokens. */
    count(words) {
        return this.take(words, new Array(words.length).fill(false)).length;
    }
}
exports.PhraseSet = PhraseSet;
//# sourceMappingURL=phrases.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LEADING_ARTICLES = void 0;
exports.placeTokens = placeTokens;
exports.placeKey = placeKey;
exports.keyWithoutArticle = keyWithoutArticle;
exports.placeToken = placeToken;
exports.sentenceTokens = sentenceTokens;
exports.wordsOfTokens = wordsOfTokens;
const text_1 = require("../language/text");
/**
 * Keys under which place names are matched, so that "St Priest", "saint-priest" and "Saint-Priest" meet,
 * and "Lyon 8e Arrondissement", "lyon 8eme" and GeoNames' "Lyon 08" all become "lyon 8".
 */
const ABBREVIATIONS = new Map([
    ['st', 'saint'],
    ['ste', 'sainte'],
    ['sts', 'saints'],
    ['stes', 'saintes'],
    ['mt', 'mont'],
]);
/** Words that only say "this is an arrondissement" and carry no identity. */
const ARRONDISSEMENT_WORDS = new Set(['arrondissement', 'arrondissements', 'arr', 'arrt', 'arrdt', 'ardt']);
/** "8e", "8eme", "8ème" (folded), "1er", "08", "8th" → "8". */
const ORDINAL = /^0*(\d{1,2})(?:er|re|e|eme|ieme|em|nd|th|st|rd)?$/;
/** Leading articles users often leave out ("Arbresle" for "L'Arbresle"). */
exports.LEADING_ARTICLES = new Set(['l', 'la', 'le', 'les']);
/** Tokens of a place name as matched: folded, split on anything but letters and digits, abbreviations expanded. */
function placeTokens(text) {
    const tokens = [];
    for (const raw of (0, text_1.fold)(text).split(/[^a-z0-9]+/)) {
        if (raw.length === 0 || ARRONDISSEMENT_WORDS.has(raw))
            continue;
        const ordinal = ORDINAL.exec(raw);
        if (ordinal) {
            tokens.push(String(Number(ordinal[1])));
            continue;
        }
        tokens.push(ABBREVIATIONS.get(raw) ?? raw);
    }
    return tokens;
}
function placeKey(text) {
    return placeTokens(text).join(' ');
}
/** The key without its leading article, or null when the name has none (or is only an article). */
function keyWithoutArticle(key) {
    const space = key.indexOf(' ');
    if (space < 0)
        return null;
    return exports.LEADING_ARTICLES.has(key.slice(0, space)) ? key.slice(space + 1) : null;
}
/** One token of a key, as a word of the sentence is compared to it. */
function placeToken(word) {
    const tokens = placeTokens(word);
    return tokens.length === 1 ? tokens[0] : null;
}
function sentenceTokens(text) {
    const tokens = [];
    const wordOf = [];
    const words = [];
    for (const raw of (0, text_1.fold)(text).split(/[^a-z0-9]+/)) {
        if (raw.length === 0)
            continue;
        const at = words.length;
        words.push(raw);
        if (ARRONDISSEMENT_WORDS.has(raw))
            continue;
        const ordinal = ORDINAL.exec(raw);
        tokens.push(ordinal ? String(Number(ordinal[1])) : (ABBREVIATIONS.get(raw) ?? raw));
        wordOf.push(at);
    }
    return { tokens, wordOf, words, unaccentedA: unaccentedA(text, tokens, wordOf, words.length) };
}
/** The tokens "a" whose word was typed "a", not "à" (see SentenceTokens). */
function unaccentedA(text, tokens, wordOf, wordCount) {
    const out = new Set();
    if (!tokens.includes('a'))
        return out;
    // The text's own words, split like the folded ones: when folding changed how words split, every "a" is taken as
    // typed with its accent, as before this distinction.
    const raw = text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
    if (raw.length !== wordCount)
        return out;
    tokens.forEach((token, k) => {
        if (token === 'a' && raw[wordOf[k]] === 'a')
            out.add(k);
    });
    return out;
}
/** The words (indexes in `words(text)`) of the tokens [start, end), with the "arrondissement" words that follow them. */
function wordsOfTokens(sentence, start, end) {
    if (end <= start)
        return [];
    const first = sentence.wordOf[start];
    const last = end < sentence.tokens.length ? sentence.wordOf[end] - 1 : sentence.words.length - 1;
    const out = [];
    for (let w = first; w <= last; w++)
        out.push(w);
    return out;
}
//# sourceMappingURL=placeKey.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.normaliseTerm = normaliseTerm;
exports.searchTerms = searchTerms;
exports.searchTermsOfEach = searchTermsOfEach;
const text_1 = require("../language/text");
const remember_1 = require("../shared/remember");
/**
 * The words search compares, for the sheets and for questions alike: folded, stop-words dropped, and plural and
 * feminine endings made alike ("conseils locaux" ~ "conseil local", "monoparentales" ~ "monoparentale").
 * Deliberately lighter than a stemmer: flexsearch's French one over-stems, and place or organisation names must
 * keep matching as typed.
 */
/** Ending rewrites, tried in order; the first that applies wins, then plural s/x is dropped. */
const ENDINGS = [
    ['eaux', 'eau', 5],
    ['aux', 'al', 5],
];
const FEMININE = [
    ['ale', 'al', 5],
    ['elle', 'el', 6],
    ['ive', 'if', 5],
    ['ee', 'e', 5],
];
/** Words repeat across thousands of passages; remembering their form keeps indexing fast. */
const REMEMBERED_WORDS = 100_000;
const rememberedEndings = (0, remember_1.rememberMany)(REMEMBERED_WORDS, rewriteEndings);
function normaliseTerm(word) {
    return word.length <= 3 ? word : rememberedEndings(word);
}
function rewriteEndings(word) {
    if (/\d/.test(word))
        return word;
    let term = word;
    const ending = ENDINGS.find(([suffix, , min]) => term.length >= min && term.endsWith(suffix));
    if (ending)
        term = term.slice(0, term.length - ending[0].length) + ending[1];
    else if (/[sx]$/.test(term) && !term.endsWith('ss'))
        term = term.slice(0, -1);
    const feminine = FEMININE.find(([suffix, , min]) => term.length >= min && term.endsWith(suffix));
    if (feminine)
        term = term.slice(0, term.length - feminine[0].length) + feminine[1];
    return term;
}
/** Search terms of a text, in order, each once. */
function searchTerms(text) {
    const seen = new Set();
    for (const word of (0, text_1.words)(text)) {
        if (text_1.STOP_WORDS.has(word))
            continue;
        seen.add(normaliseTerm(word));
    }
    return [...seen];
}
/** Control character that survives folding, used to fold many texts in one call. */
const SEPARATOR = '\u0001';
function termsOfFolded(folded) {
    const seen = new Set();
    for (const word of folded.split(/[^a-z0-9]+/)) {
        if (word.length === 0 || text_1.STOP_WORDS.has(word))
            continue;
        seen.add(normaliseTerm(word));
    }
    return [...seen];
}
/**
 * `searchTerms` of each text, folding them all at once: folding is most of the cost of indexing, and one long
 * fold costs much less than many short ones.
 */
function searchTermsOfEach(texts) {
    if (texts.length === 0)
        return [];
    const folded = (0, text_1.fold)(texts.map((text) => text.replaceAll(SEPARATOR, ' ')).join(` ${SEPARATOR} `));
    const parts = folded.split(SEPARATOR);
    return parts.length === texts.length ? parts.map(termsOfFolded) : texts.map(searchTerms);
}
//# sourceMappingURL=terms.js.map
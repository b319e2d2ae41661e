"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readableText = void 0;
exports.isMostlyUpperCase = isMostlyUpperCase;
exports.sheetTitle = sheetTitle;
exports.sheetName = sheetName;
exports.axisPath = axisPath;
exports.excerpt = excerpt;
exports.shorten = shorten;
const text_1 = require("../language/text");
const remember_1 = require("../shared/remember");
const glossary_1 = require("./glossary");
const terms_1 = require("./terms");
/**
 * How sheet texts are shown: the sheet's words, with ALL-CAPS titles and headings put in sentence case (easier to
 * read, and screen readers do not spell them out) and long passages cut around the words that matched.
 */
/** Headings and titles are short; a long line is a paragraph whatever its case. */
const MAX_UPPER_CASE_LINE = 200;
function isMostlyUpperCase(text) {
    if (text.length > MAX_UPPER_CASE_LINE)
        return false;
    let letters = 0;
    let upper = 0;
    for (const char of text) {
        const lower = char.toLowerCase();
        const isLetter = lower !== char.toUpperCase();
        if (!isLetter)
            continue;
        letters++;
        if (char !== lower)
            upper++;
    }
    return letters >= 3 && upper / letters >= 0.85;
}
/**
 * "POURSUIVRE LE DÉVELOPPEMENT … (CLP)" → "Poursuivre le développement … (CLP)". Mixed-case text is left as is.
 * Titles and headings come back in every answer: their readable form is remembered.
 */
exports.readableText = (0, remember_1.rememberMany)(20_000, sentenceCase);
function sentenceCase(text) {
    if (!isMostlyUpperCase(text))
        return text;
    const lower = text.replace(/[\p{L}\p{N}]+/gu, (word, offset) => {
        const inParentheses = text[offset - 1] === '(' && text[offset + word.length] === ')';
        if (inParentheses || glossary_1.GLOSSARY_TERMS.has((0, text_1.fold)(word)))
            return word;
        return word.toLowerCase();
    });
    return lower.replace(/^(\P{L}*)(\p{L})/u, (_, before, first) => before + first.toUpperCase());
}
function sheetTitle(sheet) {
    return (0, exports.readableText)(sheet.title);
}
/** "PA 3.2.1 — Poursuivre le développement…". */
function sheetName(sheet) {
    return `${sheet.code} — ${sheetTitle(sheet)}`;
}
function axisStepText(step) {
    const head = step.kind ? `${step.kind} ${step.number}` : step.number;
    return step.title ? `${head} ${(0, exports.readableText)(step.title)}` : head;
}
/** "3 Coordonner l'offre… › 3.2 Renforcer la gouvernance…" or "Pilier 1 › Axe 2". */
function axisPath(sheet) {
    return sheet.axis.map(axisStepText).join(' › ');
}
/** A passage, cut to about `max` characters around the first word that matched, with "…" where it was cut. */
function excerpt(text, matchedTerms, max = 200) {
    if (text.length <= max)
        return text;
    let anchor = 0;
    for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
        if (matchedTerms.has((0, terms_1.normaliseTerm)((0, text_1.fold)(match[0])))) {
            anchor = match.index ?? 0;
            break;
        }
    }
    let start = Math.max(0, anchor - Math.floor(max / 3));
    if (start > 0) {
        const space = text.indexOf(' ', start);
        start = space >= 0 && space < anchor ? space + 1 : start;
    }
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
        const space = text.lastIndexOf(' ', end);
        if (space > start + max / 2)
            end = space;
    }
    return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
/** The first `max` characters of a passage, cut at a word. */
function shorten(text, max = 160) {
    if (text.length <= max)
        return text;
    const space = text.lastIndexOf(' ', max);
    return `${text.slice(0, space > max / 2 ? space : max).replace(/[\s,;:]+$/, '')}…`;
}
//# sourceMappingURL=display.js.map
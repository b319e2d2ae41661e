"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mineAcronyms = mineAcronyms;
const text_1 = require("../language/text");
const LONG_THEN_SHORT = /([^()]{3,160}?)\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)/gu;
const SHORT_THEN_LONG = /\b([A-Z][A-Za-z]{1,7})\s*\(([^()]{3,160})\)/gu;
const WORD = /\p{L}+/gu;
function initialsMatch(acronym, initials) {
    if (initials[0] !== acronym[0])
        return false;
    let at = 0;
    for (const letter of initials)
        if (letter === acronym[at])
            at++;
    return at === acronym.length;
}
function isAcronym(token) {
    return (token.match(/[A-Z]/g) ?? []).length >= 2;
}
/** The shortest run of words ending the text whose initials spell the acronym, as written. */
function longFormBefore(text, acronym) {
    const letters = (0, text_1.fold)(acronym);
    const words = [...text.matchAll(WORD)];
    for (let start = words.length - 1; start >= Math.max(0, words.length - letters.length * 3); start--) {
        const initials = words.slice(start).map((word) => (0, text_1.fold)(word[0])[0] ?? '').join('');
        if (initialsMatch(letters, initials))
            return text.slice(words[start].index ?? 0).trim();
    }
    return undefined;
}
function longFormAfter(text, acronym) {
    const letters = (0, text_1.fold)(acronym);
    const words = [...text.matchAll(WORD)];
    for (let end = 1; end <= Math.min(words.length, letters.length * 3); end++) {
        const initials = words.slice(0, end).map((word) => (0, text_1.fold)(word[0])[0] ?? '').join('');
        if (initialsMatch(letters, initials)) {
            const last = words[end - 1];
            return text.slice(0, (last.index ?? 0) + last[0].length).trim();
        }
    }
    return undefined;
}
function mineAcronyms(sheets) {
    const found = new Map();
    const keep = (acronym, expansion, sheet) => {
        const key = (0, text_1.fold)(acronym);
        if (expansion && !found.has(key))
            found.set(key, { acronym, expansion, sheetId: sheet.id });
    };
    for (const sheet of sheets) {
        const texts = [sheet.title, ...sheet.sections.flatMap((section) => section.items.map((item) => item.text))];
        for (const text of texts) {
            if (!text.includes('('))
                continue;
            for (const match of text.matchAll(LONG_THEN_SHORT)) {
                if (isAcronym(match[2]))
                    keep(match[2], longFormBefore(match[1], match[2]), sheet);
            }
            for (const match of text.matchAll(SHORT_THEN_LONG)) {
                if (isAcronym(match[1]))
                    keep(match[1], longFormAfter(match[2], match[1]), sheet);
            }
        }
    }
    return found;
}
//# sourceMappingURL=sheetAcronyms.js.map
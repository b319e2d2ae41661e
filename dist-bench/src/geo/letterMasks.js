"use strict";
/**
 * Lower bounds of the edit distance read from letters alone, so that typo matching rules out most candidates with
 * a few operations on two integers before computing an edit distance.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.letterMask = letterMask;
exports.repeatedLetterMask = repeatedLetterMask;
exports.lettersLacking = lettersLacking;
exports.maskDistance = maskDistance;
/**
 * The letters a word uses, one bit each (a–z; digits and other characters share the last bits): letters a
 * candidate uses and the word lacks each cost at least one edit, so counting them rules out most candidates with a
 * few operations on two integers.
 */
function letterMask(word) {
    let mask = 0;
    for (let i = 0; i < word.length; i++)
        mask |= letterBit(word.charCodeAt(i));
    return mask;
}
function letterBit(code) {
    return code >= 97 && code <= 122 ? 1 << (code - 97) : code >= 48 && code <= 57 ? 1 << (26 + ((code - 48) % 5)) : 1 << 31;
}
/**
 * The letters a word uses twice or more, on letterMask's bits. Long names use most common letters once, so the
 * letters alone rule out few of them; a letter a candidate doubles and the word does not is one more edit.
 */
function repeatedLetterMask(word) {
    let once = 0;
    let twice = 0;
    for (let i = 0; i < word.length; i++) {
        const bit = letterBit(word.charCodeAt(i));
        twice |= once & bit;
        once |= bit;
    }
    return twice;
}
/** How many of `candidate`'s letters `word` lacks, at least: a lower bound of their edit distance. */
function lettersLacking(wordMask, candidateMask) {
    let x = candidateMask & ~wordMask;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
/**
 * A lower bound of the edit distance between two words from their masks (letterMask, repeatedLetterMask), each way:
 * a letter the other word uses and this one lacks is at least one edit, two if the other uses it twice, and a
 * letter the other uses twice and this one once is at least one.
 */
function maskDistance(wordMask, wordRepeats, candidateMask, candidateRepeats) {
    const lacking = lettersLacking(wordMask, candidateMask) + lettersLacking(wordRepeats, candidateRepeats);
    const extra = lettersLacking(candidateMask, wordMask) + lettersLacking(candidateRepeats, wordRepeats);
    return lacking > extra ? lacking : extra;
}
//# sourceMappingURL=letterMasks.js.map
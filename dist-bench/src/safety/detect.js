"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SafetyReader = void 0;
exports.readSafety = readSafety;
const text_1 = require("../language/text");
const letterMasks_1 = require("../geo/letterMasks");
const phrases_1 = require("../offer/phrases");
const remember_1 = require("../shared/remember");
const types_1 = require("./types");
const vocabulary_1 = require("./vocabulary");
/**
 * Reads whether a message says someone is in danger. It runs on every message of every conversation, before anything
 * else, so it is one pass over the message's words against phrases compiled once from the vocabulary (vocabulary.ts).
 *
 * Words are compared the way parents type: folded (case, accents), SMS spellings rewritten from the vocabulary's list
 * ("jvx" → "je veux"), plurals folded, and one typo allowed in words of 5 letters or more, two from 9 letters. A real
 * word that happens to be one typo away from a vocabulary word ("voilée" and "violée") is listed in the vocabulary
 * and never read as a typo. A phrase matches word after word, with up to GAP_WORDS other words where it says `…`.
 */
/** How many other words `…` lets through: "mon mari il me frappe tout le temps" for "@conjoint … me … @frapper". */
const GAP_WORDS = 3;
/** Typed words already compared with the vocabulary: parents reuse the same words, and each comparison costs. */
const CLOSE_WORDS_LIMIT = 5000;
/** The typos a word of this length may carry: one from 5 letters, two from 9. */
function typoAllowance(length) {
    return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}
/** Turns a vocabulary into the reader of messages. Exported so that tests can read with a vocabulary of their own. */
class SafetyReader {
    rewrites;
    byFirstWord = new Map();
    framesByFirstWord = new Map();
    vocabularyWords = new Set();
    typoWordsByLength = new Map();
    notTypos;
    childWords;
    withChild = new Map();
    closeWords = (0, remember_1.rememberMany)(CLOSE_WORDS_LIMIT, (typed) => this.searchCloseWords(typed));
    constructor(vocabulary) {
        this.rewrites = compileRewrites(vocabulary.rewrites);
        const classes = new Map();
        for (const [name, members] of Object.entries(vocabulary.classes)) {
            classes.set(name, new Set(members.flatMap((member) => this.tokens(member))));
        }
        this.childWords = new Set(vocabulary.childClasses.flatMap((name) => [...(classes.get(name) ?? [])]));
        const add = (phrase, concern, kind) => {
            const elements = this.compile(phrase, classes);
            if (elements.length === 0)
                return;
            const entry = { concern, kind, elements };
            const index = kind === 'frame' ? this.framesByFirstWord : this.byFirstWord;
            for (const word of elements[0].accepts) {
                const list = index.get(word);
                if (list)
                    list.push(entry);
                else
                    index.set(word, [entry]);
            }
            if (kind !== 'frame')
                for (const element of elements)
                    for (const word of element.accepts)
                        this.vocabularyWords.add(word);
        };
        for (const phrase of [...vocabulary.topicFrames.fr, ...vocabulary.topicFrames.en])
            add(phrase, null, 'frame');
        for (const concern of vocabulary.concerns) {
            for (const phrase of [...concern.statements.fr, ...concern.statements.en])
                add(phrase, concern.id, 'statement');
            for (const phrase of [...concern.topics.fr, ...concern.topics.en])
                add(phrase, concern.id, 'topic');
            for (const phrase of [...concern.exceptions.fr, ...concern.exceptions.en])
                add(phrase, concern.id, 'exception');
            if (concern.withChild)
                this.withChild.set(concern.id, concern.withChild);
        }
        for (const word of this.vocabularyWords) {
            if (typoAllowance(word.length) === 0)
                continue;
            const list = this.typoWordsByLength.get(word.length) ?? [];
            list.push({ word, mask: (0, letterMasks_1.letterMask)(word), repeats: (0, letterMasks_1.repeatedLetterMask)(word) });
            this.typoWordsByLength.set(word.length, list);
        }
        this.notTypos = new Set([...vocabulary.notTypos.flatMap((word) => this.tokens(word)), ...vocabulary.notTypos, ...text_1.STOP_WORDS]);
    }
    /** The concerns `text` raises, most urgent first, or null when it raises none. */
    read(text) {
        const tokens = this.tokens(text);
        const close = tokens.map((token) => this.closeWords(token));
        const found = [];
        for (let i = 0; i < tokens.length; i++) {
            for (const word of close[i]) {
                for (const entry of this.byFirstWord.get(word) ?? []) {
                    const end = matchFrom(entry, close, i);
                    if (end >= 0)
                        found.push({ entry, start: i, end });
                }
            }
        }
        if (found.length === 0)
            return null;
        // Frames are taken as typed: a typo that made "information" into "formation" would silence an alarm.
        const exact = tokens.map((token) => [token]);
        const framed = tokens.some((token, i) => (this.framesByFirstWord.get(token) ?? []).some((entry) => matchFrom(entry, exact, i) >= 0));
        const concerns = new Set();
        for (const match of found) {
            const { concern, kind } = match.entry;
            if (concern === null || kind === 'exception' || kind === 'frame')
                continue;
            // A question about sheets or prevention names dangers without anyone being in one; a person's own words still count.
            if (kind === 'topic' && framed)
                continue;
            if (found.some((other) => other.entry.kind === 'exception' && other.entry.concern === concern && overrides(other, match)))
                continue;
            concerns.add(concern);
        }
        if (concerns.size === 0)
            return null;
        if (close.some((words) => words.some((word) => this.childWords.has(word)))) {
            for (const concern of [...concerns]) {
                const also = this.withChild.get(concern);
                if (also)
                    concerns.add(also);
            }
        }
        return { concerns: types_1.SAFETY_CONCERNS.filter((concern) => concerns.has(concern)) };
    }
    /** Folded words, SMS spellings rewritten, plurals folded: the same for phrases and for messages. */
    tokens(text) {
        const out = [];
        for (const word of (0, text_1.words)(text)) {
            const rewritten = this.rewrites.get(word);
            if (rewritten)
                for (const part of rewritten)
                    out.push((0, phrases_1.singular)(part));
            else
                out.push((0, phrases_1.singular)(word));
        }
        return out;
    }
    compile(phrase, classes) {
        const elements = [];
        let gap = 0;
        for (const piece of phrase.split(' ')) {
            if (piece === '…') {
                gap = GAP_WORDS;
                continue;
            }
            if (piece.startsWith('@')) {
                const members = classes.get(piece.slice(1));
                if (!members)
                    throw new Error(`unknown word class ${piece}`);
                elements.push({ accepts: members, gapBefore: gap });
            }
            else {
                this.tokens(piece).forEach((token, k) => elements.push({ accepts: new Set([token]), gapBefore: k === 0 ? gap : 0 }));
            }
            gap = 0;
        }
        return elements;
    }
    /**
     * The vocabulary's words a typed word may stand for: itself, and for words of 5 letters or more those within the
     * typos their lengths allow. Grammatical words and real words listed as such are taken as typed.
     */
    searchCloseWords(typed) {
        const close = this.vocabularyWords.has(typed) ? [typed] : [];
        const own = typoAllowance(typed.length);
        if (own === 0 || this.notTypos.has(typed) || /^\d+$/.test(typed))
            return close;
        const mask = (0, letterMasks_1.letterMask)(typed);
        const repeats = (0, letterMasks_1.repeatedLetterMask)(typed);
        for (let length = typed.length - own; length <= typed.length + own; length++) {
            for (const known of this.typoWordsByLength.get(length) ?? []) {
                if (known.word === typed)
                    continue;
                const allowance = Math.min(own, typoAllowance(length));
                if (Math.abs(length - typed.length) > allowance)
                    continue;
                if ((0, letterMasks_1.maskDistance)(mask, repeats, known.mask, known.repeats) > allowance)
                    continue;
                if ((0, text_1.editDistance)(typed, known.word, allowance) <= allowance)
                    close.push(known.word);
            }
        }
        return close;
    }
}
exports.SafetyReader = SafetyReader;
/** Rewrites with their own words rewritten once more ("jpp" → "j'en peux plus" → "je en peux plus"), as token lists. */
function compileRewrites(rewrites) {
    const once = (text) => (0, text_1.words)(text);
    const compiled = new Map();
    for (const [abbreviation, plain] of Object.entries(rewrites)) {
        compiled.set(abbreviation, once(plain).flatMap((word) => (word !== abbreviation && rewrites[word] ? once(rewrites[word]) : [word])));
    }
    return compiled;
}
/** Where the entry's phrase ends when it starts at `start`, or -1: each next word within its allowed gap. */
function matchFrom(entry, close, start) {
    let at = start;
    for (let k = 1; k < entry.elements.length; k++) {
        const element = entry.elements[k];
        const last = Math.min(close.length - 1, at + 1 + element.gapBefore);
        let next = -1;
        for (let j = at + 1; j <= last && next < 0; j++)
            if (close[j].some((word) => element.accepts.has(word)))
                next = j;
        if (next < 0)
            return -1;
        at = next;
    }
    return at + 1;
}
/** An exception cancels a match it overlaps ("mourir de rire" in "je veux mourir de rire"), unless the match holds it whole. */
function overrides(exception, match) {
    const overlaps = exception.start < match.end && match.start < exception.end;
    const heldWhole = match.start <= exception.start && exception.end <= match.end;
    return overlaps && !heldWhole;
}
const reader = new SafetyReader(vocabulary_1.SAFETY_VOCABULARY);
/** The concerns a message raises (danger, violence, suicide…), most urgent first, or null for an ordinary message. */
function readSafety(text) {
    return reader.read(text);
}
//# sourceMappingURL=detect.js.map
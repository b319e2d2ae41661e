"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readSheetQuestion = readSheetQuestion;
exports.understandsAsCue = understandsAsCue;
const text_1 = require("../language/text");
const glossary_1 = require("./glossary");
const phrases_1 = require("./phrases");
const vocabulary_1 = require("./vocabulary");
/** Long messages are read from their beginning only: a question is short, and matching stays bounded. */
const MAX_CHARS = 600;
const MAX_TOKENS = 80;
const SHEET_WORD_PHRASES = ['fiche action', 'fiches actions', 'fiche actions', 'fiches action', 'fiche-action', 'action sheet', 'action sheets'];
const CUES = new phrases_1.PhraseSet([
    ...SHEET_WORD_PHRASES.map((phrase) => [phrase, { kind: 'sheet-word' }]),
    ...vocabulary_1.FIELD_TRIGGERS.flatMap((trigger) => trigger.phrases.map((phrase) => [phrase, { kind: 'field', fields: trigger.fields }])),
    ...vocabulary_1.GLOSSARY_PHRASES.map((phrase) => [phrase, { kind: 'glossary' }]),
    ...vocabulary_1.SUMMARY_PHRASES.map((phrase) => [phrase, { kind: 'summary' }]),
    // Plural is the whole point of "fiches": no plural folding, no typo.
    ...vocabulary_1.LISTING_PHRASES.map((phrase) => [phrase, { kind: 'listing' }, true]),
]);
const BACK_REFERENCE_PHRASES = new phrases_1.PhraseSet(vocabulary_1.BACK_REFERENCES.map((phrase) => [phrase, true]));
const FIGURE_CUES = new phrases_1.PhraseSet(['quelle part', 'pourcentage', 'proportion', 'combien de', 'taux', 'chiffre', 'chiffres', 'statistique', 'statistiques',
    'how many', 'percentage', 'share of', 'rate', 'figures'].map((phrase) => [phrase, true]));
const DOTTED_NUMBER = /^\d{1,2}(?:\.\d{1,2}){1,3}$/;
const PLAIN_NUMBER = /^\d{1,4}$/;
const NUMBER_WORDS = new Map(Object.entries({
    un: 1, une: 1, one: 1, deux: 2, two: 2, trois: 3, three: 3, quatre: 4, four: 4, cinq: 5, five: 5, six: 6, sept: 7,
    seven: 7, huit: 8, eight: 8,
}));
/** Tables are read through Maps: a typed word such as "constructor" must never reach an object's prototype. */
const ORDINAL_NUMBERS = new Map(Object.entries(vocabulary_1.ORDINALS));
const ENGLISH_TOPICS = new Map(Object.entries(vocabulary_1.ENGLISH_TOPIC_WORDS));
const NUMBER_LINKS = new Set(['et', 'and', 'ou', 'or']);
const RANGE_LINKS = new Set(['a', 'au', 'to']);
const NUMBER_MARKS = new Set(['n', 'no', 'numero', 'number']);
const LAST = new Set(['derniere', 'dernier', 'last']);
const SHEET_WORDS = new Set(['fiche', 'fiches', 'sheet', 'sheets', 'pa', 'fa', 'plan', 'plans', 'schema', 'axe']);
/** Prefixes that make a plain number a sheet number even when no sheet has it ("pa 999" is asked, and missing). */
const FIRM_PREFIXES = new Set(['pa', 'fa', 'fiche', 'sheet']);
/** "PA 9.9.9" when typed with a plan's prefix, else the bare number (messages say "la fiche 7.7.7"). */
function shownCode(prefix, number) {
    return prefix === 'pa' || prefix === 'fa' ? `${prefix.toUpperCase()} ${number}` : number;
}
/** "999" → "9.9.9" so that an unknown number is named back the way sheets write numbers. */
function dotted(digits) {
    return digits.length >= 2 && digits.length <= 4 ? digits.split('').join('.') : digits;
}
function findCodes(tokens, taken, index) {
    const codes = [];
    let axis;
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        // Walk back over "n°", then the prefix word ("fiche n° 3.2.1", "pa 321").
        let back = i - 1;
        while (back >= 0 && NUMBER_MARKS.has(tokens[back]))
            back--;
        const before = back >= 0 ? tokens[back] : undefined;
        const markBack = () => {
            for (let k = Math.max(0, back); k < i; k++)
                taken[k] = true;
            taken[i] = true;
        };
        if (DOTTED_NUMBER.test(token)) {
            const axisWord = before !== undefined && vocabulary_1.AXIS_WORDS.has(before);
            const twoLevels = token.split('.').length === 2;
            const isSheet = index.findByNumber({ number: token, digits: token.replace(/\./g, '') }).length > 0;
            if (axisWord || (twoLevels && !isSheet && index.sheetsUnderAxis(token).length > 0)) {
                axis = token;
                if (axisWord)
                    markBack();
                else
                    taken[i] = true;
                continue;
            }
            const prefix = before !== undefined && (vocabulary_1.CODE_PREFIXES.has(before) || vocabulary_1.CODE_ARTICLES.has(before)) ? before : undefined;
            codes.push({ number: token, digits: token.replace(/\./g, ''), ...(prefix ? { prefix } : {}), shown: shownCode(prefix, token) });
            if (prefix && vocabulary_1.CODE_PREFIXES.has(prefix))
                markBack();
            else
                taken[i] = true;
            continue;
        }
        if (!PLAIN_NUMBER.test(token) || before === undefined)
            continue;
        const firm = FIRM_PREFIXES.has(before) || (vocabulary_1.CODE_PREFIXES.has(before) && back < i - 1);
        const known = token.length >= 2 && index.hasDigits(token);
        if (firm || ((vocabulary_1.CODE_ARTICLES.has(before) || vocabulary_1.CODE_PREFIXES.has(before)) && known)) {
            const number = known ? index.findByNumber({ digits: token })[0]?.number ?? dotted(token) : dotted(token);
            codes.push({ digits: token, prefix: before, shown: shownCode(before, number) });
            markBack();
        }
    }
    return { codes, ...(axis ? { axis } : {}) };
}
function findActionNumbers(tokens, taken) {
    const numbers = new Set();
    let last = false;
    for (let i = 0; i < tokens.length; i++) {
        if (taken[i] || (tokens[i] !== 'action' && tokens[i] !== 'actions'))
            continue;
        const found = [];
        let j = i + 1;
        let end = i;
        let range = false;
        while (j < tokens.length && !taken[j]) {
            const token = tokens[j];
            const value = /^\d{1,2}$/.test(token) ? Number(token) : NUMBER_WORDS.get(token);
            if (value !== undefined && value > 0) {
                const previous = found.at(-1);
                if (range && previous !== undefined && value > previous && value - previous <= 20) {
                    for (let n = previous + 1; n <= value; n++)
                        found.push(n);
                }
                else
                    found.push(value);
                range = false;
                end = j;
            }
            else if (NUMBER_MARKS.has(token) && found.length === 0) {
                // "action n° 2"
            }
            else if (found.length > 0 && (NUMBER_LINKS.has(token) || RANGE_LINKS.has(token))) {
                range = RANGE_LINKS.has(token);
            }
            else
                break;
            j++;
        }
        const ordinal = i > 0 && !taken[i - 1] ? ORDINAL_NUMBERS.get(tokens[i - 1]) : undefined;
        const isLast = i > 0 && !taken[i - 1] && LAST.has(tokens[i - 1]);
        if (ordinal !== undefined)
            found.push(ordinal);
        if (isLast)
            last = true;
        if (found.length === 0 && !isLast)
            continue;
        for (let k = ordinal !== undefined || isLast ? i - 1 : i; k <= Math.max(end, i); k++)
            taken[k] = true;
        for (const n of found)
            numbers.add(n);
    }
    return { numbers: [...numbers].sort((a, b) => a - b), last };
}
/** English topic words the sheets do not hold, in the sheets' French ("single parent" → "monoparentales"). */
function translateTopic(words, isKnownWord) {
    const result = [];
    for (let i = 0; i < words.length; i++) {
        const pair = i + 1 < words.length ? ENGLISH_TOPICS.get(`${words[i]} ${words[i + 1]}`) : undefined;
        if (pair) {
            result.push(...pair);
            i++;
            continue;
        }
        const single = isKnownWord(words[i]) ? undefined : ENGLISH_TOPICS.get(words[i]);
        result.push(...(single ?? [words[i]]));
    }
    return result;
}
/**
 * Reads a message as a question on the sheets. Pure: the turn's reading (src/reading) calls it once per message,
 * and scoring and answering both take what it returns.
 */
function readSheetQuestion(index, text) {
    return readQuestion(index, text);
}
function readQuestion(index, text) {
    const tokens = (0, phrases_1.questionTokens)(text.slice(0, MAX_CHARS)).slice(0, MAX_TOKENS);
    const taken = new Array(tokens.length).fill(false);
    const question = {
        empty: tokens.length === 0,
        codes: [],
        fields: [],
        actionNumbers: [],
        lastAction: false,
        listing: false,
        glossaryCue: false,
        bareGlossary: false,
        summary: false,
        followUp: false,
        sheetWord: false,
        topicWords: [],
        words: [],
        asksForFigures: false,
    };
    if (question.empty)
        return question;
    const { codes, axis } = findCodes(tokens, taken, index);
    question.codes = codes;
    if (axis)
        question.axis = axis;
    const actions = findActionNumbers(tokens, taken);
    question.actionNumbers = actions.numbers;
    question.lastAction = actions.last;
    const words = new phrases_1.TypedWords(tokens, (word) => index.knowsWord(word));
    question.followUp = vocabulary_1.FOLLOW_UP_OPENERS.has(tokens[0]) || BACK_REFERENCE_PHRASES.count(words) > 0;
    question.asksForFigures = FIGURE_CUES.count(words) > 0;
    question.sheetWord = codes.length > 0 || tokens.some((token) => SHEET_WORDS.has(token));
    const fields = new Set();
    for (const hit of CUES.take(words, taken)) {
        const cue = hit.value;
        if (cue.kind === 'field')
            for (const field of cue.fields)
                fields.add(field);
        else if (cue.kind === 'summary')
            question.summary = true;
        else if (cue.kind === 'glossary')
            question.glossaryCue = true;
        else if (cue.kind === 'listing')
            question.listing = true;
        else
            question.sheetWord = true;
    }
    question.fields = [...fields];
    const hint = index.planNamer.detect(tokens, taken);
    if (hint) {
        question.planHint = hint;
        // A plan named outright ("SDSF", "de Tours") is not a topic; title words stay topic words too, unless a number
        // already says which sheet is meant.
        if (hint.strong || codes.length > 0)
            for (const position of hint.tokens)
                taken[position] = true;
    }
    const remaining = [];
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (taken[i] || text_1.STOP_WORDS.has(token) || vocabulary_1.QUESTION_WORDS.has(token) || /^\d$/.test(token) || DOTTED_NUMBER.test(token))
            continue;
        remaining.push(token);
    }
    const topic = translateTopic(remaining, (word) => index.knowsWord(word));
    const glossaryWord = remaining.find((token) => (0, glossary_1.lookupGlossary)(token) !== undefined || index.sheetAcronym(token) !== undefined);
    if (glossaryWord) {
        question.glossaryWord = glossaryWord;
        question.bareGlossary = remaining.length === 1;
    }
    question.topicWords = [...new Set(topic)];
    question.words = tokens.filter((token) => !text_1.STOP_WORDS.has(token) && !/^\d/.test(token));
    return question;
}
/** Whether a word alone reads as part of a question's shape (a field, a cue) rather than as a topic. */
function understandsAsCue(word) {
    const tokens = (0, phrases_1.questionTokens)(word);
    if (tokens.length === 0 || vocabulary_1.QUESTION_WORDS.has(tokens[0]))
        return true;
    const taken = new Array(tokens.length).fill(false);
    return CUES.take(new phrases_1.TypedWords(tokens), taken).length > 0;
}
//# sourceMappingURL=understand.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readOfferMessage = readOfferMessage;
const text_1 = require("../language/text");
const phrases_1 = require("./phrases");
const situations_1 = require("./situations");
const timeQuery_1 = require("./timeQuery");
const vocabulary_1 = require("./vocabulary");
function kindPhrases() {
    // The same words may name a kind and a group of kinds ("groupe d'entraide"): their kinds are merged.
    const byPhrase = new Map();
    const add = (phrase, kinds) => {
        const key = (0, phrases_1.matchTokens)(phrase).join(' ');
        const set = byPhrase.get(key) ?? new Set();
        for (const k of kinds)
            set.add(k);
        byPhrase.set(key, set);
    };
    for (const kind of vocabulary_1.KINDS)
        for (const phrase of [...kind.serviceWords, ...kind.parentWords])
            add(phrase, [kind.id]);
    for (const group of vocabulary_1.KIND_GROUPS)
        for (const phrase of group.words)
            add(phrase, group.kinds);
    return [...byPhrase].map(([phrase, kinds]) => [phrase, { type: 'kinds', kinds: [...kinds] }]);
}
const NEAR_ME = ['pres de moi', 'pres de chez moi', 'autour de moi', 'a cote de chez moi', 'a cote de moi', "pres d'ici", 'autour de chez moi',
    'dans mon quartier', 'ma position', 'mon quartier', 'near me', 'nearby', 'close to me', 'around me', 'near my home', 'near where i live',
    'where i am', 'my location', 'ma localisation'];
const MORE = ["d'autres", 'autres', 'voir plus', 'plus de resultats', 'encore', 'suivants', 'la suite', 'les suivants', 'more', 'show more',
    'see more', 'next', 'others', 'other ones', 'any others'];
const FARTHER = ['plus loin', 'elargir', 'elargis', 'agrandir', 'plus large', 'further', 'farther', 'further away', 'wider'];
const HELP = ['aide', 'aider', "m'aider", 'soutien', 'soutenir', 'besoin', 'cherche', 'chercher', 'trouver', 'existe', 'y a-t-il', 'qui peut',
    "a qui m'adresser", "a qui s'adresser", 'qui contacter', 'conseil', 'conseils', 'help', 'find', 'looking for', 'support', 'is there',
    'where can', 'who can'];
/** Words of a search that name nothing specific: not worth a free-text search, never a place. */
const GENERIC = ['parent', 'parents', 'enfant', 'enfants', 'famille', 'familles', 'fils', 'fille', 'papa', 'maman', 'mere', 'pere',
    'bebe', 'ouvert', 'ouverte', 'ouverts', 'ouvertes', 'open', 'horaire', 'horaires', 'endroit', 'lieu', 'lieux', 'service', 'services',
    'structure', 'structures', 'propose', 'proposer', 'association', 'bonjour', 'merci', 'svp', 'please', 'hello', 'voudrais', 'veux',
    'peux', 'pouvez', 'peut', 'faire', 'quelqu', 'quelque', 'chose', 'question', 'questions', 'education', 'parentalite', 'ans', 'an', 'mois',
    'years', 'old', 'child', 'children', 'kid', 'kids', 'son', 'daughter', 'family', 'parenting', 'place', 'places', 'want', 'would', 'like',
    'need', 'can', 'could', 'there', 'exists', 'exist', 'any', 'some', 'near', 'pres', 'loin', 'where', 'ou', 'quand', 'comment', 'avoir',
    'parle', 'parler', 'plus', 'suis', 'mon', 'ma', 'mes', 'nous', 'chez', 'ici', 'me', 'moi', 'ne', 'pas', 'dit', 'fait',
    'etre', 'ete', 'jour', 'jours', 'semaine', 'heure', 'heures', 'gratuit', 'gratuite', 'free', 'cest', 'quoi', 'qui', 'oui', 'non', 'ok',
    'daccord', 'est', 'sont', 'il', 'elle', 'y', 'a', 't', 'adresser', 'contacter', 'vers', 'sur', 'dans', 'autour', 'cote', 'quartier',
    'svp', 'stp', 'slt', 'bjr', 'cc', 'coucou', 'jai', 'j', 'ai', 'avec', 'sans', 'tout', 'tous', 'toute', 'temps', 'vraiment', 'trop',
    'beaucoup', 'rien', 'personne', 'aujourd', 'hui', 'my', 'i', 'im', 'am', 'is', 'are', 'do', 'does', 'for', 'with', 'and', 'or', 'what',
    'who', 'someone', 'something', 'anything', 'thing', 'things', 'help', 'thanks', 'thank', 'you', 'he', 'she', 'they', 'we', 'us'];
const matcher = new phrases_1.PhraseMatcher([
    ...kindPhrases(),
    ...situations_1.SITUATIONS.flatMap((s) => s.phrases.map((p) => [p, { type: 'situation', kinds: s.kinds, audiences: s.audiences ?? [] }])),
    ...vocabulary_1.AUDIENCES.flatMap((a) => [...a.serviceWords, ...a.parentWords].map((w) => [w, { type: 'audience', audience: a.id }])),
    ...vocabulary_1.GENERAL_SUPPORT_WORDS.map((w) => [w, { type: 'general' }]),
    ...vocabulary_1.REMOTE_WORDS.map((w) => [w, { type: 'remote' }]),
    ...NEAR_ME.map((w) => [w, { type: 'near-me' }]),
    ...MORE.map((w) => [w, { type: 'more' }]),
    ...FARTHER.map((w) => [w, { type: 'farther' }]),
    ...HELP.map((w) => [w, { type: 'help' }]),
]);
const GENERIC_WORDS = new Set(GENERIC.map((w) => (0, phrases_1.singular)((0, text_1.fold)(w))));
/** Words the place finder must never take for a commune on their own: everything this module understands. */
const UNDERSTOOD_WORDS = new Set([
    ...matcher.vocabulary(),
    ...[...matcher.vocabulary()].map((w) => `${w}s`),
    ...timeQuery_1.TIME_WORDS,
    ...GENERIC_WORDS,
    ...GENERIC.map((w) => (0, text_1.fold)(w)),
]);
/**
 * What the place finder must not take for a commune, for the communes loaded: the words understood, except months
 * that also name a commune ("à Mars", "à Avril"), which it reads only after a place word. Worked out once per index
 * of communes (it depends on nothing else): a property of the data, not a memory of messages.
 */
const placeIgnoreWords = new WeakMap();
function ignoredAsPlaces(communes) {
    let ignored = placeIgnoreWords.get(communes);
    if (!ignored) {
        const words = new Set(UNDERSTOOD_WORDS);
        for (const month of timeQuery_1.MONTHS)
            if (communes.resolve(month)?.via === 'name')
                words.delete(month);
        ignored = words;
        placeIgnoreWords.set(communes, ignored);
    }
    return ignored;
}
/** How a message that builds on the search under way starts: "et à Bron ?", "lesquels…", "what about Saturday?". */
const FOLLOW_UP_START = new Set(['et', 'lesquels', 'lesquelles', 'lequel', 'laquelle', 'ceux', 'celles', 'parmi', 'plutot', 'sinon', 'and',
    'which', 'those', 'instead']);
const FOLLOW_UP_PHRASES = [['what', 'about'], ['how', 'about'], ['et', 'pour'], ['et', 'si']];
const CHILD_WORDS = ['fils', 'fille', 'enfant', 'enfants', 'petit', 'petite', 'bebe', 'ado', 'garcon', 'gamin', 'gamine', 'son', 'daughter',
    'child', 'kid', 'boy', 'girl', 'toddler', 'baby', 'teen', 'il', 'elle', 'he', 'she'];
const AGE_FR = /\b(\d{1,2})\s*(ans?|mois)\b/g;
const AGE_EN = /\b(\d{1,2})[\s-]*(years?|yrs?|months?)([\s-]*old)?\b/g;
const CHILD_WORD = new RegExp(`\\b(?:${CHILD_WORDS.join('|')})s?\\b`);
/** A child's age in years from "mon fils de 4 ans", "ma fille a 15 ans", "my 3-year-old", "bébé de 18 mois". */
function childAge(folded) {
    if (!CHILD_WORD.test(folded))
        return null;
    for (const pattern of [AGE_FR, AGE_EN]) {
        for (const m of folded.matchAll(pattern)) {
            const value = Number(m[1]);
            const months = m[2].startsWith('mois') || m[2].startsWith('month');
            const years = months ? Math.floor(value / 12) : value;
            if (years <= 25)
                return years;
        }
    }
    return null;
}
/**
 * A long message tells a story ("il ne veut plus venir chez moi le week-end"): a day in it is part of the story, not
 * when the place should be open, unless the message says so ("ouvert", "open", "disponible"). Short messages are
 * searches: "laep samedi bron".
 */
const STORY_WORDS = 25;
const OPEN_WORDS = new Set(['ouvert', 'ouverte', 'open', 'disponible', 'available', 'horaire', 'horaires', 'tonight', 'maintenant', 'now']);
function asksForTime(tokens) {
    return tokens.length <= STORY_WORDS || tokens.some((t) => OPEN_WORDS.has(t));
}
/** The most of a message read: a parent's search is a sentence or two. */
const READ_CHARACTERS = 1000;
function readOfferMessage(text, now, communes) {
    const limited = text.slice(0, READ_CHARACTERS);
    const folded = (0, text_1.fold)(limited);
    const tokens = (0, phrases_1.matchTokens)(limited);
    const matches = matcher.findTyped(tokens).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const used = new Array(tokens.length).fill(false);
    const kinds = new Set();
    const situationKinds = new Set();
    const audiences = new Set();
    const flags = { remote: false, nearMe: false, more: false, farther: false, help: false, general: false };
    for (const match of matches) {
        if (used.slice(match.start, match.end).some(Boolean))
            continue;
        for (let i = match.start; i < match.end; i++)
            used[i] = true;
        const signal = match.value;
        switch (signal.type) {
            case 'kinds':
                for (const k of signal.kinds)
                    kinds.add(k);
                break;
            case 'situation':
                for (const k of signal.kinds)
                    situationKinds.add(k);
                for (const a of signal.audiences)
                    audiences.add(a);
                break;
            case 'audience':
                audiences.add(signal.audience);
                break;
            case 'general':
                flags.general = true;
                break;
            case 'remote':
                flags.remote = true;
                break;
            case 'near-me':
                flags.nearMe = true;
                break;
            case 'more':
                flags.more = true;
                break;
            case 'farther':
                flags.farther = true;
                break;
            case 'help':
                flags.help = true;
                break;
        }
    }
    const time = asksForTime(tokens) ? (0, timeQuery_1.extractTimeIntent)(limited, now) : null;
    const age = childAge(folded);
    if (age !== null) {
        for (const audience of vocabulary_1.AUDIENCES)
            if (audience.ages && age >= audience.ages[0] && age <= audience.ages[1])
                audiences.add(audience.id);
    }
    const restIsPlace = kinds.size > 0 || situationKinds.size > 0 || audiences.size > 0 || time !== null || Object.values(flags).some(Boolean);
    const place = communes.findInSentence(limited, { ignoreWords: ignoredAsPlaces(communes), restIsPlace });
    // The words that named the place (and the marker before it) are never left for the text search: "Tours" is a town.
    const placeIndexes = new Set(place ? [...place.tokenIndexes, ...place.markerIndexes] : []);
    const free = [];
    tokens.forEach((token, i) => {
        if (used[i] || placeIndexes.has(i) || text_1.STOP_WORDS.has(token) || timeQuery_1.TIME_WORDS.has(token) || GENERIC_WORDS.has(token))
            return;
        if (token.length < 3 || /^\d+$/.test(token))
            return;
        free.push(token);
    });
    const followUp = FOLLOW_UP_START.has(tokens[0] ?? '') || FOLLOW_UP_PHRASES.some((phrase) => phrase.every((word, k) => tokens[k] === word));
    return {
        text: limited,
        kinds: [...kinds],
        situationKinds: [...situationKinds].filter((k) => !kinds.has(k)),
        audiences: [...audiences],
        age,
        time,
        remote: flags.remote,
        place,
        nearMe: flags.nearMe,
        more: flags.more,
        farther: flags.farther,
        followUp,
        general: flags.general,
        help: flags.help,
        freeText: free.slice(0, 8).join(' '),
        understood: used.filter(Boolean).length + (place ? place.tokenIndexes.length : 0) + (time ? 1 : 0),
        words: tokens.length,
    };
}
//# sourceMappingURL=understand.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AROUND_A_PLACE_ALONE = exports.COMMON_WORDS_NAMING_COMMUNES = exports.ORDINARY_WORDS_NAMING_COMMUNES = exports.POSTCODE_STRENGTH = exports.MARKING_STRENGTH = void 0;
exports.placeMarkerBefore = placeMarkerBefore;
exports.isPlaceMarkerBefore = isPlaceMarkerBefore;
exports.isOrdinaryName = isOrdinaryName;
exports.isWholeMessage = isWholeMessage;
const ordinaryWords_1 = require("./words/ordinaryWords");
const text_1 = require("../language/text");
/** How strongly each marking says "search here": higher wins. */
exports.MARKING_STRENGTH = { search: 3, plain: 2, residence: 1 };
/**
 * A postcode nobody announced is a place, below a plain marker: in « à Saint-Priest 69800 » it says which
 * Saint-Priest, it does not name another place.
 */
exports.POSTCODE_STRENGTH = 1.5;
const SEARCH_MARKERS = new Set(['vers', 'sur', 'near', 'around', 'plutot', 'rather', 'nearby']);
const PLAIN_MARKERS = new Set(['a', 'dans', 'in', 'at', 'commune']);
/** Verbs that say where the parent is or lives; followed by the place itself or by "à", "in"… */
const RESIDENCE_VERBS = new Set([
    'habite', 'habites', 'habitons', 'habitez', 'habitent', 'habitais', 'habitait', 'reside', 'residons', 'residez',
    'vis', 'vit', 'vivons', 'vivez', 'vivent', 'suis', 'sommes', 'trouve', 'trouvons',
    'live', 'lives', 'living', 'am', 'stay', 'staying', 'based', 'located',
]);
/** Verbs that announce the place without "à": « on habite Lyon », « we live Lyon side » is rare, so French only. */
const RESIDENCE_WITHOUT_PREPOSITION = new Set(['habite', 'habites', 'habitons', 'habitez', 'habitent', 'habitais', 'habitait']);
/** Words that announce a place when followed by "de"/"du"/"d'": "près de", "autour de", "du côté de". */
const SEARCH_MARKERS_BEFORE_DE = new Set(['pres', 'proche', 'autour', 'cote', 'alentours', 'environs', 'secteur', 'region', 'loin', 'coin']);
const DE = new Set(['de', 'du', 'd', 'des']);
/** Words that open a follow-up about another place when they start the message: « et Bron ? », « ou Vénissieux ? ». */
const FOLLOW_UP_STARTS = new Set(['et', 'ou', 'and', 'or', 'sinon']);
/** "what about Bron?", "how about Lyon?" */
const ABOUT_STARTS = new Set(['what', 'how']);
/** The marker announcing a place whose words start at `index`, or null. */
function placeMarkerBefore(tokens, index, unaccentedA) {
    const marker = markerBefore(tokens, index);
    return marker && { ...marker, weak: tokens[marker.start] === 'a' && (unaccentedA?.has(marker.start) ?? false) };
}
function markerBefore(tokens, index) {
    const previous = tokens[index - 1];
    if (previous === undefined)
        return null;
    if (SEARCH_MARKERS.has(previous))
        return { marking: previous === 'sur' && RESIDENCE_VERBS.has(tokens[index - 2] ?? '') ? 'residence' : 'search', start: index - 1 };
    if (PLAIN_MARKERS.has(previous)) {
        const before = tokens[index - 2] ?? '';
        // « plutôt à Bron », « et à Bron ? »: a search, like « plutôt Bron ».
        if (SEARCH_MARKERS.has(before) && before !== 'sur')
            return { marking: 'search', start: index - 2 };
        if (index === 2 && FOLLOW_UP_STARTS.has(before))
            return { marking: 'search', start: 0 };
        // « je suis à Lyon », « on vit à Bron », « I live in Paris »: where the parent is, not where to search.
        return { marking: RESIDENCE_VERBS.has(before) ? 'residence' : 'plain', start: index - 1 };
    }
    if (RESIDENCE_WITHOUT_PREPOSITION.has(previous))
        return { marking: 'residence', start: index - 1 };
    if (DE.has(previous) && SEARCH_MARKERS_BEFORE_DE.has(tokens[index - 2] ?? '')) {
        // « du côté de »: the "du" before "côté" belongs to the marker too.
        const start = tokens[index - 2] === 'cote' && DE.has(tokens[index - 3] ?? '') ? index - 3 : index - 2;
        return { marking: 'search', start };
    }
    if (index === 1 && FOLLOW_UP_STARTS.has(previous))
        return { marking: 'search', start: 0 };
    if (index === 2 && previous === 'about' && ABOUT_STARTS.has(tokens[0]))
        return { marking: 'search', start: 0 };
    return null;
}
/** Whether a place starting at `index` is announced by a marker (kept for callers of the first API). */
function isPlaceMarkerBefore(tokens, index) {
    return placeMarkerBefore(tokens, index) !== null;
}
/**
 * Commune names (folded, without their article) that are also ordinary French or English words, with their singular
 * or plural: worked out from a dictionary and word frequencies (src/geo/words/README.md), not listed by hand. On
 * their own, without "à" or "près de" before them, they are read as words, not places: « la garde des enfants »,
 * « en danger », « les tours de Villeurbanne », « aide aux devoirs mars 2025 ».
 */
exports.ORDINARY_WORDS_NAMING_COMMUNES = new Set(ordinaryWords_1.ORDINARY_WORDS_NAMING_COMMUNES_TEXT.split(/\s+/).filter((w) => w.length > 0));
/** The same set under its first name. */
exports.COMMON_WORDS_NAMING_COMMUNES = exports.ORDINARY_WORDS_NAMING_COMMUNES;
/**
 * Whether a name key is made of ordinary words: one ("garde", "tours"), after its article ("la garde", "les tours"),
 * or several joined by small words ("bois colombes", "grand champ", "pont de l arche"). A sentence may hold such
 * words by chance; it does not hold "saint priest" or "vaulx en velin" by chance.
 */
function isOrdinaryName(key) {
    if (!key.includes(' '))
        return exports.ORDINARY_WORDS_NAMING_COMMUNES.has(key);
    let ordinary = false;
    for (const token of key.split(' ')) {
        if (exports.ORDINARY_WORDS_NAMING_COMMUNES.has(token))
            ordinary = true;
        else if (!text_1.STOP_WORDS.has(token))
            return false;
    }
    return ordinary;
}
/** Words a message that is only a place may hold besides it: « et à Bron ? », « plutôt Vénissieux svp », « near Lyon ». */
exports.AROUND_A_PLACE_ALONE = new Set([
    ...SEARCH_MARKERS, ...PLAIN_MARKERS, ...RESIDENCE_VERBS, ...SEARCH_MARKERS_BEFORE_DE, ...FOLLOW_UP_STARTS, ...ABOUT_STARTS, 'about',
    'svp', 'stp', 'merci', 'please', 'thanks', 'bonjour', 'hello', 'hi', 'ok', 'oui', 'yes', 'alors', 'plutot', 'maintenant', 'now',
]);
/**
 * Whether the tokens outside [start, end) are only small words and markers: the message is the place alone. When
 * `strictly`, only markers and politeness, not small words: « je lasse » is a sentence, not a reply naming Lasse.
 */
function isWholeMessage(tokens, start, end, strictly = false) {
    for (let k = 0; k < tokens.length; k++) {
        if (k >= start && k < end)
            continue;
        if (!exports.AROUND_A_PLACE_ALONE.has(tokens[k]) && (strictly || !text_1.STOP_WORDS.has(tokens[k])))
            return false;
    }
    return true;
}
//# sourceMappingURL=placeMarkers.js.map
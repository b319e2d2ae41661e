import { ORDINARY_WORDS_NAMING_COMMUNES_TEXT } from './words/ordinaryWords';
import { WORDS_NEAR_COMMUNES_TEXT } from './words/wordsNearCommunes';
import { STOP_WORDS } from '../language/text';

/**
 * Words that announce a place ("à Givors", "près de Tours", "near Lyon", "on habite Lyon"), on folded place tokens
 * (see placeTokens: "à" is "a", "près" is "pres", "côté" is "cote").
 *
 * How a place is announced says which of two places a parent means: « je suis à Lyon mais je cherche vers Bron » is
 * a search around Bron. So a marker has a strength: a search marker (« vers », « près de », « du côté de », « sur »,
 * « plutôt », a follow-up « et … ? ») beats a plain one (« à », « dans », « in », « at », a postcode), which beats
 * where the parent lives or is (« j'habite », « je suis à », « on vit à », « I live in »). Between places announced
 * with the same strength, the last one wins: parents correct themselves as they go (« à Lyon, enfin plutôt à Bron »).
 */
export type PlaceMarking = 'search' | 'plain' | 'residence';

/** How strongly each marking says "search here": higher wins. */
export const MARKING_STRENGTH: Readonly<Record<PlaceMarking, number>> = { search: 3, plain: 2, residence: 1 };
/**
 * A postcode nobody announced is a place, below a plain marker: in « à Saint-Priest 69800 » it says which
 * Saint-Priest, it does not name another place.
 */
export const POSTCODE_STRENGTH = 1.5;

/**
 * A marker before the words of a place: how it marks it, where its words start (a token index), and whether it is
 * weak: an "a" typed without its accent that reads as the verb « avoir » or the English article (see
 * unaccentedAReadsAsA: « il a tours de… », « a nice group »), which announces only names that are no ordinary words.
 */
export type PlaceMarker = { marking: PlaceMarking; start: number; weak: boolean };

const SEARCH_MARKERS: ReadonlySet<string> = new Set(['vers', 'sur', 'near', 'around', 'plutot', 'rather', 'nearby']);
// « ds » is how « dans » is typed in SMS style.
const PLAIN_MARKERS: ReadonlySet<string> = new Set(['a', 'dans', 'ds', 'in', 'at', 'commune']);
/** Verbs that say where the parent is or lives; followed by the place itself or by "à", "in"… */
const RESIDENCE_VERBS: ReadonlySet<string> = new Set([
  'habite', 'habites', 'habitons', 'habitez', 'habitent', 'habitais', 'habitait', 'reside', 'residons', 'residez',
  'vis', 'vit', 'vivons', 'vivez', 'vivent', 'suis', 'sommes', 'trouve', 'trouvons',
  'live', 'lives', 'living', 'am', 'stay', 'staying', 'based', 'located',
]);
/** Verbs that announce the place without "à": « on habite Lyon », « we live Lyon side » is rare, so French only. */
const RESIDENCE_WITHOUT_PREPOSITION: ReadonlySet<string> = new Set(['habite', 'habites', 'habitons', 'habitez', 'habitent', 'habitais', 'habitait']);
/** Words that announce a place when followed by "de"/"du"/"d'": "près de", "autour de", "du côté de". */
const SEARCH_MARKERS_BEFORE_DE: ReadonlySet<string> = new Set(['pres', 'proche', 'autour', 'cote', 'alentours', 'environs', 'secteur', 'region', 'loin', 'coin']);
const DE: ReadonlySet<string> = new Set(['de', 'du', 'd', 'des']);
/** Words that open a follow-up about another place when they start the message: « et Bron ? », « ou Vénissieux ? ». */
const FOLLOW_UP_STARTS: ReadonlySet<string> = new Set(['et', 'ou', 'and', 'or', 'sinon']);
/** "what about Bron?", "how about Lyon?" */
const ABOUT_STARTS: ReadonlySet<string> = new Set(['what', 'how']);

/** The marker announcing a place whose words start at `index`, or null. */
export function placeMarkerBefore(tokens: readonly string[], index: number, unaccentedA?: ReadonlySet<number>): PlaceMarker | null {
  const marker = markerBefore(tokens, index);
  if (marker && tokens[marker.start] === 'a' && unaccentedA?.has(marker.start)) marker.weak = true;
  return marker;
}

function markerBefore(tokens: readonly string[], index: number): PlaceMarker | null {
  const previous = tokens[index - 1];
  if (previous === undefined) return null;
  if (SEARCH_MARKERS.has(previous)) return { marking: previous === 'sur' && RESIDENCE_VERBS.has(tokens[index - 2] ?? '') ? 'residence' : 'search', start: index - 1, weak: false };
  if (PLAIN_MARKERS.has(previous)) {
    const before = tokens[index - 2] ?? '';
    // « plutôt à Bron », « et à Bron ? »: a search, like « plutôt Bron ».
    if (SEARCH_MARKERS.has(before) && before !== 'sur') return { marking: 'search', start: index - 2, weak: false };
    if (index === 2 && FOLLOW_UP_STARTS.has(before)) return { marking: 'search', start: 0, weak: false };
    // « je suis à Lyon », « on vit à Bron », « I live in Paris »: where the parent is, not where to search.
    return { marking: RESIDENCE_VERBS.has(before) ? 'residence' : 'plain', start: index - 1, weak: false };
  }
  if (RESIDENCE_WITHOUT_PREPOSITION.has(previous)) return { marking: 'residence', start: index - 1, weak: false };
  if (DE.has(previous) && SEARCH_MARKERS_BEFORE_DE.has(tokens[index - 2] ?? '')) {
    // « du côté de »: the "du" before "côté" belongs to the marker too.
    const start = tokens[index - 2] === 'cote' && DE.has(tokens[index - 3] ?? '') ? index - 3 : index - 2;
    return { marking: 'search', start, weak: false };
  }
  if (index === 1 && FOLLOW_UP_STARTS.has(previous)) return { marking: 'search', start: 0, weak: false };
  if (index === 2 && previous === 'about' && ABOUT_STARTS.has(tokens[0])) return { marking: 'search', start: 0, weak: false };
  return null;
}

/** Whether a place starting at `index` is announced by a marker: resolve() strips « à », « près de » from a text that is only a place. */
export function isPlaceMarkerBefore(tokens: readonly string[], index: number): boolean {
  return placeMarkerBefore(tokens, index) !== null;
}

/**
 * Commune names (folded, without their article) that are also ordinary French or English words, with their singular
 * or plural: worked out from a dictionary and word frequencies (src/geo/words/README.md), not listed by hand. On
 * their own, without "à" or "près de" before them, they are read as words, not places: « la garde des enfants »,
 * « en danger », « les tours de Villeurbanne », « aide aux devoirs mars 2025 ».
 */
export const ORDINARY_WORDS_NAMING_COMMUNES: ReadonlySet<string> = new Set(ORDINARY_WORDS_NAMING_COMMUNES_TEXT.split(/\s+/).filter((w) => w.length > 0));

/**
 * Ordinary French or English words, spelt right, that are no commune's name but within a typo of one (« payant » of
 * Pavant, « accueil » of Arcueil): generated from word frequencies (src/geo/words/README.md), not listed by hand.
 */
const WORDS_NEAR_COMMUNES: ReadonlySet<string> = new Set(WORDS_NEAR_COMMUNES_TEXT.split(/\s+/).filter((w) => w.length > 0));

/**
 * Whether a word typed is an ordinary word spelt right, so never a commune's name typed wrong: « c payant ? » asks a
 * price, it does not name Pavant. Either a word that is also a commune's name, or a word near one.
 */
export function isSpeltWord(word: string): boolean {
  return ORDINARY_WORDS_NAMING_COMMUNES.has(word) || WORDS_NEAR_COMMUNES.has(word);
}

/**
 * Whether a name key is made of ordinary words: one ("garde", "tours"), after its article ("la garde", "les tours"),
 * or several joined by small words ("bois colombes", "grand champ", "pont de l arche"). A sentence may hold such
 * words by chance; it does not hold "saint priest" or "vaulx en velin" by chance.
 */
export function isOrdinaryName(key: string): boolean {
  if (!key.includes(' ')) return ORDINARY_WORDS_NAMING_COMMUNES.has(key);
  let ordinary = false;
  for (const token of key.split(' ')) {
    if (ORDINARY_WORDS_NAMING_COMMUNES.has(token)) ordinary = true;
    else if (!STOP_WORDS.has(token)) return false;
  }
  return ordinary;
}

/** Words a message that is only a place may hold besides it: « et à Bron ? », « plutôt Vénissieux svp », « near Lyon ». */
export const AROUND_A_PLACE_ALONE: ReadonlySet<string> = new Set([
  ...SEARCH_MARKERS, ...PLAIN_MARKERS, ...RESIDENCE_VERBS, ...SEARCH_MARKERS_BEFORE_DE, ...FOLLOW_UP_STARTS, ...ABOUT_STARTS, 'about',
  'svp', 'stp', 'merci', 'please', 'thanks', 'bonjour', 'hello', 'hi', 'ok', 'oui', 'yes', 'alors', 'plutot', 'maintenant', 'now',
]);

/**
 * Whether the tokens outside [start, end) are only small words and markers: the message is the place alone. When
 * `strictly`, only markers and politeness, not small words: « je lasse » is a sentence, not a reply naming Lasse.
 */
export function isWholeMessage(tokens: readonly string[], start: number, end: number, strictly = false): boolean {
  for (let k = 0; k < tokens.length; k++) {
    if (k >= start && k < end) continue;
    if (!AROUND_A_PLACE_ALONE.has(tokens[k]) && (strictly || !STOP_WORDS.has(tokens[k]))) return false;
  }
  return true;
}

/**
 * Words after which « a » is the verb « avoir », not « à » typed without its accent: subject pronouns (« il a »,
 * « on a », « qui a », « y a », « ça a »), object pronouns before it (« m'a », « l'a », « n'a », « en a »), and the
 * people and places a parent speaks of as the subject of a sentence, in the singular (« mon fils a », « ma fille a »,
 * « l'école a »): a plural subject takes « ont », so « les 2 petits a Tours » is « à Tours ».
 */
export const SUBJECTS_BEFORE_AVOIR: ReadonlySet<string> = new Set([
  'il', 'elle', 'on', 'qui', 'y', 'ca', 'cela', 'ceci', 'c', 'ce', 'tout', 'rien', 'personne', 'chacun', 'chacune', 'quelqu',
  'quiconque', 'lui', 'm', 't', 'l', 'n', 'en',
  'fils', 'fille', 'enfant', 'bebe', 'ado', 'adolescent', 'adolescente', 'garcon', 'gamin', 'gamine', 'gosse', 'petit', 'petite',
  'grand', 'grande', 'aine', 'ainee', 'cadet', 'cadette', 'jumeau', 'jumelle', 'fiston', 'mari', 'femme', 'epoux', 'epouse',
  'conjoint', 'conjointe', 'compagnon', 'compagne', 'copain', 'copine', 'ex', 'pere', 'mere', 'papa', 'maman', 'frere', 'soeur',
  'famille', 'nounou', 'assistante', 'prof', 'professeur', 'maitre', 'maitresse', 'ecole', 'creche', 'college', 'lycee',
  'voisin', 'voisine', 'medecin', 'pediatre', 'juge', 'avocat', 'avocate',
]);

/**
 * Nouns « avoir » takes without an article (« a peur », « a cours », « a mal », « a lieu »): after « a », such a noun
 * is the verb's object, never a town.
 */
export const NOUNS_AFTER_AVOIR: ReadonlySet<string> = new Set([
  'peur', 'faim', 'soif', 'froid', 'chaud', 'mal', 'honte', 'besoin', 'envie', 'raison', 'tort', 'lieu', 'droit', 'cours',
  'classe', 'sommeil', 'confiance', 'conscience', 'hate', 'horreur', 'pitie', 'marre', 'rendez', 'rdv', 'affaire', 'acces',
  'tendance', 'soin', 'trait', 'recours', 'gain', 'cause', 'part', 'fini', 'ete', 'eu', 'fait', 'dit', 'pris', 'mis', 'vu',
]);

/**
 * Whether an « a » typed without its accent (token k) reads as « à » before the words after it: not after a subject
 * of « avoir » or before a noun « avoir » takes, not as the English article (an English message, or « a » opening
 * the message before a word in lower case: « a nice group »).
 */
export function unaccentedAReadsAsA(tokens: readonly string[], k: number, english: boolean, nextIsCapitalised: boolean): boolean {
  if (english) return false;
  const next = tokens[k + 1];
  if (next === undefined || NOUNS_AFTER_AVOIR.has(next)) return false;
  if (k === 0) return nextIsCapitalised;
  return !SUBJECTS_BEFORE_AVOIR.has(tokens[k - 1]);
}

import { z } from 'zod';
import { placeKey, type SentenceTokens } from './placeKey';
import { STOP_WORDS } from '../language/text';
import { isSpeltWord, isWholeMessage } from './placeMarkers';

/**
 * Départements named as places: « un laep en Indre-et-Loire », « dans le 69 », « dans le Rhône », « en Gironde ».
 * A parent who names a département asks for the services of that département; the finder answers with its
 * chef-lieu (the prefecture) as the commune to search around, and the département itself so that the answer can
 * say « dans le Rhône ».
 */

/** The article a département's name takes: « dans le Rhône », « en Gironde » (la), « dans les Landes », « dans l'Ain ». */
export const DepartementArticleSchema = z.enum(['', 'le', 'la', 'les', "l'"]);
export type DepartementArticle = z.infer<typeof DepartementArticleSchema>;

/** INSEE's `typeLiaison` (TNCC) → the article: 2 le, 3 la, 4 les, 5 l'; 0 and 1 take none (« Paris », « Indre-et-Loire »). */
export function articleOfLiaison(liaison: number | undefined): DepartementArticle {
  switch (liaison) {
    case 2:
      return 'le';
    case 3:
      return 'la';
    case 4:
      return 'les';
    case 5:
      return "l'";
    default:
      return '';
  }
}

/** Département codes as typed: "69", "01", "2a", "974". */
export const DEPARTEMENT_CODE = /^(?:\d{2}|2[ab]|97\d)$/;

export type Departements = {
  /** Code → name. */
  names: ReadonlyMap<string, string>;
  /** Name key (placeKey) → code. */
  byKey: ReadonlyMap<string, string>;
  /** The most words a département's name has. */
  longest: number;
  /**
   * By the first word of a name's key, the most words a name starting with it has: a word that starts no name is
   * passed over at once, instead of trying every length of the longest name from it.
   */
  longestFrom: ReadonlyMap<string, number>;
  /** Code → the INSEE code of its chef-lieu, when known. */
  chefLieu: ReadonlyMap<string, string>;
  /** Code → the article its name takes. */
  article: ReadonlyMap<string, DepartementArticle>;
};

/** The départements of the commune data, keyed for reading sentences and answers. */
export function departementsOf(record: Readonly<Record<string, { name: string; chefLieu?: string | null; article?: DepartementArticle }>>): Departements {
  const names = new Map<string, string>();
  const byKey = new Map<string, string>();
  const chefLieu = new Map<string, string>();
  const article = new Map<string, DepartementArticle>();
  const longestFrom = new Map<string, number>();
  let longest = 1;
  for (const [code, departement] of Object.entries(record)) {
    names.set(code, departement.name);
    const key = placeKey(departement.name);
    byKey.set(key, code);
    const words = key.split(' ');
    longest = Math.max(longest, words.length);
    longestFrom.set(words[0], Math.max(longestFrom.get(words[0]) ?? 0, words.length));
    if (departement.chefLieu) chefLieu.set(code, departement.chefLieu);
    article.set(code, departement.article ?? '');
  }
  return { names, byKey, longest, longestFrom, chefLieu, article };
}

/** A département named in a sentence: its code, the tokens of its name [start, end), and of its marker [markerStart, start). */
export type DepartementMention = { code: string; start: number; end: number; markerStart: number; marked: boolean };

/**
 * Département names that are also everyday words or idioms (« en somme », « dans le lot », « la manche », « le
 * nord »): read as a département only when capitalised as typed or after « département ».
 */
const NAMES_THAT_ARE_WORDS: ReadonlySet<string> = new Set(['somme', 'lot', 'manche', 'nord']);
const ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l']);
/** « dans », and « ds » as it is typed in SMS style. */
const DANS: ReadonlySet<string> = new Set(['dans', 'ds']);
/** « département », as typed in full or short. */
const DEPARTEMENT_WORDS: ReadonlySet<string> = new Set(['departement', 'dept', 'dpt', 'dep', 'departements']);
/** Words between « département » and the name: « du Rhône », « de la Gironde », « de l'Ain », « des Landes ». */
const AFTER_DEPARTEMENT_WORD: ReadonlySet<string> = new Set(['du', 'de', 'des', 'd', 'la', 'l']);
/** Prepositions that take a département's name: French « en » (en Gironde), English « in ». */
const BEFORE_NAME: ReadonlySet<string> = new Set(['en', 'in']);

/** The département a name or code names at token `at` (codes read on the raw words: "01" must stay "01"). */
function departementAt(sentence: SentenceTokens, at: number, departements: Departements, allowCode: boolean): { code: string; end: number; isCode: boolean } | null {
  const raw = sentence.words[sentence.wordOf[at]] ?? '';
  if (DEPARTEMENT_CODE.test(raw)) {
    const code = raw.toUpperCase();
    return allowCode && departements.names.has(code) ? { code, end: at + 1, isCode: true } : null;
  }
  const { tokens } = sentence;
  for (let length = Math.min(departements.longestFrom.get(tokens[at]) ?? 0, tokens.length - at); length >= 1; length--) {
    const code = departements.byKey.get(tokens.slice(at, at + length).join(' '));
    if (code !== undefined) return { code, end: at + length, isCode: false };
  }
  return null;
}

/**
 * The département a sentence names with a marker, the last one if several (parents correct themselves as they
 * go), or null. `capitalised(k)` says whether token k was typed with a capital. When `restIsPlace`, the caller
 * understood the rest of the sentence (« laep creuse », « groupe de parole vendée »): a name of one word left over
 * is then a département too, unless it is an ordinary word (« pas cher », « l'aube »).
 */
export function findDepartement(
  sentence: SentenceTokens,
  departements: Departements,
  capitalised: (token: number) => boolean,
  restIsPlace = false,
): DepartementMention | null {
  const { tokens } = sentence;
  let found: DepartementMention | null = null;
  for (let at = 0; at < tokens.length; at++) {
    const markerStart = markerBefore(tokens, at);
    const whole = markerStart === null;
    // A code needs a marker of its own (« dans le 69 », « département 37 ») or to be the whole message (« le 69 »):
    // « le 15 mars » is a date.
    const named = departementAt(sentence, at, departements, true);
    if (!named) continue;
    const start = markerStart ?? at;
    if (whole) {
      // Unmarked: as the whole message (« Gironde », « le 69 »), or inside a sentence a name of several words no
      // sentence holds by chance (« Indre-et-Loire », « Haute-Savoie »; not « la réunion »).
      const alone = isWholeMessage(tokens, at, named.end, true) || (tokens[at - 1] === 'le' && isWholeMessage(tokens, at - 1, named.end, true));
      const words = tokens.slice(at, named.end).filter((t) => !STOP_WORDS.has(t));
      const distinctive = !named.isCode && words.length >= 2;
      const leftOver = restIsPlace && !named.isCode && words.length === 1 && !isSpeltWord(words[0]);
      if (!alone && !distinctive && !leftOver) continue;
    } else if (named.isCode && BEFORE_NAME.has(tokens[markerStart])) {
      // « en 75 » is a year or an age, not a département.
      continue;
    }
    const key = tokens.slice(at, named.end).join(' ');
    const byDepartementWord = markerStart !== null && tokens.slice(markerStart, at).some((t) => DEPARTEMENT_WORDS.has(t));
    if (!named.isCode && NAMES_THAT_ARE_WORDS.has(key) && !byDepartementWord && !capitalised(at)) continue;
    found = { code: named.code, start: at, end: named.end, markerStart: start, marked: !whole };
    at = named.end - 1;
  }
  return found;
}

/**
 * Where the marker of a département's name starting at `at` starts, or null for none: « en », « in », « dans le »,
 * « dans la », « dans les », « dans l' », « département (du) », « dans le département du ».
 */
function markerBefore(tokens: readonly string[], at: number): number | null {
  const previous = tokens[at - 1];
  if (previous === undefined) return null;
  if (BEFORE_NAME.has(previous)) return at - 1;
  if (ARTICLES.has(previous) && DANS.has(tokens[at - 2] ?? '')) return at - 2;
  let k = at - 1;
  while (k >= 0 && AFTER_DEPARTEMENT_WORD.has(tokens[k]) && at - k <= 2) k--;
  if (k >= 0 && DEPARTEMENT_WORDS.has(tokens[k])) {
    // « dans le département du Rhône »: the marker starts at « dans ».
    if (ARTICLES.has(tokens[k - 1] ?? '') && DANS.has(tokens[k - 2] ?? '')) return k - 2;
    return k;
  }
  return null;
}

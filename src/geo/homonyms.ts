import { fold, STOP_WORDS } from '../language/text';
import type { Commune, PlaceCandidate } from './commune';
import { placeKey } from './placeKey';
import { DEPARTEMENT_CODE, type Departements } from './departements';

export { departementsOf, type Departements } from './departements';

/**
 * Names that several communes share (« Saint-Julien », « Villeneuve »): when to ask the parent which one, and how
 * to read the answer.
 *
 * A name is ambiguous when it names several communes and the most populous has less than AMBIGUITY_POPULATION_RATIO
 * times the people of the next. « Saint-Priest » is (Rhône 49,000, and Saint-Priest-en-Jarez, Loire, 6,500, known by
 * the same short name), so is « Villeneuve » (Villeneuve-d'Ascq 63,000, Villeneuve-Saint-Georges 36,000…), and so are
 * the Saint-Julien. « La Garde » is not (Var 26,000, two villages of about 100): where one homonym is ten times larger,
 * a parent who says the name almost always means it, and the offer nearby settles the rest. A département or a
 * postcode given with the name (« Saint-Priest 07 », « Saint-Priest (Rhône) », « Saint-Julien dans le Var »,
 * « Saint-Priest 69800 ») keeps only the communes it fits, and the name is then not ambiguous.
 */
export const AMBIGUITY_POPULATION_RATIO = 10;

/** Words that may stand between a name and its département: « Saint-Julien dans l'Ain », « en Haute-Savoie ». */
const BEFORE_DEPARTEMENT: ReadonlySet<string> = new Set(['dans', 'ds', 'en', 'l', 'le', 'la', 'les', 'du', 'de', 'd', 'departement', 'dept', 'dpt', 'in']);
/** How many words after a name may hold its département, fillers included. */
const QUALIFIER_REACH = 5;

/** The département a few words name at `at` ("rhone", "haute savoie", "69", "2a"), and how many words it took. */
function departementAt(words: readonly string[], at: number, departements: Departements): { code: string; length: number } | null {
  const word = words[at];
  if (word === undefined) return null;
  if (DEPARTEMENT_CODE.test(word)) {
    const code = word.toUpperCase();
    return departements.names.has(code) ? { code, length: 1 } : null;
  }
  for (let length = Math.min(departements.longest, words.length - at); length >= 1; length--) {
    const code = departements.byKey.get(words.slice(at, at + length).join(' '));
    if (code !== undefined) return { code, length };
  }
  return null;
}

/**
 * A département or postcode typed just after a name (tokens from `from`, raw folded words: "01" must stay "01"),
 * that some of the communes fit: those communes and the index after the qualifier. Null when there is none.
 */
export function qualifierAfter(
  words: readonly string[],
  from: number,
  communes: readonly Commune[],
  departements: Departements,
): { communes: Commune[]; end: number } | null {
  for (let at = from; at < words.length && at < from + QUALIFIER_REACH; at++) {
    const word = words[at];
    if (/^\d{5}$/.test(word)) {
      const fit = communes.filter((c) => c.postcodes.includes(word));
      return fit.length > 0 ? { communes: fit, end: at + 1 } : null;
    }
    const departement = departementAt(words, at, departements);
    if (departement) {
      const fit = communes.filter((c) => c.departement === departement.code);
      return fit.length > 0 ? { communes: fit, end: at + departement.length } : null;
    }
    if (!BEFORE_DEPARTEMENT.has(word)) return null;
  }
  return null;
}

/** The communes as candidates, most populous first, each once. */
export function candidatesOf(communes: readonly Commune[], departements: Departements): PlaceCandidate[] {
  const seen = new Set<string>();
  const out: PlaceCandidate[] = [];
  for (const commune of [...communes].sort((a, b) => b.population - a.population)) {
    if (seen.has(commune.code)) continue;
    seen.add(commune.code);
    out.push({ commune, departement: { code: commune.departement, name: departements.names.get(commune.departement) ?? commune.departement } });
  }
  return out;
}

/** Whether candidates, most populous first, are too alike in size for the bot to choose (see AMBIGUITY_POPULATION_RATIO). */
export function isAmbiguous(candidates: readonly PlaceCandidate[]): boolean {
  if (candidates.length < 2) return false;
  return candidates[0].commune.population < AMBIGUITY_POPULATION_RATIO * candidates[1].commune.population;
}

/** « le premier », « 2 », « la deuxième », « the second », « le dernier »: a position in a list, from 0. */
const POSITIONS: ReadonlyArray<readonly string[]> = [
  ['premier', 'premiere', 'first', '1er', '1ere', '1st', 'un', 'une', 'one'],
  ['deuxieme', 'second', 'seconde', '2e', '2eme', '2nd', 'deux', 'two'],
  ['troisieme', 'third', '3e', '3eme', '3rd', 'trois', 'three'],
  ['quatrieme', 'fourth', '4e', '4eme', '4th', 'quatre', 'four'],
  ['cinquieme', 'fifth', '5e', '5eme', '5th', 'cinq', 'five'],
  ['sixieme', 'sixth', '6e', '6eme', '6th', 'six'],
  ['septieme', 'seventh', '7e', '7eme', '7th', 'sept', 'seven'],
  ['huitieme', 'eighth', '8e', '8eme', '8th', 'huit', 'eight'],
  ['neuvieme', 'ninth', '9e', '9eme', '9th', 'neuf', 'nine'],
  ['dixieme', 'tenth', '10e', '10eme', '10th', 'dix', 'ten'],
];
const LAST: ReadonlySet<string> = new Set(['dernier', 'derniere', 'last']);
/** Numbers and number words are read as positions only in a short answer (« le 2 », « numéro 3 », « the first one »). */
const POSITION_ANSWER_MAX_WORDS = 4;

function positionIn(words: readonly string[], count: number): number | null {
  if (words.length > POSITION_ANSWER_MAX_WORDS) return null;
  for (const word of words) {
    if (LAST.has(word)) return count - 1;
    const number = /^\d{1,2}$/.test(word) ? Number(word) - 1 : POSITIONS.findIndex((forms) => forms.includes(word));
    if (number >= 0 && number < count) return number;
  }
  return null;
}

/** Whether `needle` (words) stands in `haystack` (words) as whole words. */
function containsWords(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    let all = true;
    for (let k = 0; k < needle.length && all; k++) all = haystack[i + k] === needle[k];
    if (all) return true;
  }
  return false;
}

/** The candidates whose name (by `nameOf`) the answer holds, of the longest name held; null when none is held. */
function longestNamed(candidates: readonly PlaceCandidate[], keys: readonly string[], nameOf: (c: PlaceCandidate) => string): PlaceCandidate[] | null {
  let named: PlaceCandidate[] = [];
  let longest = 0;
  for (const candidate of candidates) {
    const name = placeKey(nameOf(candidate)).split(' ');
    if (!containsWords(keys, name) || name.length < longest) continue;
    if (name.length > longest) named = [];
    named.push(candidate);
    longest = name.length;
  }
  return named.length > 0 ? named : null;
}

/** The one candidate of a list that `keep` keeps, or null when none or several. */
function onlyOne(candidates: readonly PlaceCandidate[], keep: (c: PlaceCandidate) => boolean): PlaceCandidate | null {
  const kept = candidates.filter(keep);
  return kept.length === 1 ? kept[0] : null;
}

/**
 * The candidate a parent's answer to « lequel ? » names: a postcode (« 01230 »), a département code (« 01 », « 2A »)
 * or name (« celui de l'Ain », « Haute-Savoie »), the commune's full name, or its position in the list as it was
 * shown (« le premier », « 2 », « the second one », « le dernier »). Null when the answer names none, or several.
 */
export function resolveAmong(candidates: readonly PlaceCandidate[], answerText: string): PlaceCandidate | null {
  if (candidates.length === 0) return null;
  // Raw folded words: placeTokens would read "01" as the ordinal 1.
  const words = fold(answerText.slice(0, 300)).split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  if (words.length === 0) return null;

  const postcode = words.find((w) => /^\d{5}$/.test(w));
  if (postcode) return onlyOne(candidates, (c) => c.commune.postcodes.includes(postcode));

  const code = words.find((w) => DEPARTEMENT_CODE.test(w) && candidates.some((c) => c.departement.code === w.toUpperCase()));
  if (code) return onlyOne(candidates, (c) => c.departement.code === code.toUpperCase());

  // The longest département name the answer holds (« Haute-Savoie », not « Savoie »), else the longest commune name.
  const keys = placeKey(answerText.slice(0, 300)).split(' ');
  const named = longestNamed(candidates, keys, (c) => c.departement.name) ?? longestNamed(candidates, keys, (c) => c.commune.name);
  if (named) return named.length === 1 ? named[0] : null;

  const position = positionIn(words, candidates.length);
  if (position !== null) return candidates[position];
  return byDistinctiveWord(candidates, keys);
}

/**
 * The one candidate the answer names by a word of its own: a word of its name or its département's that the other
 * candidates' names do not hold (« genevois » for Saint-Julien-en-Genevois, « concelles », « savoie »). Null when
 * the answer's words point to none, or to several alike.
 */
function byDistinctiveWord(candidates: readonly PlaceCandidate[], answer: readonly string[]): PlaceCandidate | null {
  const wordsOf = candidates.map((c) => new Set([...placeKey(c.commune.name).split(' '), ...placeKey(c.departement.name).split(' ')]));
  const holders = new Map<string, number>();
  for (const words of wordsOf) for (const word of words) holders.set(word, (holders.get(word) ?? 0) + 1);
  const hits = candidates.map(() => 0);
  for (const word of new Set(answer)) {
    if (STOP_WORDS.has(word) || word.length < 3 || /^\d+$/.test(word)) continue;
    // A word every candidate holds (« saint », « julien ») says nothing of which.
    if ((holders.get(word) ?? 0) >= candidates.length) continue;
    wordsOf.forEach((words, k) => {
      if (words.has(word)) hits[k] += 1 / (holders.get(word) ?? 1);
    });
  }
  const best = Math.max(...hits);
  if (best <= 0) return null;
  const top = hits.filter((h) => h === best).length;
  return top === 1 ? candidates[hits.indexOf(best)] : null;
}

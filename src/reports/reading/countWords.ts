import type { Token } from './folding';
import { isAnyWord } from './words';

/**
 * The words counts are tied to: « 14 parents », « douze familles dont 4 monoparentales », « 6 en QPV ». Shared by the
 * one-sentence start (readReportStatement) and the answers to one count (readCount, readCountFor).
 */

export type CountField = 'sessions' | 'parents' | 'children' | 'families' | 'qpvParents' | 'singleParentFamilies';
export type Noun = 'sessions' | 'parents' | 'children' | 'families';

export const NOUNS: ReadonlyArray<readonly [Noun, readonly string[]]> = [
  ['parents', ['parent', 'parents', 'mere', 'meres', 'pere', 'peres', 'maman', 'mamans', 'papa', 'papas', 'adulte', 'adultes', 'mother', 'mothers', 'father', 'fathers', 'mum', 'mums', 'mom', 'moms', 'dad', 'dads', 'adult', 'adults']],
  ['children', ['enfant', 'enfants', 'enft', 'enfts', 'gamin', 'gamins', 'bebe', 'bebes', 'ado', 'ados', 'adolescent', 'adolescents', 'jeunes', 'child', 'children', 'kid', 'kids', 'baby', 'babies', 'teenagers', 'toddlers']],
  ['families', ['famille', 'familles', 'foyer', 'foyers', 'family', 'families', 'household', 'households']],
  ['sessions', ['seance', 'seances', 'session', 'sessions', 'rencontre', 'rencontres', 'reunion', 'reunions', 'fois', 'creneau', 'creneaux', 'journee', 'journees', 'meeting', 'meetings', 'times', 'atelier', 'ateliers', 'workshop', 'workshops']],
];

/**
 * Words of a kind of action that count its sessions only in figures (« 2 ateliers »): « un atelier » is the action,
 * not one session, and « 2 ateliers de 3 séances » says too little to choose (the form asks).
 */
export const SESSIONS_BY_KIND: ReadonlySet<string> = new Set(['atelier', 'ateliers', 'workshop', 'workshops']);

/** Between two counts of one field, what adds them up: « 9 mamans et 2 papas », « 5 enfants, 3 bébés », « 4 + 2 ». */
export const ADDS_UP = /^\s*(?:,|\+|&|et|and|plus|ainsi que)?\s*$/;

/** Words that may stand between a number and its noun: « 12 jeunes enfants », « une vingtaine de parents ». */
export const FILLERS: ReadonlySet<string> = new Set(['nouveaux', 'nouvelles', 'nouveau', 'nouvelle', 'jeunes', 'petits', 'petites', 'autres', 'de', 'd', 'des', 'new', 'other', 'young', 'different', 'differents', 'differentes']);
/** Before a number, it is a part of a whole already given: « 14 parents dont 6 du quartier prioritaire ». */
export const PART_OF: ReadonlySet<string> = new Set(['dont', 'parmi', 'including', 'among', 'of']);
/** Within what qualifies a count, these start another count: « 32 parents dont dix en QPV ». */
const STARTS_A_PART: ReadonlySet<string> = new Set(['dont', 'parmi', 'including', 'among', 'whom']);

/** The words of « du quartier prioritaire », « en QPV », « monoparentales », « politique de la ville ». */
export const QUALIFIER_WORDS = new Set(['qpv', 'qpvs', 'quartier', 'quartiers', 'prioritaire', 'prioritaires', 'monoparentale', 'monoparentales', 'monoparental', 'monoparentaux', 'mono', 'du', 'en', 'de', 'la', 'politique', 'ville', 'single', 'lone', 'parent', 'priority', 'area', 'areas', 'neighbourhood', 'neighbourhoods', 'neighborhood', 'neighborhoods', 'nombre', 'nb']);
export const QUALIFIER_ENDS = new Set(['qpv', 'qpvs', 'prioritaire', 'prioritaires', 'monoparentale', 'monoparentales', 'monoparental', 'monoparentaux', 'mono', 'ville', 'areas', 'neighbourhoods', 'neighborhoods']);

export function nounAt(tokens: readonly Token[], i: number): Noun | null {
  const token = tokens[i];
  if (token === undefined || token.digits) return null;
  for (const [noun, words] of NOUNS) if (isAnyWord(token.word, words)) return noun;
  return null;
}

/** The neighbourhood a part of the parents comes from: « dont 3 du quartier », « dont 2 des quartiers ». */
const FROM_THE_NEIGHBOURHOOD: ReadonlySet<string> = new Set(['du', 'des', 'de', 'notre', 'nos', 'from', 'the', 'our']);

/**
 * « du quartier prioritaire », « en QPV », « QPV », « from priority neighbourhoods » within the next words. Another
 * number (`numberAt`: the tokens numbers stand on, digits or words) or « dont » ends the search: in « trente-deux
 * parents dont dix en QPV » the QPV is said of the ten, not of the thirty-two. For a part of a whole (`part`: after
 * « dont », « parmi »), « du quartier » is the priority neighbourhood a centre works in: « 14 parents dont 6 du
 * quartier » are 6 QPV parents.
 */
export function qualifierAfter(text: string, tokens: readonly Token[], from: number, numberAt: ReadonlySet<number>, part = false): 'qpv' | 'singleParent' | null {
  for (let i = from; i < tokens.length && i < from + 6; i++) {
    // A comma or a full stop ends what qualifies the number.
    if (i > from && /[,;.!?()]/.test(text.slice(tokens[i - 1].end, tokens[i].start))) return null;
    const word = tokens[i].word;
    const next = tokens[i + 1]?.word;
    if (tokens[i].digits || numberAt.has(i) || STARTS_A_PART.has(word)) return null;
    if (word === 'qpv' || word === 'qpvs' || (/^quartiers?$/.test(word) && next !== undefined && /^prioritaires?$/.test(next))) return 'qpv';
    if (part && /^(?:quartiers?|neighbou?rhoods?)$/.test(word) && FROM_THE_NEIGHBOURHOOD.has(tokens[i - 1]?.word ?? '')) return 'qpv';
    if (word === 'politique' && next === 'de' && tokens[i + 2]?.word === 'la' && tokens[i + 3]?.word === 'ville') return 'qpv';
    if (word === 'priority' && next !== undefined && /^(?:areas?|neighbou?rhoods?|districts?)$/.test(next)) return 'qpv';
    if (/^monoparental(?:e|es|s)?$/.test(word) || word === 'mono') return 'singleParent';
    if ((word === 'single' || word === 'lone') && next !== undefined && /^parents?$/.test(next)) return 'singleParent';
    if (nounAt(tokens, i) !== null && i > from) return null;
  }
  return null;
}

export function fieldFor(noun: Noun | null, qualifier: 'qpv' | 'singleParent' | null): CountField | null {
  if (qualifier === 'singleParent') return noun === null || noun === 'families' || noun === 'parents' ? 'singleParentFamilies' : null;
  if (qualifier === 'qpv') return noun === null || noun === 'parents' ? 'qpvParents' : null;
  return noun;
}


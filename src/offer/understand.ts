import type { DateTime } from 'luxon';
import { fold, STOP_WORDS } from '../language/text';
import type { CommuneIndex, CommuneMatch } from '../geo';
import { rememberLast } from '../shared/remember';
import { matchTokens, PhraseMatcher, singular } from './phrases';
import { extractTimeIntent, MONTHS, TIME_WORDS, type TimeIntent } from './timeQuery';
import { AUDIENCES, KIND_GROUPS, KINDS, REMOTE_WORDS, type AudienceId, type KindId } from './vocabulary';

/**
 * Reads one message of a parent: the kinds of help, the audience, a child's age, when, where (a commune, a postcode,
 * "près de moi"), and the follow-up words ("d'autres", "plus loin"). Every phrase list is data; a phrase found is
 * consumed so that "d'autres parents" (peer support) is not also "d'autres" (more results).
 */

type Signal =
  | { type: 'kinds'; kinds: readonly KindId[] }
  | { type: 'audience'; audience: AudienceId }
  | { type: 'remote' }
  | { type: 'near-me' }
  | { type: 'more' }
  | { type: 'farther' }
  | { type: 'help' }
  | { type: 'sheet' };

function kindPhrases(): Array<readonly [string, Signal]> {
  // The same words may name a kind and a group of kinds ("groupe d'entraide"): their kinds are merged.
  const byPhrase = new Map<string, Set<KindId>>();
  const add = (phrase: string, kinds: readonly KindId[]) => {
    const key = matchTokens(phrase).join(' ');
    const set = byPhrase.get(key) ?? new Set<KindId>();
    for (const k of kinds) set.add(k);
    byPhrase.set(key, set);
  };
  for (const kind of KINDS) for (const phrase of [...kind.serviceWords, ...kind.parentWords]) add(phrase, [kind.id]);
  for (const group of KIND_GROUPS) for (const phrase of group.words) add(phrase, group.kinds);
  return [...byPhrase].map(([phrase, kinds]) => [phrase, { type: 'kinds', kinds: [...kinds] }] as const);
}

const NEAR_ME = ['pres de moi', 'pres de chez moi', 'autour de moi', 'a cote de chez moi', 'a cote de moi', "pres d'ici", 'autour de chez moi',
  'dans mon quartier', 'ma position', 'mon quartier', 'near me', 'nearby', 'close to me', 'around me', 'near my home', 'near where i live',
  'where i am', 'my location', 'ma localisation'];
const MORE = ["d'autres", 'autres', 'voir plus', 'plus de resultats', 'encore', 'suivants', 'la suite', 'les suivants', 'more', 'show more',
  'see more', 'next', 'others', 'other ones', 'any others'];
const FARTHER = ['plus loin', 'elargir', 'elargis', 'agrandir', 'plus large', 'further', 'farther', 'further away', 'wider'];
const HELP = ['aide', 'aider', "m'aider", 'soutien', 'soutenir', 'besoin', 'cherche', 'chercher', 'trouver', 'existe', 'y a-t-il', 'qui peut',
  'conseil', 'conseils', 'help', 'find', 'looking for', 'support', 'is there', 'where can'];
const SHEET = ['fiche', 'fiches', 'fiche action', 'pilote', 'pilotage', 'pilot', 'pilots', 'coordonne', 'anime', 'animateur', 'indicateur',
  'indicateurs', 'partenaire', 'partenaires', 'financement', 'financements', 'finance', 'echeance', 'echeances', 'calendrier', 'schema',
  'plan', 'axe', 'action', 'actions', 'diagnostic', 'objectif', 'objectifs', 'sheet', 'sheets', 'indicators', 'indicator', 'partners',
  'funding', 'deadline', 'deadlines', 'veut dire', 'signifie', 'definition', 'sigle', 'acronyme', 'bilan', 'bilans', 'means', 'stand for',
  'stands for', 'udaf', 'msa', 'ctg', 'cdsf', 'sdsf', 'reaap', 'fnp', 'senacs', 'resultats attendus', 'realisations',
  // Figures from a diagnosis ("quelle part des familles…") are asked of the sheets, not of the offer.
  'quelle part', 'part des', 'pourcentage', 'proportion', 'combien de familles', 'combien de parents', 'chiffre', 'chiffres',
  'statistique', 'statistiques', 'taux', 'enquete', 'diagnostic', 'what share', 'percentage', 'how many families'];
/** Words of a search that name nothing specific: not worth a free-text search, never a place. */
const GENERIC = ['parent', 'parents', 'enfant', 'enfants', 'famille', 'familles', 'fils', 'fille', 'papa', 'maman', 'mere', 'pere',
  'bebe', 'ouvert', 'ouverte', 'ouverts', 'ouvertes', 'open', 'horaire', 'horaires', 'endroit', 'lieu', 'lieux', 'service', 'services',
  'structure', 'structures', 'propose', 'proposer', 'association', 'bonjour', 'merci', 'svp', 'please', 'hello', 'voudrais', 'veux',
  'peux', 'pouvez', 'peut', 'faire', 'quelqu', 'quelque', 'chose', 'question', 'questions', 'education', 'parentalite', 'ans', 'an', 'mois',
  'years', 'old', 'child', 'children', 'kid', 'kids', 'son', 'daughter', 'family', 'parenting', 'place', 'places', 'want', 'would', 'like',
  'need', 'can', 'could', 'there', 'exists', 'exist', 'any', 'some', 'near', 'pres', 'loin', 'where', 'ou', 'quand', 'comment', 'avoir',
  'parle', 'parler', 'plus', 'suis', 'mon', 'ma', 'mes', 'nous', 'chez', 'ici', 'me', 'moi', 'seul', 'seule', 'ne', 'pas', 'dit', 'fait',
  'etre', 'ete', 'jour', 'jours', 'semaine', 'heure', 'heures', 'gratuit', 'gratuite', 'free', 'cest', 'quoi', 'qui', 'oui', 'non', 'ok',
  'daccord', 'est', 'sont', 'il', 'elle', 'y', 'a', 't'];

const matcher = new PhraseMatcher<Signal>([
  ...kindPhrases(),
  ...AUDIENCES.flatMap((a) => [...a.serviceWords, ...a.parentWords].map((w) => [w, { type: 'audience', audience: a.id }] as const)),
  ...REMOTE_WORDS.map((w) => [w, { type: 'remote' }] as const),
  ...NEAR_ME.map((w) => [w, { type: 'near-me' }] as const),
  ...MORE.map((w) => [w, { type: 'more' }] as const),
  ...FARTHER.map((w) => [w, { type: 'farther' }] as const),
  ...HELP.map((w) => [w, { type: 'help' }] as const),
  ...SHEET.map((w) => [w, { type: 'sheet' }] as const),
]);

const GENERIC_WORDS: ReadonlySet<string> = new Set(GENERIC.map((w) => singular(fold(w))));

/** Words the place finder must never take for a commune on their own: everything this module understands. */
const UNDERSTOOD_WORDS: ReadonlySet<string> = new Set([
  ...matcher.vocabulary(),
  ...[...matcher.vocabulary()].map((w) => `${w}s`),
  ...TIME_WORDS,
  ...GENERIC_WORDS,
  ...GENERIC.map((w) => fold(w)),
]);

/**
 * What the place finder must not take for a commune, for the communes loaded: the words understood, except months
 * that also name a commune ("à Mars", "à Avril"), which it reads only after a place word.
 */
const placeIgnoreWords = new WeakMap<CommuneIndex, ReadonlySet<string>>();
function ignoredAsPlaces(communes: CommuneIndex): ReadonlySet<string> {
  let ignored = placeIgnoreWords.get(communes);
  if (!ignored) {
    const words = new Set(UNDERSTOOD_WORDS);
    for (const month of MONTHS) if (communes.resolve(month)?.via === 'name') words.delete(month);
    ignored = words;
    placeIgnoreWords.set(communes, ignored);
  }
  return ignored;
}

const FOLLOW_UP_START = new Set(['et', 'lesquels', 'lesquelles', 'ceux', 'celles', 'parmi', 'and', 'what', 'which', 'those']);

const CHILD_WORDS = ['fils', 'fille', 'enfant', 'enfants', 'petit', 'petite', 'bebe', 'ado', 'garcon', 'gamin', 'gamine', 'son', 'daughter',
  'child', 'kid', 'boy', 'girl', 'toddler', 'baby', 'teen'];
const AGE_FR = /\b(\d{1,2})\s*(ans?|mois)\b/g;
const AGE_EN = /\b(\d{1,2})[\s-]*(years?|yrs?|months?)([\s-]*old)?\b/g;

const CHILD_WORD = new RegExp(`\\b(?:${CHILD_WORDS.join('|')})s?\\b`);

/** A child's age in years from "mon fils de 4 ans", "ma fille a 15 ans", "my 3-year-old", "bébé de 18 mois". */
function childAge(folded: string): number | null {
  if (!CHILD_WORD.test(folded)) return null;
  for (const pattern of [AGE_FR, AGE_EN]) {
    for (const m of folded.matchAll(pattern)) {
      const value = Number(m[1]);
      const months = m[2].startsWith('mois') || m[2].startsWith('month');
      const years = months ? Math.floor(value / 12) : value;
      if (years <= 25) return years;
    }
  }
  return null;
}

export type Understanding = {
  kinds: KindId[];
  audiences: AudienceId[];
  age: number | null;
  time: TimeIntent | null;
  remote: boolean;
  place: CommuneMatch | null;
  nearMe: boolean;
  more: boolean;
  farther: boolean;
  /** The message builds on the previous search ("et à Givors ?", "lesquels…"). */
  followUp: boolean;
  help: boolean;
  /** How many words point to the partners' action sheets rather than to a parent's search. */
  sheetSignals: number;
  /** Words nothing else explained, for a free-text search. */
  freeText: string;
  /** How many words of the message were understood (anything above). */
  understood: number;
  words: number;
};

/** A sheet number ("PA 3.2.1", "fiche 1.2.5", "pa321"): surely a partners' question. */
const SHEET_CODE = /\b(?:pa|fa|fiche)\s*\.?\s*\d(?:[.\s]?\d){1,3}\b|\b\d\.\d\.\d\b/;

/** A message as read without the clock: everything but the time it asks about, which depends on `now` ("demain"). */
export type Reading = Omit<Understanding, 'time'> & { mentionsTime: boolean };

/** What the message's known phrases say, before times, ages and places are looked for. */
type PhraseReading = {
  folded: string;
  tokens: string[];
  /** Tokens a phrase consumed. */
  used: boolean[];
  kinds: ReadonlySet<KindId>;
  audiences: ReadonlySet<AudienceId>;
  flags: { remote: boolean; nearMe: boolean; more: boolean; farther: boolean; help: boolean };
  sheetSignals: number;
};

/** Readings depend on the communes loaded: the last one is remembered per index (see rememberLast). */
const readings = new WeakMap<CommuneIndex, (text: string, now: DateTime) => Reading>();
/** The main dialog asks for a message's sheet signals, then for the whole reading: its phrases are read once. */
const readPhrasesOnce = rememberLast(readPhrases);

/**
 * How a parent's message reads, without the time it names (see `understand`): what the main dialog scores and the
 * search answers, read once for both.
 */
export function readOfferMessage(text: string, now: DateTime, communes: CommuneIndex): Reading {
  let readOnce = readings.get(communes);
  if (!readOnce) {
    // The clock only tells whether a time is named, not which: a reading does not depend on it.
    readOnce = rememberLast((message: string, at: DateTime) => read(message, at, communes));
    readings.set(communes, readOnce);
  }
  return readOnce(text.slice(0, 1000), now);
}

/** How many sheet numbers and sheet words ("fiche", "pilote", "indicateurs") the message holds. */
export function sheetSignalsOf(text: string): number {
  return readPhrasesOnce(text.slice(0, 1000)).sheetSignals;
}

export function understand(text: string, now: DateTime, communes: CommuneIndex): Understanding {
  const reading = readOfferMessage(text, now, communes);
  const { mentionsTime, ...rest } = reading;
  return { ...rest, kinds: [...rest.kinds], audiences: [...rest.audiences], time: mentionsTime ? extractTimeIntent(text.slice(0, 1000), now) : null };
}

function readPhrases(limited: string): PhraseReading {
  const folded = fold(limited);
  const tokens = matchTokens(limited);
  const matches = matcher.findTyped(tokens).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const used = new Array<boolean>(tokens.length).fill(false);
  const kinds = new Set<KindId>();
  const audiences = new Set<AudienceId>();
  const flags = { remote: false, nearMe: false, more: false, farther: false, help: false };
  let sheetSignals = SHEET_CODE.test(folded) ? 2 : 0;
  for (const match of matches) {
    if (used.slice(match.start, match.end).some(Boolean)) continue;
    for (let i = match.start; i < match.end; i++) used[i] = true;
    const signal = match.value;
    switch (signal.type) {
      case 'kinds':
        for (const k of signal.kinds) kinds.add(k);
        break;
      case 'audience':
        audiences.add(signal.audience);
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
      case 'sheet':
        sheetSignals++;
        break;
    }
  }
  return { folded, tokens, used, kinds, audiences, flags, sheetSignals };
}

function read(limited: string, now: DateTime, communes: CommuneIndex): Reading {
  const phrases = readPhrasesOnce(limited);
  const { folded, tokens, used, flags, sheetSignals } = phrases;
  // The phrase reading is shared with sheetSignalsOf: what an age adds is added to a copy.
  const kinds = phrases.kinds;
  const audiences = new Set(phrases.audiences);
  const time = extractTimeIntent(limited, now);
  const age = childAge(folded);
  if (age !== null) {
    for (const audience of AUDIENCES) if (audience.ages && age >= audience.ages[0] && age <= audience.ages[1]) audiences.add(audience.id);
  }
  const restIsPlace = kinds.size > 0 || audiences.size > 0 || time !== null || Object.values(flags).some(Boolean);
  const place = communes.findInSentence(limited, { ignoreWords: ignoredAsPlaces(communes), restIsPlace });
  const placeTokens = new Set(place ? place.matched.split(' ') : []);

  const free: string[] = [];
  tokens.forEach((token, i) => {
    if (used[i] || STOP_WORDS.has(token) || TIME_WORDS.has(token) || GENERIC_WORDS.has(token) || placeTokens.has(token)) return;
    if (token.length < 3 || /^\d+$/.test(token)) return;
    free.push(token);
  });
  const understoodCount = used.filter(Boolean).length + (place ? placeTokens.size : 0) + (time ? 1 : 0);
  return {
    kinds: [...kinds],
    audiences: [...audiences],
    age,
    mentionsTime: time !== null,
    remote: flags.remote,
    place,
    nearMe: flags.nearMe,
    more: flags.more,
    farther: flags.farther,
    followUp: FOLLOW_UP_START.has(tokens[0] ?? ''),
    help: flags.help,
    sheetSignals,
    freeText: free.slice(0, 8).join(' '),
    understood: understoodCount,
    words: tokens.length,
  };
}

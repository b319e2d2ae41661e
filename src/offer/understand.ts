import type { DateTime } from 'luxon';
import { fold, STOP_WORDS, words as foldedWords } from '../language/text';
import type { CommuneIndex, CommuneMatch } from '../geo';
import { schoolStageOfChild } from './classify';
import { mayBeResultQuestion, readResultQuestion, type ResultTopic } from './resultQuestion';
import { peerGroups } from './peerGroups';
import { matchTokens, PhraseMatcher, singular, startsWith, type PhraseMatch } from './phrases';
import { SITUATIONS, type Situation } from './situations';
import { extractTimeIntent, MONTHS, TIME_WORDS, type TimeIntent } from './timeQuery';
import {
  AUDIENCES,
  FATHER_WORDS,
  GENERAL_SUPPORT_WORDS,
  KIND_AGES,
  KIND_GROUPS,
  KINDS,
  OUT_OF_SCOPE,
  PARTNER_BODY_WORDS,
  PEER_GROUP,
  REMOTE_WORDS,
  SHORT_FORMS,
  type AudienceId,
  type KindId,
  type OutOfScopeId,
} from './vocabulary';

/**
 * Reads one message of a parent, once: the kinds of help named, the situation described, the audience, a child's
 * age, when (against the turn's instant), where (a commune, a postcode, "près de moi"), and the follow-up words
 * ("d'autres", "plus loin", "et à …"). Every phrase list is data; a phrase found is consumed so that "d'autres
 * parents" (peer support) is not also "d'autres" (more results). Pure: the same text at the same instant reads the
 * same, and nothing is remembered between calls.
 */

type Signal =
  | { type: 'kinds'; kinds: readonly KindId[] }
  | { type: 'situation'; id: string }
  | { type: 'out-of-scope'; topic: OutOfScopeId }
  | { type: 'partner-body' }
  | { type: 'audience'; audience: AudienceId }
  | { type: 'general' }
  | { type: 'remote' }
  | { type: 'near-me' }
  | { type: 'more' }
  | { type: 'farther' }
  | { type: 'help' };

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
  "a qui m'adresser", "a qui s'adresser", 'qui contacter', 'conseil', 'conseils', 'help', 'find', 'looking for', 'support', 'is there',
  'where can', 'who can'];
/** Words of a search that name nothing specific: not worth a free-text search, never a place. */
const GENERIC = ['habite', 'habitons', 'vis', 'vit', 'vivons', 'plutot', 'mais', 'enfin', 'parent', 'parents', 'enfant', 'enfants', 'famille', 'familles', 'fils', 'fille', 'papa', 'maman', 'mere', 'pere',
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
  'who', 'someone', 'something', 'anything', 'thing', 'things', 'help', 'thanks', 'thank', 'you', 'he', 'she', 'they', 'we', 'us',
  // SMS forms of the verbs above (« jvoudrai », « jsuis », « yaurai »): they say no more than the verbs do.
  'jvoudrai', 'jvoudrais', 'jveux', 'jpeux', 'jsuis', 'jsui', 'chui', 'chuis', 'jcherche', 'jhabite', 'jaimerai', 'jaimerais',
  'voudrai', 'aimerai', 'aimerais', 'yaurai', 'yaurait', 'yaura', 'ya', 'yen', 'quelquun',
  // What a parent writes when sharing a position (« voilà ma position », « here is my location »): the position says it.
  'voila', 'voici', 'position', 'localisation', 'location', 'envoie', 'envoye', 'partage', 'partagee', 'here', 'joint',
  // Children named fondly or plainly, and what a parent says of them: the audience and the age say more.
  'gamin', 'gamine', 'gamins', 'gosse', 'gosses', 'fiston', 'puce', 'loulou', 'jeune', 'jeunes', 'difficulte', 'difficultes'];

const matcher = new PhraseMatcher<Signal>([
  ...kindPhrases(),
  ...SITUATIONS.flatMap((s) => s.phrases.map((p) => [p, { type: 'situation', id: s.id }] as const)),
  ...OUT_OF_SCOPE.flatMap((topic) => topic.words.map((w) => [w, { type: 'out-of-scope', topic: topic.id }] as const)),
  ...PARTNER_BODY_WORDS.map((w) => [w, { type: 'partner-body' }] as const),
  ...AUDIENCES.flatMap((a) => [...a.serviceWords, ...a.parentWords].map((w) => [w, { type: 'audience', audience: a.id }] as const)),
  ...GENERAL_SUPPORT_WORDS.map((w) => [w, { type: 'general' }] as const),
  ...REMOTE_WORDS.map((w) => [w, { type: 'remote' }] as const),
  ...NEAR_ME.map((w) => [w, { type: 'near-me' }] as const),
  ...MORE.map((w) => [w, { type: 'more' }] as const),
  ...FARTHER.map((w) => [w, { type: 'farther' }] as const),
  ...HELP.map((w) => [w, { type: 'help' }] as const),
]);

const GENERIC_WORDS: ReadonlySet<string> = new Set(GENERIC.map((w) => singular(fold(w))));

/** The parent saying he is a father: read apart, since the same words say more (« papa solo » is a parent solo). */
const fatherMatcher = new PhraseMatcher<true>(FATHER_WORDS.map((w) => [w, true] as const));

/** Words the place finder must never take for a commune on their own: everything this module understands. */
const UNDERSTOOD_WORDS: ReadonlySet<string> = new Set([
  ...matcher.vocabulary(),
  ...[...matcher.vocabulary()].map((w) => `${w}s`),
  ...TIME_WORDS,
  ...GENERIC_WORDS,
  ...GENERIC.map((w) => fold(w)),
  // Short forms as typed (« ptits », « parol »): what they stand for is understood, so are they.
  ...[...SHORT_FORMS.keys()].flatMap((w) => [w, `${w}s`]),
]);

/**
 * What the place finder must not take for a commune, for the communes loaded: the words understood, except months
 * that also name a commune ("à Mars", "à Avril"), which it reads only after a place word. Worked out once per index
 * of communes (it depends on nothing else): a property of the data, not a memory of messages.
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

/** How a message that builds on the search under way starts: "et à Bron ?", "lesquels…", "what about Saturday?". */
const FOLLOW_UP_START = new Set(['et', 'lesquels', 'lesquelles', 'lequel', 'laquelle', 'ceux', 'celles', 'parmi', 'plutot', 'sinon', 'and',
  'which', 'those', 'instead']);
const FOLLOW_UP_PHRASES: ReadonlyArray<readonly string[]> = [['what', 'about'], ['how', 'about'], ['et', 'pour'], ['et', 'si']];

// « bb » is read on the folded message, before short forms are spelt out: « un bb de 8 mois ».
const CHILD_WORDS = ['fils', 'fille', 'enfant', 'enfants', 'petit', 'petite', 'ptit', 'ptite', 'bebe', 'bb', 'nourrisson', 'ado', 'garcon', 'gamin',
  'gamine', 'gosse', 'fiston', 'puce', 'loulou', 'son', 'daughter',
  'child', 'kid', 'boy', 'girl', 'toddler', 'baby', 'teen', 'il', 'elle', 'he', 'she'];
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

/**
 * A long message tells a story ("il ne veut plus venir chez moi le week-end"): a day in it is part of the story, not
 * when the place should be open, unless the message says so ("ouvert", "open", "disponible"). Short messages are
 * searches: "laep samedi bron".
 */
const STORY_WORDS = 25;
const OPEN_WORDS = new Set(['ouvert', 'ouverte', 'open', 'disponible', 'available', 'horaire', 'horaires', 'tonight', 'maintenant', 'now']);

function asksForTime(tokens: readonly string[]): boolean {
  return tokens.length <= STORY_WORDS || tokens.some((t) => OPEN_WORDS.has(t));
}

/** The words of a message as matched: folded, short forms spelt out ("grp" → "groupe"), plurals folded. */
function readTokens(text: string): string[] {
  return foldedWords(text).map((word) => singular(SHORT_FORMS.get(word) ?? SHORT_FORMS.get(singular(word)) ?? word));
}

const SITUATION_BY_ID: ReadonlyMap<string, Situation> = new Map(SITUATIONS.map((s) => [s.id, s]));

/**
 * The audiences of the children the message is about. A stated age is surer than a word: "mon petit de 12 ans" is a
 * teenager, so audiences whose ages exclude it go, and the age's own audience comes.
 */
function audiencesFor(named: ReadonlySet<AudienceId>, age: number | null): AudienceId[] {
  if (age === null) return [...named];
  const out = [...named].filter((id) => {
    const ages = AUDIENCES.find((a) => a.id === id)?.ages;
    return !ages || (age >= ages[0] && age <= ages[1]);
  });
  for (const audience of AUDIENCES) {
    if (audience.ages && age >= audience.ages[0] && age <= audience.ages[1] && !out.includes(audience.id)) out.push(audience.id);
  }
  return out;
}

/** Whether a kind is by definition for an audience's children (a LAEP is for the tout-petits). */
function kindIsFor(kind: KindId, audience: AudienceId): boolean {
  const kindAges = KIND_AGES[kind];
  const ages = AUDIENCES.find((a) => a.id === audience)?.ages;
  return Boolean(kindAges && ages && ages[0] >= kindAges[0] && ages[1] <= kindAges[1]);
}

/** The audiences whose children's ages hold these ages (one year above still within: « lycée » to 18 is teenagers). */
function audiencesOfAges(ages: readonly [number, number]): AudienceId[] {
  return AUDIENCES.filter((a) => a.ages && ages[0] >= a.ages[0] && ages[1] <= a.ages[1] + 1).map((a) => a.id);
}

/** The children's ages the message tells, as ranges: the age stated, else those of the audiences with ages. */
function childAgeRanges(age: number | null, audiences: readonly AudienceId[]): Array<readonly [number, number]> {
  if (age !== null) return [[age, age]];
  return audiences.flatMap((id) => {
    const ages = AUDIENCES.find((a) => a.id === id)?.ages;
    return ages ? [ages] : [];
  });
}

/**
 * The kinds the situations described point to, in the order they were told, those that fit the children's audience
 * first. A kind for other ages than the children's (a LAEP for a teenager) is left out: a situation never pulls it.
 */
function kindsOfSituations(situations: readonly Situation[], audiences: readonly AudienceId[], ranges: ReadonlyArray<readonly [number, number]>): KindId[] {
  const kinds = new Set<KindId>();
  for (const situation of situations) {
    for (const audience of audiences) for (const kind of situation.byAudience?.[audience] ?? []) kinds.add(kind);
    for (const kind of situation.kinds) kinds.add(kind);
  }
  return [...kinds].filter((kind) => {
    const ages = KIND_AGES[kind];
    return !ages || ranges.length === 0 || ranges.some(([low, high]) => low <= ages[1] && high >= ages[0]);
  });
}

/** A parent's message as the find-support journey reads it. */
export type OfferReading = {
  /** The words read (the first READ_CHARACTERS): an answer to "which commune?" is matched against them. */
  text: string;
  /** Kinds of support named ("un LAEP", "groupe de parole"). */
  kinds: KindId[];
  /**
   * Kinds the situations described point to ("on se dispute pour la garde" → médiation familiale), most fitting
   * first, none for other ages than the children's; without the kinds named.
   */
  situationKinds: KindId[];
  /** The situations described, in the order told (ids of src/offer/situations.ts): the journey may fall back on them. */
  situations: string[];
  /**
   * A need this offer does not cover ("une crèche", "une nounou"): the journey says where to look instead
   * (`OUT_OF_SCOPE` in src/offer/vocabulary.ts). Its words are never searched as text.
   */
  outOfScope: OutOfScopeId | null;
  /** The message names a partners' body or plan (CLP, REAAP, CDSF…): about the plan, not a need of a parent. */
  partnerBody: boolean;
  audiences: AudienceId[];
  age: number | null;
  /** The time asked about, read against the turn's instant ("demain" is a date). */
  time: TimeIntent | null;
  remote: boolean;
  place: CommuneMatch | null;
  nearMe: boolean;
  more: boolean;
  farther: boolean;
  /** The message is worded as building on the search under way ("et à Givors ?", "lesquels…", "what about…"). */
  followUp: boolean;
  /** Support in general ("aide à la parentalité", "quelque chose pour les parents"). */
  general: boolean;
  help: boolean;
  /** Words nothing else explained, for a free-text search. */
  freeText: string;
  /** How many words of the message were understood (anything above). */
  understood: number;
  words: number;
  /** What a short question asks of the places just shown (« c'est quand ? », « c'est gratuit ? »): src/offer/resultQuestion.ts. */
  resultQuestion: ResultTopic[] | null;
};

/** The most of a message read: a parent's search is a sentence or two. */
const READ_CHARACTERS = 1000;

export function readOfferMessage(text: string, now: DateTime, communes: CommuneIndex): OfferReading {
  const limited = text.slice(0, READ_CHARACTERS);
  const folded = fold(limited);
  const tokens = readTokens(limited);
  // A town's own name is a place, not a word typed wrong (« Felletin » is no « bulletin »).
  const isCommuneName = (token: string) => communes.resolve(token)?.via === 'name';
  const matches = matcher.findTyped(tokens, isCommuneName).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const used = new Array<boolean>(tokens.length).fill(false);
  const kinds = new Set<KindId>();
  const situations: Array<{ situation: Situation; start: number }> = [];
  const audiences = new Set<AudienceId>();
  const outOfScope: Array<{ topic: OutOfScopeId; start: number }> = [];
  const flags = { remote: false, nearMe: false, more: false, farther: false, help: false, general: false, partnerBody: false };
  const kindSpans: Array<PhraseMatch<Signal>> = [];
  for (const match of matches) {
    if (used.slice(match.start, match.end).some(Boolean)) continue;
    for (let i = match.start; i < match.end; i++) used[i] = true;
    const signal = match.value;
    switch (signal.type) {
      case 'kinds':
        for (const k of signal.kinds) kinds.add(k);
        kindSpans.push(match);
        break;
      case 'situation': {
        const situation = SITUATION_BY_ID.get(signal.id);
        if (!situation) break;
        situations.push({ situation, start: match.start });
        for (const a of situation.audiences ?? []) audiences.add(a);
        break;
      }
      case 'out-of-scope':
        outOfScope.push({ topic: signal.topic, start: match.start });
        break;
      case 'partner-body':
        flags.partnerBody = true;
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
  // Words that name a kind for an audience say the audience too (« écoute ados »), unless the kind is for it by
  // definition: a toddler group is a LAEP, which names no other audience.
  for (const match of matches) {
    if (match.value.type !== 'audience') continue;
    const audience = match.value.audience;
    const inside = kindSpans.filter((span) => span.start <= match.start && match.end <= span.end);
    if (inside.some((span) => span.value.type === 'kinds' && !span.value.kinds.some((kind) => kindIsFor(kind, audience)))) audiences.add(audience);
  }
  const groups = peerGroups(tokens);
  for (const group of groups) {
    for (let i = group.start; i < group.end; i++) used[i] = true;
    if (!group.other) kinds.add(PEER_GROUP.kind);
  }
  // A group of parents that is another group (« groupe de parents d'élèves ») names no groupe de parole, nor its words do.
  const within = (span: { start: number; end: number }) => groups.some((g) => g.other && g.start <= span.start && span.end <= g.end);
  const naming = kindSpans.filter((span) => span.value.type === 'kinds' && span.value.kinds.includes(PEER_GROUP.kind));
  if (!groups.some((g) => !g.other) && naming.length > 0 && naming.every(within)) kinds.delete(PEER_GROUP.kind);
  for (const said of fatherMatcher.findExact(tokens)) {
    audiences.add('peres');
    for (let i = said.start; i < said.end; i++) used[i] = true;
  }
  const time = asksForTime(tokens) ? extractTimeIntent(limited, now) : null;
  // A school year is an age (« en CE2 »: 8); a stage is the audience of its ages (« au collège »: teenagers).
  const school = schoolStageOfChild(tokens);
  const stage = school?.stage ?? null;
  const age = childAge(folded) ?? (stage?.grade ? stage.ages[0] : null);
  if (stage && !stage.grade) for (const id of audiencesOfAges(stage.ages)) audiences.add(id);
  if (school) for (let i = school.start; i < school.end; i++) used[i] = true;
  const childAudiences = audiencesFor(audiences, age);
  situations.sort((a, b) => a.start - b.start);
  const told = situations.map((s) => s.situation).filter((s, i, all) => all.indexOf(s) === i);
  const situationKinds = kindsOfSituations(told, childAudiences, childAgeRanges(age, childAudiences)).filter((k) => !kinds.has(k));
  outOfScope.sort((a, b) => a.start - b.start);
  const restIsPlace = kinds.size > 0 || situationKinds.length > 0 || childAudiences.length > 0 || time !== null || outOfScope.length > 0 ||
    Object.values(flags).some(Boolean);
  const place = communes.findInSentence(limited, { ignoreWords: ignoredAsPlaces(communes), restIsPlace });
  // The words that named the place (and the marker before it) are never left for the text search: "Tours" is a town.
  const placeIndexes = new Set(place ? [...place.tokenIndexes, ...place.markerIndexes] : []);

  const free: string[] = [];
  tokens.forEach((token, i) => {
    if (used[i] || placeIndexes.has(i) || STOP_WORDS.has(token) || TIME_WORDS.has(token) || GENERIC_WORDS.has(token)) return;
    // A number, or an age typed as one word (« 3ans », « 18mois »): the age is read apart.
    if (token.length < 3 || /^\d+(?:ans?|moi|mois|yo|yrs?)?$/.test(token)) return;
    // Another town of the message (« j'habite à Lyon mais plutôt vers Bron »): a place too, never a search word.
    if (place && communes.resolve(token)?.via === 'name') return;
    free.push(token);
  });
  const followUp = FOLLOW_UP_START.has(tokens[0] ?? '') || FOLLOW_UP_PHRASES.some((phrase) => phrase.every((word, k) => tokens[k] === word));
  const reading: OfferReading = {
    text: limited,
    kinds: [...kinds],
    situationKinds,
    situations: told.map((s) => s.id),
    outOfScope: outOfScope[0]?.topic ?? null,
    partnerBody: flags.partnerBody,
    audiences: childAudiences,
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
    resultQuestion: null,
  };
  // Asked of the whole reading: a question about the places shown is one that names nothing a search would.
  if (mayBeResultQuestion(tokens.length)) reading.resultQuestion = readResultQuestion(reading);
  return reading;
}

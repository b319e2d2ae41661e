import { STOP_WORDS } from '../language/text';
import { DETAIL_RULES, NEXT_EVENT_PHRASES, type AskedDetail } from './details';
import { ENGLISH_STOP_WORDS, MORE_ENGLISH_TOPIC_WORDS } from './englishTopics';
import { lookupGlossary } from './glossary';
import { PhraseSet, questionTokens, TypedWords } from './phrases';
import type { PlanHint } from './planNames';
import type { SheetIndex } from './sheetIndex';
import {
  AXIS_WORDS,
  BACK_REFERENCES,
  CODE_ARTICLES,
  CODE_PREFIXES,
  COUNT_PHRASES,
  ENGLISH_TOPIC_WORDS,
  FIELD_TRIGGERS,
  FOLLOW_UP_OPENERS,
  GLOSSARY_PHRASES,
  LISTING_PHRASES,
  ORDINALS,
  ORGANISATION_ROLES,
  PLAN_FIELD_PHRASES,
  QUESTION_WORDS,
  ROLE_PHRASES,
  ROLE_PLACE_WORDS,
  STEP_ACTION_WORDS,
  STEP_PHRASES,
  STEP_SHEET_WORDS,
  SUMMARY_PHRASES,
  type AskedField,
  type OrganisationRole,
} from './vocabulary';

/**
 * Reads a question about the sheets into its parts — sheet numbers, fields asked, action numbers, a plan named,
 * cues (list, definition, summary, follow-up) and the topic words left — by rules over the vocabularies, in order:
 * numbers first (they are exact), then phrases (longest first), then plan names, then what remains is the topic.
 */

export interface CodeReference {
  /** "3.2.1" when typed with dots. */
  number?: string;
  digits: string;
  /** "pa", "fiche"… as typed. */
  prefix?: string;
  /** How to name it back to the user: "PA 9.9.9". */
  shown: string;
}

export interface SheetQuestion {
  empty: boolean;
  codes: CodeReference[];
  /** "l'axe 2.3". */
  axis?: string;
  fields: AskedField[];
  actionNumbers: number[];
  lastAction: boolean;
  planHint?: PlanHint;
  /** The words that named the plan (« nord »): they may be part of a name after all (« la MSA Alpes du Nord »). */
  planWords?: string[];
  listing: boolean;
  glossaryCue: boolean;
  /** A known abbreviation the question holds (folded). */
  glossaryWord?: string;
  /** The question is nothing but an abbreviation ("CTG ?"). */
  bareGlossary: boolean;
  summary: boolean;
  followUp: boolean;
  /** Says "fiche", "PA", "plan"… */
  sheetWord: boolean;
  topicWords: string[];
  /** Every word of the question but stop-words and numbers, taken or not (to recognise a sheet's own headings). */
  words: string[];
  /** « quel est le rôle de la MSA », « que fait la MSA »: what the organisation named (the topic) does in a sheet. */
  asksRole: boolean;
  /** Asks for a figure ("quelle part", "combien de"): partners ask that of a diagnosis, parents seldom do. */
  asksForFigures: boolean;
  /** « combien de fiches… », « how many sheets… »: a count is asked (of a plan's sheets, when nothing else is). */
  asksCount?: boolean;
  /**
   * The roles the organisation named (the topic) is asked to hold, in a question on several sheets: « quelles fiches
   * sont pilotées par la Caf ? », « which sheets does the Caf fund? », « où l'Udaf est-elle partenaire ? ».
   */
  rolesAsked?: OrganisationRole[];
  /**
   * Details asked that a section may hold or not: an amount, a phone or mail, a named person, a date. They do not
   * make a message a question on the sheets (parents ask for phone numbers too); answers say when a sheet lacks them.
   */
  details: AskedDetail[];
  /** The words that asked for those details, to be left out of the topic when answering. */
  detailWords: string[];
  /** "le prochain comité": the date asked is one coming event's. */
  nextEvent: boolean;
  /** Territories named that no loaded plan covers ("du Gard"), as the list of territories writes them. */
  unknownPlaces: string[];
  /** A field asked in words only partners use ("qui pilote", "budget", "indicateurs"), not everyday ones ("quand"). */
  fieldInPlanWords: boolean;
  /** « et la suivante ? », « fiche précédente »: move along the plan, or along the sheet's actions. */
  step?: SheetStep;
  /** « quels plans connais-tu ? », « liste des plans »: the plans themselves, not their sheets. */
  asksPlans: boolean;
  /** « les fiches de l'axe Adolescence »: the words naming an axis by its title (folded), not by its number. */
  axisWords?: string[];
  /** The topic as written, with the small words between its words (« Fédération des centres sociaux »), when it stands in one piece. */
  topicAsTyped?: string;
  /** Each word as the user wrote it, by its folded form (« ete » → « été »), to name it back as typed. */
  typedForms: Array<[folded: string, typed: string]>;
  /** « et l'autre ? », « the other one »: the sheet left aside when one of two was chosen. */
  other: boolean;
  /** « et CTG ? »: the message is nothing but a plan's abbreviation the glossary knows (folded). */
  bareAcronym?: string;
  /** « la deuxième », « the first one »: one of the sheets just offered (1-based; -1 for « la dernière »). */
  choice?: number;
  /**
   * What looks like a sheet number but reads as none of the loaded ones (« XY 15 », « la 16 »), as typed: the answer
   * says so rather than answering on the sheet being discussed.
   */
  unreadCode?: string;
}

export interface SheetStep {
  direction: 'next' | 'previous';
  /** Named in the message; otherwise the answer goes on from what was last shown. */
  target?: 'sheet' | 'action';
}

/** Long messages are read from their beginning only: a question is short, and matching stays bounded. */
const MAX_CHARS = 600;
const MAX_TOKENS = 80;

type Cue =
  | { kind: 'field'; fields: readonly AskedField[]; planWord: boolean; role?: OrganisationRole }
  | { kind: 'summary' }
  | { kind: 'glossary' }
  | { kind: 'listing' }
  | { kind: 'role' }
  | { kind: 'sheet-word' };

const SHEET_WORD_PHRASES = ['fiche action', 'fiches actions', 'fiche actions', 'fiches action', 'fiche-action', 'action sheet', 'action sheets'];

/** « fiches actions », « action sheets »: several sheets, so a list (« quelles fiches actions citent la Caf ? »). */
const isPlural = (phrase: string) => /^(?:fiches|action sheets)/.test(phrase);

const CUES = new PhraseSet<Cue>([
  // Exact, and first: a singular (« action sheet ») would otherwise be read in the plural's place.
  ...SHEET_WORD_PHRASES.filter(isPlural).map((phrase) => [phrase, { kind: 'listing' }, true] as const),
  ...SHEET_WORD_PHRASES.map((phrase) => [phrase, { kind: 'sheet-word' }] as const),
  // Before the fields: « pilotées par » gives the role to the organisation named; it is partners' wording.
  ...ORGANISATION_ROLES.flatMap((words) =>
    words.attributed.map((phrase) => [phrase, { kind: 'field', fields: [words.role], planWord: true, role: words.role }] as const),
  ),
  ...FIELD_TRIGGERS.flatMap((trigger) =>
    trigger.phrases.map((phrase) => [phrase, { kind: 'field', fields: trigger.fields, planWord: PLAN_FIELD_PHRASES.has(phrase) }] as const),
  ),
  ...ROLE_PHRASES.map((phrase) => [phrase, { kind: 'role' }] as const),
  ...GLOSSARY_PHRASES.map((phrase) => [phrase, { kind: 'glossary' }] as const),
  ...SUMMARY_PHRASES.map((phrase) => [phrase, { kind: 'summary' }] as const),
  // Plural is the whole point of "fiches": no plural folding, no typo.
  ...LISTING_PHRASES.map((phrase) => [phrase, { kind: 'listing' }, true] as const),
]);
/** The roles' words that name a role only in a question on several sheets. */
const ROLES_IN_LISTING = new PhraseSet(
  ORGANISATION_ROLES.flatMap((words) => [...words.names, ...words.inListing].map((phrase) => [phrase, words.role] as const)),
);
/** Said after « où », these ask in which sheets the organisation holds the role. */
const ROLE_NAMES = new PhraseSet(ORGANISATION_ROLES.flatMap((words) => words.names.map((phrase) => [phrase, words.role] as const)));
const ROLE_PLACES = new Set(ROLE_PLACE_WORDS);
const COUNTS = new PhraseSet(COUNT_PHRASES.map((phrase) => [phrase, true] as const));
const DETAIL_PHRASES = new PhraseSet<AskedDetail>(DETAIL_RULES.flatMap((rule) => rule.phrases.map((phrase) => [phrase, rule.detail] as const)));
const NEXT_EVENT = new PhraseSet(NEXT_EVENT_PHRASES.map((phrase) => [phrase, true] as const));
const BACK_REFERENCE_PHRASES = new PhraseSet(BACK_REFERENCES.map((phrase) => [phrase, true] as const));
/** Exact: « suivant » must not be a typo of anything, nor anything a typo of it. */
const STEPS = new PhraseSet(STEP_PHRASES.map(([phrase, direction]) => [phrase, direction, true] as const));
/** Figure cues; those marked `true` only shape the question ("combien de") and are no topic word. */
const FIGURE_CUES = new PhraseSet<boolean>([
  ...['quelle part', 'combien de', 'combien d', 'how many', 'how much', 'what share of', 'what percentage of'].map((phrase) => [phrase, true] as const),
  ...['pourcentage', 'proportion', 'taux', 'chiffre', 'chiffres', 'statistique', 'statistiques', 'percentage', 'share of', 'rate', 'figures'].map(
    (phrase) => [phrase, false] as const,
  ),
]);
/** Verbs that say what a sheet is about or who appears in it, not what: "quelle fiche porte sur…", "où figure la MSA". */
const TOPIC_FRAMES = new PhraseSet(
  ['parle de', 'parle des', 'parle du', 'parle d', 'parlent de', 'parlent des', 'parlent du', 'parlent d', 'porte sur', 'portent sur', 'portant sur', 'porter sur', 'traite de', 'traitent de', 'traite du', 'traitent du', 'a pour objet',
    'intervient', 'interviennent', 'apparait', 'apparaissent', 'figure', 'figurent', 'est cite', 'est citee', 'sont cites',
    'is about', 'are about', 'deals with', 'deal with', 'focuses on', 'focus on', 'appears', 'appear', 'is mentioned', 'mention'].map(
    (phrase) => [phrase, true] as const,
  ),
);
/** "cofinance", "copilote", "co-porteurs": the field without its "co". */
const CO_PREFIXED = /^co(?=(?:financ|pilot|port|anim|coordon|construi|organis|redig))/;

const DOTTED_NUMBER = /^\d{1,2}(?:\.\d{1,2}){1,3}$/;
const PLAIN_NUMBER = /^\d{1,4}$/;
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    un: 1, une: 1, one: 1, deux: 2, two: 2, trois: 3, three: 3, quatre: 4, four: 4, cinq: 5, five: 5, six: 6, sept: 7,
    seven: 7, huit: 8, eight: 8,
  }),
);
/** Tables are read through Maps: a typed word such as "constructor" must never reach an object's prototype. */
const ORDINAL_NUMBERS: ReadonlyMap<string, number> = new Map(Object.entries(ORDINALS));
const ENGLISH_TOPICS: ReadonlyMap<string, readonly string[]> = new Map([...Object.entries(MORE_ENGLISH_TOPIC_WORDS), ...Object.entries(ENGLISH_TOPIC_WORDS)]);
const NUMBER_LINKS = new Set(['et', 'and', 'ou', 'or']);
const RANGE_LINKS = new Set(['a', 'au', 'to']);
const NUMBER_MARKS = new Set(['n', 'no', 'numero', 'number']);
const LAST = new Set(['derniere', 'dernier', 'last']);
const PLAN_LIST_WORDS = new Set(['plans', 'schemas']);
const OTHER_WORDS = new Set(['autre', 'other', 'one', 'l', 'fiche', 'sheet', 'plan']);
const SHEET_WORDS = new Set(['fiche', 'fiches', 'sheet', 'sheets', 'pa', 'fa', 'plan', 'plans', 'schema', 'axe']);
/** Prefixes that make a plain number a sheet number even when no sheet has it ("pa 999" is asked, and missing). */
const FIRM_PREFIXES = new Set(['pa', 'fa', 'fiche', 'sheet']);

/**
 * "PA 9.9.9" when typed with a plan's prefix, else the bare number (messages say "la fiche 7.7.7"). A number no sheet
 * has is named back as typed: « FA 99 » is not « FA 9.9 ».
 */
function shownCode(prefix: string | undefined, number: string): string {
  return prefix === 'pa' || prefix === 'fa' ? `${prefix.toUpperCase()} ${number}` : number;
}

/**
 * « F.A. 15 », « f. a. 15 », « P A 3.2.1 »: a prefix spelt letter by letter before a number is the prefix. Letters are
 * joined only into a prefix that sheets use, so that « il y a 15 » stays as it is.
 */
function joinSpeltPrefixes(tokens: readonly string[], index: SheetIndex): string[] {
  const joined: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let end = i;
    while (end < tokens.length && /^[a-z]$/.test(tokens[end])) end++;
    const number = tokens[end] ?? '';
    const prefix = tokens.slice(i, end).join('');
    if (end - i >= 2 && (PLAIN_NUMBER.test(number) || DOTTED_NUMBER.test(number)) && (CODE_PREFIXES.has(prefix) || index.usesPrefix(prefix))) {
      joined.push(prefix);
      i = end - 1;
    } else joined.push(tokens[i]);
  }
  return joined;
}

/** "fiche action 4", "fiche-action 7", "fiches actions 2": the sheet 4, not the action 4 of a sheet. */
const SHEET_ACTION_WORDS = new Set(['action', 'actions']);
const SHEET_WORDS_BEFORE_ACTION = new Set(['fiche', 'fiches', 'sheet']);

function findCodes(
  tokens: readonly string[],
  taken: boolean[],
  index: SheetIndex,
): { codes: CodeReference[]; axis?: string; actions: number[] } {
  const codes: CodeReference[] = [];
  const actions: number[] = [];
  let axis: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // Walk back over "n°", then the prefix word ("fiche n° 3.2.1", "pa 321", "fiche action n° 4").
    let back = i - 1;
    while (back >= 0 && NUMBER_MARKS.has(tokens[back])) back--;
    if (back >= 1 && SHEET_ACTION_WORDS.has(tokens[back]) && SHEET_WORDS_BEFORE_ACTION.has(tokens[back - 1])) back--;
    let before = back >= 0 ? tokens[back] : undefined;
    const markBack = () => {
      for (let k = Math.max(0, back); k < i; k++) taken[k] = true;
      taken[i] = true;
    };
    // "la B2", "fiche B2": a sheet numbered under a lettered theme, read as "b" then "2".
    if (/^[a-z]$/.test(token) && i + 1 < tokens.length && PLAIN_NUMBER.test(tokens[i + 1]) && index.hasDigits(`${token}${tokens[i + 1]}`)) {
      const found = index.findByNumber({ digits: `${token}${tokens[i + 1]}` })[0];
      const prefix = before !== undefined && (CODE_PREFIXES.has(before) || CODE_ARTICLES.has(before)) ? before : undefined;
      codes.push({ number: found?.number ?? `${token.toUpperCase()}${tokens[i + 1]}`, digits: `${token}${tokens[i + 1]}`, ...(prefix ? { prefix } : {}), shown: found?.number ?? token.toUpperCase() + tokens[i + 1] });
      if (prefix && CODE_PREFIXES.has(prefix)) markBack();
      taken[i] = true;
      taken[i + 1] = true;
      i++;
      continue;
    }
    if (DOTTED_NUMBER.test(token)) {
      const axisWord = before !== undefined && AXIS_WORDS.has(before);
      const twoLevels = token.split('.').length === 2;
      // « l'action 2.3 » may be a sheet's second code (« FICHE N°4 - ACTION 2.3 »): the word typed is its prefix.
      const typedPrefix = before !== undefined && SHEET_ACTION_WORDS.has(before) ? 'action' : undefined;
      const isSheet = index.findByNumber({ number: token, digits: token.replace(/\./g, ''), ...(typedPrefix ? { prefix: typedPrefix } : {}) }).length > 0;
      if (axisWord || (twoLevels && !isSheet && index.sheetsUnderAxis(token).length > 0)) {
        axis = token;
        if (axisWord) markBack();
        else taken[i] = true;
        continue;
      }
      // "l'action 7.3" with no sheet 7.3 but a sheet 7: the plan numbers actions under their sheet.
      if (!isSheet && before !== undefined && SHEET_ACTION_WORDS.has(before)) {
        const parts = token.split('.');
        const sheetNumber = parts.slice(0, -1).join('.');
        const action = Number(parts[parts.length - 1]);
        const sheet = index.findByNumber({ number: sheetNumber, digits: sheetNumber.replace(/\./g, '') });
        if (sheet.length > 0 && action > 0) {
          codes.push({ number: sheet[0].number, digits: sheetNumber.replace(/\./g, ''), shown: sheet[0].number });
          actions.push(action);
          markBack();
          continue;
        }
      }
      const prefix = before !== undefined && (CODE_PREFIXES.has(before) || CODE_ARTICLES.has(before)) ? before : isSheet ? typedPrefix : undefined;
      codes.push({ number: token, digits: token.replace(/\./g, ''), ...(prefix ? { prefix } : {}), shown: shownCode(prefix, token) });
      if (prefix && CODE_PREFIXES.has(prefix)) markBack();
      else if (before !== undefined && SHEET_ACTION_WORDS.has(before) && isSheet) markBack();
      else taken[i] = true;
      continue;
    }
    if (!PLAIN_NUMBER.test(token) || before === undefined) continue;
    // "fiche-action 7" read as "fiche action 7": the prefix is the sheet word.
    if (back < i - 1 && SHEET_ACTION_WORDS.has(tokens[back + 1] ?? '') && SHEET_WORDS_BEFORE_ACTION.has(before)) before = 'fiche';
    const firm = FIRM_PREFIXES.has(before) || (CODE_PREFIXES.has(before) && back < i - 1);
    const known = token.length >= 2 && index.hasDigits(token);
    if (firm || ((CODE_ARTICLES.has(before) || CODE_PREFIXES.has(before)) && known)) {
      const number = index.findByNumber({ digits: token })[0]?.number ?? token;
      codes.push({ digits: token, prefix: before, shown: shownCode(before, number) });
      markBack();
    }
  }
  return { codes, ...(axis ? { axis } : {}), actions };
}

function findActionNumbers(tokens: readonly string[], taken: boolean[]): { numbers: number[]; last: boolean } {
  const numbers = new Set<number>();
  let last = false;
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || (tokens[i] !== 'action' && tokens[i] !== 'actions')) continue;
    const found: number[] = [];
    let j = i + 1;
    let end = i;
    let range = false;
    while (j < tokens.length && !taken[j]) {
      const token = tokens[j];
      const value = /^\d{1,2}$/.test(token) ? Number(token) : NUMBER_WORDS.get(token);
      if (value !== undefined && value > 0) {
        const previous = found.at(-1);
        if (range && previous !== undefined && value > previous && value - previous <= 20) {
          for (let n = previous + 1; n <= value; n++) found.push(n);
        } else found.push(value);
        range = false;
        end = j;
      } else if (NUMBER_MARKS.has(token) && found.length === 0) {
        // "action n° 2"
      } else if (found.length > 0 && (NUMBER_LINKS.has(token) || RANGE_LINKS.has(token))) {
        range = RANGE_LINKS.has(token);
      } else break;
      j++;
    }
    const ordinal = i > 0 && !taken[i - 1] ? ORDINAL_NUMBERS.get(tokens[i - 1]) : undefined;
    const isLast = i > 0 && !taken[i - 1] && LAST.has(tokens[i - 1]);
    if (ordinal !== undefined) found.push(ordinal);
    if (isLast) last = true;
    if (found.length === 0 && !isLast) continue;
    for (let k = ordinal !== undefined || isLast ? i - 1 : i; k <= Math.max(end, i); k++) taken[k] = true;
    for (const n of found) numbers.add(n);
  }
  return { numbers: [...numbers].sort((a, b) => a - b), last };
}

/** English topic words the sheets do not hold, in the sheets' French ("single parent" → "monoparentales"). */
function translateTopic(words: readonly string[], isKnownWord: (word: string) => boolean): string[] {
  const result: string[] = [];
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
export function readSheetQuestion(index: SheetIndex, text: string): SheetQuestion {
  const question = readQuestion(index, text, true);
  // « suivante » or « deuxième » beside a topic is part of the topic (« les étapes suivantes »): read again without.
  return (question.step || question.choice !== undefined) && question.topicWords.length > 0 ? readQuestion(index, text, false) : question;
}

function readQuestion(index: SheetIndex, text: string, moves: boolean): SheetQuestion {
  const tokens = joinSpeltPrefixes(
    questionTokens(text.slice(0, MAX_CHARS))
      .slice(0, MAX_TOKENS)
      .map((token) => token.replace(CO_PREFIXED, ''))
      .filter((token, i, all) => !(token === 'co' && CO_PREFIXED.test(`co${all[i + 1] ?? ''}`))),
    index,
  );
  const taken = new Array<boolean>(tokens.length).fill(false);
  const question: SheetQuestion = {
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
    asksRole: false,
    asksPlans: false,
    typedForms: [],
    other: false,
    asksForFigures: false,
    details: [],
    detailWords: [],
    nextEvent: false,
    unknownPlaces: [],
    fieldInPlanWords: false,
  };
  if (question.empty) return question;

  const { codes, axis, actions: codeActions } = findCodes(tokens, taken, index);
  question.codes = codes;
  if (axis) question.axis = axis;
  const actions = findActionNumbers(tokens, taken);
  question.actionNumbers = [...new Set([...codeActions, ...actions.numbers])].sort((a, b) => a - b);
  question.lastAction = actions.last;

  const words = new TypedWords(tokens, (word) => index.knowsWord(word));
  question.followUp = FOLLOW_UP_OPENERS.has(tokens[0]) || BACK_REFERENCE_PHRASES.count(words) > 0;
  // Read without taking tokens: "budget" asks for the funding and, as "montant" does, for an amount.
  const detailTaken = [...taken];
  const detailHits = DETAIL_PHRASES.take(words, detailTaken);
  question.details = [...new Set(detailHits.map((hit) => hit.value))];
  question.detailWords = [...new Set(detailHits.flatMap((hit) => tokens.slice(hit.start, hit.end)))];
  question.nextEvent = NEXT_EVENT.count(words) > 0;
  question.unknownPlaces = index.planNamer.unknownPlaces(tokens, text.slice(0, MAX_CHARS)).map((place) => place.name);
  const figureHits = FIGURE_CUES.take(words, [...taken]);
  question.asksForFigures = figureHits.length > 0;
  for (const hit of figureHits) if (hit.value) for (let k = hit.start; k < hit.end; k++) taken[k] = true;
  question.sheetWord = codes.length > 0 || tokens.some((token) => SHEET_WORDS.has(token));

  if (moves) {
    const step = readStep(words, taken);
    if (step) question.step = step;
    else {
      const choice = readChoice(tokens, taken);
      if (choice !== undefined) question.choice = choice;
    }
  }

  TOPIC_FRAMES.take(words, taken);
  question.asksCount = COUNTS.count(words) > 0;
  const roles = new Set<OrganisationRole>();
  // Read before the field cues take them: « pilote » names a role only if the question turns out to list sheets.
  const rolesInListing = ROLES_IN_LISTING.take(words, [...taken]);
  // « où l'Udaf est-elle partenaire ? » asks in which sheets: « où » is then no field (the audience's territory).
  const opener = tokens.findIndex((token) => !FOLLOW_UP_OPENERS.has(token));
  const asksWhere =
    codes.length === 0 && opener >= 0 && !taken[opener] && ROLE_PLACES.has(tokens[opener]) &&
    ROLE_NAMES.take(words, [...taken]).length > 0;
  if (asksWhere) taken[opener] = true;
  const fields = new Set<AskedField>();
  for (const hit of CUES.take(words, taken)) {
    const cue = hit.value;
    if (cue.kind === 'field') {
      for (const field of cue.fields) fields.add(field);
      if (cue.planWord) question.fieldInPlanWords = true;
      if (cue.role) roles.add(cue.role);
    } else if (cue.kind === 'summary') question.summary = true;
    else if (cue.kind === 'glossary') question.glossaryCue = true;
    else if (cue.kind === 'listing') question.listing = true;
    else if (cue.kind === 'role') question.asksRole = true;
    else question.sheetWord = true;
  }
  if (question.listing || asksWhere) {
    for (const hit of rolesInListing) {
      roles.add(hit.value);
      fields.add(hit.value);
      for (let k = hit.start; k < hit.end; k++) taken[k] = true;
    }
  }
  question.fields = [...fields];
  if (roles.size > 0) question.rolesAsked = [...roles];

  const hint = index.planNamer.detect(tokens, taken);
  if (hint) {
    question.planHint = hint;
    question.planWords = hint.tokens.map((position) => tokens[position]).filter((word): word is string => word !== undefined);
    // A plan named outright ("SDSF", "de Tours") is not a topic; title words stay topic words too, unless a number
    // already says which sheet is meant.
    // "que veut dire CTG ?" asks what a plan's abbreviation means: the word stays, for the glossary.
    const definition = question.glossaryCue && codes.length === 0;
    if ((hint.strong || codes.length > 0) && !definition) for (const position of hint.tokens) taken[position] = true;
  }

  if (codes.length === 0 && axis === undefined) {
    const unread = readUnreadCode(tokens, taken);
    if (unread) question.unreadCode = unread;
  }

  const remaining: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (taken[i] || STOP_WORDS.has(token) || QUESTION_WORDS.has(token) || /^\d$/.test(token) || DOTTED_NUMBER.test(token)) continue;
    if (ENGLISH_STOP_WORDS.has(token) && !index.knowsWord(token)) continue;
    remaining.push(token);
  }
  // « et l'autre ? »: « autre » with nothing else to say is the sheet left aside, not a topic.
  const saysOther = tokens.some((token, i) => !taken[i] && (token === 'autre' || token === 'other'));
  if (saysOther && remaining.every((token) => OTHER_WORDS.has(token)) && codes.length === 0 && !question.listing && question.fields.length === 0) {
    question.other = true;
    remaining.length = 0;
  }
  // « et CTG ? » after a definition: a plan's abbreviation alone may be asked for what it means.
  if (remaining.length === 0 && hint?.strong && codes.length === 0 && question.fields.length === 0 && !question.listing && !question.summary) {
    const named = hint.tokens.map((position) => tokens[position]);
    const unread = tokens.filter((token, i) => !hint.tokens.includes(i) && !STOP_WORDS.has(token) && !QUESTION_WORDS.has(token) && !FOLLOW_UP_OPENERS.has(token));
    if (named.length === 1 && unread.length === 0 && lookupGlossary(named[0]) !== undefined) question.bareAcronym = named[0];
  }
  // « quels plans connais-tu ? »: the plural « plans » (« schémas ») with nothing else asked.
  question.asksPlans =
    remaining.length === 0 && codes.length === 0 && !hint && question.fields.length === 0 && tokens.some((token) => PLAN_LIST_WORDS.has(token));
  // « l'axe Adolescence »: the words after the axis word, when no number follows it, name the axis by its title.
  const axisAt = tokens.findIndex((token, i) => AXIS_WORDS.has(token) && token !== 'sous' && !taken[i]);
  if (axisAt >= 0 && axis === undefined) {
    const named = remaining.filter((token) => tokens.indexOf(token, axisAt + 1) > axisAt && !AXIS_WORDS.has(token));
    if (named.length > 0) {
      question.axisWords = named;
      remaining.splice(0, remaining.length, ...remaining.filter((token) => !AXIS_WORDS.has(token) && !named.includes(token)));
    }
  }
  const topic = translateTopic(remaining, (word) => index.knowsWord(word));
  const glossaryWord = remaining.find((token) => lookupGlossary(token) !== undefined || index.sheetAcronym(token) !== undefined);
  if (glossaryWord) {
    question.glossaryWord = glossaryWord;
    // "How many LAEP in the Finistère?" asks for a figure, not what LAEP means.
    // "quelle fiche porte sur les LAEP ?" asks for a sheet, not a definition.
    // « la MSA y fait quoi ? » asks for its role, not what the letters stand for.
    question.bareGlossary = remaining.length === 1 && !question.asksForFigures && !question.sheetWord && !question.asksRole;
  }
  question.topicWords = [...new Set(topic)];
  // « où l'Udaf est-elle partenaire ? » names who, so it lists sheets; « où est le pilote ? » names no one.
  if (asksWhere && question.topicWords.length > 0) question.listing = true;
  question.typedForms = typedForms(text.slice(0, MAX_CHARS), new Set([...question.topicWords, ...(question.axisWords ?? [])]));
  const span = typedSpan(text.slice(0, MAX_CHARS), question.topicWords);
  if (span) question.topicAsTyped = span;
  question.words = tokens.filter((token) => !STOP_WORDS.has(token) && !/^\d/.test(token));
  return question;
}

/** The topic's words as written in the message: a word named back to the user is shown with its accents. */
function typedForms(text: string, wanted: ReadonlySet<string>): Array<[string, string]> {
  const forms: Array<[string, string]> = [];
  for (const written of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const folded = questionTokens(written).join(' ');
    if (wanted.has(folded) && !forms.some(([known]) => known === folded)) forms.push([folded, written]);
  }
  return forms;
}

/**
 * The topic's words as written, from the first to the last, when nothing but small words (« des », « de la ») stands
 * between them: an organisation is named back as the user named it.
 */
function typedSpan(text: string, topic: readonly string[]): string | undefined {
  if (topic.length < 2) return undefined;
  const wanted = new Set(topic);
  const written = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((found) => ({ at: found.index ?? 0, word: found[0], tokens: questionTokens(found[0]) }));
  const isTopic = (tokens: readonly string[]) => tokens.length > 0 && tokens.every((token) => wanted.has(token));
  const first = written.findIndex((entry) => isTopic(entry.tokens));
  let last = first;
  const seen = new Set<string>();
  for (let i = first; i >= 0 && i < written.length && seen.size < wanted.size; i++) {
    const { tokens } = written[i];
    if (isTopic(tokens)) {
      for (const token of tokens) seen.add(token);
      last = i;
    } else if (!tokens.every((token) => STOP_WORDS.has(token))) return undefined;
  }
  if (first < 0 || seen.size < wanted.size) return undefined;
  return text.slice(written[first].at, written[last].at + written[last].word.length);
}

/**
 * « et la suivante ? », « fiche précédente », « next action »: the direction, and what moves when the message says it
 * (« fiche », « action » next to the step word). The words are taken; whether the rest is a topic is checked after.
 */
function readStep(words: TypedWords, taken: boolean[]): SheetStep | undefined {
  const trial = [...taken];
  const hits = STEPS.take(words, trial);
  if (hits.length === 0) return undefined;
  const directions = new Set(hits.map((hit) => hit.value));
  if (directions.size > 1) return undefined;
  const { tokens } = words;
  // « les années suivantes », « les étapes suivantes »: the word qualifies a noun of its own, it does not move.
  const qualifiesANoun = (at: number) => {
    const before = tokens[at - 1];
    return before !== undefined && !STOP_WORDS.has(before) && !QUESTION_WORDS.has(before) && !FOLLOW_UP_OPENERS.has(before) &&
      !STEP_SHEET_WORDS.has(before) && !STEP_ACTION_WORDS.has(before);
  };
  if (hits.some((hit) => qualifiesANoun(hit.start))) return undefined;
  for (const hit of hits) for (let k = hit.start; k < hit.end; k++) taken[k] = true;
  const near = (hit: (typeof hits)[number]) => [hit.start - 1, ...Array.from({ length: hit.end - hit.start }, (_, k) => hit.start + k), hit.end];
  let target: SheetStep['target'];
  for (const hit of hits) {
    for (const at of near(hit)) {
      const token = tokens[at];
      if (token === undefined) continue;
      if (STEP_SHEET_WORDS.has(token)) target = 'sheet';
      else if (STEP_ACTION_WORDS.has(token)) target ??= 'action';
      else continue;
      taken[at] = true;
    }
  }
  return { direction: hits[0].value, ...(target ? { target } : {}) };
}

/** « la deuxième », « le 2e », « the second one », « la dernière »: which of the sheets offered (1-based, -1 for the last). */
function readChoice(tokens: readonly string[], taken: boolean[]): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const ordinal = ORDINAL_NUMBERS.get(tokens[i]) ?? (LAST.has(tokens[i]) ? -1 : undefined);
    if (ordinal === undefined) continue;
    taken[i] = true;
    // « la deuxième fiche », « the second one »: the noun says nothing more.
    if (i + 1 < tokens.length && (STEP_SHEET_WORDS.has(tokens[i + 1]) || tokens[i + 1] === 'one' || tokens[i + 1] === 'plan')) taken[i + 1] = true;
    return ordinal;
  }
  return undefined;
}

/**
 * A number written where a sheet's would be that is no loaded sheet's: after letters that make no known prefix
 * (« XY 15 »), or after an article with nothing that makes it a count after it (« qui pilote la 16 ? », not « de 15
 * communes »). Named back as typed; its tokens are taken (they are no topic).
 */
function readUnreadCode(tokens: readonly string[], taken: boolean[]): string | undefined {
  for (let i = 1; i < tokens.length; i++) {
    if (taken[i] || !/^\d{1,3}$/.test(tokens[i])) continue;
    let back = i - 1;
    while (back > 0 && NUMBER_MARKS.has(tokens[back]) && !taken[back]) back--;
    if (taken[back]) continue;
    const next = tokens[i + 1];
    const endsThere = next === undefined || taken[i + 1] || STOP_WORDS.has(next) || QUESTION_WORDS.has(next);
    if (!endsThere) continue;
    let start = back;
    while (start > 0 && /^[a-z]$/.test(tokens[start - 1]) && !taken[start - 1] && !STOP_WORDS.has(tokens[start - 1])) start--;
    const letters = tokens.slice(start, back + 1);
    const spelt = letters.every((letter) => /^[a-z]{1,2}$/.test(letter) && !STOP_WORDS.has(letter) && !QUESTION_WORDS.has(letter));
    if (!spelt && !CODE_ARTICLES.has(tokens[back])) continue;
    for (let k = spelt ? start : i; k <= i; k++) taken[k] = true;
    return spelt ? `${letters.join('').toUpperCase()} ${tokens[i]}` : tokens[i];
  }
  return undefined;
}

/** Whether a word alone reads as part of a question's shape (a field, a cue) rather than as a topic. */
export function understandsAsCue(word: string): boolean {
  const tokens = questionTokens(word);
  if (tokens.length === 0 || QUESTION_WORDS.has(tokens[0])) return true;
  const taken = new Array<boolean>(tokens.length).fill(false);
  return CUES.take(new TypedWords(tokens), taken).length > 0;
}

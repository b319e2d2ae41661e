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
  ENGLISH_TOPIC_WORDS,
  FIELD_TRIGGERS,
  FOLLOW_UP_OPENERS,
  GLOSSARY_PHRASES,
  LISTING_PHRASES,
  ORDINALS,
  QUESTION_WORDS,
  SUMMARY_PHRASES,
  type AskedField,
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
  /** Asks for a figure ("quelle part", "combien de"): partners ask that of a diagnosis, parents seldom do. */
  asksForFigures: boolean;
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
}

/** Long messages are read from their beginning only: a question is short, and matching stays bounded. */
const MAX_CHARS = 600;
const MAX_TOKENS = 80;

type Cue =
  | { kind: 'field'; fields: readonly AskedField[] }
  | { kind: 'summary' }
  | { kind: 'glossary' }
  | { kind: 'listing' }
  | { kind: 'sheet-word' };

const SHEET_WORD_PHRASES = ['fiche action', 'fiches actions', 'fiche actions', 'fiches action', 'fiche-action', 'action sheet', 'action sheets'];

const CUES = new PhraseSet<Cue>([
  ...SHEET_WORD_PHRASES.map((phrase) => [phrase, { kind: 'sheet-word' }] as const),
  ...FIELD_TRIGGERS.flatMap((trigger) => trigger.phrases.map((phrase) => [phrase, { kind: 'field', fields: trigger.fields }] as const)),
  ...GLOSSARY_PHRASES.map((phrase) => [phrase, { kind: 'glossary' }] as const),
  ...SUMMARY_PHRASES.map((phrase) => [phrase, { kind: 'summary' }] as const),
  // Plural is the whole point of "fiches": no plural folding, no typo.
  ...LISTING_PHRASES.map((phrase) => [phrase, { kind: 'listing' }, true] as const),
]);
const DETAIL_PHRASES = new PhraseSet<AskedDetail>(DETAIL_RULES.flatMap((rule) => rule.phrases.map((phrase) => [phrase, rule.detail] as const)));
const NEXT_EVENT = new PhraseSet(NEXT_EVENT_PHRASES.map((phrase) => [phrase, true] as const));
const BACK_REFERENCE_PHRASES = new PhraseSet(BACK_REFERENCES.map((phrase) => [phrase, true] as const));
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
const SHEET_WORDS = new Set(['fiche', 'fiches', 'sheet', 'sheets', 'pa', 'fa', 'plan', 'plans', 'schema', 'axe']);
/** Prefixes that make a plain number a sheet number even when no sheet has it ("pa 999" is asked, and missing). */
const FIRM_PREFIXES = new Set(['pa', 'fa', 'fiche', 'sheet']);

/** "PA 9.9.9" when typed with a plan's prefix, else the bare number (messages say "la fiche 7.7.7"). */
function shownCode(prefix: string | undefined, number: string): string {
  return prefix === 'pa' || prefix === 'fa' ? `${prefix.toUpperCase()} ${number}` : number;
}

/** "999" → "9.9.9" so that an unknown number is named back the way sheets write numbers. */
function dotted(digits: string): string {
  return digits.length >= 2 && digits.length <= 4 ? digits.split('').join('.') : digits;
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
      const isSheet = index.findByNumber({ number: token, digits: token.replace(/\./g, '') }).length > 0;
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
      const prefix = before !== undefined && (CODE_PREFIXES.has(before) || CODE_ARTICLES.has(before)) ? before : undefined;
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
      const number = index.findByNumber({ digits: token })[0]?.number ?? dotted(token);
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
  return readQuestion(index, text);
}

function readQuestion(index: SheetIndex, text: string): SheetQuestion {
  const tokens = questionTokens(text.slice(0, MAX_CHARS))
    .slice(0, MAX_TOKENS)
    .map((token) => token.replace(CO_PREFIXED, ''))
    .filter((token, i, all) => !(token === 'co' && CO_PREFIXED.test(`co${all[i + 1] ?? ''}`)));
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
    asksForFigures: false,
    details: [],
    detailWords: [],
    nextEvent: false,
    unknownPlaces: [],
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

  TOPIC_FRAMES.take(words, taken);
  const fields = new Set<AskedField>();
  for (const hit of CUES.take(words, taken)) {
    const cue = hit.value;
    if (cue.kind === 'field') for (const field of cue.fields) fields.add(field);
    else if (cue.kind === 'summary') question.summary = true;
    else if (cue.kind === 'glossary') question.glossaryCue = true;
    else if (cue.kind === 'listing') question.listing = true;
    else question.sheetWord = true;
  }
  question.fields = [...fields];

  const hint = index.planNamer.detect(tokens, taken);
  if (hint) {
    question.planHint = hint;
    // A plan named outright ("SDSF", "de Tours") is not a topic; title words stay topic words too, unless a number
    // already says which sheet is meant.
    // "que veut dire CTG ?" asks what a plan's abbreviation means: the word stays, for the glossary.
    const definition = question.glossaryCue && codes.length === 0;
    if ((hint.strong || codes.length > 0) && !definition) for (const position of hint.tokens) taken[position] = true;
  }

  const remaining: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (taken[i] || STOP_WORDS.has(token) || QUESTION_WORDS.has(token) || /^\d$/.test(token) || DOTTED_NUMBER.test(token)) continue;
    if (ENGLISH_STOP_WORDS.has(token) && !index.knowsWord(token)) continue;
    remaining.push(token);
  }
  const topic = translateTopic(remaining, (word) => index.knowsWord(word));
  const glossaryWord = remaining.find((token) => lookupGlossary(token) !== undefined || index.sheetAcronym(token) !== undefined);
  if (glossaryWord) {
    question.glossaryWord = glossaryWord;
    // "How many LAEP in the Finistère?" asks for a figure, not what LAEP means.
    // "quelle fiche porte sur les LAEP ?" asks for a sheet, not a definition.
    question.bareGlossary = remaining.length === 1 && !question.asksForFigures && !question.sheetWord;
  }
  question.topicWords = [...new Set(topic)];
  question.words = tokens.filter((token) => !STOP_WORDS.has(token) && !/^\d/.test(token));
  return question;
}

/** Whether a word alone reads as part of a question's shape (a field, a cue) rather than as a topic. */
export function understandsAsCue(word: string): boolean {
  const tokens = questionTokens(word);
  if (tokens.length === 0 || QUESTION_WORDS.has(tokens[0])) return true;
  const taken = new Array<boolean>(tokens.length).fill(false);
  return CUES.take(new TypedWords(tokens), taken).length > 0;
}

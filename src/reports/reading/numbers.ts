import { editDistance } from '../../language/text';
import { foldKeepingPlaces, originalRange, tokenize, type FoldedText, type Token } from './folding';
import { ADDS_UP, FILLERS, nounAt, PART_OF, QUALIFIER_ENDS, QUALIFIER_WORDS, qualifierAfter } from './countWords';
import { MAX_COUNT, type ReadProblem } from './problems';
import { isWord } from './words';

/**
 * Numbers as centre staff type them: digits (« 14 », « 1 200 », « 1.200 »), French words (« douze »,
 * « quatre-vingt-dix-sept », « deux cent vingt », Belgian and Swiss « septante », « nonante ») and English words
 * (« twelve », « one hundred and twenty »).
 */

type WordKind = 'zero' | 'unit' | 'teen' | 'ten' | 'hundred' | 'thousand';
interface NumberWord {
  kind: WordKind;
  value: number;
}

const NUMBER_WORDS: ReadonlyMap<string, NumberWord> = new Map<string, NumberWord>([
  ...(['zero'] as const).map((w) => [w, { kind: 'zero' as const, value: 0 }] as const),
  ...Object.entries({ un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9 }).map(
    ([w, value]) => [w, { kind: 'unit' as const, value }] as const,
  ),
  ...Object.entries({ one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 }).map(
    ([w, value]) => [w, { kind: 'unit' as const, value }] as const,
  ),
  ...Object.entries({ dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16 }).map(
    ([w, value]) => [w, { kind: 'teen' as const, value }] as const,
  ),
  ...Object.entries({
    ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  }).map(([w, value]) => [w, { kind: 'teen' as const, value }] as const),
  ...Object.entries({
    vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
    twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  }).map(([w, value]) => [w, { kind: 'ten' as const, value }] as const),
  ...['cent', 'cents', 'hundred', 'hundreds'].map((w) => [w, { kind: 'hundred' as const, value: 100 }] as const),
  ...['mille', 'milles', 'mil', 'thousand', 'thousands'].map((w) => [w, { kind: 'thousand' as const, value: 1000 }] as const),
]);

/**
 * Number words a typo may reach: long enough that one letter off is still clearly them. Short ones (« deux »,
 * « huit », « mille », « cent ») are read only as written: one letter off they are other words (« dieu », « nuit »,
 * « ville », « vent »).
 */
const TYPO_TOLERANT = [
  'trois', 'quatre', 'quatorze', 'quinze', 'douze', 'treize', 'seize', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante',
  'septante', 'huitante', 'octante', 'nonante', 'three', 'seven', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
  'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
  'hundred', 'thousand',
];

/**
 * Real words one letter away from a typo-tolerant number word, found in Debian's French and American word lists
 * (wfrench, wamerican): « douce » is not 12, « seine » is not 16, « there » is not 3.
 */
const NOT_NUMBER_TYPOS: ReadonlySet<string> = new Set(
  `crois rois trais trios tris trocs trots trous trons troys quarre quarte quater quine quinee quinte quince douce doue douee
  douez doute douve douse doze seide seime seine seized seizes size vinat rente tarente tente clinquante octane octant
  taree threne tiree toree tyree thee there threes threw throe tree seve seves keven severn steven sven even seen semen sevens
  sever eleve elevee elevent elever eleves elevez elevon elevens twelves thirteens fourteens fifteens sixteens seventeens
  eighteens nineteens thirsty fort forte forts foray forth fifth nifty sixte sixth seventh eighth eights mighty nighty weighty
  nicety hundreds thousands`.split(/\s+/),
);

const typoCache = new Map<string, NumberWord | null>();
const TYPO_CACHE_LIMIT = 5_000;

/** The number a word names, allowing one letter off in long number words. */
export function numberWord(word: string): NumberWord | undefined {
  const exact = NUMBER_WORDS.get(word);
  if (exact !== undefined) return exact;
  if (word.length < 4 || word.length > 11 || NOT_NUMBER_TYPOS.has(word)) return undefined;
  const cached = typoCache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  // A letter left out is the likeliest typo, then one letter for another, then one too many: « quatrze » is
  // « quatorze » (a letter left out) before « quatre » (one too many).
  let best: { rank: number; word: NumberWord; ambiguous: boolean } | null = null;
  for (const known of TYPO_TOLERANT) {
    if (Math.abs(known.length - word.length) > 1 || editDistance(word, known, 1) > 1) continue;
    const rank = known.length > word.length ? 0 : known.length === word.length ? 1 : 2;
    const value = NUMBER_WORDS.get(known);
    if (value === undefined) continue;
    if (best === null || rank < best.rank) best = { rank, word: value, ambiguous: false };
    else if (rank === best.rank && value.value !== best.word.value) best.ambiguous = true;
  }
  const result = best !== null && !best.ambiguous ? best.word : null;
  if (typoCache.size >= TYPO_CACHE_LIMIT) typoCache.clear();
  typoCache.set(word, result);
  return result ?? undefined;
}

/** A number found in folded text, with its place in the folded text. */
export interface FoundNumber {
  value: number;
  start: number;
  end: number;
  /** Index of its first and one past its last token. */
  firstToken: number;
  lastToken: number;
  /** Written in words (« douze »), not digits. */
  words: boolean;
  /** « un », « une » alone: as often an article as a count. */
  article: boolean;
  /** Digits that are not a whole count: « 2,5 », « -3 ». */
  notACount: boolean;
}

const LETTER_OR_DIGIT = /[a-z0-9]/;
const GLUE = /[./:,_'-]/;

/** The gap between two tokens lets them form one written number: only spaces and hyphens (« quatre-vingt-dix »). */
function joinable(text: string, left: Token, right: Token): boolean {
  if (right.start - left.end > 3) return false;
  for (let i = left.end; i < right.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 45) return false;
  }
  return true;
}

class WordNumberParser {
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  /** The number word at token i, if it is one and joins the token before (when `after` is given). */
  private word(i: number, after?: number): NumberWord | undefined {
    const token = this.tokens[i];
    if (token === undefined || token.digits) return undefined;
    if (after !== undefined && !joinable(this.text, this.tokens[after], token)) return undefined;
    return numberWord(token.word);
  }

  private connector(i: number, after: number): boolean {
    const token = this.tokens[i];
    return token !== undefined && (token.word === 'et' || token.word === 'and') && joinable(this.text, this.tokens[after], token);
  }

  /** 1 to 99 from token i: [value, index of the last token used]. */
  private tens(i: number, after?: number): [number, number] | null {
    const w = this.word(i, after);
    if (w === undefined) return null;
    if (w.kind === 'unit') {
      const next = this.word(i + 1, i);
      // « quatre-vingt(s) », then what follows eighty.
      if (w.value === 4 && next?.kind === 'ten' && next.value === 20 && this.tokens[i + 1].word.startsWith('vingt')) {
        return this.after(80, i + 1, true) ?? [80, i + 1];
      }
      return [w.value, i];
    }
    if (w.kind === 'teen') {
      if (this.tokens[i].word === 'dix') {
        const next = this.word(i + 1, i);
        if (next?.kind === 'unit' && next.value >= 7) return [10 + next.value, i + 1];
      }
      return [w.value, i];
    }
    if (w.kind === 'ten') return this.after(w.value, i, w.value === 60 || w.value === 80) ?? [w.value, i];
    return null;
  }

  /** What may follow a ten: a unit (« vingt et un », « trente-deux »), or a teen after sixty and eighty. */
  private after(ten: number, last: number, teens: boolean): [number, number] | null {
    let j = last + 1;
    let from = last;
    if (this.connector(j, last)) {
      from = j;
      j++;
    }
    const w = this.word(j, from);
    if (w === undefined) return null;
    if (w.kind === 'unit' && this.tokens[j].word !== 'une') return [ten + w.value, j];
    if (w.kind === 'unit') return [ten + 1, j];
    if (teens && w.kind === 'teen' && w.value <= 16) {
      if (this.tokens[j].word === 'dix') {
        const next = this.word(j + 1, j);
        if (next?.kind === 'unit' && next.value >= 7) return [ten + 10 + next.value, j + 1];
      }
      return [ten + w.value, j];
    }
    return null;
  }

  /** 1 to 999 from token i. */
  private hundreds(i: number, after?: number): [number, number] | null {
    const w = this.word(i, after);
    const token = this.tokens[i];
    let value: number;
    let last: number;
    const next = this.word(i + 1, i);
    if (w?.kind === 'unit' && next?.kind === 'hundred') {
      value = w.value * 100;
      last = i + 1;
    } else if (token !== undefined && token.word === 'a' && next?.kind === 'hundred' && (after === undefined || joinable(this.text, this.tokens[after], token))) {
      value = 100;
      last = i + 1;
    } else if (w?.kind === 'hundred') {
      value = 100;
      last = i;
    } else return this.tens(i, after);
    let from = last;
    let j = last + 1;
    if (this.connector(j, last)) {
      from = j;
      j++;
    }
    const rest = this.tens(j, from);
    return rest ? [value + rest[0], rest[1]] : [value, last];
  }

  /** The longest written number starting at token i, 0 to 999 999 999. */
  parse(i: number): [number, number] | null {
    const first = this.word(i);
    if (first?.kind === 'zero') return [0, i];
    let value = 0;
    let last = i - 1;
    for (let group = 0; group < 3; group++) {
      const part = this.hundreds(last + 1, last >= i ? last : undefined);
      const thousandAt = part ? part[1] + 1 : last + 1;
      const article = this.tokens[last + 1]?.word === 'a' ? last + 1 : -1;
      const thousand = this.word(thousandAt, thousandAt - 1 >= i ? thousandAt - 1 : undefined);
      if (thousand?.kind === 'thousand' && (part !== null || thousandAt === i || article === thousandAt - 1)) {
        value = (value + (part ? part[0] : 1)) * 1000;
        last = thousandAt;
        continue;
      }
      if (part) {
        value += part[0];
        last = part[1];
      }
      break;
    }
    return last >= i ? [value, last] : null;
  }
}

/** Reads « 1 200 », « 1.200 », « 1200 » from the digit token at i: [value, last token] or null. */
function digitsAt(text: string, tokens: Token[], i: number): [number, number] {
  let digits = tokens[i].word;
  let last = i;
  // Thousands grouped by a space (« 1 200 », a no-break space folds to one) or a dot (« 1.200 »).
  if (digits.length <= 3) {
    while (last + 1 < tokens.length && last - i < 4) {
      const next = tokens[last + 1];
      const gap = text.slice(tokens[last].end, next.start);
      if (!next.digits || next.word.length !== 3 || (gap !== ' ' && gap !== '.')) break;
      const after = text.charAt(next.end);
      if (gap === '.' && after === '.' && /[0-9]/.test(text.charAt(next.end + 1))) break;
      digits += next.word;
      last++;
    }
  }
  const value = digits.length > 15 ? Number.MAX_SAFE_INTEGER : Number(digits);
  return [value, last];
}

/** What may open or close a word around a plain number: brackets, quotes, and the punctuation of a sentence. */
const OPENS_A_NUMBER = /^[(["«'“]*$/;
const CLOSES_A_NUMBER = /^[)\]»'”".,;:!?…]*$/;

/** Whether the number at [start, end) is a word of its own: what is glued to it, up to white space, only punctuation. */
function standsAlone(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && text.charCodeAt(from - 1) !== 32) from--;
  let to = end;
  while (to < text.length && text.charCodeAt(to) !== 32) to++;
  return OPENS_A_NUMBER.test(text.slice(from, start)) && CLOSES_A_NUMBER.test(text.slice(end, to));
}

/** Every number in folded text, in order. */
export function findNumbersInFolded(folded: FoldedText): { numbers: FoundNumber[]; tokens: Token[] } {
  const { text } = folded;
  const tokens = tokenize(text);
  const parser = new WordNumberParser(text, tokens);
  const numbers: FoundNumber[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.digits) {
      const first = i;
      const [value, last] = digitsAt(text, tokens, i);
      // Digits glued to other digits by one mark (« 2.3.2 », « 12/03 », « 2,5 », « 10:30 ») make one run, read whole.
      let runEnd = last;
      while (runEnd + 1 < tokens.length && runEnd - last < 8) {
        const next = tokens[runEnd + 1];
        if (!next.digits || next.start - tokens[runEnd].end !== 1 || !GLUE.test(text.charAt(tokens[runEnd].end))) break;
        runEnd++;
      }
      const start = token.start;
      const end = tokens[runEnd].end;
      const before = text.charAt(start - 1);
      const beforeThat = text.charAt(start - 2);
      const after = text.charAt(end);
      i = runEnd;
      // Glued to letters (« 14h », « 3e », « PA2 », « RPT-2026-000123 »): a code or a time, not a count.
      if (LETTER_OR_DIGIT.test(before) || /[a-z]/.test(after) || (GLUE.test(before) && LETTER_OR_DIGIT.test(beforeThat))) continue;
      if (runEnd > last) {
        // One decimal mark (« 2,5 », « 2.5 ») is a number that is not a count; more marks are a date or a code.
        const mark = text.charAt(tokens[last].end);
        if ((runEnd === last + 1 && (mark === ',' || mark === '.')) || !standsAlone(text, start, end)) {
          numbers.push({ value, start, end, firstToken: first, lastToken: runEnd, words: false, article: false, notACount: true });
        }
        continue;
      }
      if (after === '%' || after === '€' || (after === ' ' && /[%€]/.test(text.charAt(end + 1)))) continue;
      const negative = before === '-' && !LETTER_OR_DIGIT.test(beforeThat);
      // Digits cut out of a longer token (« 1e+3 », « @SUM(1+1) », « +3 », « n°3 ») are no count of anything: a
      // number is a count only when the rest of its word is punctuation around it. They are kept as « not a count »,
      // so an answer holding one is refused rather than read from its other numbers.
      const alone = standsAlone(text, negative ? start - 1 : start, end);
      numbers.push({ value, start: negative ? start - 1 : start, end, firstToken: first, lastToken: last, words: false, article: false, notACount: negative || !alone });
      continue;
    }
    const parsed = parser.parse(i);
    if (parsed === null) continue;
    const [value, last] = parsed;
    const article = last === i && (token.word === 'un' || token.word === 'une');
    // « l'un », « d'une »: elided articles and pronouns, never counts.
    if (article && text.charAt(token.start - 1) === "'") continue;
    numbers.push({ value, start: token.start, end: tokens[last].end, firstToken: i, lastToken: last, words: true, article, notACount: false });
    i = last;
  }
  return { numbers, tokens };
}

/** Every number written in a sentence, digits or words, with where it stands in the text as typed. */
export function findNumbers(text: string): Array<{ value: number; start: number; end: number }> {
  try {
    const folded = foldKeepingPlaces(text);
    return findNumbersInFolded(folded)
      .numbers.filter((n) => !n.notACount)
      .map((n) => ({ value: n.value, ...originalRange(folded, n.start, n.end) }));
  } catch {
    return [];
  }
}

const APPROXIMATE_WORD = /\b(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier|dozens?|a few|quelques|plusieurs|several)s?\b/;
const APPROXIMATE_BOUND = /\b(?:plus de|plus d'|moins de|moins d'|au moins|au plus|pas loin de|presque|pres de|more than|less than|fewer than|at least|at most|over|under|nearly|almost|up to|jusqu'a)\s*$/;
const ZERO_WORDS = /(?:^|\s)(?:aucun|aucune|personne|nobody|none|no one|nul|nulle|pas un|pas une|zero)(?:\s|$)|^(?:pas de|pas d'|rien)/;
/** « 10-15 »: a range written with a hyphen, which findNumbers leaves aside as a code. */
const HYPHEN_RANGE = /(?<![a-z0-9./,-])[0-9]{1,7} ?- ?[0-9]{1,7}(?![0-9]|[-./,][0-9])/;

/**
 * Words that may stand beside « un » or « une » when the answer is still a number: « une seule », « un seul parent »,
 * « une fois », « il y en avait une ». Any other word makes it an article (« déclarer une action »).
 */
const BESIDE_A_LONE_ONE: ReadonlySet<string> = new Set([
  'seul', 'seule', 'seulement', 'juste', 'que', 'qu', 'il', 'y', 'en', 'avait', 'a', 'eu', 'c', 'etait', 'ca', 'fait', 'environ',
  'personne', 'personnes', 'oui', 'only', 'just', 'single', 'there', 'was', 'were', 'it', 'person', 'people', 'about', 'yes',
  ...QUALIFIER_WORDS,
]);

/** « une », « une seule », « un seul parent »: the article is the whole answer, so it is the number 1. */
function loneOneIsTheAnswer(tokens: readonly Token[], one: FoundNumber): boolean {
  return tokens.every((t, i) => i === one.firstToken || BESIDE_A_LONE_ONE.has(t.word) || nounAt(tokens, i) !== null);
}

/**
 * One count for a field's answer. « 14 », « douze », « 14 parents », « environ 15 », « une seule » → the number;
 * « aucun », « personne » → 0; « une quinzaine », « entre 10 et 15 », « plus de 20 » → approximate; « 2,5 », « -3 »
 * → notANumber; over a million → tooLarge; nothing, an article in a sentence (« déclarer une action »), or several
 * different numbers with no way to choose → null.
 */
export function readCount(text: string): { value: number } | { problem: ReadProblem } | null {
  try {
    const folded = foldKeepingPlaces(text);
    const f = folded.text;
    if (APPROXIMATE_WORD.test(f) || HYPHEN_RANGE.test(f)) return { problem: 'approximate' };
    const { numbers, tokens } = findNumbersInFolded(folded);
    // « un » or « une » with another number is an article (« un groupe de 12 »), not a count.
    let counted = numbers.length > 1 ? numbers.filter((n) => !n.article) : numbers;
    if (counted.length === 1 && counted[0].article && !loneOneIsTheAnswer(tokens, counted[0])) counted = [];
    if (counted.length === 0) return ZERO_WORDS.test(f) ? { value: 0 } : null;
    if (counted.some((n) => n.notACount)) return { problem: 'notANumber' };
    const first = counted[0];
    if (APPROXIMATE_BOUND.test(f.slice(Math.max(0, first.start - 20), first.start))) return { problem: 'approximate' };
    const distinct = new Set(counted.map((n) => n.value));
    if (distinct.size > 1) {
      if (counted.length === 2 && isRange(f, tokens, counted[0], counted[1])) return { problem: 'approximate' };
      return null;
    }
    return first.value > MAX_COUNT ? { problem: 'tooLarge' } : { value: first.value };
  } catch {
    return null;
  }
}

/** The first words of « quartier prioritaire », « single parents », « priority areas », « politique de la ville ». */
const QUALIFIER_HEADS: ReadonlySet<string> = new Set(['quartier', 'quartiers', 'single', 'lone', 'priority', 'politique']);

/** Words that may stand between a count and the noun it counts: « 6 en QPV », « 4 familles », « 12 jeunes enfants ». */
const BETWEEN_COUNT_AND_NOUN: ReadonlySet<string> = new Set([...FILLERS, 'du', 'en', 'la', 'le', 'les', 'l', 'from', 'in', 'the', 'living']);

/**
 * The count tied to one of a field's nouns when a message holds several numbers: « 12 enfants de 3 à 6 ans » with
 * ['enfant', 'enfants', 'children', 'kids'] → 12; « 14 parents dont 6 en QPV » with ['parent', 'parents'] → 14.
 * A lone number is read as readCount reads it; several numbers none of which is tied to the nouns → null. A tied
 * number keeps readCount's refusals: « entre 10 et 15 enfants », « plus de 20 enfants » → approximate.
 */
export function readCountFor(text: string, nouns: readonly string[]): { value: number } | { problem: ReadProblem } | null {
  return readCountTiedTo(text, nouns, false);
}

/**
 * The count a message ties to one of the nouns (« en fait il y avait 14 parents » with the parents' nouns → 14), as
 * readCountFor reads it; null when no number is tied to them, even a lone one (« finalement 8 » names no field).
 */
export function readCountNamed(text: string, nouns: readonly string[]): { value: number } | { problem: ReadProblem } | null {
  return readCountTiedTo(text, nouns, true);
}

function readCountTiedTo(text: string, nouns: readonly string[], tiedOnly: boolean): { value: number } | { problem: ReadProblem } | null {
  try {
    const folded = foldKeepingPlaces(text);
    const f = folded.text;
    const { numbers, tokens } = findNumbersInFolded(folded);
    const wanted = nouns.map((noun) => tokenize(foldKeepingPlaces(noun).text).map((t) => t.word)).filter((words) => words.length > 0);
    const numberAt = new Set<number>();
    for (const n of numbers) for (let t = n.firstToken; t <= n.lastToken; t++) numberAt.add(t);
    const tied = numbers.filter((n) => tiedToNoun(f, tokens, n, wanted));
    if (tied.length === 0) return tiedOnly ? null : readCount(text);
    // « 14 parents dont 6 parents QPV »: the whole before its parts, a plain count before a qualified one, unless the
    // nouns asked for are the qualifier's (« QPV »).
    const asksForAQualifier = wanted.some((words) => words.some((w) => QUALIFIER_ENDS.has(w) || QUALIFIER_HEADS.has(w)));
    const rank = (n: FoundNumber) =>
      (PART_OF.has(tokens[n.firstToken - 1]?.word ?? '') && !asksForAQualifier ? 2 : 0) +
      (!asksForAQualifier && qualifierAfter(f, tokens, nounEnd(tokens, n, wanted), numberAt) !== null ? 1 : 0);
    const best = Math.min(...tied.map(rank));
    // « 20 parents en QPV » names the QPV parents, not the parents: a named count is the plain one.
    if (tiedOnly && best > 0) return null;
    const chosen = tied.filter((n) => rank(n) === best);
    // « 9 mamans et 2 papas », « 5 enfants, 3 bébés »: counts of one field joined one to the next are one whole.
    const addsUp = chosen.length > 1 && chosen.every((n, k) => k === 0 || joinedTo(f, tokens, chosen[k - 1] as FoundNumber, n, wanted));
    if (addsUp && !chosen.some((n) => n.notACount)) {
      if (chosen.some((n) => APPROXIMATE_BOUND.test(f.slice(Math.max(0, n.start - 20), n.start)))) return { problem: 'approximate' };
      const sum = chosen.reduce((total, n) => total + n.value, 0);
      return sum > MAX_COUNT ? { problem: 'tooLarge' } : { value: sum };
    }
    if (new Set(chosen.map((n) => n.value)).size > 1) return null;
    const count = chosen[0];
    if (count.notACount) return { problem: 'notANumber' };
    if (APPROXIMATE_BOUND.test(f.slice(Math.max(0, count.start - 20), count.start))) return { problem: 'approximate' };
    const before = numbers[numbers.indexOf(count) - 1];
    if (before !== undefined && isRange(f, tokens, before, count)) return { problem: 'approximate' };
    return count.value > MAX_COUNT ? { problem: 'tooLarge' } : { value: count.value };
  } catch {
    return null;
  }
}

/** Where one of the nouns stands from token i: one past its last token, or -1. */
function nounFrom(tokens: readonly Token[], i: number, wanted: ReadonlyArray<readonly string[]>): number {
  for (const words of wanted) {
    if (words.every((word, k) => tokens[i + k] !== undefined && !tokens[i + k].digits && isWord(tokens[i + k].word, word))) return i + words.length;
  }
  return -1;
}

/** One past the noun a tied count is followed by, or the token after the count when its noun stands before it. */
function nounEnd(tokens: readonly Token[], n: FoundNumber, wanted: ReadonlyArray<readonly string[]>): number {
  for (let i = n.lastToken + 1, skipped = 0; i < tokens.length && skipped <= 3; i++, skipped++) {
    const end = nounFrom(tokens, i, wanted);
    if (end >= 0) return end;
  }
  return n.lastToken + 1;
}

/**
 * Whether `next` follows the noun of `previous` with only what adds them up between, and counts another noun:
 * « 9 mamans et 2 papas ». The same noun twice (« 12 enfants et 14 enfants ») is two answers, not a sum.
 */
function joinedTo(text: string, tokens: readonly Token[], previous: FoundNumber, next: FoundNumber, wanted: ReadonlyArray<readonly string[]>): boolean {
  const end = nounEnd(tokens, previous, wanted);
  const nextEnd = nounEnd(tokens, next, wanted);
  if (end <= previous.lastToken + 1 || end > next.firstToken || nextEnd <= next.lastToken + 1) return false;
  if (tokens[end - 1].word === tokens[nextEnd - 1].word) return false;
  return ADDS_UP.test(text.slice(tokens[end - 1].end, next.start));
}

/** « 12 enfants », « un enfant », « 6 en QPV », « enfants : 12 »: the count is said of one of the nouns. */
function tiedToNoun(text: string, tokens: readonly Token[], n: FoundNumber, wanted: ReadonlyArray<readonly string[]>): boolean {
  // An article counts only right before its noun: « un enfant », not « un atelier pour les enfants ».
  if (n.article) return nounFrom(tokens, n.lastToken + 1, wanted) >= 0;
  for (let i = n.lastToken + 1, skipped = 0; i < tokens.length && skipped <= 3; i++, skipped++) {
    if (/[,;.!?()]/.test(text.slice(tokens[i - 1].end, tokens[i].start))) break;
    if (nounFrom(tokens, i, wanted) >= 0) return true;
    if (!BETWEEN_COUNT_AND_NOUN.has(tokens[i].word)) break;
  }
  // « enfants : 12 », « nombre d'enfants QPV = 3 ».
  const previous = n.firstToken - 1;
  if (previous < 0 || !/^\s*[:=]\s*$/.test(text.slice(tokens[previous].end, n.start))) return false;
  for (let i = previous; i >= 0 && i >= previous - 4; i--) {
    for (const words of wanted) if (i - words.length + 1 >= 0 && nounFrom(tokens, i - words.length + 1, [words]) === i + 1) return true;
    if (!QUALIFIER_WORDS.has(tokens[i].word)) return false;
  }
  return false;
}

/** « entre 10 et 15 », « 10 à 15 », « 10-15 », « 10 ou 15 », « 10 to 15 », « 10 or 15 »: a range, not a count. */
function isRange(text: string, tokens: Token[], low: FoundNumber, high: FoundNumber): boolean {
  const between = text.slice(low.end, high.start).trim();
  if (/^(?:-|a|à|ou|to|or|\/)$/.test(between)) return true;
  const before = tokens[low.firstToken - 1]?.word;
  return (before === 'entre' || before === 'between') && /^(?:et|and)$/.test(between);
}

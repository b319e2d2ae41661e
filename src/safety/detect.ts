import { editDistance, STOP_WORDS, words } from '../language/text';
import { letterMask, maskDistance, repeatedLetterMask } from '../geo/letterMasks';
import { singular } from '../offer/phrases';
import { rememberMany } from '../shared/remember';
import { SAFETY_CONCERNS, type SafetyConcern, type SafetyReading, type SafetyVocabulary } from './types';
import { SAFETY_VOCABULARY } from './vocabulary';

/**
 * Reads whether a message says someone is in danger. It runs on every message of every conversation, before anything
 * else, so it is one pass over the message's words against phrases compiled once from the vocabulary (vocabulary.ts).
 *
 * Words are compared the way parents type: folded (case, accents), SMS spellings rewritten from the vocabulary's list
 * ("jvx" → "je veux"), a « j » glued to the next word split off ("jveu", "jsuis", "jetouffe"), plurals folded, the
 * same sound spelled another way at the end of a word ("veu", "veut", "veux"; "mourrire"), and one typo allowed in
 * words of 5 letters or more, two from 9 letters. A real word that happens to be one typo away from a vocabulary word
 * ("voilée" and "violée") is listed in the vocabulary and never read as a typo. A phrase matches word after word, with
 * up to GAP_WORDS other words where it says `…`.
 */

/** How many other words `…` lets through: "mon mari il me frappe tout le temps" for "@conjoint … me … @frapper". */
const GAP_WORDS = 3;
/** Typed words already compared with the vocabulary: parents reuse the same words, and each comparison costs. */
const CLOSE_WORDS_LIMIT = 5000;

/** `cannot-call`: the writer says they cannot call (its exceptions have no concern either). */
type Kind = 'statement' | 'topic' | 'exception' | 'interruption' | 'resolution' | 'frame' | 'cannot-call';

type Element = { accepts: ReadonlySet<string>; gapBefore: number };

/** `context`: the words one of which the message must name for the phrase to count (a concern's `inContext`). */
type Entry = { concern: SafetyConcern | null; kind: Kind; elements: readonly Element[]; context?: ReadonlySet<string> };

type Match = { entry: Entry; start: number; end: number };

/** How far a frame reaches: « quelles fiches parlent des violences » (before), « violences : quelles actions ? » (after). */
const FRAME_REACH_BEFORE = 6;
const FRAME_REACH_AFTER = 4;

/** The typos a word of this length may carry: one from 5 letters, two from 9. */
function typoAllowance(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** Sounds shorter than this are too common to be read by ear ("tu" and "tue", "bas" and "bat"). */
const SHORTEST_SOUND = 3;

/**
 * A word as it sounds at its end, the way parents misspell short words: doubled letters single, « -er », « -ez » and
 * « -é » alike, and the letters French does not pronounce at the end of a word dropped ("veux", "veut", "veu" → "veu";
 * "mourrire" → "mourir"; "frapé", "frapper" → "frap").
 */
export function soundKey(word: string): string {
  return word
    .replace(/(.)\1+/g, '$1')
    .replace(/e[rz]$/, 'e')
    .replace(/[estxdz]+$/, '');
}

/** Where an aside has a number (« de # ans »). */
const NUMBER = '#';

/** No French word starts with « j » and a consonant: such a word is « je » glued to what follows ("jveu", "jsuis"). */
const GLUED_BEFORE_CONSONANT = /^j[^aeiouyh]/;

/** Turns a vocabulary into the reader of messages. Exported so that tests can read with a vocabulary of their own. */
export class SafetyReader {
  private readonly rewrites: ReadonlyMap<string, readonly string[]>;
  /** Words written apart read as one ("beau pere" → "beaupere"), by their first word, longest first. */
  private readonly compounds = new Map<string, Array<{ parts: readonly string[]; joined: string }>>();
  /** Asides dropped before matching (a child's age), by their first word or `#`, longest first. */
  private readonly asides = new Map<string, Array<readonly string[]>>();
  /** Words that may stand beside « je suis sourde » in a message that says nothing else. */
  private readonly aloneWords: ReadonlySet<string>;
  private readonly afterJe: ReadonlyMap<string, readonly string[]>;
  /** Words of the French phrases, for « j' » glued to a vowel ("jetouffe" → "je etouffe"; "jour" stays "jour"). */
  private readonly frenchWords = new Set<string>();
  private readonly wordsBySound = new Map<string, string[]>();
  private readonly byFirstWord = new Map<string, Entry[]>();
  private readonly framesByFirstWord = new Map<string, Entry[]>();
  private readonly vocabularyWords = new Set<string>();
  private readonly typoWordsByLength = new Map<number, Array<{ word: string; mask: number; repeats: number }>>();
  private readonly notTypos: ReadonlySet<string>;
  private readonly childWords: ReadonlySet<string>;
  private readonly withChild = new Map<SafetyConcern, SafetyConcern>();
  private readonly closeWords = rememberMany(CLOSE_WORDS_LIMIT, (typed) => this.searchCloseWords(typed));

  constructor(vocabulary: SafetyVocabulary) {
    this.rewrites = compileRewrites(vocabulary.rewrites);
    for (const [apart, joined] of Object.entries(vocabulary.compounds)) {
      const parts: string[] = [];
      for (const word of words(apart)) this.pushWord(word, parts);
      const list = this.compounds.get(parts[0]) ?? [];
      list.push({ parts, joined });
      list.sort((a, b) => b.parts.length - a.parts.length);
      this.compounds.set(parts[0], list);
    }
    for (const aside of vocabulary.asides) {
      const parts = aside.split(' ').flatMap((part) => (part === NUMBER ? [NUMBER] : this.plainTokens(part)));
      const list = this.asides.get(parts[0]) ?? [];
      list.push(parts);
      list.sort((a, b) => b.length - a.length);
      this.asides.set(parts[0], list);
    }
    this.afterJe = new Map(Object.entries(vocabulary.afterJe).map(([glued, plain]) => [glued, this.plainTokens(plain)]));
    const classes = new Map<string, ReadonlySet<string>>();
    for (const [name, members] of Object.entries(vocabulary.classes)) {
      classes.set(name, new Set(members.flatMap((member) => this.plainTokens(member))));
    }
    this.childWords = new Set(vocabulary.childClasses.flatMap((name) => [...(classes.get(name) ?? [])]));
    const add = (phrase: string, concern: SafetyConcern | null, kind: Kind, french = false, context?: ReadonlySet<string>): void => {
      const elements = this.compile(phrase, classes);
      if (elements.length === 0) return;
      if (french && kind !== 'frame') for (const element of elements) for (const word of element.accepts) this.frenchWords.add(word);
      const entry: Entry = context ? { concern, kind, elements, context } : { concern, kind, elements };
      const index = kind === 'frame' ? this.framesByFirstWord : this.byFirstWord;
      for (const word of elements[0].accepts) {
        const list = index.get(word);
        if (list) list.push(entry);
        else index.set(word, [entry]);
      }
      if (kind !== 'frame') for (const element of elements) for (const word of element.accepts) this.vocabularyWords.add(word);
    };
    for (const phrase of [...vocabulary.topicFrames.fr, ...vocabulary.topicFrames.en]) add(phrase, null, 'frame');
    for (const language of ['fr', 'en'] as const) {
      for (const phrase of vocabulary.cannotCall.statements[language]) add(phrase, null, 'cannot-call', language === 'fr');
      for (const phrase of vocabulary.cannotCall.exceptions[language]) add(phrase, null, 'exception');
    }
    for (const concern of vocabulary.concerns) {
      for (const language of ['fr', 'en'] as const) {
        const french = language === 'fr';
        for (const phrase of concern.statements[language]) add(phrase, concern.id, 'statement', french);
        for (const phrase of concern.topics[language]) add(phrase, concern.id, 'topic', french);
        for (const phrase of concern.exceptions[language]) add(phrase, concern.id, 'exception');
        for (const phrase of concern.interruptions[language]) add(phrase, concern.id, 'interruption');
        for (const phrase of concern.resolutions[language]) add(phrase, concern.id, 'resolution');
      }
      for (const when of concern.inContext) {
        const context = new Set(when.classes.flatMap((name) => [...(classes.get(name) ?? [])]));
        // The context's words are compared as typed words are, typos and SMS spellings included.
        for (const word of context) this.vocabularyWords.add(word);
        for (const language of ['fr', 'en'] as const) {
          for (const phrase of when.phrases[language]) add(phrase, concern.id, 'statement', language === 'fr', context);
        }
      }
      if (concern.withChild) this.withChild.set(concern.id, concern.withChild);
    }
    for (const word of STOP_WORDS) this.frenchWords.delete(word);
    for (const word of this.vocabularyWords) {
      const sound = soundKey(word);
      if (sound.length >= SHORTEST_SOUND) {
        const same = this.wordsBySound.get(sound);
        if (same) same.push(word);
        else this.wordsBySound.set(sound, [word]);
      }
      if (typoAllowance(word.length) === 0) continue;
      const list = this.typoWordsByLength.get(word.length) ?? [];
      list.push({ word, mask: letterMask(word), repeats: repeatedLetterMask(word) });
      this.typoWordsByLength.set(word.length, list);
    }
    this.notTypos = new Set([...vocabulary.notTypos.flatMap((word) => this.plainTokens(word)), ...vocabulary.notTypos, ...STOP_WORDS]);
    this.aloneWords = new Set([...STOP_WORDS, ...vocabulary.cannotCall.alone.flatMap((word) => this.plainTokens(word))]);
  }

  /** The concerns `text` raises, most urgent first, or null when it raises none. */
  read(text: string): SafetyReading | null {
    const tokens = this.tokens(text);
    const close = tokens.map((token) => this.closeWords(token));
    const found: Match[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (const word of close[i]) {
        for (const entry of this.byFirstWord.get(word) ?? []) {
          const end = matchFrom(entry, close, i);
          if (end >= 0) found.push({ entry, start: i, end });
        }
      }
    }
    if (found.length === 0) return null;
    const cannotCallAt = found.filter((match) => match.entry.kind === 'cannot-call' && !cancelled(match, found));
    // Frames are taken as typed: a typo that made "information" into "formation" would silence an alarm.
    const exact = tokens.map((token) => [token]);
    // A frame frames only the words near it (« les fiches sur les violences »), not a whole message where it happens to
    // stand (« je subis des violences conjugales, je suis en formation »). « PA » frames only as a sheet number (« PA 2.3.2 »):
    // typed alone it is « pas ».
    const frames: number[] = [];
    tokens.forEach((token, i) => {
      if (token === 'pa' && !/^\d/.test(tokens[i + 1] ?? '')) return;
      if ((this.framesByFirstWord.get(token) ?? []).some((entry) => matchFrom(entry, exact, i) >= 0)) frames.push(i);
    });
    const framedAt = (match: Match) => frames.some((at) => at >= match.start - FRAME_REACH_BEFORE && at < match.end + FRAME_REACH_AFTER);
    const names = (context: ReadonlySet<string>) => close.some((words) => words.some((word) => context.has(word)));
    const concerns = new Set<SafetyConcern>();
    for (const match of found) {
      const { concern, kind, context } = match.entry;
      if (concern === null || (kind !== 'statement' && kind !== 'topic')) continue;
      if (context && !names(context)) continue;
      // A question about sheets or prevention names dangers without anyone being in one; a person's own words still count.
      if (kind === 'topic' && framedAt(match)) continue;
      if (cancelled(match, found)) continue;
      // What was said before « il est revenu » is over; what is said after it is not (« … mais il est reparti »).
      if (found.some((other) => isResolution(other, concern) && other.start >= match.end && !cancelled(other, found))) continue;
      concerns.add(concern);
    }
    if (concerns.size === 0) return this.saysOnlyCannotCall(tokens, cannotCallAt) ? { concerns: [], cannotCall: true } : null;
    // Violence in front of the children raises the child's concern too, said after the writer's own: the victim of
    // « mon mari me frappe devant les enfants » hears 3919 first, then 119. A child hurt directly keeps 119 first.
    const ordered: SafetyConcern[] = [];
    const childNamed = names(this.childWords);
    for (const concern of SAFETY_CONCERNS.filter((c) => concerns.has(c))) {
      if (!ordered.includes(concern)) ordered.push(concern);
      const witness = childNamed ? this.withChild.get(concern) : undefined;
      if (witness && !concerns.has(witness) && !ordered.includes(witness)) ordered.push(witness);
    }
    return cannotCallAt.length > 0 ? { concerns: ordered, cannotCall: true } : { concerns: ordered };
  }

  /**
   * Whether the message says that its writer cannot call and nothing else (« je suis sourde », « bonjour, je suis
   * malentendant, aidez-moi ») : a deaf person who writes only that is offered the 114. A word of anything else (« un
   * LAEP pour parents sourds à Lyon ») makes it a search, answered by its own route.
   */
  private saysOnlyCannotCall(tokens: readonly string[], matches: readonly Match[]): boolean {
    if (matches.length === 0) return false;
    return tokens.every((token, i) => this.aloneWords.has(token) || matches.some((match) => i >= match.start && i < match.end));
  }

  /** A message's words as the reader compares them: folded, SMS spellings rewritten, « j » glued split off, plurals folded. */
  tokens(text: string): string[] {
    const out: string[] = [];
    for (const word of words(text)) {
      const glued = this.rewrites.has(word) ? null : this.gluedToJe(word);
      if (glued) out.push('je', ...glued);
      else this.pushWord(word, out);
    }
    return this.withoutAsides(this.joinCompounds(out));
  }

  /** Folded words, SMS spellings rewritten, plurals folded: how phrases are compiled (they are written unglued). */
  private plainTokens(text: string): string[] {
    const out: string[] = [];
    for (const word of words(text)) this.pushWord(word, out);
    return this.joinCompounds(out);
  }

  /** "beau pere" → "beaupere": words written apart that name one person, as the vocabulary's compounds say. */
  private joinCompounds(tokens: readonly string[]): string[] {
    if (this.compounds.size === 0) return [...tokens];
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const compound = (this.compounds.get(tokens[i]) ?? []).find(({ parts }) => parts.every((part, k) => tokens[i + k] === part));
      if (compound) {
        out.push(compound.joined);
        i += compound.parts.length - 1;
      } else out.push(tokens[i]);
    }
    return out;
  }

  /** The words without the asides the vocabulary lists (« de 14 ans »), so that they take no room in a phrase's gap. */
  private withoutAsides(tokens: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const at = (part: string, k: number) => (part === NUMBER ? /^\d+$/.test(tokens[i + k] ?? '') : tokens[i + k] === part);
      const starts = [...(this.asides.get(tokens[i]) ?? []), ...(/^\d+$/.test(tokens[i]) ? (this.asides.get(NUMBER) ?? []) : [])];
      const aside = starts.sort((a, b) => b.length - a.length).find((parts) => parts.every(at));
      if (aside) i += aside.length - 1;
      else out.push(tokens[i]);
    }
    return out;
  }

  private pushWord(word: string, out: string[]): void {
    const rewritten = this.rewrites.get(word);
    if (rewritten) for (const part of rewritten) out.push(singular(part));
    else out.push(singular(word));
  }

  /**
   * What follows « je » when `word` is « j » glued to a word: "jveu" → "veux", "jsuis" → "suis", "jetouffe" →
   * "etouffe"; null for a word of its own ("jour", "jamais", "jeter"). Before a vowel, only a French word of the
   * vocabulary is split off, since many French words start with « ja », « je », « jo ».
   */
  private gluedToJe(word: string): string[] | null {
    if (word.length < 3 || word[0] !== 'j' || this.vocabularyWords.has(word)) return null;
    const rest = word.slice(1);
    const listed = this.afterJe.get(rest);
    if (listed) return [...listed];
    if (GLUED_BEFORE_CONSONANT.test(word)) return this.plainTokens(rest);
    if (rest.length >= SHORTEST_SOUND && this.frenchWords.has(singular(rest))) return this.plainTokens(rest);
    return null;
  }

  private compile(phrase: string, classes: ReadonlyMap<string, ReadonlySet<string>>): Element[] {
    const elements: Element[] = [];
    let gap = 0;
    for (const piece of phrase.split(' ')) {
      if (piece === '…') {
        gap = GAP_WORDS;
        continue;
      }
      if (piece.startsWith('@')) {
        const members = classes.get(piece.slice(1));
        if (!members) throw new Error(`unknown word class ${piece}`);
        elements.push({ accepts: members, gapBefore: gap });
      } else {
        this.plainTokens(piece).forEach((token, k) => elements.push({ accepts: new Set([token]), gapBefore: k === 0 ? gap : 0 }));
      }
      gap = 0;
    }
    return elements;
  }

  /**
   * The vocabulary's words a typed word may stand for: itself, those that end with the same sound, and for words of 5
   * letters or more those within the typos their lengths allow. Grammatical words and real words listed as such are
   * taken as typed.
   */
  private searchCloseWords(typed: string): readonly string[] {
    const close: string[] = this.vocabularyWords.has(typed) ? [typed] : [];
    if (this.notTypos.has(typed) || /^\d+$/.test(typed)) return close;
    const sound = soundKey(typed);
    if (sound.length >= SHORTEST_SOUND) for (const word of this.wordsBySound.get(sound) ?? []) if (!close.includes(word)) close.push(word);
    const own = typoAllowance(typed.length);
    if (own === 0) return close;
    const mask = letterMask(typed);
    const repeats = repeatedLetterMask(typed);
    for (let length = typed.length - own; length <= typed.length + own; length++) {
      for (const known of this.typoWordsByLength.get(length) ?? []) {
        if (known.word === typed) continue;
        const allowance = Math.min(own, typoAllowance(length));
        if (Math.abs(length - typed.length) > allowance) continue;
        if (maskDistance(mask, repeats, known.mask, known.repeats) > allowance) continue;
        if (!close.includes(known.word) && editDistance(typed, known.word, allowance) <= allowance) close.push(known.word);
      }
    }
    return close;
  }
}

/** Rewrites with their own words rewritten once more ("jpp" → "j'en peux plus" → "je en peux plus"), as token lists. */
function compileRewrites(rewrites: Readonly<Record<string, string>>): Map<string, string[]> {
  const once = (text: string): string[] => words(text);
  const compiled = new Map<string, string[]>();
  for (const [abbreviation, plain] of Object.entries(rewrites)) {
    compiled.set(abbreviation, once(plain).flatMap((word) => (word !== abbreviation && rewrites[word] ? once(rewrites[word]) : [word])));
  }
  return compiled;
}

/** Where the entry's phrase ends when it starts at `start`, or -1: each next word within its allowed gap. */
function matchFrom(entry: Entry, close: ReadonlyArray<readonly string[]>, start: number): number {
  let at = start;
  for (let k = 1; k < entry.elements.length; k++) {
    const element = entry.elements[k];
    const last = Math.min(close.length - 1, at + 1 + element.gapBefore);
    let next = -1;
    for (let j = at + 1; j <= last && next < 0; j++) if (close[j].some((word) => element.accepts.has(word))) next = j;
    if (next < 0) return -1;
    at = next;
  }
  return at + 1;
}

function isResolution(match: Match, concern: SafetyConcern): boolean {
  return match.entry.kind === 'resolution' && match.entry.concern === concern;
}

/**
 * Whether an exception of the same concern overlaps `match` and means something else ("he never came back"), or an
 * interruption stands inside it (« devant » in « il me frappe devant mes enfants »).
 */
function cancelled(match: Match, found: readonly Match[]): boolean {
  return found.some(
    (other) =>
      other.entry.concern === match.entry.concern &&
      ((other.entry.kind === 'exception' && overrides(other, match)) ||
        (other.entry.kind === 'interruption' && other.start > match.start && other.end < match.end)),
  );
}

/** An exception cancels a match it overlaps ("mourir de rire" in "je veux mourir de rire"), unless the match holds it whole. */
function overrides(exception: Match, match: Match): boolean {
  const overlaps = exception.start < match.end && match.start < exception.end;
  const heldWhole = match.start <= exception.start && exception.end <= match.end;
  return overlaps && !heldWhole;
}

const reader = new SafetyReader(SAFETY_VOCABULARY);

/** The concerns a message raises (danger, violence, suicide…), most urgent first, or null for an ordinary message. */
export function readSafety(text: string): SafetyReading | null {
  return reader.read(text);
}

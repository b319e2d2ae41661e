
/**
 * Text helpers shared by every part that understands what users type.
 * Matching is done on folded text: lower case, no accents, straight apostrophes, one space.
 */

const COMBINING_MARKS = /\p{M}/gu;

/** The folding rules, applied to a whole text. */
function foldSlowly(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

/**
 * The same rules, fast. Each rule but two acts on one character at a time, whatever surrounds it: so each
 * character's folding is worked out once (the first time it is met) and a text is folded by looking its characters
 * up, characters that fold to themselves being copied a run at a time. The two others, collapsing and trimming white
 * space, are done while joining. Characters whose folding depends on their neighbours (a capital sigma lowers
 * differently at the end of a word) or that are halves of a pair (emoji) send the text to the rules themselves.
 */
const UNKNOWN = 0;
const ITSELF = 1;
const WHITE_SPACE = 2;
const NEEDS_CONTEXT = 3;
const REPLACED = 4;
const characterKind = new Uint8Array(0x10000);
const replacement: string[] = [];

function learnCharacter(code: number): number {
  const character = String.fromCharCode(code);
  let kind: number;
  if ((code >= 0xd800 && code <= 0xdfff) || code === 0x3a3) kind = NEEDS_CONTEXT;
  else if (/^\s$/.test(character)) kind = WHITE_SPACE;
  else {
    const alone = character.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[’‘`´]/g, "'").replace(/[œ]/g, 'oe').replace(/[æ]/g, 'ae').toLowerCase();
    if (/\s/.test(alone)) kind = NEEDS_CONTEXT;
    else if (alone === character) kind = ITSELF;
    else {
      kind = REPLACED;
      replacement[code] = alone;
    }
  }
  characterKind[code] = kind;
  return kind;
}

/** "L’Écoute  Parents" → "l'ecoute parents". */
export function fold(text: string): string {
  return foldByTable(text);
}

function foldByTable(text: string): string {
  let out = '';
  let space = false;
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let kind = characterKind[code];
    if (kind === UNKNOWN) kind = learnCharacter(code);
    if (kind === ITSELF) {
      if (space) {
        out += ' ';
        space = false;
      }
      continue;
    }
    if (runStart < i) out += text.slice(runStart, i);
    runStart = i + 1;
    if (kind === WHITE_SPACE) space = out.length > 0;
    else if (kind === NEEDS_CONTEXT) return foldSlowly(text);
    else {
      const folded = replacement[code];
      if (folded.length === 0) continue;
      if (space) {
        out += ' ';
        space = false;
      }
      out += folded;
    }
  }
  if (runStart < text.length) out += text.slice(runStart);
  return out;
}

/** Words of folded text, split on anything that is not a letter or a digit ("l'udaf" → ["l", "udaf"]). */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** French (and a few English) words that carry no meaning for search. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'au', 'aux', 'avec', 'ce', 'ces', 'c', 'cet', 'cette', 'd', 'dans', 'de', 'des', 'du', 'elle', 'elles', 'en', 'et',
  'est', 'il', 'ils', 'j', 'je', 'l', 'la', 'le', 'les', 'leur', 'leurs', 'lui', 'm', 'ma', 'mais', 'me', 'mes', 'moi', 'mon',
  'n', 'ne', 'nos', 'notre', 'nous', 'on', 'ou', 'par', 'pas', 'pour', 'qu', 'que', 'qui', 'quoi', 's', 'sa', 'se', 'ses',
  'son', 'sont', 'sur', 't', 'ta', 'te', 'tes', 'toi', 'ton', 'tu', 'un', 'une', 'vos', 'votre', 'vous', 'y', 'sous', 'entre',
  'quel', 'quelle', 'quels', 'quelles', 'est-ce', 'ca', 'cela', 'tout', 'tous', 'toute', 'toutes', 'plus', 'tres', 'etc',
  'the', 'of', 'and', 'to', 'in', 'for', 'is', 'are', 'what', 'which', 'who', 'an', 'on', 'at', 'by', 'with', 'me', 'my',
]);

/** Words of the text without stop-words. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOP_WORDS.has(w));
}

/** Rows of the distance table, allocated once and grown for longer words. */
const distanceRows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The edit distance (optimal string alignment: insertions, deletions, substitutions and swaps of two neighbouring
 * letters) if it is at most `max`, otherwise `max + 1`. Typo matching compares a typed word with hundreds of known
 * ones per message: only the band of the table a bounded distance can use is filled, in rows allocated once.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  // No distance exceeds the longer word's length: an unbounded call fills the whole table.
  const bound = Math.min(max, Math.max(n, m));
  const over = bound + 1;
  if (distanceRows[0].length < m + 2) for (let r = 0; r < distanceRows.length; r++) distanceRows[r] = new Int32Array(m + 2);
  let before = distanceRows[0];
  let previous = distanceRows[1];
  let current = distanceRows[2];
  for (let j = 0; j <= m; j++) previous[j] = j <= bound ? j : over;
  previous[m + 1] = over;
  for (let i = 1; i <= n; i++) {
    const low = Math.max(1, i - bound);
    const high = Math.min(m, i + bound);
    current[0] = i <= bound ? i : over;
    // The cells just outside the band are read by this row and the next: they stand for "too far".
    current[low - 1] = low === 1 ? current[0] : over;
    current[high + 1] = over;
    let rowMin = current[low - 1];
    const letter = a.charCodeAt(i - 1);
    const letterBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = low; j <= high; j++) {
      const other = b.charCodeAt(j - 1);
      let value = previous[j - 1] + (letter === other ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (j > 1 && letterBefore === other && letter === b.charCodeAt(j - 2) && before[j - 2] + 1 < value) value = before[j - 2] + 1;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return over;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return Math.min(previous[m], over);
}

/** How many typos a word of this length may carry and still match: none for short words. */
export function typoAllowance(word: string): number {
  if (word.length <= 3) return 0;
  if (word.length <= 6) return 1;
  return 2;
}

/** True when `typed` is `known`, allowing for a few typos in long enough words. */
export function isCloseWord(typed: string, known: string): boolean {
  if (typed === known) return true;
  const allowance = Math.min(typoAllowance(typed), typoAllowance(known));
  return allowance > 0 && editDistance(typed, known, allowance) <= allowance;
}

export type Language = 'fr' | 'en';

const ENGLISH_MARKERS = new Set([
  'the', 'who', 'what', 'which', 'where', 'when', 'how', 'is', 'are', 'does', 'do', 'there', 'any', 'near', 'me', 'my',
  'pilots', 'leads', 'partners', 'indicators', 'funding', 'support', 'help', 'hello', 'hi', 'please', 'open', 'find',
  'sheet', 'sheets', 'meaning', 'mean', 'with', 'about', 'group', 'child', 'children', 'i', 'can', 'exists', 'exist',
  'want', 'to', 'myself', 'am', 'and', 'for', 'need', 'looking', 'husband', 'wife', 'son', 'daughter', 'kid', 'kids',
  'baby', 'scared', 'afraid', 'someone', 'talk', 'tonight', 'now', 'today', 'family', 'families', 'in', 'of', 'toddler',
  'toddlers', 'playgroup', 'parenting', 'single', 'mum', 'mom', 'dad', 'teen', 'teenager', 'school', 'homework',
  'nearest', 'around', 'at', 'weekend', 'tomorrow', 'evening', 'feel', 'like', 'it', 'all', 'you', 'your', 'this', 'that',
  'not', 'was', 'will', 'would', 'ending',
]);
/** Short English words French speakers do not borrow (unlike « hello », « ok » or « bye »). */
const ENGLISH_ONLY = new Set(['thanks', 'thank', 'goodbye', 'cheers', 'please', 'sorry', 'see', 'where', 'who', 'what', 'which', 'how']);
const FRENCH_MARKERS = new Set([
  'le', 'la', 'les', 'des', 'du', 'de', 'qui', 'quel', 'quels', 'quelle', 'quelles', 'est', 'sont', 'pour', 'un', 'une',
  'je', 'mon', 'ma', 'mes', 'pres', 'ou', 'et', 'fiche', 'fiches', 'pilote', 'bonjour', 'aide', 'avec', 'chez', 'y', 'a',
  'merci', 'bonsoir', 'salut', 'coucou', 'revoir', 'oui',
]);

/**
 * French unless the user clearly writes English, or their client says English and the text does not say otherwise.
 * Short texts ("PA 3.2.1", « bye ») follow the language the conversation was in (`before`), else the client's locale.
 */
export function detectLanguage(text: string, locale?: string, before?: Language): Language {
  return languageOfWords(text) ?? before ?? (typeof locale === 'string' && /^en\b/i.test(locale) ? 'en' : 'fr');
}

/** The language the words themselves say, or null when they do not tell (a code, a place, « ok », « bye »). */
function languageOfWords(text: string): Language | null {
  const tokens = words(text);
  let english = 0;
  let french = 0;
  for (const token of tokens) {
    if (ENGLISH_MARKERS.has(token)) english++;
    if (FRENCH_MARKERS.has(token)) french++;
  }
  if (english > french && english >= 2) return 'en';
  // « thanks », « goodbye »: one word, but not one a French speaker writes.
  if (french === 0 && tokens.length > 0 && tokens.length <= 3 && tokens.some((token) => ENGLISH_ONLY.has(token))) return 'en';
  if (french > english) return 'fr';
  return null;
}

import { fold } from '../language/text';

/**
 * Keys under which place names are matched, so that "St Priest", "saint-priest" and "Saint-Priest" meet,
 * and "Lyon 8e Arrondissement", "lyon 8eme" and GeoNames' "Lyon 08" all become "lyon 8".
 */

const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['sts', 'saints'],
  ['stes', 'saintes'],
  ['mt', 'mont'],
]);

/** Words that only say "this is an arrondissement" and carry no identity. */
const ARRONDISSEMENT_WORDS: ReadonlySet<string> = new Set(['arrondissement', 'arrondissements', 'arr', 'arrt', 'arrdt', 'ardt']);

/** "8e", "8eme", "8ème" (folded), "1er", "08", "8th" → "8". */
const ORDINAL = /^0*(\d{1,2})(?:er|re|e|eme|ieme|em|nd|th|st|rd)?$/;

/** Leading articles users often leave out ("Arbresle" for "L'Arbresle"). */
export const LEADING_ARTICLES: ReadonlySet<string> = new Set(['l', 'la', 'le', 'les']);

/** Tokens of a place name as matched: folded, split on anything but letters and digits, abbreviations expanded. */
export function placeTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of fold(text).split(/[^a-z0-9]+/)) {
    if (raw.length === 0 || ARRONDISSEMENT_WORDS.has(raw)) continue;
    const ordinal = ORDINAL.exec(raw);
    if (ordinal) {
      tokens.push(String(Number(ordinal[1])));
      continue;
    }
    tokens.push(ABBREVIATIONS.get(raw) ?? raw);
  }
  return tokens;
}

export function placeKey(text: string): string {
  return placeTokens(text).join(' ');
}

/** The key without its leading article, or null when the name has none (or is only an article). */
export function keyWithoutArticle(key: string): string | null {
  const space = key.indexOf(' ');
  if (space < 0) return null;
  return LEADING_ARTICLES.has(key.slice(0, space)) ? key.slice(space + 1) : null;
}

/** One token of a key, as a word of the sentence is compared to it. */
export function placeToken(word: string): string | null {
  const tokens = placeTokens(word);
  return tokens.length === 1 ? tokens[0] : null;
}

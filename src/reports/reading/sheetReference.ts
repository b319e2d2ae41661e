import { foldKeepingPlaces, tokenize } from './folding';

/**
 * How staff name the report's sheet without its code, at « Pour quelle fiche ? »: the sheet just talked about
 * (« cette fiche », « la même », « celle-là »), or a sheet by its subject (« celle sur les cafés des parents »,
 * « la fiche sur la médiation familiale »). The vocabularies are data: a phrase is matched as the whole answer, after
 * the words said around it (« oui », « c'est », « pour »).
 */

/** The sheet being discussed, said as the whole answer (folded, apostrophes and hyphens as spaces). */
const THIS_SHEET: ReadonlySet<string> = new Set([
  'cette fiche', 'cette fiche la', 'cette fiche ci', 'cette fiche action', 'la meme', 'la meme fiche', 'meme fiche', 'la meme fiche action',
  'celle la', 'celle ci', 'celle la meme', 'celle dont on parlait', 'celle dont on vient de parler', 'la fiche dont on parlait',
  'la fiche dont on vient de parler', 'celle que je viens de demander', 'celle que je viens de consulter', 'celle de tout a l heure',
  'la fiche de tout a l heure', 'la precedente', 'this sheet', 'that sheet', 'the same sheet', 'the same', 'same sheet', 'same one',
  'that one', 'this one', 'the same one', 'the one we discussed', 'the one we talked about', 'the sheet we discussed',
]);

/** Words said around an answer that are not part of it: « oui c'est celle-là », « pour cette fiche ». */
const AROUND = new Set(['oui', 'ouais', 'bah', 'ben', 'euh', 'c', 'est', 'pour', 'sur', 'de', 'alors', 'ok', 'yes', 'it', 's', 'for', 'on', 'well', 'svp', 'please', 'merci']);

/** « cette fiche », « la même », « celle-là », « this sheet »: the answer names the sheet being discussed. */
export function namesSheetUnderDiscussion(text: string): boolean {
  if (text.length > 120) return false;
  const words = tokenize(foldKeepingPlaces(text).text).map((token) => token.word);
  let first = 0;
  while (first < words.length && AROUND.has(words[first] as string) && !THIS_SHEET.has(words.slice(first).join(' '))) first++;
  let last = words.length;
  while (last > first && ['svp', 'please', 'merci', 'thanks'].includes(words[last - 1] as string)) last--;
  return THIS_SHEET.has(words.slice(first, last).join(' '));
}

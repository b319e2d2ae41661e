/**
 * Words that announce a place ("à Givors", "près de Tours", "near Lyon"), on folded place tokens
 * (see placeTokens: "à" is "a", "près" is "pres").
 */
const MARKERS: ReadonlySet<string> = new Set(['a', 'sur', 'vers', 'dans', 'near', 'in', 'at', 'around', 'around', 'habite', 'commune']);
/** Words that announce a place when followed by "de"/"du"/"d'": "près de", "autour de", "du côté de". */
const MARKERS_BEFORE_DE: ReadonlySet<string> = new Set(['pres', 'proche', 'autour', 'cote', 'alentours', 'environs', 'loin', 'secteur', 'region']);
const DE: ReadonlySet<string> = new Set(['de', 'du', 'd', 'des']);

export function isPlaceMarkerBefore(tokens: readonly string[], index: number): boolean {
  const previous = tokens[index - 1];
  if (previous === undefined) return false;
  if (MARKERS.has(previous)) return true;
  return DE.has(previous) && MARKERS_BEFORE_DE.has(tokens[index - 2] ?? '');
}

/**
 * Ordinary words that are also the name of some commune somewhere in France. On their own, without "à" or
 * "près de" before them, they are read as words, not places.
 */
export const COMMON_WORDS_NAMING_COMMUNES: ReadonlySet<string> = new Set([
  'aucun', 'baby', 'bar', 'bois', 'bonne', 'bourg', 'champs', 'chateau', 'chemin', 'chene', 'corps', 'cote', 'cours',
  'creche', 'die', 'ecole', 'escale', 'eu', 'fille', 'fontaine', 'frais', 'gap', 'garde', 'grand', 'mars', 'mer', 'mere',
  'mont', 'montagne', 'parent', 'pas', 'pere', 'pierre', 'pin', 'place', 'plaine', 'plan', 'pont', 'port', 'pres',
  'quartier', 'riviere', 'roche', 'rue', 'saint', 'sainte', 'sens', 'us', 'val', 'vallee', 'vers', 'vieux', 'ville',
]);

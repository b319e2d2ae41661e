import { z } from 'zod';
import type { DepartementArticle } from './departements';

/**
 * Where a commune's coordinates come from, best first. Anything below `geonames-code` is an estimate
 * that the offer's own coordinates may replace (see OfferIndex).
 */
export const CoordinateSourceSchema = z.enum(['geonames', 'geonames-name', 'geonames-code', 'postcode', 'parent', 'epci', 'none']);
export type CoordinateSource = z.infer<typeof CoordinateSourceSchema>;

export const ESTIMATED_COORDINATES: ReadonlySet<CoordinateSource> = new Set(['postcode', 'parent', 'epci', 'none']);

/** An official commune (commune-actuelle) or a municipal arrondissement of Paris, Lyon or Marseille. */
export const CommuneSchema = z.object({
  code: z.string().regex(/^\w{5}$/),
  name: z.string().min(1),
  kind: z.enum(['commune', 'arrondissement']),
  departement: z.string().min(2).max(3),
  region: z.string(),
  /** SIREN of the EPCI the commune belongs to, when it belongs to one. */
  epci: z.string().nullable(),
  /** For an arrondissement: the code of its commune (69123 for Lyon). */
  parent: z.string().nullable(),
  postcodes: z.array(z.string()),
  population: z.number(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  coordinates: CoordinateSourceSchema,
});
export type Commune = z.infer<typeof CommuneSchema>;

export type CommuneMatchVia = 'name' | 'postcode' | 'code' | 'fuzzy' | 'position' | 'departement';

/**
 * How the sentence announced the place: after a search marker (« vers », « près de », « plutôt », « et … ? »), a plain
 * one (« à », « in »), where the parent is or lives (« j'habite », « je suis à »), a postcode, the place alone as the
 * whole message, or not at all (a name that is no ordinary word, inside a sentence); or a département was named
 * (« en Gironde », « dans le 69 »): the commune is then its chef-lieu, see `CommuneMatch.departement`.
 */
export type CommuneMatchMarking = 'search' | 'plain' | 'residence' | 'postcode' | 'alone' | 'unmarked' | 'departement';

/** A département a parent named, with the article its name takes (« dans le Rhône », « en Gironde », « dans l'Ain »). */
export type NamedDepartement = { code: string; name: string; article: DepartementArticle };

/** One of the communes a name may mean, with its département, for asking the parent which one. */
export type PlaceCandidate = { commune: Commune; departement: { code: string; name: string } };

/** A place the user named, with the homonyms or other communes of the same postcode the engine may prefer. */
export type CommuneMatch = {
  commune: Commune;
  /** Other communes the same words could mean (homonyms, communes sharing the postcode), most populous first. */
  alternatives: Commune[];
  /** The words of the text that named the place (folded place tokens joined by spaces). */
  matched: string;
  /**
   * The name as the parent typed it (« villefranche », « Saint-Priest », « st priest », « Indre-et-Loire »), from
   * its first word to its last, without the marker or a département or postcode after it: for asking « which
   * villefranche? » in the parent's own words.
   */
  typed: string;
  via: CommuneMatchVia;
  /**
   * The words the place used, as indexes in `words(text)` (src/language/text: the folded text split on anything but
   * letters and digits; `matchTokens(text)` maps those words one to one), name and any département or postcode
   * after it (« Saint-Priest (Rhône) »), typos included (« givor »): the caller removes exactly these from the free
   * text, so that a town's name is never searched as a word. Indexes are on the text as given to the finder (the
   * first 1,000 characters of a sentence).
   */
  tokenIndexes: number[];
  /** The words of the marker that announced it (« près de », « du côté de », « vers »), same indexes. */
  markerIndexes: number[];
  marking: CommuneMatchMarking;
  /**
   * True when the words name several communes of comparable size and nothing in the sentence said which (see
   * homonyms.ts): the caller should ask, with `candidates`.
   */
  ambiguous: boolean;
  /** Every commune the words may mean (after any département or postcode given), most populous first. */
  candidates: PlaceCandidate[];
  /**
   * Set when the parent named a département, not a commune (marking 'departement'): `commune` is then its
   * chef-lieu, the place to search around, and the answer should name the département.
   */
  departement?: NamedDepartement;
};

export function hasCoordinates(commune: Commune): commune is Commune & { latitude: number; longitude: number } {
  return commune.latitude !== null && commune.longitude !== null;
}

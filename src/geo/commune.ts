import { z } from 'zod';

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

export type CommuneMatchVia = 'name' | 'postcode' | 'code' | 'fuzzy' | 'position';

/** A place the user named, with the homonyms or other communes of the same postcode the engine may prefer. */
export type CommuneMatch = {
  commune: Commune;
  /** Other communes the same words could mean (homonyms, communes sharing the postcode), most populous first. */
  alternatives: Commune[];
  /** The words of the text that named the place. */
  matched: string;
  via: CommuneMatchVia;
};

export function hasCoordinates(commune: Commune): commune is Commune & { latitude: number; longitude: number } {
  return commune.latitude !== null && commune.longitude !== null;
}

import { PARIS, wallZone, type WallZone } from './parisTime';

/**
 * The clocks of the places of the offer. A service writes its opening hours on its own clock: a café des parents in
 * Saint-Denis de La Réunion open « Mo-Fr 08:00-10:00 » opens at 8 h in La Réunion, which is 5 h or 6 h in Paris.
 * Overseas départements and collectivités are known by the first three digits of their INSEE code or postcode, and
 * the five overseas regions by their names too (as the commune index names them); everywhere else is on Paris time.
 */
const OVERSEAS_ZONES: ReadonlyArray<{ code: string; zone: string; region?: string }> = [
  { code: '971', zone: 'America/Guadeloupe', region: 'Guadeloupe' },
  { code: '972', zone: 'America/Martinique', region: 'Martinique' },
  { code: '973', zone: 'America/Cayenne', region: 'Guyane' },
  { code: '974', zone: 'Indian/Reunion', region: 'La Réunion' },
  { code: '975', zone: 'America/Miquelon' },
  { code: '976', zone: 'Indian/Mayotte', region: 'Mayotte' },
  { code: '977', zone: 'America/St_Barthelemy' },
  { code: '978', zone: 'America/Marigot' },
  { code: '986', zone: 'Pacific/Wallis' },
  { code: '987', zone: 'Pacific/Tahiti' },
  { code: '988', zone: 'Pacific/Noumea' },
];

const ZONE_BY_CODE: ReadonlyMap<string, string> = new Map(OVERSEAS_ZONES.map((z) => [z.code, z.zone]));
const ZONE_BY_REGION: ReadonlyMap<string, string> = new Map(OVERSEAS_ZONES.flatMap((z) => (z.region ? [[z.region, z.zone] as const] : [])));

/**
 * The clock of a place, from its INSEE code (first: Saint-Barthélemy and Saint-Martin have postcodes of Guadeloupe's
 * range) or its postcode; Paris when neither says overseas.
 */
export function timeZoneOfPlace(place: { communeCode?: string | null; postcode?: string | null }): WallZone {
  for (const code of [place.communeCode, place.postcode]) {
    const zone = code ? ZONE_BY_CODE.get(code.trim().slice(0, 3)) : undefined;
    if (zone) return wallZone(zone);
  }
  return PARIS;
}

/** The clock of a region, by its name (« La Réunion »): Paris for every region of metropolitan France, or none. */
export function timeZoneOfRegion(regionName: string | null): WallZone {
  const zone = regionName ? ZONE_BY_REGION.get(regionName) : undefined;
  return zone ? wallZone(zone) : PARIS;
}

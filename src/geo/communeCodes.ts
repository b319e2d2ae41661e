import { CommuneIndex } from './communeIndex';

/**
 * The INSEE codes a commune filter covers. Paris (75056), Lyon (69123) and Marseille (13055) hold municipal
 * arrondissements with codes of their own (69381–69389…), and a centre records the arrondissement it stands in: a
 * question, an export or an API call « for Lyon » must take those in too.
 *
 * The arrondissements come from the official communes the project already reads (@etalab/decoupage-administratif,
 * see buildCommunes: an arrondissement's `parent` is its city). They are found through the city's postcodes, which
 * are its arrondissements' (an arrondissement without any takes its city's), so that no list of every commune is
 * built for the three cities that have them; tests/geo/communeCodes.test.ts checks this against the whole list.
 */
export function codesWithinCommune(code: string, communes: Pick<CommuneIndex, 'byCode' | 'byPostcode'> = CommuneIndex.load()): string[] {
  const commune = communes.byCode(code);
  if (commune === null || commune.kind !== 'commune') return [code];
  const parts = new Set<string>();
  for (const postcode of commune.postcodes) {
    for (const part of communes.byPostcode(postcode)) if (part.kind === 'arrondissement' && part.parent === commune.code) parts.add(part.code);
  }
  return [code, ...[...parts].sort()];
}

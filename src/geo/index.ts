/** Places: the official communes of France with postcodes and coordinates, found from what users type. */
export { CommuneIndex, type FindOptions } from './communeIndex';
export {
  hasCoordinates,
  ESTIMATED_COORDINATES,
  type Commune,
  type CommuneMatch,
  type CommuneMatchMarking,
  type CommuneMatchVia,
  type CoordinateSource,
  type NamedDepartement,
  type PlaceCandidate,
} from './commune';
export { AMBIGUITY_POPULATION_RATIO, resolveAmong } from './homonyms';
export { placeKey, placeTokens } from './placeKey';
export { isOrdinaryName, ORDINARY_WORDS_NAMING_COMMUNES } from './placeMarkers';
export { projectDataDir } from './projectData';
export { type DepartementArticle } from './departements';
export { codesWithinCommune } from './communeCodes';

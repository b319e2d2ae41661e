/** Places: the official communes of France with postcodes and coordinates, found from what users type. */
export { CommuneIndex, type FindOptions } from './communeIndex';
export { hasCoordinates, ESTIMATED_COORDINATES, type Commune, type CommuneMatch, type CommuneMatchVia, type CoordinateSource } from './commune';
export { placeKey, placeTokens } from './placeKey';
export { projectDataDir } from './projectData';

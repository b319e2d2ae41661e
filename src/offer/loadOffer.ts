import type { CommuneIndex } from '../geo';
import { buildServices } from './buildServices';
import { OfferIndex } from './offerIndex';
import { readOfferDir, SERVICES_FILE, STRUCTURES_FILE } from './readOffer';
import type { LoadProblem } from './records';

export type LoadedOffer = { offer: OfferIndex; problems: LoadProblem[] };

/** An offer from records already in memory (tests, the generator of the benchmark). */
export function buildOffer(structures: readonly unknown[], services: readonly unknown[], communes: CommuneIndex): LoadedOffer {
  const built = buildServices(
    [{ file: `offer/${STRUCTURES_FILE}`, records: structures }],
    [{ file: `offer/${SERVICES_FILE}`, records: services }],
    communes,
  );
  return { offer: new OfferIndex(built.services, built.searchTexts, built.centroids), problems: built.problems };
}

/**
 * Loads KNOWLEDGE_DIR/offer: structures.json and services.json (data·inclusion v1). Bad files and records are
 * reported and skipped; the rest loads.
 */
export function loadOffer(offerDir: string, communes: CommuneIndex): LoadedOffer {
  const problems: LoadProblem[] = [];
  const files = readOfferDir(offerDir, problems);
  const built = buildServices(files.structures, files.services, communes);
  return { offer: new OfferIndex(built.services, built.searchTexts, built.centroids), problems: [...problems, ...built.problems] };
}

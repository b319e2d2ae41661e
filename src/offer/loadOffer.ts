import { join } from 'node:path';
import type { CommuneIndex } from '../geo';
import { buildServices } from './buildServices';
import { OfferIndex } from './offerIndex';
import { PREBUILT_FILE, readPrebuiltOffer } from './prebuilt';
import { modifiedAt, readOfferDir, SERVICES_FILE, STRUCTURES_FILE } from './readOffer';
import type { LoadProblem } from './records';

export type LoadedOffer = { offer: OfferIndex; problems: LoadProblem[] };

/** An offer from records already in memory (tests, the benchmark's generated offer). */
export function buildOffer(structures: readonly unknown[], services: readonly unknown[], communes: CommuneIndex): LoadedOffer {
  const built = buildServices(
    [{ file: `offer/${STRUCTURES_FILE}`, records: structures }],
    [{ file: `offer/${SERVICES_FILE}`, records: services }],
    communes,
  );
  return { offer: OfferIndex.build(built.services, built.searchTexts, built.centroids), problems: built.problems };
}

/**
 * Loads KNOWLEDGE_DIR/offer. When `npm run import` left a prebuilt index there (offer-index.json) that is newer than
 * structures.json and services.json, it is used: a whole region or the country loads in a fraction of a second.
 * Otherwise the two files are read and built. Bad files and records are reported and skipped; the rest loads.
 */
export function loadOffer(offerDir: string, communes: CommuneIndex): LoadedOffer {
  const problems: LoadProblem[] = [];
  const prebuiltAt = modifiedAt(join(offerDir, PREBUILT_FILE));
  if (prebuiltAt > 0) {
    const newest = Math.max(modifiedAt(join(offerDir, STRUCTURES_FILE)), modifiedAt(join(offerDir, SERVICES_FILE)));
    if (newest > prebuiltAt) {
      problems.push({ file: `offer/${PREBUILT_FILE}`, id: null, reason: `plus ancien que ${SERVICES_FILE} ou ${STRUCTURES_FILE} : ignoré (relancez npm run import)` });
    } else {
      const prebuilt = readPrebuiltOffer(offerDir, (problem) => problems.push(problem));
      if (typeof prebuilt !== 'string') {
        problems.push(...prebuilt.problems);
        const offer = new OfferIndex(prebuilt.services, prebuilt.centroids, prebuilt.loadText, { spatial: prebuilt.spatial, remoteIds: prebuilt.remoteIds });
        offer.setSummaries(prebuilt.loadSummaries);
        return { offer, problems };
      }
      problems.push({ file: `offer/${PREBUILT_FILE}`, id: null, reason: `${prebuilt} : ignoré` });
    }
  }
  const files = readOfferDir(offerDir, problems);
  const built = buildServices(files.structures, files.services, communes);
  return { offer: OfferIndex.build(built.services, built.searchTexts, built.centroids), problems: [...problems, ...built.problems] };
}

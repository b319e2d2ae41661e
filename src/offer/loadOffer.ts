import { join } from 'node:path';
import type { CommuneIndex } from '../geo';
import { buildServices } from './buildServices';
import { OfferIndex } from './offerIndex';
import { PREBUILT_FILE, readPrebuiltOffer, type PrebuiltOffer } from './prebuilt';
import { modifiedAt, newestOfferFileAt, readOfferDir, SERVICES_FILE, STRUCTURES_FILE } from './readOffer';
import type { LoadProblem } from './records';

/** Where earlier versions wrote their prebuilt index, in a format no longer read. */
const FORMER_PREBUILT_FILE = 'offer-index.json';

/**
 * Where the offer came from, for the start-up log: an operator who drops a new file in the offer folder sees whether
 * it was read (« 0 problems » alone also means « 0 files »).
 */
export type OfferSource = { kind: 'prebuilt'; file: string } | { kind: 'files'; files: string[] } | { kind: 'records' };
export type LoadedOffer = { offer: OfferIndex; problems: LoadProblem[]; source: OfferSource };

/** An offer from records already in memory (tests, the benchmark's generated offer). */
export function buildOffer(structures: readonly unknown[], services: readonly unknown[], communes: CommuneIndex): LoadedOffer {
  const built = buildServices(
    [{ file: `offer/${STRUCTURES_FILE}`, records: structures }],
    [{ file: `offer/${SERVICES_FILE}`, records: services }],
    communes,
  );
  return { offer: OfferIndex.build(built.services, built.searchTexts, built.centroids), problems: built.problems, source: { kind: 'records' } };
}

/** The offer of a prebuilt index (its import's problems added to `problems`), or why it cannot be used. */
function offerOf(prebuilt: PrebuiltOffer, problems: LoadProblem[]): OfferIndex | string {
  try {
    const offer = new OfferIndex(prebuilt.entries, prebuilt.centroids, prebuilt.loadText, { spatial: prebuilt.spatial, remoteIds: prebuilt.remoteIds });
    offer.setSummaries(prebuilt.loadSummaries);
    problems.push(...prebuilt.problems);
    return offer;
  } catch {
    return 'index spatial illisible';
  }
}

/**
 * Loads KNOWLEDGE_DIR/offer. When `npm run import` left a prebuilt index there (offer-index.bin) that is newer than
 * every file of the offer (structures.json, services.json, their pages and downloads: readOffer.ts), it is used: a
 * whole region or the country loads in a fraction of a second. Otherwise the files are read and built. Bad files and
 * records are reported and skipped, bad values of a record reported and left out; the rest loads.
 */
export function loadOffer(offerDir: string, communes: CommuneIndex): LoadedOffer {
  const problems: LoadProblem[] = [];
  const prebuiltAt = modifiedAt(join(offerDir, PREBUILT_FILE));
  if (prebuiltAt > 0) {
    if (newestOfferFileAt(offerDir) > prebuiltAt) {
      problems.push({ file: `offer/${PREBUILT_FILE}`, id: null, reason: `plus ancien que les fichiers de l’offre (${STRUCTURES_FILE}, ${SERVICES_FILE}…) : ignoré (relancez npm run import)` });
    } else {
      // Problems found later, when the free-text index or the descriptions are first read, join this same list.
      const prebuilt = readPrebuiltOffer(offerDir, (problem) => problems.push(problem));
      const offer = typeof prebuilt === 'string' ? prebuilt : offerOf(prebuilt, problems);
      if (typeof offer !== 'string') return { offer, problems, source: { kind: 'prebuilt', file: `offer/${PREBUILT_FILE}` } };
      problems.push({ file: `offer/${PREBUILT_FILE}`, id: null, reason: `${offer} : ignoré` });
    }
  }
  if (prebuiltAt === 0 && modifiedAt(join(offerDir, FORMER_PREBUILT_FILE)) > 0) {
    problems.push({ file: `offer/${FORMER_PREBUILT_FILE}`, id: null, reason: `index préconstruit d'une version précédente : ignoré (relancez npm run import)` });
  }
  const files = readOfferDir(offerDir, problems);
  const built = buildServices(files.structures, files.services, communes);
  const read = [...new Set([...files.structures, ...files.services].map((file) => file.file))].sort();
  return {
    offer: OfferIndex.build(built.services, built.searchTexts, built.centroids),
    problems: [...problems, ...built.problems],
    source: { kind: 'files', files: read },
  };
}

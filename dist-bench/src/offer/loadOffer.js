"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildOffer = buildOffer;
exports.loadOffer = loadOffer;
const node_path_1 = require("node:path");
const buildServices_1 = require("./buildServices");
const offerIndex_1 = require("./offerIndex");
const prebuilt_1 = require("./prebuilt");
const readOffer_1 = require("./readOffer");
/** Where earlier versions wrote their prebuilt index, in a format no longer read. */
const FORMER_PREBUILT_FILE = 'offer-index.json';
/** An offer from records already in memory (tests, the benchmark's generated offer). */
function buildOffer(structures, services, communes) {
    const built = (0, buildServices_1.buildServices)([{ file: `offer/${readOffer_1.STRUCTURES_FILE}`, records: structures }], [{ file: `offer/${readOffer_1.SERVICES_FILE}`, records: services }], communes);
    return { offer: offerIndex_1.OfferIndex.build(built.services, built.searchTexts, built.centroids), problems: built.problems };
}
/** The offer of a prebuilt index (its import's problems added to `problems`), or why it cannot be used. */
function offerOf(prebuilt, problems) {
    try {
        const offer = new offerIndex_1.OfferIndex(prebuilt.entries, prebuilt.centroids, prebuilt.loadText, { spatial: prebuilt.spatial, remoteIds: prebuilt.remoteIds });
        offer.setSummaries(prebuilt.loadSummaries);
        problems.push(...prebuilt.problems);
        return offer;
    }
    catch {
        return 'index spatial illisible';
    }
}
/**
 * Loads KNOWLEDGE_DIR/offer. When `npm run import` left a prebuilt index there (offer-index.bin) that is newer than
 * every file of the offer (structures.json, services.json, their pages and downloads: readOffer.ts), it is used: a
 * whole region or the country loads in a fraction of a second. Otherwise the files are read and built. Bad files and
 * records are reported and skipped, bad values of a record reported and left out; the rest loads.
 */
function loadOffer(offerDir, communes) {
    const problems = [];
    const prebuiltAt = (0, readOffer_1.modifiedAt)((0, node_path_1.join)(offerDir, prebuilt_1.PREBUILT_FILE));
    if (prebuiltAt > 0) {
        if ((0, readOffer_1.newestOfferFileAt)(offerDir) > prebuiltAt) {
            problems.push({ file: `offer/${prebuilt_1.PREBUILT_FILE}`, id: null, reason: `plus ancien que les fichiers de l’offre (${readOffer_1.STRUCTURES_FILE}, ${readOffer_1.SERVICES_FILE}…) : ignoré (relancez npm run import)` });
        }
        else {
            // Problems found later, when the free-text index or the descriptions are first read, join this same list.
            const prebuilt = (0, prebuilt_1.readPrebuiltOffer)(offerDir, (problem) => problems.push(problem));
            const offer = typeof prebuilt === 'string' ? prebuilt : offerOf(prebuilt, problems);
            if (typeof offer !== 'string')
                return { offer, problems };
            problems.push({ file: `offer/${prebuilt_1.PREBUILT_FILE}`, id: null, reason: `${offer} : ignoré` });
        }
    }
    if (prebuiltAt === 0 && (0, readOffer_1.modifiedAt)((0, node_path_1.join)(offerDir, FORMER_PREBUILT_FILE)) > 0) {
        problems.push({ file: `offer/${FORMER_PREBUILT_FILE}`, id: null, reason: `index préconstruit d'une version précédente : ignoré (relancez npm run import)` });
    }
    const files = (0, readOffer_1.readOfferDir)(offerDir, problems);
    const built = (0, buildServices_1.buildServices)(files.structures, files.services, communes);
    return { offer: offerIndex_1.OfferIndex.build(built.services, built.searchTexts, built.centroids), problems: [...problems, ...built.problems] };
}
//# sourceMappingURL=loadOffer.js.map
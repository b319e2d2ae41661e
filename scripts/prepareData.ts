import { loadCommuneTable } from '../src/geo/communeCache';

/**
 * Run by `npm run build`: derives the communes (official list + GeoNames coordinates) into `data/communes.json`
 * once, so that starting the bot reads a ready file instead of building it. Does nothing when the file is current.
 */
const started = performance.now();
const table = loadCommuneTable();
const ms = Math.round(performance.now() - started);
if (ms > 1500) console.log(`Communes prepared (${table.count}) in ${ms} ms.`);

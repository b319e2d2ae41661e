import { DateTime } from 'luxon';
import { z } from 'zod';
import { answerOfferQuery } from '../dialogs/findSupport/answer';
import { CommuneIndex } from '../src/geo';
import { loadOffer } from '../src/offer/loadOffer';
import { searchOffer } from '../src/offer/search';
import { readOfferMessage } from '../src/offer/understand';
import { KIND_IDS } from '../src/offer/vocabulary';
import { seededRandom } from '../tests/helpers/seededRandom';
import { percentile } from './table';

/**
 * The half of the offer benchmark that runs in a fresh process (forked by offer.ts), so that its memory and start
 * figures are those of a bot that loads a prebuilt offer, not of the process that generated and built it.
 * The measures cross a process boundary, so the parent parses them with this schema.
 */
export const LoadMeasuresSchema = z.object({
  communesMs: z.number(),
  loadMs: z.number(),
  /** CPU time of the load, in ms (all threads of the process: the garbage collector's too). */
  loadCpuMs: z.number(),
  rssMb: z.number(),
  textIndexMs: z.number(),
  nearP50: z.number(),
  nearP99: z.number(),
  textP50: z.number(),
  textP99: z.number(),
  /** CPU time per query, in ms, over the measured queries. */
  nearCpuMs: z.number(),
  textCpuMs: z.number(),
  turnP99: z.number(),
  turnCpuMs: z.number(),
  services: z.number(),
});
export type LoadMeasures = z.infer<typeof LoadMeasuresSchema>;

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const TEXT_QUERIES = ['cuisine', 'atelier sophrologie', 'jardin', 'psychologue écrans', 'musique éveil', 'sophro', 'théâtre sport', 'numérique',
  'droits', 'grands-parents', 'lecture bébés', 'motricité'];

function measureLoad(offerDir: string): LoadMeasures {
  let started = performance.now();
  const communes = CommuneIndex.load();
  const communesMs = performance.now() - started;
  started = performance.now();
  const loadCpu = process.cpuUsage();
  const { offer } = loadOffer(offerDir, communes);
  const loadMs = performance.now() - started;
  const loadCpuMs = cpuMsSince(loadCpu);
  const rssMb = process.memoryUsage().rss / 1e6;

  // A fixed sequence of places and kinds, so that runs compare.
  const random = seededRandom(7);
  const places = communes.communes.filter((c) => c.latitude !== null && c.population > 2000);
  const near: number[] = [];
  let nearCpu = process.cpuUsage();
  for (let i = 0; i < 2000; i++) {
    if (i === 100) nearCpu = process.cpuUsage();
    const place = places[Math.floor(random() * places.length)];
    const point = offer.pointOf(place);
    const kind = KIND_IDS[Math.floor(random() * KIND_IDS.length)];
    const t = performance.now();
    searchOffer(offer, communes, { point, place, kinds: [kind], audiences: [], age: null, windows: null, remotePreferred: false, radiusKm: 30, textIds: null });
    if (i >= 100) near.push(performance.now() - t);
  }
  const nearCpuMs = cpuMsSince(nearCpu) / near.length;

  started = performance.now();
  offer.textIndex();
  const textIndexMs = performance.now() - started;
  const text: number[] = [];
  let textCpu = process.cpuUsage();
  for (let i = 0; i < 1200; i++) {
    if (i === 60) textCpu = process.cpuUsage();
    const query = TEXT_QUERIES[i % TEXT_QUERIES.length];
    const t = performance.now();
    offer.searchText(query, 200);
    if (i >= 60) text.push(performance.now() - t);
  }
  const textCpuMs = cpuMsSince(textCpu) / text.length;

  const now = DateTime.fromISO('2026-03-10T10:30:00', { zone: 'Europe/Paris' });
  const turns: number[] = [];
  const sentences = ['un groupe de parole près de Vénissieux le samedi ?', 'laep givors', 'aide aux devoirs 37000', 'médiation familiale lyon 8',
    'un café des parents à Lille', 'je suis maman solo à Rennes, existe-t-il un groupe d’entraide ?'];
  let turnCpu = process.cpuUsage();
  for (let i = 0; i < 300; i++) {
    if (i === 30) turnCpu = process.cpuUsage();
    const t = performance.now();
    // A whole turn of the parents' journey: the message read once, then the journey's answer from that reading.
    const reading = readOfferMessage(sentences[i % sentences.length], now, communes);
    answerOfferQuery(offer, communes, reading, {}, { now, language: 'fr' });
    if (i >= 30) turns.push(performance.now() - t);
  }
  const turnCpuMs = cpuMsSince(turnCpu) / turns.length;

  return {
    communesMs,
    loadMs,
    loadCpuMs,
    rssMb,
    textIndexMs,
    nearP50: percentile(near, 0.5),
    nearP99: percentile(near, 0.99),
    textP50: percentile(text, 0.5),
    textP99: percentile(text, 0.99),
    nearCpuMs,
    textCpuMs,
    turnP99: percentile(turns, 0.99),
    turnCpuMs,
    services: offer.size,
  };
}

// Forked by offer.ts: measure, answer, leave.
if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) process.exit(2);
  const measures = measureLoad(dir);
  if (process.send) process.send(measures);
  else process.stdout.write(`${JSON.stringify(measures)}\n`);
}

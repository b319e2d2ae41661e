/**
 * Bulk import of a data·inclusion export (a territory, a region, the whole country) into a prebuilt offer index that
 * the bot loads in a fraction of a second at start.
 *
 *   npm run import -- FILE|DIR [FILE|DIR …] [--out DIR]
 *
 * FILE holds structures or services: a JSON array (the data.gouv.fr export as downloaded), a page of the
 * data·inclusion API ({"items": [...]}), a GeoJSON collection or JSON Lines, possibly gzipped (.gz). Its name says its
 * kind (structures…, services…: services-1.json, services-inclusion-2025-01-06.json), else its records do (a service
 * has a structure_id). DIR is a folder of such files, and of folders structures/ and services/ holding them (pages
 * saved one a file). The index is written to --out, by default $KNOWLEDGE_DIR/offer (./knowledge/offer):
 * offer-index.bin, offer-index.summaries.bin and offer-index.text.json. Bad records are reported (file, id, reason)
 * and skipped; bad values of a record (file, id, field, reason) are left out and the record kept.
 */
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { CommuneIndex } from '../src/geo';
import { buildServices } from '../src/offer/buildServices';
import { OfferIndex } from '../src/offer/offerIndex';
import { PREBUILT_FILE, writePrebuiltOffer } from '../src/offer/prebuilt';
import { importFiles, streamOfferFiles } from '../src/offer/readOffer';
import type { LoadProblem } from '../src/offer/records';

type Progress = { start(label: string, total: number): void; update(value: number): void; stop(): void };

/** A bar on a terminal; plain lines every tenth otherwise (CI logs, pipes). */
function progress(): Progress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: '{label} [{bar}] {percentage}% | {value}/{total}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
    return {
      start: (label, total) => bar.start(total, 0, { label: label.padEnd(28) }),
      update: (value) => bar.update(value),
      stop: () => bar.stop(),
    };
  }
  let label = '';
  let total = 1;
  let lastTenth = -1;
  return {
    start: (l, t) => {
      label = l;
      total = Math.max(1, t);
      lastTenth = -1;
    },
    update: (value) => {
      const tenth = Math.floor((value / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${label} : ${tenth * 10} %\n`);
      }
    },
    stop: () => undefined,
  };
}

function parseArguments(argv: string[]): { inputs: string[]; out: string } {
  const inputs: string[] = [];
  let out = join(process.env.KNOWLEDGE_DIR ?? './knowledge', 'offer');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i] ?? out;
    else if (argv[i] === '--help' || argv[i] === '-h') inputs.length = 0;
    else inputs.push(argv[i]);
  }
  return { inputs, out: resolve(out) };
}

/** One line a problem: file, record id and field when known, reason. */
function describeProblem(p: LoadProblem): string {
  return `- ${p.file}${p.id ? ` [${p.id}]` : ''}${p.field ? ` ${p.field}` : ''} : ${p.reason}`;
}

async function main(): Promise<number> {
  const { inputs, out } = parseArguments(process.argv.slice(2));
  if (inputs.length === 0) {
    process.stderr.write('Usage : npm run import -- FICHIER|DOSSIER [FICHIER|DOSSIER …] [--out DOSSIER]\n');
    return 2;
  }
  const started = Date.now();
  const bar = progress();
  const problems: LoadProblem[] = [];
  const { structures, services } = await streamOfferFiles(importFiles(inputs), problems, {
    start: (file, bytes) => bar.start(`Lecture de ${basename(file.path)}`, bytes),
    read: (bytes) => bar.update(bytes),
    stop: () => bar.stop(),
  });
  const serviceCount = services.reduce((n, f) => n + f.records.length, 0);
  const structureCount = structures.reduce((n, f) => n + f.records.length, 0);
  if (serviceCount === 0) {
    for (const p of problems) process.stderr.write(`${describeProblem(p)}\n`);
    process.stderr.write('Aucun service lu : rien n’a été écrit.\n');
    return 1;
  }

  const communes = CommuneIndex.load();
  bar.start('Analyse des services', serviceCount);
  const built = buildServices(structures, services, communes, (done) => bar.update(done));
  bar.stop();
  problems.push(...built.problems);

  process.stderr.write('Construction de l’index…\n');
  const offer = OfferIndex.build(built.services, built.searchTexts, built.centroids);
  mkdirSync(out, { recursive: true });
  const written = writePrebuiltOffer(out, {
    services: offer.services,
    centroids: built.centroids,
    problems,
    text: offer.textIndex(),
    spatial: offer.dumpSpatial(),
    source: inputs.map((i) => basename(i)).join(', '),
  });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${structureCount} structures et ${serviceCount} services lus ; ${offer.size} entrées dans l’index (${seconds} s).\n`);
  if (problems.length > 0) {
    process.stdout.write(`${problems.length} problème(s) : enregistrements écartés ou valeurs mises de côté.\n`);
    for (const p of problems.slice(0, 25)) process.stdout.write(`${describeProblem(p)}\n`);
    if (problems.length > 25) process.stdout.write(`… et ${problems.length - 25} autres (les ${Math.min(problems.length, 2000)} premiers sont gardés dans ${PREBUILT_FILE}).\n`);
  }
  process.stdout.write(`Index écrit : ${written.files.join(', ')} (${(written.bytes / 1e6).toFixed(1)} Mo). Il sera chargé au prochain démarrage.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Import impossible : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

/**
 * Measures the place finder on a corpus of messages, to compare two versions of src/geo (not a test: run by hand).
 *
 *   npx ts-node --transpile-only tests/geo/tools/measurePlaces.ts corpus <qa transcripts dir> <corpus.json>
 *   npx ts-node --transpile-only tests/geo/tools/measurePlaces.ts run <geo module dir> <corpus.json> <out.json>
 *   npx ts-node --transpile-only tests/geo/tools/measurePlaces.ts compare <before.json> <after.json>
 *
 * The corpus is the messages parents typed in QA transcripts (lines starting with "> "), then messages made from
 * templates, towns, départements and markers with a seeded generator, up to 1,000: the same corpus for both versions.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CommuneIndex } from '../../../src/geo';

type Result = { text: string; place: string | null; marking: string | null; ms: number };

const TEMPLATES = [
  'un laep {m} {p}', 'slt jcherche un café des parents {m} {p} svp', 'médiation familiale {m} {p}',
  "mon fils a 14 ans il ne me parle plus, je sais plus quoi faire {m} {p}", 'groupe de parole parents solos {m} {p} le samedi',
  'je suis seule avec 3 enfants {m} {p}, je m en sors pas', 'aide aux devoirs {m} {p}', 'any parenting group {m} {p}?',
  '{m} {p}', 'ma fille a peur du noir, un point écoute {m} {p} ?', 'on a cours le mercredi, un atelier {m} {p}',
  'il a tours de manège, et un laep {m} {p}',
];
const MARKERS = ['à', 'a', 'près de', 'vers', '', 'dans le', 'en', 'du côté de', 'near', 'in'];

/** A small seeded generator (mulberry32): the same corpus on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCorpus(qaDir: string, out: string): void {
  const typed: string[] = [];
  for (const file of readdirSync(qaDir).filter((f) => f.endsWith('.txt')).sort()) {
    for (const line of readFileSync(join(qaDir, file), 'utf8').split('\n')) if (line.startsWith('> ')) typed.push(line.slice(2).trim());
  }
  const communes = CommuneIndex.load();
  const towns = communes.communes.filter((c) => c.kind === 'commune' && c.population >= 2000).map((c) => c.name);
  const departements = ['Rhône', 'Gironde', 'Indre-et-Loire', 'Haute-Savoie', 'Var', 'Nord', '69', '33', 'Ain', 'Bouches-du-Rhône'];
  const next = random(9);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const corpus = [...typed];
  while (corpus.length < 1000) {
    const marker = pick(MARKERS);
    const place = marker === 'dans le' || marker === 'en' ? pick(departements) : next() < 0.5 ? pick(towns) : pick(['Tours', 'tours', 'Nice', 'nice', 'Eu', 'Orange', 'Mars', 'Lyon', 'Bron', 'villefranche', 'st julien']);
    corpus.push(pick(TEMPLATES).replace('{m}', marker).replace('{p}', place).replace(/\s+/g, ' ').trim());
  }
  writeFileSync(out, JSON.stringify(corpus.slice(0, 1000), null, 1));
}

function run(geoDir: string, corpusFile: string, out: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const geo = require(resolve(geoDir)) as { CommuneIndex: typeof CommuneIndex };
  const communes = geo.CommuneIndex.load();
  communes.warm();
  const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as string[];
  for (const text of corpus.slice(0, 50)) communes.findInSentence(text);
  const results: Result[] = [];
  for (const text of corpus) {
    const start = process.hrtime.bigint();
    const match = communes.findInSentence(text);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    results.push({ text, place: match ? (match.ambiguous ? `ambiguous:${match.commune.name}` : `${match.commune.code} ${match.commune.name}`) : null, marking: match?.marking ?? null, ms });
  }
  writeFileSync(out, JSON.stringify(results, null, 1));
  summary(results, geoDir);
}

function summary(results: readonly Result[], label: string): void {
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(3);
  const found = results.filter((r) => r.place !== null).length;
  const total = times.reduce((a, b) => a + b, 0);
  console.log(`${label}: ${results.length} messages, place found in ${found}; total ${total.toFixed(0)} ms, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
}

function compare(beforeFile: string, afterFile: string): void {
  const before = JSON.parse(readFileSync(beforeFile, 'utf8')) as Result[];
  const after = JSON.parse(readFileSync(afterFile, 'utf8')) as Result[];
  summary(before, 'before');
  summary(after, 'after');
  let changed = 0;
  before.forEach((b, i) => {
    const a = after[i];
    if (b.place === a.place && b.marking === a.marking) return;
    changed++;
    console.log(`${JSON.stringify(b.text)}\n    before: ${b.place} (${b.marking})\n    after:  ${a.place} (${a.marking})`);
  });
  console.log(`${changed} of ${before.length} messages read differently`);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'corpus' && args.length === 2) makeCorpus(args[0], args[1]);
else if (command === 'run' && args.length === 3) run(args[0], args[1], args[2]);
else if (command === 'compare' && args.length === 2) compare(args[0], args[1]);
else {
  console.error('usage: measurePlaces.ts corpus <qa dir> <corpus.json> | run <geo dir> <corpus.json> <out.json> | compare <before.json> <after.json>');
  process.exitCode = 2;
}

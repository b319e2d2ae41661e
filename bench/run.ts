import path from 'node:path';
import { jailToLoopback } from '../tests/helpers/networkJail';
import { renderTable, verdict, type BenchRow } from './table';

/**
 * `npm run bench`: the performance benchmarks of INTERFACES.md, one table. Each row shows its value, its target
 * and pass/FAIL; the exit code is 1 when a row fails, so CI or a person sees it at once.
 * Everything runs on this machine: requests go to the loopback only.
 * The bench lives outside src/ and is compiled on its own (tsconfig.bench.json → dist-bench/), so the shipped build
 * carries no generator or load script; the cold-start row still starts the shipped build, dist/src/index.js.
 */
async function main(): Promise<void> {
  const unjail = jailToLoopback();
  const root = path.resolve(__dirname, '..', '..');
  const knowledgeDir = path.resolve(process.env.KNOWLEDGE_DIR ?? path.join(root, 'knowledge'));
  const rows: BenchRow[] = [];
  // `npm run bench -- turns cold` runs only the sections named; no argument runs them all.
  const only = process.argv.slice(2);
  const section = async (name: string, run: () => BenchRow[] | Promise<BenchRow[]>) => {
    if (only.length > 0 && !only.some((wanted) => name.startsWith(wanted))) return;
    process.stderr.write(`bench: ${name}…\n`);
    try {
      rows.push(...(await run()));
    } catch (error) {
      rows.push({ name, value: Number.NaN, unit: '', error: error instanceof Error ? error.message : String(error) });
    }
  };
  // Each section loads its own modules when it runs: a section left out costs nothing (the offer's figures do not
  // carry the whole bot's modules), and one that cannot load is a row in error, not a bench that cannot start.
  try {
    await section('turns', async () => (await import('./turnLatency.js')).runTurnBench({ knowledgeDir }));
    await section('sheets', async () => (await import('./sheets.js')).runSheetsBench());
    await section('sheets-documents', async () => (await import('./sheetDocuments.js')).runSheetDocumentsBench());
    await section('cold', async () => (await import('./coldStart.js')).runColdStartBench(root, knowledgeDir));
    await section('offer', async () => (await import('./offer.js')).runOfferBench());
    await section('soak', async () => (await import('./soak.js')).runSoakBench({ knowledgeDir }));
    await section('widget', async () => (await import('./widgetLoad.js')).runWidgetLoadBench({ knowledgeDir }));
    await section('reports', async () => (await import('./reportCommit.js')).runReportCommitBench());
    await section('compose', async () => (await import('./composeSearch.js')).runComposeBench({ knowledgeDir }));
  } finally {
    unjail();
  }
  console.log(renderTable(rows));
  const targeted = rows.filter((row) => row.target || row.error);
  const failed = rows.filter((row) => verdict(row) === 'FAIL');
  console.log(`\nbench: ${targeted.length - failed.length} of ${targeted.length} targets met`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? error.stack : error);
  process.exit(1);
});

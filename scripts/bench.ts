import path from 'node:path';
import { jailToLoopback } from '../tests/helpers/networkJail';
import { runColdStartBench } from './bench/coldStart';
import { runOfferRows } from './bench/offerRows';
import { runSheetsBench } from './bench/sheetsBench';
import { runSoakBench } from './bench/soak';
import { renderTable, verdict, type BenchRow } from './bench/table';
import { runTurnBench } from './bench/turnLatency';

/**
 * `npm run bench`: the performance benchmarks of INTERFACES.md, one table. Each row shows its value, its target
 * and pass/FAIL; the exit code is 1 when a row fails, so CI or a person sees it at once.
 * Everything runs on this machine: requests go to the loopback only.
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
  try {
    await section('turns', () => runTurnBench({ knowledgeDir }));
    await section('sheets', () => runSheetsBench());
    await section('cold', () => runColdStartBench(root, knowledgeDir));
    await section('offer', () => runOfferRows());
    await section('soak', () => runSoakBench({ knowledgeDir }));
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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSheetKnowledge, SheetIndex } from '../src/sheets';
import { generateSheets } from './generate/sheets';
import { median, type BenchRow } from './table';

const SHEET_COUNT = 1000;
const RUNS = 3;

/**
 * Parse + index of 1,000 generated sheets, read from files as at start-up (plan.json per plan folder).
 * The files are written once; each run reads, parses and indexes them all. The median of three runs is kept.
 */
export function runSheetsBench(): BenchRow[] {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-sheets-'));
  try {
    const sheets = generateSheets(SHEET_COUNT);
    const plans = new Map(sheets.map((sheet) => [sheet.plan.id, sheet.plan]));
    for (const [id, plan] of plans) {
      fs.mkdirSync(path.join(directory, id), { recursive: true });
      fs.writeFileSync(path.join(directory, id, 'plan.json'), JSON.stringify(plan));
    }
    for (const sheet of sheets) fs.writeFileSync(path.join(directory, sheet.file), sheet.text);

    const timings: number[] = [];
    let loaded = 0;
    let problems = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const knowledge = loadSheetKnowledge(directory);
      SheetIndex.build(knowledge.sheets);
      timings.push(performance.now() - started);
      loaded = knowledge.sheets.length;
      problems = knowledge.problems.length;
    }
    const rows: BenchRow[] = [{ name: `sheets: parse + index ${SHEET_COUNT} generated sheets`, value: median(timings) / 1000, unit: 's', target: { max: 1 } }];
    if (loaded !== SHEET_COUNT) {
      rows.push({ name: 'sheets: generated sheets loaded', value: loaded, unit: `of ${SHEET_COUNT}`, target: { min: SHEET_COUNT }, error: `${problems} reported as problems` });
    }
    return rows;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

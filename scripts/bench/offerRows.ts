import path from 'node:path';
import { z } from 'zod';
import { BenchTargetSchema, type BenchRow } from './table';

/**
 * The offer's rows (100,000 generated services: index build, prebuilt load, memory, query latencies) come from
 * `runOfferBench()` in src/offer/bench.ts, written by the offer's owner. Its rows are parsed here, since they
 * cross a module boundary; a target written as text ("≤ 3 s") is shown as it is.
 */
const OfferRowSchema = z.object({
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  target: z.union([BenchTargetSchema, z.number(), z.string()]).optional(),
});
const OfferBenchModuleSchema = z.object({ runOfferBench: z.function() });

export async function runOfferRows(): Promise<BenchRow[]> {
  const modulePath = path.join(__dirname, '..', '..', 'src', 'offer', 'bench.js');
  let loaded: unknown;
  try {
    loaded = await import(modulePath);
  } catch (error) {
    return [{ name: 'offer: runOfferBench()', value: Number.NaN, unit: '', error: `src/offer/bench is not available (${error instanceof Error ? error.message.split('\n')[0] : error})` }];
  }
  const module = OfferBenchModuleSchema.parse(loaded);
  const rows = z.array(OfferRowSchema).parse(await module.runOfferBench());
  return rows.map((row) => ({
    name: row.name.startsWith('offer') ? row.name : `offer: ${row.name}`,
    value: row.value,
    unit: row.unit,
    ...readTarget(row.target),
  }));
}

/** "≤ 500", "≥ 10", "≤ 3000 (or the prebuilt load below)": the bound is checked, the words are kept as a note. */
function readTarget(target: z.infer<typeof OfferRowSchema>['target']): Pick<BenchRow, 'target' | 'targetNote'> {
  if (target === undefined) return {};
  if (typeof target === 'number') return { target: { max: target } };
  if (typeof target !== 'string') return { target };
  const bound = /^\s*(≤|<=|≥|>=)\s*(-?[\d.]+)\s*(.*)$/.exec(target);
  if (!bound) return /^[\s—-]*$/.test(target) ? {} : { targetNote: target.trim() };
  const limit = Number(bound[2]);
  const note = bound[3]?.trim() || undefined;
  return { target: bound[1] === '≤' || bound[1] === '<=' ? { max: limit } : { min: limit }, targetNote: note };
}

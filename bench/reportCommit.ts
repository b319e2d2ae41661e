import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createLogger } from '../src/log/logger';
import type { ReportSubmission } from '../src/reports/model';
import { openStore, type Store } from '../src/storage';
import { percentile, type BenchRow } from './table';

/** INTERFACES.md / issue 10: a report's commit, p99, on each database. */
const TARGET_P99_MS = { sqlite: 5, postgres: 20 } as const;
const WARM_UP = 100;
const SEQUENTIAL = 1000;
const CONCURRENT_WORKERS = 8;
const CONCURRENT_EACH = 125;

/**
 * `reports.submit` as the report journey calls it at « Confirmer »: a realistic report (every field, partners,
 * indicators, a comment), a fresh submission key each time. Timed one after another, then with 8 submissions in
 * flight at once (8 conversations confirming together), on SQLite (a temp file in WAL mode, as shipped) and on the
 * PostgreSQL of DATABASE_URL_TEST (its own schema, dropped after).
 */
export async function runReportCommitBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-reports-'));
  try {
    rows.push(...(await measure('SQLite', TARGET_P99_MS.sqlite, () => openStore(`sqlite:${path.join(directory, 'reports.sqlite')}`, silent))));
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  const base = process.env.DATABASE_URL_TEST?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `maillage_bench_reports_${process.pid}_${randomUUID().slice(0, 8)}`;
  try {
    const url = new URL(base);
    url.searchParams.set('schema', schema);
    rows.push(...(await measure('PostgreSQL', TARGET_P99_MS.postgres, () => openStore(url.toString(), silent))));
  } finally {
    await dropSchema(base, schema);
  }
  return rows;
}

const silent = createLogger('silent');

async function measure(backend: string, targetMs: number, open: () => Promise<Store>): Promise<BenchRow[]> {
  const name = (what: string) => `reports: commit ${what}, ${backend}`;
  let store: Store | undefined;
  try {
    store = await open();
    const opened = store;
    const timed = async (): Promise<number> => {
      const submission = realisticSubmission();
      const started = performance.now();
      const { created } = await opened.reports.submit(submission);
      const elapsed = performance.now() - started;
      if (!created) throw new Error('a fresh submission key was not stored');
      return elapsed;
    };
    for (let index = 0; index < WARM_UP; index++) await timed();
    const sequential: number[] = [];
    for (let index = 0; index < SEQUENTIAL; index++) sequential.push(await timed());
    const concurrent: number[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENT_WORKERS }, async () => {
        for (let index = 0; index < CONCURRENT_EACH; index++) concurrent.push(await timed());
      }),
    );
    const stored = (await store.reports.list({})).length;
    const expected = WARM_UP + SEQUENTIAL + CONCURRENT_WORKERS * CONCURRENT_EACH;
    return [
      { name: name('p50, sequential'), value: percentile(sequential, 0.5), unit: 'ms' },
      { name: name('p99, sequential'), value: percentile(sequential, 0.99), unit: 'ms', target: { max: targetMs } },
      { name: name(`p50, ${CONCURRENT_WORKERS} at once`), value: percentile(concurrent, 0.5), unit: 'ms' },
      {
        name: name(`p99, ${CONCURRENT_WORKERS} at once`),
        value: percentile(concurrent, 0.99),
        unit: 'ms',
        target: { max: targetMs },
        error: stored === expected ? undefined : `${stored} reports stored of ${expected} submitted`,
      },
    ];
  } catch (error) {
    return [{ name: name('p99'), value: Number.NaN, unit: 'ms', error: error instanceof Error ? error.message : String(error) }];
  } finally {
    await store?.close();
  }
}

let submitted = 0;
function realisticSubmission(): ReportSubmission {
  submitted += 1;
  return {
    submissionKey: `bench-${process.pid}-${submitted}-${randomUUID()}`,
    centre: { structureId: 'cs-les-tilleuls', structureName: 'Centre social Les Tilleuls', communeCode: '21231', communeName: 'Dijon' },
    body: {
      planId: 'cote-d-or-2025',
      sheetCode: 'PA 2.3.2',
      action: 'Action 2 — Cafés des parents dans les écoles',
      title: 'Café des parents « l’école et nous »',
      kind: 'cafe-des-parents',
      startDate: '2026-03-03',
      endDate: '2026-03-31',
      sessions: 4,
      parents: 14 + (submitted % 20),
      children: 3,
      families: 12,
      qpvParents: 6,
      singleParentFamilies: 3,
      partners: ['CAF de la Côte-d’Or', 'École élémentaire Jean Macé', 'PMI de Dijon'],
      indicators: { 'Nombre de parents participants': 14, 'Nombre de séances': 4, 'Taux de satisfaction (%)': 92.5 },
      comment: 'Bonne dynamique ; deux nouvelles familles du quartier sont venues grâce à l’affichage à la sortie de l’école.',
    },
    submittedBy: `aad:bench-staff-${submitted % 50}`,
    channelId: 'msteams',
    submittedAt: new Date(),
  };
}

async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } catch {
    // Nothing to drop when PostgreSQL did not answer; its row already says so.
  } finally {
    await client.end().catch(() => undefined);
  }
}

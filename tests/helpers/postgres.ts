import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests. The server at DATABASE_URL_TEST is probed once, synchronously (jest decides which tests
 * exist before any of them runs). Unreachable: the PostgreSQL tests are skipped with the reason printed, except
 * under CI=true where that is a failure: CI must prove both backends.
 */
export const DEFAULT_DATABASE_URL_TEST = 'postgres://postgres@127.0.0.1:5432/test';

export type PostgresProbe = { reachable: true; url: string } | { reachable: false; url: string; reason: string };

let cached: PostgresProbe | undefined;

export function probePostgres(): PostgresProbe {
  if (cached) return cached;
  const url = process.env.DATABASE_URL_TEST?.trim() || DEFAULT_DATABASE_URL_TEST;
  // A child process, because a connection attempt is asynchronous and this answer is needed synchronously.
  const script = `
    const { Client } = require('pg');
    const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.query('SELECT 1')).then(
      () => client.end().then(() => process.exit(0)),
      (error) => { process.stderr.write(String(error && (error.message || error.code) || error)); process.exit(1); });
  `;
  const child = spawnSync(process.execPath, ['-e', script, url], { encoding: 'utf8', timeout: 10_000, cwd: process.cwd() });
  cached =
    child.status === 0
      ? { reachable: true, url }
      : { reachable: false, url: maskPassword(url), reason: child.stderr.trim() || child.error?.message || `probe exited with ${child.status}` };
  return cached;
}

/**
 * `describe` for PostgreSQL suites: runs them when the server answers, skips them with a printed reason when it
 * does not, and under CI=true replaces them with one failing test naming the reason.
 */
export function describePostgres(name: string, body: (url: string) => void): void {
  const probe = probePostgres();
  if (probe.reachable) {
    describe(name, () => body(probe.url));
    return;
  }
  const message = `PostgreSQL at ${probe.url} did not answer (${probe.reason})`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('PostgreSQL is reachable (required under CI=true)', () => {
        throw new Error(`${message}; under CI=true the PostgreSQL tests must run`);
      });
    });
    return;
  }
  process.stdout.write(`\n[skipped] ${name}: ${message}. Set DATABASE_URL_TEST to run them.\n`);
  describe.skip(name, () => body(probe.url));
}

/** A fresh schema name for one test run, so parallel runs and leftovers never meet. */
export function uniqueSchemaName(prefix = 'maillage_test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** The test URL with `?schema=` set, as openStore reads it. */
export function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

/** Drops a schema made by a test run (and everything in it). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL_TEST)';
  }
}

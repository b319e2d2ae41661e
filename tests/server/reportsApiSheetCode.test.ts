import { z } from 'zod';
import type { Centre } from '../../src/reports/model';
import { cafeReport, GRANDCLEMENT, TISSERANDS } from '../helpers/reportFixtures';
import { useReportsApi } from '../helpers/reportsApiServer';

/**
 * QA staff round, item 9: `/api/reports?sheet=pa232` answered an empty 200 while the bot reads « pa232 » as the
 * PA 2.3.2. The export's sheet filter reads a code as the bot does (the sheets' index): « pa232 », « PA 2.3.2 »,
 * « 2.3.2 » name the same sheet; a number two plans share under different codes gives both plans' reports, a prefix
 * narrows to its own; a code no plan has stays an empty 200.
 */

const API_KEY = 'sheet-code-key-5f1d8a3c9b2e4f7a8c1d3e5f7a9b1c3d';
const authorised = { Authorization: `Bearer ${API_KEY}` };
const AVIGNON: Centre = { structureId: 'cs-avignon', structureName: 'Centre social d’Avignon', communeCode: '84007', communeName: 'Avignon' };

const ReportsSchema = z.object({ reports: z.array(z.object({ title: z.string() }).passthrough()) });
const IndicatorsSchema = z.object({ query: z.record(z.string(), z.unknown()), generatedFrom: z.object({ reports: z.number() }) }).passthrough();

const api = useReportsApi('sheet-code', API_KEY, [
  ['cafe', TISSERANDS, cafeReport()],
  ['cuisine', GRANDCLEMENT, cafeReport({ planId: 'rhone-avs', sheetCode: 'PA 2.3.3', title: 'Atelier cuisine' })],
  ['sortie', GRANDCLEMENT, cafeReport({ planId: 'rhone-avs', sheetCode: 'PA 3.1.2', title: 'Sortie familles' })],
  ['avignon', AVIGNON, cafeReport({ planId: 'vaucluse-avs', sheetCode: 'FICHE 3.1.2', title: 'Groupe de parole d’Avignon' })],
] as const);

async function titles(query: string): Promise<string[]> {
  const response = await fetch(`${api()}/api/reports${query}`, { headers: authorised });
  expect({ query, status: response.status }).toEqual({ query, status: 200 });
  return ReportsSchema.parse(await response.json())
    .reports.map((report) => report.title)
    .sort();
}

describe('GET /api/reports?sheet= reads a sheet code as the bot does', () => {
  it.each([['pa232'], ['PA232'], ['pa 2.3.2'], ['PA%202.3.2'], ['pa2.3.2'], ['2.3.2'], ['pa-232']])('sheet=%s: the PA 2.3.2’s report', async (sheet) => {
    expect(await titles(`?sheet=${sheet}`)).toEqual(['Café des parents']);
  });

  it('a number two plans share under different codes gives both; the prefix typed, or the plan, narrows it', async () => {
    expect(await titles('?sheet=3.1.2')).toEqual(['Groupe de parole d’Avignon', 'Sortie familles']);
    expect(await titles('?sheet=312')).toEqual(['Groupe de parole d’Avignon', 'Sortie familles']);
    expect(await titles('?sheet=pa312')).toEqual(['Sortie familles']);
    expect(await titles('?sheet=PA%203.1.2')).toEqual(['Sortie familles']);
    expect(await titles('?sheet=312&plan=vaucluse-avs')).toEqual(['Groupe de parole d’Avignon']);
  });

  it('a code no plan has, or a prefix that is no code’s, is an empty 200', async () => {
    expect(await titles('?sheet=pa999')).toEqual([]);
    expect(await titles('?sheet=9.9.9')).toEqual([]);
    expect(await titles('?sheet=zz232')).toEqual([]);
    expect(await titles('?sheet=pa233&plan=rhone-sdsf')).toEqual([]);
  });

  it('the CSV export filters the same way', async () => {
    const response = await fetch(`${api()}/api/reports?sheet=pa232&format=csv`, { headers: authorised });
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Café des parents');
  });
});

describe('GET /api/indicators?sheet= reads it the same way, with the same body as the code as the sheet writes it', () => {
  it('sheet=pa232 is sheet=PA 2.3.2', async () => {
    const read = async (sheet: string) => {
      const response = await fetch(`${api()}/api/indicators?sheet=${sheet}`, { headers: authorised });
      expect(response.status).toBe(200);
      return IndicatorsSchema.parse(await response.json());
    };
    const typed = await read('pa232');
    expect(typed.query).toEqual({ sheetCode: 'PA 2.3.2' });
    expect(typed.generatedFrom.reports).toBe(1);
    expect(typed).toEqual(await read('PA%202.3.2'));
  });
});

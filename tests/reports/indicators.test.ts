import fc from 'fast-check';
import { join } from 'node:path';
import { computeIndicators, type IndicatorsResult, type SheetFigures } from '../../src/reports/indicators';
import { ReportSchema, type Report } from '../../src/reports/model';
import { SheetIndex, loadSheetKnowledge } from '../../src/sheets';

const seeds = loadSheetKnowledge(join(__dirname, '../../knowledge/sheets'));
const odd = loadSheetKnowledge(join(__dirname, '../fixtures/sheets/odd'));
/** The seeds plus a « schéma jeunesse » whose PA 2.3.2 shares its number with the SDSF's. */
const sheets = SheetIndex.build([...seeds.sheets, ...odd.sheets]);

const PARENTS_INDICATOR = "Nombre de parents ayant participé à des actions d'entraide entre parents (avec focus sur les QPV)";
const GROUPS_INDICATOR = "Nombre de groupes de parole d'entraide repérés";

let sequence = 0;
/** A report as the store gives it back, parsed by the model's own schema so a wrong fixture fails here. */
function report(fields: Partial<Report>): Report {
  sequence += 1;
  return ReportSchema.parse({
    id: `RPT-2026-${String(sequence).padStart(6, '0')}`,
    structureId: 'cs-tisserands',
    structureName: 'Centre social Les Tisserands',
    communeCode: '69259',
    communeName: 'Vénissieux',
    planId: 'rhone-sdsf',
    sheetCode: 'PA 2.3.2',
    action: 'Action 1',
    title: 'Café des parents',
    kind: 'cafe-des-parents',
    startDate: '2026-03-12',
    endDate: '2026-03-12',
    sessions: 1,
    parents: 10,
    children: 0,
    families: 8,
    qpvParents: 4,
    singleParentFamilies: 2,
    partners: [],
    indicators: {},
    comment: null,
    submittedAt: '2026-03-13T09:00:00.000Z',
    submittedBy: 'aad:0001',
    channelId: 'msteams',
    version: 1,
    updatedAt: '2026-03-13T09:00:00.000Z',
    ...fields,
  });
}

function sheetOf(result: IndicatorsResult, planId: string, code: string): SheetFigures {
  const found = result.plans.find((plan) => plan.planId === planId)?.sheets.find((sheet) => sheet.sheetCode === code);
  if (!found) throw new Error(`no figures for ${planId} ${code}`);
  return found;
}

describe('the indicators computed from reports', () => {
  const reports = [
    report({ parents: 14, qpvParents: 6, children: 9, families: 11, sessions: 2, indicators: { [PARENTS_INDICATOR]: 14 } }),
    report({ startDate: '2026-04-02', endDate: '2026-04-02', parents: 20, qpvParents: 5, children: 12, families: 15, indicators: { [PARENTS_INDICATOR]: 20, [GROUPS_INDICATOR]: 1 } }),
    report({ structureId: 'evs-passerelle', structureName: 'EVS La Passerelle', communeCode: '69290', communeName: 'Saint-Priest', startDate: '2026-04-20', endDate: '2026-04-20', parents: 4, qpvParents: 3, children: 1, families: 4 }),
    report({ startDate: '2025-11-05', endDate: '2025-11-05', parents: 100, qpvParents: 0 }),
  ];

  it('sums the counts of a sheet and counts each centre once', () => {
    const result = computeIndicators(reports, sheets, { planId: 'rhone-sdsf', sheetCode: 'PA 2.3.2', from: '2026-01-01', to: '2026-12-31' });
    expect(result.generatedFrom).toEqual({ reports: 3, centres: 2 });
    const figures = sheetOf(result, 'rhone-sdsf', 'PA 2.3.2');
    expect(figures).toMatchObject({
      title: "Favoriser et soutenir les actions d'entraide entre parents",
      reports: 3,
      centres: 2,
      totals: { sessions: 4, parents: 38, children: 22, families: 30, qpvParents: 14, singleParentFamilies: 6 },
    });
    expect(result.plans[0].planTitle).toBe('Schéma départemental des services aux familles du Rhône');
  });

  it("gives the sheet's own indicators, with how many reports fed each", () => {
    const figures = sheetOf(computeIndicators(reports, sheets, { sheetCode: '2.3.2', planId: 'rhone-sdsf', from: '2026-01-01' }), 'rhone-sdsf', 'PA 2.3.2');
    expect(figures.indicators).toEqual([
      { label: PARENTS_INDICATOR, numeric: true, measure: 'count', value: 34, aggregate: 'sum', reports: 2, listed: true },
      { label: GROUPS_INDICATOR, numeric: true, measure: 'count', value: 1, aggregate: 'sum', reports: 1, listed: true },
    ]);
  });

  it('gives a monthly series, oldest first', () => {
    const figures = sheetOf(computeIndicators(reports, sheets, { planId: 'rhone-sdsf' }), 'rhone-sdsf', 'PA 2.3.2');
    expect(figures.byMonth).toEqual([
      { month: '2025-11', reports: 1, parents: 100, children: 0, families: 8 },
      { month: '2026-03', reports: 1, parents: 14, children: 9, families: 11 },
      { month: '2026-04', reports: 2, parents: 24, children: 13, families: 19 },
    ]);
  });

  it('keeps only the period asked, by start date, both days included', () => {
    const result = computeIndicators(reports, sheets, { from: '2026-03-12', to: '2026-04-02' });
    expect(result.generatedFrom).toEqual({ reports: 2, centres: 1 });
    expect(result.totals.parents).toBe(34);
  });

  it('filters by centre and by commune', () => {
    expect(computeIndicators(reports, sheets, { structureId: 'evs-passerelle' }).totals.parents).toBe(4);
    expect(computeIndicators(reports, sheets, { communeCode: '69259' }).generatedFrom.reports).toBe(3);
  });

  it.each<[string, string, number]>([
    // Lyon holds its arrondissements: a centre in Lyon 8e counts for « Lyon », as one in Lyon itself does.
    ['Lyon', '69123', 2 + 6],
    ['Lyon 8e, only itself', '69388', 2],
    ['Lyon 1er, none', '69381', 0],
    ['Marseille', '13055', 5],
    ['Paris', '75056', 9],
    ['Vénissieux, without arrondissements', '69259', 14 + 20 + 100],
  ])('a commune filter covers the arrondissements of its city: %s', (_name, communeCode, parents) => {
    const cities = [
      report({ structureId: 'cs-etats-unis', structureName: 'Centre social États-Unis', communeCode: '69388', communeName: 'Lyon 8e Arrondissement', parents: 2, qpvParents: 0 }),
      report({ structureId: 'evs-lyon', structureName: 'EVS de Lyon', communeCode: '69123', communeName: 'Lyon', parents: 6, qpvParents: 0 }),
      report({ structureId: 'cs-belsunce', structureName: 'Centre social Belsunce', communeCode: '13201', communeName: 'Marseille 1er Arrondissement', parents: 5, qpvParents: 0 }),
      report({ structureId: 'cs-paris-20', structureName: 'Centre social Paris 20e', communeCode: '75120', communeName: 'Paris 20e Arrondissement', parents: 9, qpvParents: 0 }),
      report({ structureId: 'cs-villeurbanne', structureName: 'Centre social de Villeurbanne', communeCode: '69266', communeName: 'Villeurbanne', parents: 1, qpvParents: 0 }),
      report({ communeCode: null, communeName: null, parents: 1000, qpvParents: 0 }),
    ];
    expect(computeIndicators([...reports, ...cities], sheets, { communeCode }).totals.parents).toBe(parents);
  });

  it('shows a sheet named by the query with zeros and every indicator unfed when no report came yet', () => {
    const result = computeIndicators(reports, sheets, { planId: 'rhone-sdsf', sheetCode: 'PA 3.2.1' });
    expect(result.generatedFrom).toEqual({ reports: 0, centres: 0 });
    const figures = sheetOf(result, 'rhone-sdsf', 'PA 3.2.1');
    expect(figures).toMatchObject({ reports: 0, centres: 0, totals: { parents: 0, sessions: 0 }, byMonth: [] });
    expect(figures.indicators).toHaveLength(7);
    expect(figures.indicators.every((indicator) => indicator.value === null && indicator.reports === 0)).toBe(true);
  });

  it('keeps two plans that share a code apart', () => {
    const jeunesse = report({ planId: 'loire-jeunesse', structureId: 'mjc-loire', structureName: 'MJC de Roanne', communeCode: '42187', communeName: 'Roanne', parents: 7, qpvParents: 0 });
    const result = computeIndicators([...reports, jeunesse], sheets, { sheetCode: 'PA 2.3.2', from: '2026-01-01' });
    expect(result.plans.map((plan) => plan.planId)).toEqual(['rhone-sdsf', 'loire-jeunesse']);
    expect(sheetOf(result, 'rhone-sdsf', 'PA 2.3.2').totals.parents).toBe(38);
    expect(sheetOf(result, 'loire-jeunesse', 'PA 2.3.2')).toMatchObject({ reports: 1, centres: 1, totals: { parents: 7 } });
    expect(sheetOf(result, 'loire-jeunesse', 'PA 2.3.2').indicators.map((indicator) => indicator.label)).toContain('Nombre de jeunes accueillis');
  });

  it('takes several sheets at once, and an action by its number whatever follows it', () => {
    const withActions = [
      report({ action: 'Action 2 — Soutenir les familles monoparentales', parents: 5 }),
      report({ action: 'action 2', parents: 6 }),
      report({ action: 'Action 1', parents: 7 }),
      report({ sheetCode: 'PA 3.2.1', action: null, parents: 8 }),
    ];
    expect(computeIndicators(withActions, sheets, { action: 'Action 2' }).totals.parents).toBe(11);
    const both = computeIndicators(withActions, sheets, { sheets: [{ planId: 'rhone-sdsf', sheetCode: 'PA 3.2.1' }, { planId: 'rhone-avs', sheetCode: 'PA 2.3.3' }] });
    expect(both.totals.parents).toBe(8);
    expect(both.plans.map((plan) => plan.sheets.map((sheet) => `${plan.planId} ${sheet.sheetCode} ${sheet.reports}`))).toEqual([['rhone-avs PA 2.3.3 0'], ['rhone-sdsf PA 3.2.1 1']]);
  });

  it('averages rates instead of adding them, and keeps a label the sheet no longer lists', () => {
    const rate = 'Taux de couverture territoriale des conseils locaux de la parentalité';
    const result = computeIndicators(
      [
        report({ sheetCode: 'PA 3.2.1', indicators: { [rate]: 40, 'Nombre de cafés (ancien libellé)': 3 } }),
        report({ sheetCode: 'PA 3.2.1', indicators: { [rate]: 60 } }),
      ],
      sheets,
      {},
    );
    const indicators = sheetOf(result, 'rhone-sdsf', 'PA 3.2.1').indicators;
    expect(indicators.find((indicator) => indicator.label === rate)).toMatchObject({ value: 50, aggregate: 'mean', reports: 2 });
    expect(indicators.at(-1)).toMatchObject({ label: 'Nombre de cafés (ancien libellé)', value: 3, listed: false });
  });

  it('names a sheet the index does not have by the code the reports gave, without a title', () => {
    const result = computeIndicators([report({ planId: 'ancien-plan', sheetCode: 'FICHE 9.9' })], sheets, {});
    expect(result.plans[0]).toMatchObject({ planId: 'ancien-plan', planTitle: 'ancien-plan', sheets: [{ sheetCode: 'FICHE 9.9', title: null, reports: 1 }] });
  });

  it('is plain JSON', () => {
    const result = computeIndicators(reports, sheets, { planId: 'rhone-sdsf' });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('always adds up: totals equal the sum of the reports kept, at every level', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((offset) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    const generated = fc.record({
      planId: fc.constantFrom('rhone-sdsf', 'rhone-avs', 'loire-jeunesse'),
      sheetCode: fc.constantFrom('PA 2.3.2', 'PA 3.2.1', 'PA 2.3.3'),
      structureId: fc.constantFrom('a', 'b', 'c', 'd'),
      startDate: day,
      parents: fc.integer({ min: 0, max: 500 }),
      children: fc.integer({ min: 0, max: 500 }),
      families: fc.integer({ min: 0, max: 500 }),
      sessions: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 40 }), day, day, (rows, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const all = rows.map((row) => report({ ...row, endDate: row.startDate, qpvParents: Math.floor(row.parents / 2), singleParentFamilies: Math.floor(row.families / 3) }));
        const result = computeIndicators(all, sheets, { from, to });
        const kept = all.filter((one) => one.startDate >= from && one.startDate <= to);
        const sum = (pick: (one: Report) => number) => kept.reduce((total, one) => total + pick(one), 0);
        expect(result.generatedFrom).toEqual({ reports: kept.length, centres: new Set(kept.map((one) => one.structureId)).size });
        expect(result.totals).toEqual({
          sessions: sum((one) => one.sessions),
          parents: sum((one) => one.parents),
          children: sum((one) => one.children),
          families: sum((one) => one.families),
          qpvParents: sum((one) => one.qpvParents),
          singleParentFamilies: sum((one) => one.singleParentFamilies),
        });
        const planParents = result.plans.reduce((total, plan) => total + plan.totals.parents, 0);
        const sheetParents = result.plans.flatMap((plan) => plan.sheets).reduce((total, sheet) => total + sheet.totals.parents, 0);
        const monthParents = result.plans.flatMap((plan) => plan.sheets).flatMap((sheet) => sheet.byMonth).reduce((total, month) => total + month.parents, 0);
        expect([planParents, sheetParents, monthParents]).toEqual([result.totals.parents, result.totals.parents, result.totals.parents]);
        expect(result.plans.reduce((total, plan) => total + plan.reports, 0)).toBe(kept.length);
      }),
      { numRuns: 300 },
    );
  });
});

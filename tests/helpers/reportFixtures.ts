import type { Centre, ReportBody } from '../../src/reports/model';

/** Centres of the shipped offer that the report tests report for. */
export const TISSERANDS: Centre = { structureId: 'cs-les-tisserands', structureName: 'Centre social Les Tisserands', communeCode: '69388', communeName: 'Lyon 8e Arrondissement' };
export const GRANDCLEMENT: Centre = { structureId: 'cs-grandclement', structureName: 'Centre social Grandclément', communeCode: '69266', communeName: 'Villeurbanne' };

/** A café des parents on the Rhône's PA 2.3.2, as a centre reports one; each test changes what it looks at. */
export function cafeReport(overrides: Partial<ReportBody> = {}): ReportBody {
  return {
    planId: 'rhone-sdsf',
    sheetCode: 'PA 2.3.2',
    action: null,
    title: 'Café des parents',
    kind: 'cafe-des-parents',
    startDate: '2026-03-12',
    endDate: '2026-03-12',
    sessions: 1,
    parents: 14,
    children: 0,
    families: 12,
    qpvParents: 6,
    singleParentFamilies: 3,
    partners: ['Caf du Rhône'],
    indicators: {},
    comment: null,
    ...overrides,
  };
}

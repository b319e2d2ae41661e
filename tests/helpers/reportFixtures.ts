import type { Centre, ReportBody } from '../../src/reports/model';
import type { Store } from '../../src/storage';

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

/** Stores a report as a centre's staff member in Teams would have confirmed it, now: the figures tests' reports. */
export async function storeTeamsReport(store: Pick<Store, 'reports'>, submissionKey: string, centre: Centre, body: ReportBody): Promise<void> {
  await store.reports.submit({ submissionKey, centre, body, submittedBy: `aad:someone-${centre.structureId}`, channelId: 'msteams', submittedAt: new Date() });
}

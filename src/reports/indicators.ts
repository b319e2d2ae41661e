import { codesWithinCommune } from '../geo/communeCodes';
import { fold } from '../language/text';
import { sheetTitle } from '../sheets/display';
import type { Sheet } from '../sheets/model';
import type { SheetIndex } from '../sheets/sheetIndex';
import type { Report } from './model';
import { sheetIndicators, type IndicatorMeasure } from './sheetIndicators';

/** Which reports a figure is computed from; every criterion is optional, dates bound the action's start date. */
export interface IndicatorQuery {
  planId?: string;
  /** « PA 2.3.2 », « 2.3.2 »: matched on the sheet's number, so the prefix may differ or be left out. */
  sheetCode?: string;
  /** Several sheets at once (a question naming a number two plans have): a report of any of them is kept. */
  sheets?: ReadonlyArray<{ planId: string; sheetCode: string }>;
  /** « Action 2 », or the action as the reports name it: « Action 2 — … » matches « Action 2 » by its number. */
  action?: string;
  structureId?: string;
  communeCode?: string;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive. */
  to?: string;
}

/** The counts every report carries, summed. */
export interface ReportTotals {
  sessions: number;
  parents: number;
  children: number;
  families: number;
  qpvParents: number;
  singleParentFamilies: number;
}

/** One of the sheet's own indicators: its value from the reports that gave one (null when none did). */
export interface IndicatorFigure {
  label: string;
  numeric: boolean;
  measure: IndicatorMeasure;
  /**
   * Counts are summed; rates (« Taux de… », « Part des… ») are averaged over the reports that gave one, a sum of
   * shares meaning nothing. Null when no report gave a value.
   */
  value: number | null;
  aggregate: 'sum' | 'mean' | null;
  /** How many reports gave it a value. */
  reports: number;
  /** False for a label reports gave that the sheet does not (or no longer) list. */
  listed: boolean;
}

/** One calendar month (by the action's start date) of a sheet's reports, for charts. */
export interface MonthFigures {
  /** `YYYY-MM`. */
  month: string;
  reports: number;
  parents: number;
  children: number;
  families: number;
}

export interface SheetFigures {
  planId: string;
  /** « PA 2.3.2 », as the sheet writes its code (as the reports wrote it when the index no longer has the sheet). */
  sheetCode: string;
  /** The sheet's title, in sentence case when the plan wrote it in capitals; null when the reports name a sheet the index does not have. */
  title: string | null;
  reports: number;
  /** Distinct centres (structure ids) behind the figures. */
  centres: number;
  totals: ReportTotals;
  /** The sheet's indicators in its order, then any label reports gave that the sheet does not list. */
  indicators: IndicatorFigure[];
  /** Months with at least one report, oldest first. */
  byMonth: MonthFigures[];
}

export interface PlanFigures {
  planId: string;
  /** The plan's title; the id when the index does not know the plan. */
  planTitle: string;
  reports: number;
  centres: number;
  totals: ReportTotals;
  sheets: SheetFigures[];
}

/** `/api/indicators`'s body: plain JSON. */
export interface IndicatorsResult {
  query: IndicatorQuery;
  /** Every report the query kept, and the distinct centres that sent them. */
  generatedFrom: { reports: number; centres: number };
  totals: ReportTotals;
  /** Plans in the index's order, then plans only reports name; a plan appears when a report or the query names it. */
  plans: PlanFigures[];
}

/** The dotted number of a code (« PA 2.3.2 » → « 2.3.2 »), so « fiche 2.3.2 » and « PA 2.3.2 » name the same sheet. */
export function sheetNumberOf(code: string): string {
  const number = /\d+(?:\.\d+)*/.exec(code);
  return number === null ? fold(code) : number[0];
}

function zeroTotals(): ReportTotals {
  return { sessions: 0, parents: 0, children: 0, families: 0, qpvParents: 0, singleParentFamilies: 0 };
}

function addTo(totals: ReportTotals, report: Report): void {
  totals.sessions += report.sessions;
  totals.parents += report.parents;
  totals.children += report.children;
  totals.families += report.families;
  totals.qpvParents += report.qpvParents;
  totals.singleParentFamilies += report.singleParentFamilies;
}

function sumOf(reports: readonly Report[]): ReportTotals {
  const totals = zeroTotals();
  for (const report of reports) addTo(totals, report);
  return totals;
}

function centresOf(reports: readonly Report[]): number {
  return new Set(reports.map((report) => report.structureId)).size;
}

const ACTION_NUMBER = /^action\s*(?:n\s*°?\s*)?(\d+)\b/;

/** « Action 2 — Soutenir… » and « action 2 » are the same action; other names must be the same words. */
function sameAction(reported: string | null, asked: string): boolean {
  if (reported === null) return false;
  const a = fold(reported);
  const b = fold(asked);
  const numberA = ACTION_NUMBER.exec(a)?.[1];
  const numberB = ACTION_NUMBER.exec(b)?.[1];
  return numberA !== undefined && numberB !== undefined ? numberA === numberB : a === b;
}

/** Whether a report falls under the query. */
export function matchesQuery(report: Report, query: IndicatorQuery): boolean {
  return reportMatcher(query)(report);
}

/**
 * The query as a test on reports, the codes a commune covers worked out once: « Lyon » (69123) keeps the reports of
 * its arrondissements (69381–69389), where centres stand, as the store's own filter does.
 */
function reportMatcher(query: IndicatorQuery): (report: Report) => boolean {
  const communeCodes = query.communeCode === undefined ? undefined : new Set(codesWithinCommune(query.communeCode));
  return (report) => matches(report, query, communeCodes);
}

function matches(report: Report, query: IndicatorQuery, communeCodes: ReadonlySet<string> | undefined): boolean {
  if (query.planId !== undefined && report.planId !== query.planId) return false;
  if (query.sheetCode !== undefined && sheetNumberOf(report.sheetCode) !== sheetNumberOf(query.sheetCode)) return false;
  if (query.sheets !== undefined && !query.sheets.some((sheet) => sheet.planId === report.planId && sheetNumberOf(sheet.sheetCode) === sheetNumberOf(report.sheetCode))) return false;
  if (query.action !== undefined && !sameAction(report.action, query.action)) return false;
  if (query.structureId !== undefined && report.structureId !== query.structureId) return false;
  if (communeCodes !== undefined && (report.communeCode === null || !communeCodes.has(report.communeCode))) return false;
  if (query.from !== undefined && report.startDate < query.from) return false;
  if (query.to !== undefined && report.startDate > query.to) return false;
  return true;
}

function sheetKey(planId: string, code: string): string {
  return `${planId}/${sheetNumberOf(code)}`;
}

function indicatorFigures(sheet: Sheet | undefined, reports: readonly Report[]): IndicatorFigure[] {
  const listed = sheet === undefined ? [] : sheetIndicators(sheet);
  const figures = new Map<string, { figure: IndicatorFigure; values: number[] }>();
  for (const indicator of listed) {
    figures.set(fold(indicator.label), {
      figure: { label: indicator.label, numeric: indicator.numeric, measure: indicator.measure, value: null, aggregate: null, reports: 0, listed: true },
      values: [],
    });
  }
  for (const report of reports) {
    for (const [label, value] of Object.entries(report.indicators)) {
      const key = fold(label);
      let entry = figures.get(key);
      if (entry === undefined) {
        // A label the sheet does not list (the sheet changed since): kept, as a count, so no reported value is lost.
        entry = { figure: { label, numeric: true, measure: 'count', value: null, aggregate: null, reports: 0, listed: false }, values: [] };
        figures.set(key, entry);
      }
      entry.values.push(value);
    }
  }
  return [...figures.values()].map(({ figure, values }) => {
    if (values.length === 0) return figure;
    const sum = values.reduce((total, value) => total + value, 0);
    const mean = figure.measure === 'rate';
    return { ...figure, value: mean ? Math.round((sum / values.length) * 100) / 100 : sum, aggregate: mean ? 'mean' : 'sum', reports: values.length };
  });
}

function byMonth(reports: readonly Report[]): MonthFigures[] {
  const months = new Map<string, MonthFigures>();
  for (const report of reports) {
    const month = report.startDate.slice(0, 7);
    const figures = months.get(month) ?? { month, reports: 0, parents: 0, children: 0, families: 0 };
    figures.reports += 1;
    figures.parents += report.parents;
    figures.children += report.children;
    figures.families += report.families;
    months.set(month, figures);
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** The index's sheets the query names by plan and/or code: they appear even before any report. */
function namedSheets(sheets: SheetIndex, query: IndicatorQuery): Sheet[] {
  if (query.sheets !== undefined) {
    return sheets.sheets.filter((sheet) => query.sheets?.some((named) => named.planId === sheet.plan.id && sheetNumberOf(named.sheetCode) === sheet.number));
  }
  if (query.planId === undefined && query.sheetCode === undefined) return [];
  const number = query.sheetCode === undefined ? undefined : sheetNumberOf(query.sheetCode);
  return sheets.sheets.filter((sheet) => (query.planId === undefined || sheet.plan.id === query.planId) && (number === undefined || sheet.number === number));
}

/**
 * Totals of the reports that match the query, per plan and sheet, with how many reports and centres stand behind each
 * figure, the sheet's own indicators (`value: null, reports: 0` when no report fed one yet), and a monthly series.
 * Sheets of the index the query names (by plan and/or code) appear with zeros when no report matched yet.
 */
export function computeIndicators(reports: readonly Report[], sheets: SheetIndex, query: IndicatorQuery): IndicatorsResult {
  const kept = reports.filter(reportMatcher(query));
  const indexed = new Map<string, Sheet>(sheets.sheets.map((sheet) => [sheetKey(sheet.plan.id, sheet.number), sheet]));
  const groups = new Map<string, { planId: string; code: string; sheet: Sheet | undefined; reports: Report[] }>();
  for (const sheet of namedSheets(sheets, query)) {
    groups.set(sheetKey(sheet.plan.id, sheet.number), { planId: sheet.plan.id, code: sheet.code, sheet, reports: [] });
  }
  for (const report of kept) {
    const key = sheetKey(report.planId, report.sheetCode);
    let group = groups.get(key);
    if (group === undefined) {
      const sheet = indexed.get(key);
      group = { planId: report.planId, code: sheet?.code ?? report.sheetCode, sheet, reports: [] };
      groups.set(key, group);
    }
    group.reports.push(report);
  }

  const sheetOrder = new Map(sheets.sheets.map((sheet, index) => [sheet, index]));
  const planOrder = new Map(sheets.plans.map((plan, index) => [plan.id, index]));
  const orderOf = (group: { sheet: Sheet | undefined }) => (group.sheet === undefined ? Number.MAX_SAFE_INTEGER : (sheetOrder.get(group.sheet) ?? Number.MAX_SAFE_INTEGER));
  const byPlan = new Map<string, SheetFigures[]>();
  const planReports = new Map<string, Report[]>();
  const sortedGroups = [...groups.values()].sort((a, b) => orderOf(a) - orderOf(b) || sheetNumberOf(a.code).localeCompare(sheetNumberOf(b.code), 'en', { numeric: true }));
  for (const group of sortedGroups) {
    const figures: SheetFigures = {
      planId: group.planId,
      sheetCode: group.code,
      // Titles written in capitals in the plan read in sentence case here, as on the sheets' cards and pages.
      title: group.sheet ? sheetTitle(group.sheet) : null,
      reports: group.reports.length,
      centres: centresOf(group.reports),
      totals: sumOf(group.reports),
      indicators: indicatorFigures(group.sheet, group.reports),
      byMonth: byMonth(group.reports),
    };
    byPlan.set(group.planId, [...(byPlan.get(group.planId) ?? []), figures]);
    planReports.set(group.planId, [...(planReports.get(group.planId) ?? []), ...group.reports]);
  }

  const planIds = [...byPlan.keys()].sort((a, b) => (planOrder.get(a) ?? Number.MAX_SAFE_INTEGER) - (planOrder.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b));
  const plans: PlanFigures[] = planIds.map((planId) => {
    const ofPlan = planReports.get(planId) ?? [];
    return {
      planId,
      planTitle: sheets.plans.find((plan) => plan.id === planId)?.title ?? planId,
      reports: ofPlan.length,
      centres: centresOf(ofPlan),
      totals: sumOf(ofPlan),
      sheets: byPlan.get(planId) ?? [],
    };
  });
  return { query: { ...query, ...(query.sheets ? { sheets: query.sheets.map((sheet) => ({ ...sheet })) } : {}) }, generatedFrom: { reports: kept.length, centres: centresOf(kept) }, totals: sumOf(kept), plans };
}

/** What a breakdown groups reports by: the centre that sent them, or the commune it stands in. */
export type BreakdownKey = 'centre' | 'commune';

/** One centre's (or one commune's) share of the figures; reports are read oldest first, so the latest names it. */
export interface BreakdownRow {
  /** The structure id, or the commune's INSEE code (its folded name when the reports have no code; '' when neither). */
  id: string;
  /** As the latest report names it; null for reports that name no commune. */
  name: string | null;
  reports: number;
  totals: ReportTotals;
}

/**
 * The reports' totals one row a centre or a commune, the biggest first: by the count `biggest` names, then by the
 * number of reports, then by name. The rows add up to the reports' totals. Only the chat's breakdowns use it:
 * `/api/indicators` keeps its own shape.
 */
export function computeBreakdown(reports: readonly Report[], by: BreakdownKey, biggest: keyof ReportTotals | 'reports' = 'reports'): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const report of reports) {
    const id = by === 'centre' ? report.structureId : (report.communeCode ?? (report.communeName === null ? '' : fold(report.communeName)));
    const name = by === 'centre' ? report.structureName : report.communeName;
    const row = rows.get(id) ?? { id, name, reports: 0, totals: zeroTotals() };
    row.reports += 1;
    row.name = name ?? row.name;
    addTo(row.totals, report);
    rows.set(id, row);
  }
  const size = (row: BreakdownRow) => (biggest === 'reports' ? row.reports : row.totals[biggest]);
  return [...rows.values()].sort((a, b) => size(b) - size(a) || b.reports - a.reports || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'fr'));
}

import { escapeMarkdown } from '../language/markdown';
import type { Language } from '../language/text';
import type { BreakdownRow, IndicatorFigure, IndicatorsResult, ReportTotals, SheetFigures } from '../reports/indicators';
import type { FigureBreakdown, FigureMeasure, FigureQuestion } from '../reports/figureQuestion';
import type { Centre } from '../reports/model';

/**
 * The answer to a partner's question about reported figures, short, in the partner's language: the totals asked,
 * named with their sheet and plan, how many reports and centres stand behind them, then each of the sheet's own
 * indicators with its value or « pas encore de déclaration ». The text carries everything; a card only lays it out.
 * Names come from data (sheets, centres), so every one is escaped for Markdown as it goes in.
 */

/** What the answer is about, besides the sheets: the centre, the commune, the period, as the partner named them. */
export interface FigureScope {
  centre: string | null;
  commune: string | null;
  /** « en 2026 », « au premier trimestre 2026 », in the language of the answer. */
  period: string | null;
  actionNumbers: readonly number[];
}

export interface ReportFiguresView {
  question: FigureQuestion;
  result: IndicatorsResult;
  language: Language;
  /** The centres reports come from, to suggest when the one named is unknown. */
  knownCentres?: readonly Centre[];
}

/**
 * Said instead of the figures to an account whose enrolment an administrator revoked (until it enrols again): what
 * happened and whom to ask, nothing more — not why, which the administrator knows and the bot does not.
 */
/** Staff who named another centre: whose figures follow. The centre's name comes from data, escaped. */
export const ownCentreOnlyText: Record<Language, (centre: string) => string> = {
  fr: (centre) => `Vous voyez les chiffres de votre centre seulement : voici ceux de ${escapeMarkdown(centre)}.`,
  en: (centre) => `You see your own centre's figures only: here are those of ${escapeMarkdown(centre)}.`,
};

/**
 * Staff who asked for a breakdown (« et par centre ? »): it holds their own centre only. The centre's name comes from
 * data, escaped.
 */
export const ownCentreBreakdownText: Record<Language, (centre: string, by: FigureBreakdown) => string> = {
  fr: (centre, by) => `Vous voyez les chiffres de votre centre seulement : le détail par ${by === 'centre' ? 'centre' : 'commune'} ne montre que ${escapeMarkdown(centre)}.`,
  en: (centre, by) => `You see your own centre's figures only: the breakdown by ${by} shows ${escapeMarkdown(centre)} alone.`,
};

export const figuresWithdrawnText: Record<Language, string> = {
  fr: "Votre accès aux chiffres des centres a été retiré. Adressez-vous à l'administrateur de Maillage.",
  en: "Your access to the centres' figures was withdrawn. Please ask the Maillage administrator.",
};

/** Sheets listed one by one when the question named none; the rest are counted. */
const MAX_SHEETS_LISTED = 5;
const MAX_CENTRES_SUGGESTED = 5;
/** Rows of a breakdown listed one by one, the biggest first; the rest are counted. */
const MAX_BREAKDOWN_ROWS = 10;

interface Words {
  /** « : » in French (with its space before), ": " in English. */
  colon: string;
  parents: (n: number) => string;
  ofWhichQpv: (n: number) => string;
  children: (n: number) => string;
  families: (n: number) => string;
  ofWhichSingleParent: (n: number) => string;
  sessions: (n: number) => string;
  basedOn: (reports: number, centres: number) => string;
  noReport: string;
  allSheets: string;
  action: (numbers: readonly number[]) => string;
  inCommune: (name: string) => string;
  indicatorsHeading: string;
  indicatorValue: (figure: IndicatorFigure) => string;
  noIndicator: string;
  qualitative: string;
  unknownCentre: (typed: string, known: readonly string[]) => string;
  bySheetHeading: string;
  moreSheets: (n: number) => string;
  notListed: string;
  sheetUnknown: string;
  breakdownHeading: Record<FigureBreakdown, string>;
  reportsCount: (n: number) => string;
  noCommune: string;
  moreRows: (n: number, by: FigureBreakdown) => string;
}

function formatter(locale: string) {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (value: number) => format.format(value);
}

const fr = formatter('fr-FR');
const en = formatter('en-GB');

function counted(format: (value: number) => string, value: number, one: string, many: string): string {
  return `${format(value)} ${value <= 1 ? one : many}`;
}

export const reportFiguresMessages: Record<Language, Words> = {
  fr: {
    colon: ' : ',
    parents: (n) => counted(fr, n, 'parent', 'parents'),
    ofWhichQpv: (n) => `dont ${fr(n)} en QPV`,
    children: (n) => counted(fr, n, 'enfant', 'enfants'),
    families: (n) => counted(fr, n, 'famille', 'familles'),
    ofWhichSingleParent: (n) => `dont ${counted(fr, n, 'monoparentale', 'monoparentales')}`,
    sessions: (n) => counted(fr, n, 'séance', 'séances'),
    basedOn: (reports, centres) => `d'après ${counted(fr, reports, 'déclaration', 'déclarations')} de ${counted(fr, centres, 'centre', 'centres')}`,
    noReport: "aucune déclaration pour l'instant",
    allSheets: 'Toutes fiches confondues',
    action: (numbers) => (numbers.length === 1 ? `action ${numbers[0]}` : `actions ${numbers.join(', ')}`),
    inCommune: (name) => `à ${name}`,
    indicatorsHeading: 'Indicateurs de la fiche :',
    indicatorValue: (figure) =>
      figure.aggregate === 'mean'
        ? `${fr(figure.value ?? 0)} en moyenne (${counted(fr, figure.reports, 'déclaration', 'déclarations')})`
        : `${fr(figure.value ?? 0)} (${counted(fr, figure.reports, 'déclaration', 'déclarations')})`,
    noIndicator: 'pas encore de déclaration',
    qualitative: 'indicateur qualitatif, sans chiffre déclaré',
    unknownCentre: (typed, known) =>
      `Je ne trouve pas de centre « ${typed} » parmi ceux qui déclarent leurs actions.` +
      (known.length > 0 ? ` Centres connus : ${known.join(', ')}.` : " Aucun centre n'a encore déclaré d'action."),
    bySheetHeading: 'Par fiche :',
    moreSheets: (n) => `et ${counted(fr, n, 'autre fiche', 'autres fiches')}`,
    notListed: "(libellé qui n'est plus dans la fiche)",
    sheetUnknown: 'fiche absente des plans chargés',
    breakdownHeading: { centre: 'Par centre :', commune: 'Par commune :' },
    reportsCount: (n) => counted(fr, n, 'déclaration', 'déclarations'),
    noCommune: 'commune non précisée',
    moreRows: (n, by) => `et ${by === 'centre' ? counted(fr, n, 'autre centre', 'autres centres') : counted(fr, n, 'autre commune', 'autres communes')}`,
  },
  en: {
    colon: ': ',
    parents: (n) => counted(en, n, 'parent', 'parents'),
    ofWhichQpv: (n) => `${en(n)} of them in priority neighbourhoods (QPV)`,
    children: (n) => counted(en, n, 'child', 'children'),
    families: (n) => counted(en, n, 'family', 'families'),
    ofWhichSingleParent: (n) => `${en(n)} of them single-parent`,
    sessions: (n) => counted(en, n, 'session', 'sessions'),
    basedOn: (reports, centres) => `from ${counted(en, reports, 'report', 'reports')} by ${counted(en, centres, 'centre', 'centres')}`,
    noReport: 'no report yet',
    allSheets: 'All sheets',
    action: (numbers) => (numbers.length === 1 ? `action ${numbers[0]}` : `actions ${numbers.join(', ')}`),
    inCommune: (name) => `in ${name}`,
    indicatorsHeading: "The sheet's indicators:",
    indicatorValue: (figure) =>
      figure.aggregate === 'mean'
        ? `${en(figure.value ?? 0)} on average (${counted(en, figure.reports, 'report', 'reports')})`
        : `${en(figure.value ?? 0)} (${counted(en, figure.reports, 'report', 'reports')})`,
    noIndicator: 'no report yet',
    qualitative: 'qualitative indicator, no figure reported',
    unknownCentre: (typed, known) =>
      `I cannot find a centre "${typed}" among those that report their actions.` +
      (known.length > 0 ? ` Known centres: ${known.join(', ')}.` : ' No centre has reported an action yet.'),
    bySheetHeading: 'By sheet:',
    moreSheets: (n) => `and ${counted(en, n, 'other sheet', 'other sheets')}`,
    notListed: '(label no longer in the sheet)',
    sheetUnknown: 'sheet not in the loaded plans',
    breakdownHeading: { centre: 'By centre:', commune: 'By commune:' },
    reportsCount: (n) => counted(en, n, 'report', 'reports'),
    noCommune: 'commune not given',
    moreRows: (n, by) => `and ${by === 'centre' ? counted(en, n, 'other centre', 'other centres') : counted(en, n, 'other commune', 'other communes')}`,
  },
};

/**
 * The counts asked, in order: « 38 parents, dont 14 en QPV, 22 enfants ». A review (`all`) gives every count but
 * leaves out the zeros, which would only lengthen it; a count asked is said even when it is zero.
 */
export function figureParts(totals: ReportTotals, measures: readonly FigureMeasure[], language: Language, all = false): string[] {
  const words = reportFiguresMessages[language];
  const asked = new Set(measures);
  const said = (measure: FigureMeasure, value: number) => asked.has(measure) && (!all || value > 0);
  const parts: string[] = [];
  if (said('parents', totals.parents) || (!all && asked.has('qpvParents'))) {
    const qpv = all ? totals.qpvParents > 0 : asked.has('qpvParents') || totals.qpvParents > 0;
    parts.push(qpv ? `${words.parents(totals.parents)}, ${words.ofWhichQpv(totals.qpvParents)}` : words.parents(totals.parents));
  }
  if (said('children', totals.children)) parts.push(words.children(totals.children));
  if (said('families', totals.families) || (!all && asked.has('singleParentFamilies'))) {
    const single = all ? totals.singleParentFamilies > 0 : asked.has('singleParentFamilies');
    parts.push(single ? `${words.families(totals.families)}, ${words.ofWhichSingleParent(totals.singleParentFamilies)}` : words.families(totals.families));
  }
  if (said('sessions', totals.sessions)) parts.push(words.sessions(totals.sessions));
  return parts;
}

/** « PA 2.3.2 (Schéma départemental…), action 2, Centre social Les Tisserands, à Vénissieux, en 2026 ». */
function heading(sheet: { sheetCode: string; planTitle: string } | null, scope: FigureScope, language: Language): string {
  const words = reportFiguresMessages[language];
  const parts = [sheet === null ? words.allSheets : `${escapeMarkdown(sheet.sheetCode)} (${escapeMarkdown(sheet.planTitle)})`];
  if (scope.actionNumbers.length > 0) parts.push(words.action(scope.actionNumbers));
  if (scope.centre !== null) parts.push(escapeMarkdown(scope.centre));
  if (scope.commune !== null) parts.push(words.inCommune(escapeMarkdown(scope.commune)));
  if (scope.period !== null) parts.push(scope.period);
  return parts.join(', ');
}

/** The line of figures after the heading: « 38 parents, dont 14 en QPV — d'après 3 déclarations de 2 centres. » */
function figuresLine(figures: { reports: number; centres: number; totals: ReportTotals }, measures: readonly FigureMeasure[], language: Language, all: boolean): string {
  const words = reportFiguresMessages[language];
  if (figures.reports === 0) return `${words.noReport}.`;
  const parts = figureParts(figures.totals, measures, language, all);
  const basedOn = words.basedOn(figures.reports, figures.centres);
  return parts.length > 0 ? `${parts.join(', ')} — ${basedOn}.` : `${basedOn.charAt(0).toUpperCase()}${basedOn.slice(1)}.`;
}

function indicatorLines(indicators: readonly IndicatorFigure[], language: Language): string[] {
  const words = reportFiguresMessages[language];
  return indicators.map((figure) => {
    const value = figure.value !== null ? words.indicatorValue(figure) : figure.numeric ? words.noIndicator : words.qualitative;
    return `- ${escapeMarkdown(figure.label)}${figure.listed ? '' : ` ${words.notListed}`}${words.colon}${value}`;
  });
}

export function scopeOf(question: FigureQuestion, language: Language): FigureScope {
  const centre = question.centre?.matches[0]?.structureName ?? null;
  return {
    centre,
    commune: question.commune?.name ?? null,
    period: question.period === null ? null : question.period.label[language],
    actionNumbers: question.actionNumbers,
  };
}

/** The sheets' figures, in the result's order, each with its plan's title. */
export function sheetsOf(result: IndicatorsResult): Array<SheetFigures & { planTitle: string }> {
  return result.plans.flatMap((plan) => plan.sheets.map((sheet) => ({ ...sheet, planTitle: plan.planTitle })));
}

/** A centre named that no report comes from: said so, with some of the known ones; null when none was named or it fits. */
function unknownCentreText(question: FigureQuestion, language: Language, knownCentres: readonly Centre[] | undefined): string | null {
  if (question.centre === null || question.centre.matches.length > 0) return null;
  const known = [...new Set((knownCentres ?? []).map((centre) => centre.structureName))].slice(0, MAX_CENTRES_SUGGESTED).map(escapeMarkdown);
  return reportFiguresMessages[language].unknownCentre(escapeMarkdown(question.centre.typed), known);
}

/** The people and sessions counts asked, without the reports and indicators (said apart). */
function countsAsked(question: FigureQuestion): FigureMeasure[] {
  return question.measures.filter((measure) => measure !== 'indicators' && measure !== 'reports');
}

/** The whole answer as text (Markdown, data escaped). */
export function reportFiguresText(view: ReportFiguresView): string {
  const { question, result, language } = view;
  const words = reportFiguresMessages[language];
  const unknown = unknownCentreText(question, language, view.knownCentres);
  if (unknown !== null) return unknown;
  const scope = scopeOf(question, language);
  const measures = countsAsked(question);
  const showIndicators = question.all || question.measures.includes('indicators') || question.sheets.length > 0;
  const sheets = sheetsOf(result);

  if (question.sheets.length > 0) {
    // One paragraph a sheet, each plan's figures apart when two plans share the number.
    return sheets
      .map((sheet) => {
        const lines = [`${heading(sheet, scope, language)}${words.colon}${figuresLine(sheet, measures, language, question.all)}`];
        if (showIndicators && sheet.indicators.length > 0) lines.push(words.indicatorsHeading, ...indicatorLines(sheet.indicators, language));
        return lines.join('\n');
      })
      .join('\n\n');
  }

  const lines = [`${heading(null, scope, language)}${words.colon}${figuresLine({ ...result.generatedFrom, totals: result.totals }, measures, language, question.all)}`];
  if (sheets.length > 0 && (question.all || sheets.length > 1)) {
    lines.push(words.bySheetHeading);
    for (const sheet of sheets.slice(0, MAX_SHEETS_LISTED)) {
      const title = sheet.title === null ? words.sheetUnknown : sheet.planTitle;
      lines.push(`- ${escapeMarkdown(sheet.sheetCode)} (${escapeMarkdown(title)})${words.colon}${figuresLine(sheet, measures.length > 0 ? measures : ['parents'], language, question.all)}`);
    }
    if (sheets.length > MAX_SHEETS_LISTED) lines.push(words.moreSheets(sheets.length - MAX_SHEETS_LISTED));
  }
  return lines.join('\n');
}

/** One part of a breakdown: a sheet's figures (or every sheet's), then its rows. */
export interface BreakdownSection {
  /** The sheet the figures are of; null when the question named none. */
  sheet: { sheetCode: string; planTitle: string } | null;
  reports: number;
  centres: number;
  totals: ReportTotals;
  /** The biggest first. */
  rows: readonly BreakdownRow[];
}

export interface ReportBreakdownView {
  question: FigureQuestion & { breakdown: FigureBreakdown };
  language: Language;
  /** One a sheet named (each plan apart when two share the number), or one for every sheet together. */
  sections: readonly BreakdownSection[];
  knownCentres?: readonly Centre[];
}

/**
 * « Par centre : » under the figures' line, one line a centre (or a commune) with the counts asked and its number of
 * reports: « - Centre social Les Tisserands : 34 parents, dont 11 en QPV — 2 déclarations ». Markdown, data escaped.
 */
export function reportBreakdownText(view: ReportBreakdownView): string {
  const { question, language } = view;
  const words = reportFiguresMessages[language];
  const unknown = unknownCentreText(question, language, view.knownCentres);
  if (unknown !== null) return unknown;
  const scope = scopeOf(question, language);
  const measures = countsAsked(question);
  const by = question.breakdown;
  return view.sections
    .map((section) => {
      const lines = [`${heading(section.sheet, scope, language)}${words.colon}${figuresLine(section, measures, language, question.all)}`];
      if (section.rows.length === 0) return lines.join('\n');
      lines.push(words.breakdownHeading[by]);
      for (const row of section.rows.slice(0, MAX_BREAKDOWN_ROWS)) {
        const name = row.name === null ? words.noCommune : escapeMarkdown(row.name);
        const parts = figureParts(row.totals, measures, language, question.all);
        lines.push(`- ${name}${words.colon}${[parts.join(', '), words.reportsCount(row.reports)].filter((part) => part !== '').join(' — ')}`);
      }
      if (section.rows.length > MAX_BREAKDOWN_ROWS) lines.push(words.moreRows(section.rows.length - MAX_BREAKDOWN_ROWS, by));
      return lines.join('\n');
    })
    .join('\n\n');
}

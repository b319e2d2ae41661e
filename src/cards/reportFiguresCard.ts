import { escapeMarkdown } from '../language/markdown';
import { cardMarkdown } from './reportCards';
import type { Language } from '../language/text';
import { figureParts, reportFiguresMessages, scopeOf, sheetsOf, type ReportFiguresView } from '../messages/reportFigures';
import type { IndicatorFigure } from '../reports/indicators';

/**
 * The figures of a partner's question as an Adaptive Card (1.5, plain JSON), one container a sheet: its name and
 * plan in TextBlocks, the totals and the sheet's indicators as FactSets. It lays out what the reply's text already
 * says, so a channel without cards loses nothing. Every text comes from data or our catalogue and is escaped here.
 */

const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Teams refuses cards over about 28 KB: a few sheets with their indicators stay far below. */
const MAX_SHEETS = 5;

type Element = Record<string, unknown>;

function textBlock(text: string, extra: Element = {}): Element {
  return { type: 'TextBlock', text: cardMarkdown(escapeMarkdown(text)), wrap: true, ...extra };
}

function factSet(facts: ReadonlyArray<{ title: string; value: string }>): Element {
  return { type: 'FactSet', facts: facts.map((fact) => ({ title: cardMarkdown(escapeMarkdown(fact.title)), value: cardMarkdown(escapeMarkdown(fact.value)) })), spacing: 'Small' };
}

const LABELS: Record<Language, { figures: string; basis: string; indicators: string; period: string; centre: string; commune: string; title: string }> = {
  fr: { figures: 'Chiffres', basis: 'Source', indicators: 'Indicateurs de la fiche', period: 'Période', centre: 'Centre', commune: 'Commune', title: 'Chiffres déclarés par les centres' },
  en: { figures: 'Figures', basis: 'Source', indicators: "The sheet's indicators", period: 'Period', centre: 'Centre', commune: 'Commune', title: 'Figures reported by the centres' },
};

function indicatorValue(figure: IndicatorFigure, language: Language): string {
  const words = reportFiguresMessages[language];
  if (figure.value !== null) return words.indicatorValue(figure);
  return figure.numeric ? words.noIndicator : words.qualitative;
}

/** The card for the answer's figures; null when the text says all there is (an unknown centre). */
export function reportFiguresCard(view: ReportFiguresView): object | null {
  const { question, result, language } = view;
  if (question.centre !== null && question.centre.matches.length === 0) return null;
  const labels = LABELS[language];
  const words = reportFiguresMessages[language];
  const scope = scopeOf(question, language);
  const measures = question.measures.filter((measure) => measure !== 'indicators' && measure !== 'reports');
  const shown = measures.length > 0 ? measures : (['parents', 'children', 'families', 'sessions'] as const);

  const body: Element[] = [textBlock(labels.title, { size: 'Medium', weight: 'Bolder', style: 'heading' })];
  const scopeFacts = [
    ...(scope.period ? [{ title: labels.period, value: scope.period }] : []),
    ...(scope.centre ? [{ title: labels.centre, value: scope.centre }] : []),
    ...(scope.commune ? [{ title: labels.commune, value: scope.commune }] : []),
  ];
  if (scopeFacts.length > 0) body.push(factSet(scopeFacts));

  const sheets = sheetsOf(result);
  if (sheets.length === 0 || question.sheets.length === 0) {
    body.push(
      factSet([
        { title: labels.figures, value: result.generatedFrom.reports === 0 ? words.noReport : figureParts(result.totals, shown, language, question.all).join(' · ') },
        { title: labels.basis, value: words.basedOn(result.generatedFrom.reports, result.generatedFrom.centres) },
      ]),
    );
  }
  for (const sheet of sheets.slice(0, MAX_SHEETS)) {
    const items: Element[] = [
      textBlock(sheet.title === null ? sheet.sheetCode : `${sheet.sheetCode} — ${sheet.title}`, { weight: 'Bolder' }),
      textBlock(sheet.planTitle, { isSubtle: true, spacing: 'None' }),
      factSet([
        { title: labels.figures, value: sheet.reports === 0 ? words.noReport : figureParts(sheet.totals, shown, language, question.all).join(' · ') },
        { title: labels.basis, value: words.basedOn(sheet.reports, sheet.centres) },
      ]),
    ];
    if (sheet.indicators.length > 0 && (question.sheets.length > 0 || question.all)) {
      items.push(textBlock(labels.indicators, { weight: 'Bolder', spacing: 'Small' }));
      items.push(factSet(sheet.indicators.map((figure) => ({ title: figure.label, value: indicatorValue(figure, language) }))));
    }
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items });
  }
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', lang: language, body };
}

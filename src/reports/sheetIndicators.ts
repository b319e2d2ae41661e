import { fold } from '../language/text';
import type { Sheet, SheetSection } from '../sheets/model';

/** How an indicator is measured: a count (summed across reports), a rate (a share, averaged), or in words. */
export type IndicatorMeasure = 'count' | 'rate' | 'qualitative';

/** One indicator a sheet lists, in the sheet's own words. */
export interface SheetIndicator {
  /** As the sheet writes it: the key of `ReportBody.indicators`. */
  label: string;
  /** A count or a rate asked as a number (« Nombre de… », « Taux de… », « % »); false for a qualitative one. */
  numeric: boolean;
  measure: IndicatorMeasure;
}

const INDICATOR_HEADING = /\bindicat(eu|o)r/;
const COUNT_START = /^(nombre|nb|nbre|number|count)\b/;
const RATE_START = /^(taux|part|parts|proportion|pourcentage|percentage|rate|share|ratio)\b/;
const RATE_ANYWHERE = /%|\bpourcentage\b|\bpercent/;
/**
 * « Mesure de l'implication… par l'étude du nombre de parents présents » is a count; « Augmentation du nombre de
 * nouveaux conseils » is an expected trend, said in words: a count or rate named later in the line counts unless the
 * line opens on a trend.
 */
const COUNT_ANYWHERE = /\b(nombre|taux) d(e|es|u|')/;
const TREND_START = /^(augmentation|developpement|evolution|diminution|hausse|baisse|amelioration|renforcement|reduction)\b/;

/** The measure of one indicator line, from its first words (folded). */
export function indicatorMeasure(label: string): IndicatorMeasure {
  const folded = fold(label).replace(/^[^a-z0-9%]+/, '');
  if (RATE_START.test(folded) || RATE_ANYWHERE.test(folded)) return 'rate';
  if (COUNT_START.test(folded)) return 'count';
  if (TREND_START.test(folded)) return 'qualitative';
  if (COUNT_ANYWHERE.test(folded)) return /\btaux d/.test(folded) ? 'rate' : 'count';
  return 'qualitative';
}

/**
 * The sections that list indicators: those whose heading says so (« Indicateurs d'évaluation », « indicateurs de
 * réalisation »); when none does, the expected-results sections, where such sheets keep them.
 */
function indicatorSections(sheet: Sheet): SheetSection[] {
  const named = sheet.sections.filter((section) => INDICATOR_HEADING.test(fold(section.heading)));
  return named.length > 0 ? named : sheet.sections.filter((section) => section.field === 'results');
}

/**
 * The indicators a sheet lists (its « Résultats attendus / Indicateurs d'évaluation » section and any section whose
 * heading says indicateurs), as written, each once. Group heads (level-0 items with level-1 children) are not
 * indicators themselves.
 */
export function sheetIndicators(sheet: Sheet): SheetIndicator[] {
  const found: SheetIndicator[] = [];
  const seen = new Set<string>();
  for (const section of indicatorSections(sheet)) {
    section.items.forEach((item, index) => {
      const next = section.items[index + 1];
      if (item.level === 0 && next?.level === 1) return;
      const label = item.text.trim();
      const key = fold(label);
      if (label === '' || seen.has(key)) return;
      seen.add(key);
      const measure = indicatorMeasure(label);
      found.push({ label, numeric: measure !== 'qualitative', measure });
    });
  }
  return found;
}

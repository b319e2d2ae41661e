import type { DateTime } from 'luxon';
import { z } from 'zod';
import type { FormInputView } from '../../src/cards/reportCards';
import { escapeMarkdown } from '../../src/language/markdown';
import type { Language } from '../../src/language/text';
import { KIND_LABELS, reportTexts as t, summaryLabels } from '../../src/messages/reports';
import type { TurnReading } from '../../src/reading';
import { IsoDateSchema, REPORT_KINDS } from '../../src/reports/model';
import { readCount } from '../../src/reports/reading';
import type { Sheet } from '../../src/sheets';
import type { FormFields } from '../forms/formRunner';
import { actionLabel, countsParents, numericIndicators, withParentsIndicators, type ReportValues } from './reportForm';

/**
 * THE WHOLE FORM AS ONE CARD, where cards allow it (Teams, Web Chat): pre-filled with what the draft holds, and read
 * back input by input through each field's own reader, so a card meets the refusals a typed answer meets. The report
 * journey (./reportJourney.ts) sends the card and gives the values read here to its form.
 */

/**
 * A card input, as a card sends it: text or a number. Anything else (true, a list, an object) is no value a card
 * sends: it is refused with the field's name, never taken for « not filled » with the old value kept unsaid.
 */
const InputSchema = z.union([z.string(), z.number(), z.null(), z.undefined()]);
/** The inputs the card holds a number in. */
const NUMBER_INPUTS: ReadonlySet<string> = new Set(['sessions', 'parents', 'qpvParents', 'children', 'families', 'singleParentFamilies']);
/** Card inputs longer than any field allows are refused as too long, never cut. */
const MAX_CARD_INPUT = 2000;
/** Fields of free text: what was typed, not a message that might be another question (in a card, or as an answer). */
export const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set(['title', 'partners', 'comment']);

/** « formulaire complet », « le formulaire », « whole form »: the card asked for by name. */
export function asksWholeForm(reading: TurnReading): boolean {
  const text = reading.text.trim().toLowerCase();
  return text === t.wholeForm.fr.toLowerCase() || text === t.wholeForm.en.toLowerCase() || /^(le |the )?formulaire( complet)?$|^(whole |full )?form$/.test(text);
}

/** The card's inputs, pre-filled from the draft; the sheet's actions and numeric indicators when its sheet is known. */
export function wholeFormInputs(values: Partial<ReportValues>, sheet: Sheet | undefined, language: Language): FormInputView[] {
  const label = (key: keyof typeof summaryLabels) => summaryLabels[key][language];
  const inputs: FormInputView[] = [{ kind: 'text', id: 'sheet', label: label('sheet'), value: values.sheet?.sheetCode ?? '', maxLength: 100, placeholder: 'PA 2.3.2' }];
  if (sheet && sheet.actions.length > 0) {
    const current = sheet.actions.find((action) => actionLabel(sheet, action.number) === values.action);
    inputs.push({
      kind: 'choice',
      id: 'action',
      label: label('action'),
      // Nothing chosen for them: an action left unchosen is asked in the conversation.
      value: current ? String(current.number) : values.action === null ? 'aucune' : '',
      choices: [...sheet.actions.map((action) => ({ title: actionLabel(sheet, action.number) ?? String(action.number), value: String(action.number) })), { title: t.noParticularAction[language], value: 'aucune' }],
    });
  }
  inputs.push(
    { kind: 'choice', id: 'kind', label: label('kind'), value: values.kind ?? '', choices: REPORT_KINDS.map((id) => ({ title: KIND_LABELS[id][language], value: id })) },
    { kind: 'text', id: 'title', label: label('title'), value: values.title ?? '', maxLength: 300 },
    { kind: 'date', id: 'start', label: t.startDate[language], value: values.dates?.start ?? '' },
    { kind: 'date', id: 'end', label: t.endDate[language], value: values.dates?.end ?? '' },
  );
  for (const key of ['sessions', 'parents', 'qpvParents', 'children', 'families', 'singleParentFamilies'] as const) {
    inputs.push({ kind: 'number', id: key, label: label(key), value: values[key] ?? null, min: key === 'sessions' ? 1 : 0, max: 1_000_000 });
  }
  inputs.push({ kind: 'text', id: 'partners', label: label('partners'), value: (values.partners ?? []).join(', '), maxLength: 2000 });
  const indicators = withParentsIndicators(values, sheet).indicators;
  (sheet ? numericIndicators(sheet) : []).forEach((indicator, index) => {
    const value = indicators?.[indicator];
    inputs.push({ kind: 'number', id: `indicator_${index}`, label: indicator, value: value ?? null, min: 0, max: 1_000_000_000 });
  });
  inputs.push({ kind: 'text', id: 'comment', label: label('comment'), value: values.comment ?? '', multiline: true, maxLength: 2000 });
  return inputs;
}

export interface WholeFormReading {
  /** The draft's values with what passed in the card. */
  values: Partial<ReportValues>;
  /** What the card must fix, a line each (« Parents : … »). */
  problems: string[];
}

export interface WholeFormContext {
  fields: FormFields<ReportValues>;
  /** The draft's values before the card. */
  before: Partial<ReportValues>;
  reading: TurnReading;
  /** Reads a text as a turn would: each input goes through the same readers as a typed answer. */
  readText: (text: string, like: TurnReading) => TurnReading;
  sheetById: (id: string) => Sheet | undefined;
  now: DateTime;
}

/**
 * The whole form, sent back as one card: each input goes through its field's reader like a typed answer, so a card
 * meets the same refusals. What passes is kept; what does not is listed.
 */
export function readWholeForm(data: unknown, form: WholeFormContext): WholeFormReading {
  const language = form.reading.language;
  const inputs = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const wrongType = new Set<string>();
  const text = (id: string): string => {
    const parsed = InputSchema.safeParse(inputs[id]);
    if (!parsed.success) {
      wrongType.add(id);
      return '';
    }
    // A JSON number is read as its digits would be typed: 1e308 is « 1e+308 », refused like any number in a token.
    return parsed.data === undefined || parsed.data === null ? '' : String(parsed.data).trim();
  };
  const values: Partial<ReportValues> = { ...form.before };
  const problems: string[] = [];
  const label = (key: keyof typeof summaryLabels) => summaryLabels[key][language];
  const wrongTypeProblem = (id: string) => (NUMBER_INPUTS.has(id) || id.startsWith('indicator_') ? t.notAWholeNumberFrom[language](id === 'sessions' ? 1 : 0) : t.notAText[language]);
  for (const field of form.fields) {
    if (field.key === 'dates' || field.key === 'indicators') continue;
    const typed = text(field.key);
    if (wrongType.has(field.key)) {
      problems.push(`${label(field.key)} : ${wrongTypeProblem(field.key)}`);
      continue;
    }
    if (typed === '') {
      // An optional field left empty in the card means « none »; a required one stays to be asked.
      if (field.key === 'partners') values.partners = [];
      if (field.key === 'comment') values.comment = null;
      continue;
    }
    if (typed.length > MAX_CARD_INPUT) {
      problems.push(`${label(field.key)} : ${t.tooLong[language]}`);
      continue;
    }
    // A card's free text is an answer even when it ends with « ? » or names a sheet: read it as a plain statement.
    const asTyped = form.readText(typed, form.reading);
    const cardReading = FREE_TEXT_FIELDS.has(field.key) ? { ...asTyped, text: typed.replace(/\?+\s*$/, ''), safety: null, command: null, sheets: { ...asTyped.sheets, codes: [] } } : asTyped;
    const outcome = field.read(cardReading, values);
    if (outcome === null) problems.push(`${label(field.key)} : ${field.key === 'sheet' ? t.sheetNeedsCode[language] : NUMBER_INPUTS.has(field.key) ? t.notAWholeNumberFrom[language](field.key === 'sessions' ? 1 : 0) : t.notANumber[language]}`);
    else if ('problem' in outcome) problems.push(`${label(field.key)} : ${outcome.problem}`);
    else {
      const before = JSON.stringify(values[field.key]);
      // A doubtful count (« 100000 parents for one session ») is kept in the card and questioned once: sent again
      // unchanged, it stands.
      if (outcome.doubt && JSON.stringify(form.before[field.key]) !== JSON.stringify(outcome.value) && typeof outcome.value === 'number') {
        problems.push(`${label(field.key)} : ${t.muchForSessionsInCard[language](outcome.value, values.sessions ?? 1)}`);
      }
      (values as Record<string, unknown>)[field.key] = outcome.value;
      if (before !== JSON.stringify(outcome.value)) for (const cleared of field.alsoClears ?? []) if (cleared !== 'partners' || !('partners' in inputs)) delete values[cleared];
    }
  }
  const dates = checkCardDates(text('start'), text('end') || text('start'), form.now);
  if (wrongType.has('start') || wrongType.has('end')) problems.push(`${label('dates')} : ${t.notADate[language]}`);
  else if (dates && 'problem' in dates) problems.push(`${label('dates')} : ${t[dates.problem][language]}`);
  else if (dates) values.dates = dates;
  const sheet = values.sheet ? form.sheetById(values.sheet.sheetId) : undefined;
  // The card holds the indicators of the sheet it was drawn for; a sheet first named in the card has its
  // indicators asked one by one afterwards, rather than taken as « non concerné ».
  const cardHadIndicators = Object.keys(inputs).some((key) => key.startsWith('indicator_'));
  if (sheet && cardHadIndicators && JSON.stringify(values.sheet) === JSON.stringify(form.before.sheet)) {
    const indicators: Record<string, number | null> = {};
    numericIndicators(sheet).forEach((indicator, index) => {
      const typed = text(`indicator_${index}`);
      // Read as a typed count is: « 0x10 », « 1e3 », « 12.5 » are no whole number, whatever Number() makes of them.
      const read = typed === '' ? null : readCount(typed);
      const value = read !== null && 'value' in read ? read.value : null;
      if (wrongType.has(`indicator_${index}`) || (typed !== '' && value === null)) problems.push(`${escapeMarkdown(indicator)} : ${t.notAWholeNumberFrom[language](0)}`);
      // The parents count, or nothing, for the one that counts parents: it keeps following that count.
      else if (countsParents(indicator) && (value === null || value === values.parents)) return;
      else indicators[indicator] = value;
    });
    values.indicators = indicators;
  }
  return { values, problems };
}

/** The card's date inputs (`YYYY-MM-DD`), with the refusals of a typed date. */
function checkCardDates(start: string, end: string, now: DateTime): { start: string; end: string } | { problem: 'notADate' | 'future' | 'endBeforeStart' } | null {
  if (start === '') return null;
  if (!IsoDateSchema.safeParse(start).success || !IsoDateSchema.safeParse(end).success) return { problem: 'notADate' };
  const valid = (iso: string) => !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
  if (!valid(start) || !valid(end)) return { problem: 'notADate' };
  const today = now.setZone('Europe/Paris').toISODate() ?? '';
  if (start > today || end > today) return { problem: 'future' };
  if (end < start) return { problem: 'endBeforeStart' };
  return { start, end };
}

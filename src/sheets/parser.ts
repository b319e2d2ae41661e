import { plainText } from '../language/plainText';
import { fold } from '../language/text';
import { isMostlyUpperCase as isUpperCase } from './display';
import { actionHeading, isAbbreviatedLabel, isTitleLikeLabel, knownHeading, labelField } from './headings';
import { codeFromFileName, isActionCode, readCodeLine, sameFamily, type CodeLine } from './layout/codes';
import { readTables } from './layout/tables';
import {
  SheetSchema,
  sheetIdentity,
  type AxisStep,
  type Plan,
  type Sheet,
  type SheetAction,
  type SheetDeadline,
  type SheetField,
  type SheetSection,
} from './model';

/**
 * Reads a sheet file into the model, whatever its layout: headings in capitals, tab-led (Tours), numbered
 * (« 1. Contexte », « 1.1 Constats »), `Label :` lines, inline « Label : valeur », bold, Markdown, abbreviated
 * (« Diag. », « Resp. »), two-column tables (Markdown, HTML, tab-separated: see layout/tables.ts), per-action parts.
 * A file that holds a whole plan is split into its sheets, each with the axis path it sits under. Never throws: a
 * file that is not a sheet gets a reason.
 */

export type ParseOutcome = { ok: true; sheet: Sheet } | { ok: false; reason: string };
/** Every sheet of a file; `problems` says what was skipped inside a file that gave some sheets. */
export type SheetsOutcome = { ok: true; sheets: Sheet[]; problems: string[] } | { ok: false; reason: string };

export interface SheetSource {
  /** Path shown in problems and kept on the sheet. */
  file: string;
  plan: Plan;
}

interface Line {
  /** Text without Markdown heading marks, spaces collapsed, trimmed. */
  text: string;
  blank: boolean;
  markdownHeading: boolean;
  /** The export puts table cells' first lines after a tab: a hint of a heading, never of indentation. */
  tabLed: boolean;
  /** Leading spaces: a sub-item. */
  indented: boolean;
  /** The line started with a bullet or a number. */
  marked: boolean;
  /** The line started with a bullet (not a number). */
  bulleted: boolean;
  /** 1 for "#", 2 for "##"…; 0 when not a Markdown heading. */
  markdownLevel: number;
  /** The line opens with a bold label ("**Pilote** : Caf"). */
  boldLed: boolean;
  number?: string;
  /** The whole text was bold ("**Développement…**"): a group head or a heading. */
  bold: boolean;
  /** Text without bullets, numbering and bold marks. */
  body: string;
}

/** Bullets, including the Symbol-font ones Word and PDF exports leave (U+F0A7, U+F0B7…). */
const BULLET = /^(?:[-+•·➔→►▸▪◦‣–—➢✓✔■□○●\uf0a7\uf0b7\uf0d8\uf076\uf0fc\uf0e0]|\*(?=\s))\s*/u;
/** Word's second-level bullet, pasted as text: a lone "o" before a tab. */
const SUB_BULLET = /^\s*o\t/;
/** "1. ", "2) ", "3 - ", "a) " but not "2.3 - …" (a dotted number is not numbering). */
const NUMBERING = /^(\d{1,2}|[a-h](?=\)))\s*(?:[.)](?!\d)|[-–](?=\s))\s*/;
/** "1.1 Constats chiffrés", "II. Objectifs", "B. Contexte": a heading's own numbering. */
const HEADING_NUMBER = /^(?:\d{1,2}(?:\.\d{1,2})+\.?|[IVX]{1,4}[.)]|[A-H][.)])\s+(\S.*)$/;
/** A line split into parts by " | " (a breadcrumb: "SDAVS 84 | Orientation 2 – … | Fiche 2.1.4"). */
const BREADCRUMB = / +\| +/;
/** "MSA · Caf · Département": a list written on one line. */
const INLINE_LIST = / [·•] /;
const LINE_BREAK = /\r\n|\r|\n/;
const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const MARKDOWN_RULE = /^\s*([-*_]\s*){3,}$/;
const BOLD_WHOLE = /^\*\*([^*].*?)\*\*\s*[:.]?$/;
/** Tabs, non-breaking or doubled spaces: anything a single plain space should replace. */
const UNTIDY_SPACE = /[^\S ]| {2}/;

/** "2 - RENDRE L'OFFRE…", "3.1- Consolider…" above the sheet's number. */
const NUMBERED_AXIS = /^(\d{1,2}(?:\.\d{1,2})*)\s*[-–—:.)]\s*(\S.*)$/u;
/** "Pilier 1", "Axe 2 : Titre". */
const AXIS_KINDS = String.raw`pilier|axe|sous[- ]axe|orientation|volet|priorit[ée]|objectif strat[ée]gique|enjeu strat[ée]gique|th[ée]matique|programme`;
const NAMED_AXIS = new RegExp(
  String.raw`^(${AXIS_KINDS})(?:\s+(?:strat[ée]gique|op[ée]rationnel(?:le)?|prioritaire|th[ée]matique|[A-Z]{2,6}))?\s*(?:n\s*°\s*)?:?\s*(\d{1,2}(?:\.\d{1,2})*|[A-Z](?![\p{L}\d]))\s*(?:[-–—:.]\s*(.*))?$`,
  'iu',
);
/** "Pilier Cohésion sociale": a level named by its theme, not numbered. */
const THEMED_AXIS = /^(\p{L}+(?:[- ]axe)?)\s*:?\s+(\p{Lu}[^–—:|\d]{2,60})$/u;
const AXIS_KIND = new RegExp(String.raw`^(?:${AXIS_KINDS})$`, 'iu');
/** Levels that only name the plan's tree: « Priorité 1 : … » or « Volet 2 : … » inside a section may be its content. */
const BODY_AXIS_KINDS = /^(?:axe|sous[- ]axe|pilier)$/i;
/** "Pilier Cohésion sociale – Axe 3 : …": several levels on one line. */
const AXIS_SPLIT = new RegExp(String.raw`\s+[–—|]\s+(?=(?:${AXIS_KINDS})\b)`, 'iu');

const ACTION_REFS = /\bactions?\s+((?:\d{1,2}(?!\d)\s*(?:,|et|&|a|au|-|–|and|to)?\s*)+)/g;
const YEAR = /\b(?:19|20)\d{2}\b/g;
/** An "Action 1 : …" heading whose text is a sentence carries the action's content, not its title. */
const MAX_ACTION_TITLE = 80;

function readLine(raw: string): Line {
  const heading = MARKDOWN_HEADING.exec(raw);
  const rule = MARKDOWN_RULE.test(raw);
  const source = heading ? heading[2] : rule ? '' : raw;
  const subBullet = !heading && SUB_BULLET.test(raw);
  const text = (UNTIDY_SPACE.test(source) ? source.replace(/\s+/g, ' ') : source).trim();
  const base: Line = {
    text,
    blank: text.length === 0,
    markdownHeading: heading !== null,
    markdownLevel: heading ? heading[1].length : 0,
    tabLed: /^\t/.test(raw) && !subBullet,
    indented: /^ +\S/.test(raw) || subBullet,
    marked: false,
    bulleted: false,
    bold: false,
    boldLed: false,
    body: text,
  };
  if (base.blank) return base;
  let body = subBullet ? text.slice(1).trim() : text;
  let number: string | undefined;
  let marked = subBullet;
  let bulleted = subBullet;
  if (!base.markdownHeading) {
    for (let guard = 0; guard < 4; guard++) {
      const bullet = BULLET.exec(body);
      if (bullet && bullet[0].length > 0 && body.length > bullet[0].length) {
        body = body.slice(bullet[0].length);
        marked = true;
        bulleted = true;
        continue;
      }
      const numbering = number === undefined ? NUMBERING.exec(body) : null;
      if (numbering && body.length > numbering[0].length) {
        number = numbering[1];
        body = body.slice(numbering[0].length);
        marked = true;
        continue;
      }
      break;
    }
  }
  const bold = BOLD_WHOLE.test(body);
  const boldLed = !bold && /^\*\*[^*]{1,60}\*\*\s*:|^\*\*[^*]{1,60}:\*\*/.test(body);
  if (body.includes('**') || body.includes('__')) body = body.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
  // Built field by field rather than spread: this runs for every line of every sheet.
  return {
    text,
    blank: body.length === 0,
    markdownHeading: base.markdownHeading,
    markdownLevel: base.markdownLevel,
    tabLed: base.tabLed,
    indented: base.indented,
    marked,
    bulleted,
    ...(number !== undefined ? { number } : {}),
    bold,
    boldLed,
    body,
  };
}

function axisStep(text: string, beforeCode: boolean): AxisStep | undefined {
  const named = NAMED_AXIS.exec(text);
  if (named) {
    const title = named[3]?.trim();
    return { kind: named[1].charAt(0).toUpperCase() + named[1].slice(1).toLowerCase(), number: named[2], ...(title ? { title } : {}) };
  }
  const themed = THEMED_AXIS.exec(text);
  if (themed && AXIS_KIND.test(themed[1])) {
    return { kind: themed[1].charAt(0).toUpperCase() + themed[1].slice(1).toLowerCase(), number: themed[2].trim() };
  }
  // A numbered line after the sheet's number is an item, not an axis.
  const numbered = beforeCode ? NUMBERED_AXIS.exec(text) : null;
  if (numbered) return { number: numbered[1], title: numbered[2].trim() };
  return undefined;
}

/** The plan's levels a line names: one ("Axe 2 : Titre") or several ("Pilier Cohésion sociale – Axe 3 : Titre"). */
function readAxisLine(written: string, beforeCode: boolean): AxisStep[] | undefined {
  // « **Axe 3 — Petite enfance** »: a plan's level set apart in bold is still that level.
  const text = written.includes('**') || written.includes('__') ? written.replace(/\*\*|__/g, '').trim() : written;
  const whole = axisStep(text, beforeCode);
  if (whole && !AXIS_SPLIT.test(text)) return [whole];
  const parts = text.split(AXIS_SPLIT);
  if (parts.length < 2) return whole ? [whole] : undefined;
  const steps = parts.map((part) => axisStep(part.trim(), beforeCode));
  return steps.every((step): step is AxisStep => step !== undefined) ? steps : whole ? [whole] : undefined;
}

/** A new step replaces its level and those below it: a plan exported whole walks its tree from sheet to sheet. */
function enterAxis(path: readonly AxisStep[], step: AxisStep): AxisStep[] {
  if (step.kind) {
    const same = path.findIndex((known) => known.kind === step.kind);
    return same >= 0 ? [...path.slice(0, same), step] : [...path, step];
  }
  const kept = path.filter((known) => known.kind !== undefined || step.number.startsWith(`${known.number}.`));
  return [...kept, step];
}

interface ItemDraft {
  text: string;
  number?: string;
  level: 0 | 1;
  marked: boolean;
  groupHead: boolean;
}

interface SectionDraft {
  heading: string;
  field: SheetField;
  actionNumber?: number;
  actionTitle?: string;
  items: ItemDraft[];
  groupOpen: boolean;
  /** The group head was itself a bullet: a bullet as far left closes the group. */
  groupByBullet: boolean;
}

interface HeadingFound {
  heading: string;
  field: SheetField;
  actionNumber?: number;
  actionTitle?: string;
  inlineItem?: string;
  /** An item with its own number ("Obj. 1 – Repérer…"): it goes into the field's section. */
  numberedItem?: { number: string; text: string };
  /** A label written as "Label : value" or "Label :": under an action, it is a part of that action. */
  labelForm: boolean;
}

/** A label is short; a sentence is not one. */
const MAX_LABEL = 60;
const MAX_LABEL_WORDS = 7;
const SENTENCE_END = /[.;,!?…]$/;
/** "Obj. 1 – Repérer…", "Objectif 2 : …": an item numbered under a field's label. */
const NUMBERED_LABEL_ITEM = /^([\p{L}][\p{L}'’ ]{0,20}?\.?)\s*(?:n\s*°\s*)?(\d{1,2})\s*[-–—:.)]\s+(\S.*)$/u;
/** "Échéance : fin 2024", "Éch. 2025" at the end of an action or objective. */
const INLINE_DEADLINE = /(?:^|[.;,]\s*|\s[-–—]\s*|\s)([EÉeé]ch(?:[ée]ance|[ée]ancier)?s?\.?|[Dd]élai|[Cc]alendrier)\s*:?\s*((?:fin |début |d[ée]but |mi-|courant |avant |d[èe]s |à partir de |en )?[^.;]*?\b(?:19|20)\d{2}(?:\s*[-–à]\s*(?:19|20)?\d{2,4})?)\s*\.?$/u;

/**
 * « Pilote », « Partenaires », « Échéance » before a colon: a whole phrase of the headings vocabulary, written as a label
 * (capitalised). « Pas de financement spécifique : … » or « le budget : … » are words of the text.
 */
function isVocabularyLabel(head: string): boolean {
  const known = knownHeading(head);
  return known !== undefined && known.tail === '' && /^\p{Lu}/u.test(head);
}

function isShortLabel(text: string): boolean {
  return text.length > 0 && text.length <= MAX_LABEL && text.split(' ').length <= MAX_LABEL_WORDS && !SENTENCE_END.test(text) && /^[\p{Lu}\d]/u.test(text);
}

/** Fields whose « Label : a ; b » value is a list, each part an item the answers quote on its own. */
const LIST_FIELDS: ReadonlySet<SheetField> = new Set<SheetField>(['pilot', 'partners', 'funding', 'results', 'deadlines', 'links']);

/** Splits on « ; » outside parentheses: « Caf (fonds publics ; territoires) ; MSA » has two parts. */
function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    else if (char === ';' && depth === 0) {
      parts.push(text.slice(from, at));
      from = at + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/**
 * The items of an inline label's value: « Indicateurs : a ; b » gives a and b, as a list under a heading would. Commas
 * are left alone: « Partenaires : Caf, MSA » reads the same either way, and a comma is as often inside a sentence.
 */
function inlineListParts(value: string, field: SheetField): string[] {
  return LIST_FIELDS.has(field) ? splitOutsideParentheses(value) : [value];
}

class SectionReader {
  readonly sections: SectionDraft[] = [];
  private current: SectionDraft | undefined;
  /** The field of the section being read, if any. */
  get currentField(): SheetField | undefined {
    return this.current?.field;
  }
  private lastWasHeading = false;
  private lastWasLabel = false;
  private lastItemLine = -1;
  /** The action whose parts follow ("Action 2" then "Pilote : …", "Échéance : …"). */
  private actionBlock: { number: number; level: number } | undefined;

  constructor(
    private readonly lines: Line[],
    /** The sheet sets its headings apart as bare short lines ("Diag.", "Points de vigilance"): see bareLabelStyle. */
    private readonly bareLabels: boolean,
  ) {}

  private prevBlank(index: number): boolean {
    return index === 0 || this.lines[index - 1].blank;
  }

  private nextBlank(index: number): boolean {
    return index === this.lines.length - 1 || this.lines[index + 1].blank;
  }

  /** The heading this line starts, if it is one. */
  heading(index: number): HeadingFound | undefined {
    const line = this.lines[index];
    if (line.blank || line.bulleted) return undefined;
    const prevBlank = this.prevBlank(index);
    const nextBlank = this.nextBlank(index);
    if (line.marked) return this.numberedHeading(line, line.body, false, prevBlank, nextBlank);
    const text = line.body;
    const dotted = HEADING_NUMBER.exec(text);
    if (dotted) {
      const found = this.numberedHeading(line, dotted[1], true, prevBlank, nextBlank);
      if (found) return found;
    }
    const caps = isUpperCase(text);
    const standsOut = line.markdownHeading || line.bold || line.boldLed || line.tabLed || prevBlank || this.lastWasHeading || caps;
    const current = this.current;

    const action = actionHeading(text);
    if (action) {
      // "Action 1 : 2024" under "Échéances" is a deadline line; an action heading stands apart, or follows actions.
      const amongActions = current === undefined || current.field === 'actions' || current.field === 'other';
      const apart = line.markdownHeading || line.bold || line.boldLed || line.tabLed || caps || prevBlank;
      if (apart || (amongActions && (this.lastWasHeading || current?.actionNumber !== undefined))) {
        const title = action.title;
        const long = title !== undefined && (title.length > MAX_ACTION_TITLE || /[.;]$/.test(title));
        return {
          heading: long ? text.slice(0, text.length - (title?.length ?? 0)).replace(/[\s:–—-]+$/, '') : text,
          field: 'actions',
          actionNumber: action.number,
          ...(title && !long ? { actionTitle: title } : {}),
          ...(title && long ? { inlineItem: title } : {}),
          labelForm: false,
        };
      }
    }
    if (line.markdownHeading) return { heading: text, field: labelField(text), labelForm: false };
    const known = knownHeading(text);
    // "Actions 1 à 2 : 2023 à 2025" starts like a heading but carries content after its colon.
    if (known && standsOut && !SENTENCE_END.test(text) && !/:\s*\S/.test(text)) {
      return { heading: text.replace(/\s*:$/, ''), field: known.field, labelForm: /:$/.test(text) };
    }
    // « Pilote » alone on its line, its value on the next: a plain-text export that lost the heading's style. Only the
    // whole phrase counts, capitalised as a heading is; a word of a wrapped sentence is lower case or has company.
    if (known && known.tail === '' && /^\p{Lu}/u.test(text) && !line.indented && index < this.lines.length - 1) {
      return { heading: text.replace(/\s*:$/, ''), field: known.field, labelForm: /:$/.test(text) };
    }

    const colon = text.indexOf(':');
    if (colon > 0) {
      const found = this.labelHeading(line, text.slice(0, colon).trim(), text.slice(colon + 1).trim(), prevBlank, standsOut);
      if (found) return found;
    }

    if (isAbbreviatedLabel(text) && prevBlank) return { heading: text, field: labelField(text), labelForm: false };
    const numberedItem = NUMBERED_LABEL_ITEM.exec(text);
    if (numberedItem && prevBlank || (numberedItem && current !== undefined && current.field === labelField(numberedItem[1]))) {
      const field = labelField(numberedItem[1]);
      if (field !== 'other' && field !== 'actions' && (isAbbreviatedLabel(numberedItem[1]) || knownHeading(numberedItem[1]))) {
        return { heading: numberedItem[1].trim(), field, numberedItem: { number: numberedItem[2], text: numberedItem[3].trim() }, labelForm: false };
      }
    }

    // A heading the model does not know stands alone between blank lines; the first line under a heading that is
    // still empty is that heading's content, however it looks.
    const mayOpen = current === undefined || current.items.length > 0 || current.field === 'other';
    if (!mayOpen || /^\d/.test(text) || !prevBlank) return undefined;
    if (caps && text.length <= 120 && nextBlank) return { heading: text, field: 'other', labelForm: false };
    if (line.tabLed && nextBlank && text.length <= 60 && !/[.;:,!?…]$/.test(text) && /^\p{Lu}/u.test(text)) {
      return { heading: text, field: 'other', labelForm: false };
    }
    if (line.bold && text.length <= 80 && nextBlank) return { heading: text.replace(/\s*:$/, ''), field: 'other', labelForm: false };
    if (line.bold && isShortLabel(text.replace(/\s*:$/, ''))) return { heading: text.replace(/\s*:$/, ''), field: labelField(text), labelForm: false };
    if (this.bareLabels && !nextBlank && isShortLabel(text) && text.length <= 40) return { heading: text, field: labelField(text), labelForm: false };
    return undefined;
  }

  /** "1. Contexte", "1.1 Constats chiffrés", "II. Objectifs". */
  private numberedHeading(line: Line, label: string, dotted: boolean, prevBlank: boolean, nextBlank: boolean): HeadingFound | undefined {
    if (line.number === undefined && !dotted) return undefined;
    if (!/^\d/.test(line.number ?? '1') || !isShortLabel(label)) return undefined;
    const known = knownHeading(label);
    const field = labelField(label);
    const apart = prevBlank && (nextBlank || dotted || (known !== undefined && known.tail === ''));
    if (!apart && !(dotted && this.lastWasHeading)) return undefined;
    // The first line under a heading is its content, however it looks ("Animateur", then "1. Udaf et …").
    if (!dotted && (field === 'other' || this.lastWasHeading)) return undefined;
    return { heading: label, field, labelForm: false };
  }

  /** "Pilote : Caf du Rhône", "Porteurs de projet :", "**Budget** : 8 000 €". */
  private labelHeading(line: Line, head: string, rest: string, prevBlank: boolean, standsOut: boolean): HeadingFound | undefined {
    if (!isShortLabel(head) || /\d/.test(head) || head.split(' ').length > 6) return undefined;
    // « Recenser les locaux. Échéance : 2025 »: a sentence ends before the label; the label is inside the text.
    const sentence = /^(.*?[.!?])\s+\p{Lu}/u.exec(head);
    if (sentence && !isAbbreviatedLabel(sentence[1])) return undefined;
    const field = labelField(head);
    const inAction = this.actionBlock !== undefined;
    if (rest.length === 0) {
      if (isVocabularyLabel(head)) return { heading: head, field, labelForm: true };
      if (!(prevBlank || this.lastWasLabel || this.lastWasHeading || line.boldLed || inAction)) return undefined;
      if (field === 'other' && !(prevBlank || line.boldLed)) return undefined;
      return { heading: head, field, labelForm: true };
    }
    const series = this.lastWasLabel || line.boldLed || inAction;
    // « Pilote : X », « Partenaires : A, B » on plain lines, one under the other (a Word sheet saved as text): a label
    // the headings vocabulary knows as a whole, capitalised, opens its field wherever it stands.
    if (isVocabularyLabel(head)) return { heading: head, field, inlineItem: rest, labelForm: true };
    if (field === 'other' ? !series : !(standsOut || series)) return undefined;
    // Inside a section, "Pas de financement spécifique : actions d'information…" is a statement that names a field,
    // not a heading: unless it is one of a run of labels, a label names its field by its first word or it is no label.
    const inSection = this.current !== undefined && this.current.heading !== '';
    if (field !== 'other' && inSection && !series && !isTitleLikeLabel(head)) return undefined;
    if (field === 'actions' && !line.boldLed && !inAction && !prevBlank) return undefined;
    return { heading: head, field, inlineItem: rest, labelForm: true };
  }

  openSection(found: HeadingFound, line: Line): void {
    const block = this.actionBlock;
    // Parts of an action ("Pilote : …" under "Action 2") keep their field and say which action they belong to.
    const partOfAction =
      block !== undefined &&
      found.actionNumber === undefined &&
      (found.labelForm || (line.markdownHeading && line.markdownLevel > block.level) || (found.field === 'actions' && !line.markdownHeading));
    if (found.numberedItem) {
      const current = this.current;
      if (!current || current.field !== found.field) this.push({ heading: found.heading, field: found.field });
      this.current?.items.push({ text: found.numberedItem.text, number: found.numberedItem.number, level: 0, marked: true, groupHead: false });
      this.lastWasHeading = false;
      this.lastWasLabel = false;
      this.actionBlock = undefined;
      return;
    }
    if (partOfAction && found.field === 'actions') {
      // "Description de l'action" under "Action 2": its text is the action's.
      if (found.inlineItem) this.current?.items.push({ text: found.inlineItem, level: 0, marked: false, groupHead: false });
      this.lastWasHeading = true;
      return;
    }
    if (found.actionNumber !== undefined) this.actionBlock = { number: found.actionNumber, level: line.markdownHeading ? line.markdownLevel : 7 };
    else if (!partOfAction) this.actionBlock = undefined;
    const current = this.current;
    const mergeable =
      current !== undefined &&
      current.items.length === 0 &&
      current.field === found.field &&
      current.field !== 'other' &&
      current.actionNumber === undefined &&
      found.actionNumber === undefined &&
      !partOfAction &&
      current.heading !== '';
    if (mergeable) {
      // "Partenaires mobilisables (dont habitants)" then "Dispositifs mobilisables": one table header on two lines.
      current.heading = `${current.heading} / ${found.heading}`;
    } else {
      const actionNumber = found.actionNumber ?? (partOfAction ? block?.number : undefined);
      this.push({ heading: found.heading, field: found.field, ...(actionNumber !== undefined ? { actionNumber } : {}), ...(found.actionTitle !== undefined ? { actionTitle: found.actionTitle } : {}) });
    }
    if (found.inlineItem) {
      if (found.labelForm) for (const part of inlineListParts(found.inlineItem, found.field)) this.addText(part);
      else this.addText(found.inlineItem);
    }
    this.lastWasHeading = true;
    this.lastWasLabel = found.labelForm;
  }

  private push(section: Pick<SectionDraft, 'heading' | 'field' | 'actionNumber' | 'actionTitle'>): void {
    // One object shape for every section (this runs for each heading of each sheet).
    const draft: SectionDraft = {
      heading: section.heading,
      field: section.field,
      actionNumber: section.actionNumber,
      actionTitle: section.actionTitle,
      items: [],
      groupOpen: false,
      groupByBullet: false,
    };
    this.current = draft;
    this.sections.push(draft);
  }

  private addText(text: string): void {
    const parts = INLINE_LIST.test(text) && text.split(INLINE_LIST).length >= 3 ? text.split(INLINE_LIST) : [text];
    for (const part of parts) if (part.trim()) this.current?.items.push({ text: part.trim(), level: 0, marked: parts.length > 1, groupHead: false });
  }

  addItem(index: number): void {
    const line = this.lines[index];
    if (!this.current) this.push({ heading: '', field: 'other' });
    const section = this.current as SectionDraft;
    const last = section.items.at(-1);
    const continues = !line.marked && last !== undefined && last.marked && this.lastItemLine === index - 1 && !this.lastWasHeading;
    this.lastWasHeading = false;
    this.lastWasLabel = false;
    this.lastItemLine = index;
    if (continues) {
      last.text = `${last.text} ${line.body}`;
      return;
    }
    if (!line.marked && INLINE_LIST.test(line.body) && line.body.split(INLINE_LIST).length >= 3) {
      this.addText(line.body);
      return;
    }
    const groupHead = line.bold || /:$/.test(line.body);
    let level: 0 | 1 = 0;
    if (groupHead) {
      section.groupOpen = true;
      section.groupByBullet = line.bulleted && !line.indented;
    } else if (section.groupOpen && section.groupByBullet && line.bulleted && !line.indented) {
      section.groupOpen = false;
    } else if (section.groupOpen) level = 1;
    else if (line.marked && line.indented && section.items.length > 0) level = 1;
    section.items.push({
      text: line.body,
      ...(line.number !== undefined ? { number: line.number } : {}),
      level,
      marked: line.marked,
      groupHead,
    });
  }

  blank(): void {
    this.lastItemLine = -1;
  }
}

/**
 * Whether the sheet sets its headings apart as bare short lines after a blank line, with their content right under
 * them ("Diag.", "Resp. (lead)", "Points de vigilance"): it does when two lines of that form are labels of known
 * fields. Then an unknown line of the same form is a heading too, rather than a line of the section above.
 */
function bareLabelStyle(lines: readonly Line[], from: number, to: number): boolean {
  let labels = 0;
  for (let i = from; i < to && labels < 2; i++) {
    const line = lines[i];
    if (line.blank || line.marked || line.markdownHeading || line.tabLed) continue;
    const prevBlank = i === 0 || lines[i - 1].blank;
    const nextBlank = i === lines.length - 1 || lines[i + 1].blank;
    if (!prevBlank || nextBlank) continue;
    const text = line.body;
    const label = isAbbreviatedLabel(text) || (isShortLabel(text) && text.length <= 40 && !isUpperCase(text) && !text.includes(':'));
    if (label && labelField(text) !== 'other') labels++;
  }
  return labels >= 2;
}

function buildActions(sections: SheetSection[], drafts: SectionDraft[]): SheetAction[] {
  const actions = new Map<number, SheetAction>();
  const headed = drafts.flatMap((draft) =>
    draft.field === 'actions' && draft.actionNumber !== undefined ? [{ ...draft, number: draft.actionNumber }] : [],
  );
  if (headed.length > 0) {
    for (const draft of headed) {
      const number = draft.number;
      const items = draft.items.map((item) => item.text);
      // Its labelled parts ("Pilote : …", "Échéance : …") complete the action as it is quoted.
      const parts = drafts
        .filter((part) => part.actionNumber === number && part.field !== 'actions')
        .flatMap((part) => part.items.map((item) => `${part.heading} : ${item.text}`));
      const content = [...(items.length > 0 || parts.length > 0 ? items : draft.actionTitle ? [draft.actionTitle] : []), ...parts];
      if (content.length === 0 || actions.has(number)) continue;
      actions.set(number, { number, ...(draft.actionTitle ? { title: draft.actionTitle } : {}), items: content });
    }
    return [...actions.values()];
  }
  // "Réalisations attendues" and the like: each top item is an action, numbered as the sheet numbers it.
  const items = sections.filter((s) => s.field === 'actions').flatMap((section) => section.items);
  const labels = ownActionLabels(items);
  let sequence = 0;
  let open: SheetAction | undefined;
  items.forEach((item, index) => {
    if (item.level === 1 && open) {
      open.items.push(item.text);
      return;
    }
    const label = labels[index];
    const own = label?.number ?? (item.number !== undefined && /^\d+$/.test(item.number) ? Number(item.number) : undefined);
    sequence = own !== undefined && own > 0 ? own : sequence + 1;
    if (actions.has(sequence)) {
      open = undefined;
      return;
    }
    // Its label is said once, by the action's number: "Action 13.1 — Former…" is action 1, "Former…".
    open = { number: sequence, items: [label?.title ?? item.text] };
    actions.set(sequence, open);
  });
  return [...actions.values()];
}

/**
 * Items of an actions section that carry the sheet's own label ("**Action 12.1** — Recenser les locaux"), by index:
 * that label numbers the action (its last part, as for "Action 7.2" headings). Labels that would give two actions the
 * same number ("Action 1.1", "Action 2.1") number nothing, and the items stay whole.
 */
function ownActionLabels(items: readonly SheetSection['items'][number][]): Array<{ number: number; title: string } | undefined> {
  const labels = items.map((item) => {
    if (item.level !== 0 || item.number !== undefined) return undefined;
    const label = actionHeading(item.text);
    return label?.title ? { number: label.number, title: label.title } : undefined;
  });
  const numbers = labels.flatMap((label) => (label ? [label.number] : []));
  return new Set(numbers).size === numbers.length ? labels : labels.map(() => undefined);
}

/** "Actions 1 et 2", "actions 1 à 3", "action 4" → [1, 2], [1, 2, 3], [4]. */
export function actionNumbersIn(text: string): number[] {
  const found = new Set<number>();
  for (const match of fold(text).matchAll(ACTION_REFS)) {
    const parts = match[1].match(/\d{1,2}|a|au|-|–|to/g) ?? [];
    let previous: number | undefined;
    let range = false;
    for (const part of parts) {
      if (/^\d/.test(part)) {
        const value = Number(part);
        if (range && previous !== undefined && value > previous && value - previous <= 20) {
          for (let n = previous + 1; n <= value; n++) found.add(n);
        } else if (value > 0) found.add(value);
        previous = value;
        range = false;
      } else range = true;
    }
  }
  return [...found].sort((a, b) => a - b);
}

function yearsIn(text: string): number[] {
  return [...new Set((text.match(YEAR) ?? []).map(Number))].sort((a, b) => a - b);
}

function buildDeadlines(sections: SheetSection[], actions: readonly SheetAction[]): SheetDeadline[] {
  const deadlines: SheetDeadline[] = sections
    .filter((section) => section.field === 'deadlines')
    .flatMap((section) =>
      section.items.map((item) => ({
        text: item.text,
        actions: section.actionNumber !== undefined ? [section.actionNumber] : actionNumbersIn(item.text),
        years: yearsIn(item.text),
      })),
    );
  const said = new Set(deadlines.map((deadline) => deadline.text));
  // "Action 7.1 – Proposer … Échéance : fin 2024.": a deadline written inside an action, or a numbered objective.
  const dated = new Set(deadlines.flatMap((deadline) => deadline.actions));
  for (const action of actions) {
    if (dated.has(action.number)) continue;
    for (const text of action.items) {
      const match = INLINE_DEADLINE.exec(text);
      if (!match) continue;
      const line = `Action ${action.number} : ${match[2].trim()}`;
      if (!said.has(line) && !said.has(`Échéance : ${match[2].trim()}`)) deadlines.push({ text: line, actions: [action.number], years: yearsIn(match[2]) });
    }
  }
  for (const section of sections) {
    if (section.field === 'actions' || section.field === 'deadlines') continue;
    for (const item of section.items) {
      if (item.number === undefined) continue;
      const match = INLINE_DEADLINE.exec(item.text);
      if (match) deadlines.push({ text: `${section.heading} ${item.number} : ${match[2].trim()}`, actions: [], years: yearsIn(match[2]) });
    }
  }
  return deadlines;
}

/**
 * DOMAIN.md: deadlines « may differ per action ». When a sheet states them only inside its actions (« Échéance : fin
 * 2024 » at the end of an action's text) or its numbered objectives, they are gathered into a deadlines section of
 * their own, after the actions, so that a question about the sheet's deadlines finds them; the texts are the
 * deadlines' own, one per action or objective.
 */
function withActionDeadlines(sections: SheetSection[], deadlines: readonly SheetDeadline[]): SheetSection[] {
  const written = new Set(sections.filter((section) => section.field === 'deadlines').flatMap((section) => section.items.map((item) => item.text)));
  // An objective's own (« Obj. 1 – … Éch. 2023 ») as well: without them, « quand ? » would be told the sheet has none.
  const gathered = deadlines.filter((deadline) => !written.has(deadline.text));
  if (gathered.length === 0 || sections.some((section) => section.field === 'deadlines' && section.actionNumber === undefined)) return sections;
  let after = sections.length;
  for (let index = sections.length - 1; index >= 0; index--) {
    if (sections[index].field === 'actions' || sections[index].actionNumber !== undefined) {
      after = index + 1;
      break;
    }
  }
  const section: SheetSection = { heading: '', field: 'deadlines', items: gathered.map((deadline) => ({ text: deadline.text, level: 0 })), derived: true };
  return [...sections.slice(0, after), section, ...sections.slice(after)];
}

/** A line underlined with « ==== » or « ---- » (Markdown's other heading form, common in plain text). */
const UNDERLINE = /^\s*(=+|-+)\s*$/;

function setextHeadings(content: string): string {
  if (!/\n\s*(?:={3,}|-{3,})\s*(?:\r?\n|$)/.test(content)) return content;
  const lines = content.split(LINE_BREAK);
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const under = UNDERLINE.exec(lines[index + 1] ?? '');
    if (under && (under[1] as string).length >= 3 && line.trim() !== '' && !BULLET.test(line.trim()) && !UNDERLINE.test(line)) {
      // « ==== » underlines the document's or the sheet's title, read as such; « ---- » a section's heading.
      out.push((under[1] as string).startsWith('=') ? line : `## ${line.trim()}`);
      index++;
    } else out.push(line);
  }
  return out.join('\n');
}

/** « PA 9.8.7 - Ribambelle »: a sheet's code with its own title after it. */
function codeWithTitle(crumb: string): boolean {
  const code = readCodeLine(crumb.trim());
  return code !== undefined && !isActionCode(code) && /[\p{L}\p{N}]/u.test(code.title);
}

/**
 * The lines of a file, tables rewritten (labelled blocks, or a section's items) and breadcrumbs cut into their parts;
 * `problems` says which tables could not be read.
 */
function fileLines(content: string): { lines: Line[]; problems: string[] } {
  const lines: Line[] = [];
  const tables = readTables(setextHeadings(content.replace(/^\uFEFF/, '')));
  for (const raw of tables.text.split(LINE_BREAK)) {
    const plain = plainText(raw);
    for (const part of plain === raw ? [raw] : plain.split(LINE_BREAK)) {
      const crumbs = part.includes('|') && BREADCRUMB.test(part) && !/^\s*\|/.test(part) && !BULLET.test(part.trim()) ? part.split(BREADCRUMB) : [part];
      // A breadcrumb's every part says something (« SDAVS 84 | Orientation 2 »); a bar inside an item is its text.
      // A line that opens with a sheet's code and its title (« PA 9.8.7 - Ribambelle | Farandole ») is that title,
      // bar and all; a code standing alone in a crumb (« SDAVS 84 | Fiche 2.1.4 | Accompagner… ») is a breadcrumb's part.
      if (crumbs.length > 1 && crumbs.every((crumb) => /[\p{L}\p{N}]{2}/u.test(crumb)) && !codeWithTitle(crumbs[0] as string)) for (const crumb of crumbs) lines.push(readLine(crumb));
      else lines.push(readLine(part));
    }
  }
  return { lines, problems: tables.problems };
}

interface SheetStart {
  index: number;
  code: CodeLine;
  /** The code was read in the text (not guessed from the file name): what stands above it is not the sheet's. */
  fromText?: true;
}

/** Where each sheet of the file starts: its code line. */
function findStarts(lines: readonly Line[]): SheetStart[] {
  const candidates: SheetStart[] = [];
  let nonBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.blank) continue;
    nonBlank++;
    if (line.bulleted) continue;
    const code = readCodeLine(line.body);
    // "Action 1 : …" is an action of a sheet; it is a sheet's code only with a plan's dotted number or at the top.
    if (code && (!isActionCode(code) || code.number.includes('.') || nonBlank <= 3)) candidates.push({ index: i, code, fromText: true });
  }
  const first = candidates.find((start) => !isActionCode(start.code)) ?? candidates[0];
  if (!first) return [];
  const starts = [first];
  const numbers = new Set([first.code.number]);
  for (const candidate of candidates) {
    if (candidate.index <= first.index || numbers.has(candidate.code.number) || !sameFamily(candidate.code, first.code)) continue;
    const line = lines[candidate.index];
    const apart = line.markdownHeading || line.bold || candidate.index === 0 || lines[candidate.index - 1].blank;
    if (!apart) continue;
    starts.push(candidate);
    numbers.add(candidate.code.number);
  }
  return starts;
}

/** A sheet with no number in its text: its title line, numbered after the file name when that gives a number. */
function startFromFileName(lines: readonly Line[], file: string): SheetStart | string {
  const fromName = codeFromFileName(file);
  const titleIndex = lines.findIndex((line) => !line.blank && !line.marked && !readAxisLine(line.text, true) && labelField(line.body) === 'other');
  if (titleIndex < 0) return 'no sheet number found, and no title line';
  if (!fromName) {
    return 'no sheet number found in the text (a line such as "PA 2.3.2 - Title", "Fiche action n°4", "Action 3.4 – Title") nor in the file name (such as "fiche-2.3.2.txt")';
  }
  return { index: titleIndex, code: { ...fromName, title: lines[titleIndex].body.replace(/[\s:]+$/, '') } };
}

function parseSegment(
  lines: Line[],
  range: { from: number; to: number },
  start: SheetStart,
  inheritedAxis: readonly AxisStep[],
  source: SheetSource,
): { outcome: ParseOutcome; axis: AxisStep[] } {
  const code = start.code;
  let axis = [...inheritedAxis];
  const reader = new SectionReader(lines.slice(0, range.to), bareLabelStyle(lines, start.index + 1, range.to));

  // Above the code: the plan's levels, and in the file's first sheet the document's own title and preamble (« Schéma
  // départemental … — Fiches actions »), which belong to no sheet. Only a sheet found by its file name, whose start is
  // a guess, keeps what stands above it.
  let preamble: string | undefined;
  for (let i = range.from; i < start.index; i++) {
    const line = lines[i];
    if (line.blank) continue;
    const steps = readAxisLine(line.text, true);
    if (steps) for (const step of steps) axis = enterAxis(axis, step);
    else if (range.from === 0 && !start.fromText) reader.addItem(i);
    else if (range.from === 0 && !line.marked) preamble = line.body;
  }
  const planAxis = axis;

  let title = code.title;
  let index = start.index + 1;
  let inPreamble = true;
  // Before the first heading: the plan's levels, the title when the code line had none, "Intitulé : …".
  for (; index < range.to && inPreamble; index++) {
    const line = lines[index];
    if (line.blank) continue;
    const steps = readAxisLine(line.body, false);
    if (steps) {
      for (const step of steps) axis.push(step);
      continue;
    }
    const colon = line.body.indexOf(':');
    if (colon > 0 && isTitleLabelLine(line.body.slice(0, colon))) {
      if (!title) title = line.body.slice(colon + 1).trim();
      continue;
    }
    if (!title) {
      // A title may well start like a heading ("ACTIONS EN FAVEUR DE…"); only a bare heading, or one set apart by a
      // blank line, is taken for the first section.
      const apart = index > start.index + 1 && lines[index - 1].blank;
      const known = knownHeading(line.body);
      const isHeading =
        line.markdownHeading ||
        actionHeading(line.body) !== undefined ||
        (known !== undefined && (known.tail === '' || apart)) ||
        isAbbreviatedLabel(line.body) ||
        /:$/.test(line.body);
      if (!isHeading) {
        title = line.body.replace(/[\s:]+$/, '');
        continue;
      }
    }
    inPreamble = false;
    index--;
  }
  // « Soutenir les parents » above a bare « Fiche action 4 »: the line right above the code was the sheet's title.
  if (!title && preamble !== undefined && start.index > 0 && !lines[start.index - 1].blank && lines[start.index - 1].body === preamble) {
    title = preamble.replace(/[\s:]+$/, '');
  }
  if (!title) return { outcome: { ok: false, reason: `no title after "${code.prefix} ${code.number}"` }, axis: planAxis };

  for (; index < range.to; index++) {
    const line = lines[index];
    if (line.blank) {
      reader.blank();
      continue;
    }
    // « Axe 2 : Parentalité » among the sheet's fields, or in bold: the plan's level the sheet sits under, said once
    // per level. A links section names other axes, and a list item is content.
    const level = !line.marked && !line.markdownHeading && reader.currentField !== 'links' ? readAxisLine(line.text, false) : undefined;
    if (level && level.every((step) => step.kind !== undefined && BODY_AXIS_KINDS.test(step.kind) && !axis.some((known) => known.kind === step.kind))) {
      axis.push(...level);
      continue;
    }
    const found = reader.heading(index);
    if (found) {
      reader.openSection(found, line);
      continue;
    }
    reader.addItem(index);
  }

  const sections: SheetSection[] = reader.sections.map((draft) => ({
    heading: draft.heading,
    field: draft.field,
    ...(draft.actionNumber !== undefined ? { actionNumber: draft.actionNumber } : {}),
    items: draft.items.map((item) => ({ text: item.text, ...(item.number !== undefined ? { number: item.number } : {}), level: item.level })),
  }));
  const actions = buildActions(sections, reader.sections);
  const deadlines = buildDeadlines(sections, actions);

  const parsed = SheetSchema.safeParse({
    id: sheetIdentity(source.plan.id, code.number),
    plan: source.plan,
    file: source.file,
    prefix: code.prefix,
    number: code.number,
    code: `${code.prefix} ${code.number}`,
    ...(code.version ? { version: code.version } : {}),
    title,
    axis,
    sections: withActionDeadlines(sections, deadlines),
    actions,
    deadlines,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { outcome: { ok: false, reason: `does not fit the sheet model: ${issue.path.join('.')} ${issue.message}` }, axis: planAxis };
  }
  return { outcome: { ok: true, sheet: parsed.data }, axis: planAxis };
}

const TITLE_LABEL_LINE = /^(?:intitul[ée]|titre|libell[ée]|nom de l'action|nom de la fiche|objet|title)(?:\s+de\s+l[a']?\s*(?:action|fiche(?:\s+action)?))?$/i;
function isTitleLabelLine(head: string): boolean {
  return TITLE_LABEL_LINE.test(head.replace(/\*\*/g, '').trim());
}

/** Every sheet a file holds (one, or a whole plan's). */
export function parseSheets(content: string, source: SheetSource): SheetsOutcome {
  if (content.includes('\u0000')) return { ok: false, reason: 'binary file, not text' };
  const { lines, problems: tableProblems } = fileLines(content);
  if (lines.every((line) => line.blank)) return { ok: false, reason: 'empty file' };

  let starts = findStarts(lines);
  if (starts.length === 0) {
    const start = startFromFileName(lines, source.file);
    if (typeof start === 'string') return { ok: false, reason: start };
    starts = [start];
  }
  // Each sheet takes the plan's levels written just above its code ("Axe 2 : …" then "Fiche 2.1").
  const bounds = starts.map((start, k) => {
    if (k === 0) return 0;
    let from = start.index;
    while (from > starts[k - 1].index + 1 && (lines[from - 1].blank || readAxisLine(lines[from - 1].text, true) !== undefined)) from--;
    return from;
  });
  const sheets: Sheet[] = [];
  const problems: string[] = [...tableProblems];
  let axis: AxisStep[] = [];
  starts.forEach((start, k) => {
    const range = { from: bounds[k], to: k + 1 < starts.length ? bounds[k + 1] : lines.length };
    const parsed = parseSegment(lines, range, start, k === 0 ? [] : axis, source);
    axis = parsed.axis;
    if (parsed.outcome.ok) {
      sheets.push(parsed.outcome.sheet);
      const unknown = knowsNoField(parsed.outcome.sheet);
      if (unknown) problems.push(unknown);
    }
    else problems.push(starts.length > 1 ? `${start.code.prefix} ${start.code.number}: ${parsed.outcome.reason}` : parsed.outcome.reason);
  });
  if (sheets.length === 0) return { ok: false, reason: problems.slice(tableProblems.length)[0] ?? 'no sheet found' };
  return { ok: true, sheets, problems };
}

/**
 * A sheet loaded with no section the model knows: every question about its pilot or partners would be answered « no
 * such section », so the people who load the plan are told, with the headings the sheet has.
 */
function knowsNoField(sheet: Sheet): string | undefined {
  if (sheet.sections.some((section) => section.field !== 'other' && section.items.length > 0)) return undefined;
  const headings = sheet.sections.map((section) => section.heading).filter((heading) => heading.length > 0);
  const seen = headings.length > 0 ? `its headings (${headings.slice(0, 5).map((heading) => `« ${heading} »`).join(', ')}) name none` : 'no heading was found';
  return `${sheet.code}: no known section (pilot, partners, funding, actions, deadlines, indicators…): ${seen}. The sheet is loaded, its text kept as « Autres informations »; write each section as a heading line or « Label : value »`;
}

/** The first sheet of a file (a file of one sheet, as the seed plans have). */
export function parseSheetText(content: string, source: SheetSource): ParseOutcome {
  const outcome = parseSheets(content, source);
  return outcome.ok ? { ok: true, sheet: outcome.sheets[0] } : outcome;
}

import { isMostlyUpperCase } from '../display';
import { actionHeading, headingKey, isCodeLabel, isTitleLabel, knownHeading, labelField } from '../headings';
import type { SheetField } from '../model';
import { isActionCode, readCodeLine } from './codes';

/**
 * Tables in a sheet come in two kinds, told apart by where they stand and what their rows say.
 *
 * The sheet's own layout: a two-column table — a Word table exported to Markdown (`| Rubrique | Contenu |`, `<br>` in
 * cells, an empty first cell for a row that continues the one above), the same as HTML, or pasted as text (label,
 * tab, value) — rewritten as the labelled blocks the line reader knows: each row becomes a `### Label` heading followed
 * by its value, one line per line of the cell. Rows that say which sheet this is are written as the line a plan would
 * write: "Fiche action B2", "Intitulé : …", "Thématique : B – Parentalité".
 *
 * A section's content: a table under a section's heading (`## Partenaires` then `| Partenaire | Rôle |`) is a list,
 * one item a row, its cells joined into one line ("MSA — repérage des familles", "Caf du Nord : 180 000 €"). Its cells
 * are never headings, and its header row names columns, not sections. A table under a heading the model knows is
 * always such a list; under an unknown heading, it is one when its rows are not, for the most part, labels of fields.
 *
 * Everything else is left as it was. A table that cannot be read as either is kept as text and reported.
 */

interface Row {
  label: string;
  values: string[];
}

/** Column headers of a table that holds label/value rows: the header row names no field, it is dropped. */
const GENERIC_HEADERS: ReadonlySet<string> = new Set([
  'rubrique', 'rubriques', 'contenu', 'contenus', 'champ', 'champs', 'valeur', 'valeurs', 'element', 'elements', 'libelle',
  'description', 'information', 'informations', 'detail', 'details', 'item', 'items', 'critere', 'field', 'value', 'content',
]);
/** Axis levels a table row may name. */
const AXIS_LABEL = /^(pilier|axe|sous[- ]axe|orientation|volet|priorit[ée]|th[ée]matique|programme|enjeu strat[ée]gique|objectif strat[ée]gique)\b/iu;
const NUMBER_VALUE = /^(?:n\s*°\s*)?(?:[A-Z]{1,2}[.-]?)?\d{1,2}(?:\.\d{1,2}){0,3}$/u;
const CELL_BREAK = /<br\s*\/?>|<\/p>\s*<p[^>]*>|\n/gi;
const MAX_LABEL_LENGTH = 80;

function cellLines(cell: string): string[] {
  return cell
    .split(CELL_BREAK)
    .map((line) => line.replace(/<\/?p[^>]*>/gi, '').trim())
    .filter((line) => line.length > 0);
}

/** One row written as the line reader expects it. */
function rowText(row: Row): string[] {
  const label = row.label.replace(/\*\*|__/g, '').replace(/\s*:\s*$/, '').trim();
  const values = row.values;
  const single = values.length === 1 ? values[0] : undefined;
  if (single !== undefined && isCodeLabel(label) && NUMBER_VALUE.test(single)) {
    const prefix = /^(fiche|action|pa|fa)/i.test(label) ? label.replace(/\s*n\s*°.*$/i, '') : 'Fiche';
    return ['', `${prefix} ${single.replace(/^n\s*°\s*/i, '')}`, ''];
  }
  if (single !== undefined && isTitleLabel(label)) return ['', `${label} : ${single}`, ''];
  if (single !== undefined && AXIS_LABEL.test(label) && labelField(label) === 'other') return ['', `${label} : ${single}`, ''];
  return ['', `### ${label}`, ...values, ''];
}

function rowsText(rows: readonly Row[]): string[] {
  return rows.flatMap(rowText);
}

/** Rows of cells → label/value rows; a row with an empty first cell continues the one above. */
function labelledRows(cells: ReadonlyArray<readonly string[]>): Row[] {
  const rows: Row[] = [];
  for (const row of cells) {
    const [first = '', ...rest] = row;
    const label = cellLines(first).join(' ');
    const values = rest.flatMap(cellLines);
    const last = rows.at(-1);
    if (label.length === 0) {
      if (last) last.values.push(...values);
      else if (values.length > 0) rows.push({ label: '', values });
      continue;
    }
    if (label.length > MAX_LABEL_LENGTH && last) {
      // A long first cell is text that spilled into the label column: it belongs to the row above.
      last.values.push(label, ...values);
      continue;
    }
    rows.push({ label, values });
  }
  return rows.filter((row) => row.label.length > 0 || row.values.length > 0);
}

/**
 * A table whose header names fields ("Action | Pilote | Échéance") holds one record a row: each becomes a block
 * headed by its first cell, with its other cells as "Header : value" lines.
 */
function recordRows(header: readonly string[], cells: ReadonlyArray<readonly string[]>): string[] {
  const names = header.map((cell) => cellLines(cell).join(' '));
  const actions = labelField(names[0] ?? '') === 'actions';
  return cells.flatMap((row, index) => {
    const first = cellLines(row[0] ?? '').join(' ');
    if (!first) return [];
    const head = actions ? `### Action ${index + 1} : ${first}` : `### ${first}`;
    const rest = row.slice(1).flatMap((cell, k) => {
      const value = cellLines(cell).join(' ; ');
      return value ? [`${names[k + 1] || 'Détail'} : ${value}`] : [];
    });
    return ['', head, ...rest, ''];
  });
}

/** Headers of a column that numbers rows: « N° », « Numéro », « # », or nothing. */
const NUMBER_HEADERS: ReadonlySet<string> = new Set(['', 'n', 'no', 'num', 'numero', 'n action', 'ref', 'reference']);
const ACTION_NUMBER = /^(?:n\s*°\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?$/;

interface ActionColumns {
  action: number;
  number: number | undefined;
}

/**
 * The columns of a table of actions: one named as the actions are (« Action », « Étape »), and maybe one that numbers
 * them. Such a table is the actions' when it stands under the actions' heading, or when its header is a record's
 * (« Action | Pilote | Échéance »), whatever column the actions are in.
 */
function actionTableColumns(header: readonly string[], place: SectionPlace): ActionColumns | undefined {
  const names = header.map((cell) => cellLines(cell).join(' ').replace(/\*\*|__/g, '').trim());
  if (names.length < 2 || !(place.field === 'actions' || isRecordHeader(header))) return undefined;
  const action = names.findIndex((name) => name.length > 0 && labelField(name) === 'actions');
  if (action < 0) return undefined;
  const number = names.findIndex((name, index) => index !== action && NUMBER_HEADERS.has(headingKey(name)));
  // « N° | Action » alone is a numbered list, read as one; blocks are for actions that have parts to carry.
  if (names.length - (number >= 0 ? 2 : 1) === 0) return undefined;
  return { action, number: number >= 0 ? number : undefined };
}

/** Each row an « Action n : … » block, its other cells as « Header : value » parts (« Échéance : mars 2026 »). */
function actionRows(header: readonly string[], body: ReadonlyArray<readonly string[]>, columns: ActionColumns): string[] {
  const names = header.map((cell) => cellLines(cell).join(' ').replace(/\*\*|__/g, '').trim());
  let sequence = 0;
  return body.flatMap((row) => {
    const title = cellText(row[columns.action] ?? '');
    if (!title) return [];
    const own = columns.number !== undefined ? ACTION_NUMBER.exec(cellText(row[columns.number] ?? '')) : null;
    sequence += 1;
    const rest = row.flatMap((cell, k) => {
      if (k === columns.action || k === columns.number) return [];
      const value = cellText(cell);
      return value ? [`${names[k] || 'Détail'} : ${value}`] : [];
    });
    return ['', `### Action ${own ? own[1] : sequence} : ${title}`, ...rest, ''];
  });
}

function isGenericHeader(cells: readonly string[]): boolean {
  return cells.every((cell) => {
    const key = headingKey(cell);
    return key.length === 0 || GENERIC_HEADERS.has(key) || key.split(' ').every((word) => GENERIC_HEADERS.has(word));
  });
}

/** A header of three columns or more, most of them fields: a table of records. */
function isRecordHeader(cells: readonly string[]): boolean {
  if (cells.length < 3) return false;
  const fields = cells.filter((cell) => labelField(cellLines(cell).join(' ')) !== 'other').length;
  return fields >= 2 && fields >= cells.length / 2;
}

// --- Where a table stands ------------------------------------------------------------------------------------------

/** The section a table sits in: its heading as written and the field it names (`other` for a heading the model does not know). */
interface SectionPlace {
  heading: string;
  field: SheetField;
}
/** Undefined: the table is the sheet's own layout (under the sheet's code, or with no heading above it). */
type TablePlace = SectionPlace | undefined;

/** Past this many lines of text above a table, no heading is looked for: the table is read as the sheet's layout. */
const MAX_LOOK_BACK = 200;
const MAX_BARE_HEADING = 80;
const SENTENCE_END = /[.;,!?…]$/;
const LIST_ITEM = /^\s*(?:[-+*•·▪◦‣–—➔→►]|\d{1,2}[.)])\s/u;
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const WHOLE_BOLD = /^\s*(?:\*\*([^*]+?)\*\*|__([^_]+?)__)\s*:?\s*$/;

/**
 * What a line above a table says about its place: a section's heading, the sheet's code line (`sheet`: whatever comes
 * next is the sheet's own layout), or nothing (text of the section, to look past).
 */
function headingAbove(raw: string): SectionPlace | 'sheet' | undefined {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || LIST_ITEM.test(trimmed)) return undefined;
  const markdown = MARKDOWN_HEADING.exec(trimmed);
  const bold = markdown ? null : WHOLE_BOLD.exec(trimmed);
  const text = (markdown?.[1] ?? bold?.[1] ?? bold?.[2] ?? trimmed).replace(/\*\*|__/g, '').replace(/\s*:\s*$/, '').trim();
  if (text.length === 0) return undefined;
  const code = readCodeLine(text);
  if (code && !isActionCode(code)) return 'sheet';
  const standsOut = markdown !== null || bold !== null;
  if (!standsOut && (text.length > MAX_BARE_HEADING || SENTENCE_END.test(text))) return undefined;
  if (actionHeading(text)) return { heading: text, field: 'actions' };
  if (standsOut) return { heading: text, field: labelField(text) };
  // A bare line is a heading when it names a field on its own ("Calendrier", "PARTENAIRES ASSOCIES", "Budget :"), or
  // is in capitals; "Partenaires : MSA, Udaf" carries its content and is not one.
  if (/:\s*\S/.test(trimmed)) return undefined;
  const known = knownHeading(text);
  if (known) return { heading: text, field: known.field };
  if (isMostlyUpperCase(text)) return { heading: text, field: labelField(text) };
  return undefined;
}

/**
 * The place of a table that starts at `before`: the nearest heading above it. A line written by an earlier table
 * (`earlier`) passes that table's place on: two tables in a row share a section, or are both the sheet's layout.
 */
function placeAbove(lines: readonly string[], before: number, earlier: ReadonlyMap<number, TablePlace>): TablePlace {
  for (let index = before - 1; index >= 0 && index >= before - MAX_LOOK_BACK; index--) {
    if (earlier.has(index)) return earlier.get(index);
    const found = headingAbove(lines[index] as string);
    if (found === 'sheet') return undefined;
    if (found) return found;
  }
  return undefined;
}

/** A row whose first cell names a field, a sheet's number or title, or an axis: a row of the sheet's own layout. */
function isLabelRow(cells: readonly string[]): boolean {
  const label = cellLines(cells[0] ?? '').join(' ').replace(/\*\*|__/g, '').replace(/\s*:\s*$/, '');
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return false;
  return labelField(label) !== 'other' || isCodeLabel(label) || isTitleLabel(label) || AXIS_LABEL.test(label);
}

/** A row that gives the sheet's number ("Fiche | 6", "N° de fiche | B2"): only the sheet's own layout has one. */
function numbersTheSheet(cells: readonly string[]): boolean {
  const label = cellLines(cells[0] ?? '').join(' ').replace(/\*\*|__/g, '');
  return cells.length === 2 && isCodeLabel(label) && NUMBER_VALUE.test(cellLines(cells[1] ?? '').join(' '));
}

/** Whether a table is read as a section's list: under a known field's heading always, under another when its rows are not labels. */
function isSectionTable(place: TablePlace, header: readonly string[] | undefined, body: ReadonlyArray<readonly string[]>): place is SectionPlace {
  if (!place) return false;
  if ((header && numbersTheSheet(header)) || body.some(numbersTheSheet)) return false;
  if (place.field !== 'other') return true;
  // Rows with an empty first cell go on with the row above: they are neither labels nor items of their own.
  const rows = (header && !isColumnNames(header) && !isGenericHeader(header) ? [header, ...body] : body).filter((row) => cellLines(row[0] ?? '').length > 0);
  // Under a heading, a table is its section's list unless most of its rows are labels.
  const labels = rows.filter(isLabelRow).length;
  return labels * 2 <= rows.length;
}

// --- A table as a section's list ------------------------------------------------------------------------------------

/**
 * Words a header row uses to name its columns. With the field words (labelField), they tell a header ("Partenaire |
 * Rôle", "Financeur | Montant", "Étape | Date") from a first row of data that a Word export put in the header's place.
 */
const COLUMN_WORDS: ReadonlySet<string> = new Set([
  'role', 'roles', 'montant', 'montants', 'somme', 'date', 'dates', 'periode', 'annee', 'annees', 'mois', 'quand', 'qui', 'quoi',
  'ou', 'comment', 'combien', 'nom', 'noms', 'structure', 'structures', 'organisme', 'organismes', 'institution', 'acteur',
  'contribution', 'contributions', 'apport', 'apports', 'engagement', 'engagements', 'mission', 'missions', 'type', 'nature',
  'objet', 'intitule', 'libelle', 'commentaire', 'commentaires', 'remarque', 'remarques', 'observations', 'statut', 'etat',
  'valeur', 'valeurs', 'cible', 'cibles', 'source', 'sources', 'frequence', 'lieu', 'lieux', 'modalites', 'total', 'part',
  'pourcentage', 'taux', 'contact', 'contacts', 'fonction', 'service', 'precisions', 'detail', 'details', 'description',
  'etape', 'etapes', 'jalon', 'jalons', 'livrable', 'livrables', 'horizon', 'delai', 'n', 'numero', 'no', 'prevu', 'prevue',
  'realise', 'previsionnel', 'previsionnelle', 'annuel', 'annuelle', 'euros', 'eur', 'ht', 'ttc', 'name', 'amount',
  'instance', 'instances', 'public', 'publics', 'support', 'outil', 'outils', 'theme', 'themes', 'step', 'when', 'who', 'what',
  'target', 'comment', 'comments',
]);
const YEAR_IN_HEADER = /\b(?:19|20)\d{2}\b/g;
const MAX_COLUMN_NAME = 40;
/** « 2025 », « 2025-2026 »: a column per year. */
const YEAR_NAME = /^(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?$/;
const MAX_COLUMN_WORDS = 4;

/** A header row that names columns: short, title-like cells, one at least a word headers use. */
function isColumnNames(cells: readonly string[]): boolean {
  const names = cells.map((cell) => cellLines(cell).join(' ').replace(/\*\*|__/g, '').trim()).filter((name) => name.length > 0);
  if (names.length === 0) return false;
  const shaped = names.every(
    (name) =>
      name.length <= MAX_COLUMN_NAME &&
      name.split(/\s+/).length <= MAX_COLUMN_WORDS &&
      !/\d/.test(name.replace(YEAR_IN_HEADER, '')) &&
      !SENTENCE_END.test(name) &&
      (/^[\p{Lu}N°(]/u.test(name) || YEAR_NAME.test(name)),
  );
  if (!shaped) return false;
  // « Financeur | 2025 | 2026 »: years after a first column are a header's, not a first row of data.
  if (names.length >= 2 && names.slice(1).every((name) => YEAR_NAME.test(name))) return true;
  return names.some((name) => {
    const key = headingKey(name);
    return labelField(name) !== 'other' || key.split(' ').some((word) => COLUMN_WORDS.has(word) || GENERIC_HEADERS.has(word));
  });
}

/** A cell as one line: its lines joined, bold marks and list bullets dropped. */
function cellText(cell: string): string {
  return cellLines(cell)
    .map((line) => line.replace(/\*\*|__/g, '').replace(/^(?:[-+*•·▪◦‣]\s+)/u, '').trim())
    .filter((line) => line.length > 0)
    .join(' ; ');
}

interface CellValue {
  name: string | undefined;
  value: string;
}

/**
 * One row as one item. The first cell says what the row is about and the others what is said of it: after " : " when
 * they hold a figure or a date ("Caf du Nord : 180 000 €", "Bilan : décembre 2028"), after " — " when they describe
 * ("MSA — repérage des familles agricoles"). Column names are written before values only with three columns or more,
 * where a value alone would not say what it is ("Udaf 59 — Rôle : comité de suivi ; Montant : 2 000 €").
 */
function rowItem(subject: string, values: readonly CellValue[], named: boolean): string {
  if (values.length === 0) return subject;
  if (named) {
    const said = values.map(({ name, value }) => (name && headingKey(name) !== headingKey(value) ? `${name} : ${value}` : value));
    // « Caf de l'Isère : 2025 : 20 000 € ; 2026 : 30 000 € »: a column a year holds figures, after a colon.
    return `${subject}${values.every(({ name }) => name !== undefined && YEAR_NAME.test(name)) ? ' : ' : ' — '}${said.join(' ; ')}`;
  }
  // « Indicateur | Cible 2029 »: the value is a target, not a result, and says so.
  const target = values.length === 1 ? values[0] : undefined;
  if (target?.name !== undefined && isTargetName(target.name)) {
    return `${subject} (${target.name.charAt(0).toLowerCase()}${target.name.slice(1)} : ${target.value})`;
  }
  const rest = values.map(({ value }) => value).join(' ; ');
  // "1 | Recenser les locaux": the row's number is the item's.
  if (/^\d{1,2}[.)]?$/.test(subject)) return `${subject.replace(/[.)]$/, '')}. ${rest}`;
  return `${subject}${/\d/.test(rest) ? ' : ' : ' — '}${rest}`;
}

/** Words of a column that holds targets: « Cible 2029 », « Objectif », « Valeur cible », « Target ». */
const TARGET_WORDS: ReadonlySet<string> = new Set(['cible', 'cibles', 'objectif', 'objectifs', 'target', 'targets', 'vise', 'visee', 'visees', 'vises', 'attendu', 'attendue', 'attendus', 'attendues']);
function isTargetName(name: string): boolean {
  return headingKey(name).split(' ').some((word) => TARGET_WORDS.has(word));
}

/** The rows of a section's table as list items; a row with an empty first cell goes on with the item above. */
function sectionItems(header: readonly string[] | undefined, body: ReadonlyArray<readonly string[]>): string[] {
  const names = header && (isColumnNames(header) || isGenericHeader(header)) ? header.map(cellText) : undefined;
  const rows = header && !names ? [header, ...body] : body;
  const width = Math.max(0, ...rows.map((row) => row.length));
  const named = names !== undefined && width >= 3;
  const items: string[] = [];
  for (const row of rows) {
    const [first = '', ...rest] = row.map(cellText);
    const values = rest.flatMap((value, k) => (value ? [{ name: names?.[k + 1] || undefined, value }] : []));
    if (first.length === 0) {
      if (values.length === 0) continue;
      const more = values.map(({ value }) => value).join(' ; ');
      if (items.length > 0) items[items.length - 1] = `${items[items.length - 1]} ; ${more}`;
      else items.push(more);
      continue;
    }
    items.push(rowItem(first, values, named));
  }
  // Each item a bullet: the line reader never takes a bullet for a heading, whatever its words.
  return items.map((item) => (/^\d{1,2}\. /.test(item) ? item : `- ${item}`));
}

// --- Reading a table --------------------------------------------------------------------------------------------------

interface TableRead {
  lines: string[];
  problem?: string;
}

/** "« Partenaire | Rôle »": a table named in a problem by its first row. */
function firstRow(header: readonly string[] | undefined, body: ReadonlyArray<readonly string[]>): string {
  const row = header ?? body[0] ?? [];
  const text = row.map(cellText).join(' | ');
  return `« ${text.length > 80 ? `${text.slice(0, 79)}…` : text} »`;
}

function tableText(place: TablePlace, header: readonly string[] | undefined, body: ReadonlyArray<readonly string[]>): TableRead {
  if (isSectionTable(place, header, body)) {
    // "Action | Pilote | Échéance": one action a row, with its parts, as the sheet's own layout reads it.
    if (header && isRecordHeader(header) && labelField(cellLines(header[0] ?? '').join(' ')) === 'actions') return { lines: recordRows(header, body) };
    // « N° | Action | Échéance » under « Déroulé »: one action a row, numbered as the sheet numbers it.
    const actionColumns = header ? actionTableColumns(header, place) : undefined;
    if (header && actionColumns) return { lines: actionRows(header, body, actionColumns) };
    const items = sectionItems(header, body);
    if (items.length === 0) {
      return { lines: [], problem: `the table ${firstRow(header, body)} under « ${place.heading} » has no rows with text: nothing was read from it` };
    }
    return { lines: ['', ...items, ''] };
  }
  if (header && isRecordHeader(header)) return { lines: recordRows(header, body) };
  const rows = header && !isGenericHeader(header) ? [header, ...body] : body;
  const labelled = labelledRows(rows);
  const lines = rowsText(labelled);
  // Rows read as "label | content" whose labels, for the most part, name no field: each became a heading of its own.
  const named = labelled.filter((row) => row.label.length > 0);
  const labels = named.filter((row) => isLabelRow([row.label])).length;
  if (named.length >= 2 && labels * 2 < named.length) {
    return {
      lines,
      problem: `the table ${firstRow(header, body)} was read as « label | content » rows, but ${named.length - labels} of its ${named.length} labels name no section: put it under a heading (« Partenaires », « Budget »…) for its rows to be that section's items`,
    };
  }
  return { lines };
}

// --- Markdown pipe tables -------------------------------------------------------------------------------------------

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR_CELL = /^\s*:?-{1,}:?\s*$/;

function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').trim());
}

function pipeTable(lines: readonly string[], place: TablePlace): TableRead {
  const rows = lines.map(pipeCells);
  const separator = rows.findIndex((cells) => cells.length > 0 && cells.every((cell) => SEPARATOR_CELL.test(cell)));
  if (separator === 1) return tableText(place, rows[0], rows.slice(2));
  return tableText(place, undefined, rows.filter((cells) => !cells.every((cell) => SEPARATOR_CELL.test(cell))));
}

// --- HTML tables ----------------------------------------------------------------------------------------------------

const HTML_TABLE = /<table\b[^>]*>([\s\S]*?)<\/table\s*>/gi;
const HTML_ROW = /<tr\b[^>]*>([\s\S]*?)(?:<\/tr\s*>|(?=<tr\b)|$)/gi;
const HTML_CELL = /<(t[dh])\b[^>]*>([\s\S]*?)(?:<\/t[dh]\s*>|(?=<t[dh]\b)|$)/gi;

function htmlCell(html: string): string {
  return html
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<(?:br|\/p|\/li|\/div|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function htmlTable(html: string, place: TablePlace): TableRead {
  const rows: Array<{ header: boolean; cells: string[] }> = [];
  for (const row of html.matchAll(HTML_ROW)) {
    const cells: string[] = [];
    let header = true;
    for (const cell of row[1].matchAll(HTML_CELL)) {
      cells.push(htmlCell(cell[2]));
      if (cell[1].toLowerCase() !== 'th') header = false;
    }
    if (cells.length > 0) rows.push({ header: header && rows.length === 0, cells });
  }
  const first = rows[0];
  if (first?.header) return tableText(place, first.cells, rows.slice(1).map((row) => row.cells));
  return tableText(place, undefined, rows.map((row) => row.cells));
}

/** The lines of the HTML between two tables, as the heading search reads them: `<h2>` as a Markdown heading. */
function htmlLines(html: string): string[] {
  return html
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_, level: string, inner: string) => `\n${'#'.repeat(Number(level))} ${inner.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()}\n`)
    .replace(/<(?:strong|b)\b[^>]*>([^<]*)<\/(?:strong|b)\s*>/gi, '**$1**')
    .replace(/<(?:br|\/?p|\/?li|\/?div|\/?ul|\/?ol)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .split(/\r\n|\r|\n/);
}

/** Each HTML table rewritten, in its place; the section a table sits in passes to the next when no heading parts them. */
function htmlTables(content: string, problems: string[]): string {
  let out = '';
  let last = 0;
  let place: TablePlace;
  for (const match of content.matchAll(HTML_TABLE)) {
    const start = match.index ?? 0;
    const between = htmlLines(content.slice(last, start));
    // A first line stands for the table before, if any: reached with no heading in between, its place is this one's.
    const lines = last > 0 ? ['', ...between] : between;
    place = placeAbove(lines, lines.length, new Map<number, TablePlace>(last > 0 ? [[0, place]] : []));
    const read = htmlTable(match[1] as string, place);
    if (read.problem) problems.push(read.problem);
    out += `${content.slice(last, start)}\n${read.lines.join('\n')}\n`;
    last = start + match[0].length;
  }
  return out + content.slice(last);
}

// --- Tab-separated rows ---------------------------------------------------------------------------------------------

/** "Pilote<TAB>Caf du Rhône": a label that is not a bullet nor a numbering ("1.", "1.1", "a)", "•", "o"). */
const TAB_ROW = /^([^\t]{2,80}?)[ ]*\t+\s*:?\s*(\S.*)$/;
const NOT_A_LABEL = /^\s*(?:[-+•·▪◦‣–—*o\uf0a7\uf0b7\uf0d8]|\d{1,2}(?:[.)]|\.\d{1,2})*\.?|[a-zA-Z][.)]|[IVX]{1,4}[.)])\s*$/u;
const CONTINUATION = /^\t+\s*(\S.*)$/;
/** A file is read as a tab table when this many lines are label/value rows. */
const MIN_TAB_ROWS = 3;

function tabRow(line: string): Row | undefined {
  const match = TAB_ROW.exec(line);
  if (!match || NOT_A_LABEL.test(match[1]) || !/\p{L}/u.test(match[1])) return undefined;
  return { label: match[1].trim(), values: [match[2].replace(/\t+/g, ' ').trim()] };
}

function tabTables(lines: string[]): string[] {
  if (lines.filter((line) => tabRow(line) !== undefined).length < MIN_TAB_ROWS) return lines;
  const out: string[] = [];
  let open: Row | undefined;
  const close = () => {
    if (open) out.push(...rowText(open));
    open = undefined;
  };
  for (const line of lines) {
    const row = tabRow(line);
    if (row) {
      close();
      open = row;
      continue;
    }
    const continued = open ? CONTINUATION.exec(line) : null;
    if (open && continued) {
      open.values.push(continued[1].replace(/\t+/g, ' ').trim());
      continue;
    }
    close();
    out.push(line);
  }
  close();
  return out;
}

/** The text with its tables rewritten (see the top of this file), and what could not be read in them. */
export interface TablesRead {
  text: string;
  problems: string[];
}

export function readTables(content: string): TablesRead {
  const problems: string[] = [];
  const hasHtmlTable = /<table\b/i.test(content);
  const hasPipe = content.includes('|');
  const hasTab = content.includes('\t');
  if (!hasHtmlTable && !hasPipe && !hasTab) return { text: content, problems };
  const text = hasHtmlTable ? htmlTables(content, problems) : content;
  let lines = text.split(/\r\n|\r|\n/);
  if (hasPipe) {
    const out: string[] = [];
    // The lines each earlier table wrote, with that table's place.
    const written = new Map<number, TablePlace>();
    for (let i = 0; i < lines.length; ) {
      if (!PIPE_ROW.test(lines[i] as string)) {
        out.push(lines[i++] as string);
        continue;
      }
      let end = i;
      while (end < lines.length && PIPE_ROW.test(lines[end] as string)) end++;
      if (end - i >= 2) {
        const place = placeAbove(out, out.length, written);
        const read = pipeTable(lines.slice(i, end), place);
        if (read.problem) problems.push(read.problem);
        for (const line of read.lines) {
          written.set(out.length, place);
          out.push(line);
        }
      } else out.push(lines[i] as string);
      i = end;
    }
    lines = out;
  }
  if (hasTab) lines = tabTables(lines);
  return { text: lines.join('\n'), problems };
}

/** The text with its tables rewritten (see the top of this file). */
export function tablesAsBlocks(content: string): string {
  return readTables(content).text;
}

import { headingKey, isCodeLabel, isTitleLabel, labelField } from '../headings';

/**
 * Sheets written as a two-column table — a Word table exported to Markdown (`| Rubrique | Contenu |`, `<br>` in cells,
 * an empty first cell for a row that continues the one above), the same as HTML, or pasted as text (label, tab,
 * value) — rewritten as the labelled blocks the line reader knows: each row becomes a `### Label` heading followed by
 * its value, one line per line of the cell. Rows that say which sheet this is are written as the line a plan would
 * write: "Fiche action B2", "Intitulé : …", "Thématique : B – Parentalité". Everything else is left as it was.
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

function tableText(header: readonly string[] | undefined, body: ReadonlyArray<readonly string[]>): string[] {
  if (header && isRecordHeader(header)) return recordRows(header, body);
  const rows = header && !isGenericHeader(header) ? [header, ...body] : body;
  return rowsText(labelledRows(rows));
}

// --- Markdown pipe tables -------------------------------------------------------------------------------------------

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR_CELL = /^\s*:?-{1,}:?\s*$/;

function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').trim());
}

function pipeTable(lines: readonly string[]): string[] {
  const rows = lines.map(pipeCells);
  const separator = rows.findIndex((cells) => cells.length > 0 && cells.every((cell) => SEPARATOR_CELL.test(cell)));
  if (separator === 1) return tableText(rows[0], rows.slice(2));
  return tableText(undefined, rows.filter((cells) => !cells.every((cell) => SEPARATOR_CELL.test(cell))));
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

function htmlTable(html: string): string[] {
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
  if (first?.header) return tableText(first.cells, rows.slice(1).map((row) => row.cells));
  return tableText(undefined, rows.map((row) => row.cells));
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

/** The text with its tables rewritten as labelled blocks (see the top of this file). */
export function tablesAsBlocks(content: string): string {
  const hasHtmlTable = /<table\b/i.test(content);
  const hasPipe = content.includes('|');
  const hasTab = content.includes('\t');
  if (!hasHtmlTable && !hasPipe && !hasTab) return content;
  let text = hasHtmlTable ? content.replace(HTML_TABLE, (_, inner: string) => `\n${htmlTable(inner).join('\n')}\n`) : content;
  let lines = text.split(/\r\n|\r|\n/);
  if (hasPipe) {
    const out: string[] = [];
    for (let i = 0; i < lines.length; ) {
      if (!PIPE_ROW.test(lines[i])) {
        out.push(lines[i++]);
        continue;
      }
      let end = i;
      while (end < lines.length && PIPE_ROW.test(lines[end])) end++;
      if (end - i >= 2) out.push(...pipeTable(lines.slice(i, end)));
      else out.push(lines[i]);
      i = end;
    }
    lines = out;
  }
  if (hasTab) lines = tabTables(lines);
  text = lines.join('\n');
  return text;
}

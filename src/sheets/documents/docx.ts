import mammoth from 'mammoth';

/**
 * A Word file as the Markdown the sheet parser reads: mammoth turns the document into simple HTML (headings from
 * Word's heading styles, bold, lists, tables), then this file writes it as Markdown — `#` headings, `**bold**`,
 * `- ` / `1. ` list items, and tables as pipe tables with `<br>` for the line breaks inside a cell, so a sheet laid
 * out as a two-column table (label | content) stays a table.
 */

export type DocxReading = { ok: true; text: string } | { ok: false; reason: string };

interface Element {
  tag: string;
  children: Node[];
}
type Node = Element | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const VOID = new Set(['br', 'img', 'hr']);

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** mammoth writes well-formed HTML with a handful of tags: a small tree builder is enough. */
function parseHtml(html: string): Element {
  const root: Element = { tag: 'root', children: [] };
  const stack: Element[] = [root];
  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|([^<]+)|</g;
  for (const match of html.matchAll(token)) {
    const [, closing, rawTag, selfClosing, text] = match;
    const top = stack[stack.length - 1];
    if (text !== undefined || rawTag === undefined) {
      top.children.push(decode(text ?? '<'));
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (closing) {
      const at = stack.map((element) => element.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const element: Element = { tag, children: [] };
    top.children.push(element);
    if (!selfClosing && !VOID.has(tag)) stack.push(element);
  }
  return root;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'li', 'tr', 'td', 'th', 'blockquote', 'div']);

function inline(node: Node): string {
  if (typeof node === 'string') return node.replace(/\s+/g, ' ');
  if (node.tag === 'br') return '\n';
  if (node.tag === 'img') return '';
  const inner = node.children.map(inline).join('');
  if ((node.tag === 'strong' || node.tag === 'b') && inner.trim()) {
    const lead = /^\s*/.exec(inner)![0];
    const trail = /\s*$/.exec(inner)![0];
    return `${lead}**${inner.trim()}**${trail}`;
  }
  return inner;
}

/** Cell text: its paragraphs and line breaks as `<br>`, pipes escaped. */
function cellText(cell: Element): string {
  const lines = blocks(cell.children, 0)
    .join('\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.join('<br>').replace(/\|/g, '\\|');
}

function table(element: Element): string[] {
  const rows: string[][] = [];
  const visitRows = (node: Element) => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.tag === 'tr') rows.push(child.children.filter((cell): cell is Element => typeof cell !== 'string' && (cell.tag === 'td' || cell.tag === 'th')).map(cellText));
      else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') visitRows(child);
    }
  };
  visitRows(element);
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width === 0) return [];
  const line = (cells: string[]) => `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`;
  return ['', line(rows[0]), line(Array<string>(width).fill('---')), ...rows.slice(1).map(line), ''];
}

function blocks(nodes: Node[], depth: number): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text.trim()) out.push(...text.split('\n').map((line) => line.trim()).filter(Boolean));
    text = '';
  };
  for (const node of nodes) {
    if (typeof node === 'string' || !BLOCKS.has(node.tag)) {
      text += inline(node);
      continue;
    }
    flush();
    const heading = /^h([1-6])$/.exec(node.tag);
    if (heading) {
      const title = inline(node).replace(/\s+/g, ' ').replace(/\*\*/g, '').trim();
      if (title) out.push('', `${'#'.repeat(Number(heading[1]))} ${title}`, '');
    } else if (node.tag === 'ul' || node.tag === 'ol') {
      let number = 0;
      for (const item of node.children) {
        if (typeof item === 'string' || item.tag !== 'li') continue;
        number++;
        const nested = item.children.filter((child) => typeof child !== 'string' && (child.tag === 'ul' || child.tag === 'ol'));
        const own = item.children.filter((child) => !nested.includes(child));
        const [first = '', ...rest] = blocks(own, depth + 1).filter((line) => line.trim());
        const marker = node.tag === 'ol' ? `${number}.` : '-';
        out.push(`${'  '.repeat(depth)}${marker} ${first.trim()}`, ...rest.map((line) => `${'  '.repeat(depth + 1)}${line.trim()}`));
        for (const list of nested) out.push(...blocks([list], depth + 1));
      }
    } else if (node.tag === 'table') {
      out.push(...table(node));
    } else {
      out.push(...blocks(node.children, depth));
      if (node.tag === 'p' && depth === 0) out.push('');
    }
  }
  flush();
  return out;
}

/** The Markdown of mammoth's HTML. Exported for tests. */
export function htmlToMarkdown(html: string): string {
  return blocks(parseHtml(html).children, 0)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export async function readDocx(bytes: Uint8Array): Promise<DocxReading> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are not read: a sheet's text is what matters, and data URIs would weigh on the cache.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    return { ok: true, text: htmlToMarkdown(result.value) };
  } catch (error) {
    return { ok: false, reason: `not a readable Word file: ${error instanceof Error ? error.message : String(error)}` };
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import fc from 'fast-check';
import { PDFDocument, rgb } from 'pdf-lib';
import { pdfFromText } from '../../bench/sheetDocuments';
import { loadSheetKnowledge, type Sheet, type SheetField } from '../../src/sheets';
import { cleanExtractedText, contentHash, htmlToMarkdown, looksLikePdfExtract, NO_TEXT_LAYER, READER_VERSION } from '../../src/sheets/documents';
import { loadSheetKnowledgeWithDocuments } from '../../src/sheets/loader';

/**
 * PDF and Word sheets, made at test time from the seed sheets (knowledge/sheets): the Tours sheet printed to a
 * multi-page PDF (wrapped lines, hyphenated words, bullets, a running header and a numbered footer) and written as
 * Word files — with Word headings, and as its original two-column table (label | content).
 */

const SEEDS = path.join(__dirname, '../../knowledge/sheets');
const TOURS_DIR = path.join(SEEDS, 'tours-contrat-de-ville');
const TOURS_TEXT = fs.readFileSync(path.join(TOURS_DIR, 'tours-fiche-1.2.5.txt'), 'utf8');
const TOURS_PLAN = fs.readFileSync(path.join(TOURS_DIR, 'plan.json'), 'utf8');
const seeds = loadSheetKnowledge(SEEDS);
const tours = seeds.sheets.find((sheet) => sheet.code === 'FICHE 1.2.5')!;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-documents-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let folders = 0;
/** A sheets folder holding the Tours plan.json and the given files. */
function sheetsFolder(files: Record<string, Uint8Array | string>): string {
  const root = path.join(work, `case-${++folders}`);
  const plan = path.join(root, 'sheets', 'tours');
  fs.mkdirSync(plan, { recursive: true });
  fs.writeFileSync(path.join(plan, 'plan.json'), TOURS_PLAN);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(plan, name), content);
  return path.join(root, 'sheets');
}

/** Letters and digits only: what must survive whatever the layout did to spaces, bullets and line ends. */
function words(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function fieldText(sheet: Sheet, field: SheetField): string {
  return words(sheet.sections.filter((section) => section.field === field).flatMap((section) => section.items.map((item) => item.text)).join(' '));
}

const COMPARED: SheetField[] = ['context', 'objectives', 'actions', 'pilot', 'partners', 'results'];

async function toursPdf(): Promise<Uint8Array> {
  return pdfFromText(TOURS_TEXT, { header: "Contrat de ville de l'agglomération tourangelle", footer: 'Fiche 1.2.5', fontSize: 12 });
}

describe('cleanExtractedText', () => {
  it('joins lines cut at the page width and words hyphenated across lines', () => {
    const text = [
      'Objectifs',
      'Faire vivre, dans le cadre de chaque projet de quartier, des réseaux d’acteurs',
      'éducatifs et renforcer le lien avec les familles monoparentales du terri-',
      'toire, en lien avec les grands-parents.',
      '',
      'Un constat partagé par les grands-',
      'parents et les centres sociaux.',
    ].join('\n');
    expect(cleanExtractedText(text, { fromPdf: true }).split('\n')).toEqual([
      'Objectifs',
      'Faire vivre, dans le cadre de chaque projet de quartier, des réseaux d’acteurs éducatifs et renforcer le lien avec les familles monoparentales du territoire, en lien avec les grands-parents.',
      '',
      'Un constat partagé par les grands-parents et les centres sociaux.',
    ]);
  });

  it('turns bullet glyphs into « - » and keeps each item, its continuation joined', () => {
    const text = ['Partenaires', '\uf0b7 Caf du Gard, service de l’action sociale et des politiques', 'familiales', '• MSA', '▪ Communes', '◦ Centres sociaux', '➔ Département', '– Associations', '\uf0d8 Écoles'].join('\n');
    expect(cleanExtractedText(text, { fromPdf: true }).split('\n')).toEqual([
      'Partenaires',
      '- Caf du Gard, service de l’action sociale et des politiques familiales',
      '- MSA',
      '- Communes',
      '- Centres sociaux',
      '- Département',
      '- Associations',
      '- Écoles',
    ]);
  });

  it('drops running headers, footers and page numbers at page breaks, and keeps the headings', () => {
    const page = (number: number, body: string[]) => ['Schéma départemental 2023-2027', ...body, `SDSF du Gard — page ${number}`, `${number}`].join('\n');
    const text = [page(1, ['PA 2.3.2 - Soutenir les parents', '', 'PILOTAGE', 'Caf du Gard']), page(2, ['PARTENAIRES', '- MSA']), page(3, ['ÉCHÉANCES', '2024'])].join('\f');
    expect(cleanExtractedText(text).split('\n')).toEqual(['PA 2.3.2 - Soutenir les parents', '', 'PILOTAGE', 'Caf du Gard', '', 'PARTENAIRES', '- MSA', '', 'ÉCHÉANCES', '2024']);
  });

  it('drops « Page 3/12 » lines and the footer printed with them in a text file without form feeds', () => {
    const text = ['FICHE 3', 'Pilote', 'Ville', 'Contrat de ville', 'Page 1/3', 'Partenaires', 'Caf', 'Contrat de ville', 'Page 2/3', 'Budget', '2 000 €', 'Contrat de ville', 'Page 3/3'].join('\n');
    expect(cleanExtractedText(text).split('\n')).toEqual(['FICHE 3', 'Pilote', 'Ville', '', 'Partenaires', 'Caf', '', 'Budget', '2 000 €']);
  });

  it('tells a PDF extract from a typed sheet by measurable signs', () => {
    expect(looksLikePdfExtract(TOURS_TEXT)).toBe(false);
    for (const sheet of fs.readdirSync(path.join(SEEDS, 'rhone-sdsf')).filter((name) => name.endsWith('.txt'))) {
      expect(looksLikePdfExtract(fs.readFileSync(path.join(SEEDS, 'rhone-sdsf', sheet), 'utf8'))).toBe(false);
    }
    expect(looksLikePdfExtract('FICHE 1\fPILOTAGE')).toBe(true);
    expect(looksLikePdfExtract('FICHE 1\nPage 1/2\nPILOTAGE\nPage 2/2')).toBe(true);
    expect(looksLikePdfExtract('FICHE 1\n\uf0b7 Caf')).toBe(true);
    const cut = 'Les familles expriment le besoin d’être accompagnées dans le dialogue avec leurs';
    expect(looksLikePdfExtract(['FICHE 1', cut, 'enfants et les écoles.', cut, 'adolescents.', cut, 'parents.'].join('\n'))).toBe(true);
  });

  it('never throws and never grows the text, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'É', ' ', '-', '\n', '\f', '\t', '•', '\uf0b7', '1', '/', 'Page ', '.', 'x') , maxLength: 400 }), (text) => {
        const cleaned = cleanExtractedText(text);
        expect(typeof cleaned).toBe('string');
        expect(cleaned.length).toBeLessThanOrEqual(text.length + 2 * text.split('\n').length);
        looksLikePdfExtract(text);
      }),
    );
  });
});

describe('PDF sheets', () => {
  it('reads the Tours sheet printed over several pages as the same sheet, field by field', async () => {
    const bytes = await toursPdf();
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(2);
    const knowledge = await loadSheetKnowledgeWithDocuments(sheetsFolder({ 'tours-fiche-1.2.5.pdf': bytes }));
    expect(knowledge.problems).toEqual([]);
    const [sheet] = knowledge.sheets;
    expect(sheet.code).toBe('FICHE 1.2.5');
    expect(sheet.file).toBe('tours/tours-fiche-1.2.5.pdf');
    expect(words(sheet.title)).toBe(words(tours.title));
    for (const field of COMPARED) expect([field, fieldText(sheet, field)]).toEqual([field, fieldText(tours, field)]);
    // « Enjeu : … » is the objectives in the PDF as in the text export: a known label opens its field wherever it stands.
    expect(fieldText(sheet, 'objectives')).toContain(words('Développer les dynamiques de soutien à la parentalité et renforcer le lien avec les familles'));
    // Nothing of the page furniture is left in the sheet.
    expect(JSON.stringify([sheet.sections, sheet.axis, sheet.title])).not.toMatch(/Page \d+\/\d+|agglomération tourangelle/);
  });

  it('reports a PDF with no text layer, and one that is not a PDF, and loads the rest', async () => {
    const scan = await PDFDocument.create();
    scan.addPage().drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.2, 0.2, 0.2) });
    const knowledge = await loadSheetKnowledgeWithDocuments(
      sheetsFolder({ 'scan.pdf': await scan.save(), 'broken.pdf': '%PDF-1.7\n garbage \n%%EOF', 'empty.pdf': '', 'fiche.txt': TOURS_TEXT }),
    );
    expect(knowledge.sheets.map((sheet) => sheet.file)).toEqual(['tours/fiche.txt']);
    const reasons = Object.fromEntries(knowledge.problems.map((problem) => [problem.file, problem.reason]));
    expect(reasons['tours/scan.pdf']).toBe(NO_TEXT_LAYER);
    expect(reasons['tours/broken.pdf']).toMatch(/^not a readable PDF/);
    expect(reasons['tours/empty.pdf']).toMatch(/^not a readable PDF/);
  });

  it('keeps what was read in a cache by content, uses it on the next load, and rebuilds a corrupt entry', async () => {
    const bytes = await toursPdf();
    const folder = sheetsFolder({ 'fiche.pdf': bytes });
    const cacheDir = path.join(work, `cache-${folders}`);
    const first = await loadSheetKnowledgeWithDocuments(folder, { cacheDir });
    const entry = path.join(cacheDir, `${contentHash(bytes)}.pdf.v${READER_VERSION}.json`);
    expect(fs.existsSync(entry)).toBe(true);
    // The synchronous load has no PDF reader: it finds the sheet only through the cache.
    expect(loadSheetKnowledge(folder)).toEqual({ sheets: [], plans: [], problems: [] });
    expect(loadSheetKnowledge(folder, { cacheDir }).sheets).toEqual(first.sheets);

    fs.writeFileSync(entry, '{"version": 1, "kind": "pdf", "te');
    expect(loadSheetKnowledge(folder, { cacheDir }).sheets).toEqual([]);
    const rebuilt = await loadSheetKnowledgeWithDocuments(folder, { cacheDir });
    expect(rebuilt.sheets).toEqual(first.sheets);
    expect(JSON.parse(fs.readFileSync(entry, 'utf8')).text).toContain('FICHE 1.2.5');
  });

  it('cleans a .txt copied out of a PDF, and leaves a typed one exactly as it was', async () => {
    const extract = ['FICHE 4.1 - Accompagner les parents', '', 'Pilote', '\uf0b7 Caf du Gard, service de l’action sociale et des poli-', 'tiques familiales', 'Partenaires', '\uf0b7 MSA', 'Fiche 4.1', 'Page 1/2', '\f', 'Échéances', '\uf0b7 2025', 'Fiche 4.1', 'Page 2/2'].join('\n');
    const knowledge = await loadSheetKnowledgeWithDocuments(sheetsFolder({ 'extract.txt': extract, 'typed.txt': TOURS_TEXT }));
    const cleaned = knowledge.sheets.find((sheet) => sheet.file === 'tours/extract.txt')!;
    expect(cleaned.sections.find((section) => section.field === 'pilot')?.items.map((item) => item.text)).toEqual([
      'Caf du Gard, service de l’action sociale et des politiques familiales',
    ]);
    expect(JSON.stringify(cleaned)).not.toContain('Page 1/2');
    expect(knowledge.sheets.find((sheet) => sheet.file === 'tours/typed.txt')!.sections).toEqual(tours.sections);
  });
});

function toursParagraphs(text: string, bold = false): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}

describe('Word sheets', () => {
  const known = tours.sections.filter((section) => section.heading && section.field !== 'other');

  it('reads Word headings, bold and lists as Markdown', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: `${tours.code} (version 2017) - ${tours.title}`, heading: HeadingLevel.HEADING_1 }),
            ...known.flatMap((section) => [
              new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_2 }),
              ...section.items.map((item) => new Paragraph({ text: item.text, bullet: { level: 0 } })),
            ]),
          ],
        },
      ],
    });
    const knowledge = await loadSheetKnowledgeWithDocuments(sheetsFolder({ 'fiche.docx': await Packer.toBuffer(document) }));
    expect(knowledge.problems).toEqual([]);
    const [sheet] = knowledge.sheets;
    expect(sheet.code).toBe('FICHE 1.2.5');
    for (const field of COMPARED) expect([field, fieldText(sheet, field)]).toEqual([field, fieldText(tours, field)]);
  });

  it('keeps the two-column table of the original (label | content) as a pipe table', async () => {
    const cell = (children: Paragraph[]) => new TableCell({ children, width: { size: 50, type: WidthType.PERCENTAGE } });
    const document = new Document({
      sections: [
        {
          children: [
            ...toursParagraphs(`FICHE 1.2.5 (version 2017)\n${tours.title}`),
            new Table({
              rows: [
                new TableRow({ children: [cell(toursParagraphs('Rubrique', true)), cell(toursParagraphs('Contenu', true))] }),
                ...known.map((section) => new TableRow({ children: [cell(toursParagraphs(section.heading, true)), cell(toursParagraphs(section.items.map((item) => item.text).join('\n')))] })),
              ],
            }),
          ],
        },
      ],
    });
    const folder = sheetsFolder({ 'fiche.docx': await Packer.toBuffer(document) });
    const knowledge = await loadSheetKnowledgeWithDocuments(folder);
    expect(knowledge.problems).toEqual([]);
    expect(knowledge.sheets[0].code).toBe('FICHE 1.2.5');
    const cached = path.join(work, 'docx-cache');
    await loadSheetKnowledgeWithDocuments(folder, { cacheDir: cached });
    const markdown: string = JSON.parse(fs.readFileSync(path.join(cached, fs.readdirSync(cached)[0]), 'utf8')).text;
    expect(markdown).toContain('| **Rubrique** | **Contenu** |\n| --- | --- |');
    const animateur = known.find((section) => section.field === 'pilot')!;
    expect(markdown).toContain(`| **${animateur.heading}** | ${animateur.items.map((item) => item.text).join('<br>')} |`);
  });

  it('writes HTML tables with missing cells, pipes and nested lists as valid pipe tables', () => {
    expect(htmlToMarkdown('<table><tr><td><p>A|B</p></td><td><ul><li>x</li><li>y</li></ul></td></tr><tr><td>C</td></tr></table>')).toBe(
      ['| A\\|B | - x<br>- y |', '| --- | --- |', '| C |  |'].join('\n'),
    );
    expect(htmlToMarkdown('<h2>Pilotage &amp; suivi</h2><p><strong>Pilote :</strong> Caf</p><ol><li>Un</li><li>Deux</li></ol>')).toBe(
      ['## Pilotage & suivi', '', '**Pilote :** Caf', '', '1. Un', '2. Deux'].join('\n'),
    );
  });

  it('reports a file that is not a Word document and loads the rest', async () => {
    const knowledge = await loadSheetKnowledgeWithDocuments(sheetsFolder({ 'a.docx': 'PK\u0003\u0004 not a zip', 'b.docx': new Uint8Array([1, 2, 3]), 'fiche.txt': TOURS_TEXT }));
    expect(knowledge.sheets.map((sheet) => sheet.file)).toEqual(['tours/fiche.txt']);
    expect(knowledge.problems.map((problem) => [problem.file, problem.reason.startsWith('not a readable Word file')])).toEqual([
      ['tours/a.docx', true],
      ['tours/b.docx', true],
    ]);
  });

  it('never crashes on hostile bytes named .pdf or .docx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('x.pdf', 'x.docx'), async (bytes, name) => {
        const knowledge = await loadSheetKnowledgeWithDocuments(sheetsFolder({ [name]: bytes }));
        expect(knowledge.sheets).toEqual([]);
        expect(knowledge.problems).toHaveLength(1);
      }),
      { numRuns: 15 },
    );
  });
});

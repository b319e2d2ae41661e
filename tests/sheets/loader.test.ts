import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSheetKnowledge } from '../../src/sheets';
import { sectionsOf } from '../../src/sheets/model';

const ODD = join(__dirname, '../fixtures/sheets/odd');

describe('loading a folder of odd sheets', () => {
  const knowledge = loadSheetKnowledge(ODD);

  it('reports each bad file with its path and reason, and loads the rest', () => {
    expect(knowledge.problems).toEqual([
      { file: 'contrat-ville-42/compte-rendu-reunion.txt', reason: expect.stringMatching(/no sheet number/) },
      { file: 'contrat-ville-42/vide.md', reason: 'empty file' },
      { file: 'contrat-ville-42/x-copie-de-la-4.2.1.txt', reason: expect.stringMatching(/PA 4\.2\.1 is already defined .* by contrat-ville-42\/PA-4\.2\.1\.txt/) },
      { file: 'plan-casse/plan.json', reason: expect.stringMatching(/not valid JSON/) },
    ]);
    expect(knowledge.sheets.map((sheet) => sheet.id).sort()).toEqual([
      'loire-jeunesse/2.3.2',
      'plan-casse/6.1.1',
      'plan-sans-fichier/5.1',
      'saint-etienne-cdv/3.1.4',
      'saint-etienne-cdv/4.2.1',
    ]);
  });

  it('gives a sheet without plan.json a plan named after its folder', () => {
    const sheet = knowledge.sheets.find((candidate) => candidate.number === '5.1');
    expect(sheet?.plan).toEqual({ id: 'plan-sans-fichier', title: 'Plan sans fichier' });
    expect(sheet?.code).toBe('FICHE 5.1');
    expect(sheet?.actions.map((action) => action.items[0])).toEqual(['Publier un guide des modes de garde.', "Tenir des permanences d'information."]);
  });

  it('reads the Markdown sheet of the schéma jeunesse, which shares its number with a Rhône sheet', () => {
    const sheet = knowledge.sheets.find((candidate) => candidate.plan.id === 'loire-jeunesse');
    expect(sheet?.code).toBe('PA 2.3.2');
    expect(sheet?.title).toBe("Développer les points d'accueil et d'écoute jeunes (PAEJ)");
    expect(sectionsOf(sheet!, 'pilot')[0].items[0].text).toBe('Direction de la jeunesse du Département de la Loire');
    expect(sheet?.deadlines).toEqual([
      { text: 'Action 1 : 2024', actions: [1], years: [2024] },
      { text: 'Action 2 : 2024 à 2027', actions: [2], years: [2024, 2027] },
    ]);
  });

  it('reads the CRLF file with tabs, non-breaking spaces and curly apostrophes', () => {
    const sheet = knowledge.sheets.find((candidate) => candidate.number === '3.1.4');
    expect(sheet?.title).toBe('ACCOMPAGNER LES FAMILLES DANS LA SCOLARITÉ DES ENFANTS');
    expect(sheet?.version).toBe('version 2019');
    expect(sectionsOf(sheet!, 'objectives')[0].items[0].text).toBe('Renforcer le lien entre l’école et les familles');
    expect(sheet?.actions.map((action) => action.items[0])).toEqual([
      'Ouvrir des ’cafés des parents’ dans chaque groupe scolaire.',
      'Développer le CLAS avec les centres sociaux, en lien avec les équipes enseignantes.',
      'Traduire les documents de l’école.',
    ]);
    expect(sectionsOf(sheet!, 'partners')[0].items.map((item) => item.text)).toEqual(['Éducation nationale', 'Caf de la Loire']);
  });

  it('keeps the headings it does not know', () => {
    const sheet = knowledge.sheets.find((candidate) => candidate.number === '4.2.1');
    expect(sheet?.sections.filter((section) => section.field === 'other').map((section) => section.heading)).toEqual([
      'POINTS DE VIGILANCE',
      'MODALITÉS DE SUIVI',
    ]);
  });
});

describe('loading from a temporary folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'maillage-sheets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the nearest plan.json to sheets in sub-folders, and reports a plan.json that does not fit', () => {
    mkdirSync(join(dir, 'plan-a', 'axe-1', 'deep'), { recursive: true });
    mkdirSync(join(dir, 'plan-b'));
    writeFileSync(join(dir, 'plan-a', 'plan.json'), JSON.stringify({ id: 'plan-a', title: 'Plan A', period: '2024-2028' }));
    writeFileSync(join(dir, 'plan-a', 'axe-1', 'deep', 'PA-1.1.1.txt'), 'PA 1.1.1 - TITRE A\n\nDIAGNOSTIC\n\n- Texte.\n');
    writeFileSync(join(dir, 'plan-b', 'plan.json'), JSON.stringify({ id: 'plan b!', title: '' }));
    writeFileSync(join(dir, 'plan-b', 'PA-1.1.1.txt'), 'PA 1.1.1 - TITRE B\n\nPILOTE\n\n- Caf.\n');
    const knowledge = loadSheetKnowledge(dir);
    expect(knowledge.sheets.map((sheet) => [sheet.id, sheet.plan.title])).toEqual([
      ['plan-a/1.1.1', 'Plan A'],
      ['plan-b/1.1.1', 'Plan b'],
    ]);
    expect(knowledge.problems).toEqual([{ file: 'plan-b/plan.json', reason: expect.stringMatching(/does not fit/) }]);
  });

  it('reports files that are not UTF-8 text, and skips READMEs, hidden files and other extensions', () => {
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x50, 0x41, 0x20, 0x31, 0x2e, 0x31, 0x20, 0x2d, 0x20, 0xe9, 0xe8]));
    writeFileSync(join(dir, 'README.md'), '# How to add sheets');
    writeFileSync(join(dir, '.hidden.txt'), 'PA 1.1.1 - X');
    writeFileSync(join(dir, 'sheet.docx'), 'PA 1.1.1 - X');
    writeFileSync(join(dir, 'ok.MD'), '# PA 2.1 - Une fiche\n\n## Pilotage\n\n- Caf\n');
    const knowledge = loadSheetKnowledge(dir);
    expect(knowledge.problems).toEqual([{ file: 'latin1.txt', reason: 'not UTF-8 text' }]);
    expect(knowledge.sheets.map((sheet) => sheet.code)).toEqual(['PA 2.1']);
  });

  it('reports a missing folder instead of throwing', () => {
    const knowledge = loadSheetKnowledge(join(dir, 'nowhere'));
    expect(knowledge.sheets).toEqual([]);
    expect(knowledge.problems).toEqual([{ file: join(dir, 'nowhere'), reason: expect.stringMatching(/cannot be read/) }]);
  });
});

describe('a plan exported whole, as one file', () => {
  it('loads each of its sheets, reported apart when one repeats another file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-whole-plan-'));
    try {
      mkdirSync(join(dir, 'plan-entier'));
      writeFileSync(join(dir, 'plan-entier', 'plan.json'), JSON.stringify({ id: 'plan-entier', title: 'Plan entier' }));
      const sheet = (code: string, title: string, pilot: string) => [`Fiche ${code} – ${title}`, '', 'PILOTE', '', pilot, ''].join('\n');
      writeFileSync(
        join(dir, 'plan-entier', 'plan.txt'),
        ['Axe 1 : Informer les familles', '', sheet('1.1', 'Un site des parents', 'Caf'), sheet('1.2', 'Des permanences', 'Ville'), 'Axe 2 : Soutenir les pairs', '', sheet('2.1', 'Des cafés des parents', 'Centres sociaux')].join('\n'),
      );
      writeFileSync(join(dir, 'plan-entier', 'copie-1.2.txt'), sheet('1.2', 'Des permanences', 'Ville'));
      const knowledge = loadSheetKnowledge(dir);
      expect(knowledge.sheets.map((loaded) => loaded.id).sort()).toEqual(['plan-entier/1.1', 'plan-entier/1.2', 'plan-entier/2.1']);
      expect(knowledge.problems).toEqual([{ file: 'plan-entier/plan.txt', reason: expect.stringMatching(/FICHE 1\.2 is already defined/) }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

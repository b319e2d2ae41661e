import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { pdfFromText } from '../../bench/sheetDocuments';
import { fold } from '../../src/language/text';
import type { Language } from '../../src/language/text';
import { SheetIndex, answerSheetQuestion, loadSheetKnowledge, readSheetQuestion, type Sheet, type SheetConversation, type SheetKnowledge } from '../../src/sheets';
import { loadSheetKnowledgeWithDocuments } from '../../src/sheets/loader';

/**
 * New users' round 3 on partners' sheets, on plans written for these tests:
 * 1. a plan document whose first lines are its own title (« PLAN D'ACTIONS PARENTALITÉ DE LA DRÔME ») before the
 *    first sheet: that title belongs to no sheet, in Markdown, plain text, Word or PDF;
 * 2. deadlines given action by action (a table with a dates column, « Échéance » under each action, a date at the end
 *    of an action's or an objective's text) are quoted with the action's number and short title.
 */

const PLAN = { id: 'drome-parentalite', title: 'Plan parentalité de la Drôme', territory: 'Drôme (26)', period: '2025-2030' };
const DOCUMENT_TITLE = "PLAN D'ACTIONS PARENTALITÉ DE LA DRÔME";
const SCHEMA_TITLE = 'Schéma départemental des services aux familles 2025-2030 — Fiches actions';

/** Markdown: the document's title as a level-1 heading, then two sheets; FA 4's actions are a table with a dates column. */
const MARKDOWN_PLAN = `# ${DOCUMENT_TITLE}

Ce document rassemble les fiches actions adoptées par le comité départemental de la parentalité.

## FA 4 — Développer les ateliers parents-enfants

### Pilote

Caf de la Drôme

### Actions

| N° | Action | Pilote | Échéance |
|---|---|---|---|
| 1 | Recenser les lieux d'accueil | Caf | mars 2026 |
| 2 | Former les animateurs | Département | juin 2026 |
| 3 | Ouvrir trois ateliers dans le Diois | Centres sociaux | septembre 2027 |

### Indicateurs

- Nombre d'ateliers ouverts

## FA 5 — Accueillir les pères

### Pilote

Udaf de la Drôme

### Calendrier

2026-2028
`;

/** Plain text: the title line, a blank, then sheets whose actions each carry their own « Échéance ». */
const TEXT_PLAN = `${SCHEMA_TITLE}

FICHE ACTION 7 - Soutenir les parents d'adolescents

PILOTE
Département de la Drôme

ACTION 1 - Ouvrir un point d'écoute
Ouvrir un point d'écoute pour les parents d'adolescents à Valence.
Échéance : janvier 2026

ACTION 2 - Former les animateurs
Former dix animateurs aux questions de l'adolescence.
Échéance : juin 2026

INDICATEURS
- Nombre de parents reçus

FICHE ACTION 8 - Prévenir le harcèlement

PILOTE
Éducation nationale

ACTIONS
1. Sensibiliser les parents d'élèves de sixième aux signes du harcèlement. Échéance : fin 2026.
2. Créer un groupe de parole de parents dans chaque collège de Montélimar. Échéance : 2027.
`;

/** A sheet of one file whose deadlines are its numbered objectives' own, written at the end of each. */
const OBJECTIVES_SHEET = `Fiche 9 - Rompre l'isolement des parents en milieu rural

Objectifs
Obj. 1 – Recenser les familles isolées du Vercors avec les mairies. Éch. 2026
Obj. 2 – Ouvrir un café des parents itinérant. Éch. 2027

Pilote
MSA Ardèche Drôme Loire
`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-partners-round3-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let folders = 0;
/** A knowledge folder with the Drôme plan.json and the given files. */
function sheetsFolder(files: Record<string, string | Uint8Array>): string {
  const root = path.join(work, `case-${++folders}`, 'sheets');
  const planDir = path.join(root, 'drome');
  fs.mkdirSync(planDir, { recursive: true });
  fs.writeFileSync(path.join(planDir, 'plan.json'), JSON.stringify(PLAN));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(planDir, name), content);
  return root;
}

function loaded(files: Record<string, string>): SheetKnowledge {
  const knowledge = loadSheetKnowledge(sheetsFolder(files));
  expect(knowledge.problems).toEqual([]);
  return knowledge;
}

/** Every word a sheet holds, its sections' headings and items: where a line of the document could have gone. */
function everything(sheet: Sheet): string {
  return fold(sheet.sections.flatMap((section) => [section.heading, ...section.items.map((item) => item.text)]).join('\n'));
}

type Row = [says: string, mentions: string[], never?: string[]];

/** A conversation on the sheets, turn after turn with the memory kept; the reply is its text and its card. */
function transcript(knowledge: SheetKnowledge, rows: Row[], language: Language = 'fr'): void {
  const index = SheetIndex.build(knowledge.sheets);
  let memory: SheetConversation = {};
  for (const [says, mentions, never = []] of rows) {
    const turn = answerSheetQuestion(index, readSheetQuestion(index, says), memory, language);
    memory = turn.conversation;
    const reply = fold(`${turn.text}\n${JSON.stringify(turn.cards ?? [])}`);
    for (const words of mentions) expect({ says, reply: reply.includes(fold(words)) ? true : turn.text }).toEqual({ says, reply: true });
    for (const words of never) expect({ says, reply: reply.includes(fold(words)) ? turn.text : false }).toEqual({ says, reply: false });
  }
}

describe("1. a plan document's own title belongs to no sheet", () => {
  it('Markdown: the level-1 title and the paragraph under it are in no sheet, and no answer quotes them', () => {
    const knowledge = loaded({ 'plan-drome.md': MARKDOWN_PLAN });
    expect(knowledge.sheets.map((sheet) => sheet.code)).toEqual(['FA 4', 'FA 5']);
    for (const sheet of knowledge.sheets) {
      expect(everything(sheet)).not.toContain(fold(DOCUMENT_TITLE));
      expect(everything(sheet)).not.toContain('comite departemental');
    }
    expect(knowledge.sheets[0]!.sections.map((section) => section.field)).not.toContain('other');
    transcript(knowledge, [
      ['résumé de la FA 4', ['FA 4', 'Caf de la Drôme'], [DOCUMENT_TITLE, 'Autres informations', 'comité départemental']],
      ['qui pilote la FA 4 ?', ['Caf de la Drôme'], [DOCUMENT_TITLE]],
    ]);
  });

  it('plain text: the title line above the first sheet is in no sheet', () => {
    const knowledge = loaded({ 'fiches.txt': TEXT_PLAN });
    expect(knowledge.sheets.map((sheet) => sheet.code)).toEqual(['FICHE ACTION 7', 'FICHE ACTION 8']);
    for (const sheet of knowledge.sheets) expect(everything(sheet)).not.toContain(fold(SCHEMA_TITLE));
    transcript(knowledge, [['résumé de la fiche action 7', ["Soutenir les parents d'adolescents"], [SCHEMA_TITLE, 'Autres informations']]]);
  });

  it("a title right above a bare « Fiche action 3 » is that sheet's title, not a section", () => {
    const knowledge = loaded({ 'fiche-3.txt': ["Soutenir les parents d'enfants en situation de handicap", 'Fiche action 3', '', 'Pilote', 'Caf de la Drôme', ''].join('\n') });
    const [sheet] = knowledge.sheets;
    expect(sheet!.title).toBe("Soutenir les parents d'enfants en situation de handicap");
    expect(sheet!.sections.map((section) => [section.heading, section.field])).toEqual([['Pilote', 'pilot']]);
  });

  it('a sheet that has no number in its text keeps what stands above its title (its start is only a guess)', () => {
    const knowledge = loaded({ 'fiche-2.txt': ['- Document de travail', '', 'Accompagner les familles monoparentales', '', 'Pilote', 'Caf', ''].join('\n') });
    expect(everything(knowledge.sheets[0]!)).toContain('document de travail');
  });

  it('Word: the document title as a Heading 1 above the first sheet is in no sheet', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: DOCUMENT_TITLE, heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Version adoptée le 12 mars 2025' }),
            new Paragraph({ text: 'Fiche action 6 — Informer les parents sur les modes de garde', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Pilote', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Relais petite enfance de Romans' }),
            new Paragraph({ text: 'Partenaires', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Caf de la Drôme', bullet: { level: 0 } }),
          ],
        },
      ],
    });
    const knowledge = await loadSheetKnowledgeWithDocuments(sheetsFolder({ 'plan.docx': await Packer.toBuffer(document) }));
    expect(knowledge.problems).toEqual([]);
    const [sheet] = knowledge.sheets;
    expect(sheet!.code).toBe('FICHE ACTION 6');
    expect(everything(sheet!)).not.toContain(fold(DOCUMENT_TITLE));
    expect(everything(sheet!)).not.toContain('version adoptee');
    expect(sheet!.sections.map((section) => section.field)).toEqual(['pilot', 'partners']);
  });

  it('PDF: the title printed above the first sheet is in no sheet', async () => {
    const bytes = await pdfFromText(TEXT_PLAN, { footer: 'Drôme' });
    const knowledge = await loadSheetKnowledgeWithDocuments(sheetsFolder({ 'fiches.pdf': bytes }));
    expect(knowledge.problems).toEqual([]);
    expect(knowledge.sheets.map((sheet) => sheet.code)).toEqual(['FICHE ACTION 7', 'FICHE ACTION 8']);
    for (const sheet of knowledge.sheets) expect(everything(sheet)).not.toContain(fold('Schéma départemental des services aux familles'));
  });
});

describe('2. deadlines given action by action are quoted with their action', () => {
  it('a table of actions with a dates column: « quelles échéances ? » gives each date with its action', () => {
    transcript(loaded({ 'plan-drome.md': MARKDOWN_PLAN }), [
      [
        'quelles sont les échéances de la FA 4 ?',
        ["Action 1 — Recenser les lieux d'accueil : « mars 2026 »", 'Action 2 — Former les animateurs : « juin 2026 »', 'Action 3 — Ouvrir trois ateliers dans le Diois : « septembre 2027 »'],
      ],
      // The same question in other words, on the sheet discussed.
      ["c'est pour quand ?", ['Action 2 — Former les animateurs : « juin 2026 »']],
      // A sheet-wide deadline stays as the sheet writes it.
      ['et le calendrier de la FA 5 ?', ['2026-2028'], ['Action 1']],
    ]);
  });

  it('« Échéance » under each action: each deadline said with its action, in the answer and its card', () => {
    transcript(loaded({ 'fiches.txt': TEXT_PLAN }), [
      ['quand ? fiche action 7', ["Action 1 — Ouvrir un point d'écoute : « janvier 2026 »", 'Action 2 — Former les animateurs : « juin 2026 »']],
      ['résumé de la fiche action 7', ["Action 1 — Ouvrir un point d'écoute : « janvier 2026 »", 'Action 2 — Former les animateurs : « juin 2026 »']],
      // One action asked: its deadline under its own name.
      ["l'échéance de l'action 2 ?", ['Action 2 — Former les animateurs', 'juin 2026'], ['janvier 2026']],
    ]);
  });

  it('a date at the end of an action written as a sentence: the action is named by its first words', () => {
    transcript(loaded({ 'fiches.txt': TEXT_PLAN }), [
      [
        'les échéances de la fiche action 8',
        ["- Action 1 — Sensibiliser les parents d'élèves", '… : « fin 2026 »', '- Action 2 — Créer un groupe de parole de parents', '… : « 2027 »'],
        ['« Action 1 : fin 2026 »'],
      ],
    ]);
  });

  it('English: the deadlines with their actions, the sheet’s words quoted in French', () => {
    transcript(loaded({ 'plan-drome.md': MARKDOWN_PLAN }), [['what are the deadlines of FA 4?', ['Action 2 — Former les animateurs: "juin 2026"']]], 'en');
  });

  it("the table's other columns too: each action's pilot is said with its action, and only the asked action's", () => {
    transcript(loaded({ 'plan-drome.md': MARKDOWN_PLAN }), [
      ['qui pilote la FA 4 ?', ['Caf de la Drôme', "Action 1 — Recenser les lieux d'accueil : « Caf »", 'Action 2 — Former les animateurs : « Département »', 'Action 3 — Ouvrir trois ateliers dans le Diois : « Centres sociaux »']],
      ["qui pilote l'action 2 de la FA 4 ?", ['Action 2 — Former les animateurs : « Département »'], ['« Centres sociaux »']],
    ]);
  });

  it("an objective's own deadline answers « quand ? » instead of « no deadlines section »", () => {
    transcript(loaded({ 'fiche-9.txt': OBJECTIVES_SHEET }), [['quelles échéances pour la fiche 9 ?', ['Objectifs 1 : 2026', 'Objectifs 2 : 2027'], ["pas de rubrique"]]]);
  });
});

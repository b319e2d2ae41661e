import { ActivityTypes, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { ConversationMemorySchema, type ConversationMemory } from '../../dialogs/conversationMemory';
import { ReportFigures } from '../../dialogs/reportFigures';
import { sendReply } from '../../src/bot/replies';
import { readTurnInput } from '../../src/bot/userTurn';
import { CommuneIndex } from '../../src/geo';
import { createLogger } from '../../src/log/logger';
import { readTurn } from '../../src/reading';
import type { Centre, ReportBody } from '../../src/reports/model';
import { SheetIndex, loadSheetKnowledge } from '../../src/sheets';
import { openStore } from '../../src/storage/openStore';
import type { Store } from '../../src/storage/store';
import { cafeReport } from '../helpers/reportFixtures';

/**
 * A partner asks for the figures centres reported, on a real SQLite store filled through `store.reports.submit`, as
 * the report journey fills it. Each turn is read once (src/reading) and memory goes through JSON between turns.
 */

const seeds = loadSheetKnowledge(path.join(__dirname, '../../knowledge/sheets'));
const odd = loadSheetKnowledge(path.join(__dirname, '../fixtures/sheets/odd'));
/** The seeds plus a « schéma jeunesse » whose PA 2.3.2 shares its number with the SDSF's. */
const sheets = SheetIndex.build([...seeds.sheets, ...odd.sheets]);
const readers = { sheets, communes: CommuneIndex.load() };
const NOW = DateTime.fromISO('2026-12-07T10:00:00', { zone: 'Europe/Paris' });

const TISSERANDS: Centre = { structureId: 'cs-tisserands', structureName: 'Centre social Les Tisserands', communeCode: '69259', communeName: 'Vénissieux' };
const PASSERELLE: Centre = { structureId: 'evs-passerelle', structureName: 'EVS La Passerelle', communeCode: '69290', communeName: 'Saint-Priest' };
const ROANNE: Centre = { structureId: 'mjc-roanne', structureName: 'MJC de Roanne', communeCode: '42187', communeName: 'Roanne' };
/** A centre name that is Markdown and HTML: it must reach the partner as the words it is. */
const ODD_NAME: Centre = { structureId: 'evs-etoile', structureName: 'EVS *Étoile* [clic](http://x) <b>', communeCode: '69123', communeName: 'Lyon' };
/** Lyon's centres stand in its arrondissements: « à Lyon » must count them. */
const ETATS_UNIS: Centre = { structureId: 'cs-etats-unis', structureName: 'Centre social États-Unis', communeCode: '69388', communeName: 'Lyon 8e Arrondissement' };
const MINGUETTES: Centre = { structureId: 'cs-minguettes', structureName: 'Centre social des Minguettes', communeCode: '69259', communeName: 'Vénissieux' };
const PARENTS_INDICATOR = "Nombre de parents ayant participé à des actions d'entraide entre parents (avec focus sur les QPV)";

/** The figures' reports: action 1, ten parents in eight families, none in a QPV. */
const body = (fields: Partial<ReportBody>): ReportBody =>
  cafeReport({ action: 'Action 1', parents: 10, families: 8, qpvParents: 0, singleParentFamilies: 0, partners: [], ...fields });

let directory: string;
let store: Store;
let submitted = 0;

async function submit(centre: Centre, fields: Partial<ReportBody>): Promise<void> {
  submitted += 1;
  await store.reports.submit({ submissionKey: `key-${submitted}`, centre, body: body(fields), submittedBy: `aad:${centre.structureId}`, channelId: 'msteams', submittedAt: new Date('2026-11-01T09:00:00Z') });
}

beforeAll(async () => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'maillage-figures-'));
  store = await openStore(`sqlite:${path.join(directory, 'reports.sqlite')}`, createLogger('silent'));
  await submit(TISSERANDS, { parents: 14, qpvParents: 6, children: 9, families: 11, sessions: 2, indicators: { [PARENTS_INDICATOR]: 14 } });
  await submit(TISSERANDS, { action: 'Action 2', startDate: '2026-04-02', endDate: '2026-04-02', parents: 20, qpvParents: 5, children: 12, families: 15, indicators: { [PARENTS_INDICATOR]: 20 } });
  await submit(PASSERELLE, { startDate: '2026-02-20', endDate: '2026-02-20', parents: 4, qpvParents: 3, children: 1, families: 4 });
  await submit(TISSERANDS, { startDate: '2025-11-05', endDate: '2025-11-05', parents: 100, qpvParents: 0 });
  await submit(ROANNE, { planId: 'loire-jeunesse', startDate: '2026-05-05', endDate: '2026-05-05', parents: 7, children: 30, families: 7 });
  await submit(ODD_NAME, { planId: 'rhone-avs', sheetCode: 'PA 2.3.3', startDate: '2024-06-01', endDate: '2024-06-01', parents: 2 });
  await submit(TISSERANDS, { sheetCode: 'FICHE 1.2.5', planId: 'tours-cdv', startDate: '2026-06-01', endDate: '2026-06-01', parents: 3, families: 3, singleParentFamilies: 2 });
  await submit(ETATS_UNIS, { planId: 'rhone-avs', sheetCode: 'PA 2.3.3', startDate: '2026-02-10', endDate: '2026-02-10', parents: 6, children: 5, families: 5, sessions: 3 });
  await submit(MINGUETTES, { planId: 'rhone-avs', sheetCode: 'PA 2.3.3', startDate: '2026-11-15', endDate: '2026-11-15', parents: 8, children: 4, families: 6, sessions: 4 });
  await submit(MINGUETTES, { planId: 'rhone-avs', sheetCode: 'PA 2.3.3', startDate: '2026-12-01', endDate: '2026-12-05', parents: 5, children: 0, families: 5, sessions: 2 });
  // The day after the range asked below: its sessions must not be counted.
  await submit(MINGUETTES, { planId: 'rhone-avs', sheetCode: 'PA 2.3.3', startDate: '2026-12-06', endDate: '2026-12-06', parents: 1, children: 0, families: 1, sessions: 10 });
});

afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

/** A partner's conversation: the journey answers what it claims; anything else gets a marker reply. */
function conversation() {
  const journey = new ReportFigures({ sheets, reports: () => store.reports });
  let stored = '{}';
  const adapter = new TestAdapter(async (context: TurnContext) => {
    if (context.activity.type !== ActivityTypes.Message) return;
    const memory: ConversationMemory = ConversationMemorySchema.parse(JSON.parse(stored));
    const reading = readTurn(readTurnInput(context), readers, NOW);
    if (journey.claims(reading, memory)) await journey.answer(context, reading, memory);
    else await sendReply(context, { text: '(not a question about figures)' });
    stored = JSON.stringify(memory);
  });
  return {
    async says(text: string): Promise<{ text: string; activity: Partial<Activity>; memory: ConversationMemory }> {
      const replies: Partial<Activity>[] = [];
      await adapter.send(text).assertReply((activity) => {
        replies.push(activity);
      });
      expect(replies).toHaveLength(1);
      return { text: replies[0].text ?? '', activity: replies[0], memory: ConversationMemorySchema.parse(JSON.parse(stored)) };
    },
  };
}

describe('a partner asks for the figures centres reported', () => {
  it('answers the parents of a sheet this year, named with its plan, with how many reports and centres', async () => {
    const { text, activity, memory } = await conversation().says('combien de parents ont participé aux actions de la PA 2.3.2 du schéma des services aux familles cette année ?');
    expect(text.split('\n')[0]).toBe('PA 2.3.2 (Schéma départemental des services aux familles du Rhône), en 2026 : 38 parents, dont 14 en QPV — d\'après 3 déclarations de 2 centres.');
    expect(text).toContain(`${PARENTS_INDICATOR} : 34 (2 déclarations)`);
    expect(text).toContain("Nombre de groupes de parole d'entraide repérés : pas encore de déclaration");
    // The card says the same, for channels that show cards.
    const card = JSON.stringify(activity.attachments?.[0]?.content);
    expect(card).toContain('Chiffres déclarés par les centres');
    expect(card).toContain('"type":"FactSet"');
    expect(memory.sheets.currentSheetIds).toEqual(['rhone-sdsf/2.3.2']);
  });

  it('gives each plan its own figures when two plans share the number', async () => {
    const { text } = await conversation().says('combien de parents ont participé à la PA 2.3.2 en 2026 ?');
    const [sdsf, jeunesse] = text.split('\n\n');
    expect(sdsf).toMatch(/^PA 2\.3\.2 \(Schéma départemental des services aux familles du Rhône\), en 2026 : 38 parents/);
    expect(jeunesse).toMatch(/^PA 2\.3\.2 \(.*jeunesse.*\), en 2026 : 7 parents — d'après 1 déclaration de 1 centre\./i);
  });

  it('says when a sheet has no report yet, and lists its indicators', async () => {
    const { text } = await conversation().says('quelles valeurs déclarées pour les indicateurs de la PA 3.2.1 ?');
    expect(text.split('\n')[0]).toBe("PA 3.2.1 (Schéma départemental des services aux familles du Rhône) : aucune déclaration pour l'instant.");
    expect(text).toContain('Taux de couverture territoriale des conseils locaux de la parentalité : pas encore de déclaration');
    expect(text).toContain('indicateur qualitatif');
  });

  it("reviews a centre's reports since January", async () => {
    const { text } = await conversation().says('bilan des déclarations du centre social Les Tisserands depuis janvier');
    expect(text.split('\n')[0]).toBe("Toutes fiches confondues, Centre social Les Tisserands, depuis le 1er janvier 2026 : 37 parents, dont 11 en QPV, 21 enfants, 29 familles, dont 2 monoparentales, 4 séances — d'après 3 déclarations de 1 centre.");
    expect(text).toContain('Par fiche :');
    expect(text).toContain("- PA 2.3.2 (Schéma départemental des services aux familles du Rhône) : 34 parents");
    expect(text).toContain('- FICHE 1.2.5');
  });

  it('counts children in a commune over a quarter', async () => {
    const { text } = await conversation().says("combien d'enfants à Vénissieux au premier trimestre ?");
    expect(text.split('\n')[0]).toBe("Toutes fiches confondues, à Vénissieux, au premier trimestre 2026 : 9 enfants — d'après 1 déclaration de 1 centre.");
  });

  it.each([
    ["combien d'enfants à Lyon au premier trimestre ?", "Toutes fiches confondues, à Lyon, au premier trimestre 2026 : 5 enfants — d'après 1 déclaration de 1 centre."],
    ['combien de parents à Lyon en 2026 ?', "Toutes fiches confondues, à Lyon, en 2026 : 6 parents — d'après 1 déclaration de 1 centre."],
  ])('counts the centres of Lyon\'s arrondissements for « Lyon »: %s', async (question, first) => {
    const { text } = await conversation().says(question);
    expect(text.split('\n')[0]).toBe(first);
  });

  it('reviews a centre named without « centre social »', async () => {
    const { text } = await conversation().says('bilan des Minguettes');
    expect(text.split('\n')[0]).toMatch(/^Toutes fiches confondues, Centre social des Minguettes : 14 parents, 4 enfants, 12 familles, 16 séances — d'après 3 déclarations de 1 centre\.$/);
  });

  it('counts the sessions of a sheet between two days, both included', async () => {
    const { text } = await conversation().says('combien de séances de la PA 2.3.3 entre le 1er novembre et le 5 décembre ?');
    expect(text.split('\n')[0]).toBe("PA 2.3.3 (Animation de la vie sociale du Rhône et de la Métropole de Lyon), du 1er novembre au 5 décembre 2026 : 6 séances — d'après 2 déclarations de 1 centre.");
  });

  it("gives a sheet's figures when asked for « les chiffres » of it", async () => {
    const { text } = await conversation().says('chiffres de la PA 2.3.3');
    expect(text.split('\n')[0]).toMatch(/^PA 2\.3\.3 \(.*\) : 22 parents, 9 enfants, 25 familles, 20 séances — d'après 5 déclarations de 3 centres\.$/);
  });

  it('filters by the action named', async () => {
    const { text } = await conversation().says("combien de parents ont participé à l'action 2 de la PA 2.3.2 du schéma des services aux familles ?");
    expect(text.split('\n')[0]).toBe("PA 2.3.2 (Schéma départemental des services aux familles du Rhône), action 2 : 20 parents, dont 5 en QPV — d'après 1 déclaration de 1 centre.");
  });

  it('answers in English when asked in English', async () => {
    const { text } = await conversation().says('how many parents took part in PA 2.3.2 actions of the family services plan this year?');
    expect(text.split('\n')[0]).toMatch(/^PA 2\.3\.2 \(Schéma départemental des services aux familles du Rhône\), in 2026: 38 parents, 14 of them in priority neighbourhoods \(QPV\) — from 3 reports by 2 centres\./);
  });

  it('says a centre it does not know, with those it knows, rather than every centre', async () => {
    const { text } = await conversation().says('bilan du centre social Les Marronniers en 2026');
    expect(text).toContain('Je ne trouve pas de centre « les marronniers »');
    expect(text).toContain('Centre social Les Tisserands');
    expect(text).not.toMatch(/\d+ parents/);
  });

  it('escapes the names that come from data', async () => {
    const { text } = await conversation().says("bilan de l'EVS Étoile en 2024");
    expect(text).toContain('EVS \\*Étoile\\* \\[clic\\](http://x) &lt;b&gt;');
    expect(text).toContain('2 parents');
  });

  it('answers a 10 000-character question from its beginning, without failing', async () => {
    const { text } = await conversation().says(`combien de parents ont participé à la PA 2.3.2 en 2026 ? ${'x'.repeat(10_000)}`);
    expect(text).toMatch(/38 parents/);
  });

  it.each(['qui pilote la PA 3.2.1 ?', 'combien de LAEP compte le territoire selon la PA 2.3.2 ?', 'combien de LAEP compte le territoire selon la PA 1.2.1 ?', 'quels sont les résultats attendus de la PA 2.3.2 ?', 'et ses indicateurs ?', '<b>bilan</b>', "'; DROP TABLE reports; --", '🙂', ''])(
    'leaves « %s » to the other routes',
    async (text) => {
      expect((await conversation().says(text || ' ')).text).toBe('(not a question about figures)');
    },
  );
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { loadSheetKnowledge } from '../../src/sheets/loader';
import { parseSheets, type SheetsOutcome } from '../../src/sheets/parser';
import { mineAcronyms } from '../../src/sheets/sheetAcronyms';
import { sectionsOf, type Plan, type Sheet, type SheetField } from '../../src/sheets/model';
import { conversation, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * Sheets written the plainest way (QA partners round 2): « Pilote : X » lines with no bold nor heading marks, a label
 * alone on its line without a colon, « Déroulé » tables and lists, per-action deadlines, three-column and target
 * tables, a bold axis line, and the glossary a sheet defines. A sheet with no section the model knows is reported.
 */

const PLAN: Plan = { id: 'plan-test', title: 'Plan de test' };

function read(text: string, file = 'fiche.txt'): { sheets: Sheet[]; problems: string[] } {
  const outcome: SheetsOutcome = parseSheets(text, { file, plan: PLAN });
  if (!outcome.ok) throw new Error(outcome.reason);
  return { sheets: outcome.sheets, problems: outcome.problems };
}

function parse(text: string, file = 'fiche.txt'): Sheet {
  const { sheets, problems } = read(text, file);
  expect(problems).toEqual([]);
  return sheets[0] as Sheet;
}

function items(sheet: Sheet, field: SheetField): string[] {
  return sectionsOf(sheet, field).flatMap((section) => section.items.map((item) => item.text));
}

/** Two sheets in one plain-text file, each field an inline label (the Montpellier CTG of the QA data, shortened). */
const INLINE_PLAN = [
  'CTG DE LA METROPOLE 2024-2028',
  'Thématique : Enfance-jeunesse et parentalité',
  '',
  'Action 4.2 – Développer l\'accueil des enfants en horaires atypiques',
  'Pilote : Métropole (direction de la petite enfance)',
  'Partenaires : Caf de l\'Hérault, MSA Languedoc, Udaf 34',
  'Constat : 1 400 familles monoparentales travaillent en horaires décalés.',
  'Objectif : Ouvrir 40 places d\'accueil de 5 h à 22 h d\'ici 2027.',
  'Actions :',
  '- 4.2.1 Ouvrir une micro-crèche à horaires élargis (2025)',
  '- 4.2.2 Créer un service de garde à domicile tôt le matin (2026)',
  'Budget : Caf de l\'Hérault 210 000 € (bonus territoire CTG) ; Métropole 90 000 €',
  'Échéance : décembre 2027',
  'Indicateurs : nombre de places en horaires atypiques ; taux d\'occupation',
  '',
  'Action 4.3 – Accompagner les familles dans l\'usage du numérique',
  'Pilote : Caf de l\'Hérault',
  'Partenaires : France services, médiathèques',
  'Budget : Caf de l\'Hérault 45 000 € par an',
  'Échéance : 2028',
  'Indicateurs : nombre de parents formés ; nombre d\'ateliers organisés',
].join('\n');

describe('inline « Label : value » lines with no mark', () => {
  it('reads each label of the headings vocabulary as its field, in every sheet of the file', () => {
    const { sheets, problems } = read(INLINE_PLAN);
    expect(problems).toEqual([]);
    const [first, second] = sheets as [Sheet, Sheet];
    expect(first.code).toBe('ACTION 4.2');
    expect(items(first, 'pilot')).toEqual(['Métropole (direction de la petite enfance)']);
    expect(items(first, 'partners')).toEqual(["Caf de l'Hérault, MSA Languedoc, Udaf 34"]);
    expect(items(first, 'context')[0]).toMatch(/^1 400 familles/);
    expect(items(first, 'objectives')[0]).toMatch(/^Ouvrir 40 places/);
    expect(items(first, 'funding')).toEqual(["Caf de l'Hérault 210 000 € (bonus territoire CTG)", 'Métropole 90 000 €']);
    expect(items(first, 'deadlines')).toEqual(['décembre 2027']);
    expect(items(first, 'results')).toEqual(['nombre de places en horaires atypiques', "taux d'occupation"]);
    expect(first.actions.map((action) => action.number)).toEqual([1, 2]);
    // Nothing runs together: the budget is not glued to the last action any more.
    expect(first.actions[1]?.items.join(' ')).not.toMatch(/Budget/);
    expect(items(second, 'pilot')).toEqual(["Caf de l'Hérault"]);
    expect(items(second, 'deadlines')).toEqual(['2028']);
    expect(items(second, 'results')).toEqual(['nombre de parents formés', "nombre d'ateliers organisés"]);
    // The plan's theme above the first sheet is its axis, for both sheets.
    for (const sheet of sheets) expect(sheet.axis).toEqual([{ kind: 'Thématique', number: 'Enfance-jeunesse et parentalité' }]);
    for (const sheet of sheets) expect(sectionsOf(sheet, 'other').flatMap((section) => section.items.map((item) => item.text)).join(' ')).not.toMatch(/Pilote|Budget|Échéance/);
  });

  it('reads a known label alone on its line, with no colon, as a heading', () => {
    const sheet = parse(
      ['FICHE 3 – Des cafés des parents', 'Pilote', 'Centre social des Sources', 'Partenaires', 'Caf', 'Udaf', 'Calendrier', 'Rentrée 2025'].join('\n'),
    );
    expect(items(sheet, 'pilot')).toEqual(['Centre social des Sources']);
    expect(items(sheet, 'partners')).toEqual(['Caf', 'Udaf']);
    expect(items(sheet, 'deadlines')).toEqual(['Rentrée 2025']);
  });

  it('leaves statements that merely name a field, and lower-case words, in their section', () => {
    const sheet = parse(
      ['FICHE 3 – Des cafés des parents', '', 'FINANCEMENT', '', 'Pas de financement spécifique : actions d\'information.', 'le budget : voir la convention.'].join('\n'),
    );
    expect(items(sheet, 'funding')).toEqual(["Pas de financement spécifique : actions d'information.", 'le budget : voir la convention.']);
  });

  it('takes an « Axe 2 : … » line among the fields for the axis, and leaves a numbered priority in its section', () => {
    const sheet = parse(['FICHE 3 – Un titre', 'Pilote : Caf', 'Axe 2 : Parentalité et inclusion', 'Objectifs :', 'Priorité 1 : les familles monoparentales'].join('\n'));
    expect(sheet.axis).toEqual([{ kind: 'Axe', number: '2', title: 'Parentalité et inclusion' }]);
    expect(items(sheet, 'pilot')).toEqual(['Caf']);
    expect(items(sheet, 'objectives')).toEqual(['Priorité 1 : les familles monoparentales']);
  });

  it('reports a sheet with no section the model knows, at loading and for `sheets check`, and still loads it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'maillage-inline-'));
    try {
      mkdirSync(path.join(dir, 'plan'));
      writeFileSync(path.join(dir, 'plan', 'plan.json'), JSON.stringify({ id: 'plan-x', title: 'Plan X' }));
      writeFileSync(path.join(dir, 'plan', 'fiche-3.txt'), 'FICHE 3 – Un titre\n\nSuivi annuel\nBla bla.\n');
      writeFileSync(path.join(dir, 'plan', 'fiche-4.txt'), 'FICHE 4 – Un autre\nPilote : Caf\n');
      const knowledge = loadSheetKnowledge(dir);
      expect(knowledge.sheets.map((sheet) => sheet.code)).toEqual(['FICHE 3', 'FICHE 4']);
      expect(knowledge.problems).toEqual([{ file: 'plan/fiche-3.txt', reason: expect.stringMatching(/^FICHE 3: no known section/) }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never throws, and keeps every word, whatever follows a known label', () => {
    const labels = ['Pilote', 'Partenaires', 'Budget', 'Échéance', 'Indicateurs', 'Objectif', 'Constat', 'Calendrier'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...labels), fc.constantFrom(' : ', ' :', '', ':'), fc.string({ maxLength: 60 })), { maxLength: 12 }),
        (lines) => {
          const text = ['FICHE 9 – Titre', ...lines.map(([label, colon, value]) => `${label}${colon}${value.replace(/[\r\n]/g, ' ')}`)].join('\n');
          const outcome = parseSheets(text, { file: 'f.txt', plan: PLAN });
          if (!outcome.ok) return;
          const kept = folded(JSON.stringify(outcome.sheets.map((sheet) => sheet.sections)));
          for (const [, , value] of lines) {
            const word = /[A-Za-z]{4,}/.exec(value)?.[0];
            if (word) expect(kept).toContain(folded(word));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('« Déroulé », per-action deadlines, tables of years and of targets (Isère layout)', () => {
  const ISERE_5 = [
    '# Fiche action n° 5 : Soutenir les parents d\'enfants en situation de handicap',
    '',
    '**Axe 2 — Parentalité et inclusion**',
    '',
    '### Déroulé',
    '',
    '| N° | Action | Échéance |',
    '|---|---|---|',
    '| 5.1 | Cartographier les offres de répit existantes | mars 2026 |',
    '| 5.2 | Ouvrir 3 groupes de parole « parents aidants » | décembre 2026 |',
    '',
    '### Financement',
    '',
    '| Financeur | 2025 | 2026 |',
    '|---|---|---|',
    '| Caf de l\'Isère | 20 000 € | 30 000 € |',
    '| Département de l\'Isère | 15 000 € | 15 000 € |',
    '',
    '### Indicateurs',
    '',
    '| Indicateur | Cible 2029 |',
    '|---|---|',
    '| Nombre de familles accompagnées | 150 |',
  ].join('\n');

  it('reads a « N° | Action | Échéance » table under « Déroulé » as numbered actions, each with its deadline', () => {
    const sheet = parse(ISERE_5, 'fiche-5.md');
    expect(sheet.actions.map((action) => [action.number, action.title])).toEqual([
      [1, 'Cartographier les offres de répit existantes'],
      [2, 'Ouvrir 3 groupes de parole « parents aidants »'],
    ]);
    expect(sheet.deadlines).toEqual([
      { text: 'mars 2026', actions: [1], years: [2026] },
      { text: 'décembre 2026', actions: [2], years: [2026] },
    ]);
    expect(sheet.axis).toEqual([{ kind: 'Axe', number: '2', title: 'Parentalité et inclusion' }]);
    expect(sectionsOf(sheet, 'other')).toEqual([]);
  });

  it('names the years of a three-column table, never takes its header for an item, and says a target is one', () => {
    const sheet = parse(ISERE_5, 'fiche-5.md');
    expect(items(sheet, 'funding')).toEqual([
      "Caf de l'Isère : 2025 : 20 000 € ; 2026 : 30 000 €",
      "Département de l'Isère : 2025 : 15 000 € ; 2026 : 15 000 €",
    ]);
    expect(items(sheet, 'results')).toEqual(['Nombre de familles accompagnées (cible 2029 : 150)']);
    for (const header of ['Objectif', 'Valeur cible']) {
      const other = parse(`FA 2 – Titre\n\n## Indicateurs\n\n| Indicateur | ${header} |\n|---|---|\n| Nombre de LAEP ouverts | 6 |\n`, 'f.md');
      expect(items(other, 'results')).toEqual([`Nombre de LAEP ouverts (${header.charAt(0).toLowerCase()}${header.slice(1)} : 6)`]);
    }
  });

  it.each(['Déroulé', 'Mise en œuvre', 'Étapes', 'Modalités de mise en œuvre', "Plan d'actions", 'Déroulement'])(
    'reads a numbered list under « %s » as the actions',
    (heading) => {
      const sheet = parse(`# Fiche action n° 13 : Prévenir les ruptures\n\n### ${heading}\n\n1. Ouvrir un point écoute (2026).\n2. Organiser 10 soirées-débats par an.\n`, 'f.md');
      expect(sheet.actions.map((action) => [action.number, action.items[0]])).toEqual([
        [1, 'Ouvrir un point écoute (2026).'],
        [2, 'Organiser 10 soirées-débats par an.'],
      ]);
    },
  );

  it('gathers the deadlines written inside actions into a deadlines section when the sheet has none', () => {
    const sheet = parse(
      [
        'FICHE-ACTION 7 – Les 1 000 premiers jours',
        '',
        'Actions',
        'Action 7.1 – Proposer l\'entretien prénatal précoce. Échéance : fin 2024.',
        'Action 7.2 – Organiser une visite à domicile. Échéance : 2025.',
        '',
        'Indicateurs',
        'Nombre de visites',
      ].join('\n'),
    );
    expect(items(sheet, 'deadlines')).toEqual(['Action 1 : fin 2024', 'Action 2 : 2025']);
    expect(sectionsOf(sheet, 'deadlines')[0]?.derived).toBe(true);
    // A sheet that has its own calendar keeps it alone.
    const dated = parse('FICHE 8 – Titre\n\nACTION 1\n\nRecenser. Échéance : 2025.\n\nCALENDRIER\n\n2024-2026\n');
    expect(sectionsOf(dated, 'deadlines').map((section) => section.heading)).toEqual(['CALENDRIER']);
  });
});

describe('acronyms a sheet defines', () => {
  function expansion(text: string, acronym: string): string | undefined {
    const sheet = parse(`FICHE 1 – Titre\n\nCONSTAT\n\n${text}\n`);
    return mineAcronyms([sheet]).get(folded(acronym))?.expansion;
  }

  it.each([
    ['Seules 28 % des familles utilisent leur aide aux vacances familles (AVF).', 'AVF', 'aide aux vacances familles'],
    ['Un lieu d\'accueil enfants-parents (LAEP) ouvre.', 'LAEP', "lieu d'accueil enfants-parents"],
    ['Avec la Maison de la Métropole (MDM) du secteur.', 'MDM', 'Maison de la Métropole'],
    ['Le réseau d\'écoute, d\'appui et d\'accompagnement des parents (REAAP) anime.', 'REAAP', "réseau d'écoute, d'appui et d'accompagnement des parents"],
    ['Les bénéficiaires de l\'allocation d\'éducation de l\'enfant handicapé (AEEH) de moins de 12 ans.', 'AEEH', "allocation d'éducation de l'enfant handicapé"],
    ['Le CDSF (comité départemental des services aux familles) valide.', 'CDSF', 'comité départemental des services aux familles'],
  ])('« %s » → %s', (text, acronym, expected) => {
    expect(expansion(text, acronym)).toBe(expected);
  });
});

describe('a partner asks about a plain-text sheet with inline labels', () => {
  let bot: TestBot;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'maillage-inline-labels-'));
    const plan = path.join(dir, 'sheets', 'herault');
    mkdirSync(plan, { recursive: true });
    writeFileSync(path.join(plan, 'plan.json'), JSON.stringify({ id: 'montpellier-test', title: 'CTG de Montpellier', period: '2024-2028' }));
    writeFileSync(path.join(plan, 'ctg-actions.txt'), INLINE_PLAN);
    bot = await startTestBot(dir);
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each<[says: string, mentions: string[]]>([
    ["qui pilote l'action 4.2 ?", ['Métropole (direction de la petite enfance)']],
    ["partenaires de l'action 4.2", ['MSA Languedoc', 'Udaf 34']],
    ["budget de l'action 4.3", ['45 000 €']],
    ["indicateurs de l'action 4.3", ['nombre de parents formés']],
  ])('« %s »', async (says, mentions) => {
    const reply = folded((await conversation(bot, { channelId: 'msteams' }).says(says)).text);
    for (const words of mentions) expect(reply).toContain(folded(words));
    expect(reply).not.toContain(folded("n'a pas de rubrique"));
  });
});

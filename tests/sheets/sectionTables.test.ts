import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseSheets, type SheetsOutcome } from '../../src/sheets/parser';
import { sectionsOf, type Plan, type Sheet, type SheetField } from '../../src/sheets/model';
import { conversation, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * A table inside a section (« ## Partenaires » then « | Partenaire | Rôle | ») is that section's list: one item a row,
 * its cells joined, never a heading. A line « X : Y » inside a section is a heading only when X reads as one. A sheet
 * that numbers its actions itself (« Action 13.1 — … ») has its label said once.
 */

const PLAN: Plan = { id: 'plan-test', title: 'Plan de test' };

function read(text: string, file = 'fiche.md'): { sheets: Sheet[]; problems: string[] } {
  const outcome: SheetsOutcome = parseSheets(text, { file, plan: PLAN });
  if (!outcome.ok) throw new Error(outcome.reason);
  return { sheets: outcome.sheets, problems: outcome.problems };
}

function parse(text: string, file = 'fiche.md'): Sheet {
  const { sheets, problems } = read(text, file);
  expect(problems).toEqual([]);
  return sheets[0] as Sheet;
}

function items(sheet: Sheet, field: SheetField): string[] {
  return sectionsOf(sheet, field).flatMap((section) => section.items.map((item) => item.text));
}

function headings(sheet: Sheet): string[] {
  return sheet.sections.map((section) => section.heading);
}

/** An excerpt of the QA's Nord plan (FA 12): three sections each holding a table with a header row. */
const FA_12 = [
  '# Schéma départemental des services aux familles du Nord 2024-2028',
  '',
  '## FA 12 — Ouvrir des lieux d\'accueil enfants-parents (LAEP) dans les territoires ruraux',
  '',
  '## Pilote(s)',
  '',
  '- Caf du Nord — pôle Parentalité',
  '',
  '## Partenaires',
  '',
  '| Partenaire | Rôle |',
  '|---|---|',
  '| MSA Nord-Pas de Calais | repérage des familles agricoles, co-financement des LAEP itinérants |',
  '| Udaf 59 | représentation des familles au comité de suivi |',
  '| CCAS d\'Avesnes-sur-Helpe et de Maubeuge | mise à disposition de locaux |',
  '',
  '## Actions',
  '',
  '- **Action 12.1** — Recenser les locaux disponibles avec les CCAS et les communes (2024).',
  '- **Action 12.2** — Ouvrir 4 LAEP fixes (2025-2026).',
  '- **Action 12.3** — Lancer 2 LAEP itinérants en camping-car avec la MSA (2026).',
  '',
  '## Budget prévisionnel',
  '',
  '| Financeur | Montant |',
  '|---|---|',
  '| Caf du Nord (prestation de service LAEP et fonds publics et territoires) | 180 000 € sur la durée du schéma |',
  '| MSA Nord-Pas de Calais | 25 000 € par an pour les LAEP itinérants |',
  '| Département du Nord | 40 000 € (aménagement des locaux) |',
  '',
  '## Calendrier',
  '',
  '| Étape | Date |',
  '|---|---|',
  '| Diagnostic des locaux | 1er semestre 2024 |',
  '| Ouverture des LAEP fixes | septembre 2025 à juin 2026 |',
  '| LAEP itinérants | rentrée 2026 |',
  '| Bilan | décembre 2028 |',
  '',
  '## Indicateurs',
  '',
  '- Nombre de LAEP ouverts dans l\'Avesnois et le Cambrésis (cible : 6)',
  '',
].join('\n');

describe('a table inside a section', () => {
  it('gives the section one item a row, its header and cells never headings (FA 12 of the Nord plan)', () => {
    const sheet = parse(FA_12);
    expect(sheet.code).toBe('FA 12');
    expect(items(sheet, 'partners')).toEqual([
      'MSA Nord-Pas de Calais — repérage des familles agricoles, co-financement des LAEP itinérants',
      'Udaf 59 — représentation des familles au comité de suivi',
      "CCAS d'Avesnes-sur-Helpe et de Maubeuge — mise à disposition de locaux",
    ]);
    expect(items(sheet, 'funding')).toEqual([
      'Caf du Nord (prestation de service LAEP et fonds publics et territoires) : 180 000 € sur la durée du schéma',
      'MSA Nord-Pas de Calais : 25 000 € par an pour les LAEP itinérants',
      'Département du Nord : 40 000 € (aménagement des locaux)',
    ]);
    expect(items(sheet, 'deadlines')).toEqual([
      'Diagnostic des locaux : 1er semestre 2024',
      'Ouverture des LAEP fixes : septembre 2025 à juin 2026',
      'LAEP itinérants : rentrée 2026',
      'Bilan : décembre 2028',
    ]);
    expect(sheet.deadlines.map((deadline) => deadline.years)).toEqual([[2024], [2025, 2026], [2026], [2028]]);
    // The sheet's own headings, each once, as written: no row, no column name.
    expect(headings(sheet)).toEqual(['Pilote(s)', 'Partenaires', 'Actions', 'Budget prévisionnel', 'Calendrier', 'Indicateurs']);
    expect(sheet.sections.filter((section) => section.field === 'other' && section.heading !== '')).toEqual([]);
    expect(sheet.actions.map((action) => action.number)).toEqual([1, 2, 3]);
  });

  it.each([
    ['a plain-text heading in capitals', 'PARTENAIRES ASSOCIES\n'],
    ['a bare known heading', 'Partenaires\n'],
    ['a label line ending with a colon', 'Partenaires :\n'],
    ['a bold heading', '**Partenaires**\n'],
    ['a numbered heading', '## 4. Partenaires\n'],
    ['a heading, then a sentence that introduces the table', '## Partenaires\n\nLes partenaires s\'engagent comme suit :\n'],
  ])('reads it under %s', (_, heading) => {
    const sheet = parse(`FICHE 3 - Un relais parents\n\n${heading}\n| Partenaire | Rôle |\n|---|---|\n| Udaf 33 | représentation des familles |\n| Caf de la Gironde | financement |\n`, 'fiche.txt');
    expect(items(sheet, 'partners')).toEqual(expect.arrayContaining(['Udaf 33 — représentation des familles', 'Caf de la Gironde — financement']));
    expect(headings(sheet)).not.toContain('Udaf 33');
    expect(headings(sheet).join(' ')).not.toMatch(/Partenaire \/|Rôle/);
  });

  it('reads an HTML table under an HTML heading', () => {
    const sheet = parse(
      '<h1>Fiche n° 6 – Un relais parents</h1><h2>Pilote</h2><p>Ville de Tours</p><h2>Budget</h2>' +
        '<table><tr><th>Financeur</th><th>Montant</th></tr><tr><td>Caf</td><td>8 000 €</td></tr><tr><td>Ville</td><td>2 000 €</td></tr></table>' +
        '<h2>Calendrier</h2><table><tr><th>Étape</th><th>Date</th></tr><tr><td>Lancement</td><td>2025</td></tr></table>',
      'fiche.html',
    );
    expect(items(sheet, 'pilot')).toEqual(['Ville de Tours']);
    expect(items(sheet, 'funding')).toEqual(['Caf : 8 000 €', 'Ville : 2 000 €']);
    expect(items(sheet, 'deadlines')).toEqual(['Lancement : 2025']);
    expect(sheet.actions).toEqual([]);
  });

  it('names the columns of a table of three columns or more, and goes on with a row whose first cell is empty', () => {
    const sheet = parse(
      [
        'FA 4 – Des cafés des parents',
        '',
        '## Financement',
        '',
        '| Financeur | Montant | Période |',
        '|---|---|---|',
        '| Caf de la Gironde | 12 000 € | par an |',
        '|  | 3 000 € | en 2024 |',
        '| CC de l\'Estuaire | 5 000 € |  |',
      ].join('\n'),
    );
    expect(items(sheet, 'funding')).toEqual([
      'Caf de la Gironde — Montant : 12 000 € ; Période : par an ; 3 000 € ; en 2024',
      "CC de l'Estuaire — Montant : 5 000 €",
    ]);
  });

  it('keeps a first row that is data, not column names (a Word table has no header row)', () => {
    const sheet = parse('FA 4 – Des cafés des parents\n\n## Partenaires\n\n| Centres sociaux | accueil des permanences |\n| --- | --- |\n| Udaf 33 | comité de suivi |\n');
    expect(items(sheet, 'partners')).toEqual(['Centres sociaux — accueil des permanences', 'Udaf 33 — comité de suivi']);
  });

  it('reads a table with no header row, and a numbered one, as the section says', () => {
    const sheet = parse(
      'FA 4 – Des cafés des parents\n\n## Partenaires\n\n| Udaf 33 | comité de suivi |\n| Caf | financement |\n\n## Actions\n\n| N° | Action |\n|---|---|\n| 1 | Recenser les écoles |\n| 2 | Former les animateurs |\n',
    );
    expect(items(sheet, 'partners')).toEqual(['Udaf 33 — comité de suivi', 'Caf — financement']);
    expect(sheet.actions).toEqual([
      { number: 1, items: ['Recenser les écoles'] },
      { number: 2, items: ['Former les animateurs'] },
    ]);
  });

  it('reads calendar steps named like sections (« Diagnostic », « Actions », « Évaluation ») as the calendar', () => {
    const sheet = parse('FA 4 – Des cafés des parents\n\n## Calendrier\n\n| Étape | Date |\n|---|---|\n| Diagnostic | 2024 |\n| Actions | 2025 |\n| Évaluation | 2026 |\n');
    expect(items(sheet, 'deadlines')).toEqual(['Diagnostic : 2024', 'Actions : 2025', 'Évaluation : 2026']);
    expect(headings(sheet)).toEqual(['Calendrier']);
  });

  it('reads a table under a heading the model does not know as its list, unless its rows are labels', () => {
    const read4 = read('FA 4 – Des cafés des parents\n\n## Suivi\n\n| Instance | Fréquence |\n|---|---|\n| Comité de pilotage | une fois par an |\n| Comité technique | chaque trimestre |\n');
    // Loaded, and reported: the sheet has no section the model knows.
    expect(read4.problems).toEqual([expect.stringMatching(/^FA 4: no known section .*« Suivi »/)]);
    const listed = read4.sheets[0] as Sheet;
    expect(listed.sections.map((section) => [section.heading, section.items.map((item) => item.text)])).toEqual([
      ['Suivi', ['Comité de pilotage — une fois par an', 'Comité technique — chaque trimestre']],
    ]);
    // A document's title above the sheet's two-column table is no section: the table is the sheet.
    const whole = parse('# Convention territoriale globale\n\n| Fiche | 6 |\n|---|---|\n| Titre | Un relais parents |\n| Pilote | Caf |\n| Partenaires | Udaf |\n');
    expect(whole.code).toBe('FICHE 6');
    expect(items(whole, 'pilot')).toEqual(['Caf']);
    expect(items(whole, 'partners')).toEqual(['Udaf']);
  });

  it('keeps a sheet laid out as two tables in a row, and a table of actions with their parts', () => {
    const sheet = parse(
      [
        'Fiche 5 – Des vacances pour tous',
        '',
        '| Pilote | Caf |',
        '|---|---|',
        '| Partenaires | Udaf |',
        '',
        '| Budget | 2 000 € |',
        '|---|---|',
        '| Calendrier | 2025 |',
        '',
        '## Actions',
        '',
        '| Action | Pilote | Échéance |',
        '|---|---|---|',
        '| Départs en famille | centre social | 2025 |',
        '| Séjours de répit | Département | 2026 |',
      ].join('\n'),
      'fiche.txt',
    );
    expect(items(sheet, 'pilot')).toEqual(['Caf', 'centre social', 'Département']);
    expect(items(sheet, 'partners')).toEqual(['Udaf']);
    expect(items(sheet, 'funding')).toEqual(['2 000 €']);
    expect(sheet.actions.map((action) => [action.number, action.title])).toEqual([
      [1, 'Départs en famille'],
      [2, 'Séjours de répit'],
    ]);
    expect(sheet.deadlines.filter((deadline) => deadline.actions.length > 0).map((deadline) => [deadline.actions, deadline.years])).toEqual([
      [[1], [2025]],
      [[2], [2026]],
    ]);
  });

  it('loads the sheet and reports a table it cannot read', () => {
    const empty = read('FA 4 – Des cafés des parents\n\n## Partenaires\n\n| Partenaire | Rôle |\n|---|---|\n\n## Pilote\n\nCaf\n');
    expect(empty.sheets.map((sheet) => sheet.code)).toEqual(['FA 4']);
    expect(empty.problems).toEqual([expect.stringMatching(/« Partenaire \| Rôle ».*« Partenaires ».*no rows/)]);
    // Right under the sheet's code, with no heading: read as « label | content » rows, and said.
    const loose = read('# FA 4 – Des cafés des parents\n\n| Partenaire | Rôle |\n|---|---|\n| Udaf 33 | comité de suivi |\n| Caf de la Gironde | financement |\n');
    expect(loose.sheets.map((sheet) => sheet.code)).toEqual(['FA 4']);
    expect(loose.problems).toEqual([expect.stringMatching(/label \| content.*name no section/)]);
  });

  it('never makes a heading of a cell, whatever the cells hold (property)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }).map((text) => text.replace(/[|\n\r\\]/g, ' ').trim()),
      fc.constantFrom('Pilote', 'Partenaires', 'Action 2', 'ACTION 3 : Former', 'Budget :', 'Fiche 7', '**Calendrier**', '# Titre', '- Caf', '1.', 'Échéance : 2025', '<b>x</b>', '2024'),
    );
    const heading = fc.constantFrom('## Partenaires', '## Budget prévisionnel', '## Calendrier', 'INDICATEURS', 'Financement :');
    fc.assert(
      fc.property(heading, fc.array(fc.array(cell, { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (head, rows) => {
        const width = Math.max(...rows.map((row) => row.length));
        const table = ['| Colonne | Détail |' + (width > 2 ? ' Autre |' : ''), `|${'---|'.repeat(width)}`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
        const text = ['FA 9 – Une fiche', '', head, '', ...table, '', '## Liens avec d\'autres fiches', '', '- FA 10', ''].join('\n');
        const outcome = parseSheets(text, { file: 'fuzz.md', plan: PLAN });
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        const sheet = outcome.sheets[0] as Sheet;
        // The heading above the table, and the one after it: the table's cells added none.
        const own = sheet.sections.filter((section) => section.heading !== '').map((section) => section.field);
        expect(own).toHaveLength(2);
        expect(own[1]).toBe('links');
        expect(items(sheet, 'links')).toEqual(['FA 10']);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a « X : Y » line inside a section', () => {
  it.each([
    ['Pas de financement spécifique : actions d\'information sur les moyens existants.'],
    ['Aucun budget dédié : les moyens existants suffisent.'],
    ['Montant du financement : à définir avec les partenaires.'],
    ['Sans financement propre : mobilisation du droit commun.'],
  ])('keeps « %s » whole when X is a statement, not a heading', (line) => {
    const sheet = parse(`FA 15 — Informer les familles\n\n## Financement\n\n${line}\n\n## Calendrier\n\nChaque printemps.\n`);
    expect(sectionsOf(sheet, 'funding').map((section) => [section.heading, section.items.map((item) => item.text)])).toEqual([['Financement', [line]]]);
  });

  it('still reads a label that names its field first, and a run of labels', () => {
    const sheet = parse('FA 15 — Informer les familles\n\n## Moyens\n\nBudget global : 5 000 €\n\nPilote : Caf du Nord\nPartenaires : Udaf 59\nMontant du financement : 2 000 €\n');
    expect(sectionsOf(sheet, 'funding')[0]?.heading).toBe('Moyens / Budget global');
    expect(items(sheet, 'pilot')).toEqual(['Caf du Nord']);
    expect(items(sheet, 'partners')).toEqual(['Udaf 59']);
    expect(items(sheet, 'funding')).toEqual(['5 000 €', '2 000 €']);
  });
});

describe('actions the sheet numbers itself', () => {
  it('says the label once: « Action 13.1 — Former… » is action 1, « Former… »', () => {
    const sheet = parse('## FA 13 — Soutenir les parents d\'adolescents\n\n## Actions\n\n- **Action 13.1** — Former 30 animateurs (2024-2025).\n- Action 13.2 : Organiser des soirées-débats.\n');
    expect(sheet.actions).toEqual([
      { number: 1, items: ['Former 30 animateurs (2024-2025).'] },
      { number: 2, items: ['Organiser des soirées-débats.'] },
    ]);
  });

  it('keeps the items whole when the labels would give two actions one number', () => {
    const sheet = parse('## FA 13 — Soutenir les parents\n\n## Actions\n\n- Action 1.1 — Former.\n- Action 2.1 — Organiser.\n');
    expect(sheet.actions).toEqual([
      { number: 1, items: ['Action 1.1 — Former.'] },
      { number: 2, items: ['Action 2.1 — Organiser.'] },
    ]);
  });
});

describe('a partner asks about a sheet whose sections are tables', () => {
  let bot: TestBot;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'maillage-section-tables-'));
    const plan = path.join(dir, 'sheets', 'nord');
    mkdirSync(plan, { recursive: true });
    writeFileSync(path.join(plan, 'plan.json'), JSON.stringify({ id: 'nord-test', title: 'Schéma des services aux familles du Nord', period: '2024-2028' }));
    writeFileSync(path.join(plan, 'nord-FA-12.md'), FA_12);
    writeFileSync(
      path.join(plan, 'nord-FA-15.md'),
      '## FA 15 — Informer les familles sur les aides aux vacances\n\n## Pilote(s)\n\nCaf du Nord\n\n## Financement\n\nPas de financement spécifique : actions d\'information sur les moyens existants.\n\n## Calendrier\n\nChaque printemps, de mars à mai.\n',
    );
    bot = await startTestBot(dir);
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each<[says: string, mentions: string[], never: string[]]>([
    ['partenaires de la FA 12', ['MSA Nord-Pas de Calais', 'repérage des familles agricoles', 'Udaf 59'], ['Partenaire • Rôle', 'Partenaires / Partenaire']],
    ['budget de la FA 12', ['180 000 €', '25 000 €', '40 000 €'], ['Financeur • Montant']],
    ['calendrier de la FA 12', ['septembre 2025 à juin 2026', 'décembre 2028'], ["n'a pas de rubrique"]],
    ['financement de la FA 15', ['Pas de financement spécifique : actions d\'information'], ['Financement / Pas de financement']],
    // The summary says each action once, by its number; the whole sheet below it quotes the sheet as written.
    ['résumé de la FA 12', ['Action 1 : Recenser les locaux disponibles', 'Actions (3)'], ['Action 1 : Action 12.1', 'Action 4']],
  ])('« %s »', async (says, mentions, never) => {
    const reply = folded((await conversation(bot, { channelId: 'msteams' }).says(says)).text);
    for (const words of mentions) expect(reply).toContain(folded(words));
    for (const words of never) expect(reply).not.toContain(folded(words));
  });
});

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { conversation, folded, SHIPPED_KNOWLEDGE, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * QA (partners, defect 3): with no report stored, « combien de parents pour la FA 12 cette année ? », « chiffres de la
 * FA 13 », « combien de parents ont participé à la FA 13 ? » got quotations of the sheet (one from 2023 that read like
 * an answer) instead of the declared figures. A figures question about a sheet gets the declared-figures answer for
 * that sheet and period — « aucune déclaration pour l'instant » and the sheet's indicators — as « où en sont les
 * bilans » did; a question about the sheet's indicators as such stays the sheet's answer.
 */
let bot: TestBot;
let knowledge: string;

/** The shipped knowledge and a plan of another layout (FA numbers), with no report at all. */
beforeAll(async () => {
  knowledge = mkdtempSync(path.join(os.tmpdir(), 'maillage-figures-'));
  cpSync(SHIPPED_KNOWLEDGE, knowledge, { recursive: true });
  const plan = path.join(knowledge, 'sheets', 'nord-sdsf');
  mkdirSync(plan, { recursive: true });
  writeFileSync(path.join(plan, 'plan.json'), JSON.stringify({ id: 'nord-sdsf', title: 'Schéma départemental des services aux familles du Nord', territory: 'Nord (59)', period: '2024-2028' }));
  writeFileSync(
    path.join(plan, 'nord-sdsf-FA-13.md'),
    [
      "## FA 13 — Soutenir les parents d'adolescents",
      '',
      '### Constat',
      '',
      "En 2023, **1 parent sur 3** ayant appelé la ligne d'écoute parlait d'un enfant de 12 à 17 ans.",
      '',
      '## Pilote(s)',
      '',
      'Udaf 59',
      '',
      '## Actions',
      '',
      "- **Action 13.1** — Former 30 animateurs de groupes de parole « parents d'ados ».",
      '- **Action 13.2** — Organiser des soirées-débats dans les collèges.',
      '',
      '## Indicateurs',
      '',
      "- Nombre de groupes de parole de parents d'adolescents actifs",
      '- Nombre de parents participants',
      '',
    ].join('\n'),
  );
  bot = await startTestBot(knowledge);
});
afterAll(async () => {
  await bot.stop();
  rmSync(knowledge, { recursive: true, force: true });
});

const partner = () => conversation(bot, { channelId: 'msteams', user: { id: '29:partner', aadObjectId: 'aad-partner-never-enrolled' } });

describe('a partner asks for a sheet’s figures when no centre has reported yet', () => {
  test.each([
    ['combien de parents pour la FA 13 cette année ?', 'FA 13'],
    ['combien de parents pour la PA 2.3.2 cette année ?', 'PA 2.3.2'],
    ['chiffres de la FA 13', 'FA 13'],
    ['combien de parents ont participé à la FA 13 ?', 'FA 13'],
    ['combien de parents ont participé aux actions de la PA 2.3.2 en 2025 ?', 'PA 2.3.2'],
    ['how many parents took part in FA 13 this year?', 'FA 13'],
  ])('« %s »: no declaration yet, and the sheet’s indicators', async (question, code) => {
    const reply = folded((await partner().says(question)).text);
    expect(reply).toMatch(/aucune declaration pour l'instant|no report yet/);
    expect(reply).toContain(folded(code));
    // The sheet's text is not quoted as if it answered.
    expect(reply).not.toContain('1 parent sur 3');
  });

  test('the sheet’s indicators as such stay the sheet’s answer', async () => {
    const reply = folded((await partner().says('quels indicateurs pour la FA 13 ?')).text);
    expect(reply).toContain('nombre de parents participants');
    expect(reply).not.toContain("aucune declaration pour l'instant");
  });

  test('what the sheet says of itself stays the sheet’s answer', async () => {
    const reply = folded((await partner().says('qui pilote la FA 13 ?')).text);
    expect(reply).toContain('udaf 59');
    expect(reply).not.toContain("aucune declaration pour l'instant");
  });
});

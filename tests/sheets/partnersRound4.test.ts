import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fold, type Language } from '../../src/language/text';
import { SheetIndex, answerSheetQuestion, loadSheetKnowledge, readSheetQuestion, type SheetConversation } from '../../src/sheets';
import { conversation, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * Partners' round 4, on plans written for these tests (the rules must hold on sheets the code never saw), then through
 * the whole bot on the shipped knowledge:
 * 1. a question that names a role (« pilotées par », « financeur », « partenaire de », « led by », « funded by »,
 *    « partner in ») lists the sheets where the organisation holds that role, then says in one line how many other
 *    sheets name it in another role, with a suggestion to see them; « impliquent » names no role and lists every one;
 * 2. English role questions read as the French ones do, and « Which action sheets mention … as pilot? » is a list;
 * 3. « combien de fiches dans le plan de … ? » answers with the count, plan by plan when the words fit several plans,
 *    then the sheets grouped under their plan.
 */

const SARTHE_SDSF = { id: 'sarthe-sdsf', title: 'Schéma départemental des services aux familles de la Sarthe', territory: 'Sarthe (72)', period: '2024-2028' };
const SARTHE_AVS = { id: 'sarthe-avs', title: 'Animation de la vie sociale de la Sarthe', territory: 'Sarthe (72)', period: '2023-2027' };
const MAYENNE = { id: 'mayenne-ctg', title: 'Convention territoriale globale de Laval Agglomération', territory: 'Mayenne (53)', period: '2025-2029' };

/** The MSA is the pilot of FA 1, a partner of FA 2, a funder of FA 3 and of PA 1.1; the Caf co-pilots FA 3 and PA 1.2. */
const SDSF_SHEETS = `## FA 1 — Ouvrir des lieux d'accueil enfants-parents en milieu rural

### Constat

La MSA relève que 40 % des familles rurales vivent à plus de 20 km d'un LAEP.

### Pilote

MSA Mayenne-Orne-Sarthe

### Partenaires

- Caf de la Sarthe
- Communes rurales

### Financements

Caf de la Sarthe : 30 000 € par an.

## FA 2 — Soutenir les parents d'adolescents

### Pilote

Conseil départemental de la Sarthe

### Partenaires

- MSA Mayenne-Orne-Sarthe
- Maison des adolescents du Mans

### Financements

Conseil départemental de la Sarthe.

## FA 3 — Développer la médiation familiale

### Pilote

- Caf de la Sarthe
- Udaf 72

### Partenaires

- Tribunal judiciaire du Mans

### Financements

- Caf de la Sarthe
- MSA Mayenne-Orne-Sarthe
`;

const AVS_SHEETS = `## PA 1.1 — Accompagner les centres sociaux ruraux

### Pilote

Fédération des centres sociaux de la Sarthe

### Partenaires

- Caf de la Sarthe

### Financements

- Caf de la Sarthe
- MSA Mayenne-Orne-Sarthe

## PA 1.2 — Former les bénévoles des espaces de vie sociale

### Pilote

Caf de la Sarthe

### Partenaires

- Fédération des centres sociaux de la Sarthe

### Financements

Fonds de développement de la vie associative.
`;

const MAYENNE_SHEETS = `## FICHE 4 — Créer un réseau des parents de Laval

### Pilote

Caf de la Mayenne

### Partenaires

- Udaf 53
- Centres sociaux de Laval

### Financements

Caf de la Mayenne.
`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-partners-round4-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function writePlan(plan: { id: string }, file: string, text: string): void {
  const dir = path.join(work, 'sheets', plan.id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan));
  fs.writeFileSync(path.join(dir, file), text);
}

let index: SheetIndex;
beforeAll(() => {
  writePlan(SARTHE_SDSF, 'fiches.md', SDSF_SHEETS);
  writePlan(SARTHE_AVS, 'fiches.md', AVS_SHEETS);
  writePlan(MAYENNE, 'fiches.md', MAYENNE_SHEETS);
  const knowledge = loadSheetKnowledge(path.join(work, 'sheets'));
  expect(knowledge.problems).toEqual([]);
  index = SheetIndex.build(knowledge.sheets);
});

type Row = [says: string, mentions: string[], never?: string[]];

/** A conversation on the sheets, turn after turn with the memory kept: the reply's text and its suggestions. */
function transcript(rows: Row[], language: Language = 'fr'): Array<{ text: string; suggestions: string[] }> {
  let memory: SheetConversation = {};
  const turns: Array<{ text: string; suggestions: string[] }> = [];
  for (const [says, mentions, never = []] of rows) {
    const turn = answerSheetQuestion(index, readSheetQuestion(index, says), memory, language);
    memory = turn.conversation;
    turns.push(turn);
    const reply = fold(`${turn.text}\n${turn.suggestions.join('\n')}`);
    for (const words of mentions) expect({ says, reply: reply.includes(fold(words)) ? true : turn.text }).toEqual({ says, reply: true });
    for (const words of never) expect({ says, reply: reply.includes(fold(words)) ? turn.text : false }).toEqual({ says, reply: false });
  }
  return turns;
}

/** The sheets a reply lists, by their codes, in order. */
function codesListed(text: string): string[] {
  return [...text.matchAll(/^- \*\*((?:FA|PA|FICHE) [\d.]+)/gm)].map((found) => found[1]!);
}

function ask(says: string, language: Language = 'fr') {
  return answerSheetQuestion(index, readSheetQuestion(index, says), {}, language);
}

describe('1. a role named: the sheets where the organisation holds it, then a count of the others', () => {
  it('« quelles fiches sont pilotées par la MSA ? » lists the sheet it pilots, and counts the three that name it otherwise', () => {
    const [turn] = transcript([
      ['quelles fiches sont pilotées par la MSA ?', ['Une fiche cite « MSA » comme pilote', '3 autres fiches citent « MSA » dans un autre rôle', 'partenaire', 'financeur'], ['FA 2 —', 'FA 3 —', 'PA 1.1 —']],
    ]);
    expect(codesListed(turn!.text)).toEqual(['FA 1']);
    // The suggestion shows them all, every role.
    expect(turn!.suggestions[0]).toBe('Quelles fiches parlent de MSA ?');
    transcript([[turn!.suggestions[0]!, ['FA 1', 'FA 2', 'FA 3', 'PA 1.1', 'pilote', 'partenaire', 'financeur']]]);
  });

  it.each([
    ['quelles fiches la Caf copilote-t-elle ?', ['FA 3', 'PA 1.2', 'FICHE 4']],
    ['quelles fiches la Caf co-pilote ?', ['FA 3', 'PA 1.2', 'FICHE 4']],
    ['dans quelles fiches la Caf est-elle pilote ?', ['FA 3', 'PA 1.2', 'FICHE 4']],
    ['quelles fiches sont portées par la Caf ?', ['FA 3', 'PA 1.2', 'FICHE 4']],
    ['quelles fiches sont financées par la MSA ?', ['FA 3', 'PA 1.1']],
    ['fiches où la MSA est financeur', ['FA 3', 'PA 1.1']],
    ['quelles fiches la Caf finance-t-elle ?', ['FA 1', 'FA 3', 'PA 1.1', 'FICHE 4']],
    ['de quelles fiches la MSA est-elle partenaire ?', ['FA 2']],
    ['fiches ayant la Caf comme partenaire', ['FA 1', 'PA 1.1']],
    ['où l’Udaf est-elle partenaire ?', ['FICHE 4']],
  ])('« %s » lists %j', (says, codes) => {
    const turn = ask(says);
    expect({ says, listed: codesListed(turn.text).sort() }).toEqual({ says, listed: [...codes].sort() });
  });

  it('no sheet with that role: said plainly, with the sheets that name it otherwise and a way to see them', () => {
    transcript([
      ['quelles fiches sont financées par l’Udaf ?', ['Aucune fiche ne cite « Udaf » comme financeur', '2 fiches citent « Udaf » dans un autre rôle (pilote, partenaire)', "Quelles fiches parlent d'Udaf ?"], ['FA 3 —', 'FICHE 4 —']],
    ]);
  });

  it('names the organisation back as typed, and says nothing of other roles when there are none', () => {
    transcript([
      ['quelles fiches sont pilotées par la Fédération des centres sociaux ?', ['Une fiche cite « Fédération des centres sociaux » comme pilote', 'PA 1.1', 'Une autre fiche cite « Fédération des centres sociaux » dans un autre rôle (partenaire)'], ['PA 1.2 —']],
      ['quelles fiches sont pilotées par le Conseil départemental ?', ['Une fiche cite « Conseil départemental » comme pilote', 'FA 2'], ['autre rôle', 'autres fiches']],
    ]);
  });

  it('« impliquent » names no role: every sheet, each with its role, as before', () => {
    const [turn] = transcript([['quelles fiches impliquent la MSA ?', ['4 fiches correspondent', 'pilote', 'partenaire', 'financeur'], ['autre rôle']]]);
    expect(codesListed(turn!.text).sort()).toEqual(['FA 1', 'FA 2', 'FA 3', 'PA 1.1']);
  });

  it('parents’ words with « où » and a verb of the roles ask for no list of sheets', () => {
    for (const says of ['où est la porte d’entrée du centre social ?', 'où trouver un groupe de parole animé par une psychologue ?', 'where can my son take part in a workshop?', 'où sont financées les sorties familles ?']) {
      const question = readSheetQuestion(index, says);
      expect({ says, listing: question.listing }).toEqual({ says, listing: false });
    }
  });

  it('a field asked of one sheet is still a field: « qui est le pilote de la FA 2 ? »', () => {
    transcript([
      ['qui est le pilote de la FA 2 ?', ['Conseil départemental de la Sarthe'], ['fiches citent']],
      ['et ses partenaires ?', ['Maison des adolescents du Mans']],
      ['où est le pilote ?', [], ['fiches citent', 'correspondent']],
    ]);
  });
});

describe('2. English role questions read as the French ones do', () => {
  it.each([
    ['which sheets is the MSA piloting?', ['FA 1']],
    ['which sheets does the MSA lead?', ['FA 1']],
    ['sheets led by the MSA', ['FA 1']],
    ['Which action sheets mention the MSA as pilot?', ['FA 1']],
    ['which sheets does the MSA fund?', ['FA 3', 'PA 1.1']],
    ['sheets funded by the MSA', ['FA 3', 'PA 1.1']],
    ['which sheets does the MSA take part in?', ['FA 2']],
    ['which sheets is the MSA a partner in?', ['FA 2']],
    ['where is Udaf a partner?', ['FICHE 4']],
  ])('« %s » lists %j', (says, codes) => {
    const turn = ask(says, 'en');
    expect({ says, listed: codesListed(turn.text).sort() }).toEqual({ says, listed: [...codes].sort() });
  });

  it('says the count, the role and the others in English', () => {
    transcript(
      [['Which action sheets mention the MSA as pilot?', ['One sheet names "MSA" as pilot', '3 other sheets name "MSA" in another role', 'Which sheets mention MSA?'], ['best matches']]],
      'en',
    );
  });
});

describe('3. how many sheets a plan has', () => {
  it('« combien de fiches dans le plan de la Sarthe ? »: the count of each plan the words fit, then the sheets under their plan', () => {
    // The plan whose name « Sarthe » is the larger part of comes first.
    const [turn] = transcript([
      ['combien de fiches dans le plan de la Sarthe ?', [
        'Animation de la vie sociale de la Sarthe a 2 fiches ; Schéma départemental des services aux familles de la Sarthe en a 3.',
      ], ['Laval', 'FICHE 4']],
    ]);
    const lines = turn!.text.split('\n');
    const heading = (title: string) => lines.findIndex((line) => line.includes(title) && !line.startsWith('-') && !line.includes(' fiches'));
    const sdsf = heading(SARTHE_SDSF.title);
    const avs = heading(SARTHE_AVS.title);
    expect(sdsf).toBeGreaterThan(0);
    expect(avs).toBeGreaterThan(0);
    // Each plan's sheets follow its title, and no other plan's.
    const under = (start: number) => codesListed(lines.slice(start + 1).join('\n').split('\n\n')[0]!);
    expect(under(sdsf)).toEqual(['FA 1', 'FA 2', 'FA 3']);
    expect(under(avs)).toEqual(['PA 1.1', 'PA 1.2']);
  });

  it('in English, and for a plan of its own', () => {
    transcript([['how many sheets are in the Sarthe plan?', ['Animation de la vie sociale de la Sarthe has 2 sheets; Schéma départemental des services aux familles de la Sarthe has 3.']]], 'en');
    transcript([['combien de fiches dans la convention de Laval ?', ['a 1 fiche', 'FICHE 4'], ['Sarthe']]]);
  });

  it('with no plan named: every plan, each with its count', () => {
    transcript([['combien de fiches as-tu ?', ['6 fiches dans 3 plans', 'de la Sarthe a 3 fiches', 'en a 2', 'en a 1']]]);
  });

  it('a count with a role counts the sheets in that role', () => {
    transcript([['combien de fiches la Caf pilote-t-elle ?', ['3 fiches citent « Caf » comme pilote']]]);
  });
});

describe('through the whole bot, on the shipped knowledge', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it.each<[string, string, string[], string[]]>([
    ['fr-FR', 'quelles fiches sont pilotées par la Caf ?', ['3 fiches citent « caf » comme pilote', 'autres fiches citent « caf » dans un autre rôle', 'quelles fiches parlent de caf'], ['PA 3.2.1 —']],
    ['fr-FR', 'quelles fiches impliquent l’Udaf ?', ['2.3.2', 'partenaire'], ['autre rôle']],
    ['en-US', 'which sheets is the Caf piloting?', ['3 sheets name "caf" as pilot', 'in another role'], ['no sheet matches']],
    ['en-US', 'Which action sheets mention the CAF as pilot?', ['3 sheets name "caf" as pilot'], ['best matches']],
    ['fr-FR', 'combien de fiches dans le plan du Rhône ?', ['Schéma départemental des services aux familles du Rhône a 2 fiches ; Animation de la vie sociale du Rhône et de la Métropole de Lyon en a 2.'], ['tourangelle']],
    ['en-US', 'how many sheets are in the Rhône plan?', ['has 2 sheets', 'has 2.'], ['tourangelle']],
  ])('%s « %s »', async (locale, says, mentions, never) => {
    const reply = fold((await conversation(bot, { locale }).says(says)).text);
    for (const words of mentions) expect({ says, reply: reply.includes(fold(words)) ? true : reply }).toEqual({ says, reply: true });
    for (const words of never) expect({ says, reply: reply.includes(fold(words)) ? reply : false }).toEqual({ says, reply: false });
  });
});

import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { createLogger } from '../../src/log/logger';
import { hashEnrolmentCode } from '../../src/reports/enrolmentCodes';
import type { Centre, ReportBody } from '../../src/reports/model';
import { openStore, type Store } from '../../src/storage';
import { inviteCode } from '../helpers/enrolment';
import { cafeReport, GRANDCLEMENT, storeTeamsReport, TISSERANDS } from '../helpers/reportFixtures';
import { conversation, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * QA staff round, item 4: a partner's « et par centre ? » / « et par commune ? » after a figures answer got a sheet's
 * card, and « combien de parents par centre pour la PA 2.3.2 cette année ? » the overall total only. The figures come
 * one line a centre (or a commune) with its totals and its number of reports, the biggest first, within the sheet and
 * the period answered before; a centre's staff member is told the breakdown holds their own centre only.
 */

const thisYear = DateTime.now().setZone('Europe/Paris').year;
const PASSERELLE: Centre = { structureId: 'evs-la-passerelle', structureName: 'EVS La Passerelle', communeCode: '69266', communeName: 'Villeurbanne' };

let bot: TestBot;
let store: Store;
let submitted = 0;

async function submit(centre: Centre, fields: Partial<ReportBody>): Promise<void> {
  submitted += 1;
  await storeTeamsReport(store, `breakdown-${submitted}`, centre, cafeReport({ startDate: `${thisYear}-01-01`, endDate: `${thisYear}-01-01`, qpvParents: 0, ...fields }));
}

beforeAll(async () => {
  bot = await startTestBot();
  store = await openStore(bot.databaseUrl, createLogger('silent'));
  // PA 2.3.2 this year: Les Tisserands (Lyon 8e) 14 + 20 parents, La Passerelle (Villeurbanne) 40, Grandclément (Villeurbanne) 9.
  await submit(TISSERANDS, { parents: 14, qpvParents: 6 });
  await submit(TISSERANDS, { parents: 20 });
  await submit(PASSERELLE, { parents: 40 });
  await submit(GRANDCLEMENT, { parents: 9 });
  // Outside what is asked: last year, and another sheet.
  await submit(TISSERANDS, { parents: 100, startDate: `${thisYear - 1}-06-01`, endDate: `${thisYear - 1}-06-01` });
  await submit(GRANDCLEMENT, { parents: 50, planId: 'rhone-avs', sheetCode: 'PA 2.3.3' });
});
afterAll(async () => {
  await store.close();
  await bot.stop();
});

/** A partner in Teams (never enrolled). */
function partner() {
  return conversation(bot, { channelId: 'msteams', user: { id: `29:${randomUUID()}`, aadObjectId: randomUUID() } });
}

/** The lines of a breakdown, after its heading (« Par centre : »). */
function rowsAfter(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  return lines.slice(start + 1).filter((line) => line.startsWith('- '));
}

describe('a partner asks for the figures by centre or by commune', () => {
  test('« combien de parents par centre pour la PA 2.3.2 cette année ? »: one line a centre, the biggest first', async () => {
    const text = (await partner().says('combien de parents par centre pour la PA 2.3.2 cette année ?')).text;
    expect(text).toContain(`PA 2.3.2 (Schéma départemental des services aux familles du Rhône), en ${thisYear} : 83 parents, dont 6 en QPV — d'après 4 déclarations de 3 centres.`);
    expect(rowsAfter(text, 'Par centre :')).toEqual([
      '- EVS La Passerelle : 40 parents — 1 déclaration',
      '- Centre social Les Tisserands : 34 parents, dont 6 en QPV — 2 déclarations',
      '- Centre social Grandclément : 9 parents — 1 déclaration',
    ]);
  });

  test('« et par centre ? », then « et par commune ? », after a figures answer: the same sheet and period, broken down', async () => {
    const chat = partner();
    const total = (await chat.says('combien de parents ont participé aux actions de la PA 2.3.2 cette année ?')).text;
    expect(total).toContain('83 parents');

    const byCentre = (await chat.says('et par centre ?')).text;
    expect(byCentre).toContain(`PA 2.3.2 (Schéma départemental des services aux familles du Rhône), en ${thisYear} : 83 parents`);
    expect(rowsAfter(byCentre, 'Par centre :')).toEqual([
      '- EVS La Passerelle : 40 parents — 1 déclaration',
      '- Centre social Les Tisserands : 34 parents, dont 6 en QPV — 2 déclarations',
      '- Centre social Grandclément : 9 parents — 1 déclaration',
    ]);

    const byCommune = (await chat.says('et par commune ?')).text;
    expect(rowsAfter(byCommune, 'Par commune :')).toEqual([
      '- Villeurbanne : 49 parents — 2 déclarations',
      '- Lyon 8e Arrondissement : 34 parents, dont 6 en QPV — 2 déclarations',
    ]);
    // Last year's 100 parents and the other sheet's 50 stay out.
    expect(byCommune).not.toMatch(/100|50 parents|149|99 parents/);
  });

  test('« détail par structure » and « by centre » break the last figures down too', async () => {
    const chat = partner();
    await chat.says('combien de parents ont participé aux actions de la PA 2.3.2 cette année ?');
    const detail = (await chat.says('détail par structure')).text;
    expect(rowsAfter(detail, 'Par centre :')[0]).toBe('- EVS La Passerelle : 40 parents — 1 déclaration');
    const english = (await chat.says('by centre')).text;
    expect(english).toMatch(/La Passerelle/);
    expect(english).toMatch(/Les Tisserands/);
    expect(english).not.toMatch(/2\.3\.3/);
  });

  test('a follow-up naming another period keeps the sheet and changes the period', async () => {
    const chat = partner();
    await chat.says('combien de parents ont participé aux actions de la PA 2.3.2 cette année ?');
    const lastYear = (await chat.says(`et par commune en ${thisYear - 1} ?`)).text;
    expect(rowsAfter(lastYear, 'Par commune :')).toEqual(['- Lyon 8e Arrondissement : 100 parents — 1 déclaration']);
  });

  test('another question with « chaque centre » or « par association » in it is not a breakdown', async () => {
    const chat = partner();
    await chat.says('combien de parents ont participé aux actions de la PA 2.3.2 cette année ?');
    for (const question of ['Est-ce que chaque centre doit remplir le formulaire ?', 'Par association, qui contacter ?', 'Y a-t-il un LAEP dans chaque commune du Rhône ?']) {
      expect(folded((await chat.says(question)).text)).not.toMatch(/par (centre|commune) :/);
    }
  });

  test('once another question is answered, « et par centre ? » no longer breaks down the old figures', async () => {
    const chat = partner();
    await chat.says('combien de parents ont participé aux actions de la PA 2.3.2 cette année ?');
    await chat.says('qui pilote la PA 3.2.1 ?');
    expect(folded((await chat.says('et par centre ?')).text)).not.toContain('par centre :');
  });

  test('« et par centre ? » with no figures asked before is no figures question', async () => {
    const text = folded((await partner().says('et par centre ?')).text);
    expect(text).not.toContain('par centre :');
  });
});

describe('a centre’s staff member asks for the figures by centre', () => {
  test('the breakdown is their own centre only, and says so', async () => {
    const user = { id: `web-staff-${randomUUID().slice(0, 8)}` };
    const code = await inviteCode(store, TISSERANDS);
    expect(await store.enrolments.redeem(hashEnrolmentCode(code), `webchat:${user.id}`, 'webchat', new Date())).not.toBeNull();
    const chat = conversation(bot, { user });
    const text = (await chat.says('combien de parents par centre pour la PA 2.3.2 cette année ?')).text;
    expect(text).toContain('Vous voyez les chiffres de votre centre seulement : le détail par centre ne montre que Centre social Les Tisserands.');
    expect(rowsAfter(text, 'Par centre :')).toEqual(['- Centre social Les Tisserands : 34 parents, dont 6 en QPV — 2 déclarations']);
    expect(text).not.toContain('Passerelle');
    const byCommune = (await chat.says('et par commune ?')).text;
    expect(byCommune).toContain('le détail par commune ne montre que Centre social Les Tisserands');
    expect(rowsAfter(byCommune, 'Par commune :')).toEqual(['- Lyon 8e Arrondissement : 34 parents, dont 6 en QPV — 2 déclarations']);
  });
});

import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { cafeReport, GRANDCLEMENT, storeTeamsReport, TISSERANDS } from '../helpers/reportFixtures';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * QA (reports, defect 6): at « Quelle action de la fiche ? », « bilan de Association Les Petites Mains » got « Donnez le
 * numéro d'une action… »: a question about figures in the middle of the form was taken for the field's answer. It is
 * answered (with what the asker's role allows: a centre's staff see their own centre's figures) and the pending
 * question is asked again, as after a sheet question.
 */
let bot: TestBot;
let store: Store;
const thisYear = DateTime.now().setZone('Europe/Paris').year;

withBotAndItsStore((running) => ({ bot, store } = running));
beforeAll(async () => {
  for (const [centre, parents] of [[TISSERANDS, 14], [GRANDCLEMENT, 9]] as const) {
    await storeTeamsReport(store, `mid-form-${centre.structureId}`, centre, cafeReport({ parents, qpvParents: 2, startDate: `${thisYear}-01-01`, endDate: `${thisYear}-01-01` }));
  }
});

/** Enrolled for Les Tisserands, at « Quelle action de la fiche ? » of PA 2.3.2. */
async function atTheActionQuestion(channelId: string) {
  const user = { id: `staff-${randomUUID().slice(0, 8)}`, ...(channelId === 'msteams' ? { aadObjectId: randomUUID() } : {}) };
  const chat = conversation(bot, { channelId, user });
  await chat.says('déclarer une action');
  await chat.says(await inviteCode(store));
  expect(folded((await chat.says('PA 2.3.2')).text)).toContain('quelle action');
  return chat;
}

describe.each(['msteams', 'webchat'])('a figures question in the middle of a report (%s)', (channelId) => {
  test('« bilan de Association Les Petites Mains »: their own centre’s figures, then the action asked again', async () => {
    const chat = await atTheActionQuestion(channelId);
    const reply = (await chat.says('bilan de Association Les Petites Mains')).text;
    expect(reply).toContain('Vous voyez les chiffres de votre centre seulement');
    expect(reply).toContain('Centre social Les Tisserands');
    expect(reply).not.toContain('23 parents');
    expect(folded(reply)).toContain('quelle action');
    expect(folded(reply)).not.toContain(folded('donnez le numéro'));
  });

  test('« combien de parents ont participé aux actions de la PA 2.3.2 cette année ? » at a count: answered, the count not taken', async () => {
    const chat = await atTheActionQuestion(channelId);
    await chat.says('1');
    await chat.says('café des parents');
    await chat.says('Café de janvier');
    await chat.says('le 5 janvier');
    const atSessions = folded((await chat.says('1')).text);
    expect(atSessions).toContain('combien de parents');
    const reply = (await chat.says('combien de parents ont participé aux actions de la PA 2.3.2 cette année ?')).text;
    expect(reply).toMatch(/14 parents/);
    expect(folded(reply)).toContain('combien de parents');
    // The form still waits for its count: the next number is it.
    expect(folded((await chat.says('8')).text)).toContain('quartier prioritaire');
  });

  test('a title that reads like a review stays the title', async () => {
    const chat = await atTheActionQuestion(channelId);
    await chat.says('1');
    await chat.says('café des parents');
    const reply = folded((await chat.says('Bilan de l’atelier de janvier')).text);
    expect(reply).toContain('quand');
  });
});

import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { cafeReport, TISSERANDS } from '../helpers/reportFixtures';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * QA (reports, defect 1): on the website, an enrolled staff member who opened a new conversation and said « reprendre
 * ma déclaration », « mes déclarations », « corriger RPT-… » or asked for figures got « pas compris » or a sheet's
 * text: the enrolment was only known in the conversation where it was made. On the widget every page load is a new
 * conversation. An enrolled account (its key: the channel's user id, in Teams its Entra ID) reaches its drafts, reports
 * and figures in any conversation; a revoked one stays revoked.
 */
let bot: TestBot;
let store: Store;
const thisYear = DateTime.now().setZone('Europe/Paris').year;
const FIGURES = `combien de parents ont participé aux actions de la PA 2.3.2 cette année ?`;

withBotAndItsStore((running) => ({ bot, store } = running));

/** A website visitor (one user id, as the widget keeps it), enrolled for Les Tisserands in a first conversation. */
async function enrolledOnTheWebsite(channelId = 'webchat') {
  const user = { id: `web-staff-${randomUUID().slice(0, 8)}` };
  const first = conversation(bot, { channelId, user });
  await first.says('déclarer une action');
  expect(folded((await first.says(await inviteCode(store))).text)).toContain('les tisserands');
  return { user, first, key: `${channelId}:${user.id}` };
}

/** A report of theirs, stored as the journey stores one. */
async function storedReportOf(key: string, parents: number): Promise<string> {
  const { report } = await store.reports.submit({
    submissionKey: randomUUID(),
    centre: TISSERANDS,
    body: cafeReport({ parents, qpvParents: 1, startDate: `${thisYear}-01-02`, endDate: `${thisYear}-01-02` }),
    submittedBy: key,
    channelId: 'webchat',
    submittedAt: new Date(),
  });
  return report.id;
}

describe('an enrolled staff member on the website, in a new conversation', () => {
  test('« reprendre ma déclaration » as the first message resumes the draft started in another conversation', async () => {
    const { user, first } = await enrolledOnTheWebsite();
    await first.says('PA 3.2.1');
    const later = conversation(bot, { user });
    const resumed = folded((await later.says('reprendre ma déclaration')).text);
    expect(resumed).toContain('pa 3.2.1');
    expect(resumed).not.toContain('pas bien compris');
  });

  test('« mes déclarations » lists their reports, first message or after « bonjour »', async () => {
    const { user, key } = await enrolledOnTheWebsite();
    const reference = await storedReportOf(key, 11);
    expect((await conversation(bot, { user }).says('mes déclarations')).text).toContain(reference);
    const greeted = conversation(bot, { user });
    await greeted.says('bonjour');
    expect((await greeted.says('mes déclarations')).text).toContain(reference);
  });

  test('« corriger RPT-… » reopens their report at its summary', async () => {
    const { user, key } = await enrolledOnTheWebsite();
    const reference = await storedReportOf(key, 12);
    const reply = folded((await conversation(bot, { user }).says(`corriger ${reference}`)).text);
    expect(reply).toContain(folded(`correction de ${reference}`));
    expect(reply).toContain('confirmer');
  });

  test('a figures question gets their centre’s figures, not the sheet’s text', async () => {
    const { user, key } = await enrolledOnTheWebsite();
    await storedReportOf(key, 13);
    const reply = (await conversation(bot, { user }).says(FIGURES)).text;
    expect(reply).toMatch(/d'après \d+ déclarations? de 1 centre/);
    expect(reply).toContain('Centre social Les Tisserands');
  });

  test('the same on directline, the other website channel', async () => {
    const { user } = await enrolledOnTheWebsite('directline');
    const reply = folded((await conversation(bot, { user, channelId: 'directline' }).says('mes déclarations')).text);
    expect(reply).toContain(folded('aucune déclaration'));
    expect(reply).not.toContain('pas bien compris');
  });

  test('someone else on the website (a parent) gets neither the reports nor the figures', async () => {
    const { key } = await enrolledOnTheWebsite();
    const reference = await storedReportOf(key, 14);
    const parent = conversation(bot);
    expect((await parent.says('mes déclarations')).text).not.toContain(reference);
    expect((await parent.says(`corriger ${reference}`)).text).not.toContain('Correction');
    expect((await parent.says(FIGURES)).text).not.toMatch(/d'après \d+ déclarations? de/);
  });

  test('a revoked account stays revoked in a new conversation', async () => {
    const { user, key, first } = await enrolledOnTheWebsite();
    await first.says('PA 3.2.1');
    const reference = await storedReportOf(key, 15);
    const enrolment = await store.enrolments.find(key);
    expect(await store.enrolments.revoke(enrolment?.id ?? '', 'admin:test', new Date())).toBe(true);
    const later = conversation(bot, { user });
    expect((await later.says('mes déclarations')).text).not.toContain(reference);
    expect((await later.says(FIGURES)).text).not.toMatch(/d'après \d+ déclarations? de/);
    expect(folded((await later.says('reprendre ma déclaration')).text)).not.toContain('pa 3.2.1');
  });

  test('the enrolment is remembered in the conversation: revoked meanwhile, it is checked again before anything is shown', async () => {
    const { user, key } = await enrolledOnTheWebsite();
    const reference = await storedReportOf(key, 16);
    const later = conversation(bot, { user });
    expect((await later.says('mes déclarations')).text).toContain(reference);
    const enrolment = await store.enrolments.find(key);
    await store.enrolments.revoke(enrolment?.id ?? '', 'admin:test', new Date());
    expect((await later.says('mes déclarations')).text).not.toContain(reference);
  });
});

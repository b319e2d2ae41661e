import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { createLogger } from '../../src/log/logger';
import { hashEnrolmentCode } from '../../src/reports/enrolmentCodes';
import { openStore, type Store } from '../../src/storage';
import { inviteCode } from '../helpers/enrolment';
import { cafeReport, GRANDCLEMENT, TISSERANDS } from '../helpers/reportFixtures';
import { conversation, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * QA staff round, item 10: a centre's staff member's « aide » said how to report, never that they can ask their centre's
 * figures. It says so, with an example that, typed as it is, gives their own centre's figures.
 */
const thisYear = DateTime.now().setZone('Europe/Paris').year;
let bot: TestBot;
let store: Store;

beforeAll(async () => {
  bot = await startTestBot();
  store = await openStore(bot.databaseUrl, createLogger('silent'));
  for (const [centre, parents] of [[TISSERANDS, 14], [GRANDCLEMENT, 9]] as const) {
    await store.reports.submit({
      submissionKey: `help-${centre.structureId}`,
      centre,
      body: cafeReport({ parents, qpvParents: 0, startDate: `${thisYear}-01-01`, endDate: `${thisYear}-01-01` }),
      submittedBy: `aad:someone-${centre.structureId}`,
      channelId: 'msteams',
      submittedAt: new Date(),
    });
  }
});
afterAll(async () => {
  await store.close();
  await bot.stop();
});

async function enrolledStaff(channelId: 'webchat' | 'msteams') {
  const user = channelId === 'msteams' ? { id: `29:${randomUUID()}`, aadObjectId: randomUUID() } : { id: `web-staff-${randomUUID().slice(0, 8)}` };
  const key = channelId === 'msteams' ? `aad:${user.aadObjectId}` : `webchat:${user.id}`;
  expect(await store.enrolments.redeem(hashEnrolmentCode(await inviteCode(store, TISSERANDS)), key, channelId, new Date())).not.toBeNull();
  return conversation(bot, { channelId, user });
}

describe.each(['webchat', 'msteams'] as const)('an enrolled staff member’s help (%s)', (channelId) => {
  test('« aide » says they can ask their centre’s figures; the example, typed as it is, gives them', async () => {
    const chat = await enrolledStaff(channelId);
    const help = (await chat.says('aide')).text;
    expect(folded(help)).toContain('les chiffres declares par votre centre');
    const example = /« (combien de parents[^»]+) »/.exec(help)?.[1];
    expect(example).toBeDefined();
    const figures = (await chat.says(example ?? '')).text;
    expect(figures).toContain('14 parents');
    expect(figures).not.toContain('23 parents');
    expect(figures).not.toContain('9 parents');
  });

  test('in English too', async () => {
    const chat = await enrolledStaff(channelId);
    const help = (await chat.says('help', { locale: 'en-GB' })).text;
    expect(help).toContain("your centre's figures");
  });
});

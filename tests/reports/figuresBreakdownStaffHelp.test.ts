import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { hashEnrolmentCode } from '../../src/reports/enrolmentCodes';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { cafeReport, GRANDCLEMENT, storeTeamsReport, TISSERANDS } from '../helpers/reportFixtures';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * QA staff round, item 10: a centre's staff member's « aide » said how to report, never that they can ask their centre's
 * figures. It says so, with an example that, typed as it is, gives their own centre's figures.
 */
const thisYear = DateTime.now().setZone('Europe/Paris').year;
let bot: TestBot;
let store: Store;

withBotAndItsStore((running) => ({ bot, store } = running));
beforeAll(async () => {
  for (const [centre, parents] of [[TISSERANDS, 14], [GRANDCLEMENT, 9]] as const) {
    await storeTeamsReport(store, `help-${centre.structureId}`, centre, cafeReport({ parents, qpvParents: 0, startDate: `${thisYear}-01-01`, endDate: `${thisYear}-01-01` }));
  }
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

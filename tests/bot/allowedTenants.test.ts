import { conversation, folded, startTestBot, type TestBot } from '../helpers/transcript';

/** ALLOWED_TENANTS through the whole app: another tenant's Teams user is refused politely; an allowed one is answered. */
const ALLOWED = '11111111-2222-3333-4444-555555555555';
const OTHER = '99999999-8888-7777-6666-555555555555';
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot(undefined, { ALLOWED_TENANTS: ALLOWED });
});
afterAll(async () => {
  await bot.stop();
});

test('a Teams message from a tenant outside the list is refused; one from the list is answered', async () => {
  const tenant = (id: string) => ({ channelData: { tenant: { id } }, conversation: { id: `a:${id}-${Math.random()}`, tenantId: id, conversationType: 'personal' } });
  const refused = await conversation(bot, { channelId: 'msteams' }).says('qui pilote la PA 3.2.1 ?', tenant(OTHER));
  expect(folded(refused.text)).not.toContain('commission parentalite');
  expect(refused.text.length).toBeGreaterThan(0);
  const answered = await conversation(bot, { channelId: 'msteams' }).says('qui pilote la PA 3.2.1 ?', tenant(ALLOWED));
  expect(folded(answered.text)).toContain('commission parentalite');
});

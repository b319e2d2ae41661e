import { conversation, DEV_KNOWLEDGE, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * Parents look for support near them, through the whole bot, on the development offer (fictional places, real
 * communes). Sheet questions must still work in the same conversation.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot(DEV_KNOWLEDGE);
});
afterAll(async () => {
  await bot.stop();
});

describe('a parent looks for support', () => {
  test('a kind and a commune in one sentence', async () => {
    const reply = folded((await conversation(bot).says('un LAEP à Givors ?')).text);
    expect(reply).toContain('ribambelle');
    expect(reply).toMatch(/km/);
  });

  test('a kind without a place: the bot asks where, then uses the shared position', async () => {
    const chat = conversation(bot);
    const asked = await chat.says('je cherche un café des parents');
    expect(asked.replies.some((reply) => (reply.channelData as { maillage?: { askLocation?: boolean } } | undefined)?.maillage?.askLocation)).toBe(true);
    const found = folded((await chat.sharesPosition(47.392, 0.69)).text);
    expect(found).toContain('sanitas');
  });

  test('a follow-up changes the place and keeps the kind', async () => {
    const chat = conversation(bot);
    await chat.says('un LAEP à Vénissieux');
    expect(folded((await chat.says('et à Joué-lès-Tours ?')).text)).toContain('escale');
  });

  test('the two journeys live in one conversation', async () => {
    const chat = conversation(bot);
    expect(folded((await chat.says('laep givors')).text)).toContain('ribambelle');
    expect(folded((await chat.says('qui pilote la PA 3.2.1 ?')).text)).toContain('commission parentalite');
    expect(folded((await chat.says('et à Joué-lès-Tours ?')).text)).toContain('escale');
  });

  test('nothing of that kind nearby is said plainly, not filled with far places', async () => {
    const reply = folded((await conversation(bot).says('un LAEP à Marseille')).text);
    expect(reply).not.toContain('ribambelle');
    expect(reply).not.toContain('escale');
  });
});

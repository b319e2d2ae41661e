import { Settings } from 'luxon';
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

  test('a day named in full keeps the places open that day, and the answer says it', async () => {
    const clock = Settings.now;
    // Tuesday 10 March 2026 in Paris; 15 December 2026 is a Tuesday.
    Settings.now = () => Date.parse('2026-03-10T10:30:00+01:00');
    try {
      const chat = conversation(bot);
      const tuesday = folded((await chat.says('un groupe de parole le 15 décembre à Villeurbanne')).text);
      expect(tuesday).toContain('le mardi 15 decembre');
      expect(tuesday).toContain('groupe de parole des parents');
      const wednesday = folded((await chat.says('et le 16/12 ?')).text);
      expect(wednesday).toContain('le mercredi 16 decembre');
      expect(wednesday).not.toContain('groupe de parole des parents');
    } finally {
      Settings.now = clock;
    }
  });

  test('nothing open now: the bot says so and shows the places that open soonest', async () => {
    const clock = Settings.now;
    // Tuesday 10 March 2026 at noon in Paris: La Ribambelle opens at 14 h, Les Petits Pas on Wednesday.
    Settings.now = () => Date.parse('2026-03-10T12:00:00+01:00');
    try {
      const reply = folded((await conversation(bot).says('un LAEP ouvert maintenant à Givors ?')).text);
      expect(reply).toContain(folded("n'est ouvert en ce moment pres de Givors"));
      expect(reply).toMatch(/ribambelle.*ouvre aujourd'hui a 14 h.*petits pas.*prochaine ouverture demain a 9 h/s);
    } finally {
      Settings.now = clock;
    }
  });

  test('nothing of that kind nearby is said plainly, not filled with far places', async () => {
    const reply = folded((await conversation(bot).says('un LAEP à Marseille')).text);
    expect(reply).not.toContain('ribambelle');
    expect(reply).not.toContain('escale');
  });
});

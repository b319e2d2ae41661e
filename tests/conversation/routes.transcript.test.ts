import { conversation, DEV_KNOWLEDGE, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * The route table, through the whole bot: safety first whatever the conversation was doing, a pending question
 * answered or asked again after an interruption, the website's parents kept away from the sheets unless they ask.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot(DEV_KNOWLEDGE);
});
afterAll(async () => {
  await bot.stop();
});

const asksWhere = (text: string) => /commune|code postal|position|where|postcode/.test(folded(text));

describe('safety comes first', () => {
  test('a parent at breaking point gets the suicide prevention number, never « pas compris »', async () => {
    const reply = folded((await conversation(bot).says("je n'en peux plus, je veux mourir")).text);
    expect(reply).toContain('3114');
    expect(reply).not.toContain('pas bien compris');
  });

  test('in the middle of a search, violence at home gets 3919 first and the search is not pushed', async () => {
    const chat = conversation(bot);
    expect(asksWhere((await chat.says('je cherche un LAEP')).text)).toBe(true);
    const safety = (await chat.says('mon mari me frappe devant les enfants')).text;
    expect(safety).toContain('3919');
    expect(asksWhere(safety)).toBe(false);
    // The search waited: the place still completes it.
    expect(folded((await chat.says('Givors')).text)).toContain('ribambelle');
  });

  test('at the end of a very long message, distress still gets the number first', async () => {
    const story = "je vous écris parce que c'est compliqué à la maison depuis la naissance de mon deuxième, ".repeat(20);
    const turn = await conversation(bot).says(`${story} et franchement je veux mourir`);
    // The first thing said is the number, not a remark on the message's length.
    expect(String(turn.replies[0]?.text)).toContain('3114');
    expect(folded(turn.text)).not.toContain('tres long');
  });

  test('a child in danger is not a place called Dangers', async () => {
    const reply = folded((await conversation(bot).says('mon enfant est en danger')).text);
    expect(reply).toContain('119');
    expect(reply).not.toContain('dangers');
  });

  test('in Teams too, and in English', async () => {
    const turn = await conversation(bot, { channelId: 'msteams', locale: 'en-US' }).says('my husband hits me and I am scared');
    expect(turn.text).toContain('3919');
    // The numbers are buttons that dial.
    expect(JSON.stringify(turn.replies.map((reply) => reply.attachments))).toContain('"url":"tel:3919"');
  });
});

describe('a question waiting for its answer', () => {
  test('an interruption is answered, then the question is asked again, and the answer still completes it', async () => {
    const chat = conversation(bot);
    expect(asksWhere((await chat.says('je cherche un LAEP')).text)).toBe(true);
    const interrupted = (await chat.says('qui pilote la PA 3.2.1 ?')).text;
    expect(folded(interrupted)).toContain('commission parentalite');
    expect(asksWhere(interrupted)).toBe(true);
    expect(folded((await chat.says('Givors')).text)).toContain('ribambelle');
  });

  test('« recommencer » forgets the question: a place given next is a new search, not its answer', async () => {
    const chat = conversation(bot);
    await chat.says('je cherche un LAEP');
    const reset = (await chat.says('recommencer')).text;
    expect(asksWhere(reset)).toBe(false);
    // Support in general near Givors, grouped by kind: the LAEP asked before the reset is forgotten.
    const next = folded((await chat.says('Givors')).text);
    expect(next).toContain('par type');
  });
});

describe('on the website, the sheets answer only a sheet question', () => {
  test('general support near a town is a search, not a quotation from a plan', async () => {
    const reply = folded((await conversation(bot).says('aide pour parents à Villeurbanne')).text);
    expect(reply).not.toMatch(/\bpa \d/);
    expect(reply).not.toContain('fiche');
  });

  test('an explicit sheet question is still answered there', async () => {
    expect(folded((await conversation(bot).says("quelles fiches impliquent l'Udaf 69 ?")).text)).toContain('2.3.2');
  });

  test("the widget's greeting talks to parents only; Teams' to partners first", async () => {
    const website = folded((await conversation(bot).joins()).text);
    expect(website).not.toContain('fiches action');
    expect(website).toContain('parentalite');
    const teams = folded((await conversation(bot, { channelId: 'msteams' }).joins()).text);
    expect(teams).toContain('fiches action');
  });
});

import { callUrls, conversation, DEV_KNOWLEDGE, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * QA on the parents' journey (D1, D3, D4, D7, D17), through the whole bot on the website: who cannot call reads the 114
 * first; a parent afraid of hitting and a partner's threat in English get their numbers instead of « pas compris »;
 * running away as a subject is a search, not an alarm; every number said is a button.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot(DEV_KNOWLEDGE);
});
afterAll(async () => {
  await bot.stop();
});

const urls = callUrls;

describe('D1: someone who cannot call', () => {
  test('« je suis sourde comment appeler les secours ? » → the 114 first, then 17 or 112', async () => {
    const turn = await conversation(bot).says('je suis sourde comment appeler les secours ?');
    expect(folded(turn.text)).toMatch(/^si vous etes sourd\(e\).*sms au 114/);
    expect(folded(turn.text)).not.toContain('pas bien compris');
    expect(urls(turn)).toEqual(['sms:114', 'tel:17', 'tel:112']);
  });

  test('in English, in Teams: deaf, threatened, asking how to text the police', async () => {
    const chat = conversation(bot, { channelId: 'msteams', locale: 'en-US' });
    const turn = await chat.says("I'm deaf and my partner is threatening me, how can I text the police?");
    expect(turn.text).toContain('text 114');
    expect(turn.text).toContain('3919');
    expect(urls(turn)[0]).toBe('sms:114');
    expect(folded(turn.text)).not.toContain('sheet');
  });
});

describe('D3, D4: the words that had no answer', () => {
  test('« j’ai peur de lever la main sur mon fils » → the 119 for a parent at breaking point', async () => {
    const turn = await conversation(bot).says("j'ai peur de lever la main sur mon fils");
    expect(folded(turn.text)).toContain('si vous etes a bout avec votre enfant');
    expect(urls(turn)).toEqual(['tel:119']);
  });

  test('« my partner is threatening me » → 3919, then 17 and 112, each a button', async () => {
    const turn = await conversation(bot, { locale: 'en-US' }).says('my partner is threatening me');
    expect(turn.text).toContain('Violence against women helpline: call 3919');
    expect(urls(turn)).toEqual(['tel:3919', 'tel:17', 'tel:112']);
  });
});

describe('D7: running away as a subject is a search', () => {
  test.each([
    'comment parler de la fugue avec mon ado ? un groupe de parole à Givors',
    'mon fils menace de fuguer si je lui prends son telephone, a qui en parler a Givors ?',
  ])('« %s »: no 116 000, the search answers', async (say) => {
    const turn = await conversation(bot).says(say);
    expect(turn.text).not.toContain('116');
    // The search's cards may call the services found; no national number is offered.
    expect(urls(turn).filter((url) => /^(tel|sms):\d{2,6}$/.test(url))).toEqual([]);
    expect(folded(turn.text)).not.toContain('pas bien compris');
  });

  test('a real runaway keeps the 116 000', async () => {
    const turn = await conversation(bot).says("ma fille n'est pas rentrée depuis hier");
    expect(urls(turn)).toEqual(['tel:116000', 'tel:17']);
  });
});

describe('D17: the victim’s number first', () => {
  test('« mon mari me frappe devant les enfants » → 3919, then 119, then 17 and 112', async () => {
    const turn = await conversation(bot).says('mon mari me frappe devant les enfants');
    expect(urls(turn)).toEqual(['tel:3919', 'tel:119', 'tel:17', 'tel:112']);
    expect(folded(turn.text).indexOf('3919')).toBeLessThan(folded(turn.text).indexOf('119,'));
  });
});

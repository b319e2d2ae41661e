import { conversation, folded, startTestBot, type TestBot } from '../helpers/transcript';
import { createLogger } from '../../src/log/logger';
import { openStore } from '../../src/storage';

/**
 * Partners ask about the action sheets, through the whole bot (routing, dialogs, state), on the shipped seeds.
 * Each row: what the partner says → words the reply must contain (accents and case folded) → words it must not.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.stop();
});

const singleTurns: [says: string, mentions: string[], never?: string[]][] = [
  ['Qui pilote la PA 3.2.1 ?', ['Commission Parentalité du Comité des services aux familles', 'PA 3.2.1']],
  ['QUI COORDONNE LA PA 2.3.3', ['Caf du Rhône', 'Fédération des centres sociaux du Rhône']],
  ['partenaires pa232', ['Udaf 69', 'ACEPP', 'MSA Ain-Rhône']],
  ['qui finance la 3.2.1', ['Fonds National Parentalité']],
  ['jusqu’à quand court la PA 3.1.2 ?', ['2022 à 2026', '2023 à 2026']],
  ['comment mesure-t-on la fiche 1.2.5', ['nombre de réunions', 'développement des partenariats']],
  ['qui anime la fiche 1.2.5', ['CAF et Centres sociaux/EVS', 'FICHE 1.2.5']],
  ['diagnostic de la PA 3.2.1', ['15 territoires', '27%']],
  ['PA 2.3.3 action 2', ['liens entre les familles et les institutions']],
  ['que veut dire CTG ?', ['convention territoriale globale']],
  ['quelles fiches impliquent l’Udaf 69 ?', ['2.3.2'], ['3.1.2']],
  ['qui pilote la PA 9.9.9 ?', ['9.9.9'], ['Commission Parentalité du Comité', 'Caf du Rhône dans le cadre']],
  // An action number with no sheet under discussion: the bot asks which sheet, it does not guess one.
  ['action 2', ['de quelle fiche parlez-vous'], ['n’ai pas bien compris']],
];

describe('a partner asks about the sheets', () => {
  test.each(singleTurns)('« %s »', async (says, mentions, never = []) => {
    const reply = folded((await conversation(bot).says(says)).text);
    for (const words of mentions) expect(reply).toContain(folded(words));
    for (const words of never) expect(reply).not.toContain(folded(words));
  });

  test('a follow-up keeps the sheet being discussed', async () => {
    const chat = conversation(bot);
    expect(folded((await chat.says('parle-moi de la PA 3.2.1')).text)).toContain('conseils locaux de la parentalite');
    expect(folded((await chat.says('et ses indicateurs ?')).text)).toContain('taux de couverture');
  });

  test('an English question gets an English frame around the French quote', async () => {
    const reply = (await conversation(bot, { locale: 'en-US' }).says('Who leads PA 3.2.1?')).text;
    expect(folded(reply)).toContain('commission parentalite');
  });

  test('a Teams mention is stripped before the question is understood', async () => {
    const reply = await conversation(bot, { channelId: 'msteams' }).says('<at>Maillage</at> qui pilote la PA 3.2.1 ?', {
      entities: [{ type: 'mention', text: '<at>Maillage</at>', mentioned: { id: 'maillage', name: 'Maillage' } }],
    });
    expect(folded(reply.text)).toContain('commission parentalite');
  });

  test('every answer carries an Adaptive Card 1.5 naming the sheet', async () => {
    const { replies } = await conversation(bot).says('Qui pilote la PA 3.2.1 ?');
    const cards = replies.flatMap((reply) => (reply.attachments as { contentType: string; content: { version: string } }[] | undefined) ?? []);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cards[0].content.version).toBe('1.5');
    expect(folded(JSON.stringify(cards[0].content))).toContain('3.2.1');
  });
});

describe('joining and asking for help', () => {
  test('a new member is greeted once, with what the bot can do', async () => {
    const chat = conversation(bot, { channelId: 'msteams' });
    const first = await chat.joins();
    expect(folded(first.text)).toContain('bonjour');
    expect(folded(first.text)).toContain('fiches');
    const again = await chat.joins();
    expect(again.text).toBe('');
  });

  test('partners in Teams see the sheets first; parents on a website are told only about support near them', async () => {
    const inTeams = folded((await conversation(bot, { channelId: 'msteams' }).joins()).text);
    expect(inTeams.indexOf('**sur les fiches action**')).toBeLessThan(inTeams.indexOf('**pour trouver une aide pres de chez vous**'));
    const onWebsite = folded((await conversation(bot, { channelId: 'directline' }).joins()).text);
    expect(onWebsite).toContain('**pour trouver une aide pres de chez vous**');
    expect(onWebsite).not.toContain('fiches action');
  });

  test('"aide" explains what one can ask, to partners and to parents', async () => {
    expect(folded((await conversation(bot, { channelId: 'msteams' }).says('aide')).text)).toContain('fiches');
    expect(folded((await conversation(bot).says('aide')).text)).toContain('groupe de parole');
  });
});

describe('hostile input gets a calm answer, never an error', () => {
  const hostile: [label: string, text: string][] = [
    ['empty text', ''],
    ['emoji only', '😀🎉👍'],
    ['10,000 characters', 'parentalité '.repeat(850)],
    ['HTML', '<script>alert("x")</script><img src=x onerror=alert(1)>'],
    ['SQL', "'; DROP TABLE reports; --"],
  ];
  test.each(hostile)('%s', async (_label, text) => {
    const { replies, text: reply } = await conversation(bot).says(text);
    expect(replies.length).toBeGreaterThan(0);
    expect(reply).not.toMatch(/error|exception|stack|undefined|\[object/i);
    expect(reply).not.toContain('<script>');
  });
});

describe('a stored conversation that no longer fits', () => {
  test('starts afresh instead of failing: the memory is checked once, where it is read back', async () => {
    const chat = conversation(bot);
    await chat.says('qui pilote la PA 3.2.1 ?');
    // What an older version, or a hand-edited database, might have left: the right keys with the wrong types.
    const store = await openStore(bot.databaseUrl, createLogger('silent'));
    try {
      await store.state.write([{ key: chat.stateKey, value: { maillage: { sheets: { currentSheetIds: 42 }, offer: { kinds: 'laep' } } } }]);
    } finally {
      await store.close();
    }
    // No sheet under discussion any more: the follow-up asks which one, and a full question is answered.
    expect(folded((await chat.says('et ses indicateurs ?')).text)).toContain('de quelle fiche');
    expect(folded((await chat.says('qui pilote la PA 3.2.1 ?')).text)).toContain('commission parentalite');
  });
});

import { DEV_KNOWLEDGE, conversation, folded, startTestBot, type TestBot } from '../helpers/transcript';
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
  // An organisation wherever it appears, each sheet with its role: the MSA is a partner in one, a funder in others.
  ['quelles fiches impliquent la MSA ?', ['2.3.2', '3.1.2', '2.3.3', 'partenaire', 'financeur']],
  // A figure inside the diagnosis, asked with no field named: its sentence, with its section.
  ['combien de territoires sont concernés par les conseils locaux selon la PA 3.2.1 ?', ['15 territoires', 'diagnostic'], ['Commission Parentalité du Comité']],
  // The funding section exists but gives no amount: said plainly, then quoted.
  ['quel est le budget en euros de la PA 3.2.1 ?', ['ne donne pas de montant', 'Fonds National Parentalité'], ['€']],
  ['qui contacter pour la PA 3.2.1, par mail ou par téléphone ?', ['ne donne pas de contact', 'Commission Parentalité'], ['@']],
  // A plan or territory that is not loaded is named as unknown; another plan's sheet is offered, not given.
  ['qui pilote la PA 2.3.2 du Gard ?', ['gard', 'plans charges', 'existe dans d'], ['pilotage']],
  ['fiche 1.2.5 de la Gironde', ['gironde', 'plans charges', 'Contrat de ville de l’agglomération tourangelle'], ['CAF et Centres sociaux/EVS']],
];

describe('a partner asks about the sheets', () => {
  test.each(singleTurns)('« %s »', async (says, mentions, never = []) => {
    const reply = folded((await conversation(bot).says(says)).text);
    for (const words of mentions) expect(reply).toContain(folded(words));
    for (const words of never) expect(reply).not.toContain(folded(words));
  });

  test('a « how many … in 2020 » that no centre reported is answered from the sheet that holds the figure', async () => {
    const reply = folded((await conversation(bot, { channelId: 'msteams' }).says('combien de territoires ont été concernés par les conseils locaux en 2020 ?')).text);
    expect(reply).toContain('15 territoires');
    expect(reply).not.toContain('aucune declaration');
    // A question the reports could answer, when none was reported and the reports are not named: the sheets speak.
    const touched = folded((await conversation(bot, { channelId: 'msteams' }).says('combien de parents ont été touchés par les conseils locaux en 2019 ?')).text);
    expect(touched).not.toContain('aucune declaration');
  });

  test('a follow-up keeps the sheet being discussed', async () => {
    const chat = conversation(bot);
    expect(folded((await chat.says('parle-moi de la PA 3.2.1')).text)).toContain('conseils locaux de la parentalite');
    expect(folded((await chat.says('et ses indicateurs ?')).text)).toContain('taux de couverture');
  });

  test('English questions reach the same passages', async () => {
    const msa = folded((await conversation(bot, { locale: 'en-US' }).says('Which sheets involve the MSA?')).text);
    for (const words of ['2.3.2', '3.1.2', 'partner', 'funder']) expect(msa).toContain(words);
    const amount = folded((await conversation(bot, { locale: 'en-US' }).says('How much money does PA 3.2.1 get?')).text);
    expect(amount).toContain('gives no amount');
    expect(amount).toContain('fonds national parentalite');
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

describe('a partner asks about plans in layouts of their own (development sheets)', () => {
  let dev: TestBot;
  beforeAll(async () => {
    dev = await startTestBot(DEV_KNOWLEDGE);
  });
  afterAll(async () => {
    await dev.stop();
  });

  const rows: [says: string, mentions: string[], never?: string[], locale?: string][] = [
    // Two plans share « 3.1.2 »: the Vaucluse question gets the Vaucluse sheet; the bare number gets both, each named.
    ['Qui est responsable de la fiche 3.1.2 du schéma AVS de Vaucluse ?', ['Fédération des centres sociaux de Vaucluse'], ['Caf du Rhône']],
    ['Qui pilote la fiche 3.1.2 ?', ['Rhône', 'Vaucluse']],
    // Honest about what a sheet does not say.
    ['Quel est le montant du budget de l’action n° 3.4 de Metz ?', ['ne donne pas de montant', 'Caf de la Moselle'], ['€']],
    ['Quel est le mail ou le téléphone du contact de la fiche B2 du Grand Dax ?', ['ne donne pas de contact', 'Enfance-Jeunesse'], ['@']],
    ['Quand se réunit le prochain comité de pilotage de la fiche 3.1.2 du Vaucluse ?', ['pas de date precise'], ['janvier', 'juin', 'septembre']],
    // A name of several words, found where its words stand together, with its role.
    ['Quelles fiches impliquent la mission locale ?', ['B2', '3.4', 'partenaire'], ['3.1.2', '2.3.2']],
    // A figure inside a sheet, found from its words alone.
    ['Dans le Finistère, quelle part des mères se sont senties seules après la naissance ?', ['31 %', 'Constats chiffrés', 'FICHE-ACTION 7']],
    ['Au Grand Dax, quelle part des participants aux actions parentalité sont des pères ?', ['11 %', 'B2']],
    // « quelle fiche porte sur … » weighs the title above passing mentions.
    ['quelle fiche porte sur les pères ?', ['B2', 'Mieux associer les pères']],
    ['Which sheet is about fathers?', ['B2'], [], 'en-US'],
    ['What share of mothers felt lonely after the birth, in the Finistère?', ['31 %'], [], 'en-US'],
  ];

  test.each(rows)('« %s »', async (says, mentions, never = [], locale = 'fr-FR') => {
    const reply = folded((await conversation(dev, { locale }).says(says)).text);
    for (const words of mentions) expect(reply).toContain(folded(words));
    for (const words of never) expect(reply).not.toContain(folded(words));
  });
});

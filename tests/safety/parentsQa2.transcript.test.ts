import { callUrls, conversation, DEV_KNOWLEDGE, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * QA « parents », round 2 (N-H2, N-H3, N-H4, N-H5, N-M6, N-L4, N-L7), through the whole bot on the website and in
 * Teams: violence said without the expected verbs (« le frappe », « me fait peur », « me pousse contre les murs »), a
 * violent ex at the door in the middle of a search, a child not come home, breathing badly, a knife « ac » SMS, a deaf
 * person who says only that, an accident that is no abuse. The wordings below are variants of the report's, so that
 * the rule is tested, not the sentence.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot(DEV_KNOWLEDGE);
});
afterAll(async () => {
  await bot.stop();
});

const urls = callUrls;

/** What every safety reply must not do: offer a mediation, or fall back to a search or « pas compris ». */
function expectNoSearch(text: string): void {
  const plain = folded(text);
  for (const wrong of ['mediation', 'pas bien compris', 'ou dois-je chercher', 'fiche', 'j ai trouve']) expect(plain).not.toContain(wrong);
}

describe('N-H2: a child hit by an adult, a partner who frightens or pushes', () => {
  test.each([
    ['mon fils est sourd et son beau-père le frappe, que faire ?', ['tel:119', 'tel:17', 'tel:112']],
    ['sa belle-mère la bat quand je ne suis pas là', ['tel:119', 'tel:17', 'tel:112']],
    ['le nouveau copain de ma fille de 16 ans la frappe', ['tel:119', 'tel:17', 'tel:112']],
    ['ma fille de 15 ans est enceinte de son beau pere', ['tel:119', 'tel:17', 'tel:112']],
    ['mon conjoint me fait peur', ['tel:3919', 'tel:17', 'tel:112']],
    ['jsuis enceinte et mon petit ami me pousse contre les murs', ['tel:3919', 'tel:17', 'tel:112']],
    ['mon mari fait peur aux enfants, il hurle et casse tout', ['tel:3919', 'tel:119', 'tel:17', 'tel:112']],
  ])('« %s »', async (say, expected) => {
    const turn = await conversation(bot).says(say);
    expectNoSearch(turn.text);
    expect(urls(turn)).toEqual(expected);
  });

  test('deaf and frightened by a partner: the 114 first, then the 3919', async () => {
    const turn = await conversation(bot).says('sourde et muette, mon compagnon me fait peur');
    expect(urls(turn)).toEqual(['sms:114', 'tel:3919', 'tel:17', 'tel:112']);
  });

  test('self-harm in English → 3114', async () => {
    const turn = await conversation(bot, { locale: 'en-US' }).says('my teenage daughter cuts herself');
    expect(turn.text).toContain('3114');
    expect(urls(turn)).toEqual(['tel:3114']);
  });
});

describe('N-H3, N-M6: a violent ex at the door, a knife written « ac », even in the middle of a search', () => {
  test('after a LAEP card, « mon ex est devant chez moi… » → 17/112 first, then 3919, never a mediation', async () => {
    const chat = conversation(bot);
    await chat.says('un laep a Givors');
    const turn = await chat.says('mon ex est devant chez moi il menace de tout casser');
    expectNoSearch(turn.text);
    expect(urls(turn)).toEqual(['tel:17', 'tel:112', 'tel:3919']);
    expect(folded(turn.text).indexOf('17')).toBeLessThan(folded(turn.text).indexOf('3919'));
  });

  test('deaf, the same: the 114 first', async () => {
    const chat = conversation(bot);
    await chat.says('une médiation familiale à Givors');
    const turn = await chat.says('je suis sourde et mon ex est devant chez moi, il menace de tout casser');
    expectNoSearch(turn.text);
    expect(urls(turn)).toEqual(['sms:114', 'tel:17', 'tel:112', 'tel:3919']);
  });

  test('« il me menace ac un couteau » → 17/112 before 3919', async () => {
    const turn = await conversation(bot).says('jai peur de mon copain il me menace ac un couteau');
    expect(urls(turn)).toEqual(['tel:17', 'tel:112', 'tel:3919']);
    expect(folded(turn.text)).toMatch(/^si vous ou votre enfant etes en danger immediat/);
  });
});

describe('N-H4: a child who has not come home → 116 000 and 17', () => {
  test.each([
    'mon fils a 15 ans et il est pas rentré cette nuit, je sais pas ou il est',
    "ma fille de 14 ans n'est pas rentrée depuis hier soir, son tel est coupé",
  ])('« %s »', async (say) => {
    const turn = await conversation(bot).says(say);
    expect(urls(turn)).toEqual(['tel:116000', 'tel:17']);
  });

  test('in the middle of a search', async () => {
    const chat = conversation(bot);
    await chat.says('groupe de parole a Givors');
    const turn = await chat.says('au fait mon fils de 16 ans est toujours pas rentré depuis 2 jours');
    expectNoSearch(turn.text);
    expect(urls(turn)).toEqual(['tel:116000', 'tel:17']);
  });
});

describe('N-H5: breathing badly, with an adverb or in English → 15 first', () => {
  test('« respire très mal », in Teams, in the middle of a search', async () => {
    const chat = conversation(bot, { channelId: 'msteams' });
    await chat.says('laep givors');
    const turn = await chat.says('ma fille de 4 ans a de la fievre et respire vraiment tres mal');
    expectNoSearch(turn.text);
    expect(urls(turn)).toEqual(['tel:15', 'tel:112']);
  });

  test.each(['my toddler is having trouble breathing', 'my baby can barely breathe'])('« %s »', async (say) => {
    const turn = await conversation(bot, { locale: 'en-US' }).says(say);
    expect(urls(turn)[0]).toBe('tel:15');
  });
});

describe('N-L4: who to call, and deafness said alone', () => {
  test('« qui contacter en urgence ? » → 17, 112, 15 and the 114', async () => {
    const turn = await conversation(bot).says('qui contacter en urgence ?');
    expect(urls(turn)).toEqual(['tel:17', 'tel:112', 'tel:15']);
    expect(turn.text).toContain('114');
  });

  test('« je suis sourd, qui contacter en urgence ? » in Teams → the 114 first', async () => {
    const turn = await conversation(bot, { channelId: 'msteams' }).says('je suis sourd, qui contacter en urgence ?');
    expect(urls(turn)).toEqual(['sms:114', 'tel:17', 'tel:112', 'tel:15']);
  });

  test('« je suis sourde » alone → the 114 offered, no alarm', async () => {
    const turn = await conversation(bot).says('je suis sourde');
    expect(urls(turn)).toEqual(['sms:114']);
    expect(folded(turn.text)).toMatch(/^si vous etes sourd\(e\)/);
    expect(folded(turn.text)).not.toContain('danger');
  });

  test('deafness beside a search is the search', async () => {
    const turn = await conversation(bot).says('un laep qui accueille les parents sourds a Givors');
    expect(urls(turn).filter((url) => /^(tel|sms):\d{2,6}$/.test(url))).toEqual([]);
  });
});

describe('N-L7: an accident is no abuse', () => {
  test('« s’est cogné la tête et vomit » → 15 only', async () => {
    const turn = await conversation(bot).says("mon bebe s'est cogné la tete et vomit");
    expect(urls(turn)).toEqual(['tel:15', 'tel:112']);
    expect(turn.text).not.toContain('119');
  });

  test('marks of blows named → the 119 as well', async () => {
    const turn = await conversation(bot).says("mon bebe s'est cogné la tete, il vomit et il a des marques de coups");
    expect(urls(turn)).toEqual(['tel:15', 'tel:112', 'tel:119']);
  });
});

describe('no false alarm', () => {
  test.each([
    'mon bébé me tue avec ses nuits blanches',
    'je suis morte de fatigue',
    'les disputes de couple devant les enfants c grave ?',
    'un chien agressif, danger pour le bébé ?',
    'ma fille de 3 ans me frappe quand elle est en colère',
    'il a peur du noir',
    "mon fils a peur de rentrer à l'école",
    'il est pas rentré dans le groupe',
    'elle respire la joie de vivre',
  ])('« %s »: no national number', async (say) => {
    const turn = await conversation(bot).says(say);
    expect(urls(turn).filter((url) => /^(tel|sms):\d{2,6}$/.test(url))).toEqual([]);
  });
});

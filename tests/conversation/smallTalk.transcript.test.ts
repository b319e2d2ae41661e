import { conversation, DEV_KNOWLEDGE, folded, startTestBot, type TestBot } from '../helpers/transcript';

/** Hello, thanks, goodbye: the conversation answers them itself, in the user's language, and never searches for them. */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot(DEV_KNOWLEDGE);
});
afterAll(async () => {
  await bot.stop();
});

test.each(['au revoir', 'Au revoir !', 'a bientot', 'bonne journée, merci', 'bye', 'ciao'])('« %s » is a goodbye, not a search for homework help', async (text) => {
  const reply = folded((await conversation(bot).says(text)).text);
  expect(reply).toContain('au revoir');
  expect(reply).not.toMatch(/clas|scolarite|commune|pas bien compris/);
});

test('a goodbye in the middle of a search leaves the search as it was', async () => {
  const chat = conversation(bot);
  await chat.says('je cherche un LAEP');
  expect(folded((await chat.says('au revoir')).text)).toContain('au revoir');
  expect(folded((await chat.says('Givors')).text)).toContain('ribambelle');
});

test.each([
  ['thanks', /welcome/],
  ['thank you!', /welcome/],
  ['goodbye', /goodbye/],
  ['see you', /goodbye/],
])('« %s » on a French website is answered in English', async (text, expected) => {
  const reply = folded((await conversation(bot, { locale: 'fr-FR' }).says(text)).text);
  expect(reply).toMatch(expected);
});

test('« merci » and « bye » from a French client stay French', async () => {
  expect(folded((await conversation(bot, { locale: 'fr-FR' }).says('merci')).text)).toContain('avec plaisir');
  expect(folded((await conversation(bot, { locale: 'fr-FR' }).says('bye')).text)).toContain('au revoir');
});

test('a short word follows the language the conversation is in, whatever the client says', async () => {
  const chat = conversation(bot, { locale: 'fr-FR' });
  expect(folded((await chat.says('is there a parents group near Givors?')).text)).not.toContain('pas bien compris');
  expect(folded((await chat.says('bye')).text)).toContain('goodbye');
  expect(folded((await chat.says('Givors')).text)).toMatch(/result|found|near|km/);
  // French again as soon as the words say so.
  expect(folded((await chat.says('merci beaucoup')).text)).toContain('avec plaisir');
  expect(folded((await chat.says('bye')).text)).toContain('au revoir');
});

test('« hi there » is a greeting', async () => {
  expect(folded((await conversation(bot, { locale: 'fr-FR' }).says('hi there')).text)).toMatch(/^hello/);
});

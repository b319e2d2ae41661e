import { conversation, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * QA "parents" round 4, through the whole bot on the shipped demo offer: parents of teenagers typing as in a text
 * message find the parents d'ados group first, and the header says what was understood.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
}, 120_000);
afterAll(async () => {
  await bot.stop();
});

const say = async (message: string): Promise<string> => folded((await conversation(bot).says(message)).text);
/** Where a service's name first appears in a reply (Infinity when absent). */
const at = (reply: string, name: string) => {
  const i = reply.indexOf(folded(name));
  return i < 0 ? Infinity : i;
};
/** The answer's first sentence: what the bot understood and found. */
const header = (reply: string) => reply.slice(0, reply.indexOf('.') + 1);
const ADOS_GROUP = "Groupe de parole parents d'ados";

describe('a group for parents of teenagers, typed as in a text message', () => {
  test.each([
    ["groupe parents d'ados lyon", 'Lyon'],
    ['groupe de parents dados a lyon', 'Lyon'],
    ['grpe de parol pr ados villeurbanne', 'Villeurbanne'],
    ['un groupe entre parents dado villeurbanne', 'Villeurbanne'],
  ])('« %s »: groupes de parole near %s, the parents d’ados group first', async (text, town) => {
    const reply = await say(text);
    expect(header(reply)).toMatch(new RegExp(`groupes de parole a moins de \\d+ km de ${folded(town)}`));
    expect(at(reply, ADOS_GROUP)).toBeLessThan(at(reply, 'Groupe de parole « Parents en chemin »'));
    expect(reply).not.toContain('dado');
  });

  test('« parents dado villeurbanne »: support near Villeurbanne, the parents d’ados group first, nothing searched for « dado »', async () => {
    const reply = await say('parents dado villeurbanne');
    expect(header(reply)).toMatch(/^j'ai trouve \d+ aides a la parentalite a moins de \d+ km de villeurbanne/);
    // Nearer, the parents solos' group of Villeurbanne comes after it, if at all.
    expect(at(reply, ADOS_GROUP)).toBeLessThan(at(reply, 'Groupe de parole parents solos'));
    expect(reply).not.toContain('dado');
  });

  test('« groupe scolaire lyon » is not taken for a groupe de parole', async () => {
    expect(header(await say('groupe scolaire lyon'))).not.toContain('groupes de parole');
  });
});

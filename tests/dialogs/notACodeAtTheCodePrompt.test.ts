import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * QA (reports, round 2, N4): at « Quel est votre code ? », something that is not a code but tries one, or talks about
 * it, got the parents' fallback. It is told what a code looks like and who gives it, and no attempt is counted.
 */
let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

const atTheCodePrompt = async () => {
  const chat = conversation(bot, { user: { id: `staff-${Math.random().toString(36).slice(2)}` } });
  expect(folded((await chat.says('déclarer une action')).text)).toContain('code');
  return chat;
};

test.each(['ABCD-EFGH-IJKL', "c'est 12345", "je n'ai pas de code", 'je ne l’ai pas encore reçu', 'à qui je demande le code ?', "I don't have one"])(
  '« %s » → what a code is and who gives it',
  async (text) => {
    const chat = await atTheCodePrompt();
    const reply = folded((await chat.says(text)).text);
    expect(reply).toMatch(/12 caracteres|12 characters/);
    expect(reply).not.toContain('pas bien compris');
  },
);

test('after several of them, a real code still enrols at once: none was counted as a wrong code', async () => {
  const chat = await atTheCodePrompt();
  for (const text of ['ABCD-EFGH-IJKL', '12345', 'ABCD-EFGH-IJKM', 'WXYZ-WXYZ-WXYZ']) await chat.says(text);
  const reply = folded((await chat.says(await inviteCode(store))).text);
  expect(reply).not.toMatch(/essais|attempts|reessayez/);
  expect(reply).toMatch(/tisserands/);
});

test('a question asked at the code prompt is still answered by its own journey', async () => {
  const chat = await atTheCodePrompt();
  const reply = folded((await chat.says('qui pilote la PA 3.2.1 ?')).text);
  expect(reply).toContain('3.2.1');
  expect(reply).not.toMatch(/12 caracteres/);
});

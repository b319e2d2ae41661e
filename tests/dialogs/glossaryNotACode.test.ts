import { randomUUID } from 'node:crypto';
import { reportTexts } from '../../src/messages/reports';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * QA (partners, defect 1): « what does LAEP mean? » was read as an enrolment code (DOES-1AEP-MEAN): « This code does
 * not work », wrong-code attempts counted, then every answer asked for the code. A sentence of ordinary words is no
 * code, asked for or not; a code with code-talk around it still is.
 */
let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

const teams = (locale = 'en-US') => conversation(bot, { channelId: 'msteams', locale, user: { id: `29:${randomUUID()}`, aadObjectId: randomUUID() } });

describe('a glossary question is not an enrolment code', () => {
  test.each([
    ['msteams', 'en-US'],
    ['msteams', 'fr-FR'],
    ['webchat', 'fr-FR'],
  ])('« what does LAEP mean? » on %s (%s), four times: the meaning, never the code', async (channelId, locale) => {
    const chat = conversation(bot, { channelId, locale, user: { id: `u-${randomUUID()}`, aadObjectId: randomUUID() } });
    for (const question of ['what does LAEP mean?', 'what does LAEP stand for?', 'what does LAEP mean?', 'what does LAEP mean?']) {
      const reply = folded((await chat.says(question)).text);
      expect(reply).toMatch(/lieu d'accueil enfants[- ]parents/);
      expect(reply).not.toMatch(/code|too many|trop d'essais/);
    }
    // The help may say that centres' staff report with a code; it neither asks for one nor refuses one.
    const hello = folded((await chat.says('hello')).text);
    for (const prompt of [reportTexts.askCode, reportTexts.askCodeAgain, reportTexts.codeRefused]) {
      expect(hello).not.toContain(folded(prompt.fr));
      expect(hello).not.toContain(folded(prompt.en));
    }
  });

  test('while the code is awaited, a question is answered and is not counted as a wrong code', async () => {
    const chat = teams('fr-FR');
    expect(folded((await chat.says('déclarer une action')).text)).toContain('code');
    for (let i = 0; i < 4; i++) {
      const reply = folded((await chat.says('what does LAEP mean?')).text);
      expect(reply).toMatch(/lieu d'accueil enfants[- ]parents/);
      expect(reply).not.toMatch(/does not work|ne fonctionne pas|too many|trop d'essais/);
    }
    // No attempt was counted: the right code is taken at once.
    expect(folded((await chat.says(`mon code est ${(await inviteCode(store)).toLowerCase()}`)).text)).toContain('les tisserands');
  });

  test('a code alone, or with code-talk, still enrols without being asked for', async () => {
    const chat = teams('fr-FR');
    const code = await inviteCode(store);
    expect(folded((await chat.says(`Bonjour, voici le code : ${code.replaceAll('-', ' ')}`)).text)).toContain('les tisserands');
  });
});

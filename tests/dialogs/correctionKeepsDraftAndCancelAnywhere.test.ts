import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * QA « reports » round 2: N2, « corriger RPT-… » silently dropped the draft under way (kept for the account, in another
 * conversation); N3, everyday wordings for one's reports and for cancelling did the wrong thing outside the form's
 * conversation.
 */
let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

/** An enrolled webchat account with one stored report and a draft (café des parents, PA 3.2.1) kept. */
async function storedAndDraft() {
  const user = { id: `staff-${randomUUID().slice(0, 8)}` };
  const chat = conversation(bot, { channelId: 'webchat', user });
  await chat.says('déclarer une action');
  await chat.says(await inviteCode(store));
  for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi', 'hier', '1', '8', '2', '5', '6', '1', 'aucun']) await chat.says(answer);
  let turn = await chat.says('non concerné');
  for (let guard = 0; guard < 6 && !folded(turn.text).includes('confirmer'); guard++) turn = await chat.says('non concerné');
  const reference = /RPT-\d{4}-\d{6}/.exec((await chat.says('confirmer')).text)?.[0] ?? '';
  expect(reference).not.toBe('');
  await chat.says('nouvelle déclaration');
  for (const answer of ['PA 3.2.1', '1', 'café des parents']) await chat.says(answer);
  const elsewhere = () => conversation(bot, { channelId: 'webchat', user });
  return { chat, reference, elsewhere };
}

describe('« corriger RPT-… » while a draft is kept (N2)', () => {
  test('in another conversation: the choice, and the draft is still there after « reprendre »', async () => {
    const { reference, elsewhere } = await storedAndDraft();
    const other = elsewhere();
    const choice = folded((await other.says(`je voudrais corriger ${reference}`)).text);
    expect(choice).toContain('cafe des parents');
    expect(choice).toContain('reprendre');
    expect(choice).toContain(folded(`corriger ${reference}`));
    expect(choice).not.toContain(folded(`Correction de ${reference}`));
    const resumed = folded((await other.says('reprendre ma déclaration')).text);
    expect(resumed).toContain('cafe des parents');
  });

  test('in the same conversation: the same choice; « supprimer et corriger » opens the correction', async () => {
    const { chat, reference } = await storedAndDraft();
    const choice = folded((await chat.says(`corriger ${reference}`)).text);
    expect(choice).toContain('cafe des parents');
    const opened = folded((await chat.says(`Supprimer et corriger ${reference}`)).text);
    expect(opened).toContain(folded(`Correction de ${reference}`));
    expect(opened).toContain('groupe du lundi');
  });
});

describe('one\'s reports and cancelling, in any conversation (N3)', () => {
  test.each(['quelles actions ai-je déclarées ?', 'liste de mes actions déclarées', "qu'est-ce que j'ai déjà déclaré ?", 'mes déclas'])('« %s » lists the reports', async (asked) => {
    const { reference, elsewhere } = await storedAndDraft();
    const listed = folded((await elsewhere().says(asked)).text);
    expect(listed).toContain('vos declarations');
    expect(listed).toContain(folded(reference));
  });

  test.each(['annuler ma déclaration en cours', 'annule', 'stop', 'annuler ma déclaration'])('« %s » in another conversation drops the draft, saying which', async (asked) => {
    const { elsewhere } = await storedAndDraft();
    const other = elsewhere();
    const cancelled = folded((await other.says(asked)).text);
    expect(cancelled).toContain('annulee');
    expect(cancelled).toContain('cafe des parents');
    expect(folded((await other.says('reprendre ma déclaration')).text)).toContain('pas de declaration en cours');
  });

  test('« annuler » in the form\'s own conversation says what was dropped', async () => {
    const { chat } = await storedAndDraft();
    const cancelled = folded((await chat.says('annuler')).text);
    expect(cancelled).toContain('annulee');
    expect(cancelled).toContain('cafe des parents');
  });
});

import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * QA (reports, defect 5): « déclarer une nouvelle action » or « nouvelle déclaration » while a draft was kept always
 * resumed the old draft. Asked for a new one, the person chooses — resume the draft or start a new one, as buttons
 * whose words are read back — and is told how to drop the draft; the old draft is deleted only once they chose.
 */
let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

/** Enrolled, with a draft: a café des parents on PA 3.2.1, at « quelle action ? ». */
async function withDraft(channelId = 'webchat') {
  const user = { id: `staff-${randomUUID().slice(0, 8)}`, ...(channelId === 'msteams' ? { aadObjectId: randomUUID() } : {}) };
  const chat = conversation(bot, { channelId, user });
  await chat.says('déclarer une action');
  await chat.says(await inviteCode(store));
  await chat.says('PA 3.2.1');
  await chat.says('1');
  await chat.says('café des parents');
  return { chat, user, channelId };
}

function suggestions(turn: { replies: Record<string, unknown>[] }): string[] {
  return turn.replies.flatMap((reply) => ((reply.suggestedActions as { actions?: Array<{ title?: string; value?: string }> } | undefined)?.actions ?? []).map((action) => String(action.value ?? action.title)));
}

describe('a new report asked for while a draft is kept', () => {
  test.each(['déclarer une nouvelle action', 'nouvelle déclaration', 'je voudrais faire une nouvelle déclaration'])('« %s »: the choice, with buttons, and how to drop the draft', async (asked) => {
    const { chat } = await withDraft();
    const choice = await chat.says(asked);
    const text = folded(choice.text);
    expect(text).toContain('cafe des parents');
    expect(text).toContain('reprendre');
    expect(text).toContain('nouvelle');
    expect(text).toContain('supprimer');
    expect(text).not.toContain(folded('je reprends votre déclaration'));
    expect(suggestions(choice).length).toBeGreaterThanOrEqual(2);
  });

  test('the « new » button: the old draft is deleted, a new report starts', async () => {
    const { chat } = await withDraft();
    const choice = await chat.says('nouvelle déclaration');
    const start = suggestions(choice).find((words) => /nouvelle/i.test(words)) ?? '';
    const started = folded((await chat.says(start)).text);
    expect(started).toContain('quelle fiche');
    // The old draft is gone: resuming finds the new one (no sheet yet), not the café des parents.
    const resumed = folded((await chat.says('reprendre ma déclaration')).text);
    expect(resumed).not.toContain('cafe des parents');
  });

  test('the « resume » button: the draft goes on where it was', async () => {
    const { chat } = await withDraft();
    const choice = await chat.says('déclarer une nouvelle action');
    const resume = suggestions(choice).find((words) => /reprendre/i.test(words)) ?? '';
    const resumed = folded((await chat.says(resume)).text);
    expect(resumed).toContain('cafe des parents');
    expect(resumed).toContain('titre');
  });

  test('nothing is dropped before the choice: another conversation still resumes the draft', async () => {
    const { chat, user, channelId } = await withDraft('msteams');
    await chat.says('nouvelle déclaration');
    const elsewhere = folded((await conversation(bot, { channelId, user }).says('reprendre ma déclaration')).text);
    expect(elsewhere).toContain('cafe des parents');
  });

  test('what the request said starts the new report once chosen', async () => {
    const { chat } = await withDraft();
    await chat.says('déclarer une nouvelle action pour la PA 2.3.2');
    const started = folded((await chat.says('une nouvelle')).text);
    expect(started).toContain('pa 2.3.2');
    expect(started).not.toContain('quelle fiche');
  });

  test('« supprimer le brouillon » drops the draft and starts nothing', async () => {
    const { chat } = await withDraft();
    await chat.says('nouvelle déclaration');
    expect(folded((await chat.says('supprimer le brouillon')).text)).toContain('supprimee');
    expect(folded((await chat.says('reprendre ma déclaration')).text)).toContain('pas de declaration en cours');
  });

  test('a question meanwhile is answered, then the choice is asked again', async () => {
    const { chat } = await withDraft('msteams');
    await chat.says('nouvelle déclaration');
    const answer = folded((await chat.says('qui pilote la PA 3.2.1 ?')).text);
    expect(answer).toContain('commission parentalite');
    expect(answer).toContain('en commencer une nouvelle');
  });

  test('in English too', async () => {
    const { chat } = await withDraft();
    const choice = folded((await chat.says('I want to start a new report')).text);
    expect(choice).toContain('start a new one');
    expect(folded((await chat.says('Start a new report')).text)).toContain('sheet');
  });

  test('« déclarer une action » (nothing said of a new one) still resumes the draft', async () => {
    const { chat } = await withDraft();
    expect(folded((await chat.says('déclarer une action')).text)).toContain(folded('je reprends votre déclaration'));
  });

  test('with no draft, « nouvelle déclaration » simply starts one', async () => {
    const chat = conversation(bot);
    await chat.says('déclarer une action');
    await chat.says(await inviteCode(store));
    await chat.says('annuler');
    expect(folded((await chat.says('nouvelle déclaration')).text)).toContain('quelle fiche');
  });
});

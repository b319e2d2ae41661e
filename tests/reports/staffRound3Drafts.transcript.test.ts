import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * QA round 3 (staff), items 3, 5, 7 and 8: one account's draft seen from several conversations, a report told without
 * « on a fait », a revoked account, and what staff typed shown as typed. Through the whole bot on the shipped sheets.
 */
let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

/** One person on the website: each page load is a new conversation of the same account. */
function person() {
  const user = { id: `staff-${randomUUID()}` };
  return { key: `webchat:${user.id}`, open: () => conversation(bot, { user }) };
}

/** Enrolled in a first conversation, which is left with nothing under way. */
async function enrolledPerson() {
  const someone = person();
  const first = someone.open();
  await first.says('déclarer une action');
  await first.says(await inviteCode(store));
  await first.says('annuler');
  return someone;
}

const STORED_ELSEWHERE = 'Cette déclaration a été enregistrée depuis une autre conversation';
const CANCELLED_ELSEWHERE = 'Cette déclaration a été annulée depuis une autre conversation.';

describe('3. a draft cancelled or stored in another conversation is gone in every conversation', () => {
  test('cancelled in B: A says so, does not bring the draft back, and a new report sentence starts a new report', async () => {
    const someone = await enrolledPerson();
    const a = someone.open();
    await a.says('déclarer une action');
    expect(folded((await a.says('PA 3.2.1')).text)).toContain('quelle action de la fiche');
    const b = someone.open();
    expect(folded((await b.says('annuler ma déclaration')).text)).toContain('annulee');

    const answer = await a.says('2');
    expect(answer.text).toBe(CANCELLED_ELSEWHERE);
    expect(folded(answer.text)).not.toContain('en cours');
    // Not saved back: a third conversation finds nothing to resume.
    expect(folded((await someone.open().says('reprendre ma déclaration')).text)).not.toContain('3.2.1');

    const told = await a.says('on a fait un groupe de parole le 12 mars pour la pa 2.3.2 14 parents');
    expect(folded(told.text)).not.toContain('je reprends');
    expect(folded(told.text)).toContain('2.3.2');
    const draft = (await store.drafts.get(someone.key))?.body as { form?: { values?: Record<string, unknown> } };
    expect(draft.form?.values).toMatchObject({ kind: 'groupe-de-parole', parents: 14, sheet: expect.objectContaining({ sheetCode: 'PA 2.3.2' }) });
  });

  test('stored in B: A says so with its reference; « confirmer » in A stores nothing more, and the list asks nothing', async () => {
    const someone = await enrolledPerson();
    const a = someone.open();
    await a.says('déclarer une action');
    await a.says('PA 3.2.1');
    const b = someone.open();
    // B takes the draft over and confirms it, card by card as it comes.
    await b.says('reprendre ma déclaration');
    let turn = await b.says('1');
    for (const answer of ['groupe de parole', 'Groupe du lundi', 'hier', '1', '8', '2', '5', '6', '1', 'aucun']) turn = await b.says(answer);
    for (let guard = 0; guard < 8 && !folded(turn.text).includes('confirmer'); guard++) turn = await b.says('non concerné');
    const reference = /RPT-\d{4}-\d{6}/.exec((await b.says('confirmer')).text)?.[0];
    expect(reference).toBeDefined();

    const listed = await a.says('mes déclarations');
    expect(listed.text.startsWith(`${STORED_ELSEWHERE} (${reference}).`)).toBe(true);
    expect(listed.text).toContain(reference);
    expect(folded(listed.text)).not.toContain('avec quels partenaires');
    expect(folded((await a.says('confirmer')).text)).toContain(folded(reference!));
    expect(await store.reports.list({ submittedBy: someone.key })).toHaveLength(1);
    expect((await store.drafts.get(someone.key))?.body).not.toHaveProperty('form');
  });

  test('the same draft moved on in B: A goes on from where B left it', async () => {
    const someone = await enrolledPerson();
    const a = someone.open();
    await a.says('déclarer une action');
    await a.says('PA 3.2.1');
    const b = someone.open();
    await b.says('reprendre ma déclaration');
    await b.says('1');
    await b.says('groupe de parole');
    const next = folded((await a.says('Groupe du lundi')).text);
    expect(next).not.toContain('depuis une autre conversation');
    const draft = (await store.drafts.get(someone.key))?.body as { form?: { values?: Record<string, unknown> } };
    expect(draft.form?.values).toMatchObject({ kind: 'groupe-de-parole', title: 'Groupe du lundi' });
  });
});

describe('5. an enrolled account tells an action without « on a fait »', () => {
  const SENTENCE = 'groupe de parole le 4 novembre pour la 2.3.2 avec 6 parents';

  test('enrolled: a report starts with what the sentence said', async () => {
    const someone = await enrolledPerson();
    const turn = await someone.open().says(SENTENCE);
    expect(folded(turn.text)).toContain("j'ai compris");
    const draft = (await store.drafts.get(someone.key))?.body as { form?: { values?: Record<string, unknown> } };
    expect(draft.form?.values).toMatchObject({ kind: 'groupe-de-parole', parents: 6 });
  });

  test('not enrolled, on the website: nothing changes, no report and no code asked', async () => {
    const turn = await conversation(bot).says(SENTENCE);
    expect(folded(turn.text)).not.toContain('code');
    expect(folded(turn.text)).not.toContain("j'ai compris");
  });
});

describe('7. a revoked account is told its enrolment was withdrawn', () => {
  const REVOKED = 'Votre inscription a été retirée : demandez un nouveau code à l’administrateur.';
  test.each([['webchat'], ['msteams']])('in %s: « mes déclarations » and a report sentence', async (channelId) => {
    const id = randomUUID();
    const user = { id: `29:${id}`, aadObjectId: id };
    const key = channelId === 'msteams' ? `aad:${id}` : `webchat:${user.id}`;
    const first = conversation(bot, { channelId, user });
    await first.says('déclarer une action');
    await first.says(await inviteCode(store));
    await first.says('annuler');
    const enrolment = await store.enrolments.find(key);
    expect(await store.enrolments.revoke(enrolment?.id ?? '', 'admin:test', new Date())).toBe(true);
    const later = conversation(bot, { channelId, user });
    expect((await later.says('mes déclarations')).text).toBe(REVOKED);
    expect((await later.says('on a fait un café des parents hier pour la PA 2.3.2 avec 8 parents')).text).toBe(REVOKED);
    expect((await later.says('déclarer une action')).text).toBe(REVOKED);
  });
});

describe('8. what staff typed is shown as typed', () => {
  test('a title with HTML: no character references in a card, escaped Markdown in the « Je reprends » line', async () => {
    const someone = await enrolledPerson();
    const a = someone.open();
    await a.says('déclarer une action');
    await a.says('PA 3.2.1');
    await a.says('1');
    await a.says('groupe de parole');
    await a.says('ateliers parents-enfants <b>novembre</b> *x*');
    const resumed = await someone.open().says('reprendre ma déclaration');
    const line = String(resumed.replies[0]?.text);
    expect(line).not.toContain('<b>');
    expect(line).toContain('\\*x\\*');
    let turn = await a.says('hier');
    for (const answer of ['1', '8', '2', '5', '6', '1', 'aucun']) turn = await a.says(answer);
    for (let guard = 0; guard < 8 && !folded(turn.text).includes('confirmer'); guard++) turn = await a.says('non concerné');
    const cards = JSON.stringify(turn.replies.map((reply) => reply.attachments ?? []));
    expect(cards).toContain('novembre');
    expect(cards).not.toMatch(/&lt;|&gt;|&amp;/);
    expect(cards).toContain('\\\\<b\\\\>novembre\\\\</b\\\\>');
  });
});

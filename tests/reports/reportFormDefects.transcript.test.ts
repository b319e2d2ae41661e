import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * QA « reports », defects 2, 3, 7, 8, 9 and 10, through the whole bot: how the report form reads answers, and what
 * it says back. Each test is the QA's case or a general one of the same rule.
 */
let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

let users = 0;
async function enrolled(channelId: 'msteams' | 'webchat' = 'msteams') {
  users += 1;
  const user = { id: `29:defects-${users}-${Math.random()}`, aadObjectId: `aad-defects-${users}-${Math.random()}` };
  const chat = conversation(bot, { channelId, user });
  await chat.says('déclarer une action');
  await chat.says(await inviteCode(store));
  return chat;
}

async function draftOf(chat: Awaited<ReturnType<typeof enrolled>>, channelId = 'msteams') {
  const key = channelId === 'msteams' ? `aad:${chat.user.aadObjectId}` : `webchat:${chat.user.id}`;
  const saved = await store.drafts.get(key);
  return ((saved?.body as { form?: { values?: Record<string, unknown>; awaiting?: string } } | undefined)?.form ?? {}) as {
    values?: Record<string, unknown>;
    awaiting?: string;
  };
}

/** From the sheet question to the parents question of a report on PA 3.2.1 (one session). */
async function toParents(chat: Awaited<ReturnType<typeof enrolled>>) {
  for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi', 'hier']) await chat.says(answer);
  expect(folded((await chat.says('1')).text)).toContain('combien de parents');
}

async function toSummary(chat: Awaited<ReturnType<typeof enrolled>>) {
  await toParents(chat);
  for (const answer of ['8', '2', '5', '6', '1', 'aucun']) await chat.says(answer);
  let turn = await chat.says('non concerné');
  for (let guard = 0; guard < 6 && !folded(turn.text).includes('confirmer'); guard++) turn = await chat.says('non concerné');
  expect(folded(turn.text)).toContain('confirmer');
  return turn;
}

describe('numbers are plain whole numbers (report 2, report 9)', () => {
  test.each(['1e+3', '1e+308', '@SUM(1+1)', '-3', '1.5', '+12'])('« %s » for the parents is refused with what a count is, and nothing is kept', async (answer) => {
    const chat = await enrolled();
    await toParents(chat);
    const refused = folded((await chat.says(answer)).text);
    expect(refused).toContain('nombre entier, 0 ou plus');
    expect(refused).not.toContain('il me faut un nombre');
    expect(refused).toContain('combien de parents');
    expect((await draftOf(chat)).values).not.toHaveProperty('parents');
  });

  test('« 1e+3 » as a change at the summary is refused; the parents stay as they were', async () => {
    const chat = await enrolled();
    await toSummary(chat);
    await chat.says('modifier le nombre de parents');
    expect(folded((await chat.says('1e+3')).text)).toContain('nombre entier');
    expect(folded((await chat.says('9')).text)).toMatch(/parents\s*:?\s*9\b/);
  });

  test('« @SUM(1+1), +Caf » for the single-parent families is refused; « -1 » is no partner', async () => {
    const chat = await enrolled();
    await toParents(chat);
    for (const answer of ['8', '2', '5', '6']) await chat.says(answer);
    expect(folded((await chat.says('@SUM(1+1), +Caf')).text)).toContain('nombre entier');
    expect(folded((await chat.says('1')).text)).toContain('partenaires');
    const partner = folded((await chat.says('-1')).text);
    expect(partner).toContain("n'est pas un nom de partenaire");
    expect((await draftOf(chat)).values).not.toHaveProperty('partners');
  });

  test('card values that are no whole number, or of the wrong type, are refused naming the field', async () => {
    const chat = await enrolled('webchat');
    const draft = /"draft":"([^"]+)"/.exec(JSON.stringify((await chat.says('formulaire complet')).replies))?.[1] ?? '';
    const turn = await chat.submits({ maillage: 'report', draft, command: 'form', parents: '1e+308', children: 1e308, sessions: 1.5, families: [1, 2], qpvParents: { a: 1 }, singleParentFamilies: true, title: 42 });
    const said = folded(turn.text);
    for (const label of ['parents', 'enfants', 'seances', 'familles', 'dont en qpv', 'dont monoparentales']) expect(said).toMatch(new RegExp(`${label} : il faut un nombre entier`));
    const values = (await draftOf(chat, 'webchat')).values ?? {};
    for (const key of ['parents', 'children', 'sessions', 'families', 'qpvParents', 'singleParentFamilies']) expect(values).not.toHaveProperty(key);
  });
});

describe('what the first sentence says is taken, or refused at once with why (report 3)', () => {
  test('« 30 parents dont 40 en QPV »: the 40 is refused in the first answer, with both numbers', async () => {
    const chat = await enrolled();
    await chat.says('annuler');
    const reply = folded((await chat.says('hier on a fait un café des parents sur les écrans pour la PA 2.3.2, 30 parents dont 40 en QPV')).text);
    expect(reply).toContain('30');
    expect(reply).toContain('40 en qpv, c’est plus que les 30 parents'.normalize('NFD').replace(/\p{M}/gu, '').replace('’', "'"));
    expect((await draftOf(chat)).values).toMatchObject({ parents: 30 });
    expect((await draftOf(chat)).values).not.toHaveProperty('qpvParents');
  });

  test('« 10 familles dont 20 monoparentales » at any step: the 20 is refused at once', async () => {
    const chat = await enrolled();
    const reply = folded((await chat.says('café des parents hier pour la PA 3.2.1, 12 parents, 10 familles dont 20 monoparentales')).text);
    expect(reply).toMatch(/20 monoparentales, c'est plus que les 10 familles/);
    expect((await draftOf(chat)).values).toMatchObject({ families: 10, parents: 12 });
  });

  test('« pour la PA 2.3.2 action 3, 10 parents » takes action 3', async () => {
    const chat = await enrolled();
    await chat.says('annuler');
    const reply = folded((await chat.says('on a fait un groupe de parole hier pour la PA 2.3.2 action 3, 10 parents')).text);
    expect(reply).not.toContain('quelle action');
    expect((await draftOf(chat)).values?.action).toMatch(/^Action 3/);
  });

  test.each([['trois', 3], ['deux', 2], ['l’action 1', 1]])('« %s » answers « Quelle action de la fiche ? »', async (answer, number) => {
    const chat = await enrolled();
    expect(folded((await chat.says('PA 2.3.2')).text)).toContain('quelle action');
    expect(folded((await chat.says(answer)).text)).toContain('quel type');
    expect((await draftOf(chat)).values?.action).toMatch(new RegExp(`^Action ${number}`));
  });

  test.each([
    ['on a fait un café des parents hier pour la PA 2.3.2 avec la Caf, 14 parents', /caf/i],
    ['on a fait un café des parents hier pour la PA 2.3.2, 14 parents, partenaire : l’Udaf', /udaf/i],
  ])('partners named in the first sentence are taken: « %s »', async (sentence, partner) => {
    const chat = await enrolled();
    await chat.says('annuler');
    await chat.says(sentence);
    const partners = (await draftOf(chat)).values?.partners as string[] | undefined;
    expect(partners).toEqual([expect.stringMatching(partner)]);
  });

  test('« avec les parents du quartier » names no partner', async () => {
    const chat = await enrolled();
    await chat.says('annuler');
    await chat.says('on a fait un café des parents hier pour la PA 2.3.2 avec les parents du quartier, 14 parents');
    expect((await draftOf(chat)).values).not.toHaveProperty('partners');
  });
});

describe('counts are consistent with each other (report 7)', () => {
  test('no family for 14 parents, or more families than parents, is refused with why', async () => {
    const chat = await enrolled();
    await toParents(chat);
    for (const answer of ['14', '2', '5']) await chat.says(answer);
    expect(folded((await chat.says('aucun')).text)).toContain('au moins une famille');
    expect(folded((await chat.says('15')).text)).toContain('15 familles pour 14 parents');
    expect(folded((await chat.says('9')).text)).toContain('monoparentales');
  });

  test('with 0 parents, neither the QPV parents nor the families are asked: they are 0', async () => {
    const chat = await enrolled();
    await toParents(chat);
    const next = folded((await chat.says('0')).text);
    expect(next).not.toContain('quartier prioritaire');
    expect(next).toContain('enfants');
    const after = folded((await chat.says('5')).text);
    expect(after).not.toContain('familles');
    expect(after).toContain('partenaires');
  });

  test('a very large count for one session is questioned, and kept on « oui »', async () => {
    const chat = await enrolled();
    await toParents(chat);
    const asked = folded((await chat.says('100000')).text);
    expect(asked).toContain("c'est beaucoup");
    expect(asked).not.toContain('quartier prioritaire');
    expect(folded((await chat.says('oui')).text)).toContain('quartier prioritaire');
    expect((await draftOf(chat)).values).toMatchObject({ parents: 100000 });
  });

  test('a very large count for one session, in the card, is questioned once, then kept', async () => {
    const chat = await enrolled('webchat');
    const draft = /"draft":"([^"]+)"/.exec(JSON.stringify((await chat.says('formulaire complet')).replies))?.[1] ?? '';
    const first = await chat.submits({ maillage: 'report', draft, command: 'form', sessions: 1, parents: 100000 });
    expect(folded(first.text)).toContain("c'est beaucoup");
    const again = await chat.submits({ maillage: 'report', draft, command: 'form', sessions: 1, parents: 100000 });
    expect(folded(again.text)).not.toContain("c'est beaucoup");
    expect((await draftOf(chat, 'webchat')).values).toMatchObject({ parents: 100000 });
  });
});

describe('what staff typed is shown as text, not Markdown (report 8)', () => {
  test('the summary and the list escape the title, the partners and the comment', async () => {
    const chat = await enrolled('webchat');
    const draft = /"draft":"([^"]+)"/.exec(JSON.stringify((await chat.says('formulaire complet')).replies))?.[1] ?? '';
    const comment = '**gras** [lien](javascript:alert(1)) ![img](http://evil/x.png) <img src=x onerror=alert(1)>';
    await chat.submits({
      maillage: 'report', draft, command: 'form', sheet: 'PA 3.2.1', action: '1', kind: 'groupe-de-parole', title: '<script>alert(1)</script> _x_', start: '2026-01-15',
      sessions: 1, parents: 8, qpvParents: 2, children: 5, families: 6, singleParentFamilies: 1, partners: '**Caf**', comment,
    });
    let turn = await chat.says('non concerné');
    for (let guard = 0; guard < 6 && !folded(turn.text).includes('confirmer'); guard++) turn = await chat.says('non concerné');
    const summary = String(turn.replies.map((reply) => reply.text).join('\n'));
    expect(summary).toContain('confirmer');
    expect(summary).not.toContain('**gras**');
    expect(summary).not.toContain('![img]');
    expect(summary).not.toContain('<img');
    expect(summary).not.toContain('<script>');
    expect(summary).toContain('\\*\\*gras\\*\\*');
    expect(summary).toContain('&lt;script&gt;');
    await chat.says('confirmer');
    const listed = String((await chat.says('mes déclarations')).replies.map((reply) => reply.text).join('\n'));
    expect(listed).toContain('&lt;script&gt;');
    expect(listed).not.toContain('<script>');
  });
});

describe('what the form says when it does not understand (report 9)', () => {
  test.each(['RAS', 'du 3 au 5 novembre'])('« %s » at the summary is said not understood, with what to say', async (said) => {
    const chat = await enrolled();
    await toSummary(chat);
    const reply = folded((await chat.says(said)).text);
    expect(reply).toContain('pas compris');
    expect(reply).toContain('confirmer');
    expect(reply).toContain('modifier');
  });

  test('an empty message in the middle of the form asks its question again', async () => {
    const chat = await enrolled();
    await toParents(chat);
    const reply = folded((await chat.says('')).text);
    expect(reply).toContain('combien de parents');
    expect(reply).not.toContain('pas recu de question');
  });
});

describe('wording (report 10)', () => {
  test('« Je note une action du Centre social Les Tisserands »', async () => {
    const chat = conversation(bot, { channelId: 'msteams', user: { id: `29:${Math.random()}`, aadObjectId: `aad-${Math.random()}` } });
    await chat.says('déclarer une action');
    const started = folded((await chat.says(await inviteCode(store))).text);
    expect(started).toContain('actions du centre social les tisserands');
    expect(started).not.toContain('de centre social');
  });

  test('the Teams summary card does not say « Voici votre déclaration » twice', async () => {
    const chat = await enrolled();
    const turn = await toSummary(chat);
    // What the card shows (the activity's `summary` is the notification's line, not shown with the card).
    const card = JSON.stringify(turn.replies.map((reply) => reply.attachments));
    expect(card.match(/Voici votre déclaration/g)).toHaveLength(1);
  });

  test('« la semaine dernière » for a conférence-débat: the day is asked, and why', async () => {
    const chat = await enrolled();
    await chat.says('annuler');
    const reply = folded((await chat.says('la semaine dernière on a fait une conférence-débat sur les écrans pour la PA 2.3.2, 30 parents')).text);
    expect(reply).toContain('il me faut le jour');
    expect((await draftOf(chat)).values).not.toHaveProperty('dates');
    expect((await draftOf(chat)).values).toMatchObject({ kind: 'conference-debat', parents: 30 });
  });
});

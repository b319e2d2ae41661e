import { DateTime } from 'luxon';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * A centre's staff member reports an action by conversation, through the whole bot (routes, form, cards, state) on
 * the shipped sheets and offer, with the reports read back from the bot's own database.
 */
let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

/** A one-time code for the centre, as `npm run admin -- invite` makes one. */
const invite = () => inviteCode(store);

/** A staff member already enrolled, in Teams (bound to their Entra ID object id). */
async function enrolledInTeams() {
  const chat = conversation(bot, { channelId: 'msteams', user: { id: `29:${Math.random()}`, aadObjectId: `aad-${Math.random()}` } });
  await chat.says('je veux déclarer une action');
  await chat.says(await invite());
  return chat;
}

const thisYear = DateTime.now().setZone('Europe/Paris').year;
const lastMarch12 = (() => {
  const today = DateTime.now().setZone('Europe/Paris');
  const march = DateTime.fromObject({ year: today.year, month: 3, day: 12 }, { zone: 'Europe/Paris' });
  return (march > today ? march.minus({ years: 1 }) : march).toISODate();
})();

async function reportsBy(userKey: string) {
  return store.reports.list({ submittedBy: userKey });
}

describe('enrolment', () => {
  test('the first report asks for the centre’s code; a wrong code is refused without saying why; the right one enrols', async () => {
    const chat = conversation(bot);
    expect(folded((await chat.says('je veux déclarer une action')).text)).toContain(folded('code d’inscription'));
    const refused = folded((await chat.says('ABCD-EFGH-JKM2')).text);
    expect(refused).toContain('ne fonctionne pas');
    expect(refused).not.toMatch(/expire|inconnu|deja utilise/);
    const enrolled = folded((await chat.says((await invite()).toLowerCase().replace(/-/g, ' '))).text);
    expect(enrolled).toContain('les tisserands');
    expect(enrolled).toContain('quelle fiche');
  });

  test('a code works once', async () => {
    const code = await invite();
    await conversation(bot).says('déclarer une action').then(() => undefined);
    const first = conversation(bot);
    await first.says('déclarer une action');
    expect(folded((await first.says(code)).text)).toContain('les tisserands');
    const second = conversation(bot);
    await second.says('déclarer une action');
    expect(folded((await second.says(code)).text)).toContain('ne fonctionne pas');
  });

  test('wrong codes in a row are slowed down', async () => {
    const chat = conversation(bot);
    await chat.says('déclarer une action');
    for (let attempt = 0; attempt < 4; attempt++) await chat.says(`ZZZZ-ZZZZ-ZZ${attempt}${attempt}`);
    expect(folded((await chat.says(await invite())).text)).toContain(folded('trop d’essais'));
  });

  test('a parent on the website telling what they did is not taken for a centre’s report', async () => {
    const reply = folded((await conversation(bot).says('on a fait une sortie au parc hier avec les enfants')).text);
    expect(reply).not.toContain(folded('code d’inscription'));
  });
});

describe('a report by conversation', () => {
  test('one sentence, then only what is missing, a change at the summary, and a receipt', async () => {
    const chat = conversation(bot, { channelId: 'msteams', user: { id: '29:one-sentence', aadObjectId: 'aad-one-sentence' } });
    expect(folded((await chat.says('on a fait un café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 du quartier prioritaire')).text)).toContain('code');
    const started = folded((await chat.says(await invite())).text);
    expect(started).toContain('cafe des parents');
    expect(started).toContain('14');
    // PA 2.3.2 has three actions: the first missing field.
    expect(started).toContain('quelle action');
    expect(folded((await chat.says('1')).text)).toContain('titre');
    expect(folded((await chat.says('Café des parents de mars')).text)).toContain('seances');
    expect(folded((await chat.says('une')).text)).toContain('enfants');
    expect(folded((await chat.says('douze')).text)).toContain('familles');
    expect(folded((await chat.says('10')).text)).toContain('monoparentales');
    expect(folded((await chat.says('3')).text)).toContain('partenaires');
    // The sheet's count of parents who took part is the report's parents count: not asked.
    const afterPartners = folded((await chat.says('Caf du Rhône et l’Udaf 69')).text);
    expect(afterPartners).toContain('groupes de parole');
    expect(afterPartners).not.toContain('nombre de parents ayant participe');
    expect(folded((await chat.says('non concerné')).text)).toContain('commentaire');
    const summary = await chat.says('aucun');
    expect(folded(summary.text)).toContain('confirmer');
    expect(folded(summary.text)).toContain('centre social les tisserands');
    expect(JSON.stringify(summary.replies)).toContain('Action.Execute');

    expect(folded(summary.text)).toMatch(/nombre de parents ayant participe[^;]* : 14/);
    expect(folded((await chat.says('modifier le nombre de parents')).text)).toContain('combien de parents');
    // The indicator that took the parents count follows it.
    const changed = folded((await chat.says('16')).text);
    expect(changed).toContain('16');
    expect(changed).toMatch(/nombre de parents ayant participe[^;]* : 16/);
    const receipt = (await chat.says('confirmer')).text;
    expect(receipt).toMatch(/RPT-\d{4}-\d{6}/);

    const [stored] = await reportsBy('aad:aad-one-sentence');
    expect(stored).toMatchObject({
      structureId: 'cs-les-tisserands',
      planId: 'rhone-sdsf',
      sheetCode: 'PA 2.3.2',
      kind: 'cafe-des-parents',
      title: 'Café des parents de mars',
      startDate: lastMarch12,
      endDate: lastMarch12,
      sessions: 1,
      parents: 16,
      qpvParents: 6,
      children: 12,
      families: 10,
      singleParentFamilies: 3,
      comment: null,
      channelId: 'msteams',
    });
    expect(stored?.partners).toEqual(expect.arrayContaining(['Caf du Rhône']));
    expect(Object.entries(stored?.indicators ?? {})).toEqual([[expect.stringMatching(/^Nombre de parents ayant participé/), 16]]);
    expect(stored?.action).toMatch(/^Action 1/);
  });

  test('each refusal says what to fix, asks again, and keeps what was given', async () => {
    const chat = await enrolledInTeams();
    await chat.says('PA 3.2.1');
    await chat.says('1');
    await chat.says('atelier parents-enfants');
    await chat.says('Atelier cuisine');
    expect(folded((await chat.says('demain')).text)).toContain('a venir');
    expect(folded((await chat.says('du 5 au 3 avril')).text)).toContain('avant son debut');
    expect(folded((await chat.says('le 3 avril')).text)).toContain('seances');
    await chat.says('2');
    expect(folded((await chat.says('plein')).text)).toContain('nombre');
    await chat.says('5');
    const refused = folded((await chat.says('9')).text);
    expect(refused).toContain('plus que les 5 parents');
    expect(refused).toContain('quartier prioritaire');
    expect(folded((await chat.says('4')).text)).toContain('enfants');
  });

  test('a question in the middle is answered, then the form asks its question again', async () => {
    const chat = await enrolledInTeams();
    await chat.says('PA 3.2.1');
    await chat.says('1');
    const answer = folded((await chat.says('qui pilote la PA 3.2.1 ?')).text);
    expect(answer).toContain('commission parentalite');
    expect(answer).toContain(folded('quel type d’action'));
  });

  test('« annuler » stores nothing and forgets the draft', async () => {
    const chat = await enrolledInTeams();
    await chat.says('PA 3.2.1');
    expect(folded((await chat.says('annuler')).text)).toContain(folded('rien n’a ete enregistre'));
    expect(folded((await chat.says('reprendre ma déclaration')).text)).toContain('pas de declaration en cours');
  });

  test('leaving and coming back, in a new conversation, resumes the saved draft', async () => {
    const user = { id: '29:returning', aadObjectId: 'aad-returning' };
    const first = conversation(bot, { channelId: 'msteams', user });
    await first.says('déclarer une action');
    await first.says(await invite());
    await first.says('PA 3.2.1');
    await first.says('1');
    const later = conversation(bot, { channelId: 'msteams', user });
    const resumed = folded((await later.says('reprendre ma déclaration')).text);
    expect(resumed).toContain('pa 3.2.1');
    expect(resumed).toContain('quel type');
  });

  test('the whole form as one card: checked like typed answers, then the summary; a double click stores one report', async () => {
    const user = { id: '29:card', aadObjectId: 'aad-card' };
    const chat = conversation(bot, { channelId: 'webchat', user });
    await chat.says('déclarer une action');
    await chat.says(await invite());
    const form = await chat.says('formulaire complet');
    const card = JSON.stringify(form.replies);
    expect(card).toContain('Input.Number');
    const draft = /"draft":"([^"]+)"/.exec(card)?.[1] ?? '';
    expect(draft).not.toBe('');
    const wrong = await chat.submits({ maillage: 'report', draft, command: 'form', sheet: 'PA 2.3.2', kind: 'groupe-de-parole', title: 'Groupe de parole', start: '2099-01-01', sessions: 3, parents: 8, qpvParents: 9, children: 0, families: 7, singleParentFamilies: 2 });
    expect(folded(wrong.text)).toContain('a venir');
    const fixed = await chat.submits({ maillage: 'report', draft, command: 'form', start: `${thisYear}-01-15`, end: `${thisYear}-01-29`, qpvParents: 3, action: '2', partners: 'ACEPP 69', comment: '', indicator_0: 8, indicator_1: 1 });
    expect(folded(fixed.text)).toContain('confirmer');
    const confirm = { maillage: 'report', draft, command: 'confirm' };
    expect((await chat.submits(confirm)).text).toMatch(/RPT-\d{4}-\d{6}/);
    expect(folded((await chat.submits(confirm)).text)).toContain('deja enregistree');
    expect(await reportsBy(`webchat:${chat.user.id}`)).toHaveLength(1);
  });

  test('« mes déclarations » lists one’s own reports; a correction keeps the previous version in the audit trail', async () => {
    const user = { id: '29:corrector', aadObjectId: 'aad-corrector' };
    const chat = conversation(bot, { channelId: 'msteams', user });
    await chat.says('on a fait un groupe de parole le 12 mars pour la PA 3.2.1, 9 parents dont 2 en QPV');
    await chat.says(await invite());
    for (const answer of ['1', 'Groupe du jeudi', '1', '4', '6', '1', 'aucun']) await chat.says(answer);
    let turn = await chat.says('aucun');
    for (let guard = 0; guard < 5 && !folded(turn.text).includes('confirmer'); guard++) turn = await chat.says('non concerné');
    const reference = /RPT-\d{4}-\d{6}/.exec((await chat.says('confirmer')).text)?.[0] ?? '';
    expect(reference).not.toBe('');
    expect((await chat.says('mes déclarations')).text).toContain(reference);
    expect(folded((await chat.says(`corriger ${reference}`)).text)).toContain('confirmer');
    await chat.says('modifier le nombre d’enfants');
    await chat.says('7');
    expect(folded((await chat.says('confirmer')).text)).toContain('version 2');
    expect((await store.reports.get(reference))?.children).toBe(7);
    const audit = await store.audit.about(reference);
    expect(audit.map((entry) => entry.action)).toEqual(['report.submitted', 'report.corrected']);
    expect(audit[1]?.previous).toMatchObject({ children: 4 });
    // Someone else cannot correct it.
    const other = await enrolledInTeams();
    // Refused before any choice about their own draft (N2: a correction no longer waits on « annuler »).
    expect(folded((await other.says(`corriger ${reference}`)).text)).toContain('parmi les votres');
  });
});

/** Goes from an enrolled start to the summary of a report on PA 3.2.1. */
async function toSummary(chat: Awaited<ReturnType<typeof enrolledInTeams>>) {
  for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi', 'hier', '1', '8', '2', '5', '6', '1', 'aucun']) await chat.says(answer);
  let turn = await chat.says('non concerné');
  for (let guard = 0; guard < 6 && !folded(turn.text).includes('confirmer'); guard++) turn = await chat.says('non concerné');
  return turn;
}

describe('what people really type during a report', () => {
  test('a change that gives its value at the summary is taken at once', async () => {
    const chat = await enrolledInTeams();
    expect(folded((await toSummary(chat)).text)).toContain('confirmer');
    const changed = folded((await chat.says('non en fait c’était 7 parents')).text);
    // In Teams the summary is its card: « Parents » then « 7 ».
    expect(changed).toMatch(/\bparents\s*:?\s*7\b/);
    expect(changed).toContain('confirmer');
  });

  test('anything but a question at the summary shows the summary again; a question is answered', async () => {
    const chat = await enrolledInTeams();
    await toSummary(chat);
    expect(folded((await chat.says('aucun')).text)).toContain('confirmer');
    const question = folded((await chat.says('qui pilote la PA 2.3.2 ?')).text);
    expect(question).toContain('commission parentalite');
  });

  test('« mes déclarations » during the form lists the reports, then the question comes back', async () => {
    const chat = await enrolledInTeams();
    await chat.says('PA 3.2.1');
    const listed = folded((await chat.says('mes déclarations')).text);
    expect(listed).not.toContain('il me faut un nombre');
    expect(listed).toContain('quelle action');
  });

  test('« confirmer » again after the receipt says where the report went', async () => {
    const chat = await enrolledInTeams();
    await toSummary(chat);
    const reference = /RPT-\d{4}-\d{6}/.exec((await chat.says('confirmer')).text)?.[0] ?? '';
    expect(reference).not.toBe('');
    expect((await chat.says('confirmer')).text).toContain(reference);
  });

  test('a code pasted on its own enrols', async () => {
    const chat = conversation(bot, { channelId: 'msteams', user: { id: '29:paste', aadObjectId: 'aad-paste' } });
    expect(folded((await chat.says(await invite())).text)).toContain('les tisserands');
  });

  test('a revoked account can no longer correct its reports', async () => {
    const chat = await enrolledInTeams();
    await toSummary(chat);
    const reference = /RPT-\d{4}-\d{6}/.exec((await chat.says('confirmer')).text)?.[0] ?? '';
    const enrolment = await store.enrolments.find(`aad:${chat.user.aadObjectId}`);
    await store.enrolments.revoke(enrolment?.id ?? '', 'test', new Date());
    expect(folded((await chat.says(`corriger ${reference}`)).text)).toContain('retiree');
    expect((await store.reports.get(reference))?.version).toBe(1);
  });

  test('an English report stays in English after a number', async () => {
    const chat = conversation(bot, { channelId: 'msteams', locale: 'fr-FR', user: { id: '29:english', aadObjectId: 'aad-english' } });
    await chat.says('I would like to report an action');
    await chat.says(await invite());
    expect((await chat.says('PA 3.2.1')).text).toContain('Which action');
    expect((await chat.says('1')).text).toContain('What kind');
  });

  test('on the website, a parent’s « déclaration » is not a centre’s report', async () => {
    for (const says of ['reprendre ma déclaration', 'mes déclarations', 'je dois faire ma déclaration de grossesse']) {
      const reply = folded((await conversation(bot).says(says)).text);
      expect(reply).not.toContain(folded('code d’inscription'));
      expect(reply).not.toContain('aucune declaration');
    }
  });

  test('in a group chat, only the person reporting answers the form, presses its buttons and stores it', async () => {
    const group = `group-${Math.random()}`;
    const alice = conversation(bot, { channelId: 'msteams', conversationId: group, user: { id: '29:alice', aadObjectId: 'aad-alice' } });
    const bob = conversation(bot, { channelId: 'msteams', conversationId: group, user: { id: '29:bob', aadObjectId: 'aad-bob' } });
    await alice.says('déclarer une action pour la PA 3.2.1');
    expect(folded((await alice.says(await invite())).text)).toContain('quelle action');
    // Bob's « 2 » is not an answer to Alice's question, and his report waits for hers.
    expect(folded((await bob.says('2')).text)).not.toContain('quel type');
    expect(folded((await bob.says('déclarer une action')).text)).toContain('quelqu')
    const form = JSON.stringify((await alice.says('formulaire complet')).replies);
    const draft = /"draft":"([^"]+)"/.exec(form)?.[1] ?? '';
    expect(folded((await bob.submits({ maillage: 'report', draft, command: 'cancel' })).text)).toContain('quelqu');
    expect(folded((await alice.says('1')).text)).toContain('quel type');
  });

  test('a card’s free text is taken as written, even with a question mark or a sheet named', async () => {
    const chat = conversation(bot, { channelId: 'msteams', user: { id: '29:free', aadObjectId: 'aad-free' } });
    await chat.says('déclarer une action pour la PA 3.2.1');
    await chat.says(await invite());
    const form = JSON.stringify((await chat.says('formulaire complet')).replies);
    const draft = /"draft":"([^"]+)"/.exec(form)?.[1] ?? '';
    const comment = 'Lien avec la PA 2.3.2 ? À voir avec la Caf.';
    const turn = await chat.submits({ maillage: 'report', draft, command: 'form', title: 'Pourquoi pas nous ?', comment, partners: 'Caf du Rhône' });
    expect(folded(turn.text)).not.toContain('a corriger');
    const values = JSON.stringify(turn.replies);
    expect(values).not.toContain('il me faut un nombre');
    const tooLong = await chat.submits({ maillage: 'report', draft, command: 'form', comment: 'x'.repeat(2500) });
    expect(folded(tooLong.text)).toContain('trop long');
  });
});

/** QA's journey (issue 10): a staff member in Teams, enrolled, answering « Pour quelle fiche action ? » with everything. */
describe('a report told whole, at any step', () => {
  /** The draft as stored for the account: what the form holds, whatever the bot said. */
  async function draftOf(chat: Awaited<ReturnType<typeof enrolledInTeams>>) {
    const saved = await store.drafts.get(`aad:${chat.user.aadObjectId}`);
    return ((saved?.body as { form?: { values?: Record<string, unknown>; awaiting?: string } } | undefined)?.form ?? {}) as { values?: Record<string, unknown>; awaiting?: string };
  }

  test.each([
    'café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV',
    'on a fait un café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV',
  ])('a whole sentence at the sheet step is taken whole: « %s »', async (sentence) => {
    const chat = await enrolledInTeams();
    const taken = folded((await chat.says(sentence)).text);
    expect(taken).toContain("j'ai compris");
    expect(taken).toContain('cafe des parents');
    expect(taken).toContain('14');
    expect(taken).toContain('quelle action');
    expect((await draftOf(chat)).values).toMatchObject({ kind: 'cafe-des-parents', parents: 14, qpvParents: 6, dates: { start: lastMarch12, end: lastMarch12 }, sheet: { sheetCode: 'PA 2.3.2' } });
    // Only what is still missing: the title, never the kind or the parents again.
    const next = folded((await chat.says('1')).text);
    expect(next).toContain('titre');
    expect(next).not.toContain('quel type');
  });

  test('a kind answered « Café des parents » is kept: no field with a value is asked again', async () => {
    const chat = await enrolledInTeams();
    await chat.says('PA 2.3.2');
    expect(folded((await chat.says('1')).text)).toContain('quel type');
    const afterKind = folded((await chat.says('Café des parents')).text);
    expect(afterKind).toContain('titre');
    expect(afterKind).not.toContain('combien de parents');
    expect((await draftOf(chat)).values).toMatchObject({ kind: 'cafe-des-parents' });
    await chat.says('Café de mars');
    await chat.says('le 12 mars');
    expect(folded((await chat.says('1')).text)).toContain('combien de parents');
    const afterParents = folded((await chat.says('14')).text);
    expect(afterParents).toContain('quartier prioritaire');
    expect(afterParents).not.toContain('quel type');
    expect((await draftOf(chat)).values).toMatchObject({ kind: 'cafe-des-parents', parents: 14 });
  });

  test('a question at the sheet step is answered, then the sheet is asked again', async () => {
    const chat = await enrolledInTeams();
    const pilot = folded((await chat.says('qui pilote la PA 3.2.1 ?')).text);
    expect(pilot).toContain('commission parentalite');
    expect(pilot).not.toContain('quelle action');
    expect(pilot).toContain('pour quelle fiche');
    const figures = folded((await chat.says('combien de parents ont participé aux actions de la PA 2.3.2 cette année ?')).text);
    expect(figures).not.toContain('quelle action');
    expect(figures).toContain('pour quelle fiche');
    expect((await draftOf(chat)).values).toEqual({});
    // A figures question later in the form is not taken for its dates either.
    await chat.says('PA 2.3.2');
    await chat.says('1');
    await chat.says('Café des parents');
    await chat.says('Café de mars');
    const atDates = folded((await chat.says('combien de parents ont participé aux actions de la PA 2.3.2 cette année ?')).text);
    expect(atDates).toContain('quand a-t-elle eu lieu');
    expect((await draftOf(chat)).values?.dates).toBeUndefined();
  });

  test.each(['PA 2.3.2', '2.3.2', 'la fiche 2.3.2', 'c’est pour la PA 2.3.2'])('« %s » at the sheet step is the sheet', async (answer) => {
    const chat = await enrolledInTeams();
    expect(folded((await chat.says(answer)).text)).toContain('quelle action');
    expect((await draftOf(chat)).values).toMatchObject({ sheet: { sheetCode: 'PA 2.3.2' } });
  });

  test.each([
    'je veux déclarer un café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV',
    'café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV',
    'j’ai animé un café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV',
  ])('an enrolled account’s report in one sentence naming a sheet starts the report: « %s »', async (sentence) => {
    const chat = await enrolledInTeams();
    await chat.says('annuler');
    const started = folded((await chat.says(sentence)).text);
    expect(started).toContain('je note une action');
    expect(started).toContain('cafe des parents');
    expect(started).toContain('quelle action');
    expect((await draftOf(chat)).values).toMatchObject({ kind: 'cafe-des-parents', parents: 14, qpvParents: 6, sheet: { sheetCode: 'PA 2.3.2' } });
  });

  test('a whole-form card with errors comes back as the form, pre-filled with what passed, what to fix above it', async () => {
    const chat = conversation(bot, { channelId: 'webchat', user: { id: `29:${Math.random()}` } });
    await chat.says('déclarer une action');
    await chat.says(await invite());
    const draft = /"draft":"([^"]+)"/.exec(JSON.stringify((await chat.says('formulaire complet')).replies))?.[1] ?? '';
    const wrong = await chat.submits({ maillage: 'report', draft, command: 'form', sheet: 'PA 2.3.2', kind: 'groupe-de-parole', title: 'Groupe du jeudi', start: '2099-01-01', sessions: 3, parents: 8, qpvParents: 9, children: 'plein' });
    const shown = folded(wrong.text);
    expect(shown).toContain('a corriger');
    expect(shown).toContain('a venir');
    const card = JSON.stringify(wrong.replies);
    expect(card).toContain('Input.Number');
    // What passed is in the card; what did not is empty there, and listed above it.
    expect(card).toMatch(/"id":"title"[^}]*"value":"Groupe du jeudi"|"value":"Groupe du jeudi"[^}]*"id":"title"/);
    expect(card).toMatch(/"id":"parents"[^}]*"value":8|"value":8[^}]*"id":"parents"/);
    expect(folded(card)).toContain(folded('plus que les 8 parents'));
    // The card is the answer: no typed question after it; a typed answer goes to the first field still missing.
    expect(shown).not.toContain('quelle action de la fiche ?');
    expect(folded((await chat.says('2')).text)).toContain('quand a-t-elle eu lieu');
  });

  test('a button no journey knows, in the middle of a report: said no longer valid, then the question again', async () => {
    const chat = await enrolledInTeams();
    const turn = folded((await chat.submits({ action: { type: 'Action.Execute', verb: 'nope.verb' } })).text);
    expect(turn).toContain('plus valable');
    expect(turn).not.toContain('recu de question');
    expect(turn).toContain('pour quelle fiche');
  });

  test('a sheet question from an enrolled account still goes to the sheets', async () => {
    const chat = await enrolledInTeams();
    await chat.says('annuler');
    const answer = folded((await chat.says('quels sont les indicateurs de la PA 2.3.2 ?')).text);
    expect(answer).not.toContain('je note une action');
    expect(answer).toContain('indicateur');
    expect(await draftOf(chat)).toEqual({});
  });
});

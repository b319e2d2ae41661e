import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { createLogger } from '../../src/log/logger';
import { teamsAccountKey } from '../../src/reports/accounts';
import { openStore, type Store } from '../../src/storage';
import { inviteCode } from '../helpers/enrolment';
import { cafeReport, GRANDCLEMENT, TISSERANDS } from '../helpers/reportFixtures';
import { conversation, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * A centre's staff member whose enrolment an administrator revoked asks for the figures, through the whole bot
 * (routes, journeys, state) on the shipped sheets, with metrics on so the test counts the bot's own database calls.
 * Revoked, they get one kind refusal — not the figures, and in Teams not every centre's, as a partner would.
 */
let bot: TestBot;
let store: Store;
let metricsUrl: string;
beforeAll(async () => {
  bot = await startTestBot(undefined, { METRICS: 'true' });
  store = await openStore(bot.databaseUrl, createLogger('silent'));
  metricsUrl = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}/metrics`;
  const thisYear = DateTime.now().setZone('Europe/Paris').year;
  for (const [centre, parents] of [[TISSERANDS, 14], [GRANDCLEMENT, 9]] as const) {
    await store.reports.submit({
      submissionKey: `revoked-figures-${centre.structureId}`,
      centre,
      body: cafeReport({ parents, qpvParents: 2, startDate: `${thisYear}-01-01`, endDate: `${thisYear}-01-01` }),
      submittedBy: `aad:${centre.structureId}`,
      channelId: 'msteams',
      submittedAt: new Date(),
    });
  }
});
afterAll(async () => {
  await store.close();
  await bot.stop();
});

const QUESTION = 'combien de parents ont participé aux actions de la PA 2.3.2 cette année ?';
const REFUSAL = "Votre accès aux chiffres des centres a été retiré. Adressez-vous à l'administrateur de Maillage.";
/** Both centres' reports: 14 + 9 parents. */
const EVERY_CENTRE = '23 parents';
/** What a staff member of Les Tisserands sees: their own centre's report only (in Teams, as the card's facts). */
const OWN_CENTRE = /14 parents, dont 2 en QPV\s+Source\s+d'après 1 déclaration de 1 centre/;

/** How many times the bot called each enrolment operation of its store so far, from its own /metrics. */
async function enrolmentCalls(): Promise<Record<string, number>> {
  const body = await (await fetch(metricsUrl)).text();
  const calls: Record<string, number> = {};
  for (const match of body.matchAll(/^maillage_store_operation_duration_seconds_count\{([^}]*)\} (\d+)$/gm)) {
    const operation = /operation="(enrolments\.[A-Za-z]+)"/.exec(match[1])?.[1];
    if (operation) calls[operation] = (calls[operation] ?? 0) + Number(match[2]);
  }
  return z.record(z.string(), z.number()).parse(calls);
}

/** What a turn cost in enrolment calls: the counts after it, less those before. */
async function callsDuring(turn: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await enrolmentCalls();
  await turn();
  const after = await enrolmentCalls();
  return Object.fromEntries(Object.entries(after).flatMap(([operation, count]) => (count > (before[operation] ?? 0) ? [[operation, count - (before[operation] ?? 0)]] : [])));
}

/** A Teams user: their Entra ID object id is their account key, in every chat. */
function teamsUser(locale = 'fr-FR') {
  const aadObjectId = randomUUID();
  const chat = conversation(bot, { channelId: 'msteams', locale, user: { id: `29:${randomUUID()}`, aadObjectId } });
  return { chat, key: teamsAccountKey(aadObjectId) };
}

async function revoke(key: string): Promise<void> {
  const enrolment = await store.enrolments.find(key);
  expect(await store.enrolments.revoke(enrolment?.id ?? '(not enrolled)', 'admin:test', new Date())).toBe(true);
}

describe('a revoked staff member asks for the figures', () => {
  test('in Teams: the figures while enrolled, one kind refusal once revoked, the figures again once enrolled again', async () => {
    const { chat, key } = teamsUser();
    await chat.says('je veux déclarer une action');
    expect(folded((await chat.says(await inviteCode(store))).text)).toContain('les tisserands');
    await chat.says('annuler');
    const own = (await chat.says(QUESTION)).text;
    expect(own).toMatch(OWN_CENTRE);
    expect(own).toContain('Centre social Les Tisserands');
    // Asking about another centre: told whose figures they see, then their own.
    const other = (await chat.says('bilan du centre social Grandclément en 2026')).text;
    expect(other).toMatch(/^Vous voyez les chiffres de votre centre seulement : voici ceux de Centre social Les Tisserands\./);
    expect(other).toContain('14 parents, dont 2 en QPV · 12 familles, dont 3 monoparentales · 1 séance');
    expect(other).not.toContain('9 parents');

    await revoke(key);
    const refused = await chat.says(QUESTION);
    expect(refused.replies).toHaveLength(1);
    expect(refused.text).toBe(REFUSAL);
    expect(refused.replies[0].attachments ?? []).toEqual([]);

    // Asked again, or in other words, the same: the refusal, never a partner's view of every centre.
    for (const text of [QUESTION, 'bilan du centre social Les Tisserands depuis janvier', 'combien de parents ont participé à la PA 2.3.2 en 2026 ?']) {
      const again = await chat.says(text);
      expect(again.text).toBe(REFUSAL);
      expect(again.text).not.toContain('parents,');
    }
    // In a new conversation too: the account is revoked, not the conversation.
    const fresh = conversation(bot, { channelId: 'msteams', user: { id: `29:${randomUUID()}`, aadObjectId: key.slice('aad:'.length).toUpperCase() } });
    expect((await fresh.says(QUESTION)).text).toBe(REFUSAL);
    // What the sheets say is still theirs to read, as anyone's.
    expect(folded((await chat.says('qui pilote la PA 3.2.1 ?')).text)).not.toContain(folded(REFUSAL));

    await chat.says('je veux déclarer une action');
    expect(folded((await chat.says(await inviteCode(store))).text)).toContain('les tisserands');
    await chat.says('annuler');
    expect((await chat.says(QUESTION)).text).toMatch(OWN_CENTRE);
  });

  test('a partner never enrolled still gets every centre’s figures, in the same group chat', async () => {
    const conversationId = `group-${randomUUID()}`;
    const staff = teamsUser();
    const partnerId = randomUUID();
    const shared = conversation(bot, { channelId: 'msteams', conversationId, user: { id: `29:${staff.key}`, aadObjectId: staff.key.slice('aad:'.length) } });
    const partner = conversation(bot, { channelId: 'msteams', conversationId, user: { id: `29:${partnerId}`, aadObjectId: partnerId } });
    await staff.chat.says('je veux déclarer une action');
    await staff.chat.says(await inviteCode(store));
    await staff.chat.says('annuler');
    await revoke(staff.key);

    expect((await shared.says(QUESTION)).text).toBe(REFUSAL);
    const figures = (await partner.says(QUESTION)).text;
    expect(figures).toContain(EVERY_CENTRE);
    expect(figures).not.toContain(REFUSAL);
  });

  test('in English, the refusal is in English', async () => {
    const { chat, key } = teamsUser('en-GB');
    await chat.says('I want to report an action');
    await chat.says(await inviteCode(store));
    await chat.says('cancel');
    await revoke(key);
    const refused = await chat.says('how many parents took part in the actions of PA 2.3.2 this year?');
    expect(refused.text).toBe("Your access to the centres' figures was withdrawn. Please ask the Maillage administrator.");
  });

  test('on the website: an enrolled staff member gets the figures, then the refusal once revoked', async () => {
    const chat = conversation(bot);
    const key = `webchat:${chat.user.id}`;
    await chat.says('je veux déclarer une action');
    expect(folded((await chat.says(await inviteCode(store))).text)).toContain('les tisserands');
    await chat.says('annuler');
    expect((await chat.says(QUESTION)).text).toMatch(OWN_CENTRE);
    await revoke(key);
    expect((await chat.says(QUESTION)).text).toBe(REFUSAL);
  });

  test('hostile text from a revoked account: the refusal or an ordinary answer, never the figures', async () => {
    const { chat, key } = teamsUser();
    await chat.says('je veux déclarer une action');
    await chat.says(await inviteCode(store));
    await chat.says('annuler');
    await revoke(key);
    for (const text of [
      `${QUESTION} <script>alert(1)</script>`,
      `${QUESTION} '; DROP TABLE revoked_accounts; --`,
      `📊 ${QUESTION} 🙏`,
      `${QUESTION} ${'vraiment '.repeat(1200)}`,
      '',
    ]) {
      const turn = await chat.says(text);
      expect(turn.replies.length).toBeGreaterThan(0);
      expect(turn.text).not.toContain(EVERY_CENTRE);
      expect(turn.text).not.toMatch(/d'après \d+ déclarations? de/);
    }
    expect((await chat.says(QUESTION)).text).toBe(REFUSAL);
  });
});

describe('what the question costs', () => {
  test('a figures turn asks the database where the account stands once; sheets and parents’ turns never', async () => {
    const { chat } = teamsUser();
    expect(await callsDuring(() => chat.says(QUESTION))).toEqual({ 'enrolments.standing': 1 });
    expect(await callsDuring(() => chat.says('qui pilote la PA 3.2.1 ?'))).toEqual({});
    expect(await callsDuring(() => chat.says('quels sont les indicateurs de la fiche PA 2.3.2 ?'))).toEqual({});
    const parent = conversation(bot);
    expect(await callsDuring(() => parent.says('je cherche un LAEP à Givors'))).toEqual({});
    // On the website a figures question is the one turn where an enrolled account is looked for (it may be staff who
    // enrolled in another conversation); the parent, not enrolled, still gets no figures.
    const figures = await parent.says(QUESTION);
    expect(figures.text).not.toMatch(/d'après \d+ déclarations? de/);
    expect(await callsDuring(() => parent.says(QUESTION))).toEqual({ 'enrolments.find': 1 });
    expect(await callsDuring(() => parent.says('je cherche un LAEP à Givors'))).toEqual({});
  });
});

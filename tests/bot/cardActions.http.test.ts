import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { CardFactory, MessageFactory, TestAdapter, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { answerCardAction } from '../../src/bot/cardRefresh';
import { MAX_REFRESHED_CARD_BYTES } from '../../src/cards/refreshedCard';
import { createLogger } from '../../src/log/logger';
import { cardRefreshTexts } from '../../src/messages/cardRefresh';
import { commonMessages } from '../../src/messages/common';
import { openStore, type Store } from '../../src/storage';
import { inviteCode } from '../helpers/enrolment';
import { postTeamsActivity, postTeamsInvoke, startTeamsApp, type TeamsApp } from '../helpers/teamsInvokes';
import { folded } from '../helpers/transcript';

/**
 * Teams' Universal Actions over HTTP, on the real application: a staff member reports an action in a Teams chat
 * (messages with deliveryMode "expectReplies"), then presses the summary's buttons as Teams sends them, an
 * `adaptiveCard/action` invoke; the answer is read from the HTTP body. The serviceUrl is a local receiver, so a reply
 * posted in the chat instead of the card would show there.
 */

const ActivitiesSchema = z.object({ activities: z.array(z.record(z.string(), z.unknown())) });
const CardSchema = z.object({
  type: z.literal('AdaptiveCard'),
  version: z.literal('1.5'),
  body: z.array(z.record(z.string(), z.unknown())).min(1),
  actions: z.array(z.record(z.string(), z.unknown())).max(6).optional(),
});
const RefreshedSchema = z.object({ statusCode: z.literal(200), type: z.literal('application/vnd.microsoft.card.adaptive'), value: CardSchema });
const NoticeSchema = z.object({ statusCode: z.literal(200), type: z.literal('application/vnd.microsoft.activity.message'), value: z.string().min(1) });
const ExecuteSchema = z.looseObject({ type: z.literal('Action.Execute'), verb: z.string(), data: z.record(z.string(), z.unknown()) });
type Execute = z.infer<typeof ExecuteSchema>;

let teams: TeamsApp;
let store: Store;

beforeAll(async () => {
  teams = await startTeamsApp();
  // The bot's own database, read beside it as the report transcripts read it.
  store = await openStore(teams.bot.databaseUrl, createLogger('silent'));
});
afterAll(async () => {
  await store?.close();
  await teams?.stop();
});

/** A personal Teams chat with the bot, spoken over POST /api/messages. */
function teamsChat(name: string) {
  const user = { id: `29:${name}-${randomUUID()}`, aadObjectId: `aad-${name}-${randomUUID()}` };
  const conversationId = `a:${name}-${randomUUID()}`;
  const inThisChat = { conversation: { id: conversationId, conversationType: 'personal' }, from: user };
  return {
    user,
    conversationId,
    /** A message; its replies come back in the body. */
    async says(text: string) {
      const { status, body } = await postTeamsActivity(teams, { ...inThisChat, type: 'message', text, deliveryMode: 'expectReplies' });
      expect(status).toBe(200);
      const activities = ActivitiesSchema.parse(body).activities;
      return { activities, text: folded(JSON.stringify(activities)) };
    },
    /** A button pressed, as Teams sends an Action.Execute. */
    clicks(action: Execute) {
      return postTeamsInvoke(teams, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' }, inThisChat);
    },
  };
}
type TeamsChat = ReturnType<typeof teamsChat>;

/** Every Action.Execute in a reply or a card, wherever it is nested (the « Modifier » one is inside a ShowCard). */
function executes(node: unknown): Execute[] {
  if (Array.isArray(node)) return node.flatMap(executes);
  if (!node || typeof node !== 'object') return [];
  const here = ExecuteSchema.safeParse(node);
  return [...(here.success ? [here.data] : []), ...Object.values(node).flatMap(executes)];
}

/** From the first sentence to the summary, answering only what the form asks. */
async function toSummary(chat: TeamsChat) {
  await chat.says('on a fait un café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 du quartier prioritaire');
  let turn = await chat.says(await inviteCode(store));
  expect(turn.text).toContain('cafe des parents');
  for (const answer of ['1', 'Café des parents de mars', 'une', 'douze', '10', '3', 'Caf du Rhône', '14', 'non concerné', 'aucun']) {
    if (executes(turn.activities).some((action) => action.verb === 'report.confirm')) break;
    turn = await chat.says(answer);
  }
  for (let guard = 0; guard < 6 && !executes(turn.activities).some((action) => action.verb === 'report.confirm'); guard++) turn = await chat.says('non concerné');
  const button = (verb: string) => {
    const found = executes(turn.activities).find((action) => action.verb === verb);
    if (!found) throw new Error(`no ${verb} button in the summary: ${turn.text.slice(0, 500)}`);
    return found;
  };
  return { confirm: button('report.confirm'), edit: button('report.edit'), cancel: button('report.cancel') };
}

const reportsOf = (chat: TeamsChat) => store.reports.list({ submittedBy: `aad:${chat.user.aadObjectId}` });
const refreshed = (body: unknown) => RefreshedSchema.parse(body).value;
/** Gives a stray post to the chat the time to arrive before saying there was none. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('the summary’s buttons, pressed in Teams', () => {
  test('« Confirmer » is answered by a card with the receipt and no button to confirm again; a second click stores nothing more', async () => {
    const chat = teamsChat('confirm');
    const { confirm } = await toSummary(chat);
    expect(confirm.data).toMatchObject({ maillage: 'report', command: 'confirm' });

    const first = await chat.clicks(confirm);
    expect(first.status).toBe(200);
    const receipt = refreshed(first.body);
    const reference = /RPT-\d{4}-\d{6}/.exec(JSON.stringify(receipt))?.[0];
    expect(reference).toBeDefined();
    expect(executes(receipt).filter((action) => action.verb === 'report.confirm')).toEqual([]);
    expect(JSON.stringify(receipt)).not.toContain('Confirmer');
    // The receipt's quick reply became a button that posts « mes déclarations » as the user's message.
    expect(receipt.actions).toContainEqual({ type: 'Action.Submit', title: 'mes déclarations', data: { msteams: { type: 'imBack', value: 'mes déclarations' } } });
    expect(await reportsOf(chat)).toHaveLength(1);

    const again = await chat.clicks(confirm);
    expect(again.status).toBe(200);
    const repeated = JSON.stringify(refreshed(again.body));
    expect(folded(repeated)).toContain('deja enregistree');
    expect(repeated).toContain(reference);
    expect(await reportsOf(chat)).toHaveLength(1);

    // The answers replaced the card: nothing was posted in the chat.
    await settle();
    expect(teams.receiver.repliesTo(chat.conversationId)).toEqual([]);
  });

  test('« Annuler » is answered by a card saying nothing was stored; its « Confirmer » pressed afterwards stores nothing', async () => {
    const chat = teamsChat('cancel');
    const { confirm, cancel } = await toSummary(chat);
    const cancelled = refreshed((await chat.clicks(cancel)).body);
    expect(folded(JSON.stringify(cancelled))).toContain(folded('rien n’a été enregistré'));
    expect(executes(cancelled)).toEqual([]);
    const late = refreshed((await chat.clicks(confirm)).body);
    expect(folded(JSON.stringify(late))).toContain('ne correspond plus');
    expect(await reportsOf(chat)).toEqual([]);
  });

  test('« Modifier » with a field chosen is answered by a card asking for it; the typed answer brings the summary back', async () => {
    const chat = teamsChat('edit');
    const { edit } = await toSummary(chat);
    const asked = refreshed((await chat.clicks({ ...edit, data: { ...edit.data, field: 'parents' } })).body);
    expect(folded(JSON.stringify(asked))).toContain('combien de parents');
    expect(executes(asked).filter((action) => action.verb === 'report.confirm')).toEqual([]);
    const summary = await chat.says('16');
    // In Teams the summary is its card alone: the parents' fact reads 16.
    expect(summary.text).toMatch(/"title":"parents","value":"16"/);
    expect(executes(summary.activities).some((action) => action.verb === 'report.confirm')).toBe(true);
  });
});

describe('an answer with several cards', () => {
  test('the services are posted in the chat in their order, text first; the clicked card says the answer is below', async () => {
    const chat = teamsChat('several');
    const { status, body } = await chat.clicks({ type: 'Action.Execute', verb: 'ask', data: { ask: 'une médiation familiale à Villeurbanne' } });
    expect(status).toBe(200);
    const card = refreshed(body);
    expect(JSON.stringify(card.body)).toContain(cardRefreshTexts.answerInChat.fr);
    const [posted, ...more] = await teams.receiver.waitForReplies(chat.conversationId, 1);
    await settle();
    expect(more).toEqual([]);
    const answer = z.object({ type: z.literal('message'), attachments: z.array(z.object({ contentType: z.literal('application/vnd.microsoft.card.adaptive'), content: CardSchema })).min(2) }).parse(posted?.activity);
    // In Teams the answer's text opens its first card rather than standing above the cards.
    expect(posted?.activity.text).toBeUndefined();
    expect(folded(JSON.stringify(answer.attachments[0]?.content.body))).toContain('mediation familiale');
  });
});

describe('card actions that do not go as planned', () => {
  test('a button whose action fails is answered with the plain error and its reference, never a bare 5xx; the next click works', async () => {
    const chat = teamsChat('failing');
    const { confirm } = await toSummary(chat);
    const db = new Database(teams.bot.databaseUrl.replace(/^sqlite:/, ''));
    try {
      // The database refuses the report, as a full disk or a broken connection would.
      db.exec("CREATE TRIGGER refuse_reports BEFORE INSERT ON reports BEGIN SELECT RAISE(ABORT, 'no space left'); END");
      const failed = await chat.clicks(confirm);
      expect(failed.status).toBe(200);
      const notice = NoticeSchema.parse(failed.body).value;
      expect(notice).toContain(commonMessages.turnError.fr);
      expect(notice).toMatch(/\(réf\. [0-9a-f]{8}\)$/);
      expect(notice).not.toContain('no space left');
      expect(await reportsOf(chat)).toEqual([]);
    } finally {
      db.exec('DROP TRIGGER IF EXISTS refuse_reports');
      db.close();
    }
    // The failed turn lost nothing: the same button stores the report.
    const stored = refreshed((await chat.clicks(confirm)).body);
    expect(JSON.stringify(stored)).toMatch(/RPT-\d{4}-\d{6}/);
    expect(await reportsOf(chat)).toHaveLength(1);
  });

});

/**
 * What the dialogs do not do today, and a card action must still survive: answering nothing, an attachment that is not
 * an Adaptive Card, an answer too large for a card. Driven through botbuilder's TestAdapter, which records what the
 * turn sends (the invoke response included).
 */
describe('answerCardAction, for answers the dialogs do not give today', () => {
  async function cardAction(run: (context: TurnContext) => Promise<void>) {
    const adapter = new TestAdapter(async (context) => {
      await answerCardAction(context, () => run(context));
    });
    await adapter.processActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      locale: 'fr-FR',
      from: { id: '29:someone', name: 'Camille' },
      recipient: { id: 'maillage', name: 'Maillage' },
      conversation: { id: 'a:unit', conversationType: 'personal', isGroup: false, name: '' },
      value: { action: { type: 'Action.Execute', verb: 'x', data: {} }, trigger: 'manual' },
    });
    const sent = adapter.activeQueue.splice(0);
    const [answer, ...others] = [...sent].reverse();
    const InvokeResponseSchema = z.object({ type: z.literal('invokeResponse'), value: z.object({ status: z.literal(200), body: z.unknown() }) });
    return { body: InvokeResponseSchema.parse(answer).value.body, posted: others.reverse() };
  }

  test('nothing said: a 200 message response whose value is a short string', async () => {
    const { body, posted } = await cardAction(async () => undefined);
    expect(body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Action reçue.' });
    expect(posted).toEqual([]);
  });

  test('a typing indicator passes while the dialog runs; its message is held for the card', async () => {
    const { body, posted } = await cardAction(async (context) => {
      await context.sendActivity({ type: 'typing' });
      await context.sendActivity('Voici la réponse.');
    });
    expect(posted.map((activity) => activity.type)).toEqual(['typing']);
    expect(RefreshedSchema.parse(body).value.body).toEqual([{ type: 'TextBlock', text: 'Voici la réponse.', wrap: true }]);
  });

  test('an attachment that is not an Adaptive Card: the reply is posted as it was, and the card says where it is', async () => {
    const hero = CardFactory.heroCard('Titre', 'Texte');
    const { body, posted } = await cardAction(async (context) => {
      await context.sendActivity(MessageFactory.attachment(hero, 'Une carte.'));
    });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'message', text: 'Une carte.', attachments: [hero] });
    expect(RefreshedSchema.parse(body).value.body).toEqual([{ type: 'TextBlock', text: cardRefreshTexts.answerInChat.fr, wrap: true }]);
  });

  test('an answer too large for a card: every reply is posted as it was, and the card says where it is', async () => {
    const long = 'é'.repeat(MAX_REFRESHED_CARD_BYTES);
    const { body, posted } = await cardAction(async (context) => {
      await context.sendActivity('Première partie.');
      await context.sendActivity(long);
    });
    expect(posted.map((activity) => activity.text)).toEqual(['Première partie.', long]);
    expect(RefreshedSchema.parse(body).value.body).toEqual([{ type: 'TextBlock', text: cardRefreshTexts.answerInChat.fr, wrap: true }]);
  });

  test('a failing dialog is not caught, and nothing it said is sent', async () => {
    const adapter = new TestAdapter(async (context) => {
      await answerCardAction(context, async () => {
        await context.sendActivity('à moitié');
        throw new Error('broken');
      });
    });
    await expect(adapter.processActivity({ type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams', value: { action: { type: 'Action.Execute', data: {} } } })).rejects.toThrow('broken');
    expect(adapter.activeQueue).toEqual([]);
  });
});

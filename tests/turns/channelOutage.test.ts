import http from 'node:http';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { jailToLoopback } from '../helpers/networkJail';
import { startTestBot, type TestBot } from '../helpers/transcript';

/**
 * A channel that cannot take the bot's replies for a while (the Bot Connector answering errors, a region down) makes
 * the turns of that while fail. That says nothing of the conversation's stored state: it must be there, as it was,
 * when the channel is back — however many turns failed meanwhile.
 */
let unjail: () => void;
let bot: TestBot;
let botUrl: string;
let channel: http.Server;
let serviceUrl: string;
/** What the channel answers the bot's replies with. */
let channelStatus = 200;
let repliesReceived = 0;

beforeAll(async () => {
  unjail = jailToLoopback();
  channel = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (channelStatus === 200) repliesReceived++;
      res.writeHead(channelStatus, { 'content-type': 'application/json' });
      res.end(channelStatus === 200 ? JSON.stringify({ id: randomUUID() }) : JSON.stringify({ error: { code: 'ServiceError', message: 'down' } }));
    });
  });
  await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(channel.address() as { port: number }).port}/`;
  bot = await startTestBot();
  botUrl = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}/api/messages`;
});
afterAll(async () => {
  await bot.stop();
  await new Promise((resolve) => channel.close(resolve));
  unjail();
});

function storedState(conversationId: string): string | undefined {
  const db = new Database(bot.databaseUrl.replace(/^sqlite:/, ''), { readonly: true });
  try {
    const row = db.prepare('SELECT value FROM bot_state WHERE key = ?').get(`webchat/conversations/${conversationId}/`) as { value: string } | undefined;
    return row?.value;
  } finally {
    db.close();
  }
}

test.each([403, 429])('turns failing because the channel answers %i do not reset the stored conversation', async (status) => {
  const conversationId = `outage-${randomUUID()}`;
  const post = (text: string) =>
    fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: randomUUID(), text, channelId: 'webchat', serviceUrl, conversation: { id: conversationId }, from: { id: 'u1' }, recipient: { id: 'maillage' }, locale: 'fr-FR' }),
    });
  channelStatus = 200;
  expect((await post('parle-moi de la PA 3.2.1')).status).toBe(200);
  expect(repliesReceived).toBeGreaterThan(0);
  const before = storedState(conversationId);
  expect(before).toBeDefined();

  channelStatus = status;
  for (let turn = 0; turn < 3; turn++) await post('et ses indicateurs ?');

  expect(storedState(conversationId)).toBe(before);
});

test('a question waiting for its answer survives failed turns: the answer still completes it afterwards', async () => {
  const conversationId = `outage-pending-${randomUUID()}`;
  const post = (text: string) =>
    fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: randomUUID(), text, channelId: 'webchat', serviceUrl, conversation: { id: conversationId }, from: { id: 'u2' }, recipient: { id: 'maillage' }, locale: 'fr-FR' }),
    });
  channelStatus = 200;
  await post('je cherche un LAEP');
  expect(JSON.parse(storedState(conversationId) ?? '{}')).toMatchObject({ maillage: { offer: { pending: 'place' } } });

  channelStatus = 429;
  for (let turn = 0; turn < 3; turn++) await post('qui pilote la PA 3.2.1 ?');
  expect(JSON.parse(storedState(conversationId) ?? '{}')).toMatchObject({ maillage: { offer: { pending: 'place' } } });

  channelStatus = 200;
  await post('Givors');
  const after = JSON.parse(storedState(conversationId) ?? '{}') as { maillage: { offer: { pending?: string; placeCode?: string; kinds?: string[] } } };
  expect(after.maillage.offer.pending).toBeUndefined();
  expect(after.maillage.offer.placeCode).toBe('69091');
  expect(after.maillage.offer.kinds).toContain('laep');
});

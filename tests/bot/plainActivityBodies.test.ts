import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { sendActivitiesAsPlainJson } from '../../src/bot/plainActivityBodies';
import { jailToLoopback } from '../helpers/networkJail';
import { ServiceUrlReceiver } from '../helpers/serviceUrlReceiver';
import { conversation, DEV_KNOWLEDGE, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * The replies Maillage sends leave as plain JSON instead of going through the SDK's schema walk: for every kind of
 * reply the bot makes, the channel must receive exactly what the SDK's own serialisation would have sent.
 */
let unjail: () => void;
let receiver: ServiceUrlReceiver;
let bot: TestBot;

beforeAll(async () => {
  unjail = jailToLoopback();
  receiver = await ServiceUrlReceiver.start();
  bot = await startTestBot(DEV_KNOWLEDGE);
});
afterAll(async () => {
  await bot.stop();
  await receiver.close();
  unjail();
});

async function sdkConnector(serviceUrl: string): Promise<ConnectorClient> {
  const auth = new ConfigurationBotFrameworkAuthentication({});
  const activity = { type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } } as Activity;
  const { connectorFactory, audience } = await auth.authenticateRequest(activity, '');
  return connectorFactory!.create(serviceUrl, audience);
}

/** Every kind of reply: sheet answers, lists, glossary, not found, help, offer results with cards, a request for a place. */
async function repliesOfTheBot(): Promise<Record<string, unknown>[]> {
  const replies: Record<string, unknown>[] = [];
  const partner = conversation(bot, { channelId: 'msteams' });
  for (const text of ['bonjour', 'qui pilote la PA 3.2.1 ?', 'et ses indicateurs ?', 'quelles fiches impliquent l’Udaf 69 ?', 'que veut dire CTG ?', 'qui pilote la PA 9.9.9 ?', 'action 2']) {
    replies.push(...(await partner.says(text)).replies);
  }
  const parent = conversation(bot);
  for (const text of ['un LAEP à Givors', 'voir plus', 'un groupe de parole près de chez moi', 'merci', '🙂', 'Who leads PA 3.2.1?']) {
    replies.push(...(await parent.says(text)).replies);
  }
  replies.push(...(await parent.sharesPosition(45.76, 4.84)).replies);
  replies.push(...(await conversation(bot).joins()).replies);
  return replies;
}

test('each reply reaches the channel with the same body as through the SDK’s serialisation', async () => {
  const replies = await repliesOfTheBot();
  expect(replies.length).toBeGreaterThan(12);
  const sdk = await sdkConnector(receiver.serviceUrl);
  const plain = sendActivitiesAsPlainJson(await sdkConnector(receiver.serviceUrl));
  const viaSdk = `sdk-${Date.now()}`;
  const viaPlain = `plain-${Date.now()}`;
  for (const reply of replies) {
    const activity = { ...reply, timestamp: new Date('2026-11-22T10:00:00Z') } as Partial<Activity>;
    await sdk.conversations.sendToConversation(viaSdk, activity as Activity);
    await plain.conversations.replyToActivity(viaPlain, 'reply-to', activity as Activity);
  }
  const received = (conversationId: string) => receiver.repliesTo(conversationId).map((reply) => reply.activity);
  expect(received(viaPlain)).toHaveLength(replies.length);
  expect(received(viaPlain)).toEqual(received(viaSdk));
  // Cards, quick replies and the widget's channel data are all there.
  const sent = JSON.stringify(received(viaPlain));
  for (const part of ['application/vnd.microsoft.card.adaptive', 'suggestedActions', 'askLocation', '2026-11-22T10:00:00.000Z']) expect(sent).toContain(part);
});

test('a client that sends plain JSON still answers the other operations through the SDK', async () => {
  const plain = sendActivitiesAsPlainJson(await sdkConnector(receiver.serviceUrl));
  const response = await plain.conversations.sendToConversation('other-operations', { type: 'typing' } as Activity);
  expect(response.id).toMatch(/^reply-/);
});

test('the plain path is the one taken: a field outside the Activity schema, which the SDK drops, goes through', async () => {
  const sdk = await sdkConnector(receiver.serviceUrl);
  const plain = sendActivitiesAsPlainJson(await sdkConnector(receiver.serviceUrl));
  const probe = { type: 'message', text: 'probe', outsideTheSchema: 1 } as unknown as Activity;
  await sdk.conversations.sendToConversation('probe-sdk', probe);
  await plain.conversations.sendToConversation('probe-plain', probe);
  expect(receiver.repliesTo('probe-sdk')[0]?.activity).not.toHaveProperty('outsideTheSchema');
  expect(receiver.repliesTo('probe-plain')[0]?.activity).toHaveProperty('outsideTheSchema', 1);
});

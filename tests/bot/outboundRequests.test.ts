import net from 'node:net';
import type { Activity } from 'botbuilder';
import { OutboundRequestRefused, OutboundTimeout, type OutboundLimits } from '../../src/bot/outboundRequests';
import { ReusedConnectorsAuthentication } from '../../src/bot/reusedConnectors';
import { createServiceUrlPolicy } from '../../src/bot/serviceUrls';
import { jailToLoopback } from '../helpers/networkJail';
import { ServiceUrlReceiver, SilentServiceUrl } from '../helpers/serviceUrlReceiver';

/**
 * Every connector client the adapters get is bounded where it sends: in time (a deadline around the whole call,
 * retries included) and in destination (an origin local mode does not allow gets no request, whatever code asks).
 * Short timeouts here keep the suite quick; tests/bot/serviceUrls.http.test.ts runs the real 10 s one end to end.
 */
let unjail: () => void;
beforeAll(() => {
  unjail = jailToLoopback();
});
afterAll(() => unjail());

async function clientFor(serviceUrl: string, limits: OutboundLimits) {
  const auth = new ReusedConnectorsAuthentication({}, limits);
  const activity = { type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } } as Activity;
  const result = await auth.authenticateRequest(activity, '');
  return result.connectorFactory!.create(serviceUrl, result.audience);
}

const reply = { type: 'message', text: 'bonjour', from: { id: 'b' }, recipient: { id: 'u' }, conversation: { id: 'c' } } as Activity;

async function timed<T>(work: () => Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await work();
    return { error: undefined, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

test('a channel that never answers: the call fails at the deadline, and the next one at once, without a new connection', async () => {
  const silent = await SilentServiceUrl.start();
  try {
    const client = await clientFor(silent.serviceUrl, { timeoutMs: 300, serviceUrls: createServiceUrlPolicy(undefined) });
    const first = await timed(() => client.conversations.replyToActivity('c', 'a', reply));
    expect(first.error).toBeInstanceOf(OutboundTimeout);
    expect(first.ms).toBeGreaterThanOrEqual(250);
    expect(first.ms).toBeLessThan(3000);

    const second = await timed(() => client.conversations.replyToActivity('c', 'a', reply));
    expect(second.error).toBeInstanceOf(OutboundTimeout);
    expect(second.ms).toBeLessThan(1000);
    expect(silent.connections).toBe(1);
  } finally {
    await silent.close();
  }
});

test('a closed port: the SDK’s three retries (about 5 s of back-off) are cut at the deadline', async () => {
  const closedPort = await new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const client = await clientFor(`http://127.0.0.1:${closedPort}/`, { timeoutMs: 1000, serviceUrls: createServiceUrlPolicy(undefined) });
  const { error, ms } = await timed(() => client.conversations.sendToConversation('c', reply));
  expect(error).toBeInstanceOf(OutboundTimeout);
  expect(ms).toBeLessThan(3000);
});

test('a client made for an origin local mode does not allow sends nothing, whatever operation is called', async () => {
  const receiver = await ServiceUrlReceiver.start();
  try {
    const onlyElsewhere = createServiceUrlPolicy(['https://smba.trafficmanager.net']);
    const client = await clientFor(receiver.serviceUrl, { timeoutMs: 1000, serviceUrls: onlyElsewhere });
    await expect(client.conversations.sendToConversation('c', reply)).rejects.toBeInstanceOf(OutboundRequestRefused);
    await expect(client.conversations.replyToActivity('c', 'a', reply)).rejects.toBeInstanceOf(OutboundRequestRefused);
    await expect(client.conversations.getConversationMembers('c')).rejects.toBeInstanceOf(OutboundRequestRefused);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.replyCount).toBe(0);
    expect(receiver.unexpected).toEqual([]);
  } finally {
    await receiver.close();
  }
});

test('an allowed origin still gets its replies through the bounded client', async () => {
  const receiver = await ServiceUrlReceiver.start();
  try {
    const client = await clientFor(receiver.serviceUrl, { timeoutMs: 1000, serviceUrls: createServiceUrlPolicy(undefined) });
    await client.conversations.replyToActivity('conv-1', 'act-1', reply);
    const [received] = await receiver.waitForReplies('conv-1');
    expect(received).toMatchObject({ replyToId: 'act-1', activity: { type: 'message', text: 'bonjour' } });
  } finally {
    await receiver.close();
  }
});

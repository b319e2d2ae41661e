import type { Activity } from 'botbuilder';
import { OUTBOUND_TIMEOUT_MS } from '../../src/bot/outboundRequests';
import { ReusedConnectorsAuthentication } from '../../src/bot/reusedConnectors';
import { createServiceUrlPolicy } from '../../src/bot/serviceUrls';

/** An activity as a channel posts it; without app credentials, authentication lets it through anonymously. */
function activityFrom(serviceUrl: string): Activity {
  return { type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } } as Activity;
}

/** Local mode as the ChannelAdapter sets it up: loopback origins only. */
function localAuthentication(): ReusedConnectorsAuthentication {
  return new ReusedConnectorsAuthentication({}, { timeoutMs: OUTBOUND_TIMEOUT_MS, serviceUrls: createServiceUrlPolicy(undefined) });
}

async function connectorFor(auth: ReusedConnectorsAuthentication, serviceUrl: string) {
  const result = await auth.authenticateRequest(activityFrom(serviceUrl), '');
  return result.connectorFactory!.create(serviceUrl, result.audience);
}

describe('connector clients are built once and reused across turns', () => {
  test('two turns from the same serviceUrl share one client; another serviceUrl gets its own', async () => {
    const auth = localAuthentication();
    const first = await connectorFor(auth, 'http://127.0.0.1:1/');
    const second = await connectorFor(auth, 'http://127.0.0.1:1/');
    const elsewhere = await connectorFor(auth, 'http://127.0.0.1:2/');
    expect(second).toBe(first);
    expect(elsewhere).not.toBe(first);
    expect(elsewhere.conversations).toBeDefined();
  });

  test('the user token client is reused for the same bot identity', async () => {
    const auth = localAuthentication();
    const { claimsIdentity } = await auth.authenticateRequest(activityFrom('http://127.0.0.1:1/'), '');
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });

  test('a flood of made-up serviceUrls does not grow the cache without bound: the oldest client is rebuilt', async () => {
    const auth = localAuthentication();
    const oldest = await connectorFor(auth, 'http://127.0.0.1:1/');
    for (let port = 2; port <= 100; port++) await connectorFor(auth, `http://127.0.0.1:${port}/`);
    expect(await connectorFor(auth, 'http://127.0.0.1:1/')).not.toBe(oldest);
    const recent = await connectorFor(auth, 'http://127.0.0.1:100/');
    expect(await connectorFor(auth, 'http://127.0.0.1:100/')).toBe(recent);
  });
});

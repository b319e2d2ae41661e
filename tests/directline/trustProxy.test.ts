import type { IncomingMessage } from 'node:http';
import type { TrustProxy } from '../../src/config/config';
import { addressKey, clientAddress } from '../../src/directline/httpUtils';
import { request, startTestServer, type TestServer } from './support/harness';

/**
 * TRUST_PROXY: behind a reverse proxy every visitor has their own rate-limit bucket, and a client that talks to
 * the bot directly cannot pick its bucket by writing X-Forwarded-For.
 */

function fakeRequest(socketAddress: string, forwardedFor?: string | string[]): IncomingMessage {
  return { socket: { remoteAddress: socketAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  const none: TrustProxy = { kind: 'none' };
  const oneHop: TrustProxy = { kind: 'hops', hops: 1 };
  const twoHops: TrustProxy = { kind: 'hops', hops: 2 };
  const proxies: TrustProxy = { kind: 'addresses', addresses: ['10.0.0.5', '10.0.0.6'] };

  it.each<[string, TrustProxy, string, string | string[] | undefined, string]>([
    ['off: the socket, whatever the header says', none, '203.0.113.9', '198.51.100.1', '203.0.113.9'],
    ['off: IPv4-mapped IPv6 written as IPv4', none, '::ffff:203.0.113.9', undefined, '203.0.113.9'],
    ['one hop: the entry the proxy appended', oneHop, '10.0.0.5', '198.51.100.7, 198.51.100.1', '198.51.100.1'],
    ['one hop: a forged leftmost entry is not taken', oneHop, '10.0.0.5', 'forged, 198.51.100.1', '198.51.100.1'],
    ['two hops: two entries from the right, counting the socket', twoHops, '10.0.0.6', '198.51.100.1, 10.0.0.5', '198.51.100.1'],
    ['two hops, a shorter list: the leftmost', twoHops, '10.0.0.6', '198.51.100.1', '198.51.100.1'],
    ['one hop, no header: the socket', oneHop, '198.51.100.3', undefined, '198.51.100.3'],
    ['one hop, the header split over two lines', oneHop, '10.0.0.5', ['198.51.100.9', '198.51.100.1'], '198.51.100.1'],
    ['one hop, a port written by the proxy', oneHop, '10.0.0.5', '198.51.100.1:51234', '198.51.100.1'],
    ['one hop, not an address: the socket', oneHop, '10.0.0.5', 'unknown', '10.0.0.5'],
    ['addresses: a listed proxy, its header believed', proxies, '10.0.0.5', '198.51.100.1', '198.51.100.1'],
    ['addresses: trusted proxies skipped from the right', proxies, '10.0.0.5', 'forged, 198.51.100.1, 10.0.0.6', '198.51.100.1'],
    ['addresses: a direct client is not believed', proxies, '203.0.113.9', '10.0.0.6, 198.51.100.1', '203.0.113.9'],
    ['addresses: only proxies in the list: the leftmost', proxies, '10.0.0.5', '10.0.0.6', '10.0.0.6'],
  ])('%s', (_what, trust, socket, header, expected) => {
    expect(clientAddress(fakeRequest(socket, header), trust)).toBe(expected);
  });

  it('counts an IPv6 client by its /64, and an IPv4 one by its address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('198.51.100.1')).toBe('198.51.100.1');
  });
});

describe('rate limits behind a proxy', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const generate = (target: TestServer, forwardedFor: string) =>
    request(`${target.domain}/tokens/generate`, { method: 'POST', headers: { 'X-Forwarded-For': forwardedFor } });

  async function exhaust(target: TestServer, forwardedFor: (i: number) => string): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await generate(target, forwardedFor(i))).status);
    return statuses;
  }

  it.each<[string, TrustProxy]>([
    ['a hop count', { kind: 'hops', hops: 1 }],
    ['the proxy’s address', { kind: 'addresses', addresses: ['127.0.0.1'] }],
  ])('gives each visitor its own bucket when the proxy is trusted by %s', async (_how, trustProxy) => {
    server = await startTestServer({ trustProxy, limits: { tokenGenerate: { capacity: 3, refillPerSecond: 0.001 } } });
    expect(await exhaust(server, () => '198.51.100.1')).toEqual([200, 200, 200, 429]);
    // Another visitor through the same proxy is not held back by the first.
    expect((await generate(server, '198.51.100.2')).status).toBe(200);
    // The widget's token route counts visitors the same way.
    const widgetTokens = await Promise.all(
      ['198.51.100.3', '198.51.100.4'].map((address) => request(`${server!.baseUrl}/api/widget/token`, { method: 'POST', headers: { 'X-Forwarded-For': address } })),
    );
    expect(widgetTokens.map((response) => response.status)).toEqual([200, 200]);
  });

  it.each<[string, TrustProxy]>([
    ['no proxy is trusted', { kind: 'none' }],
    ['the client is not a listed proxy', { kind: 'addresses', addresses: ['10.0.0.5'] }],
  ])('ignores a forged X-Forwarded-For from a direct client when %s', async (_when, trustProxy) => {
    server = await startTestServer({ trustProxy, limits: { tokenGenerate: { capacity: 3, refillPerSecond: 0.001 } } });
    // A new forged address on every request still lands in the one bucket of the socket's address.
    expect(await exhaust(server, (i) => `198.51.100.${10 + i}`)).toEqual([200, 200, 200, 429]);
  });
});

import fc from 'fast-check';
import { createServiceUrlPolicy, NO_SERVICE_URL } from '../../src/bot/serviceUrls';
import { isLoopbackHost } from '../helpers/networkJail';

/**
 * Where local mode lets the bot post replies, decided on the parsed origin. Each refused form below is one an attacker
 * would try to pass a prefix or substring check with.
 */
const loopback = createServiceUrlPolicy(undefined);

describe('default policy: the loopback addresses, any port', () => {
  test.each([
    'http://127.0.0.1:3979/',
    'http://127.0.0.1:3979',
    'https://127.0.0.1/',
    'http://localhost:1234/',
    'http://LOCALHOST:1234/',
    'http://127.1.2.3:9/',
    'http://[::1]:8080/',
    'http://[0:0:0:0:0:0:0:1]:8080/',
    'http://0x7f.1:8080/', // WHATWG URL reads it as 127.0.0.1, and so does the HTTP client
    'http://2130706433:8080/', // 127.0.0.1 as one number
    'http://127.0.0.1:3979/amer/', // a path prefix, as Teams regions have
  ])('%s is allowed', (serviceUrl) => {
    expect(loopback.refusal(serviceUrl, true)).toBeUndefined();
  });

  test('a loopback serviceUrl is taken only from a sender on this machine', () => {
    // A remote sender could otherwise make the bot post to any local port: an admin console, a database's HTTP side.
    expect(loopback.refusal('http://127.0.0.1:4590/internal/admin/', false)).toBe('a loopback address named by a sender that is not on this machine');
    expect(loopback.refusal('http://127.0.0.1:4590/internal/admin/', true)).toBeUndefined();
  });

  test.each([
    ['http://127.0.0.1.evil.com/', 'not a loopback address'],
    ['http://127.0.0.1@evil.com/', 'carries credentials'],
    ['http://evil.com#@127.0.0.1/', 'carries a query or a fragment'],
    ['http://user:pw@127.0.0.1:80/', 'carries credentials'],
    ['http://127.0.0.1:4590/internal/admin?x=', 'carries a query or a fragment'],
    ['http://127.0.0.1:4590/internal/admin?', 'carries a query or a fragment'],
    ['http://169.254.169.254/latest/meta-data/', 'not a loopback address'],
    ['http://10.0.0.1:8080/', 'not a loopback address'],
    ['http://0.0.0.0:3978/', 'not a loopback address'],
    ['http://[::]:3978/', 'not a loopback address'],
    ['http://[::ffff:10.0.0.1]/', 'not a loopback address'],
    ['http://[::ffff:127.0.0.1]:8080/', 'not a loopback address'], // IPv4-mapped forms are not taken, loopback or not
    ['http://localhost./', 'host name ends with a dot'],
    ['http://evil.localhost/', 'not a loopback address'],
    ['http://localhost.evil.com/', 'not a loopback address'],
    ['ftp://127.0.0.1/', 'not http(s)'],
    ['file:///etc/passwd', 'not http(s)'],
    ['//127.0.0.1/', 'not an absolute URL'],
    ['127.0.0.1:3978', 'not an absolute URL'],
    ['', 'not an absolute URL'],
  ])('%s is refused (%s)', (serviceUrl, reason) => {
    expect(loopback.refusal(serviceUrl, true)).toBe(reason);
  });
});

describe('ALLOWED_SERVICE_URLS: exact origins', () => {
  const allowed = createServiceUrlPolicy(['https://smba.trafficmanager.net', 'http://127.0.0.1:4000']);

  test.each(['https://smba.trafficmanager.net/amer/', 'https://SMBA.trafficmanager.net:443/emea/', 'http://127.0.0.1:4000/'])('%s is allowed', (serviceUrl) => {
    expect(allowed.refusal(serviceUrl, true)).toBeUndefined();
  });

  test.each([
    'http://smba.trafficmanager.net/amer/', // another scheme is another origin
    'https://smba.trafficmanager.net:8443/',
    'https://smba.trafficmanager.net.evil.com/',
    'https://smba.trafficmanager.net./amer/',
    'https://evil.com/smba.trafficmanager.net/',
    'http://127.0.0.1:4001/', // loopback is no longer allowed once a list is given
    'http://localhost:4000/', // another host name for the same address is another origin
  ])('%s is refused', (serviceUrl) => {
    expect(allowed.refusal(serviceUrl, true)).toBeDefined();
  });

  test('the description lists the origins for the start-up log', () => {
    expect(allowed.description).toBe('https://smba.trafficmanager.net, http://127.0.0.1:4000');
  });
});

test('the in-process adapter’s policy refuses everything', () => {
  expect(NO_SERVICE_URL.refusal('http://127.0.0.1:1/', true)).toBeDefined();
  expect(NO_SERVICE_URL.allowsRequestTo('http://127.0.0.1:1/v3/conversations/c/activities')).toBe(false);
});

describe('property: whatever is allowed by default reaches only the loopback', () => {
  /** Hosts and tricks mixed into URL-like strings: the check must see through every spelling. */
  const hostish = fc.constantFrom(
    '127.0.0.1',
    'localhost',
    '[::1]',
    'evil.com',
    '127.0.0.1.evil.com',
    '10.0.0.1',
    '0x7f.0.0.1',
    '2130706433',
    '169.254.169.254',
    '[::ffff:7f00:1]',
    '[::ffff:a00:1]',
    '0',
    'LocalHost',
    'localhost.',
  );
  const urlLike = fc
    .tuple(
      fc.constantFrom('http://', 'https://', 'HTTP://', 'http:/', 'http:\\\\', 'ftp://', ''),
      fc.option(fc.constantFrom('user@', 'a:b@', '127.0.0.1@', 'evil.com@'), { nil: '' }),
      hostish,
      fc.option(fc.integer({ min: 0, max: 65535 }).map((port) => `:${port}`), { nil: '' }),
      fc.option(fc.constantFrom('/', '/amer/', '/x?y=1', '#frag', '@evil.com/', '\\@evil.com/', '%2f..%2f', '/../..'), { nil: '' }),
    )
    .map((parts) => parts.join(''));

  test('an allowed serviceUrl always parses to a loopback host, by an independent check', () => {
    fc.assert(
      fc.property(fc.oneof(urlLike, fc.webUrl(), fc.string()), (serviceUrl) => {
        if (loopback.refusal(serviceUrl, true) !== undefined) return;
        const url = new URL(serviceUrl);
        expect(isLoopbackHost(url.hostname)).toBe(true);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.search + url.hash + url.username + url.password).toBe('');
      }),
      { numRuns: 3000 },
    );
  });
});

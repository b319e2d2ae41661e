import http from 'node:http';
import type { Activity } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants, ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import { CallerIdConstants } from 'botframework-schema';
import fc from 'fast-check';
import { forgetTenantIssuers, screenChannelToken } from '../../src/bot/channelTokens';
import { ReusedConnectorsAuthentication } from '../../src/bot/reusedConnectors';
import { jailToLoopback } from '../helpers/networkJail';
import { APP_ID, channelClaims, emulatorClaims, PUBLIC_JWK, SERVICE_URL, signedToken } from './tokenFixtures';

/**
 * The screening must never refuse a token botbuilder would accept, or a real channel would be locked out. Here
 * botbuilder gets its keys from a local OpenID endpoint that publishes this test's key, so it fully verifies the tokens
 * this test signs; over many generated tokens, every one botbuilder accepts passes the screening too.
 */
let unjail: () => void;
let server: http.Server;
let authentication: ConfigurationBotFrameworkAuthentication;
let botbuilderSettings: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0];

beforeAll(async () => {
  unjail = jailToLoopback();
  server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url?.endsWith('/.well-known/openid-configuration')) res.end(JSON.stringify({ jwks_uri: `${base}/keys` }));
    else if (req.url === '/keys') res.end(JSON.stringify({ keys: [PUBLIC_JWK] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // The public cloud's settings, except where the signing keys are read.
  botbuilderSettings = {
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret',
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: `${base}/channel/.well-known/openid-configuration`,
    ToBotFromEmulatorOpenIdMetadataUrl: `${base}/emulator/.well-known/openid-configuration`,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
  authentication = new ConfigurationBotFrameworkAuthentication(botbuilderSettings);
  // botbuilder prints every refused signature to the console; the verdicts are what this test reads.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await new Promise((resolve) => server.close(resolve));
  unjail();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function botbuilderAccepts(authorization: string, channelId: string): Promise<boolean> {
  const activity = { type: 'message', channelId, serviceUrl: SERVICE_URL, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: APP_ID } } as Activity;
  try {
    await authentication.authenticateRequest(activity, authorization);
    return true;
  } catch {
    return false;
  } finally {
    // As the bot's own authentication does after each token (reusedConnectors.ts): botbuilder keeps the issuers of
    // each tenant it saw, process-wide, and one token would otherwise change how the next is judged.
    forgetTenantIssuers();
  }
}

test('the harness works: botbuilder accepts a well-made Bot Connector token and an Emulator token, and refuses a forged one', async () => {
  expect(await botbuilderAccepts(`Bearer ${signedToken(channelClaims(nowSeconds()))}`, 'msteams')).toBe(true);
  expect(await botbuilderAccepts(`Bearer ${signedToken(emulatorClaims(nowSeconds()))}`, 'emulator')).toBe(true);
  const [header, , signature] = signedToken(channelClaims(nowSeconds())).split('.');
  const otherClaims = signedToken(channelClaims(nowSeconds(), { aud: APP_ID, extra: 1 })).split('.')[1];
  expect(await botbuilderAccepts(`Bearer ${header}.${otherClaims}.${signature}`, 'msteams')).toBe(false);
});

const TENANT_ID = '5c1f0e2a-8d4b-4b6e-9f3a-2e7d1c9b0a44';

test('property: every token botbuilder accepts passes the screening, but for one without exp', async () => {
  const mostly = <T,>(right: T, ...wrong: fc.Arbitrary<unknown>[]) => fc.oneof({ weight: 6, arbitrary: fc.constant(right) }, { weight: 1, arbitrary: fc.oneof(...wrong) });
  const emulatorIssuer = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';
  const tokens = fc.record({
    alg: mostly('RS256', fc.constantFrom('RS384', 'RS512', 'HS256', 'none', 'PS256')),
    kid: mostly('key-1', fc.constant(undefined), fc.constant('other')),
    iss: fc.constantFrom(
      'https://api.botframework.com',
      emulatorIssuer,
      'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0',
      'https://evil.example',
      // A SingleTenant bot's own tenant, as the Emulator signed in to it gets its tokens.
      `https://sts.windows.net/${TENANT_ID}/`,
      `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
    ),
    tid: fc.constantFrom(undefined, TENANT_ID, 'd6d49420-f39b-4df7-a1dc-d59a935871db', 'another-tenant', ''),
    aud: mostly(APP_ID, fc.constant('other-app'), fc.constant(undefined), fc.constant([APP_ID])),
    serviceurl: mostly(SERVICE_URL, fc.constant(undefined), fc.constant('https://evil.example/')),
    appid: fc.constantFrom(undefined, APP_ID, 'other-app'),
    azp: fc.constantFrom(undefined, APP_ID, 'other-app'),
    ver: fc.constantFrom(undefined, '1.0', '2.0', '3.0', ''),
    exp: mostly(3600, fc.integer({ min: -1000, max: 1000 }), fc.constant(undefined)),
    nbf: mostly(-60, fc.integer({ min: -1000, max: 1000 }), fc.constant(undefined)),
    channelId: fc.constantFrom('msteams', 'emulator', 'webchat'),
  });
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(tokens, async ({ alg, kid, exp, nbf, channelId, ...claims }) => {
      const now = nowSeconds();
      const body = { ...claims, exp: typeof exp === 'number' ? now + exp : undefined, nbf: typeof nbf === 'number' ? now + nbf : undefined };
      const authorization = `Bearer ${signedToken(body, { alg, kid, typ: 'JWT' })}`;
      if (!(await botbuilderAccepts(authorization, channelId))) return;
      const screening = screenChannelToken(authorization, { appId: APP_ID, channelId, serviceUrl: SERVICE_URL, nowSeconds: now });
      // The one deliberate difference (see channelTokens.ts): no token without an expiry, though jsonwebtoken takes it.
      if (exp === undefined) return expect(screening).toMatchObject({ ok: false });
      accepted++;
      expect(screening).toMatchObject({ ok: true });
    }),
    { numRuns: 400 },
  );
  // The property says nothing unless botbuilder accepted a fair share of the tokens.
  expect(accepted).toBeGreaterThan(20);
  process.stdout.write(`botbuilder accepted ${accepted} of 400 generated tokens; the screening let each through\n`);
}, 60_000);

test('tokens of ever new tenants leave botbuilder’s process-wide list of issuers as it was, screened or verified', async () => {
  const issuers = ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[];
  const shipped = [...issuers];
  // The bot's own authentication, on the harness's settings.
  const bot = new ReusedConnectorsAuthentication(botbuilderSettings, { timeoutMs: 1000 });
  const activity = { type: 'message', channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: APP_ID } } as Activity;
  for (let i = 0; i < 50; i++) {
    const tid = `tenant-${i}-${Date.now()}`;
    // A Bot Connector token for this bot carrying a tenant: it goes through the screening and botbuilder accepts it.
    const channelToken = `Bearer ${signedToken(channelClaims(nowSeconds(), { tid }))}`;
    expect(screenChannelToken(channelToken, { appId: APP_ID, channelId: 'msteams', serviceUrl: SERVICE_URL, nowSeconds: nowSeconds() })).toMatchObject({ ok: true });
    await expect(bot.authenticateRequest(activity, channelToken)).resolves.toBeDefined();
    // A forged one, screened only.
    screenChannelToken(`Bearer ${signedToken(emulatorClaims(nowSeconds(), { tid, iss: `https://sts.windows.net/${tid}/`, appid: 'not-this-bot' }))}`, {
      appId: APP_ID,
      channelId: 'emulator',
      serviceUrl: SERVICE_URL,
      nowSeconds: nowSeconds(),
    });
  }
  expect(issuers).toEqual(shipped);
});

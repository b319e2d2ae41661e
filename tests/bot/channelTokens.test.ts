import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import { screenChannelToken, type TokenExpectations } from '../../src/bot/channelTokens';
import { APP_ID, base64url, channelClaims, emulatorClaims, SERVICE_URL, signedToken } from './tokenFixtures';

/**
 * The screening that runs before botbuilder fetches any signing key: every token below that cannot be valid is refused
 * on its header and claims alone; the ones that could be valid are let through to botbuilder, on the key source
 * botbuilder will use. tests/bot/channelAuthentication.http.test.ts checks the same through HTTP, with no network.
 */
const NOW = 1_900_000_000;
const expected: TokenExpectations = { appId: APP_ID, channelId: 'msteams', serviceUrl: SERVICE_URL, nowSeconds: NOW };
const good = signedToken(channelClaims(NOW));
const [goodHeader = '', goodClaims = ''] = good.split('.');

describe('tokens that cannot be valid are refused without fetching a key', () => {
  test.each([
    ['no header at all', ''],
    ['white space', '   '],
    ['another scheme', `Basic ${good}`],
    ['a lower-case scheme (botbuilder compares "Bearer" exactly)', `bearer ${good}`],
    ['two spaces', `Bearer  ${good}`],
    ['not a JWT', 'Bearer abc'],
    ['four parts', `Bearer ${good}.x`],
    ['alg none, no signature', `Bearer ${base64url({ alg: 'none' })}.${goodClaims}.`],
    ['alg none with a signature', `Bearer ${signedToken(channelClaims(NOW), { alg: 'none', kid: 'key-1' })}`],
    ['HS256', `Bearer ${signedToken(channelClaims(NOW), { alg: 'HS256', kid: 'key-1' })}`],
    ['ES256', `Bearer ${signedToken(channelClaims(NOW), { alg: 'ES256', kid: 'key-1' })}`],
    ['no kid', `Bearer ${signedToken(channelClaims(NOW), { alg: 'RS256' })}`],
    ['a header that is not JSON', `Bearer ${base64url('{alg')}.${goodClaims}.c2ln`],
    ['claims that are not JSON', `Bearer ${goodHeader}.${base64url('not json')}.c2ln`],
    ['claims that are an array', `Bearer ${goodHeader}.${base64url([1])}.c2ln`],
    ['expired beyond the 5 minutes of leeway', `Bearer ${signedToken(channelClaims(NOW, { exp: NOW - 301 }))}`],
    ['not valid for another 10 minutes', `Bearer ${signedToken(channelClaims(NOW, { nbf: NOW + 600 }))}`],
    ['no exp', `Bearer ${signedToken(channelClaims(NOW, { exp: undefined }))}`],
    ['exp as a string', `Bearer ${signedToken(channelClaims(NOW, { exp: String(NOW + 3600) }))}`],
    ['another audience', `Bearer ${signedToken(channelClaims(NOW, { aud: 'another-bot' }))}`],
    ['an audience list', `Bearer ${signedToken(channelClaims(NOW, { aud: [APP_ID] }))}`],
    ['an unknown issuer', `Bearer ${signedToken(channelClaims(NOW, { iss: 'https://evil.example' }))}`],
    ['the issuer with a trailing slash', `Bearer ${signedToken(channelClaims(NOW, { iss: 'https://api.botframework.com/' }))}`],
    ['another serviceUrl signed', `Bearer ${signedToken(channelClaims(NOW, { serviceurl: 'https://evil.example/' }))}`],
    ['an Emulator token for another app', `Bearer ${signedToken(emulatorClaims(NOW, { appid: 'another-app' }))}`],
    ['an Emulator token without ver', `Bearer ${signedToken(emulatorClaims(NOW, { ver: undefined }))}`],
    ['an Emulator token of an unknown version', `Bearer ${signedToken(emulatorClaims(NOW, { ver: '3.0' }))}`],
    ['an Emulator 2.0 token naming the app in appid instead of azp', `Bearer ${signedToken(emulatorClaims(NOW, { ver: '2.0' }))}`],
    ['a skill token (this bot accepts no skill callers)', `Bearer ${signedToken(emulatorClaims(NOW, { aud: APP_ID, appid: 'a-calling-bot' }))}`],
    ['an anonymous skill token', `Bearer ${signedToken(channelClaims(NOW, { appid: 'AnonymousSkill' }))}`],
    ['a token from another tenant’s Azure AD', `Bearer ${signedToken(emulatorClaims(NOW, { iss: 'https://sts.windows.net/another-tenant/', tid: 'some-tenant' }))}`],
    // botbuilder copies the claims once per claim to tell a skill token (quadratic): 1,500 of them cost 400 ms.
    ['a token with 1,500 claims, all else right', `Bearer ${signedToken(channelClaims(NOW, Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`c${i}`, 0]))))}`],
  ])('%s', (_name, authorization) => {
    const screening = screenChannelToken(authorization, expected);
    expect(screening.ok).toBe(false);
  });
});

describe('tokens that could be valid go on to botbuilder, on the right key source', () => {
  test.each([
    ['a Bot Connector token', signedToken(channelClaims(NOW)), 'botframework'],
    ['one expired 4 minutes ago (within the leeway)', signedToken(channelClaims(NOW, { exp: NOW - 240 })), 'botframework'],
    ['RS512', signedToken(channelClaims(NOW), { alg: 'RS512', kid: 'k' }), 'botframework'],
    ['an Emulator 1.0 token', signedToken(emulatorClaims(NOW)), 'azureAd'],
    ['an Emulator 2.0 token', signedToken(emulatorClaims(NOW, { ver: '2.0', appid: undefined, azp: APP_ID, iss: 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0' })), 'azureAd'],
    ['an Emulator token of a SingleTenant bot’s tenant (1.0)', signedToken(emulatorClaims(NOW, { iss: 'https://sts.windows.net/5c1f0e2a-8d4b-4b6e-9f3a-2e7d1c9b0a44/', tid: '5c1f0e2a-8d4b-4b6e-9f3a-2e7d1c9b0a44' })), 'azureAd'],
    ['an Emulator token of a SingleTenant bot’s tenant (2.0)', signedToken(emulatorClaims(NOW, { ver: '2.0', appid: undefined, azp: APP_ID, iss: 'https://login.microsoftonline.com/5c1f0e2a-8d4b-4b6e-9f3a-2e7d1c9b0a44/v2.0', tid: '5c1f0e2a-8d4b-4b6e-9f3a-2e7d1c9b0a44' })), 'azureAd'],
    ['a Bot Connector token that names a tenant', signedToken(channelClaims(NOW, { tid: '5c1f0e2a-8d4b-4b6e-9f3a-2e7d1c9b0a44' })), 'botframework'],
  ])('%s', (_name, token, keySource) => {
    expect(screenChannelToken(`Bearer ${token}`, expected)).toEqual({ ok: true, keySource });
  });

  test('an activity without serviceUrl is not held to the claim (botbuilder checks it only when there is one)', () => {
    expect(screenChannelToken(`Bearer ${signedToken(channelClaims(NOW, { serviceurl: undefined }))}`, { ...expected, serviceUrl: '' }).ok).toBe(true);
  });
});

test('screening tokens of ever new tenants adds nothing to botbuilder’s process-wide list of issuers', () => {
  const issuers = ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[];
  const shipped = [...issuers];
  for (let i = 0; i < 100; i++) {
    const tid = `tenant-${i}`;
    screenChannelToken(`Bearer ${signedToken(emulatorClaims(NOW, { tid, iss: `https://sts.windows.net/${tid}/` }))}`, expected);
    screenChannelToken(`Bearer ${signedToken(channelClaims(NOW, { tid, aud: 'another-bot' }))}`, expected);
  }
  expect(issuers).toEqual(shipped);
});

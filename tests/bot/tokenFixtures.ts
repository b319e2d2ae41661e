import { generateKeyPairSync, sign } from 'node:crypto';

/** Tokens for the tests of channel authentication: real RS256 JWTs, signed with a key made for the run. */
export const APP_ID = '0b5e8a1c-3f0d-4d7e-9a51-6c2b8f4e1d23';
export const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** The public half, as an OpenID key set publishes it (`n`, `e`), under the kid tokens name by default. */
export const PUBLIC_JWK = { ...publicKey.export({ format: 'jwk' }), kid: 'key-1', kty: 'RSA', use: 'sig' };
export const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT as the Bot Connector would send it, signed with a key of this test (the screening never checks signatures). */
export function signedToken(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'key-1', typ: 'JWT' }): string {
  const signingInput = `${base64url(header)}.${base64url(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** Claims of a Bot Connector token for this bot, valid at `now` (seconds). */
export function channelClaims(now: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 3600, ...overrides };
}

/** Claims of a Bot Framework Emulator token (Azure AD v1) for this bot. */
export function emulatorClaims(now: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', aud: APP_ID, appid: APP_ID, ver: '1.0', nbf: now - 60, exp: now + 3600, ...overrides };
}

import {
  AuthenticationConstants,
  BetweenBotAndAseChannelTokenValidationParameters,
  EmulatorValidation,
  SkillValidation,
} from 'botframework-connector';
import { z } from 'zod';

/**
 * Channel authentication with credentials set, in two steps. botbuilder's JwtTokenValidation fetches Microsoft's
 * signing keys (OpenID metadata from login.botframework.com or login.microsoftonline.com) before it looks at a token's
 * algorithm, lifetime or audience, so an anonymous request with any token made the server call out, and got a 500 when
 * that call failed. Here the token's header and claims are read first (decoded, not verified) and a token botbuilder
 * would certainly refuse gets 401 without any key being fetched. Only a token that could be valid goes on to
 * botbuilder, which verifies its signature; if the keys cannot be fetched then, the answer is 503 with Retry-After.
 *
 * The screening only ever refuses what botbuilder 4.23.3 refuses too (it follows the same three paths: Emulator and
 * ASE tokens from Azure AD, skill tokens, Bot Connector tokens), with one deliberate exception: a token without `exp`
 * is refused here, where jsonwebtoken would accept it — neither the Bot Connector nor Azure AD issues one, and one
 * that never expires would be a leaked credential forever.
 */

/** Where the keys that would verify a token come from: one metadata document each, fetched and cached by botbuilder. */
export type KeySource = 'botframework' | 'azureAd';

export type TokenScreening = { ok: true; keySource: KeySource } | { ok: false; reason: string };

export interface TokenExpectations {
  /** MicrosoftAppId: the audience of a channel's token, the appid/azp of an Emulator's. */
  appId: string;
  channelId: string;
  /** The activity's serviceUrl, which a Bot Connector token signs in its `serviceurl` claim. */
  serviceUrl: string;
  nowSeconds: number;
}

/** jsonwebtoken's leeway as botbuilder sets it (`clockTolerance: 5 * 60`). */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;
const ALLOWED_ALGORITHMS = AuthenticationConstants.AllowedSigningAlgorithms;
const ASE_CHANNEL_ID = 'AseChannel';

/** `Bearer` and three base64url parts, the signature not empty (an `alg: none` token has none), as botbuilder splits it. */
const BEARER_JWT = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

const TokenHeaderSchema = z.looseObject({
  alg: z.string(),
  kid: z.string().min(1),
});

const TokenClaimsSchema = z.looseObject({
  iss: z.string(),
  aud: z.unknown().optional(),
  exp: z.number(),
  nbf: z.number().optional(),
  ver: z.unknown().optional(),
  appid: z.unknown().optional(),
  azp: z.unknown().optional(),
  serviceurl: z.unknown().optional(),
});
type TokenClaims = z.infer<typeof TokenClaimsSchema>;

export function screenChannelToken(authorization: string, expected: TokenExpectations): TokenScreening {
  if (!authorization.trim()) return refuse('no Authorization header');
  const parts = BEARER_JWT.exec(authorization);
  if (!parts?.[1] || !parts[2]) return refuse('not "Bearer" and a signed JWT');
  const header = TokenHeaderSchema.safeParse(decodeJson(parts[1]));
  if (!header.success) return refuse('the token header is not JSON with alg and kid');
  if (!ALLOWED_ALGORITHMS.includes(header.data.alg)) return refuse(`the ${header.data.alg} algorithm is not accepted`);
  const parsedClaims = TokenClaimsSchema.safeParse(decodeJson(parts[2]));
  if (!parsedClaims.success) return refuse('the token claims are not JSON with iss and a numeric exp');
  const claims = parsedClaims.data;
  if (expected.nowSeconds >= claims.exp + CLOCK_TOLERANCE_SECONDS) return refuse('the token has expired');
  if (claims.nbf !== undefined && claims.nbf > expected.nowSeconds + CLOCK_TOLERANCE_SECONDS) return refuse('the token is not valid yet');

  // The same order of paths as botbuilder's JwtTokenValidation_authenticateToken.
  if (expected.channelId === ASE_CHANNEL_ID) {
    if (!asStrings(BetweenBotAndAseChannelTokenValidationParameters.issuer).includes(claims.iss)) return refuse('not issued for the ASE channel');
    return checkAzureAdAppId(claims, expected.appId);
  }
  if (SkillValidation.isSkillToken(authorization)) return refuse('a skill token, and this bot accepts no skill callers');
  if (EmulatorValidation.isTokenFromEmulator(authorization)) return checkAzureAdAppId(claims, expected.appId);
  if (claims.iss !== AuthenticationConstants.ToBotFromChannelTokenIssuer) return refuse('not issued by the Bot Connector or Azure AD');
  if (claims.aud !== expected.appId) return refuse('the audience is not this bot');
  if (expected.serviceUrl && claims.serviceurl !== expected.serviceUrl) return refuse('the serviceurl claim is not the activity’s serviceUrl');
  return { ok: true, keySource: 'botframework' };
}

/** Emulator and ASE tokens name the bot in `appid` (version 1.0 or none) or `azp` (2.0); botbuilder requires `ver`. */
function checkAzureAdAppId(claims: TokenClaims, appId: string): TokenScreening {
  const { ver } = claims;
  if (ver === undefined || ver === null) return refuse('an Azure AD token without ver');
  let named: unknown;
  if (!ver || ver === '1.0') named = claims.appid;
  else if (ver === '2.0') named = claims.azp;
  else return refuse('an unknown token version');
  if (named !== appId) return refuse('the token was not issued to this bot');
  return { ok: true, keySource: 'azureAd' };
}

function refuse(reason: string): TokenScreening {
  return { ok: false, reason };
}

function decodeJson(base64url: string): unknown {
  try {
    return JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

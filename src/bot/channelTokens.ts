import {
  AuthenticationConstants,
  BetweenBotAndAseChannelTokenValidationParameters,
  GovernmentConstants,
  ToBotFromBotOrEmulatorTokenValidationParameters,
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
 * ASE tokens from Azure AD, skill tokens, Bot Connector tokens), with two deliberate exceptions: a token without `exp`
 * is refused here, where jsonwebtoken would accept it — neither the Bot Connector nor Azure AD issues one, and one
 * that never expires would be a leaked credential forever —, and so is one with more than MAX_CLAIMS claims.
 *
 * botbuilder's own tests of a token's kind are not called here, though the screening follows them: both run on any
 * token, before its signature is checked, and both cost an anonymous sender's choosing. EmulatorValidation's
 * isTokenFromEmulator adds four issuers built from the token's `tid` claim to a list shared by the whole process,
 * for good: a token with a new tid each time grew it without end, and each check scans it (20,000 requests: 80,000
 * issuers, 36 s of CPU). SkillValidation's isSkillToken copies the claims once per claim: one token of 1,500 claims,
 * within node's 16 KB of headers, cost 400 ms of CPU. Their logic is restated below on the claims decoded once; the
 * issuers botbuilder still adds when it verifies a token are taken back afterwards (forgetTenantIssuers).
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

/**
 * Far more than any token of the Bot Connector (5 claims) or of Azure AD (about 20) carries, and few enough that
 * botbuilder's checks of a token's kind, quadratic in the number of claims, stay cheap on one that passes here.
 */
const MAX_CLAIMS = 100;

/** The Azure AD issuers botbuilder takes an Emulator or skill token from, as shipped (before any request adds to them). */
const EMULATOR_ISSUERS: readonly string[] = Object.freeze([...asStrings(ToBotFromBotOrEmulatorTokenValidationParameters.issuer)]);

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
  tid: z.unknown().optional(),
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
  if (Object.keys(claims).length > MAX_CLAIMS) return refuse(`more than ${MAX_CLAIMS} claims`);
  if (expected.nowSeconds >= claims.exp + CLOCK_TOLERANCE_SECONDS) return refuse('the token has expired');
  if (claims.nbf !== undefined && claims.nbf > expected.nowSeconds + CLOCK_TOLERANCE_SECONDS) return refuse('the token is not valid yet');

  // The same order of paths as botbuilder's JwtTokenValidation_authenticateToken.
  if (expected.channelId === ASE_CHANNEL_ID) {
    if (!asStrings(BetweenBotAndAseChannelTokenValidationParameters.issuer).includes(claims.iss)) return refuse('not issued for the ASE channel');
    return checkAzureAdAppId(claims, expected.appId);
  }
  if (isSkillToken(claims)) return refuse('a skill token, and this bot accepts no skill callers');
  if (isEmulatorToken(claims)) return checkAzureAdAppId(claims, expected.appId);
  if (claims.iss !== AuthenticationConstants.ToBotFromChannelTokenIssuer) return refuse('not issued by the Bot Connector or Azure AD');
  if (claims.aud !== expected.appId) return refuse('the audience is not this bot');
  if (expected.serviceUrl && claims.serviceurl !== expected.serviceUrl) return refuse('the serviceurl claim is not the activity’s serviceUrl');
  return { ok: true, keySource: 'botframework' };
}

/**
 * SkillValidation.isSkillClaim of botframework-connector 4.23.3: a token naming a calling bot (appid or azp, by `ver`)
 * other than its audience, or the anonymous skill.
 */
function isSkillToken(claims: TokenClaims): boolean {
  if (claims.appid === AuthenticationConstants.AnonymousSkillAppId) return true;
  if (!claims.ver) return false;
  if (claims.aud === undefined) return false;
  if (claims.aud === AuthenticationConstants.ToBotFromChannelTokenIssuer || claims.aud === GovernmentConstants.ToBotFromChannelTokenIssuer) return false;
  const appId = claims.ver === '1.0' ? claims.appid : claims.ver === '2.0' ? claims.azp : undefined;
  return !!appId && appId !== claims.aud;
}

/**
 * EmulatorValidation.isTokenFromEmulator of botframework-connector 4.23.3, without its side effect: the shipped Azure
 * AD issuers, and those of the token's own tenant (`tid`) unless an issuer of the list already names it — which lets a
 * SingleTenant bot be reached from the Emulator signed in to its tenant.
 */
function isEmulatorToken(claims: TokenClaims): boolean {
  if (!claims.iss) return false;
  if (EMULATOR_ISSUERS.includes(claims.iss)) return true;
  const tenantId: unknown = claims.tid ?? '';
  // botbuilder's own loose comparison, so that a tid it would not take as one (0, false, []) is not taken here either.
  if (tenantId == '' || EMULATOR_ISSUERS.some((issuer) => issuer.includes(String(tenantId)))) return false;
  return tenantIssuers(String(tenantId)).includes(claims.iss);
}

function tenantIssuers(tenantId: string): string[] {
  return [
    `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV1}${tenantId}/`,
    `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV2}${tenantId}/v2.0`,
    `${AuthenticationConstants.ValidGovernmentTokenIssuerUrlTemplateV1}${tenantId}/`,
    `${AuthenticationConstants.ValidGovernmentTokenIssuerUrlTemplateV2}${tenantId}/v2.0`,
  ];
}

/**
 * Takes back the issuers botbuilder added to its process-wide list while verifying tokens (see the top of this file),
 * so that they do not pile up request after request. Called once each verification is over: botbuilder reads the list
 * into the verification's own options in the same tick as it adds to it, so one in progress is not disturbed.
 */
export function forgetTenantIssuers(): void {
  const issuers = ToBotFromBotOrEmulatorTokenValidationParameters.issuer;
  if (Array.isArray(issuers) && issuers.length > EMULATOR_ISSUERS.length) issuers.length = EMULATOR_ISSUERS.length;
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

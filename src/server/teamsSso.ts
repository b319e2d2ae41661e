import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { Config } from '../config/config';

/**
 * Teams single sign-on for the indicators tab: the tab asks Teams for a token (`authentication.getAuthToken()`), sends
 * it as a bearer, and this checks it — an RS256 JWT signed by one of Microsoft's published keys (found through the
 * OpenID configuration, cached by jose and fetched again when a token names a key it does not know), for this app
 * (audience: the app id or its `api://host/appId` URI, as Teams issues v2 or v1 tokens), from an allowed tenant
 * (issuer and `tid` agreeing). A refusal says why in a short sentence; nothing a client sends makes a 5xx.
 */

export const MICROSOFT_OPENID_CONFIGURATION = 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';

/** Who a valid token names; enough to log and to scope figures, no personal data beyond the ids. */
export interface TeamsIdentity {
  tenantId: string;
  /** The user's Entra object id (`oid`), the same as an activity's `from.aadObjectId`. */
  objectId: string;
}

export type SsoVerdict =
  | { ok: true; identity: TeamsIdentity }
  /** `refused`: the token is not acceptable (401). `unavailable`: Microsoft's keys could not be read (503). */
  | { ok: false; kind: 'refused' | 'unavailable'; reason: string };

export interface TeamsSsoOptions {
  /** MicrosoftAppId. */
  appId: string;
  /** PUBLIC_URL: its host is in the App ID URI (`api://host/appId`) Teams puts in v1 tokens. */
  publicUrl: string;
  /**
   * Tenants whose users may see the figures (MicrosoftAppTenantId and ALLOWED_TENANTS together). Empty: every token is
   * refused — a multi-tenant app id gets tokens from any tenant in the world, so "any" is never assumed for figures.
   */
  allowedTenants: readonly string[];
  /** Default: Microsoft's; tests give a local server's. */
  openIdConfigurationUrl?: string;
  /** For the lifetime checks; tests fix it. */
  now?: () => Date;
}

export interface TeamsSsoVerifier {
  verify(token: string): Promise<SsoVerdict>;
}

/** Longer than any Entra access token; anything longer is refused before it is parsed. */
const MAX_TOKEN_LENGTH = 16_384;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const CLOCK_TOLERANCE_SECONDS = 300;
const FETCH_TIMEOUT_MS = 5_000;
/** The configuration changes about never; read again after a day, or after a failure on the next request. */
const CONFIGURATION_TTL_MS = 24 * 60 * 60 * 1000;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const OpenIdConfigurationSchema = z.object({ jwks_uri: z.url({ protocol: /^https?$/ }) });

const ClaimsSchema = z.object({
  tid: z.string().toLowerCase().regex(GUID, 'tid must be a tenant id'),
  oid: z.string().toLowerCase().regex(GUID, 'oid must be an object id'),
  iss: z.string(),
});

/** Whether the bearer looks like a JWT at all (the API key never has this shape: it has no dots). */
export function looksLikeJwt(token: string): boolean {
  return token.length <= MAX_TOKEN_LENGTH && JWT_SHAPE.test(token);
}

/** The two issuers Entra writes for a tenant: v2.0 tokens and v1 tokens. */
function issuersOf(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

export function createTeamsSsoVerifier(options: TeamsSsoOptions): TeamsSsoVerifier {
  const audiences = [options.appId, `api://${new URL(options.publicUrl).host}/${options.appId}`];
  const allowed = new Set(options.allowedTenants.map((tenant) => tenant.trim().toLowerCase()).filter(Boolean));
  const configurationUrl = options.openIdConfigurationUrl ?? MICROSOFT_OPENID_CONFIGURATION;
  let keys: { jwks: ReturnType<typeof createRemoteJWKSet>; readAt: number } | undefined;
  let reading: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;

  /** The key set of the current configuration: one read shared by concurrent requests, kept a day. */
  const keySet = async () => {
    if (keys && Date.now() - keys.readAt < CONFIGURATION_TTL_MS) return keys.jwks;
    reading ??= (async () => {
      try {
        const response = await fetch(configurationUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
        if (!response.ok) throw new Error(`the OpenID configuration answered ${response.status}`);
        const configuration = OpenIdConfigurationSchema.parse(await response.json());
        const jwks = createRemoteJWKSet(new URL(configuration.jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS });
        keys = { jwks, readAt: Date.now() };
        return jwks;
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  };

  return {
    async verify(token: string): Promise<SsoVerdict> {
      if (!looksLikeJwt(token)) return refused('the token is not a JSON Web Token');
      if (allowed.size === 0) return refused('Teams sign-in is not set up on this server: its administrator sets MicrosoftAppTenantId or ALLOWED_TENANTS');
      let jwks;
      try {
        jwks = await keySet();
      } catch {
        return { ok: false, kind: 'unavailable', reason: 'Microsoft’s signing keys could not be read' };
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          algorithms: ['RS256'],
          audience: audiences,
          requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          ...(options.now ? { currentDate: options.now() } : {}),
        }));
      } catch (error) {
        return verdictOf(error);
      }
      const claims = ClaimsSchema.safeParse(payload);
      if (!claims.success) return refused('the token does not name a tenant and a user');
      const { tid, oid, iss } = claims.data;
      if (!issuersOf(tid).includes(iss)) return refused('the token’s issuer is not its tenant’s');
      if (!allowed.has(tid)) return refused('the token is from a tenant this server does not serve');
      return { ok: true, identity: { tenantId: tid, objectId: oid } };
    },
  };
}

function refused(reason: string): SsoVerdict {
  return { ok: false, kind: 'refused', reason };
}

/** jose's errors as verdicts: what is wrong with the token is a refusal; only an unreachable key server is ours. */
function verdictOf(error: unknown): SsoVerdict {
  if (error instanceof joseErrors.JWTExpired) return refused('the token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return refused('the token is not for this app');
    if (error.claim === 'nbf') return refused('the token is not valid yet');
    return refused(`the token’s « ${error.claim} » claim is not acceptable`);
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) return refused('the token is not signed with a Microsoft key');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return refused('the token’s signature is wrong');
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return refused('the token is not signed with RS256');
  // jose wraps every fault of the token in a JOSEError; the generic one, a timeout or a bare error (a refused
  // connection) come from fetching the key set.
  if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError) || error.code === 'ERR_JOSE_GENERIC') {
    return { ok: false, kind: 'unavailable', reason: 'Microsoft’s signing keys could not be read' };
  }
  return refused('the token cannot be read');
}

/** The verifier the configuration calls for: none without an app id (local mode), else for its tenants. */
export function teamsSsoFromConfig(config: Pick<Config, 'botAuth' | 'publicUrl'> & { allowedTenants?: readonly string[] }): TeamsSsoVerifier | undefined {
  const { MicrosoftAppId, MicrosoftAppTenantId } = config.botAuth;
  if (!MicrosoftAppId) return undefined;
  const allowedTenants = [...(MicrosoftAppTenantId ? [MicrosoftAppTenantId] : []), ...(config.allowedTenants ?? [])];
  return createTeamsSsoVerifier({ appId: MicrosoftAppId, publicUrl: config.publicUrl, allowedTenants });
}

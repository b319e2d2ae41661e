import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Tokens of the built-in Direct Line endpoint: HS256 JSON Web Tokens, like Azure's, so that Web Chat reads the
 * user id from the `user` claim (it decodes the token and prefers that id over its own random one).
 * A token is bound to one conversation and one user; a `stream` token only opens that conversation's WebSocket.
 */

const ISSUER = 'maillage-directline';
const MAX_TOKEN_LENGTH = 2048;

export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const USER_ID_PATTERN = /^dl_[A-Za-z0-9_-]{8,64}$/;

export const TokenScopeSchema = z.enum(['conversation', 'stream']);
export type TokenScope = z.output<typeof TokenScopeSchema>;

export const TokenClaimsSchema = z.object({
  iss: z.literal(ISSUER),
  scope: TokenScopeSchema,
  conv: z.string().regex(CONVERSATION_ID_PATTERN),
  user: z.string().regex(USER_ID_PATTERN),
  iat: z.number().int(),
  nbf: z.number().int(),
  exp: z.number().int(),
});
export type TokenClaims = z.output<typeof TokenClaimsSchema>;

const TokenHeaderSchema = z.object({ alg: z.literal('HS256'), typ: z.literal('JWT') });

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'wrong-scope' };

export interface IssuedToken {
  token: string;
  /** Seconds until the token expires, as Direct Line's `expires_in`. */
  expiresIn: number;
  claims: TokenClaims;
}

export function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

/** "dl_" marks a user id that comes from the token, as on Azure; Web Chat refuses such ids when not in the token. */
export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

export class DirectLineTokens {
  private readonly key: Buffer;

  /**
   * @param signingKey shared by every instance behind a load balancer; without it a random key is drawn,
   *   so tokens do not survive a restart.
   * @param now milliseconds since the epoch; a parameter so that expiry can be tested without waiting.
   */
  constructor(
    signingKey: string | undefined,
    private readonly now: () => number = Date.now,
  ) {
    // Derived rather than used as is, so the same secret reused elsewhere never signs the same bytes.
    this.key = signingKey
      ? createHash('sha256').update(`${ISSUER}|${signingKey}`).digest()
      : randomBytes(32);
  }

  issue(conversationId: string, userId: string, scope: TokenScope, lifetimeSeconds: number): IssuedToken {
    const issuedAt = Math.floor(this.now() / 1000);
    const claims: TokenClaims = {
      iss: ISSUER,
      scope,
      conv: conversationId,
      user: userId,
      iat: issuedAt,
      nbf: issuedAt - 5,
      exp: issuedAt + lifetimeSeconds,
    };
    const unsigned = `${encodeJson({ alg: 'HS256', typ: 'JWT' })}.${encodeJson(claims)}`;
    return { token: `${unsigned}.${this.sign(unsigned)}`, expiresIn: lifetimeSeconds, claims };
  }

  verify(token: string, scope: TokenScope): TokenCheck {
    if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    const [header, payload, signature] = parts as [string, string, string];
    if (!TokenHeaderSchema.safeParse(decodeJson(header)).success) return { ok: false, reason: 'malformed' };

    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };

    const claims = TokenClaimsSchema.safeParse(decodeJson(payload));
    if (!claims.success) return { ok: false, reason: 'malformed' };
    const nowSeconds = Math.floor(this.now() / 1000);
    if (claims.data.exp <= nowSeconds) return { ok: false, reason: 'expired' };
    if (claims.data.nbf > nowSeconds) return { ok: false, reason: 'not-yet-valid' };
    if (claims.data.scope !== scope) return { ok: false, reason: 'wrong-scope' };
    return { ok: true, claims: claims.data };
  }

  /** Seconds left before a verified token expires. */
  secondsLeft(claims: TokenClaims): number {
    return Math.max(0, claims.exp - Math.floor(this.now() / 1000));
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

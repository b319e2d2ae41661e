"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DirectLineTokens = exports.TokenClaimsSchema = exports.TokenScopeSchema = exports.USER_ID_PATTERN = exports.CONVERSATION_ID_PATTERN = void 0;
exports.newConversationId = newConversationId;
exports.newUserId = newUserId;
const node_crypto_1 = require("node:crypto");
const zod_1 = require("zod");
/**
 * Tokens of the built-in Direct Line endpoint: HS256 JSON Web Tokens, like Azure's, so that Web Chat reads the
 * user id from the `user` claim (it decodes the token and prefers that id over its own random one).
 * A token is bound to one conversation and one user; a `stream` token only opens that conversation's WebSocket.
 */
const ISSUER = 'maillage-directline';
const MAX_TOKEN_LENGTH = 2048;
exports.CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
exports.USER_ID_PATTERN = /^dl_[A-Za-z0-9_-]{8,64}$/;
exports.TokenScopeSchema = zod_1.z.enum(['conversation', 'stream']);
exports.TokenClaimsSchema = zod_1.z.object({
    iss: zod_1.z.literal(ISSUER),
    scope: exports.TokenScopeSchema,
    conv: zod_1.z.string().regex(exports.CONVERSATION_ID_PATTERN),
    user: zod_1.z.string().regex(exports.USER_ID_PATTERN),
    iat: zod_1.z.number().int(),
    nbf: zod_1.z.number().int(),
    exp: zod_1.z.number().int(),
});
const TokenHeaderSchema = zod_1.z.object({ alg: zod_1.z.literal('HS256'), typ: zod_1.z.literal('JWT') });
function newConversationId() {
    return (0, node_crypto_1.randomBytes)(18).toString('base64url');
}
/** "dl_" marks a user id that comes from the token, as on Azure; Web Chat refuses such ids when not in the token. */
function newUserId() {
    return `dl_${(0, node_crypto_1.randomBytes)(12).toString('base64url')}`;
}
class DirectLineTokens {
    now;
    key;
    /**
     * @param signingKey shared by every instance behind a load balancer; without it a random key is drawn,
     *   so tokens do not survive a restart.
     * @param now milliseconds since the epoch; a parameter so that expiry can be tested without waiting.
     */
    constructor(signingKey, now = Date.now) {
        this.now = now;
        // Derived rather than used as is, so the same secret reused elsewhere never signs the same bytes.
        this.key = signingKey
            ? (0, node_crypto_1.createHash)('sha256').update(`${ISSUER}|${signingKey}`).digest()
            : (0, node_crypto_1.randomBytes)(32);
    }
    issue(conversationId, userId, scope, lifetimeSeconds) {
        const issuedAt = Math.floor(this.now() / 1000);
        const claims = {
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
    verify(token, scope) {
        if (token.length > MAX_TOKEN_LENGTH)
            return { ok: false, reason: 'malformed' };
        const parts = token.split('.');
        if (parts.length !== 3)
            return { ok: false, reason: 'malformed' };
        const [header, payload, signature] = parts;
        if (!TokenHeaderSchema.safeParse(decodeJson(header)).success)
            return { ok: false, reason: 'malformed' };
        const expected = Buffer.from(this.sign(`${header}.${payload}`));
        const given = Buffer.from(signature);
        if (expected.length !== given.length || !(0, node_crypto_1.timingSafeEqual)(expected, given))
            return { ok: false, reason: 'bad-signature' };
        const claims = exports.TokenClaimsSchema.safeParse(decodeJson(payload));
        if (!claims.success)
            return { ok: false, reason: 'malformed' };
        const nowSeconds = Math.floor(this.now() / 1000);
        if (claims.data.exp <= nowSeconds)
            return { ok: false, reason: 'expired' };
        if (claims.data.nbf > nowSeconds)
            return { ok: false, reason: 'not-yet-valid' };
        if (claims.data.scope !== scope)
            return { ok: false, reason: 'wrong-scope' };
        return { ok: true, claims: claims.data };
    }
    /** Seconds left before a verified token expires. */
    secondsLeft(claims) {
        return Math.max(0, claims.exp - Math.floor(this.now() / 1000));
    }
    sign(data) {
        return (0, node_crypto_1.createHmac)('sha256', this.key).update(data).digest('base64url');
    }
}
exports.DirectLineTokens = DirectLineTokens;
function encodeJson(value) {
    return Buffer.from(JSON.stringify(value)).toString('base64url');
}
function decodeJson(part) {
    try {
        return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=tokens.js.map
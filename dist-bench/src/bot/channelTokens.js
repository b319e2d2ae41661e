"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.screenChannelToken = screenChannelToken;
exports.forgetTenantIssuers = forgetTenantIssuers;
const botframework_connector_1 = require("botframework-connector");
const zod_1 = require("zod");
/** jsonwebtoken's leeway as botbuilder sets it (`clockTolerance: 5 * 60`). */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;
const ALLOWED_ALGORITHMS = botframework_connector_1.AuthenticationConstants.AllowedSigningAlgorithms;
const ASE_CHANNEL_ID = 'AseChannel';
/**
 * Far more than any token of the Bot Connector (5 claims) or of Azure AD (about 20) carries, and few enough that
 * botbuilder's checks of a token's kind, quadratic in the number of claims, stay cheap on one that passes here.
 */
const MAX_CLAIMS = 100;
/** The Azure AD issuers botbuilder takes an Emulator or skill token from, as shipped (before any request adds to them). */
const EMULATOR_ISSUERS = Object.freeze([...asStrings(botframework_connector_1.ToBotFromBotOrEmulatorTokenValidationParameters.issuer)]);
/** `Bearer` and three base64url parts, the signature not empty (an `alg: none` token has none), as botbuilder splits it. */
const BEARER_JWT = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;
const TokenHeaderSchema = zod_1.z.looseObject({
    alg: zod_1.z.string(),
    kid: zod_1.z.string().min(1),
});
const TokenClaimsSchema = zod_1.z.looseObject({
    iss: zod_1.z.string(),
    aud: zod_1.z.unknown().optional(),
    exp: zod_1.z.number(),
    nbf: zod_1.z.number().optional(),
    ver: zod_1.z.unknown().optional(),
    appid: zod_1.z.unknown().optional(),
    azp: zod_1.z.unknown().optional(),
    tid: zod_1.z.unknown().optional(),
    serviceurl: zod_1.z.unknown().optional(),
});
function screenChannelToken(authorization, expected) {
    if (!authorization.trim())
        return refuse('no Authorization header');
    const parts = BEARER_JWT.exec(authorization);
    if (!parts?.[1] || !parts[2])
        return refuse('not "Bearer" and a signed JWT');
    const header = TokenHeaderSchema.safeParse(decodeJson(parts[1]));
    if (!header.success)
        return refuse('the token header is not JSON with alg and kid');
    if (!ALLOWED_ALGORITHMS.includes(header.data.alg))
        return refuse(`the ${header.data.alg} algorithm is not accepted`);
    const parsedClaims = TokenClaimsSchema.safeParse(decodeJson(parts[2]));
    if (!parsedClaims.success)
        return refuse('the token claims are not JSON with iss and a numeric exp');
    const claims = parsedClaims.data;
    if (Object.keys(claims).length > MAX_CLAIMS)
        return refuse(`more than ${MAX_CLAIMS} claims`);
    if (expected.nowSeconds >= claims.exp + CLOCK_TOLERANCE_SECONDS)
        return refuse('the token has expired');
    if (claims.nbf !== undefined && claims.nbf > expected.nowSeconds + CLOCK_TOLERANCE_SECONDS)
        return refuse('the token is not valid yet');
    // The same order of paths as botbuilder's JwtTokenValidation_authenticateToken.
    if (expected.channelId === ASE_CHANNEL_ID) {
        if (!asStrings(botframework_connector_1.BetweenBotAndAseChannelTokenValidationParameters.issuer).includes(claims.iss))
            return refuse('not issued for the ASE channel');
        return checkAzureAdAppId(claims, expected.appId);
    }
    if (isSkillToken(claims))
        return refuse('a skill token, and this bot accepts no skill callers');
    if (isEmulatorToken(claims))
        return checkAzureAdAppId(claims, expected.appId);
    if (claims.iss !== botframework_connector_1.AuthenticationConstants.ToBotFromChannelTokenIssuer)
        return refuse('not issued by the Bot Connector or Azure AD');
    if (claims.aud !== expected.appId)
        return refuse('the audience is not this bot');
    if (expected.serviceUrl && claims.serviceurl !== expected.serviceUrl)
        return refuse('the serviceurl claim is not the activity’s serviceUrl');
    return { ok: true, keySource: 'botframework' };
}
/**
 * SkillValidation.isSkillClaim of botframework-connector 4.23.3: a token naming a calling bot (appid or azp, by `ver`)
 * other than its audience, or the anonymous skill.
 */
function isSkillToken(claims) {
    if (claims.appid === botframework_connector_1.AuthenticationConstants.AnonymousSkillAppId)
        return true;
    if (!claims.ver)
        return false;
    if (claims.aud === undefined)
        return false;
    if (claims.aud === botframework_connector_1.AuthenticationConstants.ToBotFromChannelTokenIssuer || claims.aud === botframework_connector_1.GovernmentConstants.ToBotFromChannelTokenIssuer)
        return false;
    const appId = claims.ver === '1.0' ? claims.appid : claims.ver === '2.0' ? claims.azp : undefined;
    return !!appId && appId !== claims.aud;
}
/**
 * EmulatorValidation.isTokenFromEmulator of botframework-connector 4.23.3, without its side effect: the shipped Azure
 * AD issuers, and those of the token's own tenant (`tid`) unless an issuer of the list already names it — which lets a
 * SingleTenant bot be reached from the Emulator signed in to its tenant.
 */
function isEmulatorToken(claims) {
    if (!claims.iss)
        return false;
    if (EMULATOR_ISSUERS.includes(claims.iss))
        return true;
    const tenantId = claims.tid ?? '';
    // botbuilder's own loose comparison, so that a tid it would not take as one (0, false, []) is not taken here either.
    if (tenantId == '' || EMULATOR_ISSUERS.some((issuer) => issuer.includes(String(tenantId))))
        return false;
    return tenantIssuers(String(tenantId)).includes(claims.iss);
}
function tenantIssuers(tenantId) {
    return [
        `${botframework_connector_1.AuthenticationConstants.ValidTokenIssuerUrlTemplateV1}${tenantId}/`,
        `${botframework_connector_1.AuthenticationConstants.ValidTokenIssuerUrlTemplateV2}${tenantId}/v2.0`,
        `${botframework_connector_1.AuthenticationConstants.ValidGovernmentTokenIssuerUrlTemplateV1}${tenantId}/`,
        `${botframework_connector_1.AuthenticationConstants.ValidGovernmentTokenIssuerUrlTemplateV2}${tenantId}/v2.0`,
    ];
}
/**
 * Takes back the issuers botbuilder added to its process-wide list while verifying tokens (see the top of this file),
 * so that they do not pile up request after request. Called once each verification is over: botbuilder reads the list
 * into the verification's own options in the same tick as it adds to it, so one in progress is not disturbed.
 */
function forgetTenantIssuers() {
    const issuers = botframework_connector_1.ToBotFromBotOrEmulatorTokenValidationParameters.issuer;
    if (Array.isArray(issuers) && issuers.length > EMULATOR_ISSUERS.length)
        issuers.length = EMULATOR_ISSUERS.length;
}
/** Emulator and ASE tokens name the bot in `appid` (version 1.0 or none) or `azp` (2.0); botbuilder requires `ver`. */
function checkAzureAdAppId(claims, appId) {
    const { ver } = claims;
    if (ver === undefined || ver === null)
        return refuse('an Azure AD token without ver');
    let named;
    if (!ver || ver === '1.0')
        named = claims.appid;
    else if (ver === '2.0')
        named = claims.azp;
    else
        return refuse('an unknown token version');
    if (named !== appId)
        return refuse('the token was not issued to this bot');
    return { ok: true, keySource: 'azureAd' };
}
function refuse(reason) {
    return { ok: false, reason };
}
function decodeJson(base64url) {
    try {
        return JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
function asStrings(value) {
    if (typeof value === 'string')
        return [value];
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
//# sourceMappingURL=channelTokens.js.map
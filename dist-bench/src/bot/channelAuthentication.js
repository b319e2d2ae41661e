"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChannelAuthentication = exports.KeysUnavailable = exports.AUTH_RETRY_AFTER_SECONDS = void 0;
const botframework_connector_1 = require("botframework-connector");
const errors_1 = require("../server/errors");
const channelTokens_1 = require("./channelTokens");
/**
 * Authenticates one request from a channel: a token that cannot be valid is refused (401) before any key is fetched
 * (see channelTokens.ts); one that could be goes to botbuilder. When botbuilder cannot get the signing keys (the key
 * endpoint is down or unreachable) the request is answered 503 with Retry-After — the Bot Connector retries — and for
 * the next RETRY_AFTER_SECONDS no request waits on that endpoint again: each would otherwise make its own fetch
 * (botbuilder does not share one in flight) and, with packets dropped, wait on it. The outage is logged once a minute
 * at most, with how many requests it refused meanwhile.
 */
exports.AUTH_RETRY_AFTER_SECONDS = 10;
/** botbuilder's key fetch has no timeout of its own; past this the request is answered 503 and the fetch left to end. */
const KEY_FETCH_DEADLINE_MS = 10_000;
const OUTAGE_LOG_INTERVAL_MS = 60_000;
/** jsonwebtoken's errors for a token whose signature, audience, issuer or dates are wrong: a bad token, not an outage. */
const TOKEN_ERROR_NAMES = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);
class KeysUnavailable extends errors_1.HttpProblem {
    retryAfterSeconds = exports.AUTH_RETRY_AFTER_SECONDS;
    constructor() {
        super('auth_unavailable');
    }
}
exports.KeysUnavailable = KeysUnavailable;
class ChannelAuthentication {
    authentication;
    appId;
    log;
    now;
    unavailableUntil = new Map();
    lastOutageLog = Number.NEGATIVE_INFINITY;
    refusedSinceLog = 0;
    constructor(authentication, 
    /** Undefined in local mode: botbuilder then lets every request through, anonymously. */
    appId, log, now = Date.now) {
        this.authentication = authentication;
        this.appId = appId;
        this.log = log;
        this.now = now;
    }
    async authenticate(activity, authorization) {
        if (this.appId === undefined)
            return this.authentication.authenticateRequest(activity, authorization);
        const screening = (0, channelTokens_1.screenChannelToken)(authorization, {
            appId: this.appId,
            channelId: activity.channelId ?? '',
            serviceUrl: activity.serviceUrl ?? '',
            nowSeconds: Math.floor(this.now() / 1000),
        });
        if (!screening.ok) {
            this.log.debug({ reason: screening.reason }, 'channel token refused before any key was fetched');
            throw new errors_1.HttpProblem('unauthorized');
        }
        if ((this.unavailableUntil.get(screening.keySource) ?? 0) > this.now()) {
            this.reportOutage(screening.keySource, undefined);
            throw new KeysUnavailable();
        }
        try {
            return await withDeadline(this.authentication.authenticateRequest(activity, authorization), KEY_FETCH_DEADLINE_MS);
        }
        catch (error) {
            if (isRefusedToken(error))
                throw new errors_1.HttpProblem('unauthorized');
            this.unavailableUntil.set(screening.keySource, this.now() + exports.AUTH_RETRY_AFTER_SECONDS * 1000);
            this.reportOutage(screening.keySource, error);
            throw new KeysUnavailable();
        }
    }
    reportOutage(keySource, error) {
        this.refusedSinceLog++;
        if (this.now() - this.lastOutageLog < OUTAGE_LOG_INTERVAL_MS)
            return;
        this.log.warn({ keySource, requestsRefused: this.refusedSinceLog, err: error === undefined ? undefined : describe(error) }, 'channel authentication unavailable: the signing keys could not be fetched; answering 503 (logged once a minute at most)');
        this.lastOutageLog = this.now();
        this.refusedSinceLog = 0;
    }
}
exports.ChannelAuthentication = ChannelAuthentication;
/**
 * botbuilder throws AuthenticationError with a 4xx status for a refused token, and lets jsonwebtoken's own errors
 * through for a bad signature. Anything else — node-fetch's FetchError, an AuthenticationError with status 500
 * ("Failed to load openID config"), a metadata document without keys, the deadline — means the keys were not had.
 */
function isRefusedToken(error) {
    if (error instanceof botframework_connector_1.AuthenticationError)
        return error.statusCode >= 400 && error.statusCode < 500;
    return error instanceof Error && TOKEN_ERROR_NAMES.has(error.name);
}
class DeadlineReached extends Error {
    name = 'DeadlineReached';
}
function withDeadline(promise, ms) {
    let timer;
    const deadline = new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new DeadlineReached(`no answer from the key endpoint within ${ms} ms`)), ms);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
function describe(error) {
    if (!(error instanceof Error))
        return { name: typeof error, message: String(error) };
    return { name: error.name, message: error.message, code: Reflect.get(error, 'code') };
}
//# sourceMappingURL=channelAuthentication.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboundTimeout = exports.OutboundRequestRefused = exports.OUTBOUND_TIMEOUT_MS = void 0;
exports.boundOutboundRequests = boundOutboundRequests;
const externalFailures_1 = require("./externalFailures");
/**
 * A reply to a channel that has not been answered in 10 s will not be: Bot Connector services answer in well under a
 * second. Without a bound, a serviceUrl that accepts the connection and never answers held one request (and its turn,
 * its state and a socket) for about 490 s, through the SDK's retries.
 */
exports.OUTBOUND_TIMEOUT_MS = 10_000;
/**
 * After a reply to one serviceUrl has timed out, the next requests to it within this time fail at once: the turn
 * error handler's notice and the following turns would otherwise each wait the whole timeout again for a channel that
 * has just shown it does not answer. The first request after the pause tries again.
 */
const UNRESPONSIVE_PAUSE_MS = 30_000;
/** A request the client was not allowed to send: it left nothing on the network. */
class OutboundRequestRefused extends Error {
    name = 'OutboundRequestRefused';
}
exports.OutboundRequestRefused = OutboundRequestRefused;
/** The channel did not answer within the timeout, or did not answer the previous request to it and is left alone. */
class OutboundTimeout extends Error {
    name = 'OutboundTimeout';
}
exports.OutboundTimeout = OutboundTimeout;
/**
 * Bounds every request `client` sends: a deadline around the whole call, outermost in the pipeline, so that the SDK's
 * retries (three, with growing delays, for refused or reset connections) and a channel that never answers cannot hold
 * a turn for longer than `timeoutMs`; and a check, innermost, after the SDK's redirect policy, that each request goes
 * to the client's own origin and, in local mode, to an allowed one — so neither a redirect nor a path of botbuilder
 * we did not think of can make the client send elsewhere.
 *
 * The client's pipeline is private in the SDK's types; if a later botframework-connector builds it differently this
 * throws when the client is made, rather than leaving replies unbounded.
 */
function boundOutboundRequests(client, serviceUrl, limits) {
    const pipeline = pipelineOf(client);
    const origin = originOf(serviceUrl);
    // Decided once per client: every reply it sends goes to its own origin, so the policy's answer does not change.
    const originAllowed = origin !== undefined && (!limits.serviceUrls || limits.serviceUrls.allowsRequestTo(serviceUrl));
    // A URL that starts with "scheme://host:port/" has exactly that origin (the authority ends at the first "/"):
    // the usual request is checked without parsing it again.
    const originPrefix = origin === undefined ? undefined : `${origin}/`;
    let pausedUntil = 0;
    pipeline.addPolicy({
        name: 'maillageDeadline',
        async sendRequest(request, next) {
            if (Date.now() < pausedUntil)
                throw (0, externalFailures_1.markExternalFailure)(new OutboundTimeout(`${origin ?? 'the channel'} did not answer a moment ago; not waiting on it again yet`));
            // Each attempt's connection is cut by the HTTP client itself past the timeout (its own timer, no abort signal:
            // an abort signal on every reply cost a tenth of a whole turn in listeners and stream clean-up, measured).
            request.timeout = request.timeout > 0 ? Math.min(request.timeout, limits.timeoutMs) : limits.timeoutMs;
            let expired = false;
            let expire;
            const deadline = new Promise((_resolve, reject) => {
                expire = reject;
            });
            const timer = setTimeout(() => {
                expired = true;
                expire(new Error('deadline reached'));
            }, limits.timeoutMs);
            try {
                // The race ends the whole call — retries and the credentials' token fetch included — at the deadline.
                return await Promise.race([next(request), deadline]);
            }
            catch (error) {
                // Whatever the channel answered or failed to (an error status, a reset, a refused destination, a token
                // that could not be had for it), the turn's failure is not its conversation's stored state.
                if (!expired)
                    throw (0, externalFailures_1.markExternalFailure)(error);
                pausedUntil = Date.now() + UNRESPONSIVE_PAUSE_MS;
                throw (0, externalFailures_1.markExternalFailure)(new OutboundTimeout(`${origin ?? 'the channel'} did not answer within ${limits.timeoutMs} ms`));
            }
            finally {
                clearTimeout(timer);
            }
        },
    }, { phase: 'Serialize' });
    pipeline.addPolicy({
        name: 'maillageDestinationCheck',
        async sendRequest(request, next) {
            if (originPrefix !== undefined && request.url.startsWith(originPrefix)) {
                if (!originAllowed)
                    throw new OutboundRequestRefused(`${origin} is not an origin replies may be sent to (${limits.serviceUrls?.description})`);
                return next(request);
            }
            const destination = originOf(request.url);
            if (destination === undefined || destination !== origin) {
                throw new OutboundRequestRefused(`a request of the client for ${origin ?? 'an invalid serviceUrl'} was addressed to ${destination ?? 'an invalid URL'}`);
            }
            if (limits.serviceUrls && !limits.serviceUrls.allowsRequestTo(request.url)) {
                throw new OutboundRequestRefused(`${destination} is not an origin replies may be sent to (${limits.serviceUrls.description})`);
            }
            return next(request);
        },
    }, { phase: 'Sign' });
    return client;
}
function pipelineOf(client) {
    const inner = Reflect.get(client, 'client');
    const pipeline = inner && typeof inner === 'object' ? Reflect.get(inner, 'pipeline') : undefined;
    if (!isPipeline(pipeline))
        throw new Error('botframework-connector’s ConnectorClient has no core-rest-pipeline pipeline: outbound requests cannot be bounded');
    return pipeline;
}
function isPipeline(value) {
    return (!!value &&
        typeof value === 'object' &&
        typeof Reflect.get(value, 'addPolicy') === 'function' &&
        typeof Reflect.get(value, 'getOrderedPolicies') === 'function');
}
function originOf(url) {
    try {
        const { origin } = new URL(url);
        return origin === 'null' ? undefined : origin;
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=outboundRequests.js.map
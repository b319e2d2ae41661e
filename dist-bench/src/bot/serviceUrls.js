"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NO_SERVICE_URL = void 0;
exports.createServiceUrlPolicy = createServiceUrlPolicy;
exports.isLoopbackHostname = isLoopbackHostname;
const node_net_1 = require("node:net");
/** The loopback addresses: what the Emulator, `npm run chat`-like tools and tests use on one machine. */
const LOOPBACK_DESCRIPTION = 'loopback addresses (http(s)://localhost, 127.0.0.0/8, [::1]) on any port';
/**
 * `allowedOrigins` as parsed from ALLOWED_SERVICE_URLS (origins such as `https://host:port`), or undefined for the
 * default: the loopback addresses on any port.
 */
function createServiceUrlPolicy(allowedOrigins) {
    const origins = allowedOrigins === undefined ? undefined : new Set(allowedOrigins.map(canonicalOrigin).filter((origin) => !!origin));
    return {
        description: origins === undefined ? LOOPBACK_DESCRIPTION : [...origins].join(', ') || '(none)',
        refusal(serviceUrl, senderIsLocal) {
            // A serviceUrl is a base the client appends `v3/conversations/…` to; a query or a fragment would let the sender
            // cut that path off (`…/admin?x=`). No channel sends one.
            if (serviceUrl.includes('?') || serviceUrl.includes('#'))
                return 'carries a query or a fragment';
            const url = parseBaseUrl(serviceUrl);
            if (typeof url === 'string')
                return url;
            if (origins === undefined) {
                if (!isLoopbackHostname(url.hostname))
                    return 'not a loopback address';
                // Otherwise anyone who reaches the bot could have it post to any port of this machine (an admin
                // console, a database's HTTP interface): loopback replies are for local tools, the Emulator, tests.
                return senderIsLocal ? undefined : 'a loopback address named by a sender that is not on this machine';
            }
            return origins.has(url.origin) ? undefined : 'not in ALLOWED_SERVICE_URLS';
        },
        allowsRequestTo(requestUrl) {
            const url = parseBaseUrl(requestUrl);
            if (typeof url === 'string')
                return false;
            return origins === undefined ? isLoopbackHostname(url.hostname) : origins.has(url.origin);
        },
    };
}
/** For in-process channels, whose replies always travel back in the call: their connector never needs to send. */
exports.NO_SERVICE_URL = Object.freeze({
    description: '(none: replies are returned in the response)',
    refusal: () => 'this adapter returns its replies and posts nothing',
    allowsRequestTo: () => false,
});
/**
 * An absolute http(s) URL without credentials: credentials in the authority confuse whoever reads the URL next, and
 * no channel uses them. A host name ending in a dot is another name to DNS than without it, and is refused rather
 * than guessed.
 */
function parseBaseUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return 'not an absolute URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return 'not http(s)';
    if (url.username || url.password)
        return 'carries credentials';
    if (url.hostname.endsWith('.'))
        return 'host name ends with a dot';
    return url;
}
function canonicalOrigin(origin) {
    try {
        return new URL(origin).origin;
    }
    catch {
        return undefined;
    }
}
/**
 * `localhost` itself (resolved from the hosts file), any IPv4 address in 127.0.0.0/8 and `[::1]`. Subdomains of
 * localhost are refused (Node resolves them through DNS like any other name), and so are IPv4-mapped IPv6 forms: no
 * local tool writes them, and one spelling less is one less to get wrong.
 */
function isLoopbackHostname(hostname) {
    const host = hostname.toLowerCase();
    if (host === 'localhost' || host === '[::1]')
        return true;
    return (0, node_net_1.isIPv4)(host) && host.startsWith('127.');
}
//# sourceMappingURL=serviceUrls.js.map
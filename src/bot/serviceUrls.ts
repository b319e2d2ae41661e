import { isIPv4 } from 'node:net';

/**
 * Where the bot may post replies when no channel authenticates the requests (local mode). A channel's activity
 * names a `serviceUrl` and the Bot Connector protocol has the bot POST its replies there; without credentials nobody
 * vouches for that address, so an anonymous sender could make the server post to an internal host, a cloud metadata
 * address or a port it wants to probe. With credentials the serviceUrl is signed in the channel's token (botbuilder
 * checks the `serviceurl` claim), so this policy applies to local mode only.
 *
 * Addresses are compared by parsed origin (scheme, host, port) as WHATWG URL normalises them — lower case, default
 * ports dropped, IPv4 written in any base folded to dotted decimal, IPv6 compressed — never by string prefix, so
 * `http://127.0.0.1.evil.com` or `http://127.0.0.1@evil.com` are other hosts, as the HTTP client will see them.
 */
export interface ServiceUrlPolicy {
  /**
   * Why `serviceUrl` may not receive replies, or undefined when it may. `senderIsLocal`: the request came from this
   * machine (after TRUST_PROXY), which the default policy requires.
   */
  refusal(serviceUrl: string, senderIsLocal: boolean): string | undefined;
  /** Whether one outgoing request's URL (a serviceUrl with the Bot Connector path and query added) may be sent. */
  allowsRequestTo(url: string): boolean;
  /** The allowed origins, for the start-up log. */
  readonly description: string;
}

/** The loopback addresses: what the Emulator, `npm run chat`-like tools and tests use on one machine. */
const LOOPBACK_DESCRIPTION = 'loopback addresses (http(s)://localhost, 127.0.0.0/8, [::1]) on any port';

/**
 * `allowedOrigins` as parsed from ALLOWED_SERVICE_URLS (origins such as `https://host:port`), or undefined for the
 * default: the loopback addresses on any port.
 */
export function createServiceUrlPolicy(allowedOrigins: readonly string[] | undefined): ServiceUrlPolicy {
  const origins = allowedOrigins === undefined ? undefined : new Set(allowedOrigins.map(canonicalOrigin).filter((origin): origin is string => !!origin));
  return {
    description: origins === undefined ? LOOPBACK_DESCRIPTION : [...origins].join(', ') || '(none)',
    refusal(serviceUrl, senderIsLocal) {
      // A serviceUrl is a base the client appends `v3/conversations/…` to; a query or a fragment would let the sender
      // cut that path off (`…/admin?x=`). No channel sends one.
      if (serviceUrl.includes('?') || serviceUrl.includes('#')) return 'carries a query or a fragment';
      const url = parseBaseUrl(serviceUrl);
      if (typeof url === 'string') return url;
      if (origins === undefined) {
        if (!isLoopbackHostname(url.hostname)) return 'not a loopback address';
        // Otherwise anyone who reaches the bot could have it post to any port of this machine (an admin
        // console, a database's HTTP interface): loopback replies are for local tools, the Emulator, tests.
        return senderIsLocal ? undefined : 'a loopback address named by a sender that is not on this machine';
      }
      return origins.has(url.origin) ? undefined : 'not in ALLOWED_SERVICE_URLS';
    },
    allowsRequestTo(requestUrl) {
      const url = parseBaseUrl(requestUrl);
      if (typeof url === 'string') return false;
      return origins === undefined ? isLoopbackHostname(url.hostname) : origins.has(url.origin);
    },
  };
}

/** For in-process channels, whose replies always travel back in the call: their connector never needs to send. */
export const NO_SERVICE_URL: ServiceUrlPolicy = Object.freeze({
  description: '(none: replies are returned in the response)',
  refusal: () => 'this adapter returns its replies and posts nothing',
  allowsRequestTo: () => false,
});

/**
 * An absolute http(s) URL without credentials: credentials in the authority confuse whoever reads the URL next, and
 * no channel uses them. A host name ending in a dot is another name to DNS than without it, and is refused rather
 * than guessed.
 */
function parseBaseUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not http(s)';
  if (url.username || url.password) return 'carries credentials';
  if (url.hostname.endsWith('.')) return 'host name ends with a dot';
  return url;
}

function canonicalOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).origin;
  } catch {
    return undefined;
  }
}

/**
 * `localhost` itself (resolved from the hosts file), any IPv4 address in 127.0.0.0/8 and `[::1]`. Subdomains of
 * localhost are refused (Node resolves them through DNS like any other name), and so are IPv4-mapped IPv6 forms: no
 * local tool writes them, and one spelling less is one less to get wrong.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return isIPv4(host) && host.startsWith('127.');
}

"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.clientAddress = clientAddress;
exports.comesThroughTrustedProxy = comesThroughTrustedProxy;
exports.normaliseAddress = normaliseAddress;
exports.addressKey = addressKey;
exports.isLoopbackAddress = isLoopbackAddress;
const node_net_1 = require("node:net");
/**
 * The caller's address, for rate limits, stream caps and the serviceUrl policy. X-Forwarded-For is believed only as far as
 * TRUST_PROXY says, since any client can write it:
 * - `none`: the socket's address;
 * - `hops: n`: the n proxies in front of the bot each appended the address they saw, so the client is the
 *   entry n places from the right of X-Forwarded-For followed by the socket's address (the leftmost when the
 *   list is shorter: the request did not come through all the proxies);
 * - `addresses`: only when the socket's address is a listed proxy, walking the list from the right and
 *   skipping the listed proxies; the first other address is the client.
 */
function clientAddress(req, trust) {
    const socketAddress = normaliseAddress(req.socket.remoteAddress ?? 'unknown');
    if (trust.kind === 'none')
        return socketAddress;
    const chain = [...forwardedFor(req), socketAddress];
    if (trust.kind === 'hops') {
        const client = chain[Math.max(0, chain.length - 1 - trust.hops)];
        // A trusted proxy writes addresses; anything else means the list was not written by it.
        return (0, node_net_1.isIP)(client) ? client : socketAddress;
    }
    const trusted = new Set(trust.addresses.map(normaliseAddress));
    for (let index = chain.length - 1; index >= 0; index--) {
        const hop = chain[index];
        if (!trusted.has(hop))
            return (0, node_net_1.isIP)(hop) ? hop : chain[index + 1];
    }
    return chain[0];
}
/** Whether the request's socket is a proxy TRUST_PROXY believes (for X-Forwarded-Proto). */
function comesThroughTrustedProxy(req, trust) {
    if (trust.kind === 'none')
        return false;
    if (trust.kind === 'hops')
        return trust.hops > 0;
    return trust.addresses.map(normaliseAddress).includes(normaliseAddress(req.socket.remoteAddress ?? ''));
}
function forwardedFor(req) {
    const header = req.headers['x-forwarded-for'];
    const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
    return joined
        .split(',')
        .map((part) => normaliseAddress(part.trim()))
        .filter(Boolean);
}
/**
 * One spelling per address: IPv4-mapped IPv6 as IPv4, no zone, no port (some proxies write "1.2.3.4:5678"
 * or "[2001:db8::1]:443").
 */
function normaliseAddress(raw) {
    let address = raw.trim();
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
    if (bracketed)
        address = bracketed[1];
    const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
    if (withPort)
        address = withPort[1];
    address = address.replace(/%.*$/, '');
    const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
    if (mapped)
        address = mapped[1];
    return address.toLowerCase();
}
/**
 * The key a client is counted under: its IPv4 address, or the /64 network of its IPv6 address (one home or
 * phone gets a whole /64, so counting single IPv6 addresses would give it countless buckets).
 */
function addressKey(address) {
    if ((0, node_net_1.isIP)(address) !== 6)
        return address;
    const [head = '', tail] = address.split('::');
    const headGroups = head ? head.split(':') : [];
    const tailGroups = (tail ? tail.split(':') : []).flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
    const groups = tail === undefined ? headGroups : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
    return `${groups
        .slice(0, 4)
        .map((group) => Number.parseInt(group || '0', 16).toString(16))
        .join(':')}::/64`;
}
/** 127.0.0.0/8 and ::1: the sender is on this machine. */
function isLoopbackAddress(address) {
    const normalised = normaliseAddress(address);
    return normalised === '::1' || ((0, node_net_1.isIP)(normalised) === 4 && normalised.startsWith('127.'));
}
//# sourceMappingURL=clientAddress.js.map
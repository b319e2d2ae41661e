"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.jailToLoopback = jailToLoopback;
exports.isLoopbackHost = isLoopbackHost;
const node_dns_1 = __importDefault(require("node:dns"));
const node_net_1 = __importDefault(require("node:net"));
/**
 * Keeps a test or a benchmark process on the loopback: a name other than localhost does not resolve (no DNS query
 * is sent), and a connection to an address outside 127.0.0.0/8 and ::1 fails before any packet leaves.
 * botbuilder sends replies to whatever serviceUrl an activity names, and defaults to api.botframework.com when it
 * names none, so a fuzzing run needs this to stay on the machine. Returns a function that lifts the jail.
 */
function jailToLoopback() {
    const originalLookup = node_dns_1.default.lookup;
    const originalConnect = node_net_1.default.Socket.prototype.connect;
    const jailedLookup = function (hostname, ...rest) {
        const callback = rest[rest.length - 1];
        if (typeof callback !== 'function')
            throw new TypeError('dns.lookup needs a callback');
        if (isLoopbackHost(hostname)) {
            Reflect.apply(originalLookup, node_dns_1.default, [hostname, ...rest]);
            return;
        }
        const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (outside the loopback: blocked in tests)`), {
            code: 'ENOTFOUND',
            hostname,
        });
        process.nextTick(() => Reflect.apply(callback, undefined, [error]));
    };
    Object.defineProperty(node_dns_1.default, 'lookup', { value: jailedLookup, configurable: true, writable: true });
    node_net_1.default.Socket.prototype.connect = function (...args) {
        const host = connectHost(args);
        if (host !== undefined && !isLoopbackHost(host)) {
            const error = Object.assign(new Error(`connect to ${host} blocked: tests stay on the loopback`), { code: 'ENETUNREACH' });
            process.nextTick(() => this.destroy(error));
            return this;
        }
        return Reflect.apply(originalConnect, this, args);
    };
    return () => {
        Object.defineProperty(node_dns_1.default, 'lookup', { value: originalLookup, configurable: true, writable: true });
        node_net_1.default.Socket.prototype.connect = originalConnect;
    };
}
/** The host a Socket#connect call targets, in any of its call forms; undefined for a local (IPC) path. */
function connectHost(args) {
    // Node calls connect internally with one array of already normalised arguments.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
        const host = Array.isArray(args[0]) ? undefined : args[1];
        return typeof host === 'string' ? host : 'localhost';
    }
    if (first && typeof first === 'object') {
        if ('path' in first && typeof first.path === 'string')
            return undefined;
        const host = 'host' in first ? first.host : undefined;
        return typeof host === 'string' && host !== '' ? host : 'localhost';
    }
    return undefined;
}
function isLoopbackHost(host) {
    const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
    if (bare === 'localhost' || bare.endsWith('.localhost'))
        return true;
    if (bare === '::1' || bare === '0:0:0:0:0:0:0:1')
        return true;
    if (node_net_1.default.isIPv4(bare))
        return bare.startsWith('127.');
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
    return mapped?.[1] !== undefined && mapped[1].startsWith('127.');
}
//# sourceMappingURL=networkJail.js.map
import dns from 'node:dns';
import net from 'node:net';

/**
 * Keeps a test or a benchmark process on the loopback: a name other than localhost does not resolve (no DNS query
 * is sent), and a connection to an address outside 127.0.0.0/8 and ::1 fails before any packet leaves.
 * botbuilder sends replies to whatever serviceUrl an activity names, and defaults to api.botframework.com when it
 * names none, so a fuzzing run needs this to stay on the machine. Returns a function that lifts the jail.
 */
export function jailToLoopback(): () => void {
  const originalLookup = dns.lookup;
  const originalConnect = net.Socket.prototype.connect;

  const jailedLookup = function (hostname: string, ...rest: unknown[]): void {
    const callback = rest[rest.length - 1];
    if (typeof callback !== 'function') throw new TypeError('dns.lookup needs a callback');
    if (isLoopbackHost(hostname)) {
      Reflect.apply(originalLookup, dns, [hostname, ...rest]);
      return;
    }
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (outside the loopback: blocked in tests)`), {
      code: 'ENOTFOUND',
      hostname,
    });
    process.nextTick(() => Reflect.apply(callback, undefined, [error]));
  };
  Object.defineProperty(dns, 'lookup', { value: jailedLookup, configurable: true, writable: true });

  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]): net.Socket {
    const host = connectHost(args);
    if (host !== undefined && !isLoopbackHost(host)) {
      const error = Object.assign(new Error(`connect to ${host} blocked: tests stay on the loopback`), { code: 'ENETUNREACH' });
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return Reflect.apply(originalConnect, this, args);
  } as typeof net.Socket.prototype.connect;

  return () => {
    Object.defineProperty(dns, 'lookup', { value: originalLookup, configurable: true, writable: true });
    net.Socket.prototype.connect = originalConnect;
  };
}

/** The host a Socket#connect call targets, in any of its call forms; undefined for a local (IPC) path. */
function connectHost(args: unknown[]): string | undefined {
  // Node calls connect internally with one array of already normalised arguments.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const host = Array.isArray(args[0]) ? undefined : args[1];
    return typeof host === 'string' ? host : 'localhost';
  }
  if (first && typeof first === 'object') {
    if ('path' in first && typeof first.path === 'string') return undefined;
    const host = 'host' in first ? first.host : undefined;
    return typeof host === 'string' && host !== '' ? host : 'localhost';
  }
  return undefined;
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  return mapped?.[1] !== undefined && mapped[1].startsWith('127.');
}

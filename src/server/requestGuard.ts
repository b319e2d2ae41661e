import type { IncomingMessage, Server as NodeHttpServer, ServerResponse } from 'node:http';
import { isIPv4, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { parse as legacyParseUrl } from 'node:url';
import type { Logger } from '../log/logger';
import { describeError, isClientFault } from './clientFaults';
import { HttpProblem, writeProblem, writeProblemOnSocket } from './errors';

/**
 * The outermost layer of the HTTP server, between node's parser and restify. restify (and the WebSocket
 * upgrade listeners) assume a request target that parses: a target such as `http://[/x` or `/%ZZ` makes them
 * throw outside any handler, and with `handleUncaughtExceptions: false` one such request used to stop the whole
 * process. Here every request is checked before anyone else sees it, and whatever a listener still throws ends
 * as an answer on that request, never as an uncaught exception.
 */

/** What can be said of a request's target and headers before routing: nothing (it parses), or why not. */
export function findUnparseablePart(req: IncomingMessage): UnparseablePart | undefined {
  const target = req.url ?? '';
  const host = req.headers.host;
  // The requests a server lives on (`/api/messages`, `/v3/directline/…?watermark=3`) are plain: a path of unreserved
  // characters with no escape, no bracket and no second leading slash parses in both parsers and decodes, so the
  // three parses of parseRequestParts are for the others.
  if (isPlainRequest(target, host)) return undefined;
  return parseRequestParts(target, host);
}

export type UnparseablePart = 'target' | 'path' | 'host';

/** True only for targets and hosts that parseRequestParts surely accepts (a property test holds it to that). */
export function isPlainRequest(target: string, host: string | undefined): boolean {
  return PLAIN_TARGET.test(target) && (host === undefined || isPlainHost(host));
}

/** The whole check: the target in both URL parsers, its path decoded, the Host header. */
export function parseRequestParts(target: string, host: string | undefined): UnparseablePart | undefined {
  if (target === '') return 'target';
  let pathname: string;
  try {
    pathname = new URL(target, 'http://placeholder.invalid').pathname;
    // restify reads the target with node's legacy parser, which refuses some hosts the WHATWG parser accepts, and
    // finds no path at all in some it accepts (`//&@x` reads as a host): its router then throws outside any request.
    if (typeof legacyParseUrl(target).pathname !== 'string') return 'target';
  } catch {
    return 'target';
  }
  // Routes and the stream's conversation id are percent-decoded; a broken escape (`%ZZ`, a lone `%E9`) is refused.
  try {
    decodeURIComponent(pathname);
  } catch {
    return 'path';
  }
  if (host !== undefined && !isValidHost(host)) return 'host';
  return undefined;
}

const PLAIN_TARGET = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*$/;
const PLAIN_HOST = /^((?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+)(?::(\d{1,5}))?$/;

/**
 * A host name whose last label is not all digits (a number there makes WHATWG read an IPv4 address, which may not
 * parse), or a dotted IPv4 address, with a port up to 65535.
 */
function isPlainHost(host: string): boolean {
  const match = PLAIN_HOST.exec(host);
  if (!match) return false;
  const [, name = '', port] = match;
  if (port !== undefined && Number(port) > 65535) return false;
  const lastLabel = name.slice(name.lastIndexOf('.') + 1);
  return /[A-Za-z]/.test(lastLabel) ? !/^0x/i.test(lastLabel) : isIPv4(name);
}

/** `Host: name[:port]` (RFC 9110 §7.2): a registered name, an IPv4 address or a bracketed IP literal. */
const HOST_SHAPE = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(?::\d{0,5})?$/;

function isValidHost(host: string): boolean {
  if (host === '') return true;
  if (host.length > 255 || !HOST_SHAPE.test(host)) return false;
  try {
    new URL(`http://${host}/`);
    return true;
  } catch {
    return false;
  }
}

export interface DispatchGuardOptions {
  log: Logger;
  /** True while the server shuts down: answers carry `Connection: close`, new upgrades get 503. */
  isDraining: () => boolean;
  /** Called once per request, before it is handed on; `res` is the node response (for counting, timing). */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void;
  /** How many upgrade listeners restify has to forward to; none: the upgrade is answered 404 here. */
  upgradeListenerCount: () => number;
  /** Called for each answer written here on an upgrade socket (restify never sees those). */
  onUpgradeRefused?: (req: IncomingMessage, status: number) => void;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Puts the guard in front of the listeners restify installed on node's server ('request', 'checkContinue',
 * 'upgrade'), and answers what restify leaves to node's defaults ('clientError', 'connect') so every socket
 * gets an answer in the catalogue's shape. Call once, right after restify.createServer.
 */
export function guardDispatch(node: NodeHttpServer, options: DispatchGuardOptions): void {
  const { log } = options;

  for (const event of ['request', 'checkContinue'] as const) {
    const listeners = node.listeners(event) as RequestListener[];
    node.removeAllListeners(event);
    node.on(event, (req: IncomingMessage, res: ServerResponse) => {
      try {
        options.onRequest?.(req, res);
        const unparseable = findUnparseablePart(req);
        if (unparseable) {
          log.info({ method: req.method, part: unparseable }, 'request refused: cannot be parsed');
          // The body (if any) was not read: close after answering so it cannot be taken for a next request.
          writeProblem(res, new HttpProblem('bad_request', undefined, unparseable), { closeConnection: true });
          return;
        }
        // Keep-alive clients are told to go elsewhere for their next request while the server drains.
        if (options.isDraining()) res.setHeader('Connection', 'close');
        for (const listener of listeners) listener.call(node, req, res);
      } catch (error) {
        log.error({ err: describeError(error), method: req.method }, 'request dispatch failed');
        if (res.headersSent) res.destroy();
        else writeProblem(res, new HttpProblem('internal_error'), { closeConnection: true });
      }
    });
  }

  // restify forwards node's 'upgrade' to its own listeners (the Direct Line stream); they run inside the guard.
  const upgradeListeners = node.listeners('upgrade') as UpgradeListener[];
  node.removeAllListeners('upgrade');
  const refuseUpgrade = (req: IncomingMessage, socket: Duplex, problem: HttpProblem) => {
    options.onUpgradeRefused?.(req, problem.status);
    writeProblemOnSocket(socket, problem);
  };
  node.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A socket error after the hand-over would otherwise have no listener and stop the process.
    socket.on('error', (error) => log.debug({ fault: describeError(error) }, 'upgrade socket error'));
    try {
      const unparseable = findUnparseablePart(req);
      if (unparseable) {
        log.info({ part: unparseable }, 'upgrade refused: cannot be parsed');
        refuseUpgrade(req, socket, new HttpProblem('bad_request', undefined, unparseable));
        return;
      }
      if (options.isDraining()) {
        refuseUpgrade(req, socket, new HttpProblem('shutting_down'));
        return;
      }
      if (options.upgradeListenerCount() === 0) {
        refuseUpgrade(req, socket, new HttpProblem('not_found'));
        return;
      }
      for (const listener of upgradeListeners) listener.call(node, req, socket, head);
    } catch (error) {
      log.error({ err: describeError(error) }, 'upgrade failed');
      refuseUpgrade(req, socket, new HttpProblem('internal_error'));
    }
  });

  // node's default for a request it cannot parse is a bare 400; this gives the catalogue's answer and a log line.
  node.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Logged under `fault`, not `err`: pino's error serializer would add a stack to what is the client's doing.
    if (isClientFault(error)) log.info({ fault: describeError(error) }, 'client error');
    else log.warn({ err: describeError(error) }, 'client error');
    // Once part of an answer went out, a second one would corrupt it: just close.
    const bytesWritten = socket instanceof Socket ? socket.bytesWritten : 0;
    if (error.code === 'ECONNRESET' || !socket.writable || bytesWritten > 0) {
      socket.destroy();
      return;
    }
    writeProblemOnSocket(socket, problemForClientError(error));
  });

  // CONNECT asks for a tunnel; node would drop the socket without a word.
  node.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    log.info({ method: req.method }, 'request refused: CONNECT');
    writeProblemOnSocket(socket, new HttpProblem('method_not_allowed'));
  });
}

function problemForClientError(error: NodeJS.ErrnoException): HttpProblem {
  if (error.code === 'HPE_HEADER_OVERFLOW') return new HttpProblem('headers_too_large');
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new HttpProblem('request_timeout');
  return new HttpProblem('bad_request');
}

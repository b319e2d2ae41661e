"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findUnparseablePart = findUnparseablePart;
exports.isPlainRequest = isPlainRequest;
exports.parseRequestParts = parseRequestParts;
exports.guardDispatch = guardDispatch;
const node_net_1 = require("node:net");
const node_url_1 = require("node:url");
const clientFaults_1 = require("./clientFaults");
const errors_1 = require("./errors");
/**
 * The outermost layer of the HTTP server, between node's parser and restify. restify (and the WebSocket
 * upgrade listeners) assume a request target that parses: a target such as `http://[/x` or `/%ZZ` makes them
 * throw outside any handler, and with `handleUncaughtExceptions: false` one such request used to stop the whole
 * process. Here every request is checked before anyone else sees it, and whatever a listener still throws ends
 * as an answer on that request, never as an uncaught exception.
 */
/** What can be said of a request's target and headers before routing: nothing (it parses), or why not. */
function findUnparseablePart(req) {
    const target = req.url ?? '';
    const host = req.headers.host;
    // The requests a server lives on (`/api/messages`, `/v3/directline/…?watermark=3`) are plain: a path of unreserved
    // characters with no escape, no bracket and no second leading slash parses in both parsers and decodes, so the
    // three parses of parseRequestParts are for the others.
    if (isPlainRequest(target, host))
        return undefined;
    return parseRequestParts(target, host);
}
/** True only for targets and hosts that parseRequestParts surely accepts (a property test holds it to that). */
function isPlainRequest(target, host) {
    return PLAIN_TARGET.test(target) && (host === undefined || isPlainHost(host));
}
/** The whole check: the target in both URL parsers, its path decoded, the Host header. */
function parseRequestParts(target, host) {
    if (target === '')
        return 'target';
    let pathname;
    try {
        pathname = new URL(target, 'http://placeholder.invalid').pathname;
        // restify reads the target with node's legacy parser, which refuses some hosts the WHATWG parser accepts.
        (0, node_url_1.parse)(target);
    }
    catch {
        return 'target';
    }
    // Routes and the stream's conversation id are percent-decoded; a broken escape (`%ZZ`, a lone `%E9`) is refused.
    try {
        decodeURIComponent(pathname);
    }
    catch {
        return 'path';
    }
    if (host !== undefined && !isValidHost(host))
        return 'host';
    return undefined;
}
const PLAIN_TARGET = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*$/;
const PLAIN_HOST = /^((?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+)(?::(\d{1,5}))?$/;
/**
 * A host name whose last label is not all digits (a number there makes WHATWG read an IPv4 address, which may not
 * parse), or a dotted IPv4 address, with a port up to 65535.
 */
function isPlainHost(host) {
    const match = PLAIN_HOST.exec(host);
    if (!match)
        return false;
    const [, name = '', port] = match;
    if (port !== undefined && Number(port) > 65535)
        return false;
    const lastLabel = name.slice(name.lastIndexOf('.') + 1);
    return /[A-Za-z]/.test(lastLabel) ? !/^0x/i.test(lastLabel) : (0, node_net_1.isIPv4)(name);
}
/** `Host: name[:port]` (RFC 9110 §7.2): a registered name, an IPv4 address or a bracketed IP literal. */
const HOST_SHAPE = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(?::\d{0,5})?$/;
function isValidHost(host) {
    if (host === '')
        return true;
    if (host.length > 255 || !HOST_SHAPE.test(host))
        return false;
    try {
        new URL(`http://${host}/`);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Puts the guard in front of the listeners restify installed on node's server ('request', 'checkContinue',
 * 'upgrade'), and answers what restify leaves to node's defaults ('clientError', 'connect') so every socket
 * gets an answer in the catalogue's shape. Call once, right after restify.createServer.
 */
function guardDispatch(node, options) {
    const { log } = options;
    for (const event of ['request', 'checkContinue']) {
        const listeners = node.listeners(event);
        node.removeAllListeners(event);
        node.on(event, (req, res) => {
            try {
                options.onRequest?.(req, res);
                const unparseable = findUnparseablePart(req);
                if (unparseable) {
                    log.info({ method: req.method, part: unparseable }, 'request refused: cannot be parsed');
                    // The body (if any) was not read: close after answering so it cannot be taken for a next request.
                    (0, errors_1.writeProblem)(res, new errors_1.HttpProblem('bad_request', undefined, unparseable), { closeConnection: true });
                    return;
                }
                // Keep-alive clients are told to go elsewhere for their next request while the server drains.
                if (options.isDraining())
                    res.setHeader('Connection', 'close');
                for (const listener of listeners)
                    listener.call(node, req, res);
            }
            catch (error) {
                log.error({ err: (0, clientFaults_1.describeError)(error), method: req.method }, 'request dispatch failed');
                if (res.headersSent)
                    res.destroy();
                else
                    (0, errors_1.writeProblem)(res, new errors_1.HttpProblem('internal_error'), { closeConnection: true });
            }
        });
    }
    // restify forwards node's 'upgrade' to its own listeners (the Direct Line stream); they run inside the guard.
    const upgradeListeners = node.listeners('upgrade');
    node.removeAllListeners('upgrade');
    const refuseUpgrade = (req, socket, problem) => {
        options.onUpgradeRefused?.(req, problem.status);
        (0, errors_1.writeProblemOnSocket)(socket, problem);
    };
    node.on('upgrade', (req, socket, head) => {
        // A socket error after the hand-over would otherwise have no listener and stop the process.
        socket.on('error', (error) => log.debug({ fault: (0, clientFaults_1.describeError)(error) }, 'upgrade socket error'));
        try {
            const unparseable = findUnparseablePart(req);
            if (unparseable) {
                log.info({ part: unparseable }, 'upgrade refused: cannot be parsed');
                refuseUpgrade(req, socket, new errors_1.HttpProblem('bad_request', undefined, unparseable));
                return;
            }
            if (options.isDraining()) {
                refuseUpgrade(req, socket, new errors_1.HttpProblem('shutting_down'));
                return;
            }
            if (options.upgradeListenerCount() === 0) {
                refuseUpgrade(req, socket, new errors_1.HttpProblem('not_found'));
                return;
            }
            for (const listener of upgradeListeners)
                listener.call(node, req, socket, head);
        }
        catch (error) {
            log.error({ err: (0, clientFaults_1.describeError)(error) }, 'upgrade failed');
            refuseUpgrade(req, socket, new errors_1.HttpProblem('internal_error'));
        }
    });
    // node's default for a request it cannot parse is a bare 400; this gives the catalogue's answer and a log line.
    node.on('clientError', (error, socket) => {
        // Logged under `fault`, not `err`: pino's error serializer would add a stack to what is the client's doing.
        if ((0, clientFaults_1.isClientFault)(error))
            log.info({ fault: (0, clientFaults_1.describeError)(error) }, 'client error');
        else
            log.warn({ err: (0, clientFaults_1.describeError)(error) }, 'client error');
        // Once part of an answer went out, a second one would corrupt it: just close.
        const bytesWritten = socket instanceof node_net_1.Socket ? socket.bytesWritten : 0;
        if (error.code === 'ECONNRESET' || !socket.writable || bytesWritten > 0) {
            socket.destroy();
            return;
        }
        (0, errors_1.writeProblemOnSocket)(socket, problemForClientError(error));
    });
    // CONNECT asks for a tunnel; node would drop the socket without a word.
    node.on('connect', (req, socket) => {
        socket.on('error', () => undefined);
        log.info({ method: req.method }, 'request refused: CONNECT');
        (0, errors_1.writeProblemOnSocket)(socket, new errors_1.HttpProblem('method_not_allowed'));
    });
}
function problemForClientError(error) {
    if (error.code === 'HPE_HEADER_OVERFLOW')
        return new errors_1.HttpProblem('headers_too_large');
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
        return new errors_1.HttpProblem('request_timeout');
    return new errors_1.HttpProblem('bad_request');
}
//# sourceMappingURL=requestGuard.js.map
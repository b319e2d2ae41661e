"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClientAbortedError = exports.HttpProblem = exports.normaliseAddress = exports.comesThroughTrustedProxy = exports.clientAddress = exports.addressKey = void 0;
exports.sendJson = sendJson;
exports.sendJsonText = sendJsonText;
exports.sendProblem = sendProblem;
exports.readJsonBody = readJsonBody;
exports.bearerToken = bearerToken;
exports.queryParam = queryParam;
exports.applyCors = applyCors;
exports.sendPreflight = sendPreflight;
/**
 * Small HTTP pieces shared by the Direct Line routes and the widget's token route: bounded JSON bodies,
 * errors in Direct Line's `{error: {code, message}}` shape, CORS for pages on other sites.
 */
// The caller's address is the server's concern, shared with /api/messages.
var clientAddress_1 = require("../server/clientAddress");
Object.defineProperty(exports, "addressKey", { enumerable: true, get: function () { return clientAddress_1.addressKey; } });
Object.defineProperty(exports, "clientAddress", { enumerable: true, get: function () { return clientAddress_1.clientAddress; } });
Object.defineProperty(exports, "comesThroughTrustedProxy", { enumerable: true, get: function () { return clientAddress_1.comesThroughTrustedProxy; } });
Object.defineProperty(exports, "normaliseAddress", { enumerable: true, get: function () { return clientAddress_1.normaliseAddress; } });
class HttpProblem extends Error {
    status;
    code;
    headers;
    constructor(status, code, message, headers = {}) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = headers;
        this.name = 'HttpProblem';
    }
}
exports.HttpProblem = HttpProblem;
function sendJson(res, status, body, headers = {}) {
    if (res.headersSent)
        return;
    const payload = JSON.stringify(body);
    res.writeHead(status, {
        ...headers,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(payload)),
        'Cache-Control': 'no-store',
    });
    res.end(payload);
}
/** A body already serialised (activities kept as JSON text are sent as they are). */
function sendJsonText(res, status, payload) {
    if (res.headersSent)
        return;
    res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(payload)),
        'Cache-Control': 'no-store',
    });
    res.end(payload);
}
function sendProblem(res, problem) {
    sendJson(res, problem.status, { error: { code: problem.code, message: problem.message } }, problem.headers);
}
/** The client went away before its body's end: its own doing, logged at info, not an error of ours. */
class ClientAbortedError extends Error {
    constructor() {
        super('The client closed the connection before the end of its request.');
        this.name = 'ClientAbortedError';
    }
}
exports.ClientAbortedError = ClientAbortedError;
/**
 * Reads the request body as JSON, refusing more than `maxBodyBytes` (413), bad JSON (400) and values nested
 * deeper than `maxJsonDepth` (400). An empty body reads as undefined. Rejects with ClientAbortedError when
 * the client leaves mid-body.
 *
 * A body over the limit is still read and dropped, within bounds, after the refusal: a server that closes a
 * socket while the client is still sending makes the kernel answer with a reset, and the client then loses
 * the 413 it was about to read. Past the bounds (a client that never stops) the connection is cut.
 */
async function readJsonBody(req, limits) {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
        drainRefusedBody(req, 0, limits);
        throw tooLarge(limits.maxBodyBytes);
    }
    const raw = await new Promise((resolve, reject) => {
        const chunks = [];
        let received = 0;
        const cleanUp = () => {
            req.off('data', onData);
            req.off('end', onEnd);
            req.off('error', onGone);
            req.off('close', onClose);
        };
        const onData = (chunk) => {
            received += chunk.length;
            if (received > limits.maxBodyBytes) {
                cleanUp();
                drainRefusedBody(req, received, limits);
                reject(tooLarge(limits.maxBodyBytes));
                return;
            }
            chunks.push(chunk);
        };
        const onEnd = () => {
            cleanUp();
            resolve(Buffer.concat(chunks));
        };
        const onGone = () => {
            cleanUp();
            reject(new ClientAbortedError());
        };
        const onClose = () => {
            if (!req.complete)
                onGone();
        };
        if (req.readableEnded) {
            resolve(Buffer.alloc(0));
            return;
        }
        // Gone before its body was asked for (while the conversation was being looked up): no event will come.
        if (req.destroyed && !req.complete) {
            reject(new ClientAbortedError());
            return;
        }
        req.on('data', onData);
        req.once('end', onEnd);
        req.once('error', onGone);
        req.once('close', onClose);
    });
    const text = raw.toString('utf8').trim();
    if (!text)
        return undefined;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new HttpProblem(400, 'BadArgument', 'The body is not valid JSON.');
    }
    if (depthExceeds(value, limits.maxJsonDepth))
        throw new HttpProblem(400, 'BadArgument', `The body is nested deeper than ${limits.maxJsonDepth} levels.`);
    return value;
}
/** Reads and drops the rest of a refused body, within bounds; the 413 is answered meanwhile. */
function drainRefusedBody(req, alreadyRead, limits) {
    let drained = alreadyRead;
    const cut = () => {
        req.off('data', onData);
        req.socket.destroy();
    };
    const timer = setTimeout(cut, limits.drainMs);
    timer.unref();
    const onData = (chunk) => {
        drained += chunk.length;
        if (drained > limits.maxDrainBytes) {
            clearTimeout(timer);
            cut();
        }
    };
    req.on('data', onData);
    req.once('close', () => clearTimeout(timer));
    req.once('end', () => clearTimeout(timer));
    // An abort while draining is the client's business, not an error event left without a listener.
    req.on('error', () => undefined);
    req.resume();
}
function tooLarge(maxBytes) {
    return new HttpProblem(413, 'MessageSizeTooBig', `The body is larger than ${maxBytes} bytes.`);
}
/** Iterative, so a hostile body cannot exhaust the stack. */
function depthExceeds(root, maxDepth) {
    const pending = [{ value: root, depth: 1 }];
    while (pending.length > 0) {
        const { value, depth } = pending.pop();
        if (value === null || typeof value !== 'object')
            continue;
        if (depth > maxDepth)
            return true;
        for (const child of Object.values(value))
            pending.push({ value: child, depth: depth + 1 });
    }
    return false;
}
/** The bearer token of the request, or undefined. */
function bearerToken(req) {
    const header = req.headers.authorization;
    if (!header)
        return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
}
/** The query of a request URL, read here so the routes do not depend on a query-parser plugin being installed. */
function queryParam(req, name) {
    const url = URL.parse(req.url ?? '/', 'http://localhost');
    if (!url)
        throw new HttpProblem(400, 'BadArgument', 'The request target cannot be read.');
    return url.searchParams.get(name) ?? undefined;
}
const HEADER_LIST_PATTERN = /^[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*$/;
/**
 * CORS for the Direct Line and token routes: any website may embed the widget, and the credentials are bearer
 * tokens, never cookies, so every origin is allowed.
 */
function applyCors(req, res) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
        const requested = req.headers['access-control-request-headers'];
        const allowed = typeof requested === 'string' && HEADER_LIST_PATTERN.test(requested.trim())
            ? requested.trim()
            : 'Authorization, Content-Type, X-Requested-With, x-ms-bot-agent';
        res.setHeader('Access-Control-Allow-Headers', allowed);
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Max-Age', '600');
    }
}
function sendPreflight(req, res) {
    applyCors(req, res);
    res.writeHead(204, { 'Content-Length': '0' });
    res.end();
}
//# sourceMappingURL=httpUtils.js.map
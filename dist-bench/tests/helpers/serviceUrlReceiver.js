"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SilentServiceUrl = exports.ServiceUrlReceiver = void 0;
const node_http_1 = __importDefault(require("node:http"));
const node_net_1 = __importDefault(require("node:net"));
const zod_1 = require("zod");
const ReplyActivitySchema = zod_1.z.record(zod_1.z.string(), zod_1.z.unknown());
function readActivity(body) {
    try {
        const parsed = ReplyActivitySchema.safeParse(JSON.parse(body.toString('utf8')));
        return parsed.success ? parsed.data : undefined;
    }
    catch {
        return undefined;
    }
}
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
function looksLikeJsonObject(body) {
    return body.length >= 2 && body[0] === OPEN_BRACE && body[body.length - 1] === CLOSE_BRACE;
}
const ACTIVITY_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/;
class ServiceUrlReceiver {
    server;
    serviceUrl;
    keepReplies;
    replies = [];
    /** Requests the receiver could not make sense of (wrong path, not JSON): a bot bug, visible to tests. */
    unexpected = [];
    waiters = [];
    /** Every reply accepted, kept or not. */
    replyCount = 0;
    constructor(server, serviceUrl, keepReplies) {
        this.server = server;
        this.serviceUrl = serviceUrl;
        this.keepReplies = keepReplies;
    }
    /**
     * `keepReplies: false` only counts them: the bench shares its process with the bot it measures, and ten
     * thousand kept replies would make the bot pay for the channel's memory in garbage collection.
     */
    static async start(options = {}) {
        let receiver;
        const server = node_http_1.default.createServer((req, res) => receiver?.handle(req, res));
        server.keepAliveTimeout = 5000;
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        const address = server.address();
        if (!address || typeof address === 'string')
            throw new Error('the receiver has no TCP address');
        receiver = new ServiceUrlReceiver(server, `http://127.0.0.1:${address.port}/`, options.keepReplies ?? true);
        return receiver;
    }
    handle(req, res) {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => {
            const url = req.url ?? '';
            const match = ACTIVITY_PATH.exec(url);
            const body = Buffer.concat(chunks);
            const activity = this.keepReplies ? readActivity(body) : undefined;
            // Counting only, the receiver checks that a JSON object came and leaves its parsing out: in the bench it shares
            // the process of the bot it measures, and a channel's parsing of the replies is not the bot's cost.
            const received = this.keepReplies ? activity !== undefined : looksLikeJsonObject(body);
            if ((req.method === 'POST' || req.method === 'PUT') && match?.[1] && received) {
                const id = `reply-${++this.replyCount}`;
                if (this.keepReplies) {
                    this.replies.push({
                        conversationId: decodeURIComponent(match[1]),
                        replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
                        activity: activity ?? {},
                        receivedAt: performance.now(),
                    });
                    this.notify();
                }
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end(JSON.stringify({ id }));
                return;
            }
            this.unexpected.push({ method: req.method ?? '?', url });
            res.writeHead(404, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { code: 'NotFound', message: 'not a Bot Connector activities route' } }));
        });
    }
    repliesTo(conversationId) {
        return this.replies.filter((reply) => reply.conversationId === conversationId);
    }
    /** Resolves once `check` holds (checked at each reply), or rejects after timeoutMs. */
    waitUntil(check, timeoutMs = 5000) {
        if (check())
            return Promise.resolve();
        return new Promise((resolve, reject) => {
            const waiter = {
                check,
                resolve: () => {
                    clearTimeout(timer);
                    resolve();
                },
            };
            const timer = setTimeout(() => {
                this.waiters = this.waiters.filter((other) => other !== waiter);
                reject(new Error(`the expected replies did not arrive within ${timeoutMs} ms (received ${this.replies.length})`));
            }, timeoutMs);
            this.waiters.push(waiter);
        });
    }
    /** Waits for at least `count` replies in one conversation and returns them. */
    async waitForReplies(conversationId, count = 1, timeoutMs = 5000) {
        await this.waitUntil(() => this.repliesTo(conversationId).length >= count, timeoutMs);
        return this.repliesTo(conversationId);
    }
    notify() {
        const ready = this.waiters.filter((waiter) => waiter.check());
        this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
        for (const waiter of ready)
            waiter.resolve();
    }
    clear() {
        this.replies.length = 0;
        this.unexpected.length = 0;
    }
    close() {
        this.server.closeAllConnections();
        return new Promise((resolve) => this.server.close(() => resolve()));
    }
}
exports.ServiceUrlReceiver = ServiceUrlReceiver;
/**
 * A serviceUrl that accepts connections, reads what it is sent and never answers: the channel that held one of the
 * bot's requests for minutes before outbound calls had a timeout. Counts the connections, so a test can tell a retry
 * from a request that was never sent.
 */
class SilentServiceUrl {
    server;
    serviceUrl;
    connections = 0;
    sockets = new Set();
    constructor(server, serviceUrl) {
        this.server = server;
        this.serviceUrl = serviceUrl;
    }
    static async start() {
        let silent;
        const server = node_net_1.default.createServer((socket) => {
            if (!silent)
                return socket.destroy();
            silent.connections++;
            silent.sockets.add(socket);
            socket.on('close', () => silent?.sockets.delete(socket));
            socket.on('error', () => undefined);
            socket.resume();
        });
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        const address = server.address();
        if (!address || typeof address === 'string')
            throw new Error('the silent serviceUrl has no TCP address');
        silent = new SilentServiceUrl(server, `http://127.0.0.1:${address.port}/`);
        return silent;
    }
    /** Connections still open: the bot's client should have given up on each by the time a turn has ended. */
    get openConnections() {
        return this.sockets.size;
    }
    close() {
        for (const socket of this.sockets)
            socket.destroy();
        return new Promise((resolve) => this.server.close(() => resolve()));
    }
}
exports.SilentServiceUrl = SilentServiceUrl;
//# sourceMappingURL=serviceUrlReceiver.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DirectLineStreams = exports.STREAM_CLOSE_CODES = void 0;
const ws_1 = require("ws");
const httpUtils_1 = require("./httpUtils");
const storeFaults_1 = require("./storeFaults");
const transcripts_1 = require("./transcripts");
const watermark_1 = require("./watermark");
/** Close codes a client may see (RFC 6455 §7.4.1). */
exports.STREAM_CLOSE_CODES = Object.freeze({
    /** The conversation ended: idle too long, or made room for a newer one. */
    conversationEnded: 1000,
    /** This server is shutting down; the client reconnects to another instance, or later. */
    goingAway: 1001,
    /** The activities could not be read; the client reconnects from its watermark. */
    internalError: 1011,
});
/** A client that reads slower than the bot writes is dropped past this many unsent bytes. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** At shutdown, sockets that do not finish the closing handshake by then are cut. */
const CLOSE_GRACE_MS = 1000;
class DirectLineStreams {
    options;
    server = new ws_1.WebSocketServer({ noServer: true, maxPayload: 4096 });
    byConversation = new Map();
    /** Streams open or being opened, per address key, and in all: the caps count both. */
    perAddress = new Map();
    total = 0;
    alive = new WeakSet();
    pingTimer;
    catchUpTimer;
    catchingUp = false;
    lastCatchUpFailureLoggedAt = 0;
    pathPattern;
    closing = false;
    constructor(options) {
        this.options = options;
        const prefix = options.basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        this.pathPattern = new RegExp(`^${prefix}/conversations/([^/]+)/stream$`);
        this.pingTimer = setInterval(() => this.pingAll(), options.pingIntervalMs);
        this.pingTimer.unref();
    }
    /** Listens to a store's changes; called once the store exists. */
    attach(transcripts) {
        transcripts.onChange((change) => this.onChange(transcripts, change));
        transcripts.onResync(() => {
            for (const streams of this.byConversation.values())
                for (const stream of streams)
                    void this.pump(transcripts, stream);
        });
        // In one process nothing is missed (the memory store wakes its streams itself): no catch-up there.
        if (transcripts.kind === 'postgres' && !this.closing && !this.catchUpTimer) {
            this.catchUpTimer = setInterval(() => void this.catchUp(transcripts), this.options.catchUpIntervalMs);
            this.catchUpTimer.unref();
        }
    }
    /** True when the request was for a stream of this endpoint (and has been answered); false to let others handle it. */
    handleUpgrade(req, socket, head) {
        try {
            return this.route(req, socket, head);
        }
        catch (error) {
            this.options.log.warn({ err: describe(error) }, 'directline stream request refused');
            return refuse(socket, 400, 'Bad Request');
        }
    }
    get openStreams() {
        let count = 0;
        for (const streams of this.byConversation.values())
            count += streams.size;
        return count;
    }
    async close() {
        this.closing = true;
        clearInterval(this.pingTimer);
        clearInterval(this.catchUpTimer);
        const closed = [];
        for (const streams of this.byConversation.values()) {
            for (const stream of streams)
                closed.push(closeGracefully(stream.ws, exports.STREAM_CLOSE_CODES.goingAway, 'server shutting down'));
        }
        await Promise.all(closed);
        this.byConversation.clear();
        await new Promise((resolve) => this.server.close(() => resolve()));
    }
    route(req, socket, head) {
        const url = URL.parse(req.url ?? '/', 'http://localhost');
        if (!url)
            return refuse(socket, 400, 'Bad Request');
        const match = this.pathPattern.exec(url.pathname);
        if (!match)
            return false;
        let conversationId;
        try {
            conversationId = decodeURIComponent(match[1]);
        }
        catch {
            return refuse(socket, 400, 'Bad Request');
        }
        const key = (0, httpUtils_1.addressKey)((0, httpUtils_1.clientAddress)(req, this.options.trustProxy));
        const rate = this.options.limiter.take(`ip:${key}`);
        if (!rate.allowed)
            return refuse(socket, 429, 'Too Many Requests', { 'Retry-After': String(rate.retryAfterSeconds) });
        const check = this.options.tokens.verify(url.searchParams.get('t') ?? '', 'stream');
        if (!check.ok || check.claims.conv !== conversationId)
            return refuse(socket, 403, 'Forbidden');
        const watermark = (0, watermark_1.parseWatermark)(url.searchParams.get('watermark') ?? undefined);
        if (watermark === undefined)
            return refuse(socket, 400, 'Bad Request');
        if (this.closing)
            return refuse(socket, 503, 'Service Unavailable', { 'Retry-After': '5' });
        if (this.total >= this.options.maxStreams)
            return refuse(socket, 503, 'Service Unavailable', { 'Retry-After': '30' });
        if ((this.perAddress.get(key) ?? 0) >= this.options.maxStreamsPerAddress)
            return refuse(socket, 429, 'Too Many Requests', { 'Retry-After': '30' });
        if ((this.byConversation.get(conversationId)?.size ?? 0) >= this.options.maxStreamsPerConversation) {
            return refuse(socket, 429, 'Too Many Requests', { 'Retry-After': '5' });
        }
        // Counted from here, so many upgrades arriving at once cannot all slip under the caps; given back once,
        // when the socket closes, whether or not it became a stream.
        this.reserve(key);
        socket.once('close', () => this.release(key));
        // The client may go while the conversation is looked up; an error then must not be left unhandled.
        socket.on('error', () => undefined);
        void this.open(req, socket, head, conversationId, watermark).catch((error) => {
            if (error instanceof httpUtils_1.HttpProblem) {
                refuse(socket, error.status, error.status === 503 ? 'Service Unavailable' : 'Bad Request', error.headers);
                return;
            }
            if ((0, storeFaults_1.isTransientStoreError)(error)) {
                // The database is away for a moment: the client reconnects after the delay, as it does for any 503.
                this.options.outage.note(error, { conversationId });
                refuse(socket, 503, 'Service Unavailable', { 'Retry-After': String(storeFaults_1.STORE_RETRY_AFTER_SECONDS) });
                return;
            }
            this.options.log.error({ err: describe(error), conversationId }, 'directline stream could not open');
            refuse(socket, 500, 'Internal Server Error');
        });
        return true;
    }
    async open(req, socket, head, conversationId, watermark) {
        const transcripts = await this.options.transcripts();
        const conversation = await transcripts.get(conversationId);
        if (!conversation) {
            refuse(socket, 404, 'Not Found');
            return;
        }
        await transcripts.touch(conversationId);
        if (socket.destroyed || this.closing) {
            socket.destroy();
            return;
        }
        this.server.handleUpgrade(req, socket, head, (ws) => {
            const stream = { ws, conversationId, sentUpTo: watermark, pumping: false, again: false };
            this.alive.add(ws);
            ws.on('pong', () => this.alive.add(ws));
            // Clients send empty keep-alive messages; nothing a client writes on the stream means anything.
            ws.on('message', () => undefined);
            ws.on('error', (error) => this.options.log.debug({ err: describe(error), conversationId }, 'directline stream error'));
            const streams = this.byConversation.get(conversationId) ?? new Set();
            streams.add(stream);
            this.byConversation.set(conversationId, streams);
            ws.on('close', () => {
                streams.delete(stream);
                if (streams.size === 0 && this.byConversation.get(conversationId) === streams)
                    this.byConversation.delete(conversationId);
            });
            // Registered before the backlog is read, so whatever is appended meanwhile wakes this stream too.
            void this.pump(transcripts, stream);
        });
    }
    onChange(transcripts, change) {
        const streams = this.byConversation.get(change.conversationId);
        if (!streams)
            return;
        for (const stream of streams) {
            if (change.kind === 'ended')
                stream.ws.close(exports.STREAM_CLOSE_CODES.conversationEnded, 'conversation ended');
            else if (change.sequence > stream.sentUpTo)
                void this.pump(transcripts, stream);
        }
    }
    /**
     * The safety net for lost wake-ups: one query for every conversation with a stream here. A stream behind its
     * conversation is woken (it reads what it has not sent, as on any wake-up); a stream on a conversation that
     * is gone is closed as the "ended" wake-up would have. Only the streams open when the query was sent are
     * judged by its answer: one opened since may belong to a conversation started again under the same id.
     */
    async catchUp(transcripts) {
        if (this.catchingUp || this.closing || this.byConversation.size === 0)
            return;
        this.catchingUp = true;
        try {
            const watched = new Map();
            for (const [conversationId, streams] of this.byConversation)
                watched.set(conversationId, [...streams]);
            let lastSequences;
            try {
                lastSequences = await transcripts.lastSequences([...watched.keys()]);
            }
            catch (error) {
                // Nothing is lost by skipping a round (the next one looks again); logged once a minute at most.
                const now = Date.now();
                if (now - this.lastCatchUpFailureLoggedAt >= 60_000) {
                    this.lastCatchUpFailureLoggedAt = now;
                    this.options.log.warn({ err: describe(error), streams: this.openStreams }, 'directline stream catch-up failed; trying again later');
                }
                return;
            }
            if (this.closing)
                return;
            for (const [conversationId, streams] of watched) {
                const last = lastSequences.get(conversationId);
                for (const stream of streams) {
                    if (stream.ws.readyState !== ws_1.WebSocket.OPEN)
                        continue;
                    if (last === undefined)
                        stream.ws.close(exports.STREAM_CLOSE_CODES.conversationEnded, 'conversation ended');
                    else if (last > stream.sentUpTo)
                        void this.pump(transcripts, stream);
                }
            }
        }
        finally {
            this.catchingUp = false;
        }
    }
    /** Sends what came after the last sent activity; one read at a time per stream. */
    async pump(transcripts, stream) {
        if (stream.pumping) {
            stream.again = true;
            return;
        }
        stream.pumping = true;
        try {
            do {
                stream.again = false;
                if (stream.ws.readyState !== ws_1.WebSocket.OPEN)
                    return;
                const page = await transcripts.since(stream.conversationId, stream.sentUpTo);
                if (!page) {
                    stream.ws.close(exports.STREAM_CLOSE_CODES.conversationEnded, 'conversation ended');
                    return;
                }
                if (page.activities.length === 0 || stream.ws.readyState !== ws_1.WebSocket.OPEN)
                    continue;
                if (stream.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
                    stream.ws.terminate();
                    return;
                }
                stream.ws.send((0, transcripts_1.serialiseActivityPage)(page));
                stream.sentUpTo = page.watermark;
            } while (stream.again);
        }
        catch (error) {
            // The client reconnects from the watermark it has, so closing loses nothing; staying open could. An outage
            // fails every stream alike: logged once a minute, not once a stream.
            if ((0, storeFaults_1.isTransientStoreError)(error))
                this.options.outage.note(error, { conversationId: stream.conversationId });
            else
                this.options.log.warn({ err: describe(error), conversationId: stream.conversationId }, 'directline stream could not read the conversation');
            stream.ws.close(exports.STREAM_CLOSE_CODES.internalError, 'try again');
        }
        finally {
            stream.pumping = false;
        }
    }
    reserve(key) {
        this.total++;
        this.perAddress.set(key, (this.perAddress.get(key) ?? 0) + 1);
    }
    release(key) {
        this.total--;
        const count = (this.perAddress.get(key) ?? 1) - 1;
        if (count <= 0)
            this.perAddress.delete(key);
        else
            this.perAddress.set(key, count);
    }
    /** A socket that did not answer the previous ping is dead (a phone that lost its network): drop it. */
    pingAll() {
        for (const streams of this.byConversation.values()) {
            for (const { ws } of streams) {
                if (!this.alive.has(ws)) {
                    ws.terminate();
                    continue;
                }
                this.alive.delete(ws);
                ws.ping();
            }
        }
    }
}
exports.DirectLineStreams = DirectLineStreams;
function closeGracefully(ws, code, reason) {
    if (ws.readyState === ws_1.WebSocket.CLOSED)
        return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
        ws.once('close', () => {
            clearTimeout(timer);
            resolve();
        });
        ws.close(code, reason);
    });
}
function refuse(socket, status, reason, headers = {}) {
    if (socket.destroyed || !socket.writable)
        return true;
    const lines = [`HTTP/1.1 ${status} ${reason}`, 'Connection: close', 'Content-Length: 0', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    socket.end(`${lines.join('\r\n')}\r\n\r\n`);
    return true;
}
function describe(error) {
    return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}
//# sourceMappingURL=streams.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DIRECT_LINE_BASE_PATH = void 0;
exports.directLineEndpointOf = directLineEndpointOf;
exports.registerDirectLine = registerDirectLine;
const node_crypto_1 = require("node:crypto");
const zod_1 = require("zod");
const config_1 = require("../config/config");
const activities_1 = require("./activities");
const httpUtils_1 = require("./httpUtils");
const limits_1 = require("./limits");
const notices_1 = require("./notices");
const rateLimiter_1 = require("./rateLimiter");
const transcriptBackends_1 = require("./transcriptBackends");
const storeFaults_1 = require("./storeFaults");
const streams_1 = require("./streams");
const tokens_1 = require("./tokens");
const transcripts_1 = require("./transcripts");
const turnQueue_1 = require("./turnQueue");
const watermark_1 = require("./watermark");
/**
 * The built-in Direct Line 3.0 endpoint: what Azure's Direct Line service does for Web Chat, served by this
 * process, so the widget works with no Azure account. It is a channel: it hands each activity to the bot
 * through the in-process gateway and keeps the bot's replies for the client's stream or polling.
 *
 * Its conversations live in a TranscriptStore: this process's memory, or PostgreSQL when the application's
 * database is PostgreSQL, so that any instance behind a round-robin balancer can serve any request.
 */
exports.DIRECT_LINE_BASE_PATH = '/v3/directline';
const StartConversationBodySchema = zod_1.z
    .object({
    user: zod_1.z.object({ id: zod_1.z.string().max(256).optional(), name: zod_1.z.string().max(256).optional() }).optional(),
    locale: zod_1.z.string().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/).optional(),
})
    .optional();
const GenerateTokenBodySchema = zod_1.z
    .object({ user: zod_1.z.object({ id: zod_1.z.string().regex(tokens_1.USER_ID_PATTERN).optional() }).optional() })
    .optional();
/** The endpoint registered on each server, so the widget's token route on that server can find it. */
const endpointsByServer = new WeakMap();
function directLineEndpointOf(server) {
    return endpointsByServer.get(server);
}
function registerDirectLine(server, options) {
    const limits = { ...limits_1.DEFAULT_DIRECT_LINE_LIMITS, ...options.limits };
    const now = options.now ?? Date.now;
    const log = options.log.child({ module: 'directline' });
    const trustProxy = options.trustProxy ?? config_1.TRUST_NO_PROXY;
    const bot = options.bot ?? { id: 'maillage', name: 'Maillage' };
    const publicUrl = new URL(options.publicUrl);
    const publicPrefix = publicUrl.pathname.replace(/\/+$/, '');
    const serviceUrl = `${publicUrl.origin}${publicPrefix}${exports.DIRECT_LINE_BASE_PATH}`;
    const secretDigest = options.directLineSecret ? digest(options.directLineSecret) : undefined;
    if (!options.signingKey)
        log.warn('DIRECT_LINE_SIGNING_KEY is not set: built-in Direct Line tokens will not survive a restart nor work across instances');
    const tokens = new tokens_1.DirectLineTokens(options.signingKey, now);
    const requestLimiter = new rateLimiter_1.RateLimiter(limits.requests, now);
    const generateLimiter = new rateLimiter_1.RateLimiter(limits.tokenGenerate, now);
    const postLimiter = new rateLimiter_1.RateLimiter(limits.postsPerConversation, now);
    const turns = new turnQueue_1.TurnQueue();
    const outage = new storeFaults_1.OutageLog(log);
    // The conversations' home is chosen once the database is open (the routes exist before it is).
    let opened;
    let opening;
    let closed = false;
    const transcripts = () => {
        if (opening)
            return opening;
        if (closed)
            return Promise.reject(new httpUtils_1.HttpProblem(503, 'ServiceUnavailable', 'The service is shutting down.', { 'Retry-After': '5' }));
        const store = options.store ? options.store() : undefined;
        if (options.store && !store)
            return Promise.reject(new httpUtils_1.HttpProblem(503, 'ServiceUnavailable', 'The service is starting; try again shortly.', { 'Retry-After': '2' }));
        const attempt = (0, transcriptBackends_1.openTranscriptStore)({ store, redisUrl: options.redisUrl, limits, now, log }).then((chosen) => {
            opened = chosen;
            streams.attach(chosen);
            log.info({ backend: chosen.kind, wakeUps: chosen.kind === 'postgres' ? (options.redisUrl ? 'redis' : 'listen/notify') : 'in-process' }, 'directline conversations ready');
            return chosen;
        });
        opening = attempt;
        // A failure (PostgreSQL unreachable for a moment) is retried by the next request rather than remembered.
        attempt.catch((error) => {
            // An outage is logged (once a minute) by the request that met it; anything else is a fault worth an error.
            if (!(0, storeFaults_1.isTransientStoreError)(error))
                log.error({ err: describeError(error) }, 'directline conversations could not be opened');
            if (opening === attempt)
                opening = undefined;
        });
        return attempt;
    };
    const streams = new streams_1.DirectLineStreams({
        basePath: exports.DIRECT_LINE_BASE_PATH,
        transcripts,
        tokens,
        limiter: requestLimiter,
        trustProxy,
        maxStreamsPerConversation: limits.maxStreamsPerConversation,
        maxStreamsPerAddress: limits.maxStreamsPerAddress,
        maxStreams: limits.maxStreams,
        pingIntervalMs: limits.streamPingIntervalMs,
        catchUpIntervalMs: limits.streamCatchUpIntervalMs,
        outage,
        log,
    });
    const purge = async () => {
        if (!opened)
            return 0;
        const ended = await opened.purge();
        if (ended > 0)
            log.info({ ended }, 'directline conversations ended (idle, or past the budgets)');
        return ended;
    };
    const purgeTimer = setInterval(() => {
        purge().catch((error) => log.warn({ err: describeError(error) }, 'directline purge failed'));
    }, limits.purgeIntervalMs);
    purgeTimer.unref();
    const onUpgrade = (req, socket, head) => {
        try {
            if (streams.handleUpgrade(req, socket, head))
                return;
            // restify forwards every upgrade to its listeners; answer the ones nobody else is there to take.
            if (server.listenerCount('upgrade') === 1)
                socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        }
        catch (error) {
            // handleUpgrade catches its own; this is the last line, so that nothing escapes into the process.
            log.warn({ err: describeError(error) }, 'directline upgrade refused');
            socket.destroy();
        }
    };
    server.on('upgrade', onUpgrade);
    const issue = (conversationId, userId) => tokens.issue(conversationId, userId, 'conversation', limits.tokenLifetimeSeconds);
    const grant = (issued) => ({
        conversationId: issued.claims.conv,
        token: issued.token,
        expires_in: issued.expiresIn,
    });
    const addressOf = (req) => (0, httpUtils_1.addressKey)((0, httpUtils_1.clientAddress)(req, trustProxy));
    /** Wraps a route: CORS, the per-address limit, and problems turned into Direct Line error bodies. */
    const route = (handler) => async (req, res) => {
        (0, httpUtils_1.applyCors)(req, res);
        try {
            const rate = requestLimiter.take(`ip:${addressOf(req)}`);
            if (!rate.allowed)
                throw tooManyRequests(rate.retryAfterSeconds);
            await handler(req, res);
        }
        catch (error) {
            if (error instanceof httpUtils_1.HttpProblem) {
                (0, httpUtils_1.sendProblem)(res, error);
                return;
            }
            if (error instanceof httpUtils_1.ClientAbortedError) {
                // The client's doing (a closed tab, a lost network), not a fault of ours: no stack, no error level.
                log.info({ route: req.getRoute?.()?.path }, 'directline request abandoned by the client');
                return;
            }
            if ((0, storeFaults_1.isTransientStoreError)(error)) {
                // The database went away (restart, fail-over, network cut, pool exhausted): every request fails alike
                // until it is back, so one line a minute says so, and the client is told when to come back.
                outage.note(error, { route: req.getRoute?.()?.path });
                (0, httpUtils_1.sendProblem)(res, (0, storeFaults_1.storeUnavailable)());
                return;
            }
            log.error({ err: error, route: req.getRoute?.()?.path }, 'directline request failed');
            (0, httpUtils_1.sendProblem)(res, new httpUtils_1.HttpProblem(500, 'ServiceError', 'The request could not be handled.'));
        }
    };
    const readBody = (req) => (0, httpUtils_1.readJsonBody)(req, limits);
    const presentsSecret = (req) => {
        const given = (0, httpUtils_1.bearerToken)(req);
        return Boolean(secretDigest && given && (0, node_crypto_1.timingSafeEqual)(digest(given), secretDigest));
    };
    const requireClaims = (req) => {
        const token = (0, httpUtils_1.bearerToken)(req);
        if (!token)
            throw new httpUtils_1.HttpProblem(401, 'BadToken', 'An Authorization: Bearer token is required.');
        const check = tokens.verify(token, 'conversation');
        if (check.ok)
            return check.claims;
        if (check.reason === 'expired')
            throw new httpUtils_1.HttpProblem(403, 'TokenExpired', 'The token has expired.');
        throw new httpUtils_1.HttpProblem(403, 'BadToken', 'The token is not valid.');
    };
    /** The conversation named in the path, reachable only with a token for that very conversation. */
    const requireConversation = async (req) => {
        const claims = requireClaims(req);
        const conversationId = String(req.params?.conversationId ?? '');
        if (claims.conv !== conversationId)
            throw new httpUtils_1.HttpProblem(403, 'Forbidden', 'The token is not for this conversation.');
        const store = await transcripts();
        const conversation = await store.get(conversationId);
        if (!conversation)
            throw conversationNotFound();
        return { store, conversation };
    };
    const requireWatermark = (req) => {
        const watermark = (0, watermark_1.parseWatermark)((0, httpUtils_1.queryParam)(req, 'watermark'));
        if (watermark === undefined)
            throw new httpUtils_1.HttpProblem(400, 'BadArgument', 'The watermark is not valid.');
        return watermark;
    };
    const streamUrl = (req, conversation, watermark) => {
        const ticket = tokens.issue(conversation.id, conversation.userId, 'stream', limits.streamTicketSeconds);
        const query = new URLSearchParams({ watermark: String(watermark), t: ticket.token });
        return `${streamBase(req)}${exports.DIRECT_LINE_BASE_PATH}/conversations/${encodeURIComponent(conversation.id)}/stream?${query}`;
    };
    /**
     * Where the client reaches us: PUBLIC_URL when the request came through it (so https gives wss behind a
     * proxy), else the host the client used, which is what a test or a LAN client on another port sees.
     */
    const streamBase = (req) => {
        const host = req.headers.host;
        if (!host || host === publicUrl.host || !/^[A-Za-z0-9.[\]:-]{1,255}$/.test(host)) {
            return `${publicUrl.protocol === 'https:' ? 'wss' : 'ws'}://${publicUrl.host}${publicPrefix}`;
        }
        const forwardedProto = (0, httpUtils_1.comesThroughTrustedProxy)(req, trustProxy) ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : undefined;
        const secure = req.socket.encrypted === true || forwardedProto === 'https';
        return `${secure ? 'wss' : 'ws'}://${host}`;
    };
    const parties = (conversation) => ({
        conversationId: conversation.id,
        userId: conversation.userId,
        bot,
        locale: conversation.locale,
    });
    /** One turn: the activity to the bot, its replies into the transcript. Throws when the bot fails. */
    const runTurn = async (store, conversation, activity) => {
        const replies = await options.gateway.deliver((0, activities_1.activityForBot)(activity, serviceUrl));
        const replyToId = typeof activity.id === 'string' ? activity.id : undefined;
        for (const [index, raw] of replies.entries()) {
            const reply = activities_1.BotReplySchema.safeParse(raw);
            if (!reply.success) {
                log.warn({ conversationId: conversation.id, index, reason: reply.error.issues[0]?.message }, 'directline skipped a bot reply that is not an activity');
                continue;
            }
            const transcript = (0, activities_1.botReplyToTranscript)(reply.data, parties(conversation), replyToId, new Date(now()));
            if (transcript)
                await store.append(conversation.id, transcript);
        }
    };
    const tellUserBotFailed = async (store, conversation, locale, replyToId) => {
        const notice = {
            type: 'message',
            text: (0, notices_1.botUnavailableNotice)(locale ?? conversation.locale),
            channelId: activities_1.DIRECT_LINE_CHANNEL_ID,
            timestamp: new Date(now()).toISOString(),
            from: { id: bot.id, name: bot.name, role: 'bot' },
            recipient: { id: conversation.userId, role: 'user' },
            conversation: { id: conversation.id },
            replyToId,
        };
        await store.append(conversation.id, notice);
    };
    const base = exports.DIRECT_LINE_BASE_PATH;
    const paths = [
        `${base}/tokens/generate`,
        `${base}/tokens/refresh`,
        `${base}/conversations`,
        `${base}/conversations/:conversationId`,
        `${base}/conversations/:conversationId/activities`,
        `${base}/conversations/:conversationId/upload`,
    ];
    for (const path of paths)
        server.opts(path, async (req, res) => (0, httpUtils_1.sendPreflight)(req, res));
    server.post(`${base}/tokens/generate`, route(async (req, res) => {
        const rate = generateLimiter.take(`ip:${addressOf(req)}`);
        if (!rate.allowed)
            throw tooManyRequests(rate.retryAfterSeconds);
        const body = GenerateTokenBodySchema.safeParse(await readBody(req));
        if (!body.success)
            throw badArgument(body.error);
        let userId = (0, tokens_1.newUserId)();
        if (secretDigest) {
            if (!presentsSecret(req))
                throw new httpUtils_1.HttpProblem(403, 'Forbidden', 'This endpoint gives tokens only for the Direct Line secret.');
            // Like Azure: whoever holds the secret may name the user the token is for.
            userId = body.data?.user?.id ?? userId;
        }
        (0, httpUtils_1.sendJson)(res, 200, grant(issue((0, tokens_1.newConversationId)(), userId)));
    }));
    server.post(`${base}/tokens/refresh`, route(async (req, res) => {
        const claims = requireClaims(req);
        // Web Chat refreshes every 15 minutes while its page is open: a quiet conversation still in view is kept.
        if (opened)
            await opened.touch(claims.conv);
        (0, httpUtils_1.sendJson)(res, 200, grant(issue(claims.conv, claims.user)));
    }));
    server.post(`${base}/conversations`, route(async (req, res) => {
        const body = StartConversationBodySchema.safeParse(await readBody(req));
        if (!body.success)
            throw badArgument(body.error);
        const identity = presentsSecret(req)
            ? { conv: (0, tokens_1.newConversationId)(), user: (0, tokens_1.newUserId)() }
            : requireClaims(req);
        const store = await transcripts();
        const { conversation, created } = await store.start(identity.conv, identity.user, body.data?.locale);
        if (created) {
            log.info({ conversationId: conversation.id }, 'directline conversation started');
            turns
                .enqueue(conversation.id, () => runTurn(store, conversation, (0, activities_1.conversationStartActivity)(parties(conversation), new Date(now()))))
                .catch((error) => log.error({ err: error, conversationId: conversation.id }, 'directline conversationUpdate failed'));
        }
        const issued = issue(conversation.id, conversation.userId);
        (0, httpUtils_1.sendJson)(res, created ? 201 : 200, { ...grant(issued), streamUrl: streamUrl(req, conversation, 0) });
    }));
    server.get(`${base}/conversations/:conversationId`, route(async (req, res) => {
        const { store, conversation } = await requireConversation(req);
        const watermark = requireWatermark(req);
        await store.touch(conversation.id);
        const issued = issue(conversation.id, conversation.userId);
        (0, httpUtils_1.sendJson)(res, 200, { ...grant(issued), streamUrl: streamUrl(req, conversation, watermark) });
    }));
    server.get(`${base}/conversations/:conversationId/activities`, route(async (req, res) => {
        const watermark = requireWatermark(req);
        const { store, conversation } = await requireConversation(req);
        await store.touch(conversation.id);
        const page = await store.since(conversation.id, watermark);
        if (!page)
            throw conversationNotFound();
        (0, httpUtils_1.sendJsonText)(res, 200, (0, transcripts_1.serialiseActivityPage)(page));
    }));
    server.post(`${base}/conversations/:conversationId/activities`, route(async (req, res) => {
        const { store, conversation } = await requireConversation(req);
        const rate = postLimiter.take(`conversation:${conversation.id}`);
        if (!rate.allowed)
            throw tooManyRequests(rate.retryAfterSeconds);
        const body = await readBody(req);
        if (body === undefined)
            throw new httpUtils_1.HttpProblem(400, 'MissingProperty', 'The body must be an activity.');
        const parsed = activities_1.ClientActivitySchema.safeParse(body);
        if (!parsed.success)
            throw badArgument(parsed.error);
        if (parsed.data.type === 'event' && !parsed.data.name)
            throw new httpUtils_1.HttpProblem(400, 'MissingProperty', 'An event activity needs a name.');
        // Kept (and so echoed to the streams) before the bot runs: Web Chat waits for this echo to mark the message sent.
        const transcript = (0, activities_1.userActivityToTranscript)(parsed.data, parties(conversation), new Date(now()));
        const stored = await store.append(conversation.id, transcript, { fromUser: parsed.data.type !== 'typing' });
        if (!stored)
            throw conversationNotFound();
        try {
            await turns.enqueue(conversation.id, () => runTurn(store, conversation, { ...transcript, id: stored.id }));
        }
        catch (error) {
            // The database went away during the turn (the bot's state, its replies): an outage, answered 503 by the
            // route like any other; the notice could not be kept either.
            if ((0, storeFaults_1.isTransientStoreError)(error))
                throw error;
            log.error({ err: error, conversationId: conversation.id, activityId: stored.id }, 'directline bot turn failed');
            await tellUserBotFailed(store, conversation, parsed.data.locale, stored.id);
            throw new httpUtils_1.HttpProblem(502, 'BotError', 'The bot failed to handle the activity.');
        }
        (0, httpUtils_1.sendJson)(res, 200, { id: stored.id });
    }));
    server.post(`${base}/conversations/:conversationId/upload`, route(async (req) => {
        await requireConversation(req);
        throw new httpUtils_1.HttpProblem(501, 'NotImplemented', 'File upload is not offered by this endpoint.');
    }));
    let closing;
    const endpoint = {
        generateToken: () => grant(issue((0, tokens_1.newConversationId)(), (0, tokens_1.newUserId)())),
        get stats() {
            const counts = opened?.counts ?? { conversations: 0, bytes: 0 };
            return { ...counts, streams: streams.openStreams };
        },
        purge,
        close: () => {
            closing ??= (async () => {
                closed = true;
                clearInterval(purgeTimer);
                server.removeListener('upgrade', onUpgrade);
                await streams.close();
                await turns.idle();
                const store = await opening?.catch(() => undefined);
                await store?.close();
            })();
            return closing;
        },
    };
    endpointsByServer.set(server, { endpoint, log: options.log, trustProxy });
    return endpoint;
}
function digest(value) {
    return (0, node_crypto_1.createHash)('sha256').update(value).digest();
}
function tooManyRequests(retryAfterSeconds) {
    return new httpUtils_1.HttpProblem(429, 'TooManyRequests', 'Too many requests; slow down.', { 'Retry-After': String(retryAfterSeconds) });
}
function conversationNotFound() {
    return new httpUtils_1.HttpProblem(404, 'NotFound', 'Unknown or ended conversation.');
}
function describeError(error) {
    return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}
function badArgument(error) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return new httpUtils_1.HttpProblem(400, 'BadArgument', `${where}${issue?.message ?? 'invalid body'}`);
}
//# sourceMappingURL=directLineEndpoint.js.map
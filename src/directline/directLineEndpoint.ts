import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import type restify from 'restify';
import { z } from 'zod';
import type { BotGateway } from '../bot/gateway';
import { type TrustProxy, TRUST_NO_PROXY } from '../config/config';
import type { Logger } from '../log/logger';
import type { Store } from '../storage/store';
import {
  activityForBot,
  type BotAccount,
  BotReplySchema,
  botReplyToTranscript,
  ClientActivitySchema,
  type ConversationParties,
  conversationStartActivity,
  DIRECT_LINE_CHANNEL_ID,
  type TranscriptActivity,
  userActivityToTranscript,
} from './activities';
import {
  addressKey,
  applyCors,
  bearerToken,
  ClientAbortedError,
  clientAddress,
  comesThroughTrustedProxy,
  HttpProblem,
  queryParam,
  readJsonBody,
  sendJson,
  sendJsonText,
  sendPreflight,
  sendProblem,
} from './httpUtils';
import { DEFAULT_DIRECT_LINE_LIMITS, type DirectLineLimits } from './limits';
import { botUnavailableNotice } from './notices';
import { RateLimiter } from './rateLimiter';
import { openTranscriptStore } from './transcriptBackends';
import { isTransientStoreError, OutageLog, storeUnavailable } from './storeFaults';
import { DirectLineStreams } from './streams';
import { DirectLineTokens, type IssuedToken, newConversationId, newUserId, type TokenClaims, USER_ID_PATTERN } from './tokens';
import { type ConversationRecord, serialiseActivityPage, type TranscriptStore } from './transcripts';
import { TurnQueue } from './turnQueue';
import { parseWatermark } from './watermark';

/**
 * The built-in Direct Line 3.0 endpoint: what Azure's Direct Line service does for Web Chat, served by this
 * process, so the widget works with no Azure account. It is a channel: it hands each activity to the bot
 * through the in-process gateway and keeps the bot's replies for the client's stream or polling.
 *
 * Its conversations live in a TranscriptStore: this process's memory, or PostgreSQL when the application's
 * database is PostgreSQL, so that any instance behind a round-robin balancer can serve any request.
 */

export const DIRECT_LINE_BASE_PATH = '/v3/directline';

export interface DirectLineOptions {
  gateway: BotGateway;
  /** The public base URL (PUBLIC_URL): serviceUrl of the activities and, when the request came through it, of streamUrl. */
  publicUrl: string;
  /** Signs tokens; the same on every instance. Without it a random key is drawn at start. */
  signingKey?: string;
  /**
   * The Azure Direct Line secret, when configured: the widget then uses Azure, and this endpoint, like Azure,
   * hands out tokens only to callers that present the secret.
   */
  directLineSecret?: string;
  log: Logger;
  bot?: BotAccount;
  limits?: Partial<DirectLineLimits>;
  /** Whose X-Forwarded-For to believe for the client's address (TRUST_PROXY); default: nobody's. */
  trustProxy?: TrustProxy;
  /**
   * The application's database once it is open (undefined before: conversation requests then get 503).
   * PostgreSQL keeps the conversations there, shared by every instance; SQLite keeps them in this process's
   * memory. Without this option, memory from the start.
   */
  store?: () => Store | undefined;
  /** With PostgreSQL: wake streams across instances through Redis pub/sub instead of LISTEN/NOTIFY. */
  redisUrl?: string;
  /** Milliseconds since the epoch; injectable so token expiry and idle time-outs can be tested. */
  now?: () => number;
}

export interface ConversationGrant {
  conversationId: string;
  token: string;
  expires_in: number;
}

export interface DirectLineEndpoint {
  /** A token for a new conversation, as POST /tokens/generate gives (the widget's token route uses it). */
  generateToken(): ConversationGrant;
  /** Conversations (as of the last purge on PostgreSQL), their bytes, and this process's open streams. */
  readonly stats: { conversations: number; bytes: number; streams: number };
  /** Ends idle conversations now (also done on a timer). */
  purge(): Promise<number>;
  /** Closes the open streams (code 1001) and timers, waits for turns in flight; call before closing the HTTP server. */
  close(): Promise<void>;
}

const StartConversationBodySchema = z
  .object({
    user: z.object({ id: z.string().max(256).optional(), name: z.string().max(256).optional() }).optional(),
    locale: z.string().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/).optional(),
  })
  .optional();

const GenerateTokenBodySchema = z
  .object({ user: z.object({ id: z.string().regex(USER_ID_PATTERN).optional() }).optional() })
  .optional();

type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;

/** The endpoint registered on each server, so the widget's token route on that server can find it. */
const endpointsByServer = new WeakMap<restify.Server, { endpoint: DirectLineEndpoint; log: Logger; trustProxy: TrustProxy }>();

export function directLineEndpointOf(server: restify.Server): { endpoint: DirectLineEndpoint; log: Logger; trustProxy: TrustProxy } | undefined {
  return endpointsByServer.get(server);
}

export function registerDirectLine(server: restify.Server, options: DirectLineOptions): DirectLineEndpoint {
  const limits: DirectLineLimits = { ...DEFAULT_DIRECT_LINE_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const log = options.log.child({ module: 'directline' });
  const trustProxy = options.trustProxy ?? TRUST_NO_PROXY;
  const bot: BotAccount = options.bot ?? { id: 'maillage', name: 'Maillage' };
  const publicUrl = new URL(options.publicUrl);
  const publicPrefix = publicUrl.pathname.replace(/\/+$/, '');
  const serviceUrl = `${publicUrl.origin}${publicPrefix}${DIRECT_LINE_BASE_PATH}`;
  const secretDigest = options.directLineSecret ? digest(options.directLineSecret) : undefined;

  if (!options.signingKey) log.warn('DIRECT_LINE_SIGNING_KEY is not set: built-in Direct Line tokens will not survive a restart nor work across instances');

  const tokens = new DirectLineTokens(options.signingKey, now);
  const requestLimiter = new RateLimiter(limits.requests, now);
  const generateLimiter = new RateLimiter(limits.tokenGenerate, now);
  const postLimiter = new RateLimiter(limits.postsPerConversation, now);
  const turns = new TurnQueue();
  const outage = new OutageLog(log);

  // The conversations' home is chosen once the database is open (the routes exist before it is).
  let opened: TranscriptStore | undefined;
  let opening: Promise<TranscriptStore> | undefined;
  let closed = false;
  const transcripts = (): Promise<TranscriptStore> => {
    if (opening) return opening;
    if (closed) return Promise.reject(new HttpProblem(503, 'ServiceUnavailable', 'The service is shutting down.', { 'Retry-After': '5' }));
    const store = options.store ? options.store() : undefined;
    if (options.store && !store) return Promise.reject(new HttpProblem(503, 'ServiceUnavailable', 'The service is starting; try again shortly.', { 'Retry-After': '2' }));
    const attempt = openTranscriptStore({ store, redisUrl: options.redisUrl, limits, now, log }).then((chosen) => {
      opened = chosen;
      streams.attach(chosen);
      log.info({ backend: chosen.kind, wakeUps: chosen.kind === 'postgres' ? (options.redisUrl ? 'redis' : 'listen/notify') : 'in-process' }, 'directline conversations ready');
      return chosen;
    });
    opening = attempt;
    // A failure (PostgreSQL unreachable for a moment) is retried by the next request rather than remembered.
    attempt.catch((error: unknown) => {
      // An outage is logged (once a minute) by the request that met it; anything else is a fault worth an error.
      if (!isTransientStoreError(error)) log.error({ err: describeError(error) }, 'directline conversations could not be opened');
      if (opening === attempt) opening = undefined;
    });
    return attempt;
  };

  const streams = new DirectLineStreams({
    basePath: DIRECT_LINE_BASE_PATH,
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

  const purge = async (): Promise<number> => {
    if (!opened) return 0;
    const ended = await opened.purge();
    if (ended > 0) log.info({ ended }, 'directline conversations ended (idle, or past the budgets)');
    return ended;
  };
  const purgeTimer = setInterval(() => {
    purge().catch((error: unknown) => log.warn({ err: describeError(error) }, 'directline purge failed'));
  }, limits.purgeIntervalMs);
  purgeTimer.unref();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    try {
      if (streams.handleUpgrade(req, socket, head)) return;
      // restify forwards every upgrade to its listeners; answer the ones nobody else is there to take.
      if (server.listenerCount('upgrade') === 1) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    } catch (error) {
      // handleUpgrade catches its own; this is the last line, so that nothing escapes into the process.
      log.warn({ err: describeError(error) }, 'directline upgrade refused');
      socket.destroy();
    }
  };
  server.on('upgrade', onUpgrade);

  const issue = (conversationId: string, userId: string): IssuedToken =>
    tokens.issue(conversationId, userId, 'conversation', limits.tokenLifetimeSeconds);

  const grant = (issued: IssuedToken): ConversationGrant => ({
    conversationId: issued.claims.conv,
    token: issued.token,
    expires_in: issued.expiresIn,
  });

  const addressOf = (req: IncomingMessage): string => addressKey(clientAddress(req, trustProxy));

  /** Wraps a route: CORS, the per-address limit, and problems turned into Direct Line error bodies. */
  const route =
    (handler: Handler): Handler =>
    async (req, res) => {
      applyCors(req, res);
      try {
        const rate = requestLimiter.take(`ip:${addressOf(req)}`);
        if (!rate.allowed) throw tooManyRequests(rate.retryAfterSeconds);
        await handler(req, res);
      } catch (error) {
        if (error instanceof HttpProblem) {
          sendProblem(res, error);
          return;
        }
        if (error instanceof ClientAbortedError) {
          // The client's doing (a closed tab, a lost network), not a fault of ours: no stack, no error level.
          log.info({ route: req.getRoute?.()?.path }, 'directline request abandoned by the client');
          return;
        }
        if (isTransientStoreError(error)) {
          // The database went away (restart, fail-over, network cut, pool exhausted): every request fails alike
          // until it is back, so one line a minute says so, and the client is told when to come back.
          outage.note(error, { route: req.getRoute?.()?.path });
          sendProblem(res, storeUnavailable());
          return;
        }
        log.error({ err: error, route: req.getRoute?.()?.path }, 'directline request failed');
        sendProblem(res, new HttpProblem(500, 'ServiceError', 'The request could not be handled.'));
      }
    };

  const readBody = (req: IncomingMessage): Promise<unknown> => readJsonBody(req, limits);

  const presentsSecret = (req: IncomingMessage): boolean => {
    const given = bearerToken(req);
    return Boolean(secretDigest && given && timingSafeEqual(digest(given), secretDigest));
  };

  const requireClaims = (req: IncomingMessage): TokenClaims => {
    const token = bearerToken(req);
    if (!token) throw new HttpProblem(401, 'BadToken', 'An Authorization: Bearer token is required.');
    const check = tokens.verify(token, 'conversation');
    if (check.ok) return check.claims;
    if (check.reason === 'expired') throw new HttpProblem(403, 'TokenExpired', 'The token has expired.');
    throw new HttpProblem(403, 'BadToken', 'The token is not valid.');
  };

  /** The conversation named in the path, reachable only with a token for that very conversation. */
  const requireConversation = async (req: restify.Request): Promise<{ store: TranscriptStore; conversation: ConversationRecord }> => {
    const claims = requireClaims(req);
    const conversationId = String(req.params?.conversationId ?? '');
    if (claims.conv !== conversationId) throw new HttpProblem(403, 'Forbidden', 'The token is not for this conversation.');
    const store = await transcripts();
    const conversation = await store.get(conversationId);
    if (!conversation) throw conversationNotFound();
    return { store, conversation };
  };

  const requireWatermark = (req: IncomingMessage): number => {
    const watermark = parseWatermark(queryParam(req, 'watermark'));
    if (watermark === undefined) throw new HttpProblem(400, 'BadArgument', 'The watermark is not valid.');
    return watermark;
  };

  const streamUrl = (req: IncomingMessage, conversation: ConversationRecord, watermark: number): string => {
    const ticket = tokens.issue(conversation.id, conversation.userId, 'stream', limits.streamTicketSeconds);
    const query = new URLSearchParams({ watermark: String(watermark), t: ticket.token });
    return `${streamBase(req)}${DIRECT_LINE_BASE_PATH}/conversations/${encodeURIComponent(conversation.id)}/stream?${query}`;
  };

  /**
   * Where the client reaches us: PUBLIC_URL when the request came through it (so https gives wss behind a
   * proxy), else the host the client used, which is what a test or a LAN client on another port sees.
   */
  const streamBase = (req: IncomingMessage): string => {
    const host = req.headers.host;
    if (!host || host === publicUrl.host || !/^[A-Za-z0-9.[\]:-]{1,255}$/.test(host)) {
      return `${publicUrl.protocol === 'https:' ? 'wss' : 'ws'}://${publicUrl.host}${publicPrefix}`;
    }
    const forwardedProto = comesThroughTrustedProxy(req, trustProxy) ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : undefined;
    const secure = (req.socket as TLSSocket).encrypted === true || forwardedProto === 'https';
    return `${secure ? 'wss' : 'ws'}://${host}`;
  };

  const parties = (conversation: ConversationRecord): ConversationParties => ({
    conversationId: conversation.id,
    userId: conversation.userId,
    bot,
    locale: conversation.locale,
  });

  /** One turn: the activity to the bot, its replies into the transcript. Throws when the bot fails. */
  const runTurn = async (store: TranscriptStore, conversation: ConversationRecord, activity: Record<string, unknown>): Promise<void> => {
    const replies = await options.gateway.deliver(activityForBot(activity, serviceUrl));
    const replyToId = typeof activity.id === 'string' ? activity.id : undefined;
    for (const [index, raw] of replies.entries()) {
      const reply = BotReplySchema.safeParse(raw);
      if (!reply.success) {
        log.warn({ conversationId: conversation.id, index, reason: reply.error.issues[0]?.message }, 'directline skipped a bot reply that is not an activity');
        continue;
      }
      const transcript = botReplyToTranscript(reply.data, parties(conversation), replyToId, new Date(now()));
      if (transcript) await store.append(conversation.id, transcript);
    }
  };

  const tellUserBotFailed = async (store: TranscriptStore, conversation: ConversationRecord, locale: string | undefined, replyToId: string): Promise<void> => {
    const notice: TranscriptActivity = {
      type: 'message',
      text: botUnavailableNotice(locale ?? conversation.locale),
      channelId: DIRECT_LINE_CHANNEL_ID,
      timestamp: new Date(now()).toISOString(),
      from: { id: bot.id, name: bot.name, role: 'bot' },
      recipient: { id: conversation.userId, role: 'user' },
      conversation: { id: conversation.id },
      replyToId,
    };
    await store.append(conversation.id, notice);
  };

  const base = DIRECT_LINE_BASE_PATH;
  const paths = [
    `${base}/tokens/generate`,
    `${base}/tokens/refresh`,
    `${base}/conversations`,
    `${base}/conversations/:conversationId`,
    `${base}/conversations/:conversationId/activities`,
    `${base}/conversations/:conversationId/upload`,
  ];
  for (const path of paths) server.opts(path, async (req, res) => sendPreflight(req, res));

  server.post(
    `${base}/tokens/generate`,
    route(async (req, res) => {
      const rate = generateLimiter.take(`ip:${addressOf(req)}`);
      if (!rate.allowed) throw tooManyRequests(rate.retryAfterSeconds);
      const body = GenerateTokenBodySchema.safeParse(await readBody(req));
      if (!body.success) throw badArgument(body.error);
      let userId = newUserId();
      if (secretDigest) {
        if (!presentsSecret(req)) throw new HttpProblem(403, 'Forbidden', 'This endpoint gives tokens only for the Direct Line secret.');
        // Like Azure: whoever holds the secret may name the user the token is for.
        userId = body.data?.user?.id ?? userId;
      }
      sendJson(res, 200, grant(issue(newConversationId(), userId)));
    }),
  );

  server.post(
    `${base}/tokens/refresh`,
    route(async (req, res) => {
      const claims = requireClaims(req);
      // Web Chat refreshes every 15 minutes while its page is open: a quiet conversation still in view is kept.
      if (opened) await opened.touch(claims.conv);
      sendJson(res, 200, grant(issue(claims.conv, claims.user)));
    }),
  );

  server.post(
    `${base}/conversations`,
    route(async (req, res) => {
      const body = StartConversationBodySchema.safeParse(await readBody(req));
      if (!body.success) throw badArgument(body.error);
      const identity = presentsSecret(req)
        ? { conv: newConversationId(), user: newUserId() }
        : requireClaims(req);
      const store = await transcripts();
      const { conversation, created } = await store.start(identity.conv, identity.user, body.data?.locale);
      if (created) {
        log.info({ conversationId: conversation.id }, 'directline conversation started');
        turns
          .enqueue(conversation.id, () => runTurn(store, conversation, conversationStartActivity(parties(conversation), new Date(now()))))
          .catch((error: unknown) => log.error({ err: error, conversationId: conversation.id }, 'directline conversationUpdate failed'));
      }
      const issued = issue(conversation.id, conversation.userId);
      sendJson(res, created ? 201 : 200, { ...grant(issued), streamUrl: streamUrl(req, conversation, 0) });
    }),
  );

  server.get(
    `${base}/conversations/:conversationId`,
    route(async (req, res) => {
      const { store, conversation } = await requireConversation(req);
      const watermark = requireWatermark(req);
      await store.touch(conversation.id);
      const issued = issue(conversation.id, conversation.userId);
      sendJson(res, 200, { ...grant(issued), streamUrl: streamUrl(req, conversation, watermark) });
    }),
  );

  server.get(
    `${base}/conversations/:conversationId/activities`,
    route(async (req, res) => {
      const watermark = requireWatermark(req);
      const { store, conversation } = await requireConversation(req);
      await store.touch(conversation.id);
      const page = await store.since(conversation.id, watermark);
      if (!page) throw conversationNotFound();
      sendJsonText(res, 200, serialiseActivityPage(page));
    }),
  );

  server.post(
    `${base}/conversations/:conversationId/activities`,
    route(async (req, res) => {
      const { store, conversation } = await requireConversation(req);
      const rate = postLimiter.take(`conversation:${conversation.id}`);
      if (!rate.allowed) throw tooManyRequests(rate.retryAfterSeconds);
      const body = await readBody(req);
      if (body === undefined) throw new HttpProblem(400, 'MissingProperty', 'The body must be an activity.');
      const parsed = ClientActivitySchema.safeParse(body);
      if (!parsed.success) throw badArgument(parsed.error);
      if (parsed.data.type === 'event' && !parsed.data.name) throw new HttpProblem(400, 'MissingProperty', 'An event activity needs a name.');

      // Kept (and so echoed to the streams) before the bot runs: Web Chat waits for this echo to mark the message sent.
      const transcript = userActivityToTranscript(parsed.data, parties(conversation), new Date(now()));
      const stored = await store.append(conversation.id, transcript, { fromUser: parsed.data.type !== 'typing' });
      if (!stored) throw conversationNotFound();
      try {
        await turns.enqueue(conversation.id, () => runTurn(store, conversation, { ...transcript, id: stored.id }));
      } catch (error) {
        // The database went away during the turn (the bot's state, its replies): an outage, answered 503 by the
        // route like any other; the notice could not be kept either.
        if (isTransientStoreError(error)) throw error;
        log.error({ err: error, conversationId: conversation.id, activityId: stored.id }, 'directline bot turn failed');
        await tellUserBotFailed(store, conversation, parsed.data.locale, stored.id);
        throw new HttpProblem(502, 'BotError', 'The bot failed to handle the activity.');
      }
      sendJson(res, 200, { id: stored.id });
    }),
  );

  server.post(
    `${base}/conversations/:conversationId/upload`,
    route(async (req) => {
      await requireConversation(req);
      throw new HttpProblem(501, 'NotImplemented', 'File upload is not offered by this endpoint.');
    }),
  );

  let closing: Promise<void> | undefined;
  const endpoint: DirectLineEndpoint = {
    generateToken: () => grant(issue(newConversationId(), newUserId())),
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

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function tooManyRequests(retryAfterSeconds: number): HttpProblem {
  return new HttpProblem(429, 'TooManyRequests', 'Too many requests; slow down.', { 'Retry-After': String(retryAfterSeconds) });
}

function conversationNotFound(): HttpProblem {
  return new HttpProblem(404, 'NotFound', 'Unknown or ended conversation.');
}

function describeError(error: unknown): { name?: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}

function badArgument(error: z.ZodError): HttpProblem {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return new HttpProblem(400, 'BadArgument', `${where}${issue?.message ?? 'invalid body'}`);
}


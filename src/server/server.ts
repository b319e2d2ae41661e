import type { IncomingMessage, ServerResponse } from 'node:http';
import restify from 'restify';
import type { Logger } from '../log/logger';
import type { Metrics, TurnOutcome } from '../metrics';
import { checkActivityRequest } from './activityGuard';
import { describeError, isClientFault } from './clientFaults';
import { answeredProblem, HttpProblem, sendProblem } from './errors';
import { DEFAULT_JSON_BODY_LIMITS, type JsonBodyLimits } from './jsonBody';
import { guardDispatch } from './requestGuard';

/** What the HTTP layer needs from the rest of the application. */
export interface HttpServerOptions {
  log: Logger;
  /** True once knowledge is loaded and the database open: /healthz answers 200 only then. */
  isReady: () => boolean;
  /**
   * Hands a checked Bot Framework request to the adapter. `req.body` holds the parsed activity (the adapter
   * reads it there) and the Authorization header is untouched, so channel authentication happens in the adapter.
   * An HttpProblem thrown here (a refused token) is answered from the catalogue; anything else is a 500.
   */
  handleActivity: (req: restify.Request, res: restify.Response) => Promise<void>;
  /** Limits of the /api/messages body; the defaults are documented in docs/errors.md. */
  bodyLimits?: Partial<JsonBodyLimits>;
  /** Set (METRICS=true): answers are counted and GET /metrics serves them; unset: /metrics is a 404. */
  metrics?: Metrics;
}

export interface HttpServer {
  readonly server: restify.Server;
  listen(port: number, host?: string): Promise<number>;
  /**
   * Requests received and not yet answered (WebSocket streams are not requests), and channel turns not yet over
   * (a turn goes on when its client has gone away).
   */
  readonly inFlight: number;
  /**
   * The start of a shutdown: stops accepting connections, /healthz says 503 so a load balancer looks elsewhere,
   * answers carry `Connection: close`, new WebSocket upgrades get 503. Requests in flight go on.
   */
  stopAccepting(): void;
  /** Resolves once no request is in flight, or after `timeoutMs`; with the number still in flight. */
  settled(timeoutMs: number): Promise<number>;
  /** Stops accepting (if not yet) and resolves when every connection has ended; idle ones are closed. */
  close(): Promise<void>;
}

const OTHER_METHODS = ['get', 'put', 'patch', 'del', 'head', 'opts'] as const;

/** Once no request is in flight, keep-alive connections that do not go away by themselves are cut after this. */
const CLOSE_CONNECTIONS_AFTER_MS = 2_000;
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { log, metrics } = options;
  const limits: JsonBodyLimits = { ...DEFAULT_JSON_BODY_LIMITS, ...options.bodyLimits };
  const server = restify.createServer({ name: 'maillage', handleUncaughtExceptions: false });
  const node = server.server;
  // A client reuses an idle keep-alive socket until a second before the time the server announced; with node's 5 s, a
  // busy moment let the server close a socket a client was already sending on (ECONNRESET, a lost turn). Longer than
  // the idle timeout of the proxies a bot sits behind (60 s is the usual), so the proxy always closes first; the
  // drain below closes idle sockets at once, so a shutdown does not wait for it.
  node.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;

  let draining = false;
  let unanswered = 0;
  /**
   * Channel turns still running. A response's 'close' comes as soon as its client goes away (a channel that stopped
   * waiting, a reset), while the turn goes on to post its replies and save its state: counted by requests alone, a
   * drain took such a turn for finished and closed the database under it.
   */
  let turnsRunning = 0;
  const pending = () => unanswered + turnsRunning;
  const settledWaiters = new Set<() => void>();
  const wakeIfSettled = () => {
    if (pending() === 0) for (const wake of settledWaiters) wake();
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    unanswered++;
    res.once('close', () => {
      unanswered--;
      wakeIfSettled();
    });
    if (metrics) res.once('finish', () => metrics.recordHttpResponse(pathnameOf(req), res.statusCode, answeredProblem(res)));
  };
  guardDispatch(node, {
    log,
    isDraining: () => draining,
    onRequest,
    upgradeListenerCount: () => server.listenerCount('upgrade'),
    onUpgradeRefused: (req, status) => metrics?.recordHttpResponse(pathnameOf(req), status),
  });

  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    if (draining) res.send(503, { status: 'stopping' });
    else if (options.isReady()) res.send(200, { status: 'ok' });
    else res.send(503, { status: 'starting' });
  });

  if (metrics) {
    server.get('/metrics', async (_req, res) => {
      const { contentType, body } = await metrics.scrape();
      res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
      res.end(body);
    });
  }

  // No bodyParser here: the guard reads the raw body itself (see jsonBody.ts for why).
  server.post('/api/messages', async (req, res) => {
    const started = performance.now();
    const check = await checkActivityRequest(req, limits);
    if (!check.ok) {
      log.info({ route: '/api/messages', status: check.problem.status, code: check.problem.code, field: check.problem.field }, 'request refused');
      sendProblem(res, check.problem, { closeConnection: check.bodyUnread });
      return;
    }
    if (!options.isReady()) {
      sendProblem(res, new HttpProblem('not_ready'));
      return;
    }
    req.body = check.activity;
    const turnEnded = (outcome: TurnOutcome) => metrics?.recordTurn(check.activity.channelId, outcome, (performance.now() - started) / 1000);
    turnsRunning++;
    try {
      await options.handleActivity(req, res);
      turnEnded(res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'refused' : 'ok');
    } catch (error) {
      if (error instanceof HttpProblem) {
        turnEnded(error.status >= 500 ? 'error' : 'refused');
        log.info({ route: '/api/messages', status: error.status, code: error.code }, 'request refused');
        sendProblem(res, error);
        return;
      }
      turnEnded('error');
      if (isClientFault(error) || req.destroyed) {
        // The client left before its answer: nothing failed on our side and nobody is there to read a 500.
        log.info({ fault: describeError(error), route: '/api/messages' }, 'client went away during the turn');
      } else {
        // The adapter answers turn failures itself; reaching here means the adapter failed, not the request.
        log.error({ err: describeError(error), activityType: check.activity.type, channelId: check.activity.channelId }, 'activity handling failed');
      }
      sendProblem(res, new HttpProblem('internal_error'));
    } finally {
      turnsRunning--;
      wakeIfSettled();
    }
    log.debug({ route: '/api/messages', status: res.statusCode, ms: Math.round(performance.now() - started) }, 'activity handled');
  });
  for (const method of OTHER_METHODS) {
    server[method]('/api/messages', async (_req, res) => {
      res.setHeader('Allow', 'POST');
      sendProblem(res, new HttpProblem('method_not_allowed'));
    });
  }

  // restify's own refusals, in the catalogue's shape.
  server.on('NotFound', (_req: restify.Request, res: restify.Response, _err: unknown, callback: () => void) => {
    sendProblem(res, new HttpProblem('not_found'));
    callback();
  });
  server.on('MethodNotAllowed', (_req: restify.Request, res: restify.Response, _err: unknown, callback: () => void) => {
    sendProblem(res, new HttpProblem('method_not_allowed'));
    callback();
  });

  // Registered before any close() so the event cannot be missed; net.Server emits it even if never listening.
  let closed: Promise<void> | undefined;
  const stopAccepting = () => {
    if (closed) return;
    draining = true;
    closed = new Promise((resolve) => node.once('close', () => resolve()));
    node.close();
    node.closeIdleConnections();
  };

  return {
    server,
    get inFlight() {
      return pending();
    },
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stopAccepting,
    settled: (timeoutMs) =>
      new Promise((resolve) => {
        if (pending() === 0) {
          resolve(0);
          return;
        }
        const done = () => {
          clearTimeout(timer);
          settledWaiters.delete(done);
          resolve(pending());
        };
        const timer = setTimeout(done, timeoutMs);
        settledWaiters.add(done);
      }),
    close: async () => {
      stopAccepting();
      // Keep-alive sockets would hold the close open for their idle timeout; requests in flight by now are cut.
      node.closeIdleConnections();
      const cut = setTimeout(() => node.closeAllConnections(), CLOSE_CONNECTIONS_AFTER_MS);
      cut.unref();
      await closed;
      clearTimeout(cut);
    },
  };
}

/** The path of a request for the metrics' route groups; a target that does not parse was refused anyway. */
function pathnameOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://placeholder.invalid').pathname;
  } catch {
    return '';
  }
}

import restify from 'restify';
import type { Logger } from '../log/logger';
import { checkActivityRequest } from './activityGuard';
import { HttpProblem, sendProblem } from './errors';
import { DEFAULT_JSON_BODY_LIMITS, type JsonBodyLimits } from './jsonBody';

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
}

export interface HttpServer {
  readonly server: restify.Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

const OTHER_METHODS = ['get', 'put', 'patch', 'del', 'head', 'opts'] as const;

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { log } = options;
  const limits: JsonBodyLimits = { ...DEFAULT_JSON_BODY_LIMITS, ...options.bodyLimits };
  const server = restify.createServer({ name: 'maillage', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    if (options.isReady()) res.send(200, { status: 'ok' });
    else res.send(503, { status: 'starting' });
  });

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
    try {
      await options.handleActivity(req, res);
    } catch (error) {
      if (error instanceof HttpProblem) {
        log.info({ route: '/api/messages', status: error.status, code: error.code }, 'request refused');
        sendProblem(res, error);
        return;
      }
      // The adapter answers turn failures itself; reaching here means the adapter failed, not the request.
      log.error({ err: describeError(error), activityType: check.activity.type, channelId: check.activity.channelId }, 'activity handling failed');
      sendProblem(res, new HttpProblem('internal_error'));
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

  return {
    server,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        // Keep-alive sockets would hold close() open for their idle timeout; nothing is mid-request at shutdown.
        server.server.closeIdleConnections?.();
        server.close(() => resolve());
      }),
  };
}

function describeError(error: unknown): { name?: string; message?: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}

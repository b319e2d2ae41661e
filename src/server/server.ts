import restify from 'restify';
import type { Logger } from '../log/logger';

/** What the HTTP layer needs from the rest of the application. */
export interface HttpServerOptions {
  log: Logger;
  /** True once knowledge is loaded and the database open: /healthz answers 200 only then. */
  isReady: () => boolean;
  /** Hands a checked Bot Framework request to the adapter (req.body holds the parsed activity). */
  handleActivity: (req: restify.Request, res: restify.Response) => Promise<void>;
}

export interface HttpServer {
  readonly server: restify.Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const server = restify.createServer({ name: 'maillage', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    if (options.isReady()) res.send(200, { status: 'ok' });
    else res.send(503, { status: 'starting' });
  });

  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }),
    async (req, res) => {
      await options.handleActivity(req, res);
    },
  );

  return {
    server,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

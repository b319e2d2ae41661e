import { createApp, DEFAULT_SHUTDOWN_GRACE_MS } from './app';
import { ConfigError, describeConfig, parseConfig, type Config } from './config/config';
import { createLogger } from './log/logger';

/** Beyond the drain's grace: time for the streams, the HTTP server and the database to close. */
const HARD_STOP_MARGIN_MS = 5_000;

/** Starts Maillage: configuration, then the application, then one line saying where it listens. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  log.info({ config: describeConfig(process.env) }, 'configuration');

  const app = await createApp(config, log);
  // SIGTERM (a supervisor, a container stop) and SIGINT (Ctrl-C) drain: no new connection, the turns in flight
  // finish, the widget streams are closed, then the database; exit 0. A second signal, or a drain that hangs past
  // its grace, exits at once (1): the supervisor asked twice, or something is stuck.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, graceMs: DEFAULT_SHUTDOWN_GRACE_MS }, 'stopping');
    setTimeout(() => {
      log.error('shutdown did not finish in time: exiting');
      process.exit(1);
    }, DEFAULT_SHUTDOWN_GRACE_MS + HARD_STOP_MARGIN_MS).unref();
    app.close({ graceMs: DEFAULT_SHUTDOWN_GRACE_MS }).then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const port = await app.http.listen(config.port);
  await app.ready;
  if (stopping) return;
  log.info({ port, publicUrl: config.publicUrl }, 'ready');
  console.log(`Maillage is ready on http://localhost:${port} (bot endpoint: /api/messages, widget: /)`);
}

main().catch((error: unknown) => {
  console.error('Maillage could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

import { createApp } from './app';
import { ConfigError, describeConfig, parseConfig, type Config } from './config/config';
import { createLogger } from './log/logger';

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
  const port = await app.http.listen(config.port);
  await app.ready;
  log.info({ port, publicUrl: config.publicUrl }, 'ready');
  console.log(`Maillage is ready on http://localhost:${port} (bot endpoint: /api/messages, widget: /)`);

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Maillage could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Logger } from '../../src/log/logger';
import { createHttpServer, type HttpServer } from '../../src/server/server';

/**
 * The botbuilder echo bot of the SDK samples, used as a floor: the bench compares Maillage's turn cost with it
 * on the same HTTP stack, and the fuzz test compares our guarded stack with the samples' bare one.
 * botbuilder is imported here (outside src/bot) because this measures the SDK itself, not Maillage.
 */
export function createEchoBot(): ActivityHandler {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });
  return bot;
}

/** A CloudAdapter as the samples make it: without credentials, no channel authentication. */
function createEchoAdapter(): CloudAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context) => {
    await context.sendActivity('The bot encountered an error or bug.');
  };
  return adapter;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The echo bot behind Maillage's own server: createHttpServer, the activity guard, then a CloudAdapter. */
export async function startGuardedEchoServer(log: Logger): Promise<RunningServer & { http: HttpServer }> {
  const adapter = createEchoAdapter();
  const bot = createEchoBot();
  const http = createHttpServer({
    log,
    isReady: () => true,
    handleActivity: (req, res) => adapter.process(req, res, (context) => bot.run(context)),
  });
  const port = await http.listen(0, '127.0.0.1');
  return { http, url: `http://127.0.0.1:${port}/api/messages`, close: () => http.close() };
}

/** The samples' stack as published: restify with its bodyParser, straight into the adapter. */
export async function startBareEchoServer(): Promise<RunningServer> {
  const adapter = createEchoAdapter();
  const bot = createEchoBot();
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}/api/messages`,
    close: () =>
      new Promise((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import path from 'node:path';
import { DateTime } from 'luxon';
import type { BotGateway } from './bot/gateway';
import { createBotRuntime, type BotRuntime } from './bot/runtime';
import type { Config } from './config/config';
import { registerDirectLine, registerWidget } from './directline';
import { CommuneIndex } from './geo';
import type { Logger } from './log/logger';
import { loadOffer, PARIS } from './offer';
import { createHttpServer, type HttpServer } from './server/server';
import { loadSheetKnowledge, SheetIndex } from './sheets';
import { openStore, type Store } from './storage';


export interface App {
  http: HttpServer;
  /** The same bot, for channels that live in this process (terminal chat, built-in Direct Line). */
  gateway: BotGateway;
  /** Settles once the knowledge is loaded and the database open; rejects if either fails. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Wires the application in order: storage → state → knowledge → dialogs → bot → adapters → HTTP.
 * The HTTP server exists from the start so /healthz can say 503 while the knowledge loads.
 */
export async function createApp(config: Config, log: Logger): Promise<App> {
  let running: { runtime: BotRuntime; store: Store } | undefined;

  // The HTTP server answers 503 itself until `running` is set, so these only run once the bot exists.
  const requireRunning = () => {
    if (!running) throw new Error('Maillage is not ready yet');
    return running;
  };
  const http = createHttpServer({
    log,
    isReady: () => running !== undefined,
    handleActivity: async (req, res) => requireRunning().runtime.handleChannelRequest(req, res),
  });

  const gateway: BotGateway = {
    deliver: async (activity) => requireRunning().runtime.gateway.deliver(activity),
  };
  const directLine = registerDirectLine(http.server, {
    gateway,
    publicUrl: config.publicUrl,
    signingKey: config.directLineSigningKey,
    directLineSecret: config.directLineSecret,
    log,
  });
  registerWidget(http.server, { publicUrl: config.publicUrl, directLineSecret: config.directLineSecret });

  const ready = (async () => {
    const store = await openStore(config.databaseUrl, log);
    // Yield once so a /healthz probe that arrived meanwhile is answered (503) before the synchronous load.
    await new Promise((resolve) => setImmediate(resolve));
    const knowledge = loadKnowledge(config.knowledgeDir, log);
    const runtime = createBotRuntime(config, log, store, { ...knowledge, now: () => DateTime.now().setZone(PARIS) });
    running = { runtime, store };
    // The offer's free-text index and the communes' typo lookups are built on first use; build them now, so no
    // parent waits for them.
    setImmediate(() => {
      knowledge.offer.textIndex();
      knowledge.communes.warm();
    });
  })();
  // The caller awaits `ready`; this keeps an early failure from also surfacing as an unhandled rejection.
  ready.catch(() => undefined);

  return {
    http,
    gateway,
    ready,
    async close() {
      // Open widget WebSockets would otherwise keep the HTTP server from closing.
      await directLine.close();
      await http.close();
      await running?.store.close();
    },
  };
}

function loadKnowledge(knowledgeDir: string, log: Logger) {
  const started = performance.now();
  const sheetKnowledge = loadSheetKnowledge(path.join(knowledgeDir, 'sheets'));
  for (const problem of sheetKnowledge.problems) log.warn({ problem }, 'sheet skipped');
  const sheets = SheetIndex.build(sheetKnowledge.sheets);

  const communes = CommuneIndex.load();
  const offerLoad = loadOffer(path.join(knowledgeDir, 'offer'), communes);
  for (const problem of offerLoad.problems) log.warn({ problem }, 'offer record skipped');

  log.info(
    {
      sheets: sheetKnowledge.sheets.length,
      plans: sheetKnowledge.plans.length,
      sheetProblems: sheetKnowledge.problems.length,
      offerProblems: offerLoad.problems.length,
      ms: Math.round(performance.now() - started),
    },
    'knowledge loaded',
  );
  return { sheets, communes, offer: offerLoad.offer };
}

import path from 'node:path';
import { DateTime } from 'luxon';
import type { BotGateway } from './bot/gateway';
import { CONVERSATION_MEMORY_PROPERTY, keepConversationMemory, readConversationMemory } from '../dialogs/conversationMemory';
import { MainDialog } from '../dialogs/mainDialog';
import { createBotRuntime, type BotRuntime } from './bot/runtime';
import type { Config } from './config/config';
import { registerDirectLine, registerWidget } from './directline';
import { CommuneIndex } from './geo';
import type { Logger } from './log/logger';
import type { Metrics } from './metrics';
import type * as MetricsModule from './metrics/metrics';
import { instrumentStore } from './metrics/instrumentedStore';
import { loadOffer, PARIS } from './offer';
import { createHttpServer, type HttpServer } from './server/server';
import { registerReportsApi } from './server/reportsApi';
import { registerSheetPage } from './server/sheetPage';
import { registerLegalPages } from './server/legalPages';
import { registerTab } from './server/tabRoutes';
import { teamsSsoFromConfig } from './server/teamsSso';
import { SheetIndex } from './sheets';
import { sheetCacheDirectory } from './sheets/documents';
import { loadSheetKnowledgeWithDocuments } from './sheets/loader';
import { ComposeMessageExtension } from './bot/messageExtension';
import { sheetLinks } from './cards/sheetLinks';
import { ComposeSearch } from './search/composeSearch';
import { openStore, type Store } from './storage';


export interface App {
  http: HttpServer;
  /** The same bot, for channels that live in this process (terminal chat, built-in Direct Line). */
  gateway: BotGateway;
  /** Settles once the knowledge is loaded and the database open; rejects if either fails. */
  ready: Promise<void>;
  /**
   * Shuts down in order: stop accepting connections, let the turns in flight finish (at most `graceMs`), close the
   * widget streams, close the HTTP server, then the database. SIGTERM calls it (src/index.ts).
   */
  close(options?: CloseOptions): Promise<void>;
}

export interface CloseOptions {
  /** How long turns in flight may take to finish before the server closes anyway. */
  graceMs?: number;
}

/** Long enough for a slow turn (a PostgreSQL round trip under load, a long search), short enough for a supervisor. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/**
 * Wires the application in order: storage → state → knowledge → dialogs → bot → adapters → HTTP.
 * The HTTP server exists from the start so /healthz can say 503 while the knowledge loads.
 */
export async function createApp(config: Config, log: Logger): Promise<App> {
  let running: { runtime: BotRuntime; store: Store; sheets: SheetIndex } | undefined;

  // The HTTP server answers 503 itself until `running` is set, so these only run once the bot exists.
  const requireRunning = () => {
    if (!running) throw new Error('Maillage is not ready yet');
    return running;
  };
  // prom-client is loaded only when metrics are on (it costs start-up time otherwise for nothing).
  const metrics: Metrics | undefined = config.metrics ? (require('./metrics/metrics') as typeof MetricsModule).createMetrics() : undefined;
  const http = createHttpServer({
    log,
    metrics,
    isReady: () => running !== undefined,
    handleActivity: async (req, res) => requireRunning().runtime.handleChannelRequest(req, res),
  });

  // Turns of in-process channels (the built-in Direct Line, the terminal chat): counted so a shutdown waits for them.
  let gatewayTurnsInFlight = 0;
  const gateway: BotGateway = {
    deliver: async (activity) => {
      const started = performance.now();
      gatewayTurnsInFlight++;
      try {
        const replies = await requireRunning().runtime.gateway.deliver(activity);
        metrics?.recordTurn(activity.channelId, 'ok', (performance.now() - started) / 1000);
        return replies;
      } catch (error) {
        metrics?.recordTurn(activity.channelId, 'error', (performance.now() - started) / 1000);
        throw error;
      } finally {
        gatewayTurnsInFlight--;
      }
    },
  };
  const directLine = registerDirectLine(http.server, {
    gateway,
    publicUrl: config.publicUrl,
    signingKey: config.directLineSigningKey,
    directLineSecret: config.directLineSecret,
    trustProxy: config.trustProxy,
    // Its conversations go to the database once it is open: PostgreSQL shares them between instances.
    store: () => running?.store,
    redisUrl: config.redisUrl,
    log,
  });
  metrics?.watchDirectLine(() => directLine.stats);
  registerWidget(http.server, { publicUrl: config.publicUrl, directLineSecret: config.directLineSecret, trustProxy: config.trustProxy });
  registerReportsApi(http.server, { store: () => running?.store, sheets: () => running?.sheets, apiKey: config.reportsApiKey, teamsSso: teamsSsoFromConfig(config), log });
  registerSheetPage(http.server, { sheets: () => running?.sheets, log });
  registerTab(http.server, { log });
  registerLegalPages(http.server, { stateTtlHours: config.stateTtlHours, directLine: config.directLineSecret ? 'azure' : 'builtin', log });

  const ready = (async () => {
    const opened = await openStore(config.databaseUrl, log);
    const store = metrics ? instrumentStore(opened, metrics) : opened;
    // Yield once so a /healthz probe that arrived meanwhile is answered (503) before the load.
    await new Promise((resolve) => setImmediate(resolve));
    const knowledge = await loadKnowledge(config.knowledgeDir, sheetCacheDirectory(config.databaseUrl), log);
    // A card opens a whole sheet at PUBLIC_URL, in Teams' stage view when the app's id is known.
    const links = sheetLinks({ publicUrl: config.publicUrl, ...(config.teamsAppId ? { teamsAppId: config.teamsAppId } : {}) });
    const services = { ...knowledge, store, now: () => DateTime.now().setZone(PARIS), sheetLinks: links };
    const runtime = createBotRuntime(
      config,
      log,
      store,
      {
        memoryProperty: CONVERSATION_MEMORY_PROPERTY,
        readMemory: readConversationMemory,
        keepMemory: keepConversationMemory,
        createHandler: (memory) => new MainDialog(services, memory),
      },
      metrics?.recordTurnFailure,
      new ComposeMessageExtension(new ComposeSearch({ sheets: knowledge.sheets, offer: knowledge.offer, communes: knowledge.communes, reports: store.reports, now: services.now }), links),
    );
    running = { runtime, store, sheets: knowledge.sheets };
    // The offer's free-text index and the communes' typo lookups are built on first use; build them now, so no
    // parent waits for them.
    setImmediate(() => {
      knowledge.offer.textIndex();
      knowledge.communes.warm();
    });
  })();
  // The caller awaits `ready`; this keeps an early failure from also surfacing as an unhandled rejection.
  ready.catch(() => undefined);

  /** Resolves once no HTTP request and no in-process turn is in flight, or after `timeoutMs`; with what is left. */
  const turnsSettled = async (timeoutMs: number): Promise<number> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const remaining = deadline - performance.now();
      await http.settled(Math.max(0, remaining));
      const left = http.inFlight + gatewayTurnsInFlight;
      if (left === 0 || remaining <= 0) return left;
      // An in-process turn (a widget turn started by a request that is already answered) is polled for.
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, remaining)));
    }
  };

  return {
    http,
    gateway,
    ready,
    async close(options: CloseOptions = {}) {
      const graceMs = options.graceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
      http.stopAccepting();
      const unfinished = await turnsSettled(graceMs);
      if (unfinished > 0) log.warn({ unfinished, graceMs }, 'closing with turns still in flight');
      // After the turns, so their replies reach the widget streams; before the HTTP server, which waits for them.
      await directLine.close();
      await http.close();
      // A store still opening would otherwise be left open.
      await ready.catch(() => undefined);
      await running?.store.close();
    },
  };
}

/** PDF and Word sheets are read in a worker (cached by content in `sheetCacheDir`): the server answers meanwhile. */
async function loadKnowledge(knowledgeDir: string, sheetCacheDir: string, log: Logger) {
  const started = performance.now();
  const sheetKnowledge = await loadSheetKnowledgeWithDocuments(path.join(knowledgeDir, 'sheets'), { cacheDir: sheetCacheDir });
  for (const problem of sheetKnowledge.problems) log.warn({ problem }, 'sheet skipped');
  const sheets = SheetIndex.build(sheetKnowledge.sheets);

  const communes = CommuneIndex.load();
  const offerLoad = loadOffer(path.join(knowledgeDir, 'offer'), communes);
  for (const problem of offerLoad.problems) log.warn({ problem }, 'offer data problem');

  log.info(
    {
      sheets: sheetKnowledge.sheets.length,
      plans: sheetKnowledge.plans.length,
      sheetProblems: sheetKnowledge.problems.length,
      services: offerLoad.offer.size,
      offerFrom: offerLoad.source.kind === 'files' ? offerLoad.source.files : offerLoad.source.kind === 'prebuilt' ? offerLoad.source.file : 'records',
      offerProblems: offerLoad.problems.length,
      ms: Math.round(performance.now() - started),
    },
    'knowledge loaded',
  );
  return { sheets, communes, offer: offerLoad.offer };
}

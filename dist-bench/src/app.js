"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_SHUTDOWN_GRACE_MS = void 0;
exports.createApp = createApp;
const node_path_1 = __importDefault(require("node:path"));
const luxon_1 = require("luxon");
const conversationMemory_1 = require("../dialogs/conversationMemory");
const mainDialog_1 = require("../dialogs/mainDialog");
const runtime_1 = require("./bot/runtime");
const directline_1 = require("./directline");
const geo_1 = require("./geo");
const instrumentedStore_1 = require("./metrics/instrumentedStore");
const offer_1 = require("./offer");
const server_1 = require("./server/server");
const sheets_1 = require("./sheets");
const storage_1 = require("./storage");
/** Long enough for a slow turn (a PostgreSQL round trip under load, a long search), short enough for a supervisor. */
exports.DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
/**
 * Wires the application in order: storage → state → knowledge → dialogs → bot → adapters → HTTP.
 * The HTTP server exists from the start so /healthz can say 503 while the knowledge loads.
 */
async function createApp(config, log) {
    let running;
    // The HTTP server answers 503 itself until `running` is set, so these only run once the bot exists.
    const requireRunning = () => {
        if (!running)
            throw new Error('Maillage is not ready yet');
        return running;
    };
    // prom-client is loaded only when metrics are on (it costs start-up time otherwise for nothing).
    const metrics = config.metrics ? require('./metrics/metrics').createMetrics() : undefined;
    const http = (0, server_1.createHttpServer)({
        log,
        metrics,
        isReady: () => running !== undefined,
        handleActivity: async (req, res) => requireRunning().runtime.handleChannelRequest(req, res),
    });
    // Turns of in-process channels (the built-in Direct Line, the terminal chat): counted so a shutdown waits for them.
    let gatewayTurnsInFlight = 0;
    const gateway = {
        deliver: async (activity) => {
            const started = performance.now();
            gatewayTurnsInFlight++;
            try {
                const replies = await requireRunning().runtime.gateway.deliver(activity);
                metrics?.recordTurn(activity.channelId, 'ok', (performance.now() - started) / 1000);
                return replies;
            }
            catch (error) {
                metrics?.recordTurn(activity.channelId, 'error', (performance.now() - started) / 1000);
                throw error;
            }
            finally {
                gatewayTurnsInFlight--;
            }
        },
    };
    const directLine = (0, directline_1.registerDirectLine)(http.server, {
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
    (0, directline_1.registerWidget)(http.server, { publicUrl: config.publicUrl, directLineSecret: config.directLineSecret, trustProxy: config.trustProxy });
    const ready = (async () => {
        const opened = await (0, storage_1.openStore)(config.databaseUrl, log);
        const store = metrics ? (0, instrumentedStore_1.instrumentStore)(opened, metrics) : opened;
        // Yield once so a /healthz probe that arrived meanwhile is answered (503) before the synchronous load.
        await new Promise((resolve) => setImmediate(resolve));
        const knowledge = loadKnowledge(config.knowledgeDir, log);
        const services = { ...knowledge, now: () => luxon_1.DateTime.now().setZone(offer_1.PARIS) };
        const runtime = (0, runtime_1.createBotRuntime)(config, log, store, {
            memoryProperty: conversationMemory_1.CONVERSATION_MEMORY_PROPERTY,
            readMemory: conversationMemory_1.readConversationMemory,
            keepMemory: conversationMemory_1.keepConversationMemory,
            createHandler: (memory) => new mainDialog_1.MainDialog(services, memory),
        }, metrics?.recordTurnFailure);
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
    /** Resolves once no HTTP request and no in-process turn is in flight, or after `timeoutMs`; with what is left. */
    const turnsSettled = async (timeoutMs) => {
        const deadline = performance.now() + timeoutMs;
        for (;;) {
            const remaining = deadline - performance.now();
            await http.settled(Math.max(0, remaining));
            const left = http.inFlight + gatewayTurnsInFlight;
            if (left === 0 || remaining <= 0)
                return left;
            // An in-process turn (a widget turn started by a request that is already answered) is polled for.
            await new Promise((resolve) => setTimeout(resolve, Math.min(50, remaining)));
        }
    };
    return {
        http,
        gateway,
        ready,
        async close(options = {}) {
            const graceMs = options.graceMs ?? exports.DEFAULT_SHUTDOWN_GRACE_MS;
            http.stopAccepting();
            const unfinished = await turnsSettled(graceMs);
            if (unfinished > 0)
                log.warn({ unfinished, graceMs }, 'closing with turns still in flight');
            // After the turns, so their replies reach the widget streams; before the HTTP server, which waits for them.
            await directLine.close();
            await http.close();
            // A store still opening would otherwise be left open.
            await ready.catch(() => undefined);
            await running?.store.close();
        },
    };
}
function loadKnowledge(knowledgeDir, log) {
    const started = performance.now();
    const sheetKnowledge = (0, sheets_1.loadSheetKnowledge)(node_path_1.default.join(knowledgeDir, 'sheets'));
    for (const problem of sheetKnowledge.problems)
        log.warn({ problem }, 'sheet skipped');
    const sheets = sheets_1.SheetIndex.build(sheetKnowledge.sheets);
    const communes = geo_1.CommuneIndex.load();
    const offerLoad = (0, offer_1.loadOffer)(node_path_1.default.join(knowledgeDir, 'offer'), communes);
    for (const problem of offerLoad.problems)
        log.warn({ problem }, 'offer data problem');
    log.info({
        sheets: sheetKnowledge.sheets.length,
        plans: sheetKnowledge.plans.length,
        sheetProblems: sheetKnowledge.problems.length,
        offerProblems: offerLoad.problems.length,
        ms: Math.round(performance.now() - started),
    }, 'knowledge loaded');
    return { sheets, communes, offer: offerLoad.offer };
}
//# sourceMappingURL=app.js.map
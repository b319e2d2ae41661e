"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createHttpServer = createHttpServer;
const restify_1 = __importDefault(require("restify"));
const activityGuard_1 = require("./activityGuard");
const clientFaults_1 = require("./clientFaults");
const errors_1 = require("./errors");
const jsonBody_1 = require("./jsonBody");
const requestGuard_1 = require("./requestGuard");
const OTHER_METHODS = ['get', 'put', 'patch', 'del', 'head', 'opts'];
/** Once no request is in flight, keep-alive connections that do not go away by themselves are cut after this. */
const CLOSE_CONNECTIONS_AFTER_MS = 2_000;
function createHttpServer(options) {
    const { log, metrics } = options;
    const limits = { ...jsonBody_1.DEFAULT_JSON_BODY_LIMITS, ...options.bodyLimits };
    const server = restify_1.default.createServer({ name: 'maillage', handleUncaughtExceptions: false });
    const node = server.server;
    let draining = false;
    let unanswered = 0;
    /**
     * Channel turns still running. A response's 'close' comes as soon as its client goes away (a channel that stopped
     * waiting, a reset), while the turn goes on to post its replies and save its state: counted by requests alone, a
     * drain took such a turn for finished and closed the database under it.
     */
    let turnsRunning = 0;
    const pending = () => unanswered + turnsRunning;
    const settledWaiters = new Set();
    const wakeIfSettled = () => {
        if (pending() === 0)
            for (const wake of settledWaiters)
                wake();
    };
    const onRequest = (req, res) => {
        unanswered++;
        res.once('close', () => {
            unanswered--;
            wakeIfSettled();
        });
        if (metrics)
            res.once('finish', () => metrics.recordHttpResponse(pathnameOf(req), res.statusCode, (0, errors_1.answeredProblem)(res)));
    };
    (0, requestGuard_1.guardDispatch)(node, {
        log,
        isDraining: () => draining,
        onRequest,
        upgradeListenerCount: () => server.listenerCount('upgrade'),
        onUpgradeRefused: (req, status) => metrics?.recordHttpResponse(pathnameOf(req), status),
    });
    server.use(restify_1.default.plugins.queryParser({ mapParams: false }));
    server.get('/healthz', async (_req, res) => {
        if (draining)
            res.send(503, { status: 'stopping' });
        else if (options.isReady())
            res.send(200, { status: 'ok' });
        else
            res.send(503, { status: 'starting' });
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
        const check = await (0, activityGuard_1.checkActivityRequest)(req, limits);
        if (!check.ok) {
            log.info({ route: '/api/messages', status: check.problem.status, code: check.problem.code, field: check.problem.field }, 'request refused');
            (0, errors_1.sendProblem)(res, check.problem, { closeConnection: check.bodyUnread });
            return;
        }
        if (!options.isReady()) {
            (0, errors_1.sendProblem)(res, new errors_1.HttpProblem('not_ready'));
            return;
        }
        req.body = check.activity;
        const turnEnded = (outcome) => metrics?.recordTurn(check.activity.channelId, outcome, (performance.now() - started) / 1000);
        turnsRunning++;
        try {
            await options.handleActivity(req, res);
            turnEnded(res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'refused' : 'ok');
        }
        catch (error) {
            if (error instanceof errors_1.HttpProblem) {
                turnEnded(error.status >= 500 ? 'error' : 'refused');
                log.info({ route: '/api/messages', status: error.status, code: error.code }, 'request refused');
                (0, errors_1.sendProblem)(res, error);
                return;
            }
            turnEnded('error');
            if ((0, clientFaults_1.isClientFault)(error) || req.destroyed) {
                // The client left before its answer: nothing failed on our side and nobody is there to read a 500.
                log.info({ fault: (0, clientFaults_1.describeError)(error), route: '/api/messages' }, 'client went away during the turn');
            }
            else {
                // The adapter answers turn failures itself; reaching here means the adapter failed, not the request.
                log.error({ err: (0, clientFaults_1.describeError)(error), activityType: check.activity.type, channelId: check.activity.channelId }, 'activity handling failed');
            }
            (0, errors_1.sendProblem)(res, new errors_1.HttpProblem('internal_error'));
        }
        finally {
            turnsRunning--;
            wakeIfSettled();
        }
        log.debug({ route: '/api/messages', status: res.statusCode, ms: Math.round(performance.now() - started) }, 'activity handled');
    });
    for (const method of OTHER_METHODS) {
        server[method]('/api/messages', async (_req, res) => {
            res.setHeader('Allow', 'POST');
            (0, errors_1.sendProblem)(res, new errors_1.HttpProblem('method_not_allowed'));
        });
    }
    // restify's own refusals, in the catalogue's shape.
    server.on('NotFound', (_req, res, _err, callback) => {
        (0, errors_1.sendProblem)(res, new errors_1.HttpProblem('not_found'));
        callback();
    });
    server.on('MethodNotAllowed', (_req, res, _err, callback) => {
        (0, errors_1.sendProblem)(res, new errors_1.HttpProblem('method_not_allowed'));
        callback();
    });
    // Registered before any close() so the event cannot be missed; net.Server emits it even if never listening.
    let closed;
    const stopAccepting = () => {
        if (closed)
            return;
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
        listen: (port, host = '0.0.0.0') => new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, host, () => {
                server.off('error', reject);
                const address = server.address();
                resolve(typeof address === 'object' && address ? address.port : port);
            });
        }),
        stopAccepting,
        settled: (timeoutMs) => new Promise((resolve) => {
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
function pathnameOf(req) {
    try {
        return new URL(req.url ?? '/', 'http://placeholder.invalid').pathname;
    }
    catch {
        return '';
    }
}
//# sourceMappingURL=server.js.map
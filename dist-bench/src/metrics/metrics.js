"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.channelLabel = channelLabel;
exports.routeGroup = routeGroup;
exports.createMetrics = createMetrics;
const prom_client_1 = require("prom-client");
/** Channels Maillage knows; any other channelId a client sends is counted as `other`. */
const KNOWN_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test']);
function channelLabel(channelId) {
    return typeof channelId === 'string' && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}
/** The route group of a request path, from a fixed list (never the path itself). */
function routeGroup(pathname) {
    if (pathname === '/api/messages')
        return 'messages';
    if (pathname === '/v3/directline' || pathname.startsWith('/v3/directline/'))
        return 'directline';
    if (pathname === '/healthz')
        return 'health';
    if (pathname === '/metrics')
        return 'metrics';
    if (pathname === '/api/reports' || pathname === '/api/indicators')
        return 'reports';
    if (pathname === '/api/widget/token' || pathname === '/' || pathname === '/widget.js' || pathname === '/widget.css' || pathname.startsWith('/vendor/')) {
        return 'widget';
    }
    if (pathname === '/tab' || pathname.startsWith('/tab/'))
        return 'tab';
    if (pathname.startsWith('/sheets/'))
        return 'sheets';
    return 'other';
}
/** Operation names come from the store's own method names (`state.read`); anything unexpected is `other`. */
const OPERATION_SHAPE = /^[a-z][A-Za-z]{0,31}(\.[a-z][A-Za-z]{0,31})?$/;
function createMetrics() {
    const registry = new prom_client_1.Registry();
    // Process figures (resident memory, event loop lag, GC) for the soak and for operators.
    (0, prom_client_1.collectDefaultMetrics)({ register: registry });
    const turns = new prom_client_1.Counter({
        name: 'maillage_turns_total',
        help: 'Turns of the bot, by channel and outcome (ok, refused: a 4xx such as a failed authentication, error).',
        labelNames: ['channel', 'outcome'],
        registers: [registry],
    });
    const turnSeconds = new prom_client_1.Histogram({
        name: 'maillage_turn_duration_seconds',
        help: 'Time to answer one turn, from the request to the last reply.',
        labelNames: ['channel'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
    });
    const turnFailures = new prom_client_1.Counter({
        name: 'maillage_turn_failures_total',
        help: 'Turns that failed inside the bot (the user was told, the channel got its usual answer), by channel.',
        labelNames: ['channel'],
        registers: [registry],
    });
    const httpResponses = new prom_client_1.Counter({
        name: 'maillage_http_responses_total',
        help: 'HTTP answers, by route group and status code.',
        labelNames: ['route', 'status'],
        registers: [registry],
    });
    const httpErrors = new prom_client_1.Counter({
        name: 'maillage_http_errors_total',
        help: 'HTTP refusals from the error catalogue (docs/errors.md), by route group and code.',
        labelNames: ['route', 'code'],
        registers: [registry],
    });
    const storeSeconds = new prom_client_1.Histogram({
        name: 'maillage_store_operation_duration_seconds',
        help: 'Time of one database call, by operation and outcome.',
        labelNames: ['operation', 'outcome'],
        buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers: [registry],
    });
    let readDirectLine;
    new prom_client_1.Gauge({
        name: 'maillage_directline_conversations',
        help: 'Conversations held by the built-in Direct Line endpoint.',
        registers: [registry],
        collect() {
            if (readDirectLine)
                this.set(readDirectLine().conversations);
        },
    });
    new prom_client_1.Gauge({
        name: 'maillage_directline_streams',
        help: 'Open WebSocket streams of the built-in Direct Line endpoint.',
        registers: [registry],
        collect() {
            if (readDirectLine)
                this.set(readDirectLine().streams);
        },
    });
    return {
        registry,
        recordTurn(channelId, outcome, seconds) {
            const channel = channelLabel(channelId);
            turns.inc({ channel, outcome });
            turnSeconds.observe({ channel }, seconds);
        },
        recordTurnFailure(channelId) {
            turnFailures.inc({ channel: channelLabel(channelId) });
        },
        recordHttpResponse(pathname, status, errorCode) {
            const route = routeGroup(pathname);
            httpResponses.inc({ route, status: String(status) });
            if (errorCode)
                httpErrors.inc({ route, code: errorCode });
        },
        recordStoreCall(operation, outcome, seconds) {
            storeSeconds.observe({ operation: OPERATION_SHAPE.test(operation) ? operation : 'other', outcome }, seconds);
        },
        watchDirectLine(read) {
            readDirectLine = read;
        },
        async scrape() {
            return { contentType: registry.contentType, body: await registry.metrics() };
        },
    };
}
//# sourceMappingURL=metrics.js.map
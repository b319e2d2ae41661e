"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutageLog = exports.STORE_RETRY_AFTER_SECONDS = void 0;
exports.isTransientStoreError = isTransientStoreError;
exports.storeUnavailable = storeUnavailable;
const httpUtils_1 = require("./httpUtils");
/**
 * Telling "the database is away for a moment" from a bug. With PostgreSQL every Direct Line request reads or
 * writes the conversations there; a restart, a fail-over, a network cut or an exhausted pool then fails every
 * request at once. That is an outage, not a fault of the request: the client is told to come back (503 with
 * Retry-After, which Web Chat and DirectLineJS honour), and the log gets one line a minute rather than a stack
 * per request. Anything else is a bug and stays a 500 with the error logged.
 */
/** What clients are told to wait before trying again while the database is away. */
exports.STORE_RETRY_AFTER_SECONDS = 5;
/** How often an outage is logged at most. */
const OUTAGE_LOG_INTERVAL_MS = 60_000;
/** Socket errors of a connection that could not be made or was lost (Node's system error codes). */
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EHOSTUNREACH',
    'EHOSTDOWN',
    'ENETUNREACH',
    'ENETDOWN',
    'ENOTFOUND',
    'EAI_AGAIN',
]);
/**
 * SQLSTATEs of a server that is going, starting, overloaded or unreachable: class 08 (connection exception) and
 * class 53 (insufficient resources: too many connections, out of memory, disk full) by prefix, and these.
 */
const SQLSTATES = new Set([
    '57P01', // admin_shutdown: the server is stopping (or this backend was terminated)
    '57P02', // crash_shutdown
    '57P03', // cannot_connect_now: starting up, or in recovery
    '57P05', // idle_session_timeout
    '57014', // query_canceled: a statement timeout under load
    '40001', // serialization_failure
    '40P01', // deadlock_detected
]);
/**
 * node-postgres and pg-pool report a lost or impossible connection with plain Errors and no code; these are
 * their messages (pg 8), matched from the start.
 */
const CLIENT_MESSAGES = [
    'Connection terminated',
    'timeout exceeded when trying to connect',
    'timeout expired',
    'Query read timeout',
    'Client has encountered a connection error and is not queryable',
    'Client was closed and is not queryable',
    'Cannot use a pool after calling end on the pool',
];
/** True when the error says the database is unreachable or overloaded for now, not that the request or the code is wrong. */
function isTransientStoreError(error) {
    const seen = new Set();
    const visit = (value, depth) => {
        // Duck-typed rather than `instanceof Error`: errors made by Node's own sockets may come from another realm
        // (a vm context, as under jest) and would not be recognised.
        if (depth > 4 || typeof value !== 'object' || value === null || seen.has(value))
            return false;
        seen.add(value);
        const { code, message, errors, cause } = value;
        if (typeof message !== 'string')
            return false;
        if (typeof code === 'string') {
            if (NETWORK_CODES.has(code) || SQLSTATES.has(code))
                return true;
            if (/^(08|53)[0-9A-Z]{3}$/.test(code))
                return true;
        }
        if (CLIENT_MESSAGES.some((known) => message.startsWith(known)))
            return true;
        // Node's happy-eyeballs connect gathers one error per address (AggregateError); pg-pool wraps a connect error as cause.
        if (Array.isArray(errors) && errors.some((inner) => visit(inner, depth + 1)))
            return true;
        return visit(cause, depth + 1);
    };
    return visit(error, 0);
}
/** The answer to a request that met an outage. */
function storeUnavailable() {
    return new httpUtils_1.HttpProblem(503, 'ServiceUnavailable', 'The conversations are unavailable for a moment; try again shortly.', {
        'Retry-After': String(exports.STORE_RETRY_AFTER_SECONDS),
    });
}
/** Logs an outage at warn once a minute at most, with how many failures went unlogged since, and no stack. */
class OutageLog {
    log;
    clock;
    lastLoggedAt = Number.NEGATIVE_INFINITY;
    unlogged = 0;
    constructor(log, clock = Date.now) {
        this.log = log;
        this.clock = clock;
    }
    note(error, context = {}) {
        const now = this.clock();
        if (now - this.lastLoggedAt < OUTAGE_LOG_INTERVAL_MS) {
            this.unlogged++;
            return;
        }
        this.lastLoggedAt = now;
        const alsoFailed = this.unlogged;
        this.unlogged = 0;
        this.log.warn({ ...context, err: describe(error), alsoFailed }, 'directline conversations unavailable (database unreachable or overloaded)');
    }
}
exports.OutageLog = OutageLog;
function describe(error) {
    if (typeof error !== 'object' || error === null)
        return { message: String(error) };
    const { name, message, code } = error;
    return {
        ...(typeof name === 'string' ? { name } : {}),
        message: typeof message === 'string' ? message : String(error),
        ...(typeof code === 'string' ? { code } : {}),
    };
}
//# sourceMappingURL=storeFaults.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isClientFault = isClientFault;
exports.describeError = describeError;
/**
 * Errors that say the client went away or broke the exchange (an aborted upload, a reset connection), not that
 * the server failed. They are logged at info with their code, not at error with a stack: a phone losing its
 * network is not a bug to page anyone about.
 */
const CLIENT_FAULT_CODES = new Set([
    'ECONNRESET',
    'EPIPE',
    'ECONNABORTED',
    'ETIMEDOUT',
    'ERR_STREAM_PREMATURE_CLOSE',
    'ERR_STREAM_DESTROYED',
    'ERR_STREAM_WRITE_AFTER_END',
    'ERR_HTTP_REQUEST_TIMEOUT',
]);
function isClientFault(error) {
    const { code, message } = errorFields(error);
    if (code && (CLIENT_FAULT_CODES.has(code) || code.startsWith('HPE_')))
        return true;
    // node's IncomingMessage is destroyed with `Error('aborted')` (code ECONNRESET) when the client leaves mid-body.
    return message === 'aborted' || message === 'request aborted';
}
/** What is logged of an error: its name, code and message; the stack only for what is not the client's fault. */
function describeError(error) {
    const fields = errorFields(error);
    if (fields.message === undefined)
        return { message: String(error) };
    return {
        ...(fields.name ? { name: fields.name } : {}),
        ...(fields.code ? { code: fields.code } : {}),
        message: fields.message,
        ...(fields.stack && !isClientFault(error) ? { stack: fields.stack } : {}),
    };
}
/**
 * Read by shape, not `instanceof Error`: errors made by node's core and by libraries in another realm (a VM
 * context, a worker's structured clone) are not instances of this realm's Error.
 */
function errorFields(error) {
    if (typeof error !== 'object' || error === null)
        return {};
    const { name, code, message, stack } = error;
    const text = (value) => (typeof value === 'string' ? value : undefined);
    return { name: text(name), code: text(code), message: text(message), stack: text(stack) };
}
//# sourceMappingURL=clientFaults.js.map
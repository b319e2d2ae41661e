"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_LINGER_LIMITS = void 0;
exports.closeAfterAnswer = closeAfterAnswer;
exports.DEFAULT_LINGER_LIMITS = Object.freeze({ idleMs: 5_000, totalMs: 30_000, maxBytes: 64 * 1024 * 1024 });
const lingering = new WeakSet();
/**
 * Closes the connection after the answer without resetting it. With `Connection: close`, node's server
 * destroys the socket as soon as the answer is flushed; when the client is still uploading, closing a socket
 * with unread bytes makes the kernel send a TCP reset, and a reset can discard the answer at the client before
 * it is read (a 413 seen as ECONNRESET). So: send the answer with `Connection: close`, half-close (FIN), keep
 * reading and dropping what the client still sends until its body ends, then close.
 * Call before the answer's headers are sent.
 */
function closeAfterAnswer(res, limits = exports.DEFAULT_LINGER_LIMITS) {
    if (!res.headersSent)
        res.setHeader('Connection', 'close');
    const req = res.req;
    const socket = req.socket;
    if (lingering.has(socket))
        return;
    lingering.add(socket);
    let received = 0;
    let idleTimer;
    let totalTimer;
    const close = () => {
        clearTimeout(idleTimer);
        clearTimeout(totalTimer);
        socket.destroy();
    };
    const armIdle = () => {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(close, limits.idleMs);
        idleTimer.unref();
    };
    // Flowing with no consumer but this counter: the body's bytes go through node's parser and are dropped.
    req.on('data', (chunk) => {
        received += chunk.length;
        if (received > limits.maxBytes)
            close();
        else if (idleTimer)
            armIdle();
    });
    req.resume();
    socket.once('close', () => {
        clearTimeout(idleTimer);
        clearTimeout(totalTimer);
    });
    // node's server calls destroySoon() once a `Connection: close` answer is written; this is the one place to
    // delay the close until the client has stopped sending.
    socket.destroySoon = () => {
        if (socket.writable)
            socket.end();
        const closeWhenFlushed = () => (socket.writableFinished ? close() : socket.once('finish', close));
        if (req.readableEnded || req.destroyed) {
            closeWhenFlushed();
            return;
        }
        req.once('end', closeWhenFlushed);
        req.once('close', closeWhenFlushed);
        armIdle();
        totalTimer = setTimeout(close, limits.totalMs);
        totalTimer.unref();
    };
}
//# sourceMappingURL=lingeringClose.js.map
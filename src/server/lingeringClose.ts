import type { ServerResponse } from 'node:http';

/**
 * How long, and how much, a refused upload is still read and dropped after its answer (the "lingering close"
 * of Apache and nginx). Bounded so that a client cannot hold the socket open by trickling bytes.
 */
export interface LingerLimits {
  /** The socket is closed when the client has sent nothing for this long. */
  idleMs: number;
  /** …and in any case this long after the answer. */
  totalMs: number;
  /** …or as soon as this many more bytes have arrived. */
  maxBytes: number;
}

export const DEFAULT_LINGER_LIMITS: LingerLimits = Object.freeze({ idleMs: 5_000, totalMs: 30_000, maxBytes: 64 * 1024 * 1024 });

const lingering = new WeakSet<object>();

/**
 * Closes the connection after the answer without resetting it. With `Connection: close`, node's server
 * destroys the socket as soon as the answer is flushed; when the client is still uploading, closing a socket
 * with unread bytes makes the kernel send a TCP reset, and a reset can discard the answer at the client before
 * it is read (a 413 seen as ECONNRESET). So: send the answer with `Connection: close`, half-close (FIN), keep
 * reading and dropping what the client still sends until its body ends, then close.
 * Call before the answer's headers are sent.
 */
export function closeAfterAnswer(res: ServerResponse, limits: LingerLimits = DEFAULT_LINGER_LIMITS): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
  const req = res.req;
  const socket = req.socket;
  if (lingering.has(socket)) return;
  lingering.add(socket);

  let received = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let totalTimer: NodeJS.Timeout | undefined;
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
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > limits.maxBytes) close();
    else if (idleTimer) armIdle();
  });
  req.resume();
  socket.once('close', () => {
    clearTimeout(idleTimer);
    clearTimeout(totalTimer);
  });

  // node's server calls destroySoon() once a `Connection: close` answer is written; this is the one place to
  // delay the close until the client has stopped sending.
  socket.destroySoon = () => {
    if (socket.writable) socket.end();
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

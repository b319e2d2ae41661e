import { Worker } from 'node:worker_threads';
import type { Logger } from '../log/logger';

/**
 * SQLite in WAL mode copies the log back into the database (a checkpoint, with its fsync) inside whichever commit
 * crosses 1,000 pages: measured, that one commit in fifty takes 1–5 ms instead of 0.1, and it is a turn's or a
 * report's. So the store turns the automatic checkpoint off, and this worker thread, on its own connection, runs a
 * PASSIVE checkpoint every second: it never waits for the writer nor blocks it, and the event loop never runs it.
 * A crash loses nothing: committed transactions are in the WAL, which SQLite replays at the next open.
 */
const CHECKPOINT_EVERY_MS = 1000;

/** The worker's code, evaluated as is (not compiled): it only needs better-sqlite3, resolved from this package. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ failed: String(error && error.message || error) });
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
    db.close();
    parentPort.close();
  }
});
`;

export interface WalCheckpointer {
  /** Runs a last checkpoint and ends the thread. */
  stop(): Promise<void>;
}

export function startWalCheckpointer(file: string, log: Logger, everyMs = CHECKPOINT_EVERY_MS): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, everyMs, driver: require.resolve('better-sqlite3') } });
  // The thread never keeps the process alive: a process that is done exits, and SQLite replays the WAL next time.
  worker.unref();
  let warned = false;
  worker.on('message', (message: { failed?: string }) => {
    if (message.failed && !warned) {
      warned = true;
      log.warn({ reason: message.failed }, 'SQLite checkpoint failed; trying again every second');
    }
  });
  worker.on('error', (error) => log.warn({ err: { name: error.name, message: error.message } }, 'SQLite checkpoint thread stopped'));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= stopWorker();
      return stopping;
    },
  };

  async function stopWorker(): Promise<void> {
    {
      // Waited for now (a closing store is awaited): the thread holds the process until it has checkpointed.
      worker.ref();
      worker.postMessage('stop');
      // A thread stuck on a lock is not waited for long: the next open replays whatever is left in the WAL.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)));
      await Promise.race([exited, timeout]);
      clearTimeout(timer);
      await worker.terminate();
    }
  }
}

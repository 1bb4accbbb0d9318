import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logging/logger.js';
import type { SqliteDatabase } from './sqlite-database.js';

/** How often the background thread copies the write-ahead log into the database file. */
export const CHECKPOINT_INTERVAL_MS = 250;

/** SQLite's own automatic checkpoint threshold (pages), restored when the background thread is not there. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * The checkpointing thread: its own connection to the file, a passive checkpoint every interval
 * (never blocks the server's reads and writes). Plain JavaScript, run with `eval` so it needs no file
 * of its own in the bundle; better-sqlite3 comes by the path the server resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
// A checkpoint copies pages from the log to the file; it needs no page cache worth the name.
db.pragma('cache_size = -256');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  db.close();
  parentPort.postMessage({ stopped: true });
});
parentPort.postMessage({ started: true });
`;

/**
 * Moves SQLite's WAL checkpoints off the server's thread. Why: SQLite checkpoints inside the commit that
 * crosses the threshold, which under load is a stall of 20–30 ms on the event loop every few seconds and,
 * measured over all turns, half the time the storage takes; a second connection in a worker thread does
 * the same work beside it. The server's connection stops checkpointing by itself only once the worker is
 * running (it starts in the background); if it cannot start (or fails later), SQLite's automatic checkpoints
 * come back, logged.
 *
 * @example
 * ```ts
 * const checkpointer = startCheckpointer(db, 'data/ikz-assistent.db', logger);
 * // … on shutdown
 * await checkpointer.stop();
 * ```
 */
export function startCheckpointer(
  db: SqliteDatabase,
  file: string,
  logger: Logger,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): { stop(): Promise<void> } {
  let worker: Worker;
  try {
    const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sqlitePath, intervalMs } });
  } catch (error) {
    logger.warn({ err: error }, 'SQLite background checkpoints unavailable; SQLite checkpoints in the server thread');
    return { stop: async () => {} };
  }
  // Until the thread runs (it starts beside the server's start-up, not before it), SQLite checkpoints as usual.
  let state: 'starting' | 'running' | 'stopped' = 'starting';
  const inline = () => db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  const fallBack = (reason: unknown) => {
    if (state === 'stopped') return;
    const wasRunning = state === 'running';
    state = 'stopped';
    inline();
    logger.warn(
      { err: reason },
      wasRunning
        ? 'SQLite background checkpoints stopped; SQLite checkpoints in the server thread again'
        : 'SQLite background checkpoints unavailable; SQLite checkpoints in the server thread',
    );
  };
  worker.on('message', (message: { started?: boolean; error?: string }) => {
    if (message.started && state === 'starting') {
      state = 'running';
      db.pragma('wal_autocheckpoint = 0');
    }
    if (message.error) logger.warn({ reason: message.error }, 'SQLite background checkpoint failed; retrying');
  });
  worker.on('error', fallBack);
  worker.on('exit', (code) => fallBack(new Error(`checkpoint thread exited with code ${code}`)));
  worker.unref();
  return {
    stop: async () => {
      if (state === 'stopped') return;
      state = 'stopped';
      const done = new Promise<void>((resolve) => {
        worker.on('message', (message: { stopped?: boolean }) => message.stopped && resolve());
        worker.once('exit', () => resolve());
      });
      // Waited for, so the process does not end meanwhile (the thread does not keep it alive otherwise).
      worker.ref();
      worker.postMessage('stop');
      await done;
      await worker.terminate();
      inline();
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { residentMb } from './process-memory.js';
import { round } from './stats.js';

/** A server process started the way operators start it. */
export interface SpawnedServer {
  port: number;
  /** From spawning the process to `/readyz` answering 200, in ms. */
  readyMs: number;
  /** From spawning to the "listening" log line (modules loaded, before the knowledge base), in ms. */
  listeningMs: number;
  /** What the server logged as the time to load and index the knowledge base, in ms. */
  knowledgeMs?: number;
  /** What it logged as the time parsing and indexing took (`indexMs`; none when restored from a snapshot). */
  indexMs?: number;
  /** The node process that runs the server (RSS is read from it). */
  serverPid: number;
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Spawns the built server as `npm start` does (`node scripts/start.cjs`; run `npm run build` first) with
 * PORT=0 and `env`, reads the port from the JSON log line with `"port":`, and polls `/readyz` until it
 * answers 200.
 */
export async function spawnServer(env: Record<string, string>, timeoutMs = 120_000): Promise<SpawnedServer> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['scripts/start.cjs'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  let knowledgeMs: number | undefined;
  let indexMs: number | undefined;
  let listeningMs = 0;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not log its port in time\n${stderr}`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening\n${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"Knowledge base loaded"')) {
        knowledgeMs = Number(/"ms":(\d+)/.exec(line)?.[1]);
        const indexed = /"indexMs":(\d+)/.exec(line)?.[1];
        indexMs = indexed === undefined ? undefined : Number(indexed);
      }
      const match = /"port":(\d+)/.exec(line);
      if (match && !listeningMs) {
        listeningMs = performance.now() - startedAt;
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  for (;;) {
    if (performance.now() - startedAt > timeoutMs) {
      await stop(child);
      throw new Error(`server was not ready within ${timeoutMs} ms`);
    }
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const readyMs = performance.now() - startedAt;
  const serverPid = child.pid!;
  return {
    port,
    readyMs: round(readyMs, 0),
    listeningMs: round(listeningMs, 0),
    get knowledgeMs() {
      return knowledgeMs;
    },
    get indexMs() {
      return indexMs;
    },
    serverPid,
    rssMb: () => residentMb(serverPid),
    stop: () => stop(child),
  };
}

/** SIGTERM (the server finishes running requests), SIGKILL if it has not exited after 10 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

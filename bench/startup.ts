import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { processCpuMs, residentMb } from './process-memory.js';
import { round } from './stats.js';

/** A server process started the way operators start it. */
export interface SpawnedServer {
  port: number;
  pid: number;
  /** From spawning the process to `/readyz` answering 200, in ms. */
  readyMs: number;
  /** From spawning to the "listening" log line (modules loaded, before the knowledge base), in ms. */
  listeningMs: number;
  /** What the server logged as the time to load (or restore) and index the knowledge base, in ms. */
  knowledgeMs?: number;
  /** CPU time (user + system, all threads) the process had used when `/readyz` turned 200, ms: less noisy than `readyMs` on a shared machine. */
  cpuMs: number;
  /** RSS of the server process, MB. */
  rssMb(): Promise<number>;
  /** The highest RSS the server process has had so far (VmHWM), MB. */
  peakRssMb(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The arguments `npm start` passes to `node` (the Node flags and the entry), read from package.json's `start`
 * script (`node <flags> dist/server.cjs`), so the bench starts the server exactly as operators do.
 */
export function startArguments(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = scripts.start.trim().split(/\s+/);
  if (command !== 'node' || args.at(-1) !== 'dist/server.cjs') throw new Error(`unexpected start script: ${scripts.start}`);
  return args;
}

/**
 * Spawns the built server as `npm start` does (`node <flags> dist/server.cjs`, see `startArguments`, with `node`
 * or another Node binary; run `npm run build` first) with PORT=0 and `env`, reads the port from the JSON log line
 * with `"port":`, and polls `/readyz` until it answers 200.
 */
export async function spawnServer(
  env: Record<string, string>,
  timeoutMs = 120_000,
  node = process.execPath,
  args = startArguments(),
): Promise<SpawnedServer> {
  const startedAt = performance.now();
  const child = spawn(node, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  let knowledgeMs: number | undefined;
  let listeningMs = 0;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not log its port in time\n${stderr}`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening\n${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('"Knowledge base loaded"')) knowledgeMs = Number(/"ms":(\d+)/.exec(line)?.[1]);
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
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = performance.now() - startedAt;
  const cpuMs = await processCpuMs(child.pid!);
  // The log line with the knowledge time comes before /readyz turns 200, but is read asynchronously.
  for (let i = 0; i < 50 && knowledgeMs === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return {
    port,
    pid: child.pid!,
    readyMs: round(readyMs, 0),
    listeningMs: round(listeningMs, 0),
    cpuMs,
    knowledgeMs,
    rssMb: () => residentMb(child.pid!),
    peakRssMb: () => peakResidentMb(child.pid!),
    stop: () => stop(child),
  };
}

/** The highest RSS of a process so far (Linux `/proc/<pid>/status` VmHWM) in MB, or NaN when unknown. */
async function peakResidentMb(pid: number): Promise<number> {
  try {
    const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : Number.NaN;
  } catch {
    return Number.NaN;
  }
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

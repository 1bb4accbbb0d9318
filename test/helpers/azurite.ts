import { spawn, type ChildProcess } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The emulator's well-known development account and key (public, documented by Microsoft; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const AZURITE_BLOB = fileURLToPath(new URL('../../node_modules/.bin/azurite-blob', import.meta.url));
const START_TIMEOUT_MS = 20_000;

/** A running in-memory Azurite blob service. */
export interface Azurite {
  port: number;
  /** Connection string for the emulator (`BlobEndpoint=http://127.0.0.1:<port>/devstoreaccount1`). */
  connectionString: string;
  /** A container name not used before in this run. */
  uniqueContainer(prefix?: string): string;
  /** Stops the emulator (by its PID) and waits for it to exit. */
  stop(): Promise<void>;
}

let containers = 0;

/**
 * Starts `azurite-blob` in memory on a free port and waits until it answers HTTP. Throws (so the calling
 * test fails, never skips) with the emulator's output when it cannot start.
 *
 * @example
 * ```ts
 * let azurite: Azurite;
 * beforeAll(async () => { azurite = await startAzurite(); });
 * afterAll(() => azurite?.stop());
 * ```
 */
export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  let script: string;
  try {
    script = realpathSync(AZURITE_BLOB);
  } catch {
    throw new Error(`Azurite is not installed (${AZURITE_BLOB} is missing): run npm ci`);
  }
  // Run its script with this Node directly, so the PID we hold is the emulator itself.
  const child = spawn(
    process.execPath,
    [
      script,
      '--inMemoryPersistence',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--extentMemoryLimit',
      '64',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  child.once('error', (error) => (exited = `could not be started: ${error.message}`));

  const endpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) throw new Error(`Azurite ${exited} before it answered on port ${port}. Its output:\n${output}`);
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`Azurite did not answer on ${endpoint} within ${START_TIMEOUT_MS / 1000} s. Its output:\n${output}`);
    }
    if (await answers(`${endpoint}?comp=list`)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    port,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=${endpoint};`,
    uniqueContainer: (prefix = 'test') => `${prefix}-${process.pid}-${++containers}-${Date.now().toString(36)}`,
    stop: () => stopProcess(child),
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true; // any HTTP status: the service is up
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
  await exit;
  clearTimeout(timer);
}

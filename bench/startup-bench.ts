import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelStub } from './channel-stub.js';
import { runLoad } from './load.js';
import { spawnServer } from './startup.js';

/** The `startup` part of the report (ms, MB). */
export interface StartupReport {
  /** Median of three starts with the shipped knowledge base (the V8 code cache in place, as on every restart). */
  shippedMs: number;
  /** The first start after `npm run build`: no code cache and no knowledge snapshot yet. */
  shippedColdMs: number;
  /** A restart with the synthetic knowledge base (its snapshot saved by the first start). */
  synthetic10kMs: number;
  /** The first start with the synthetic knowledge base: the builder process indexes it. */
  synthetic10kColdMs: number;
  /** How long the builder process took to parse and index the synthetic knowledge base, ms. */
  synthetic10kIndexMs?: number;
  /** RSS of the server process right after `/readyz` turned 200, shipped knowledge base. */
  rssMb: number;
  /** The same with the synthetic knowledge base, on a restart. */
  rss10kMb: number;
  /** The same on the first start (indexed by the builder process). */
  rss10kColdMb: number;
  /** RSS of the synthetic-knowledge-base server after `loadSeconds` of load. */
  rss10kAfterLoadMb: number;
  /** Where start-up time goes: to the "listening" log line (modules loaded) and the knowledge base load + index. */
  shippedListeningMs: number;
  shippedKnowledgeMs?: number;
  synthetic10kListeningMs: number;
  synthetic10kKnowledgeMs?: number;
  loadSeconds: number;
}

/** Starts with the shipped knowledge base after the first (cold) one; their median is the reported time. */
const WARM_STARTS = 3;
/** How long to wait at most for scripts/start.cjs to save the code cache (it does a second after ready). */
const CODE_CACHE_WAIT_MS = 30_000;

/**
 * Start-up as operators run it (`npm run build`, then `node scripts/start.cjs`, a fresh SQLite DATA_DIR
 * each, one knowledge snapshot folder for all): time to `/readyz` = 200 and RSS with the shipped
 * knowledge base (the first start after the build without code cache or snapshot, then the median of
 * three restarts) and with the synthetic one in `syntheticDir` (its first start, then a restart); then a
 * short load on the latter for its RSS under use.
 */
export async function benchStartup(
  shippedDir: string,
  syntheticDir: string,
  texts: readonly string[],
  connections: number,
  loadSeconds: number,
  /** Where the synthetic base's snapshot goes (its first start saves it; it stays for the caller). */
  syntheticCacheDir: string,
): Promise<StartupReport> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ikz-bench-start-'));
  try {
    execFileSync(process.execPath, ['scripts/build.mjs']);
    // As right after a deployment: no code cache (the build keeps an unchanged bundle and its cache).
    for (const file of await readdir('dist')) if (file.endsWith('.v8cache')) await rm(join('dist', file));
    const cacheDir = join(dataDir, 'knowledge-cache');
    const env = (name: string, knowledgeDir: string) => ({ KNOWLEDGE_DIR: knowledgeDir, STORAGE_BACKEND: 'sqlite', DATA_DIR: join(dataDir, name), KNOWLEDGE_CACHE_DIR: cacheDir });
    const startShipped = async (n: number) => {
      const server = await spawnServer(env(`shipped-${n}`, shippedDir));
      // The first start saves the code cache a moment after it is ready; let it.
      if (n === 0) await waitForCodeCache();
      const rss = await server.rssMb();
      await server.stop();
      return { server, rss };
    };
    const cold = await startShipped(0);
    const warm: Array<Awaited<ReturnType<typeof startShipped>>> = [];
    for (let n = 1; n <= WARM_STARTS; n++) warm.push(await startShipped(n));
    warm.sort((a, b) => a.server.readyMs - b.server.readyMs);
    const { server: shipped, rss: rssMb } = warm[Math.floor(WARM_STARTS / 2)]!;
    const synthetic = (name: string) => ({ ...env(name, syntheticDir), KNOWLEDGE_CACHE_DIR: syntheticCacheDir });
    const first = await spawnServer(synthetic('synthetic-first'));
    const rss10kColdMb = await first.rssMb();
    await first.stop();
    // The log line with the indexing time comes before /readyz turns 200, but is read asynchronously.
    for (let i = 0; i < 50 && first.indexMs === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const synthetic10kIndexMs = first.indexMs;
    const big = await spawnServer(synthetic('synthetic'));
    let rss10kMb: number;
    let rss10kAfterLoadMb: number;
    const channel = new ChannelStub();
    try {
      rss10kMb = await big.rssMb();
      const serviceUrl = await channel.start();
      await runLoad({ port: big.port, channel, serviceUrl, texts, connections, seconds: loadSeconds });
      rss10kAfterLoadMb = await big.rssMb();
    } finally {
      await channel.stop();
      await big.stop();
    }
    return {
      shippedMs: shipped.readyMs,
      shippedColdMs: cold.server.readyMs,
      synthetic10kMs: big.readyMs,
      synthetic10kColdMs: first.readyMs,
      synthetic10kIndexMs,
      rssMb,
      rss10kMb,
      rss10kColdMb,
      rss10kAfterLoadMb,
      shippedListeningMs: shipped.listeningMs,
      shippedKnowledgeMs: shipped.knowledgeMs,
      synthetic10kListeningMs: big.listeningMs,
      synthetic10kKnowledgeMs: big.knowledgeMs,
      loadSeconds,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Resolves once dist/ holds a code cache file (or after `CODE_CACHE_WAIT_MS`). */
async function waitForCodeCache(): Promise<void> {
  const deadline = performance.now() + CODE_CACHE_WAIT_MS;
  while (performance.now() < deadline) {
    if ((await readdir('dist')).some((file) => file.endsWith('.v8cache'))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

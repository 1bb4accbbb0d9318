import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelStub } from './channel-stub.js';
import { runLoad } from './load.js';
import { spawnServer } from './startup.js';

/** The `startup` part of the report (ms, MB). */
export interface StartupReport {
  /** Median of three starts with the shipped knowledge base (the V8 code cache in place, as on every restart). */
  shippedMs: number;
  /** The first start after `npm run build`, before the code cache exists. */
  shippedColdMs: number;
  synthetic10kMs: number;
  /** RSS of the server process right after `/readyz` turned 200, shipped knowledge base. */
  rssMb: number;
  /** The same with the synthetic knowledge base. */
  rss10kMb: number;
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
/** scripts/start.cjs writes the code cache 10 s after the start. */
const CODE_CACHE_WAIT_MS = 11_000;

/**
 * Start-up as operators run it (`npm run build`, then `node scripts/start.cjs`, a fresh SQLite DATA_DIR
 * each): time to `/readyz` = 200 and RSS with the shipped knowledge base (the first start after the build,
 * then the median of three) and with the synthetic one in `syntheticDir`; then a short load on the latter
 * for its RSS under use.
 */
export async function benchStartup(shippedDir: string, syntheticDir: string, texts: readonly string[], connections: number, loadSeconds: number): Promise<StartupReport> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ikz-bench-start-'));
  try {
    execFileSync(process.execPath, ['scripts/build.mjs']);
    const startShipped = async (n: number) => {
      const server = await spawnServer({ KNOWLEDGE_DIR: shippedDir, STORAGE_BACKEND: 'sqlite', DATA_DIR: join(dataDir, `shipped-${n}`) });
      // The first start writes the code cache some seconds after start-up; let it.
      if (n === 0) await new Promise((resolve) => setTimeout(resolve, CODE_CACHE_WAIT_MS));
      const rss = await server.rssMb();
      await server.stop();
      return { server, rss };
    };
    const cold = await startShipped(0);
    const warm: Array<Awaited<ReturnType<typeof startShipped>>> = [];
    for (let n = 1; n <= WARM_STARTS; n++) warm.push(await startShipped(n));
    warm.sort((a, b) => a.server.readyMs - b.server.readyMs);
    const { server: shipped, rss: rssMb } = warm[Math.floor(WARM_STARTS / 2)]!;
    const big = await spawnServer({ KNOWLEDGE_DIR: syntheticDir, STORAGE_BACKEND: 'sqlite', DATA_DIR: join(dataDir, 'synthetic') });
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
      rssMb,
      rss10kMb,
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

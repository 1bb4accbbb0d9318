import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelStub } from './channel-stub.js';
import { runLoad } from './load.js';
import { spawnServer } from './startup.js';

/** The `startup` part of the report (ms, MB). */
export interface StartupReport {
  shippedMs: number;
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

/**
 * Start-up as operators run it (`tsx src/server.ts`, a fresh SQLite DATA_DIR each): time to `/readyz` = 200
 * and RSS with the shipped knowledge base and with the synthetic one in `syntheticDir`; then a short load
 * on the latter for its RSS under use.
 */
export async function benchStartup(shippedDir: string, syntheticDir: string, texts: readonly string[], connections: number, loadSeconds: number): Promise<StartupReport> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ikz-bench-start-'));
  try {
    const shipped = await spawnServer({ KNOWLEDGE_DIR: shippedDir, STORAGE_BACKEND: 'sqlite', DATA_DIR: join(dataDir, 'shipped') });
    const rssMb = await shipped.rssMb();
    await shipped.stop();
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

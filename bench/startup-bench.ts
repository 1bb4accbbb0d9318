import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelStub } from './channel-stub.js';
import { runLoad } from './load.js';
import { nodeLtsBinary } from '../test/helpers/node-lts.js';
import { spawnServer, type SpawnedServer } from './startup.js';

/** The start-up figures of one Node runtime (ms, MB). */
export interface StartupFigures {
  /** `process.version` of the runtime. */
  node: string;
  /** The storage backend the server ran with (`memory` on a Node the SQLite addon is not built for). */
  storage: 'sqlite' | 'memory';
  /** Median of three restarts with the shipped knowledge base (its snapshot and, on Node ≥ 22.1, the compile cache in place). */
  shippedMs: number;
  /** The first start: no knowledge snapshot and no compile cache yet. */
  shippedFirstMs: number;
  /** Of the median restart: to the "listening" log line (modules loaded), and the knowledge base restored. */
  shippedListeningMs: number;
  shippedKnowledgeMs?: number;
  /** CPU time the median restart had used when ready (less dependent on what else the machine runs). */
  shippedCpuMs: number;
  /** RSS of the server right after `/readyz` turned 200, shipped knowledge base. */
  rssMb: number;
  /** The synthetic knowledge base: its first start (indexing it) and a restart from its snapshot. */
  synthetic2kFirstMs: number;
  synthetic2kMs: number;
  /** RSS of the synthetic-knowledge-base server: the highest of the first start, the restart, and the restart after `loadSeconds` of load. */
  rss2kMb: number;
  /** The parts of `rss2kMb`: ready after the first start (indexing) and after a restart, and after the load. */
  rss2kFirstMb: number;
  /** The highest RSS of that first start until ready (VmHWM): indexing's peak, for information. */
  rss2kFirstPeakMb: number;
  rss2kReadyMb: number;
  rss2kAfterLoadMb: number;
  loadSeconds: number;
}

/**
 * The `startup` part of the report: the figures the targets are checked on (the production LTS, `config.nodeLts`,
 * when `npm test`'s pretest has fetched it; else the Node running the bench), and the figures of every runtime
 * measured (the Node running the bench first).
 */
export interface StartupReport extends StartupFigures {
  runtimes: StartupFigures[];
}

/** Restarts with the shipped knowledge base after the first start; their median is the reported time. */
const RESTARTS = 3;

/**
 * Start-up as operators run it: `npm run build`, then `node <start flags> dist/server.cjs` spawned with a fresh
 * DATA_DIR each time, one knowledge snapshot folder and one compile cache folder (NODE_COMPILE_CACHE) per runtime:
 * time to `/readyz` = 200 and RSS, with the shipped knowledge base (the first start, then the median of three
 * restarts) and with the synthetic one in `syntheticDir` (its first start, then a restart and a short load for the
 * RSS under use). On the Node running the bench with SQLite storage, then on the production LTS (when fetched) with
 * memory storage, since the SQLite addon is built for the Node running the bench.
 */
export async function benchStartup(
  shippedDir: string,
  syntheticDir: string,
  texts: readonly string[],
  connections: number,
  loadSeconds: number,
): Promise<StartupReport> {
  const temp = await mkdtemp(join(tmpdir(), 'ikz-bench-start-'));
  try {
    execFileSync(process.execPath, ['scripts/build.mjs']);
    const measure = (node: string, storage: StartupFigures['storage'], name: string) =>
      runtimeFigures({ node, storage, folder: join(temp, name), shippedDir, syntheticDir, texts, connections, loadSeconds });
    const runtimes = [await measure(process.execPath, 'sqlite', 'bench-node')];
    const lts = nodeLtsBinary();
    if (existsSync(lts)) runtimes.push(await measure(lts, 'memory', 'lts'));
    return { ...runtimes.at(-1)!, runtimes };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** All start-up figures of one Node binary (see `benchStartup`); its caches in `folder`. */
async function runtimeFigures(options: {
  node: string;
  storage: StartupFigures['storage'];
  folder: string;
  shippedDir: string;
  syntheticDir: string;
  texts: readonly string[];
  connections: number;
  loadSeconds: number;
}): Promise<StartupFigures> {
  const { node, storage, folder, shippedDir, syntheticDir, loadSeconds } = options;
  let starts = 0;
  const env = (knowledgeDir: string, cache: string) => ({
    KNOWLEDGE_DIR: knowledgeDir,
    KNOWLEDGE_CACHE_DIR: join(folder, `knowledge-cache-${cache}`),
    NODE_COMPILE_CACHE: join(folder, 'compile-cache'),
    STORAGE_BACKEND: storage,
    DATA_DIR: join(folder, `data-${++starts}`),
  });
  const startAndStop = async (knowledgeDir: string, cache: string) => {
    const server = await spawnServer(env(knowledgeDir, cache), undefined, node);
    const rss = await server.rssMb();
    const peak = await server.peakRssMb();
    await server.stop();
    return { server, rss, peak };
  };
  const first = await startAndStop(shippedDir, 'shipped');
  const restarts: Array<{ server: SpawnedServer; rss: number }> = [];
  for (let n = 0; n < RESTARTS; n++) restarts.push(await startAndStop(shippedDir, 'shipped'));
  restarts.sort((a, b) => a.server.readyMs - b.server.readyMs);
  const median = restarts[Math.floor(RESTARTS / 2)]!;

  const syntheticFirst = await startAndStop(syntheticDir, 'synthetic');
  const synthetic = await spawnServer(env(syntheticDir, 'synthetic'), undefined, node);
  const channel = new ChannelStub();
  let rssReady: number;
  let rssAfterLoad: number;
  try {
    rssReady = await synthetic.rssMb();
    const serviceUrl = await channel.start();
    await runLoad({
      port: synthetic.port,
      channel,
      serviceUrl,
      texts: options.texts,
      connections: options.connections,
      seconds: loadSeconds,
    });
    rssAfterLoad = await synthetic.rssMb();
  } finally {
    await channel.stop();
    await synthetic.stop();
  }
  return {
    node: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(),
    storage,
    shippedMs: median.server.readyMs,
    shippedFirstMs: first.server.readyMs,
    shippedListeningMs: median.server.listeningMs,
    shippedKnowledgeMs: median.server.knowledgeMs,
    shippedCpuMs: median.server.cpuMs,
    rssMb: median.rss,
    synthetic2kFirstMs: syntheticFirst.server.readyMs,
    synthetic2kMs: synthetic.readyMs,
    rss2kMb: Math.max(syntheticFirst.rss, rssReady, rssAfterLoad),
    rss2kFirstMb: syntheticFirst.rss,
    rss2kFirstPeakMb: syntheticFirst.peak,
    rss2kReadyMb: rssReady,
    rss2kAfterLoadMb: rssAfterLoad,
    loadSeconds,
  };
}

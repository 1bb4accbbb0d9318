// `npx tsx bench/startup-quick.ts [--node PATH] [--flags 'NODE FLAGS'] [--restarts N] [--synthetic] [--no-build] [--memory]`: only the
// start-up phase of `npm run bench`, for quick loops while working on start-up time and memory. Prints each
// start (wall ms, CPU ms, RSS) and the medians; the machine's load average goes with each figure.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { parseEvalSet } from '../src/evaluation/scoring.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import { readFile } from 'node:fs/promises';
import { ChannelStub } from './channel-stub.js';
import { runLoad } from './load.js';
import { spawnServer, startArguments } from './startup.js';
import { syntheticKnowledgeBase, writeKnowledgeFolder } from './synthetic-kb.js';

const args_ = process.argv.slice(2);
const flag = (name: string) => args_.includes(name);
const value = (name: string, fallback: string) => {
  const at = args_.indexOf(name);
  return at >= 0 && args_[at + 1] !== undefined ? args_[at + 1]! : fallback;
};

async function main(): Promise<void> {
  const node = value('--node', process.execPath);
  const restarts = Number(value('--restarts', '5'));
  // Other Node flags than the start script's (`--flags ''` for none), to compare them.
  const args = args_.includes('--flags') ? [...value('--flags', '').split(' ').filter(Boolean), 'dist/server.cjs'] : startArguments();
  if (!flag('--no-build')) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const temp = await mkdtemp(join(tmpdir(), 'ikz-quick-'));
  const storage = flag('--memory') ? 'memory' : 'sqlite';
  let starts = 0;
  const env = (knowledgeDir: string, cache: string) => ({
    KNOWLEDGE_DIR: knowledgeDir,
    KNOWLEDGE_CACHE_DIR: join(temp, `knowledge-cache-${cache}`),
    NODE_COMPILE_CACHE: join(temp, 'compile-cache'),
    STORAGE_BACKEND: storage,
    DATA_DIR: join(temp, `data-${++starts}`),
  });
  const load = () => loadavg()[0]!.toFixed(2);
  const show = (
    label: string,
    s: { readyMs: number; cpuMs: number; listeningMs: number; knowledgeMs?: number },
    rss: number,
    peak?: number,
  ) =>
    process.stdout.write(
      `${label.padEnd(22)} ready ${String(s.readyMs).padStart(5)} ms  CPU ${String(s.cpuMs).padStart(5)} ms  listening ${String(s.listeningMs).padStart(5)} ms  KB ${s.knowledgeMs ?? '–'} ms  RSS ${rss} MB${peak === undefined ? '' : ` (peak ${peak} MB)`}  (load ${load()})\n`,
    );
  try {
    const shippedDir = loadConfig({}).knowledgeDir;
    process.stdout.write(`${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()} ${args.join(' ')}, ${storage} storage\n`);
    const once = async (label: string, dir: string, cache: string) => {
      const server = await spawnServer(env(dir, cache), undefined, node, args);
      const rss = await server.rssMb();
      show(label, server, rss, await server.peakRssMb());
      await server.stop();
      return { ...server, rss };
    };
    await once('shipped, first', shippedDir, 'shipped');
    const runs = [];
    for (let n = 0; n < restarts; n++) runs.push(await once(`shipped, restart ${n + 1}`, shippedDir, 'shipped'));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    process.stdout.write(
      `median restart: ready ${median(runs.map((r) => r.readyMs))} ms, CPU ${median(runs.map((r) => r.cpuMs))} ms, RSS ${median(runs.map((r) => r.rss))} MB\n`,
    );
    if (!flag('--synthetic')) return;
    const kbDir = join(tmpdir(), 'ikz-quick-kb-2000');
    if (!existsSync(kbDir)) {
      await writeKnowledgeFolder(syntheticKnowledgeBase(await loadKnowledgeBase(shippedDir), 2000), kbDir, shippedDir);
    }
    const first = await once('2k, first', kbDir, 'synthetic');
    const restart = await spawnServer(env(kbDir, 'synthetic'), undefined, node, args);
    const ready = await restart.rssMb();
    show('2k, restart', restart, ready);
    const channel = new ChannelStub();
    try {
      const questions = parseEvalSet(await readFile('eval/team-questions.jsonl', 'utf8'), 'team');
      const serviceUrl = await channel.start();
      await runLoad({ port: restart.port, channel, serviceUrl, texts: questions.map((q) => q.question), connections: 50, seconds: 5 });
      const after = await restart.rssMb();
      process.stdout.write(
        `2k: RSS first ${first.rss} MB, restart ${ready} MB, after 5 s load ${after} MB → ${Math.max(first.rss, ready, after)} MB\n`,
      );
    } finally {
      await channel.stop();
      await restart.stop();
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

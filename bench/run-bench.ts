// `npm run bench [-- --json]`: start-up, retrieval and end-to-end benchmark of the IKZ-Assistent.
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { parseEvalSet } from '../src/evaluation/scoring.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import { benchEndToEnd } from './e2e-bench.js';
import { parseOptions } from './options.js';
import { formatReport, type BenchReport } from './report.js';
import { benchRetrieval } from './retrieval-bench.js';
import { benchStartup } from './startup-bench.js';
import { round } from './stats.js';
import { syntheticKnowledgeBase, writeKnowledgeFolder } from './synthetic-kb.js';
import { checkTargets } from './targets.js';

/** Seconds of load on the spawned synthetic-knowledge-base server before its RSS is read. */
const SYNTHETIC_LOAD_SECONDS = 5;

async function main(): Promise<void> {
  const options = await parseOptions(process.argv.slice(2));
  const started = performance.now();
  const progress = (message: string) => process.stderr.write(`bench: ${message} (${round((performance.now() - started) / 1000, 1)} s)\n`);
  const questions = parseEvalSet(await readFile(options.questionsFile, 'utf8'), options.questionsFile);
  const texts = questions.map((q) => q.question);
  const shippedDir = loadConfig({}).knowledgeDir;
  const shipped = await loadKnowledgeBase(shippedDir);
  const syntheticDir = await mkdtemp(join(tmpdir(), 'ikz-bench-kb-'));
  try {
    progress(`writing ${options.syntheticArticles} synthetic articles to ${syntheticDir}`);
    await writeKnowledgeFolder(syntheticKnowledgeBase(shipped, options.syntheticArticles), syntheticDir, shippedDir);
    progress('start-up: spawning the server with the shipped and the synthetic knowledge base');
    const startup = await benchStartup(shippedDir, syntheticDir, texts, options.connections, SYNTHETIC_LOAD_SECONDS);
    // Retrieval before the in-process servers of the end-to-end phase, whose garbage it would otherwise measure.
    progress(
      `retrieval: shipped and ${options.syntheticArticles}${options.largeArticles ? ` and ${options.largeArticles}` : ''} synthetic articles, real pipeline and baseline`,
    );
    const retrieval = await benchRetrieval(shipped, questions, options);
    progress(`end to end: ${options.connections} conversations, ${options.durationSeconds} s each on the bot and the echo floor, in turns`);
    const e2e = await benchEndToEnd(texts, options.connections, options.durationSeconds);
    const report: BenchReport = {
      retrieval: { ...retrieval, questions: options.questionsFile, questionCount: questions.length },
      e2e,
      startup,
      targets: checkTargets({
        retrievalP99Ms2k: retrieval.synthetic2k.p99Ms,
        e2eRatio: e2e.ratio,
        readyShippedMs: startup.shippedMs,
        rss2kMb: startup.rss2kMb,
        startupNode: startup.node,
      }),
      machine: { cpus: availableParallelism(), node: process.versions.node, totalSeconds: round((performance.now() - started) / 1000, 1) },
    };
    progress('done');
    process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
  } finally {
    await rm(syntheticDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

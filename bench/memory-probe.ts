// `npx tsx bench/memory-probe.ts [--articles N] [--dir KNOWLEDGE_DIR]`: memory and time of the knowledge layer
// alone, loaded the way the server loads it (`KnowledgeService.load` on a folder of Markdown files).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../src/logging/logger.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import { collectGarbage, toMb } from './gc.js';
import { DEFAULT_QUESTIONS, FALLBACK_QUESTIONS } from './options.js';
import { syntheticKnowledgeBase, writeKnowledgeFolder } from './synthetic-kb.js';

const SHIPPED = 'knowledge';

/** Heap, off-heap and resident memory after a full collection, in MB. */
function memory(): { heapMb: number; heapTotalMb: number; externalMb: number; rssMb: number } {
  collectGarbage();
  const usage = process.memoryUsage();
  return { heapMb: toMb(usage.heapUsed), heapTotalMb: toMb(usage.heapTotal), externalMb: toMb(usage.external), rssMb: toMb(usage.rss) };
}

async function questions(): Promise<string[]> {
  const text = await readFile(DEFAULT_QUESTIONS, 'utf8').catch(() => readFile(FALLBACK_QUESTIONS, 'utf8'));
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { question: string }).question);
}

const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const articles = Number(option('--articles') ?? 10_000);
  let dir = option('--dir');
  let temporary: string | undefined;
  if (!dir) {
    temporary = await mkdtemp(join(tmpdir(), 'ikz-memory-probe-'));
    const big = syntheticKnowledgeBase(await loadKnowledgeBase(SHIPPED), articles);
    await writeKnowledgeFolder(big, temporary, SHIPPED);
    dir = temporary;
  }
  try {
    const before = memory();
    const started = performance.now();
    const service = await KnowledgeService.load(dir, silent);
    const loadMs = Math.round(performance.now() - started);
    const loaded = memory();
    const texts = await questions();
    const answeredAt = performance.now();
    for (const text of texts) service.answer(text);
    const firstPassMs = Math.round(performance.now() - answeredAt);
    const answered = memory();
    const delta = (after: number, base: number) => Math.round((after - base) * 10) / 10;
    const report = {
      dir,
      articles: service.articleCount,
      loadMs,
      firstPassMs,
      process: before,
      loaded,
      answered,
      knowledgeHeapMb: delta(answered.heapMb, before.heapMb),
      knowledgeExternalMb: delta(answered.externalMb, before.externalMb),
    };
    process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  } finally {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  }
}

await main();

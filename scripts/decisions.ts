// `npx tsx scripts/decisions.ts [--write FILE | --compare FILE] SET.jsonl...`: the knowledge engine's decision
// (outcome and article) for every question of the given sets, keyed by set file name and question id.
// `--write` saves them, `--compare` lists every question whose decision differs from the saved ones (run it
// by hand before and after a change of the engine; test/fixtures/expected-decisions.json is such a file).
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { compareDecisions, recordDecisions, type DecisionRecord } from '../src/evaluation/decisions.js';
import { parseEvalSet } from '../src/evaluation/scoring.js';
import { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import { silentLogger } from '../src/logging/logger.js';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args.splice(args.indexOf(name), 2)[1] : undefined);
const write = option('--write');
const compare = option('--compare');
if (args.length === 0) {
  process.stderr.write('Usage: npx tsx scripts/decisions.ts [--write FILE | --compare FILE] SET.jsonl...\n');
  process.exit(64);
}
const knowledge = await KnowledgeService.load('knowledge', silentLogger());
const record: Record<string, DecisionRecord> = {};
for (const file of args)
  record[basename(file)] = recordDecisions((q) => knowledge.answer(q), parseEvalSet(await readFile(file, 'utf8'), file));
if (write) await writeFile(write, format(record));
if (compare) {
  const expected = JSON.parse(await readFile(compare, 'utf8')) as Record<string, DecisionRecord>;
  let changed = 0;
  for (const [set, decisions] of Object.entries(record)) {
    for (const { id, before, after } of compareDecisions(expected[set] ?? {}, decisions)) {
      changed++;
      const show = (d?: { outcome: string; articleId?: string }) => (d ? `${d.outcome}${d.articleId ? ` → ${d.articleId}` : ''}` : '–');
      process.stdout.write(`${set} ${id}: ${show(before)}  ⇒  ${show(after)}\n`);
    }
  }
  process.stdout.write(`${changed} changed decision(s) in ${Object.keys(record).length} set(s)\n`);
}
if (!write && !compare) process.stdout.write(format(record));

/** One question a line, so a changed decision is a one-line diff. */
function format(sets: Record<string, DecisionRecord>): string {
  const set = (decisions: DecisionRecord) =>
    Object.entries(decisions)
      .map(([id, d]) => `    ${JSON.stringify(id)}: ${JSON.stringify(d)}`)
      .join(',\n');
  return `{\n${Object.entries(sets)
    .map(([name, decisions]) => `  ${JSON.stringify(name)}: {\n${set(decisions)}\n  }`)
    .join(',\n')}\n}\n`;
}

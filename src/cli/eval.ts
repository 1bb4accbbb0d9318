// `npm run eval -- --file F [--json]`: runs an evaluation set through the bot and scores it.
import { readFile } from 'node:fs/promises';
import type { TurnOutcome } from '../bot/ikz-bot.js';
import { runEvaluation } from '../evaluation/run-evaluation.js';
import { parseEvalSet } from '../evaluation/scoring.js';
import { bootstrapCli, runCli } from './bootstrap.js';

runCli(async () => {
  const args = process.argv.slice(2);
  const fileIndex = args.indexOf('--file');
  const file = fileIndex >= 0 ? args[fileIndex + 1] : undefined;
  if (!file) {
    process.stderr.write('Usage: npm run eval -- --file <questions.jsonl> [--json]\n');
    return 64;
  }
  const questions = parseEvalSet(await readFile(file, 'utf8'), file);
  const outcomes = new Map<string, TurnOutcome>();
  const { bundle } = await bootstrapCli((outcome) => outcomes.set(outcome.conversationId, outcome));
  const report = await runEvaluation(bundle, questions, (id) => outcomes.get(id));
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  for (const r of report.results) {
    const q = questions.find((x) => x.id === r.id)!;
    process.stdout.write(
      `${r.pass ? 'PASS' : 'FAIL'} ${r.id} [${r.kind}] ${r.outcome}${r.articleId ? ` → ${r.articleId}` : ''}  ${q.question}\n`,
    );
  }
  const pct = (p: number, t: number) => (t === 0 ? 'n/a' : `${((p / t) * 100).toFixed(1)} %`);
  const { answerable, out_of_scope: oos } = report.byKind;
  process.stdout.write(
    `\nanswerable: ${answerable.passed}/${answerable.total} (${pct(answerable.passed, answerable.total)}), ` +
      `out_of_scope: ${oos.passed}/${oos.total} (${pct(oos.passed, oos.total)}), ` +
      `total: ${report.passed}/${report.total} (${pct(report.passed, report.total)})\n`,
  );
  return 0;
});

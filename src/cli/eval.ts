// `npm run eval -- --file F [--json] [--at YYYY-MM-DD]`: runs an evaluation set through the bot and scores it.
// A question set (id, question, kind, must_contain_any, optional context and topic) is scored by its expected
// facts; an intent set (id, text, intent) by what the bot did with each message.
import { readFile } from 'node:fs/promises';
import type { TurnOutcome } from '../bot/ikz-bot.js';
import { runEvaluation, runIntentEvaluation } from '../evaluation/run-evaluation.js';
import { parseEvalFile, type EvalReport, type IntentReport } from '../evaluation/scoring.js';
import { bootstrapCli, clockOption, runCli } from './bootstrap.js';

const USAGE = 'Usage: npm run eval -- --file <set.jsonl> [--json] [--at YYYY-MM-DD]\n';

runCli(async () => {
  const { now, rest: args } = clockOption(process.argv.slice(2));
  const fileIndex = args.indexOf('--file');
  const file = fileIndex >= 0 ? args[fileIndex + 1] : undefined;
  if (!file) {
    process.stderr.write(USAGE);
    return 64;
  }
  const set = parseEvalFile(await readFile(file, 'utf8'), file);
  const outcomes = new Map<string, TurnOutcome>();
  const { bundle } = await bootstrapCli((outcome) => outcomes.set(outcome.conversationId, outcome), now);
  const lastOutcome = (id: string) => outcomes.get(id);
  const report =
    set.kind === 'questions'
      ? await runEvaluation(bundle, set.questions, lastOutcome)
      : await runIntentEvaluation(bundle, set.intents, lastOutcome);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  if (set.kind === 'questions') printQuestions(report as EvalReport, new Map(set.questions.map((q) => [q.id, q.question])));
  else printIntents(report as IntentReport, new Map(set.intents.map((i) => [i.id, i.text])));
  return 0;
});

const pct = (p: number, t: number) => (t === 0 ? 'n/a' : `${((p / t) * 100).toFixed(1)} %`);

function printQuestions(report: EvalReport, texts: Map<string, string>): void {
  for (const r of report.results) {
    const mark = r.pass ? 'PASS' : r.wrongConfident ? 'WRONG' : 'FAIL';
    process.stdout.write(`${mark} ${r.id} [${r.kind}] ${r.outcome}${r.articleId ? ` → ${r.articleId}` : ''}  ${texts.get(r.id)}\n`);
  }
  const { answerable, out_of_scope: oos } = report.byKind;
  const topics = Object.entries(report.byTopic);
  if (topics.length > 1 || topics[0]?.[0] !== '-') {
    process.stdout.write('\nby topic:\n');
    for (const [topic, t] of topics)
      process.stdout.write(`  ${topic}: ${t.passed}/${t.total} (${pct(t.passed, t.total)}), wrong confident ${t.wrongConfident}\n`);
  }
  process.stdout.write(
    `\nanswerable: ${answerable.passed}/${answerable.total} (${pct(answerable.passed, answerable.total)}), ` +
      `out_of_scope: ${oos.passed}/${oos.total} (${pct(oos.passed, oos.total)}), ` +
      `total: ${report.passed}/${report.total} (${pct(report.passed, report.total)}), ` +
      `wrong confident: ${report.wrongConfident.count}/${report.total} (${pct(report.wrongConfident.count, report.total)})\n`,
  );
}

function printIntents(report: IntentReport, texts: Map<string, string>): void {
  for (const r of report.results) {
    const did = r.dialog
      ? `dialog ${r.dialog}`
      : r.smalltalk
        ? `smalltalk ${r.smalltalk}`
        : r.offered
          ? `${r.outcome}, offers ${r.offered}`
          : r.outcome;
    process.stdout.write(`${r.pass ? 'PASS' : 'FAIL'} ${r.id} [${r.intent}] ${did}  ${texts.get(r.id)}\n`);
  }
  process.stdout.write('\nby intent:\n');
  for (const [intent, t] of Object.entries(report.byIntent))
    process.stdout.write(`  ${intent}: ${t.passed}/${t.total} (${pct(t.passed, t.total)})\n`);
  process.stdout.write(`\ntotal: ${report.passed}/${report.total} (${pct(report.passed, report.total)})\n`);
}

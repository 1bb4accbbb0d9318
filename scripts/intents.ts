// `npx tsx scripts/intents.ts [--loo] [--verbose] [SET.jsonl...]`: how well the intent recogniser generalises,
// without the bot around it (fast; the bot's view is `npm run eval -- --file eval/intents.jsonl`).
// `--loo` classifies every example of knowledge/_meta/intents.yml by a recogniser built WITHOUT that example
// (leave-one-out): the share it still gets right is what editors' examples teach beyond themselves.
// Each SET is classified as the bot reads it (letter formulas stripped): an intent set (id, text, intent) by its
// intents, a question set (id, question) as questions (any recognised intent there is a spurious dialog).
// `--verbose` lists every miss. `--text "…"` (repeatable) shows what the recogniser makes of one message and why.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { intentsFileSchema, type IntentName, type IntentsFile } from '../src/knowledge/intent-schema.js';
import { cleanMessage } from '../src/understanding/message-cleanup.js';
import { IntentRecognizer } from '../src/understanding/intent-recognizer.js';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? (args.splice(args.indexOf(name), 1), true) : false);
const loo = flag('--loo');
const verbose = flag('--verbose');
const texts: string[] = [];
while (args.includes('--text')) texts.push(args.splice(args.indexOf('--text'), 2)[1] ?? '');
if (!loo && args.length === 0 && texts.length === 0) {
  process.stderr.write('Usage: npx tsx scripts/intents.ts [--loo] [--verbose] [--text MESSAGE]... [SET.jsonl...]\n');
  process.exit(64);
}

const file = intentsFileSchema.parse(parse(await readFile('knowledge/_meta/intents.yml', 'utf8')));
const intentOf = (recognizer: IntentRecognizer, text: string): IntentName =>
  recognizer.recognize(cleanMessage(text).text)?.intent ?? 'question';

interface Case {
  id: string;
  text: string;
  expected: IntentName;
}

/** Per expected intent: passed/total, and the misses. */
function score<C extends Case>(name: string, cases: C[], classify: (c: C) => IntentName): void {
  const rates = new Map<IntentName, { passed: number; total: number; missed: string[] }>();
  for (const c of cases) {
    const got = classify(c);
    const rate = rates.get(c.expected) ?? { passed: 0, total: 0, missed: [] };
    rate.total++;
    if (got === c.expected) rate.passed++;
    else rate.missed.push(`${c.id} "${c.text}" → ${got}`);
    rates.set(c.expected, rate);
  }
  const pct = (p: number, t: number) => `${((p / t) * 100).toFixed(1)} %`;
  let passed = 0;
  process.stdout.write(`${name}\n`);
  for (const [intent, r] of rates) {
    passed += r.passed;
    process.stdout.write(`  ${intent.padEnd(12)} ${r.passed}/${r.total}\n`);
    if (verbose) for (const miss of r.missed) process.stdout.write(`      ${miss}\n`);
  }
  process.stdout.write(`  total        ${passed}/${cases.length} (${pct(passed, cases.length)})\n\n`);
}

if (loo) {
  const cases: Array<Case & { index: number }> = [];
  for (const [intent, definition] of Object.entries(file.intents) as Array<[IntentName, { examples: string[] }]>)
    definition.examples.forEach((text, index) => cases.push({ id: `${intent}#${index + 1}`, text, expected: intent, index }));
  score('Leave-one-out over knowledge/_meta/intents.yml', cases, (c) => {
    const definition = file.intents[c.expected]!;
    const without: IntentsFile = {
      ...file,
      intents: { ...file.intents, [c.expected]: { ...definition, examples: definition.examples.filter((_, i) => i !== c.index) } },
    };
    return intentOf(IntentRecognizer.fromFile(without), c.text);
  });
}

const recognizer = IntentRecognizer.fromFile(file);
for (const text of texts)
  process.stdout.write(`${JSON.stringify(text)} → ${JSON.stringify(recognizer.recognize(cleanMessage(text).text) ?? 'question')}\n`);
for (const set of args) {
  const cases = (await readFile(set, 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; text?: string; question?: string; intent?: IntentName })
    .map((row) => ({ id: row.id, text: row.text ?? row.question ?? '', expected: row.intent ?? 'question' }));
  score(set, cases, (c) => intentOf(recognizer, c.text));
}

import type { E2eReport } from './e2e-bench.js';
import type { LoadFigures } from './load.js';
import type { RetrievalReport } from './retrieval-bench.js';
import type { RetrievalFigures } from './retrieval.js';
import type { StartupReport } from './startup-bench.js';
import type { TargetCheck } from './targets.js';

/** Everything `npm run bench` measured in one run. */
export interface BenchReport {
  retrieval: RetrievalReport & { questions: string; questionCount: number };
  e2e: E2eReport;
  startup: StartupReport;
  targets: TargetCheck[];
  machine: { cpus: number; node: string; totalSeconds: number };
}

/** The report as a readable text table (English). */
export function formatReport(report: BenchReport): string {
  const { retrieval: r, e2e, startup: s } = report;
  const short = e2e.shortConversations;
  const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? 'n/a' : `${value} ms`);
  const lines: string[] = [];
  lines.push(`IKZ-Assistent benchmark — ${report.machine.cpus} CPUs, Node ${report.machine.node}, ${report.machine.totalSeconds} s`);
  lines.push('');
  lines.push(`Retrieval: KnowledgeService.answer over ${r.questionCount} questions of ${r.questions}`);
  const row = (name: string, f: RetrievalFigures & { articles?: number }, articles: number, accuracy = '–') => [
    name,
    articles,
    ms(f.p50Ms),
    ms(f.p99Ms),
    f.qps,
    ms(f.coldP50Ms),
    ms(f.coldP99Ms),
    ms(f.buildMs),
    `${f.heapMb} MB`,
    accuracy,
  ];
  lines.push(
    table(
      ['', 'articles', 'p50', 'p99', 'queries/s', 'cold p50', 'cold p99', 'build', 'index heap', 'accuracy'],
      [
        row('bot, shipped KB', r.shipped, r.shipped.articles, `${r.passed}/${r.total} (${pct(r.accuracy)})`),
        row(
          'baseline, shipped KB',
          r.baseline,
          r.shipped.articles,
          `${r.baseline.passed}/${r.baseline.total} (${pct(r.baseline.accuracy)})`,
        ),
        row('bot, synthetic KB', r.synthetic2k, r.synthetic2k.articles),
        row('baseline, synthetic KB', r.baseline.synthetic2k, r.synthetic2k.articles),
        ...(r.synthetic10k ? [row('bot, large synthetic KB (information)', r.synthetic10k, r.synthetic10k.articles)] : []),
      ],
    ),
  );
  lines.push('  p50/p99/queries per second: repeated passes after a first (cold) pass on the freshly built index.');
  lines.push('');
  const loadRow = (name: string, f: LoadFigures) => [
    name,
    f.turnsPerSec,
    ms(f.p50Ms),
    ms(f.p99Ms),
    ms(f.httpP50Ms),
    ms(f.httpP99Ms),
    f.turns,
    errors(f),
  ];
  lines.push(
    `End to end: POST /api/messages → reply at the channel stand-in, ${e2e.connections} conversations, ${e2e.seconds} s each side (bot and floor in turns, 4 blocks)`,
  );
  lines.push(
    table(
      ['', 'turns/s', 'p50', 'p99', 'HTTP p50', 'HTTP p99', 'turns', 'errors'],
      [
        loadRow('IKZ bot (SQLite)', e2e.bot),
        loadRow('echo floor (same stack)', e2e.floor),
        loadRow(`IKZ bot, ${short.turnsPerConversation}-turn convs, ${short.seconds} s`, short.bot),
        loadRow(`echo floor, ${short.turnsPerConversation}-turn convs, ${short.seconds} s`, short.floor),
      ],
    ),
  );
  lines.push(
    `  ratio bot/floor: ${e2e.ratio} (short conversations: ${short.ratio})   Direct Line post → WebSocket reply: median ${ms(e2e.directLineReplyMs)}, p99 ${ms(e2e.directLineP99Ms)}   RSS of this process after the load: ${e2e.rssAfterLoadMb} MB`,
  );
  lines.push('');
  lines.push(
    `Start-up: spawn \`node <start flags> dist/server.cjs\` (after \`npm run build\`) → /readyz 200; the targets are checked on ${s.node}`,
  );
  lines.push(
    table(
      ['', 'ready', 'listening', 'KB load', 'RSS ready', 'RSS after load'],
      s.runtimes.flatMap((f) => [
        [`${f.node} (${f.storage}), shipped KB, first start`, ms(f.shippedFirstMs), '', '', '', '–'],
        [
          `${f.node} (${f.storage}), shipped KB, restart (median of 3)`,
          `${ms(f.shippedMs)} (CPU ${ms(f.shippedCpuMs)})`,
          ms(f.shippedListeningMs),
          ms(f.shippedKnowledgeMs),
          `${f.rssMb} MB`,
          '–',
        ],
        [
          `${f.node} (${f.storage}), synthetic KB (${r.synthetic2k.articles}), first start`,
          ms(f.synthetic2kFirstMs),
          '',
          '',
          `${f.rss2kFirstMb} MB (peak ${f.rss2kFirstPeakMb} MB)`,
          '–',
        ],
        [
          `${f.node} (${f.storage}), synthetic KB (${r.synthetic2k.articles}), restart`,
          ms(f.synthetic2kMs),
          '',
          '',
          `${f.rss2kReadyMb} MB`,
          `${f.rss2kAfterLoadMb} MB (${f.loadSeconds} s load)`,
        ],
      ]),
    ),
  );
  lines.push('');
  lines.push('Targets');
  lines.push(
    table(
      ['', 'target', 'measured', ''],
      report.targets.map((t) => [t.name, t.target, `${t.value}${t.unit ? ` ${t.unit}` : ''}`, t.met ? 'met' : 'MISSED']),
    ),
  );
  return lines.join('\n');
}

function pct(accuracy: number): string {
  return `${(accuracy * 100).toFixed(1)} %`;
}

function errors(load: { non2xx: number; errors: number; timeouts: number }): string {
  return String(load.non2xx + load.errors + load.timeouts);
}

/** A plain text table: first column left-aligned, the others right-aligned. */
function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) => `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`;
  return [line(cells[0]!), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { ChannelStub } from './channel-stub.js';
import { round, summarize } from './stats.js';

/** Figures of one load run over `POST /api/messages`. */
export interface LoadFigures {
  turnsPerSec: number;
  /** From posting the activity to its first reply arriving at the channel stand-in. */
  p50Ms: number;
  p99Ms: number;
  turns: number;
  /** HTTP responses that were not 2xx, connection errors and timeouts (all should be 0). */
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Requests that got no reply at the channel (should be 0 apart from the last in flight). */
  unanswered: number;
  /** HTTP latency as autocannon measured it (until the response to the POST). */
  httpP50Ms: number;
  httpP99Ms: number;
}

/** One run's raw figures, for merging several runs into one (`mergeRuns`). */
export interface LoadRun {
  figures: LoadFigures;
  latenciesMs: number[];
  wallMs: number;
  httpLatencies: { p50: number; p99: number; count: number };
}

const CLIENT_HOOK = fileURLToPath(new URL('./load-client.cjs', import.meta.url));
let runs = 0;

/**
 * Drives `POST /api/messages` of a server with `connections` concurrent conversations for `seconds`
 * (autocannon in a worker thread, so the load generator does not share the server's event loop), each
 * conversation sending the next message as soon as the previous POST is answered. Turns count when
 * their reply arrived at the channel stand-in within the run.
 */
export async function runLoad(options: {
  port: number;
  channel: ChannelStub;
  serviceUrl: string;
  texts: readonly string[];
  connections: number;
  seconds: number;
  /** Start a new conversation every so many turns (default: one conversation per connection for the whole run). */
  turnsPerConversation?: number;
  /** Runs with the same name continue the same conversations (default: new ones for every run). */
  conversations?: string;
}): Promise<LoadFigures> {
  return (await runLoadRaw(options)).figures;
}

/** `runLoad` with the raw latencies (see `mergeRuns`). */
export async function runLoadRaw(options: Parameters<typeof runLoad>[0]): Promise<LoadRun> {
  const { channel } = options;
  channel.reset();
  process.env.IKZ_BENCH_LOAD = JSON.stringify({
    run: options.conversations ?? `${process.pid}-${++runs}`,
    serviceUrl: options.serviceUrl,
    texts: options.texts,
    turnsPerConversation: options.turnsPerConversation,
  });
  const startedAt = performance.timeOrigin + performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${options.port}/api/messages`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    connections: options.connections,
    duration: options.seconds,
    workers: 1,
    timeout: 30,
    setupClient: CLIENT_HOOK as unknown as (client: autocannon.Client) => void,
  });
  const endedAt = performance.timeOrigin + performance.now();
  // Replies to the last requests may still be on their way: give them a moment, count only the run's.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const inRun = [...channel.replies.values()].filter((r) => r.arrivedAt <= endedAt);
  // The run starts with its first request (autocannon's worker takes a moment to start).
  const firstSentAt = inRun.reduce((first, r) => Math.min(first, r.arrivedAt - r.latencyMs), startedAt + 1000);
  const latenciesMs = inRun.map((r) => r.latencyMs);
  const wallMs = endedAt - Math.max(startedAt, firstSentAt);
  const figures = summarize(latenciesMs, wallMs);
  const sent = (result.requests as { sent?: number }).sent ?? result.requests.total;
  const loadFigures: LoadFigures = {
    turnsPerSec: figures.qps,
    p50Ms: figures.p50Ms,
    p99Ms: figures.p99Ms,
    turns: inRun.length,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    unanswered: Math.max(0, sent - channel.replies.size),
    httpP50Ms: round(result.latency.p50, 1),
    httpP99Ms: round(result.latency.p99, 1),
  };
  return {
    figures: loadFigures,
    latenciesMs,
    wallMs,
    httpLatencies: { p50: result.latency.p50, p99: result.latency.p99, count: result.requests.total },
  };
}

/**
 * Several runs on one server as one: turns over the summed time, percentiles over all latencies, counts
 * added up; autocannon's HTTP percentiles (it gives no raw values) as the request-weighted mean of the runs'.
 */
export function mergeRuns(runs: readonly LoadRun[]): LoadFigures {
  const latencies = runs.flatMap((r) => r.latenciesMs);
  const merged = summarize(
    latencies,
    runs.reduce((sum, r) => sum + r.wallMs, 0),
  );
  const sum = (pick: (f: LoadFigures) => number) => runs.reduce((total, r) => total + pick(r.figures), 0);
  const requests = runs.reduce((total, r) => total + r.httpLatencies.count, 0) || 1;
  const weighted = (pick: (h: LoadRun['httpLatencies']) => number) =>
    round(runs.reduce((total, r) => total + pick(r.httpLatencies) * r.httpLatencies.count, 0) / requests, 1);
  return {
    turnsPerSec: merged.qps,
    p50Ms: merged.p50Ms,
    p99Ms: merged.p99Ms,
    turns: latencies.length,
    non2xx: sum((f) => f.non2xx),
    errors: sum((f) => f.errors),
    timeouts: sum((f) => f.timeouts),
    unanswered: sum((f) => f.unanswered),
    httpP50Ms: weighted((h) => h.p50),
    httpP99Ms: weighted((h) => h.p99),
  };
}

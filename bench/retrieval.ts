import { heapUsedAfterGc, toMb } from './gc.js';
import { nowMs, round, summarize, type LatencySummary } from './stats.js';

/** Speed of one answer function over a question set. */
export interface RetrievalFigures extends LatencySummary {
  /** The first pass over the questions right after the index was built (cold caches, cold JIT). */
  coldP50Ms: number;
  coldP99Ms: number;
  buildMs: number;
  /** Heap the built index takes (after a full collection). */
  heapMb: number;
}

/** Timed passes: at least `MIN_PASSES` and `MIN_TIMED_MS`, unless passes are so slow that `MAX_TIMED_MS` is reached first. */
const MIN_PASSES = 5;
const MIN_TIMED_MS = 1500;
const MAX_TIMED_MS = 4000;

/**
 * Builds an index with `build` and times `answer` for every question: one cold pass first (reported
 * separately), then repeated passes for p50/p99 and queries per second. With `singlePass` (for answer
 * functions too slow to repeat, that keep no caches) the cold pass is the only one and gives all figures.
 */
export function measureRetrieval<T>(
  build: () => T,
  answer: (index: T, question: string) => unknown,
  questions: readonly string[],
  options: { singlePass?: boolean } = {},
): RetrievalFigures & { index: T } {
  const heapBefore = heapUsedAfterGc();
  const started = nowMs();
  const index = build();
  const buildMs = nowMs() - started;
  const heapMb = toMb(heapUsedAfterGc() - heapBefore);
  const time = (question: string) => {
    const at = nowMs();
    answer(index, question);
    return nowMs() - at;
  };
  const coldStarted = nowMs();
  const cold = summarize(questions.map(time), nowMs() - coldStarted);
  if (options.singlePass) return { ...cold, coldP50Ms: cold.p50Ms, coldP99Ms: cold.p99Ms, buildMs: round(buildMs, 0), heapMb, index };
  const latencies: number[] = [];
  const timedStarted = nowMs();
  for (let pass = 0; ; pass++) {
    const elapsed = nowMs() - timedStarted;
    if ((pass >= MIN_PASSES && elapsed >= MIN_TIMED_MS) || (pass >= 1 && elapsed >= MAX_TIMED_MS)) break;
    for (const question of questions) latencies.push(time(question));
  }
  const warm = summarize(latencies, nowMs() - timedStarted);
  return { ...warm, coldP50Ms: cold.p50Ms, coldP99Ms: cold.p99Ms, buildMs: round(buildMs, 0), heapMb, index };
}

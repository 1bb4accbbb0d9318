/** Latency figures of one measured series. */
export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  /** Operations per second over the whole series (count / wall time). */
  qps: number;
  samples: number;
}

/** The `p`-th percentile (0 < p ≤ 1) of samples by the nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;
}

/** p50, p99 and throughput of latencies (ms) measured over `wallMs` milliseconds. */
export function summarize(latenciesMs: readonly number[], wallMs: number): LatencySummary {
  return {
    p50Ms: round(percentile(latenciesMs, 0.5), 3),
    p99Ms: round(percentile(latenciesMs, 0.99), 3),
    qps: round(wallMs > 0 ? (latenciesMs.length * 1000) / wallMs : 0, 1),
    samples: latenciesMs.length,
  };
}

/** Rounds to `digits` decimals (NaN stays NaN). */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const nowMs = (): number => performance.now();

/** One target of issue 6 with the measured value. */
export interface TargetCheck {
  name: string;
  /** The target as text (`< 2 ms`). */
  target: string;
  value: number;
  unit: string;
  met: boolean;
}

/** The figures the targets are checked against. */
export interface TargetInputs {
  retrievalP99Ms10k: number;
  e2eRatio: number;
  readyShippedMs: number;
  rss10kMb: number;
}

/** The four targets: retrieval p99 on 10,000 articles, e2e ratio to the floor, ready time, RSS with 10,000 articles. */
export function checkTargets(inputs: TargetInputs): TargetCheck[] {
  return [
    { name: 'retrieval p99, 10,000 articles', target: '< 2 ms', value: inputs.retrievalP99Ms10k, unit: 'ms', met: inputs.retrievalP99Ms10k < 2 },
    { name: 'e2e throughput / echo floor', target: '≥ 0.7', value: inputs.e2eRatio, unit: '', met: inputs.e2eRatio >= 0.7 },
    { name: 'ready, shipped knowledge base', target: '< 1000 ms', value: inputs.readyShippedMs, unit: 'ms', met: inputs.readyShippedMs < 1000 },
    { name: 'RSS, 10,000 articles', target: '< 300 MB', value: inputs.rss10kMb, unit: 'MB', met: inputs.rss10kMb < 300 },
  ];
}

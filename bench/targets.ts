/** One target with the measured value. */
export interface TargetCheck {
  name: string;
  /** The target as text (`< 5 ms`). */
  target: string;
  value: number;
  unit: string;
  met: boolean;
}

/** The figures the targets are checked against. */
export interface TargetInputs {
  retrievalP99Ms2k: number;
  e2eRatio: number;
  readyShippedMs: number;
  rss2kMb: number;
  /** The Node the two start-up figures are of (the production LTS when the bench could run it). */
  startupNode: string;
}

/** The targets, as named data. */
export const TARGETS = {
  /** Answer decision p99 with 2,000 synthetic articles, ms. */
  retrievalP99Ms2k: 5,
  /** Turns per second through `/api/messages` as a share of the echo-bot floor's. */
  e2eRatio: 0.7,
  /** Spawn → `/readyz` 200 on a restart with the shipped knowledge base, ms (on the production LTS). */
  readyShippedMs: 1000,
  /** Resident memory of the server with 2,000 synthetic articles, MB (on the production LTS). */
  rss2kMb: 200,
} as const;

export function checkTargets(inputs: TargetInputs): TargetCheck[] {
  return [
    {
      name: 'answer decision p99, 2,000 articles',
      target: `< ${TARGETS.retrievalP99Ms2k} ms`,
      value: inputs.retrievalP99Ms2k,
      unit: 'ms',
      met: inputs.retrievalP99Ms2k < TARGETS.retrievalP99Ms2k,
    },
    {
      name: 'e2e throughput / echo floor',
      target: `≥ ${TARGETS.e2eRatio}`,
      value: inputs.e2eRatio,
      unit: '',
      met: inputs.e2eRatio >= TARGETS.e2eRatio,
    },
    {
      name: `ready, shipped knowledge base (restart, ${inputs.startupNode})`,
      target: `< ${TARGETS.readyShippedMs} ms`,
      value: inputs.readyShippedMs,
      unit: 'ms',
      met: inputs.readyShippedMs < TARGETS.readyShippedMs,
    },
    {
      name: `RSS, 2,000 articles (${inputs.startupNode})`,
      target: `< ${TARGETS.rss2kMb} MB`,
      value: inputs.rss2kMb,
      unit: 'MB',
      met: inputs.rss2kMb < TARGETS.rss2kMb,
    },
  ];
}

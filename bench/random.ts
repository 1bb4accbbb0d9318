/** A small seeded pseudo-random generator, so every benchmark run works on the same synthetic data. */
export interface Random {
  /** 0 ≤ x < 1. */
  next(): number;
  /** An integer 0 ≤ x < `max`. */
  int(max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/**
 * Mulberry32: fast, 32-bit state, good enough to vary benchmark data (not for anything secret).
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random.int(10); // always the same sequence for seed 42
 * ```
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

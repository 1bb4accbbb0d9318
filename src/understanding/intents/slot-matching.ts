/**
 * How the words of a message fill the words (slots) of an example, and how candidates are ranked (pure). A slot is
 * one word of an example; each message word fills one slot at most, so how many slots a message fills is a maximum
 * matching, not a count of hits.
 */

/** How a message fills one example's slots. */
export interface Filling {
  /** Slots filled by a clear word (not a noun of a counter-example). */
  clear: number;
  /** Slots filled by the example's own word, not a relative from its group. */
  literal: number;
  /** Per filled slot, the positions of the message terms that filled it. */
  bySlot: Map<number, Set<number>>;
}

/** The candidate ranked highest (by `order`, compared with `isGreater`), if any; the first of equals wins. */
export function bestOf<C extends { order: readonly number[] }>(candidates: readonly C[]): C | undefined {
  return candidates.reduce<C | undefined>((best, c) => (!best || isGreater(c.order, best.order) ? c : best), undefined);
}

/** Lexicographic comparison of two rankings. */
export function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/**
 * True when two different message words fill two different slots (one compound filling two is not enough), neither
 * of them a word of the asker's own side (`excluded`).
 */
export function twoWords(bySlot: Map<number, Set<number>>, excluded: ReadonlySet<number>): boolean {
  if (excluded.size === 0 || !hasAny(bySlot, excluded)) return matchingSize(bySlot) >= 2;
  const without = new Map<number, Set<number>>();
  for (const [slot, positions] of bySlot) {
    const kept = [...positions].filter((position) => !excluded.has(position));
    if (kept.length > 0) without.set(slot, new Set(kept));
  }
  return matchingSize(without) >= 2;
}

/** True when a position of `positions` fills a slot. */
function hasAny(bySlot: Map<number, Set<number>>, positions: ReadonlySet<number>): boolean {
  for (const filling of bySlot.values()) for (const position of filling) if (positions.has(position)) return true;
  return false;
}

/** How many slots distinct message words can fill at once (a maximum bipartite matching; examples are short). */
export function matchingSize(bySlot: Map<number, Set<number>>): number {
  const owner = new Map<number, number>();
  let size = 0;
  for (const slot of bySlot.keys()) if (assignSlot(bySlot, owner, slot, new Set())) size++;
  return size;
}

/** Gives `slot` a message term of its own, moving other slots to other terms where needed (an augmenting path). */
function assignSlot(bySlot: Map<number, Set<number>>, owner: Map<number, number>, slot: number, seen: Set<number>): boolean {
  for (const term of bySlot.get(slot)!) {
    if (seen.has(term)) continue;
    seen.add(term);
    const other = owner.get(term);
    if (other === undefined || assignSlot(bySlot, owner, other, seen)) {
      owner.set(term, slot);
      return true;
    }
  }
  return false;
}

/** How many bits of a mask are set: the slots of a `Filling` mask. */
export function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

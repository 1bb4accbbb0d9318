import { describe, expect, it } from 'vitest';
import { bestOf, bitCount, isGreater, matchingSize, twoWords } from '../../../src/understanding/intents/slot-matching.js';

/** Slot → positions of the message terms that fill it. */
const bySlot = (slots: Record<number, number[]>) => new Map(Object.entries(slots).map(([slot, terms]) => [Number(slot), new Set(terms)]));

describe('matchingSize', () => {
  it('lets each message word fill one slot at most', () => {
    expect(matchingSize(bySlot({ 0: [0], 1: [0] }))).toBe(1);
  });

  it('moves a word to another slot where that fills more', () => {
    expect(matchingSize(bySlot({ 0: [0, 1], 1: [0] }))).toBe(2);
    expect(matchingSize(bySlot({ 0: [0], 1: [1], 2: [1, 2] }))).toBe(3);
  });
});

describe('twoWords', () => {
  it('needs two different words in two different slots', () => {
    expect(twoWords(bySlot({ 0: [0], 1: [1] }), new Set())).toBe(true);
    expect(twoWords(bySlot({ 0: [0], 1: [0] }), new Set())).toBe(false);
  });

  it("does not count an excluded word (the asker's own side)", () => {
    expect(twoWords(bySlot({ 0: [0], 1: [1] }), new Set([1]))).toBe(false);
    expect(twoWords(bySlot({ 0: [0, 2], 1: [1] }), new Set([1]))).toBe(false);
  });
});

describe('ranking', () => {
  it('compares rankings lexicographically', () => {
    expect(isGreater([1, 0, 2], [1, 0, 1])).toBe(true);
    expect(isGreater([1, 0], [1, 0])).toBe(false);
    expect(isGreater([0.9, 1], [1, 0])).toBe(false);
  });

  it('takes the highest candidate, the first of equals', () => {
    const best = bestOf([
      { order: [1, 0], name: 'a' },
      { order: [1, 1], name: 'b' },
      { order: [1, 1], name: 'c' },
    ]);
    expect(best?.name).toBe('b');
    expect(bestOf([])).toBeUndefined();
  });

  it('counts the slots of a mask', () => {
    expect([bitCount(0), bitCount(0b1011), bitCount(1 << 29)]).toEqual([0, 3, 1]);
  });
});

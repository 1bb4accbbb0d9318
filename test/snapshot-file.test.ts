import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LazyBytes } from '../src/knowledge/snapshot/lazy-bytes.js';
import { decodeSnapshot, encodeSnapshot, readSnapshotFile, splitSnapshot } from '../src/knowledge/snapshot/snapshot-file.js';

const value = {
  text: 'Förderung ÄÖÜ ß 😀',
  when: new Date('2026-01-02T03:04:05Z'),
  list: [1, 'zwei', null, { deep: Uint8Array.from([1, 2, 3]) }],
  map: new Map([['a', Float64Array.from([0.1, 1 / 3, -0])]]),
  odd: Uint8Array.from([9]),
  wide: Uint32Array.from([1, 70_000, 0xffffffff]),
  short: Uint16Array.from([65_535, 0]),
  signed: Int32Array.from([-1, 5]),
  empty: new Uint32Array(0),
  blob: [1, 2],
};

describe('snapshot files', () => {
  it('give back the same data, typed arrays as views into one blob, from bytes and from the file', async () => {
    const bytes = encodeSnapshot(value);
    const file = join(mkdtempSync(join(tmpdir(), 'ikz-snap-')), 'x.snapshot');
    writeFileSync(file, bytes);
    for (const parts of [splitSnapshot(bytes), (await readSnapshotFile(file))!]) {
      const decoded = decodeSnapshot(parts) as typeof value;
      expect(decoded).toEqual(value);
      expect(Object.is((decoded.map.get('a') as Float64Array)[2], -0)).toBe(true);
      for (const array of [decoded.odd, decoded.wide, decoded.short, decoded.signed]) expect(array.buffer).toBe(parts.blob);
    }
    expect(await readSnapshotFile(join(tmpdir(), 'ikz-no-such-snapshot'))).toBeUndefined();
  });

  it('keep lazy bytes in the file until read, readable even after the file was deleted', async () => {
    const texts = ['Förderung', 'x'.repeat(5000), ''].map((t) => Buffer.from(t));
    const bytes = encodeSnapshot({ index: Uint32Array.from([7]), texts: texts.map((t) => LazyBytes.of(t)) });
    const file = join(mkdtempSync(join(tmpdir(), 'ikz-snap-')), 'x.snapshot');
    writeFileSync(file, bytes);
    const fromFile = decodeSnapshot((await readSnapshotFile(file))!) as { index: Uint32Array; texts: LazyBytes[] };
    rmSync(file);
    const fromBytes = decodeSnapshot(splitSnapshot(bytes)) as typeof fromFile;
    for (const decoded of [fromFile, fromBytes]) {
      expect([...decoded.index]).toEqual([7]);
      expect(decoded.texts.map((t) => Buffer.from(t.read()).toString())).toEqual(texts.map((t) => t.toString()));
    }
  });

  it('refuse bytes that are not a whole snapshot file', () => {
    const bytes = encodeSnapshot(value);
    expect(() => splitSnapshot(bytes.subarray(0, bytes.length - 1))).toThrow(/size/);
    expect(() => splitSnapshot(Buffer.from('this is not a snapshot file at all, only text'))).toThrow(/not a snapshot/);
    expect(() => splitSnapshot(bytes.subarray(0, 8))).toThrow(/too short/);
  });
});

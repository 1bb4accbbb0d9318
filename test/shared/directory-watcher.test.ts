import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchDirectories } from '../../src/shared/directory-watcher.js';

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the folder watcher', () => {
  it('reports changes in nested folders, also in folders made or moved in later, not in hidden ones, nothing after close', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ikz-watch-'));
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    mkdirSync(join(root, '.git'));
    const seen: string[] = [];
    const errors: unknown[] = [];
    const watcher = watchDirectories(
      root,
      (file) => seen.push(file),
      (error) => errors.push(error),
    );
    try {
      writeFileSync(join(root, 'a', 'b', 'x.md'), 'eins');
      await until(() => seen.includes('a/b/x.md'));
      mkdirSync(join(root, 'neu'));
      await until(() => seen.includes('neu'));
      // The new folder is watched from its creation on.
      await new Promise((r) => setTimeout(r, 50));
      writeFileSync(join(root, 'neu', 'y.md'), 'zwei');
      await until(() => seen.includes('neu/y.md'));
      // A folder moved in (with its files) shows as the folder.
      const outside = mkdtempSync(join(tmpdir(), 'ikz-watch-outside-'));
      writeFileSync(join(outside, 'z.md'), 'drei');
      renameSync(outside, join(root, 'a', 'moved'));
      await until(() => seen.includes('a/moved'));
      writeFileSync(join(root, '.git', 'HEAD'), 'x');
      // Positive control: a change written after the hidden one is reported; the hidden one never was.
      writeFileSync(join(root, 'a', 'nach-git.md'), 'x');
      await until(() => seen.includes('a/nach-git.md'));
      expect(seen.some((f) => f.startsWith('.git/'))).toBe(false);
    } finally {
      watcher.close();
    }
    // After close: a second watcher (the control) sees the next change; the closed one does not.
    const count = seen.length;
    const control: string[] = [];
    const controlWatcher = watchDirectories(
      root,
      (file) => control.push(file),
      (error) => errors.push(error),
    );
    try {
      writeFileSync(join(root, 'a', 'b', 'x.md'), 'vier');
      await until(() => control.includes('a/b/x.md'));
    } finally {
      controlWatcher.close();
    }
    expect(seen).toHaveLength(count);
    expect(errors).toEqual([]);
  });
});

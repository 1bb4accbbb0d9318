import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSnapshotFile, type SnapshotParts } from './snapshot-file.js';

/** How many snapshots a cache folder keeps (the newest): the current one and a few to switch back to. */
export const SNAPSHOTS_KEPT = 3;

const PREFIX = 'knowledge-';
const SUFFIX = '.snapshot';

/**
 * A folder of knowledge snapshots, one file per fingerprint (`knowledge-<fingerprint>.snapshot`). Files
 * are written under a temporary name and renamed, so a reader (or another instance) never sees half a
 * snapshot; only the newest `SNAPSHOTS_KEPT` stay.
 *
 * @example
 * ```ts
 * const cache = new SnapshotCache('data/knowledge-cache');
 * const snapshot = await cache.read(key); // undefined when there is none
 * ```
 */
export class SnapshotCache {
  constructor(readonly dir: string) {}

  /** The file of the snapshot with this fingerprint. */
  path(key: string): string {
    if (!/^[0-9a-f]{16,128}$/.test(key)) throw new Error(`not a knowledge fingerprint: ${key}`);
    return join(this.dir, `${PREFIX}${key}${SUFFIX}`);
  }

  /** The saved snapshot with this fingerprint, or `undefined` when there is none. */
  read(key: string): Promise<SnapshotParts | undefined> {
    return readSnapshotFile(this.path(key));
  }

  /** Saves a snapshot (atomically) and removes all but the newest `SNAPSHOTS_KEPT`. */
  async write(key: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = this.path(key);
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch (cause) {
      await rm(temporary, { force: true });
      throw cause;
    }
    await this.prune(target);
  }

  private async prune(keep: string): Promise<void> {
    const names = (await readdir(this.dir)).filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX));
    const files = await Promise.all(
      names.map(async (name) => ({ path: join(this.dir, name), mtimeMs: await stat(join(this.dir, name)).then((s) => s.mtimeMs, () => 0) })),
    );
    files.sort((a, b) => b.mtimeMs - a.mtimeMs);
    const old = files.filter((file) => file.path !== keep).slice(SNAPSHOTS_KEPT - 1);
    await Promise.all(old.map((file) => rm(file.path, { force: true })));
  }
}

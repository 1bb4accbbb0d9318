import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gcFunction = runInNewContext('gc') as () => void;

/** A full garbage collection (exposed at run time, since `tsx` starts node without `--expose-gc`). */
export function collectGarbage(): void {
  gcFunction();
}

/** Heap in use after a full collection, in bytes. */
export function heapUsedAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Bytes → megabytes, one decimal. */
export const toMb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

import { readFile } from 'node:fs/promises';

/** Resident memory of a process in MB (Linux `/proc/<pid>/status` VmRSS), or NaN when unknown. */
export async function residentMb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

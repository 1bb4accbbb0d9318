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

/**
 * The process that runs the server: `tsx` starts the script in a child `node` process, so this is the
 * only child of `pid` when there is one, else `pid` itself.
 */
export async function serverProcess(pid: number): Promise<number> {
  try {
    const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).trim().split(/\s+/).filter(Boolean).map(Number);
    return children.length === 1 ? children[0]! : pid;
  } catch {
    return pid;
  }
}

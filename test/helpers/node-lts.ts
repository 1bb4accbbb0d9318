import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The production Node LTS (`config.nodeLts` in package.json) that `scripts/ensure-node-lts.mjs` (pretest)
 * fetched, or NODE_LTS_PATH.
 */
export function nodeLtsBinary(): string {
  if (process.env.NODE_LTS_PATH) return process.env.NODE_LTS_PATH;
  const { config } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { config: { nodeLts: string } };
  const executable = process.platform === 'win32' ? 'node.exe' : 'node';
  return join(ROOT, 'node_modules', '.cache', 'node-lts', `v${config.nodeLts}`, 'package', 'bin', executable);
}

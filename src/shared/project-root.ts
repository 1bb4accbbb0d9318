import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `name` in the project's package.json, which marks the project folder. */
const PACKAGE_NAME = 'ikz-assistent';

/**
 * The project folder (with `knowledge/`, `public/`, `data/`), found from this module's own location
 * whether it runs from `src/` under tsx or bundled into `dist/` by `npm run build`.
 *
 * @example
 * ```ts
 * const knowledgeDir = join(projectRoot(), 'knowledge');
 * ```
 */
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`Cannot find the project folder (package.json named "${PACKAGE_NAME}") above ${from}`);
  }
}

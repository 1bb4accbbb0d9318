import { defineConfig } from 'vitest/config';

/**
 * Two projects (`npm test` runs both):
 * - unit: everything in-process (bot, dialogs, HTTP on a loopback port, SQLite, file watchers): `npm run test:unit`
 *   runs it with `--no-isolate --maxWorkers=2`: the files of a worker share one module cache (botbuilder and the
 *   shipped knowledge base load once per worker, not once per file; the unit tests keep no global state between
 *   files), and two workers use both cores. Vitest takes isolation and workers only from the command line or the
 *   root config, not per project.
 * - integration: files named `*.int.test.ts`, which start a browser, azurite, the Agents Playground, child
 *   processes (`tsx`, `node`, `npm`) or a load test: `npm run test:integration` (isolated, one worker).
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/**/*.int.test.ts'] },
      },
      { extends: true, test: { name: 'integration', include: ['test/**/*.int.test.ts'] } },
    ],
  },
});

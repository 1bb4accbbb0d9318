import { defineConfig } from 'vitest/config';

/**
 * Two projects (`npm test` runs both):
 * - unit: everything in-process (bot, dialogs, HTTP on a loopback port, SQLite, file watchers): `npm run test:unit`;
 * - integration: files named `*.int.test.ts`, which start a browser, azurite, the Agents Playground, child
 *   processes (`tsx`, `node`, `npm`) or a load test: `npm run test:integration`.
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts'],
          // The files share one module cache per worker (botbuilder and the shipped knowledge base load once per
          // worker, not once per file): the unit tests keep no global state between files. `npm run test:unit`
          // runs two workers, one per core.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'integration', include: ['test/**/*.int.test.ts'] } },
    ],
  },
});

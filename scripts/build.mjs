// `npm run build`: bundles the server into dist/server.cjs (one file instead of thousands of modules),
// which `npm start` runs through scripts/start.cjs with V8's code cache. Both make the start-up fast.
import { build } from 'esbuild';
import { mkdir, readdir, rm } from 'node:fs/promises';

const OUT = 'dist';

// Only this build's own files: dist/ also holds the Teams app package. Old code caches go with the bundle.
await mkdir(OUT, { recursive: true });
for (const file of await readdir(OUT)) if (file.startsWith('server.cjs')) await rm(`${OUT}/${file}`);
await build({
  entryPoints: ['src/main.ts'],
  outfile: `${OUT}/server.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Smaller is faster to read and parse. Functions and classes keep their names (stack traces in the logs
  // stay readable); dist/server.cjs.map maps a trace back to the sources (`node --enable-source-maps`).
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  // Native addons stay in node_modules; so do the large packages only some installations use
  // (Blob Storage backend, report chart): they load from there on first use.
  external: ['better-sqlite3', 'dtrace-provider', '@azure/storage-blob', 'botbuilder-azure-blobs', 'vega', 'vega-lite'],
  // The sources are ES modules; in the bundle import.meta.url is the bundle's own file URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

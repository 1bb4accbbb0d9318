// `npm run build`: bundles the server into dist/ikz-assistent.cjs (one file loads far faster than the thousands
// of modules in node_modules) and writes dist/server.cjs, the entry `npm start` runs.
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';

const OUT = 'dist';

/**
 * The entry: Node 22.1 and later keep the compiled bundle in a compile cache (in the system's temporary folder
 * by default, or NODE_COMPILE_CACHE), so a restart skips most of the parsing; Node 20 has no such cache and
 * simply loads the bundle.
 */
const ENTRY = `'use strict';
// Written by scripts/build.mjs.
require('node:module').enableCompileCache?.();
require('./ikz-assistent.cjs');
`;

await build({
  entryPoints: { 'ikz-assistent': 'src/main.ts' },
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Smaller is faster to read and parse. Functions and classes keep their names (stack traces in the logs
  // stay readable); the .map file maps a trace back to the sources (`node --enable-source-maps`).
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
await writeFile(`${OUT}/server.cjs`, ENTRY);

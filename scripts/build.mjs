// `npm run build`: bundles the server into dist/server.cjs (one file instead of thousands of modules),
// which `npm start` runs through scripts/start.cjs with V8's code cache, and the knowledge index builder
// (a child process of the server) into dist/knowledge-builder.cjs. Both make the start-up fast.
import { build } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { lazyRecognizers } from './lazy-recognizers.mjs';

const OUT = 'dist';

const outputs = await build({
  entryPoints: { server: 'src/main.ts' },
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Smaller is faster to read and parse. Functions and classes keep their names (stack traces in the logs
  // stay readable); the .map files map a trace back to the sources (`node --enable-source-maps`).
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
  plugins: [lazyRecognizers],
  write: false,
});

// Only files whose content changed are written: `npm start` builds before every start, and an unchanged
// bundle keeps its modification time, which keys V8's code cache (scripts/start.cjs) — rewriting it
// would make every start compile the whole bundle again. dist/ also holds the Teams app package.
/**
 * The bundle with every character above U+00FF written as `\uXXXX`. Why: V8 keeps a script's source for as
 * long as it runs, one byte per character when every character fits, else two; a handful of such characters
 * (fullwidth digits in a regular expression of Microsoft's recognizers, where esbuild leaves them as they
 * are) would double the 5.5 MB source in memory. esbuild's default ASCII output has them in regular
 * expression literals only, where the escape means the same character.
 */
function latin1Source(contents, path) {
  const text = Buffer.from(contents).toString('utf8');
  if (!/[^\u0000-\u00ff]/.test(text) || !path.endsWith('.cjs')) return contents;
  return Buffer.from(text.replace(/[^\u0000-\u00ff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'utf8');
}

await mkdir(OUT, { recursive: true });
const existing = await readdir(OUT);
for (const output of outputs.outputFiles) {
  const file = { path: output.path, contents: latin1Source(output.contents, output.path) };
  const name = basename(file.path);
  const previous = await readFile(file.path).catch(() => undefined);
  if (previous && Buffer.compare(previous, file.contents) === 0) continue;
  // A changed bundle invalidates its code caches (`<bundle>.<size>-<mtime>.v8cache`).
  for (const old of existing) if (old.startsWith(`${name}.`) && old.endsWith('.v8cache')) await rm(join(OUT, old));
  await writeFile(file.path, file.contents);
}

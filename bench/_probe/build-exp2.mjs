import { build } from 'esbuild';
await build({
  entryPoints: { app2: 'src/main.ts' }, outdir: 'dist-exp', outExtension: { '.js': '.cjs' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  minify: false, keepNames: true,
  external: ['better-sqlite3', 'dtrace-provider', '@azure/storage-blob', 'botbuilder-azure-blobs', 'vega', 'vega-lite'],
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

import { build } from 'esbuild';
import { writeFileSync, mkdirSync } from 'node:fs';
mkdirSync('dist-exp', { recursive: true });
const r = await build({
  entryPoints: { app: 'src/main.ts' }, outdir: 'dist-exp', outExtension: { '.js': '.cjs' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  minify: true, keepNames: true, sourcemap: 'linked',
  external: ['better-sqlite3', 'dtrace-provider', '@azure/storage-blob', 'botbuilder-azure-blobs', 'vega', 'vega-lite'],
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning', metafile: true,
});
writeFileSync('dist-exp/meta.json', JSON.stringify(r.metafile));
writeFileSync('dist-exp/server.cjs', "'use strict';\nrequire('node:module').enableCompileCache?.();\nrequire('./app.cjs');\n");

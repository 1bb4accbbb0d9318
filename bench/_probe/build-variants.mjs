import { build } from 'esbuild';
import { writeFileSync, mkdirSync } from 'node:fs';
import { lazyRecognizers } from './lazy-recognizers.mjs';
mkdirSync('dist-exp', { recursive: true });
const base = {
  entryPoints: ['src/main.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, keepNames: true,
  external: ['better-sqlite3', 'dtrace-provider', '@azure/storage-blob', 'botbuilder-azure-blobs', 'vega', 'vega-lite'],
  define: { 'import.meta.url': '__bundleUrl' }, banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" }, logLevel: 'warning', write: false,
};
const latin1 = (buf) => { const t = Buffer.from(buf).toString('utf8'); return Buffer.from(t.replace(/[^\u0000-\u00ff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'utf8'); };
const plain = (await build(base)).outputFiles[0].contents;
const lazy = (await build({ ...base, plugins: [lazyRecognizers] })).outputFiles[0].contents;
writeFileSync('dist-exp/plain.cjs', plain);
writeFileSync('dist-exp/latin1.cjs', latin1(plain));
writeFileSync('dist-exp/lazy.cjs', lazy);
writeFileSync('dist-exp/lazylatin1.cjs', latin1(lazy));

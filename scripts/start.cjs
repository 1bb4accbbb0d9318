// `npm start`: runs the bundled server (dist/server.cjs, made by `npm run build`) with V8's code cache.
// Why not `node dist/server.cjs`: parsing and compiling the 7 MB bundle is most of the start-up time; the
// code cache (written once, next to the bundle, keyed by the bundle's content) lets later starts skip it.
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/**
 * When the cache is written after a start without one: this long after the server reports it is ready
 * (the `ikz:ready` event on `process`, see src/server.ts), so that the start-up code and the first
 * background question have been compiled; at the latest this long after the start.
 */
const WRITE_CACHE_AFTER_READY_MS = 1_000;
const WRITE_CACHE_AT_LATEST_MS = 30_000;

const bundle = path.join(__dirname, '..', 'dist', 'server.cjs');
let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch {
  process.stderr.write(`Cannot read ${bundle}: build the server first with \`npm run build\` (\`npm start\` does).\n`);
  process.exit(1);
}
// Keyed by the bundle's size and modification time: V8 itself only checks the length of the source a
// cache was made for, and every build writes the bundle anew (and deletes old caches).
const { size, mtimeMs } = statSync(bundle);
const cacheFile = `${bundle}.${size}-${Math.round(mtimeMs)}.v8cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache yet: this start compiles everything and writes one.
}
// The bundle's import() of ES-module packages (Vega) goes through this module's own import(): functions
// restored from the code cache lose the script's dynamic-import callback (see src/runtime/import-package.ts).
globalThis[Symbol.for('ikz-assistent.importPackage')] = (specifier) => import(specifier);
const script = new vm.Script(Module.wrap(source), {
  filename: bundle,
  cachedData,
  // Dynamic import() inside the bundle (Vega for the report chart) uses Node's normal module loader.
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const bundleModule = new Module(bundle, module);
bundleModule.filename = bundle;
bundleModule.paths = Module._nodeModulePaths(path.dirname(bundle));
script.runInThisContext().call(bundleModule.exports, bundleModule.exports, Module.createRequire(bundle), bundleModule, bundle, path.dirname(bundle));

if (!cachedData || script.cachedDataRejected) {
  let written = false;
  const writeCache = () => {
    if (written) return;
    written = true;
    try {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only installation starts without the cache: slower, not broken.
    }
  };
  process.once('ikz:ready', () => setTimeout(writeCache, WRITE_CACHE_AFTER_READY_MS).unref());
  setTimeout(writeCache, WRITE_CACHE_AT_LATEST_MS).unref();
}

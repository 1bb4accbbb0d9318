#!/usr/bin/env node
// `pretest`: makes sure the production Node LTS exists for the test that starts the built server on it
// (test/server.int.test.ts). These machines run Node 20; production runs Node 24 LTS, and a package that
// works on one can crash on the other at start-up (restify 11 did). The official binary comes as an npm
// package (`node-<platform>-<arch>`), so it installs from the npm registry like every other dependency.
// The version is `config.nodeLts` in package.json; NODE_LTS_PATH overrides (point it at such a binary).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_LTS_VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).config.nodeLts;
// The same path as `nodeLtsBinary()` in test/helpers/node-lts.ts.
const folder = join(root, 'node_modules', '.cache', 'node-lts', `v${NODE_LTS_VERSION}`);
const binary = join(folder, 'package', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function runs(path) {
  try {
    accessSync(path, constants.X_OK);
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

const configured = process.env.NODE_LTS_PATH;
if (configured) {
  if (!runs(configured)) fail(`NODE_LTS_PATH=${configured} is not a Node binary that runs; point it at Node ${NODE_LTS_VERSION}.`);
  process.exit(0);
}
if (runs(binary) === `v${NODE_LTS_VERSION}`) process.exit(0);

const pkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}@${NODE_LTS_VERSION}`;
process.stdout.write(`Node ${NODE_LTS_VERSION} for the production start-up test is missing: fetching ${pkg} from the npm registry…\n`);
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
try {
  const tarball = execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', folder], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  }).trim();
  execFileSync('tar', ['xzf', tarball.split('\n').pop()], { cwd: folder });
  rmSync(join(folder, tarball.split('\n').pop()), { force: true });
} catch (error) {
  fail(`Could not fetch ${pkg} (${error.message.split('\n')[0]}); set NODE_LTS_PATH to a Node ${NODE_LTS_VERSION} binary.`);
}
if (runs(binary) !== `v${NODE_LTS_VERSION}`) fail(`${binary} does not run; set NODE_LTS_PATH to a Node ${NODE_LTS_VERSION} binary.`);

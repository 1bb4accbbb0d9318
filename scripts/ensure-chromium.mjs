#!/usr/bin/env node
// `pretest`: makes sure a Chromium for the browser tests exists, without ever downloading one through
// Playwright (its CDN is unreachable here). Order: CHROMIUM_PATH, Debian's /usr/bin/chromium, then
// `apt-get install chromium` when running as root on Debian; otherwise one line on how to install it.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const DEBIAN_PATH = '/usr/bin/chromium';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const configured = process.env.CHROMIUM_PATH;
if (configured) {
  if (!executable(configured)) fail(`CHROMIUM_PATH=${configured} is not an executable file; point it at a Chromium binary.`);
  process.exit(0);
}
if (executable(DEBIAN_PATH)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');
if (!isRoot || !isDebian) {
  fail(
    'Chromium is missing for the browser tests: run `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.',
  );
}

process.stdout.write("Chromium is missing: installing Debian's chromium package (apt-get) for the browser tests…\n");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
} catch {
  fail('Installing chromium with apt-get failed; install it by hand (`apt-get install -y chromium`) or set CHROMIUM_PATH.');
}
if (!executable(DEBIAN_PATH)) fail(`apt-get finished but ${DEBIAN_PATH} is still missing; set CHROMIUM_PATH to a Chromium binary.`);

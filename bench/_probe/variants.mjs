import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
async function listen(file) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [file], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', STORAGE_BACKEND: 'sqlite', KNOWLEDGE_CACHE_DIR: '/tmp/kc-var', DATA_DIR: mkdtempSync(join(tmpdir(), 'st-')) }, stdio: ['ignore', 'pipe', 'ignore'] });
  const r = await new Promise((res) => { let l0 = 0; createInterface({ input: child.stdout }).on('line', (l) => { if (!l0 && l.includes('"port":')) l0 = performance.now() - t0; if (l.includes('IKZ-Assistent ready')) res([Math.round(l0), Math.round(performance.now() - t0)]); }); });
  child.kill('SIGTERM'); await new Promise((x) => child.once('exit', x));
  return r;
}
const files = process.argv.slice(2);
const res = Object.fromEntries(files.map((f) => [f, []]));
for (const f of files) await listen(f);
for (let i = 0; i < 5; i++) for (const f of files) res[f].push(await listen(f));
const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const f of files) console.log(f.padEnd(26), 'listening', med(res[f].map((x) => x[0])), 'ready', med(res[f].map((x) => x[1])));

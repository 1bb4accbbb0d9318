import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
async function start(cwd, entry, env) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [entry], { cwd, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', STORAGE_BACKEND: 'sqlite', DATA_DIR: mkdtempSync(join(tmpdir(), 'st-')), ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
  let listening = 0, kb = '', readyLine = 0;
  const port = await new Promise((res) => createInterface({ input: child.stdout }).on('line', (l) => { if (l.includes('Knowledge base loaded')) kb = l.match(/"ms":\d+/)?.[0]; if (l.includes('IKZ-Assistent ready')) readyLine = performance.now() - t0; const m = /"port":(\d+)/.exec(l); if (m && !listening) { listening = performance.now() - t0; res(Number(m[1])); } }));
  for (;;) { const s = await fetch(`http://127.0.0.1:${port}/readyz`).then((x) => x.status, () => 0); if (s === 200) break; await new Promise((r) => setTimeout(r, 5)); }
  const ready = performance.now() - t0;
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const cpu = (Number(stat[11]) + Number(stat[12])) * 10;
  const rss = Math.round(Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024);
  child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r));
  return { ready: Math.round(ready), readyLine: Math.round(readyLine), cpu, listening: Math.round(listening), kb, rss };
}
const rounds = Number(process.argv[2] ?? 4);
const res = { old: [], new: [] };
// warm-ups: old writes its code cache ~1s after ready
await start('/tmp/engine-old', 'scripts/start.cjs', { KNOWLEDGE_CACHE_DIR: '/tmp/kc-old' }).then(() => new Promise((r) => setTimeout(r, 100)));
{ const t = spawn(process.execPath, ['scripts/start.cjs'], { cwd: '/tmp/engine-old', env: { ...process.env, PORT: '0', KNOWLEDGE_CACHE_DIR: '/tmp/kc-old', DATA_DIR: mkdtempSync(join(tmpdir(), 'st-')) }, stdio: 'ignore' }); await new Promise((r) => setTimeout(r, 6000)); t.kill('SIGTERM'); await new Promise((r) => t.once('exit', r)); }
await start('/work/wt/engine', 'dist/server.cjs', { KNOWLEDGE_CACHE_DIR: '/tmp/kc-new' });
for (let i = 0; i < rounds; i++) {
  res.old.push(await start('/tmp/engine-old', 'scripts/start.cjs', { KNOWLEDGE_CACHE_DIR: '/tmp/kc-old' }));
  res.new.push(await start('/work/wt/engine', 'dist/server.cjs', { KNOWLEDGE_CACHE_DIR: '/tmp/kc-new' }));
}
for (const k of ['old', 'new']) for (const r of res[k]) console.log(k, JSON.stringify(r));
const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const k of ['old', 'new']) console.log(k, 'median ready', med(res[k].map((r) => r.ready)), 'cpu', med(res[k].map((r) => r.cpu)), 'listening', med(res[k].map((r) => r.listening)), 'rss', med(res[k].map((r) => r.rss)));

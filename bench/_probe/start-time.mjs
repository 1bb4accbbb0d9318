// node bench/_probe/start-time.mjs <entry> [runs]: spawn → /readyz 200
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
const entry = process.argv[2] ?? 'dist/server.cjs';
const runs = Number(process.argv[3] ?? 3);
const extra = process.argv.slice(4);
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...extra, entry], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', STORAGE_BACKEND: 'sqlite', DATA_DIR: mkdtempSync(join(tmpdir(), 'st-')) }, stdio: ['ignore', 'pipe', 'inherit'] });
  let listening = 0; let kb = '';
  const port = await new Promise((res) => createInterface({ input: child.stdout }).on('line', (l) => { if (l.includes('Knowledge base loaded')) kb = l.match(/"ms":\d+/)?.[0]; const m = /"port":(\d+)/.exec(l); if (m && !listening) { listening = performance.now() - t0; res(Number(m[1])); } }));
  for (;;) { const s = await fetch(`http://127.0.0.1:${port}/readyz`).then((x) => x.status, () => 0); if (s === 200) break; await new Promise((r) => setTimeout(r, 5)); }
  const ready = performance.now() - t0;
  const stat = (await import('node:fs')).readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' '); const cpu = (Number(stat[11]) + Number(stat[12])) * 10;
  const rss = (await import('node:fs')).readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1];
  console.log(`ready ${ready.toFixed(0)} ms, cpu ${cpu} ms, listening ${listening.toFixed(0)} ms, ${kb}, rss ${Math.round(rss / 1024)} MB`);
  child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r));
}

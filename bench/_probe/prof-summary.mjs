import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const p = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const dt = p.timeDeltas;
for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (dt[i] ?? 0));
// attribute to "package" by url of the topmost frame... use the frame's own url bucket for self time
const bucket = new Map();
const cutoff = Number(process.argv[3] ?? 1e12);
let t = 0;
for (let i = 0; i < p.samples.length; i++) {
  t += dt[i];
  if (t / 1000 > cutoff) break;
  let n = byId.get(p.samples[i]);
  const url = n.callFrame.url;
  let key = n.callFrame.functionName || '(anon)';
  key = (url.split('/').slice(-1)[0] || '') + ' ' + key + ':' + n.callFrame.lineNumber;
  bucket.set(key, (bucket.get(key) ?? 0) + dt[i]);
}
console.log('total ms', (t / 1000).toFixed(0));
[...bucket].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(8), k.slice(0, 150)));

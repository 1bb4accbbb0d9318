// self time of frames below a function named X
import { readFileSync, readdirSync } from 'node:fs';
const [dir, name] = process.argv.slice(2);
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const p = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(); let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const d = p.timeDeltas[i]; let id = p.samples[i]; let under = false; const chain = [];
  while (id !== undefined) { const n = byId.get(id); chain.push(n.callFrame.functionName || '(anon)'); if (n.callFrame.functionName === name) { under = true; break; } id = parent.get(id); }
  if (!under) continue;
  total += d;
  const key = chain.slice(0, 3).reverse().join(' > ');
  self.set(key, (self.get(key) ?? 0) + d);
}
console.log('total under', name, (total / 1000).toFixed(1));
[...self].sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(8), k));

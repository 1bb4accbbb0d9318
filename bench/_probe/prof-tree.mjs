// inclusive time of functions whose name matches a regexp
import { readFileSync, readdirSync } from 'node:fs';
const [dir, pattern] = process.argv.slice(2);
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const p = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const re = new RegExp(pattern);
const incl = new Map();
for (let i = 0; i < p.samples.length; i++) {
  const d = p.timeDeltas[i]; let id = p.samples[i]; const seen = new Set();
  while (id !== undefined) { const n = byId.get(id); const k = n.callFrame.functionName; if (re.test(k) && !seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + d); } id = parent.get(id); }
}
[...incl].sort((a, b) => b[1] - a[1]).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(8), k));

import { readFileSync, readdirSync } from 'node:fs';
const [dir, bundle] = process.argv.slice(2);
const lines = readFileSync(bundle, 'utf8').split('\n');
const starts = [];
lines.forEach((l, i) => { const m = /^\/\/ (node_modules\/(@[^/]+\/)?[^/]+|src\/[^/]+|dialogs|[a-z]+)/.exec(l); if (m) starts.push([i, m[1]]); });
const modOf = (line) => { let lo = 0, hi = starts.length - 1, r = '?'; while (lo <= hi) { const mid = (lo + hi) >> 1; if (starts[mid][0] <= line) { r = starts[mid][1]; lo = mid + 1; } else hi = mid - 1; } return r; };
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const p = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map(); const selfm = new Map();
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const d = p.timeDeltas[i]; total += d;
  let id = p.samples[i]; const seen = new Set(); let first = true;
  while (id !== undefined) {
    const n = byId.get(id);
    let key;
    if (n.callFrame.url.endsWith(bundle.split('/').pop())) key = modOf(n.callFrame.lineNumber);
    else key = n.callFrame.url ? 'node:' + n.callFrame.url.split('/').pop() : n.callFrame.functionName;
    if (first) { selfm.set(key, (selfm.get(key) ?? 0) + d); first = false; }
    if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + d); }
    id = parent.get(id);
  }
}
console.log('total', (total / 1000).toFixed(0));
console.log('--- self');
[...selfm].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log((v / 1000).toFixed(0).padStart(6), k));
console.log('--- inclusive');
[...incl].sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([k, v]) => console.log((v / 1000).toFixed(0).padStart(6), k));

import { readFileSync } from 'node:fs';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { KnowledgeService } from '../../src/knowledge/knowledge-service.js';
import { syntheticKnowledgeBase } from '../synthetic-kb.js';
const n = Number(process.argv[2] ?? 2000);
const kb = await loadKnowledgeBase('knowledge');
const big = syntheticKnowledgeBase(kb, n);
let t = performance.now();
const s = KnowledgeService.fromKnowledgeBase(big);
console.log('build', (performance.now() - t).toFixed(0), 'ms; rss', (process.memoryUsage().rss / 1e6).toFixed(0), 'heap', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
const qs = readFileSync('/work/shared/eval/dev-questions.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).question);
const lat: number[] = [];
for (let pass = 0; pass < 6; pass++) for (const q of qs) { const a = performance.now(); s.answer(q); const d = performance.now() - a; if (pass > 0) lat.push(d); }
lat.sort((a, b) => a - b);
console.log('p50', lat[Math.floor(lat.length * 0.5)]!.toFixed(2), 'p99', lat[Math.floor(lat.length * 0.99)]!.toFixed(2), 'max', lat.at(-1)!.toFixed(2), 'rss', (process.memoryUsage().rss / 1e6).toFixed(0));

import { readFileSync } from 'node:fs';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { KnowledgeService } from '../../src/knowledge/knowledge-service.js';
import { syntheticKnowledgeBase } from '../synthetic-kb.js';
const kb = await loadKnowledgeBase('knowledge');
const s = KnowledgeService.fromKnowledgeBase(syntheticKnowledgeBase(kb, 2000));
const qs = readFileSync(process.argv[2] ?? 'eval/team-questions.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).question);
for (const q of qs) s.answer(q);
const per = new Map<string, number[]>();
for (let p = 0; p < 8; p++) for (const q of qs) { const a = performance.now(); s.answer(q); const d = performance.now() - a; per.set(q, [...(per.get(q) ?? []), d]); }
const med = [...per].map(([q, l]) => [q, l.sort((a, b) => a - b)[4]!, l.at(-1)!] as const).sort((a, b) => b[1] - a[1]);
for (const [q, m, mx] of med.slice(0, 8)) console.log(m.toFixed(2), mx.toFixed(2), q);
const all = [...per.values()].flat().sort((a, b) => a - b);
console.log('p50', all[Math.floor(all.length * 0.5)]!.toFixed(2), 'p99', all[Math.floor(all.length * 0.99)]!.toFixed(2));

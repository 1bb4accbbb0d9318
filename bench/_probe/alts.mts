import { readFileSync } from 'node:fs';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index.js';
import { syntheticKnowledgeBase } from '../synthetic-kb.js';
const kb = await loadKnowledgeBase('knowledge');
const index = KnowledgeIndex.build(syntheticKnowledgeBase(kb, 2000));
const ms = (index as any).miniSearch;
const qs = readFileSync('/work/shared/eval/dev-questions.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).question);
let alts = 0, derived = 0, results = 0;
const per: number[] = [];
for (const q of qs) {
  const words = index.analyzer.analyzeQuery(q);
  const seen = new Set<string>(); let r = 0;
  for (const w of words) for (const t of w.alternatives.keys()) { if (seen.has(t)) continue; seen.add(t); alts++;
    const own = t === w.term;
    const res = ms.search(t, { prefix: own && t.length >= 5, fuzzy: own && t.length >= 6 ? 0.2 : false });
    const d = new Set(res.flatMap((x: any) => x.terms)); derived += d.size; r += res.length; }
  results += r; per.push(r);
}
console.log('questions', qs.length, 'alts/q', (alts / qs.length).toFixed(1), 'derived terms/q', (derived / qs.length).toFixed(0), 'results/q', (results / qs.length).toFixed(0), 'max results', Math.max(...per));

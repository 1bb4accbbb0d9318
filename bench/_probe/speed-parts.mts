import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index.js';
import { syntheticKnowledgeBase } from '../synthetic-kb.js';
const n = Number(process.argv[2] ?? 2000);
const kb = await loadKnowledgeBase('knowledge');
const big = syntheticKnowledgeBase(kb, n);
const index = KnowledgeIndex.build(big);
const ms = (index as any).miniSearch as MiniSearch;
const qs = readFileSync('/work/shared/eval/dev-questions.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).question);
const terms = new Map<string, boolean>();
for (const q of qs) for (const w of index.analyzer.analyzeQuery(q)) for (const t of w.alternatives.keys()) if (!terms.has(t)) terms.set(t, t === w.term);
console.log('distinct terms', terms.size);
const time = (label: string, f: (t: string, own: boolean) => unknown) => { const a = performance.now(); for (const [t, own] of terms) f(t, own); console.log(label, (performance.now() - a).toFixed(0)); };
const boost = { title: 3, questions: 2.5, keywords: 2.5, headings: 1.5, body: 1 };
for (let i = 0; i < 2; i++) {
time('exact', (t) => ms.search(t, { boost }));
time('prefix', (t, own) => ms.search(t, { boost, prefix: own && t.length >= 5 }));
time('fuzzy+prefix', (t, own) => ms.search(t, { boost, prefix: own && t.length >= 5, fuzzy: own && t.length >= 6 ? 0.2 : false }));
}
let total = 0, count = 0;
for (const [t, own] of terms) { const r = ms.search(t, { boost, prefix: own && t.length >= 5, fuzzy: own && t.length >= 6 ? 0.2 : false }); total += r.length; count++; }
console.log('avg results per term', (total / count).toFixed(0));

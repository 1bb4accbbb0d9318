const root = process.argv[2]!;
const q = process.argv[3]!;
const doc = process.argv[4]!;
const { KnowledgeIndex } = await import(`${root}/src/knowledge/knowledge-index.ts`);
const { loadKnowledgeBase } = await import(`${root}/src/knowledge/load-knowledge.ts`);
const kb = await loadKnowledgeBase(`${root}/knowledge`);
const index = KnowledgeIndex.build(kb);
const words = index.analyzer.analyzeQuery(q);
for (const w of words) {
  for (const [term, weight] of w.alternatives) {
    const hits = index.search([{ ...w, alternatives: new Map([[term, 1]]), term: term === w.term ? term : '\u0000' }]);
    const h = hits.find((x: any) => x.article.id === doc);
    console.log(w.text, term, weight, h ? h.score : '-', h ? [...h.exactTerms].join(',') : '');
  }
}

import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index.js';
const kb = await loadKnowledgeBase('knowledge');
for (let i = 0; i < 5; i++) { const t = performance.now(); KnowledgeIndex.build(kb); console.log('build', (performance.now() - t).toFixed(0)); }

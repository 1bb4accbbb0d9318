import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index.js';
const index = KnowledgeIndex.build(await loadKnowledgeBase('knowledge'));
const hits = index.search(index.analyzer.analyzeQuery('Wer darf einen Antrag stellen?'), 20);
console.log(hits[0]?.article.id, hits[0]?.article.title);

import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { syntheticKnowledgeBase, writeKnowledgeFolder } from '../synthetic-kb.js';
const kb = await loadKnowledgeBase('knowledge');
await writeKnowledgeFolder(syntheticKnowledgeBase(kb, Number(process.argv[3] ?? 2000)), process.argv[2]!, 'knowledge');

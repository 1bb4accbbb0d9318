import { describe, expect, it } from 'vitest';
import { KnowledgeIndex, type ArticleHit } from '../../src/knowledge/knowledge-index.js';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';

const QUESTIONS = [
  'Wer darf einen Antrag auf IKZ-Förderung stellen?',
  'Wie viel Förderung bekommen drei Gemeinden?',
  'Foerderhoehe fuer Ortsteilfeuerwehren',
  'Entschuldugnshilfe',
  'Welche Gemeinden haben in Hessen schon freiwillig fusioniert?',
  'Hundesteuer',
];

/** What the answer decision reads of the hits. */
const plain = (hits: ArticleHit[]) =>
  hits.map((h) => ({
    id: h.article.id,
    score: h.score,
    exact: [...h.exactTerms].sort(),
    query: [...h.queryTerms].map(([term, variants]) => [term, [...variants].sort()]).sort(),
  }));

describe('the knowledge index', () => {
  const index = loadKnowledgeBase(SHIPPED_KB).then((kb) => KnowledgeIndex.build(kb));

  it.each(QUESTIONS)('returns with a limit the head of the full ranking, and the same again from its cache: %s', async (question) => {
    const i = await index;
    const words = i.analyzer.analyzeQuery(question);
    const full = plain(i.search(words));
    for (const limit of [0, 1, 3, 20, full.length + 5]) expect(plain(i.search(words, limit))).toEqual(full.slice(0, limit));
  });

  it('finds the article a question names, and nothing for a topic it does not have', async () => {
    const i = await index;
    expect(i.search(i.analyzer.analyzeQuery('Wer darf einen Antrag stellen?'), 1)[0]?.article.id).toBe('antragsberechtigung');
    expect(i.search(i.analyzer.analyzeQuery('Hundesteuer Katzenfutter'))).toEqual([]);
  });
});

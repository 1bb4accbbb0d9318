import { describe, expect, it } from 'vitest';
import { KnowledgeIndex, type ArticleHit } from '../src/knowledge/knowledge-index.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import { findMatch, topByScore, type TermMatches } from '../src/knowledge/term-matches.js';
import { SHIPPED_KB } from './helpers/bot-harness.js';

/** The parts of hits the answer decision reads, comparable with `toEqual`. */
const plain = (hits: ArticleHit[]) =>
  hits.map((h) => ({ id: h.article.id, score: h.score, exact: [...h.exactTerms].sort(), query: [...h.queryTerms].sort() }));

const QUESTIONS = [
  'Wer darf einen Antrag auf IKZ-Förderung stellen?',
  'Wie viel Förderung bekommen drei Gemeinden?',
  'Foerderhoehe fuer Ortsteilfeuerwehren',
  'Entschuldugnshilfe',
  'Was ist ein GVV?',
  'Hundesteuer',
];

describe('the search shortcuts keep the ranking', () => {
  const index = loadKnowledgeBase(SHIPPED_KB).then((kb) => KnowledgeIndex.build(kb));

  it.each(QUESTIONS)('returns the head of the full list with a limit: %s', async (question) => {
    const i = await index;
    const words = i.analyzer.analyzeQuery(question);
    const full = i.search(words);
    for (const limit of [0, 1, 3, 20, full.length + 5]) expect(plain(i.search(words, limit))).toEqual(plain(full.slice(0, limit)));
  });

  it('answers a repeated question (from the term cache) exactly as the first time', async () => {
    const i = await index;
    const first = QUESTIONS.map((q) => plain(i.search(i.analyzer.analyzeQuery(q))));
    const again = QUESTIONS.map((q) => plain(i.search(i.analyzer.analyzeQuery(q))));
    expect(again).toEqual(first);
  });
});

describe('term matches', () => {
  it('finds an article among the matches of a term', () => {
    const matches: TermMatches = {
      key: '--x',
      docs: Uint16Array.from([0, 1, 2, 9]),
      scores: Float64Array.from([2, 1, 3, 4]),
      ranks: Uint16Array.from([1, 2, 0, 3]),
      termSets: [['x'], ['y']],
      termSet: Uint16Array.from([0, 1, 0, 0]),
    };
    expect([0, 1, 2, 9].map((doc) => findMatch(matches, doc))).toEqual([0, 1, 2, 3]);
    expect([3, 7, 10].map((doc) => findMatch(matches, doc))).toEqual([-1, -1, -1]);
  });

  it('ranks by score, equal scores in the order they were first seen', () => {
    const score = Float64Array.from([1, 5, 5, 0, 5]);
    const isMatch = Uint8Array.from([1, 1, 1, 0, 1]);
    const firstSeen = (doc: number) => [9, 3, 8, 0, 1][doc]!;
    expect(topByScore(isMatch, score, firstSeen, 2)).toEqual([4, 1]);
    expect(topByScore(isMatch, score, firstSeen, Number.POSITIVE_INFINITY)).toEqual([4, 1, 2, 0]);
    expect(topByScore(isMatch, score, firstSeen, 0)).toEqual([]);
  });
});

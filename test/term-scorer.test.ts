import MiniSearch, { type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { tokenizeWords } from '../src/knowledge/analyzer/german-normalizer.js';
import { compactPostings } from '../src/knowledge/compact-postings.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import type { TermMatches } from '../src/knowledge/term-matches.js';
import { TermScorer } from '../src/knowledge/term-scorer.js';
import { SHIPPED_KB } from './helpers/bot-harness.js';

type Doc = { id: string; title: string; keywords: string; body: string };
const FIELDS = ['title', 'keywords', 'body'];

/** MiniSearch's own results in the scorer's form (the reference the scorer must equal). */
function reference(key: string, results: readonly SearchResult[], numberOf: ReadonlyMap<string, number>): TermMatches {
  const order = results.map((result, rank) => ({ doc: numberOf.get(result.id as string)!, rank })).sort((a, b) => a.doc - b.doc);
  return {
    key,
    docs: Uint32Array.from(order, (o) => o.doc),
    scores: Float64Array.from(order, (o) => results[o.rank]!.score),
    ranks: Uint32Array.from(order, (o) => o.rank),
    termSets: order.map((o) => results[o.rank]!.terms),
    termSet: Uint32Array.from(order, (_, i) => i),
  };
}

/** What the search uses: numbers as plain arrays (whatever their width), and each match's set of matched terms. */
const comparable = (m: TermMatches) => ({
  key: m.key,
  docs: [...m.docs],
  scores: [...m.scores],
  ranks: [...m.ranks],
  terms: [...m.termSet].map((set) => [...m.termSets[set]!].sort()),
});

describe('the term scorer', () => {
  it('gives exactly MiniSearch results: documents, scores to the last bit, order and matched terms', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    // Documents in a shuffled order, so MiniSearch's document numbers differ from the article numbers.
    const docs: Doc[] = kb.articles.map((a) => ({ id: a.id, title: a.title, keywords: a.keywords.join(' '), body: a.sections.map((s) => s.text).join('\n') })).reverse();
    const miniSearch = new MiniSearch<Doc>({ fields: FIELDS, storeFields: [], tokenize: tokenizeWords, processTerm: (t) => t.toLowerCase() });
    for (let start = 0; start < docs.length; start += 9) {
      miniSearch.addAll(docs.slice(start, start + 9));
      compactPostings(miniSearch);
    }
    const numberOf = new Map(kb.articles.map((a, i) => [a.id, i]));
    const scorer = new TermScorer(miniSearch, numberOf);
    const terms = new Set(docs.flatMap((d) => tokenizeWords(`${d.title} ${d.keywords} ${d.body}`).map((t) => t.toLowerCase())));
    for (const extra of ['gibtesnicht', 'forderantrg', 'zweckverbänd', 'a', '2021']) terms.add(extra);
    let compared = 0;
    for (const term of terms) {
      const queries: Array<{ fuzzy: number | false; prefix: boolean; boost: Record<string, number> }> = [
        { fuzzy: false, prefix: false, boost: {} },
        { fuzzy: false, prefix: true, boost: { title: 3 } },
        { fuzzy: 0.2, prefix: true, boost: { title: 3, keywords: 2.5, body: 1 } },
        { fuzzy: 0.2, prefix: false, boost: { keywords: 2.5 } },
      ];
      for (const query of queries) {
        const expected = reference('k', miniSearch.search(term, query), numberOf);
        expect(comparable(scorer.matches('k', term, query)), `${term} ${JSON.stringify(query)}`).toEqual(comparable(expected));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(4000);
  });
});

import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { tokenizeWords } from '../src/knowledge/analyzer/german-normalizer.js';
import { compactPostings, PostingList } from '../src/knowledge/compact-postings.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import { SHIPPED_KB } from './helpers/bot-harness.js';

type Doc = { id: string; title: string; body: string };

function miniSearch(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({ fields: ['title', 'body'], storeFields: [], tokenize: tokenizeWords, processTerm: (t) => t.toLowerCase() });
}

describe('compact posting lists', () => {
  it('give MiniSearch exactly the same results, also when compacted between batches', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    const docs = kb.articles.map((a) => ({ id: a.id, title: a.title, body: a.sections.map((s) => s.text).join('\n') }));
    const plain = miniSearch();
    plain.addAll(docs);
    const compact = miniSearch();
    for (let start = 0; start < docs.length; start += 7) {
      compact.addAll(docs.slice(start, start + 7));
      expect(compactPostings(compact)).toBe(true);
    }
    expect(compactPostings(compact, { trim: true })).toBe(true);
    const terms = new Set(docs.flatMap((d) => tokenizeWords(`${d.title} ${d.body}`).map((t) => t.toLowerCase())));
    terms.add('gibtesnicht');
    for (const term of terms) {
      for (const options of [{}, { prefix: true }, { fuzzy: 0.2, prefix: true }, { boost: { title: 3 } }]) {
        expect(compact.search(term, options), term).toEqual(plain.search(term, options));
      }
    }
  });

  it('answer like the Map they replace and grow only at the end', () => {
    const map = new Map([[1, 2], [5, 1], [9, 3]]);
    const list = PostingList.of(map)!;
    expect([...list]).toEqual([...map]);
    expect([...list.keys()]).toEqual([1, 5, 9]);
    expect(list.size).toBe(3);
    expect(list.get(5)).toBe(1);
    expect(list.get(4)).toBeUndefined();
    expect(list.has(9)).toBe(true);
    list.set(9, 300).set(70_000, 70_000);
    expect([...list]).toEqual([[1, 2], [5, 1], [9, 300], [70_000, 70_000]]);
    list.trim();
    expect(list.get(70_000)).toBe(70_000);
    expect(() => list.set(2, 1)).toThrow(/ascending/);
    expect(() => list.delete()).toThrow();
    expect(PostingList.of(new Map([[3, 1], [2, 1]]))).toBeUndefined();
  });
});

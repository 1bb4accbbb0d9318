import { describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../src/knowledge/knowledge-index.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import { EMPTY_TERM_SET, TermSetStore } from '../src/knowledge/term-sets.js';
import { SHIPPED_KB } from './helpers/bot-harness.js';

describe('compact term sets', () => {
  it('answer membership like a Set of the same terms, part by part', () => {
    const store = new TermSetStore();
    const parts = [['antrag', 'gemeind', 'antrag'], [], ['geld', 'zweckverband', 'a', 'zz'], ['gemeind']];
    const numbers = parts.map((terms) => store.add(terms));
    store.trim();
    const probes = ['antrag', 'gemeind', 'geld', 'zweckverband', 'a', 'zz', 'unbekannt', ''];
    parts.forEach((terms, i) => {
      const expected = new Set(terms);
      for (const probe of probes) {
        expect(store.set(numbers[i]!).has(probe), `${probe} in part ${i}`).toBe(expected.has(probe));
        expect(store.set(numbers[i]!).hasId(store.idOf(probe) ?? -1), `${probe} by number in part ${i}`).toBe(expected.has(probe));
      }
    });
    expect(store.size).toBe(parts.length);
    expect(store.set(99).has('antrag')).toBe(false);
    expect(EMPTY_TERM_SET.has('antrag')).toBe(false);
    expect(EMPTY_TERM_SET.hasId(0)).toBe(false);
  });

  it('give every shipped article the terms of its title, questions and sections', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    const index = KnowledgeIndex.build(kb);
    for (const article of kb.articles) {
      const terms = index.termsOf(article.id);
      const texts = [article.title, ...article.questions];
      expect(terms.questions).toHaveLength(texts.length);
      expect(terms.sections).toHaveLength(article.sections.length);
      const check = (set: { has(term: string): boolean; hasId(id: number): boolean }, text: string) => {
        const own = new Set(index.analyzer.analyze(text));
        for (const term of own) expect(set.has(term) && set.hasId(index.termId(term))).toBe(true);
        // Terms of the whole article that this part lacks are not reported as present.
        for (const term of index.analyzer.analyze(article.sections.map((s) => s.text).join(' '))) {
          if (!own.has(term)) expect(set.has(term)).toBe(false);
        }
      };
      check(terms.title, article.title);
      texts.forEach((text, i) => check(terms.questions[i]!, text));
      article.sections.forEach((section, i) => {
        check(terms.sections[i]!.heading, section.heading ?? '');
        check(terms.sections[i]!.body, section.text);
      });
    }
    expect(index.termsOf('gibt-es-nicht').questions).toEqual([]);
  });
});

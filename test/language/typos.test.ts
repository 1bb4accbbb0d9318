import { describe, expect, it } from 'vitest';
import { GermanAnalyzer } from '../../src/language/german-analyzer.js';
import { decideAnswer } from '../../src/knowledge/answer-engine.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index.js';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { editDistanceWithin, TypoLookup, typoBudget } from '../../src/language/typos.js';
import type { ThesaurusData } from '../../src/language/thesaurus.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';

describe('edit distance', () => {
  it.each([
    ['zweckverbnd', 'zweckverband', 1],
    ['zusammenarbiet', 'zusammenarbeit', 1],
    ['unterlagn', 'unterlag', 1],
    ['bearbeitng', 'bearbeit', 2],
    ['antrag', 'antrag', 0],
  ])('of %s and %s is %i', (a, b, distance) => {
    expect(editDistanceWithin(a, b, 2)).toBe(distance);
  });

  it('counts a vowel for another as two: such words are mostly other words (Sitzung, Satzung)', () => {
    expect(editDistanceWithin('sitzung', 'satzung', 2)).toBe(2);
  });

  it('stops at the bound', () => {
    expect(editDistanceWithin('antrag', 'vertrag', 1)).toBe(2);
    expect(editDistanceWithin('a', 'abcdef', 2)).toBe(3);
  });

  it('allows one typo from five letters and two from nine', () => {
    expect([4, 5, 8, 9].map(typoBudget)).toEqual([0, 1, 1, 2]);
  });
});

describe('typo lookup', () => {
  const lookup = new TypoLookup(['zweckverband', 'zweckverbund', 'antrag', 'kosten', 'gebuhr', 'geburt']);

  it('finds the nearest known terms with the same first letter', () => {
    expect(lookup.nearest('zweckverbnd', 2)).toEqual(['zweckverband', 'zweckverbund']);
    expect(lookup.nearest('posten', 1)).toEqual([]);
  });

  it('finds nothing beyond the budget', () => {
    expect(lookup.nearest('antrg', 0)).toEqual([]);
    expect(lookup.nearest('gebur', 1)).toEqual(['gebuhr', 'geburt']);
    expect(lookup.nearest('gxbxr', 1)).toEqual([]);
  });

  it('gives up when more than two known terms are equally near', () => {
    const crowded = new TypoLookup(['haben', 'hagen', 'halen', 'hasen']);
    expect(crowded.nearest('haxen', 1)).toEqual([]);
  });
});

describe('typos in questions', () => {
  const thesaurus = (realTerms: string[] = []): ThesaurusData => ({ sets: [], ordinaryTerms: ['spinnt'], realTerms });
  function analyzerFor(texts: string[], data = thesaurus()) {
    const analyzer = new GermanAnalyzer({ stopwords: { keep: [], add: [] }, synonymGroups: [], thesaurus: data });
    analyzer.setVocabulary(analyzer.vocabularyOf(texts));
    return analyzer;
  }

  it('reads a typo of a known word as that word, weaker than the word itself', () => {
    const analyzer = analyzerFor(['Die Antragstellung und die Unterlagen.']);
    const [unterlagn, antragstelung] = analyzer.analyzeQuery('welche unterlagn für die antragstelung');
    expect(antragstelung!.alternatives.get(analyzer.baseTerm('Antragstellung')!)).toBe(0.8);
    expect(unterlagn!.alternatives.get(analyzer.baseTerm('Unterlagen')!)).toBe(0.8);
    expect(analyzer.isKnown(antragstelung!)).toBe(true);
  });

  it('takes a lower-case word with a verb ending for a noun when it is a typo of one ("gebüren")', () => {
    const analyzer = analyzerFor(['Es fallen keine Gebühren an.']);
    const [gebueren] = analyzer.analyzeQuery('gibt es gebüren');
    expect(gebueren!.wordClass).toBe('noun');
    expect(analyzer.isKnown(gebueren!)).toBe(true);
  });

  it('leaves real words alone: those near the vocabulary, ordinary words, short words', () => {
    const analyzer = analyzerFor(['Die Leistung, die Zusammenarbeit spinnen.'], thesaurus([analyzerFor([]).baseTerm('Leitung')!]));
    for (const question of ['Wer hat die Leitung?', 'Das spinnt', 'eine leistg']) {
      const words = analyzer.analyzeQuery(question);
      expect(words.every((w) => [...w.alternatives.values()].every((weight) => weight !== 0.8))).toBe(true);
    }
  });

  it('does not read an abbreviation or a number as a typo', () => {
    const analyzer = analyzerFor(['Der KGG-Vertrag von 2021.']);
    const words = analyzer.analyzeQuery('Gilt das KFG von 2022?');
    expect(words.find((w) => w.text === 'KFG')!.alternatives.size).toBe(1);
    expect(words.find((w) => w.text === '2022')!.alternatives.size).toBe(1);
  });

  it('reads an infinitive with "zu" after a separable prefix as its verb', () => {
    const analyzer = analyzerFor(['Die Kommunen legen ihre Kassen zusammen, zusammenlegen.']);
    const [word] = analyzer.analyzeQuery('zusammenzulegen');
    expect(word!.term).toBe(analyzer.baseTerm('zusammenlegen'));
  });

  describe('on the shipped knowledge base', () => {
    const loaded = loadKnowledgeBase(SHIPPED_KB).then((kb) => ({ kb, index: KnowledgeIndex.build(kb) }));

    it.each([
      ['welche unterlagn brauchen wir für die antragstelung', 'antragsunterlagen'],
      ['Wie hoch ist die Förderung für einen Gemeindeverwaltungsverbnd?', 'foerderhoehe-gvv'],
    ])('answers "%s" despite its typos', async (question, article) => {
      const { kb, index } = await loaded;
      const decision = decideAnswer(index, question, kb.meta.outsideScope);
      expect(decision.outcome === 'answer' && decision.article.id).toBe(article);
    });
  });
});

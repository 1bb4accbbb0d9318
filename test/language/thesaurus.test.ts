import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GermanAnalyzer } from '../../src/language/german-analyzer.js';
import { parseThesaurus, REAL_WORDS_MARKER, THESAURUS_FILES } from '../../src/language/thesaurus.js';
import { decideAnswer } from '../../src/knowledge/answer-engine.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index.js';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import type { ThesaurusData } from '../../src/language/thesaurus.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';

function analyzerFor(texts: string[], thesaurus: ThesaurusData, synonyms: string[][] = []) {
  const analyzer = new GermanAnalyzer({
    stopwords: { keep: [], add: [] },
    synonymGroups: synonyms.map((words) => ({ words, exact: false })),
    thesaurus,
  });
  analyzer.setVocabulary(analyzer.vocabularyOf(texts));
  return analyzer;
}

describe('OpenThesaurus subset', () => {
  it('reads the sets and the ordinary words of the shipped file format', () => {
    const data = parseThesaurus('# Kopf\n\nbeilegen;beifügen\nnur\n', '# Kopf\nhinterh nachher\nspinnt\n');
    expect(data.sets).toEqual([['beilegen', 'beifügen']]);
    expect(data.ordinaryTerms).toEqual(['hinterh', 'nachher', 'spinnt']);
    expect(data.realTerms).toEqual([]);
  });

  it('reads the real words near the vocabulary after their marker line', () => {
    const data = parseThesaurus(undefined, `# Kopf\nhinterh\n${REAL_WORDS_MARKER}\nleitung satzung\nthema\n`);
    expect(data.ordinaryTerms).toEqual(['hinterh']);
    expect(data.realTerms).toEqual(['leitung', 'satzung', 'thema']);
  });

  it('lets an everyday verb the articles lack stand for their word, weaker than the word itself', () => {
    const analyzer = analyzerFor(['Unterlagen dem Antrag beilegen'], { sets: [['beilegen', 'beifügen']], ordinaryTerms: [] });
    const known = analyzer.baseTerm('beilegen')!;
    const [everyday] = analyzer.analyzeQuery('beifügen');
    const [exact] = analyzer.analyzeQuery('beilegen');
    expect(everyday!.alternatives.get(known)).toBeGreaterThan(0);
    expect(everyday!.alternatives.get(known)).toBeLessThan(exact!.alternatives.get(known)!);
    expect(analyzer.isKnown(everyday!)).toBe(true);
  });

  it('leaves nouns alone: their general synonyms lead astray ("Thema" is no "Inhalt")', () => {
    const analyzer = analyzerFor(['Inhalt der Vereinbarung'], { sets: [['Inhalt', 'Thema']], ordinaryTerms: [] });
    const words = analyzer.analyzeQuery('Was ist das Thema?');
    expect(words.flatMap((w) => [...w.alternatives.keys()])).not.toContain(analyzer.baseTerm('Inhalt'));
  });

  it('lets the hand-written synonyms win over the thesaurus', () => {
    const analyzer = analyzerFor(['Zuwendung', 'Vermögen'], { sets: [['Vermögen', 'Geld']], ordinaryTerms: [] }, [['Zuwendung', 'Geld']]);
    const [geld] = analyzer.analyzeQuery('Geld');
    expect(geld!.alternatives.has(analyzer.baseTerm('Zuwendung')!)).toBe(true);
    expect(geld!.alternatives.has(analyzer.baseTerm('Vermögen')!)).toBe(false);
  });

  it('is shipped small, with its source and licence named', () => {
    const meta = join(SHIPPED_KB, '_meta');
    const files = [THESAURUS_FILES.subset, THESAURUS_FILES.words].map((name) => join(meta, name));
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes).toBeLessThan(300_000);
    for (const file of files) expect(readFileSync(file, 'utf8')).toMatch(/OpenThesaurus.*\n.*LGPL-2\.1/);
  });

  describe('on the shipped knowledge base', () => {
    const index = loadKnowledgeBase(SHIPPED_KB).then((kb) => KnowledgeIndex.build(kb));

    it('answers a question with an everyday verb through its synonym in the articles', async () => {
      const i = await index;
      const uebersenden = i.analyzer.analyzeQuery('übersenden')[0]!;
      expect(uebersenden.alternatives.get(i.analyzer.baseTerm('schicken')!)).toBeLessThan(1);
      const decision = decideAnswer(i, 'Wohin übersenden wir den Antrag?');
      expect(decision.outcome === 'answer' && decision.article.id).toBe('antragsverfahren');
    });
  });
});

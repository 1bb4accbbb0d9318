import { describe, expect, it } from 'vitest';
import { GermanAnalyzer } from '../../src/language/german-analyzer.js';

const idioms = { 'auf Kante genäht': '', 'aus allen Nähten': '', 'unter die Arme': 'helfen' };

function analyzer(withIdioms?: Record<string, string>) {
  const a = new GermanAnalyzer({ stopwords: { keep: [], add: [] }, synonymGroups: [], idioms: withIdioms });
  a.setVocabulary(a.vocabularyOf(['Haushalt', 'Beratung', 'helfen', 'Kante']));
  return a;
}

const texts = (a: GermanAnalyzer, question: string) => a.analyzeQuery(question).map((w) => w.text);

describe('German analyser: idioms', () => {
  it('reads an idiom by its plain meaning, so its words are no topic of the question', () => {
    const a = analyzer(idioms);
    expect(texts(a, 'Unser Haushalt ist auf Kante genäht')).toEqual(['Haushalt']);
    expect(texts(a, 'Wer greift uns beim Haushalt unter die Arme?')).toContain('helfen');
    expect(texts(a, 'Wer greift uns beim Haushalt unter die Arme?')).not.toContain('Arme');
  });

  it('finds an idiom in any case and with umlauts spelled out, but only as whole words', () => {
    const a = analyzer(idioms);
    expect(texts(a, 'der haushalt platzt AUS ALLEN NAEHTEN')).toEqual(['haushalt', 'platzt']);
    expect(texts(a, 'Die Kante des Haushalts')).toContain('Kante');
  });

  it('keeps every word without an idiom list', () => {
    expect(texts(analyzer(), 'Unser Haushalt ist auf Kante genäht')).toContain('Kante');
  });
});

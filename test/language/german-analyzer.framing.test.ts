import { describe, expect, it } from 'vitest';
import { GermanAnalyzer } from '../../src/language/german-analyzer.js';

const vocabulary = ['Zweckverband', 'Bürgermeister', 'Antrag'];

function analyzer(framing?: string[], framingPersons?: string[]) {
  const a = new GermanAnalyzer({ stopwords: { keep: [], add: [] }, synonymGroups: [], framing, framingPersons });
  a.setVocabulary(a.vocabularyOf(vocabulary));
  return a;
}

describe('German analyser: framing words', () => {
  it('leaves framing words out of a question, and keeps them in articles', () => {
    const framed = analyzer(['Zweifel', 'ehrlich', 'gesagt'], ['Chef', 'Bürgermeister']);
    const words = framed.analyzeQuery('Ehrlich gesagt hat mein Chef Zweifel, ob der Zweckverband reicht').map((w) => w.text);
    expect(words).not.toContain('Chef');
    expect(words).not.toContain('Zweifel');
    expect(words).not.toContain('gesagt');
    expect(words).toContain('Zweckverband');
    expect(framed.analyze('Der Bürgermeister sitzt im Vorstand')).toContain(framed.baseTerm('Bürgermeister'));
  });

  it('keeps every word without a framing list, and a programme name never frames', () => {
    expect(
      analyzer()
        .analyzeQuery('Mein Chef hat Zweifel')
        .map((w) => w.text),
    ).toEqual(['Chef', 'Zweifel']);
    const words = analyzer([], ['Chef']).analyzeQuery('Mein Chef fragt nach der Hessenkasse');
    expect(words.find((w) => w.text === 'Hessenkasse')?.wordClass).toBe('noun');
  });

  it('leaves out who asks only as the asker, and keeps a person the question is about', () => {
    const framed = analyzer(['fragt', 'wissen'], ['Bürgermeister', 'Bgm']);
    const words = (question: string) => framed.analyzeQuery(question).map((w) => w.text);
    expect(words('Unser neuer Bgm will die Förderung kennen')).not.toContain('Bgm');
    expect(words('Der Bürgermeister möchte wissen, ob der Zweckverband reicht')).not.toContain('Bürgermeister');
    expect(words('Wer ist der Bürgermeister im Zweckverband?')).toContain('Bürgermeister');
    // A framing verb counts in any of its forms.
    expect(words('Der Bürgermeister fragte nach dem Antrag')).toEqual(['Antrag']);
  });
});

import { describe, expect, it } from 'vitest';
import { mentionsAsker, questionWeights, SIDE_CLAUSE_WEIGHT } from '../../src/language/clauses.js';
import { tokenizeWords } from '../../src/language/german-normalizer.js';

/** The words of a text that `questionWeights` weighs down. */
function sideWords(text: string, isTopicWord?: (token: string, position: number) => boolean): string[] {
  const weights = questionWeights(text, isTopicWord);
  return tokenizeWords(text).filter((_, i) => weights[i]! < 1);
}

describe('question weights', () => {
  it('weighs down the frame before an embedded question', () => {
    expect(sideWords('Im Finanzausschuss kam die Frage auf, ob Landkreise mitmachen dürfen')).toEqual([
      'Im',
      'Finanzausschuss',
      'kam',
      'die',
      'Frage',
      'auf',
    ]);
    expect(sideWords('wir bereiten eine Sitzungsvorlage vor und bräuchten die Info, bis wann das Programm läuft')).toContain(
      'Sitzungsvorlage',
    );
  });

  it('keeps a heading of capitalised words before the comma: it is what the question is about', () => {
    const topicWords = (token: string) => !['Kurze', 'Frage'].includes(token);
    expect(sideWords('Verwendungsnachweis IKZ-Förderung, bis wann muss der beim RP sein?', topicWords)).toEqual([]);
    expect(sideWords('Kurze Frage, wie viel Geld gibt es für drei Gemeinden?', topicWords)).toEqual(['Kurze', 'Frage']);
  });

  it('weighs down what the asker tells before a dash or colon, but not a topic named there', () => {
    expect(sideWords('Wir gründen einen Zweckverband – was legen wir dem Antrag bei?')).toEqual([
      'Wir',
      'gründen',
      'einen',
      'Zweckverband',
    ]);
    expect(sideWords('Förderung kommunale Wärmeplanung – welche Fristen gibt es?')).toEqual([]);
    expect(sideWords('Stand Ende 2016: wie viel Prozent der Kommunen waren beteiligt?')).toEqual([]);
  });

  it('weighs down the frame before a reported claim', () => {
    expect(sideWords('Der Bürgermeister hat gehört, dass es für einen GVV mehr Geld gibt.')).toEqual([
      'Der',
      'Bürgermeister',
      'hat',
      'gehört',
    ]);
  });

  it('weighs down the context sentences of a message that asks', () => {
    expect(sideWords('Wir sind eine kleine Gemeinde mit 3000 Einwohnern. Welche Unterlagen brauchen wir?')).toEqual([
      'Wir',
      'sind',
      'eine',
      'kleine',
      'Gemeinde',
      'mit',
      '3000',
      'Einwohnern',
    ]);
  });

  it('keeps the context when the question has no topic word of its own ("Stimmt das?")', () => {
    const capitalised = (token: string, position: number) => position > 0 && /^\p{Lu}/u.test(token);
    expect(sideWords('Die Förderung ist ein fester Anspruch. Stimmt das?', capitalised)).toEqual([]);
    expect(sideWords('Wir legen die Kassen zusammen. Gibt es da Geld?', capitalised)).toContain('Kassen');
  });

  it('keeps a frame that asks itself, and a message without a question', () => {
    expect(sideWords('Können Sie mir sagen, ob es Gebühren gibt?')).toEqual([]);
    expect(sideWords('Wir sind drei Gemeinden. Wir wollen kooperieren.')).toEqual([]);
  });

  it('gives one weight per word, the side weight below one', () => {
    const text = 'Unser Kämmerer meint, dass es 75.000 € gibt. Wie viel bekommen vier Gemeinden?';
    expect(questionWeights(text)).toHaveLength(tokenizeWords(text).length);
    expect(SIDE_CLAUSE_WEIGHT).toBeLessThan(1);
  });
});

describe('mentionsAsker', () => {
  it('tells a question about the asker from one about others only', () => {
    expect(mentionsAsker('Wie viele Gemeinden müssen wir sein?')).toBe(true);
    expect(mentionsAsker('Was hat unsere Nachbarstadt bekommen?')).toBe(true);
    expect(mentionsAsker('Wie viele Zweckverbände gibt es im Kreis?')).toBe(false);
    // "uns" inside another word is no asker ("Unsicherheit", "Gemeindemuseum").
    expect(mentionsAsker('Gibt es beim Gemeindemuseum Unsicherheiten?')).toBe(false);
  });
});

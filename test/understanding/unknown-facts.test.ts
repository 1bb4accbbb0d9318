import { describe, expect, it } from 'vitest';
import type { Article, ArticleSection } from '../../src/knowledge/types.js';
import { unknownStatement, type StatementReader } from '../../src/understanding/unknown-facts.js';

const reader: StatementReader = {
  termsOf: (text) => text.toLowerCase().match(/\p{L}+/gu) ?? [],
  saysUnknown: (text) => /nicht bekannt/i.test(text),
};
const intro: ArticleSection = { heading: null, text: 'Die Kooperation muss mindestens fünf Jahre bestehen.', markdown: '' };
const open: ArticleSection = {
  heading: 'Nicht bekannt / Bitte nachfragen',
  text: '• Auszahlung: Zeitpunkt oder Raten\n• Verwendungsnachweis: Form und Termin',
  markdown: '',
};
const article = { id: 'a', title: 'Nach der Bewilligung', sections: [intro, open] } as unknown as Article;
const words = (...terms: string[]) => terms.map((term) => ({ terms: [term], weight: 1 }));

describe('unknownStatement', () => {
  it('names the open point of a shown "Nicht bekannt" list that fits the question best', () => {
    expect(unknownStatement(article, [intro, open], words('raten', 'auszahlung'), reader)).toBe('Auszahlung: Zeitpunkt oder Raten');
  });

  it('leaves the answer when a statement with content fits about as well', () => {
    expect(unknownStatement(article, [intro, open], words('kooperation', 'jahre'), reader)).toBeUndefined();
  });

  it('leaves the answer when the list is not among the sections shown', () => {
    expect(unknownStatement(article, [intro], words('raten', 'auszahlung'), reader)).toBeUndefined();
  });
});

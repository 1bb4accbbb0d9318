import { describe, expect, it } from 'vitest';
import type { Article, ArticleSection } from '../../src/knowledge/types.js';
import { unknownStatement, type StatementReader } from '../../src/understanding/unknown-facts.js';

const reader: StatementReader = {
  termsOf: (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [],
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

  it('does not take an open point about another year for the one asked about', () => {
    const versions: ArticleSection = { heading: 'Nicht bekannt', text: '• Was sich 2021 gegenüber 2016 geändert hat', markdown: '' };
    const history = { ...article, sections: [intro, versions] };
    expect(unknownStatement(history, [intro, versions], words('2016', 'geändert'), reader)).toBeUndefined();
    expect(unknownStatement(history, [intro, versions], words('2021', '2016', 'geändert'), reader)).toBe(
      'Was sich 2021 gegenüber 2016 geändert hat',
    );
  });

  it('leaves the answer when the list is not among the sections shown', () => {
    expect(unknownStatement(article, [intro], words('raten', 'auszahlung'), reader)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { tokenizeWords } from '../../../src/language/german-normalizer.js';
import {
  isOneEditApart,
  isParticipleNoun,
  nounsOf,
  pleadedWords,
  readings,
  verbStems,
} from '../../../src/understanding/intents/word-forms.js';

describe('readings', () => {
  it('reads a long feminine noun also as its masculine', () => {
    expect(readings('beraterin')).toEqual(['beraterin', 'berat']);
    expect(readings('ansprechpartnerinn')).toEqual(['ansprechpartnerinn', 'ansprechpartn']);
  });

  it('leaves other terms alone', () => {
    expect(readings('termin')).toEqual(['termin']);
    expect(readings('berat')).toEqual(['berat']);
  });
});

describe('verbStems', () => {
  it.each([
    ['meldet', ['meld']],
    ['anschaut', ['anschau']],
    ['vorzubereiten', ['vorbereiten']],
    // Too short to tell a conjugated form from a stem.
    ['geht', []],
  ])('%s → %j', (term, stems) => {
    expect(verbStems(term)).toEqual(stems);
  });
});

describe('nounsOf', () => {
  it('keeps the capitalised words after the first', () => {
    expect(nounsOf('Kostet die Beratung etwas beim Landkreis?')).toBe('Beratung Landkreis');
  });
});

describe('pleadedWords', () => {
  const pleaded = (text: string) => [...pleadedWords(tokenizeWords(text))];

  it('takes the word before "bitte" and the first after it past articles', () => {
    expect(pleaded('Beraterin bitte')).toEqual(['Beraterin']);
    expect(pleaded('Bitte einen Rückruf')).toEqual(['Rückruf']);
    expect(pleaded('Wir bitten um ein Gespräch')).toEqual(['Gespräch']);
  });

  it('takes nothing when others plead or the one addressed follows', () => {
    expect(pleaded('Die Gemeinde bittet um ein Gespräch')).toEqual([]);
    expect(pleaded('Ich bitte Sie um Rückruf')).toEqual([]);
  });
});

describe('isOneEditApart', () => {
  it.each([
    ['ansprechparnter', 'ansprechpartner'],
    ['verbidnen', 'verbinden'],
    ['zuruckrufn', 'zuruckrufen'],
    ['termn', 'termin'],
  ])('%s is a typo of %s', (a, b) => {
    expect(isOneEditApart(a, b)).toBe(true);
  });

  it('is false for the same word and for one vowel for another (a tense, no typo)', () => {
    expect(isOneEditApart('termin', 'termin')).toBe(false);
    expect(isOneEditApart('gesprochen', 'gesprachen')).toBe(false);
  });
});

describe('isParticipleNoun', () => {
  it('needs a capitalised term in "t" with two declined endings or more', () => {
    expect(isParticipleNoun('beauftragt', ['e', 'en'], false)).toBe(true);
    expect(isParticipleNoun('beauftragt', ['e'], false)).toBe(false);
    expect(isParticipleNoun('beauftragt', ['e', 'en'], true)).toBe(false);
    expect(isParticipleNoun('beauftragt', ['e', undefined], false)).toBe(false);
  });
});

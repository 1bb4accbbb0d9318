import { stemmer } from '@orama/stemmers/german';

/**
 * Folds a lower-cased German word so that the spellings users type all meet:
 * `Förderung`, `Foerderung` and `Forderung` all become `forderung`.
 * The digraphs are folded too (`ae`→`a`, …); this is applied identically to documents and queries,
 * so words that merely contain such letter pairs (`Feuer` → `feur`) still match themselves.
 */
export function foldGerman(lowerWord: string): string {
  return lowerWord
    .replace(/ß/g, 'ss')
    .replace(/ä|ae/g, 'a')
    .replace(/ö|oe/g, 'o')
    .replace(/ü|ue/g, 'u');
}

/**
 * Verb and noun forms of the same Latin stem (`kooperieren`, `Kooperation`) end up with different
 * Snowball stems (`kooperi`, `kooperation`); cutting these endings lets them meet.
 */
const DERIVATION_ENDINGS: ReadonlyArray<[RegExp, string]> = [
  [/ation$/, ''],
  [/ier$/, ''],
  [/([^aeiou])i$/, '$1'],
];
const MIN_DERIVED_LENGTH = 5;

/** Snowball stem of a folded word, with the derivation endings above removed. */
export function stemGerman(foldedWord: string): string {
  let stem = stemmer(foldedWord);
  for (const [ending, replacement] of DERIVATION_ENDINGS) {
    const cut = stem.replace(ending, replacement);
    if (cut !== stem && cut.length >= MIN_DERIVED_LENGTH) {
      stem = cut;
      break;
    }
  }
  return stem;
}

/** Joins digit groups written with thousands separators (`75.000`, `75 000`) into one token (`75000`). */
export function joinDigitGroups(text: string): string {
  return text.replace(/(\d)[.\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1');
}

/** Splits text into word tokens (letters and digits), keeping the original spelling for hyphenation. */
export function tokenizeWords(text: string): string[] {
  return joinDigitGroups(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

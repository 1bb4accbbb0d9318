import { stemmer } from '@orama/stemmers/german';

/**
 * Folds a lower-cased German word so that the spellings users type all meet:
 * `Förderung`, `Foerderung` and `Forderung` all become `forderung`.
 * The digraphs are folded too (`ae`→`a`, …); this is applied identically to documents and queries,
 * so words that merely contain such letter pairs (`Feuer` → `feur`) still match themselves.
 */
export function foldGerman(lowerWord: string): string {
  return lowerWord.replace(/ß/g, 'ss').replace(/ä|ae/g, 'a').replace(/ö|oe/g, 'o').replace(/ü|ue/g, 'u');
}

/**
 * Lower case with umlauts and ß spelt out (`Förder-Check` → `foerder-check`): unlike `foldGerman`, `hätte` and
 * `haette` meet while `hatte` stays apart, and the result still reads as German (ids, regular expressions).
 */
export function spellOutUmlauts(text: string): string {
  return text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

/**
 * Endings cut after the Snowball stem, in this order, so that forms of one word family meet:
 * `kooperieren`/`Kooperation` (`kooperi`/`kooperation` → `koop`), `fördern`/`Förderung`/`fördert`
 * (`ford`/`forder`/`fordert` → `ford`), `Berater`/`Beratung` (→ `berat`). Each applies at most once and
 * only when at least `minLength` characters remain.
 */
const DERIVATION_ENDINGS: ReadonlyArray<{ ending: RegExp; replacement: string; minLength: number }> = [
  { ending: /ert$/, replacement: '', minLength: 4 },
  { ending: /ation$/, replacement: '', minLength: 4 },
  { ending: /ier$/, replacement: '', minLength: 4 },
  { ending: /([^aeiou])i$/, replacement: '$1', minLength: 4 },
  { ending: /er$/, replacement: '', minLength: 4 },
];

/** Snowball stem of a folded word, with the derivation endings above removed. */
export function stemGerman(foldedWord: string): string {
  // `bewilligt`, `beteiligt`: the Snowball stemmer keeps the verb's `t`; without it they meet `Bewilligung`.
  let stem = stemmer(foldedWord.length > 6 ? foldedWord.replace(/igt$/, 'ig') : foldedWord);
  for (const { ending, replacement, minLength } of DERIVATION_ENDINGS) {
    const cut = stem.replace(ending, replacement);
    if (cut !== stem && cut.length >= minLength) stem = cut;
  }
  return stem;
}

/** Joins digit groups written with thousands separators (`75.000`, `75 000`) into one token (`75000`). */
export function joinDigitGroups(text: string): string {
  return text.replace(/(\d)[.\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1');
}

/** A gender colon, star, underscore or slash before "-in"/"-innen" (`Berater:in`, `Kolleg*innen`): one word. */
const GENDER_MARK = /(\p{Ll})[:*_/](in(?:nen)?)(?!\p{L})/gu;

/** Splits text into word tokens (letters and digits), keeping the original spelling for hyphenation. */
export function tokenizeWords(text: string): string[] {
  return joinDigitGroups(text)
    .replace(GENDER_MARK, '$1$2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

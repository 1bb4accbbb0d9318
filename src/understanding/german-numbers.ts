/**
 * Numbers as German users write them: `75.000` and `75 000` (thousands), `1,5` (decimal comma),
 * `1,5 Mio` / `2 Millionen` / `80 Tsd` / `150k`, number words (`drei`, `fünf`), `3er`/`Dreier`,
 * `zu viert`. Pure functions, shared by the dialogs' input parsing and the reading of questions.
 */
import { spellOutUmlauts } from '../language/german-normalizer.js';
import { germanNumber } from '../shared/german-format.js';

/** Number words up to twenty (not "ein"/"eine": in a sentence they are articles, "was ist ein GVV"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  null: 0,
  eins: 1,
  zwei: 2,
  // "die beiden Ortsteilwehren", "unsere beiden Gemeinden": two of a counted thing.
  beiden: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  zwoelf: 12,
  dreizehn: 13,
  vierzehn: 14,
  fünfzehn: 15,
  fuenfzehn: 15,
  sechzehn: 16,
  siebzehn: 17,
  achtzehn: 18,
  neunzehn: 19,
  zwanzig: 20,
  // "ein Dutzend Gemeinden"
  dutzend: 12,
};

/** Digits inside compound number words ("siebentausend", "dreihundertzwanzig", "einundzwanzig"). */
const UNITS: Readonly<Record<string, number>> = {
  ein: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
};
const TENS: Readonly<Record<string, number>> = {
  zwanzig: 20,
  dreissig: 30,
  vierzig: 40,
  fuenfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
};
const BELOW_TWENTY: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(NUMBER_WORDS).filter(([w, v]) => v >= 1 && v < 20 && !/[äöü]/.test(w) && w !== 'dutzend'),
);

/** 1–99 written as one word ("sieben", "zwanzig", "einundzwanzig"); folded (ae, oe, ue, ss). */
function belowHundred(word: string): number | undefined {
  if (word in BELOW_TWENTY) return BELOW_TWENTY[word];
  if (word in TENS) return TENS[word];
  // Most words are no number: the pattern below is tried only on words that could be one ("…und…").
  if (!word.includes('und')) return undefined;
  const match = /^(\p{L}+?)und(\p{L}+)$/u.exec(word);
  return match && match[1]! in UNITS && match[2]! in TENS ? UNITS[match[1]!]! + TENS[match[2]!]! : undefined;
}

/** 1–999 as one word ("dreihundert", "einhundertfuenfzig"). */
function belowThousand(word: string): number | undefined {
  const at = word.indexOf('hundert');
  if (at < 0) return belowHundred(word);
  const head = word.slice(0, at);
  const rest = word.slice(at + 'hundert'.length);
  // "hundert" alone is a multiplier word, not a count.
  if (head === '' && rest === '') return undefined;
  const hundreds = head === '' ? 1 : UNITS[head];
  const tail = rest === '' ? 0 : belowHundred(rest);
  return hundreds === undefined || tail === undefined ? undefined : hundreds * 100 + tail;
}

/**
 * A number word above twenty, as clerks write it in full ("siebentausend", "zweitausendfünfhundert",
 * "dreihundert", "einundzwanzig"), up to 999.999; `undefined` for any other word.
 */
export function compoundNumberWord(word: string): number | undefined {
  const folded = spellOutUmlauts(word);
  if (folded in BELOW_TWENTY || folded === 'ein') return undefined;
  const at = folded.indexOf('tausend');
  if (at < 0) return belowThousand(folded);
  const head = folded.slice(0, at);
  const rest = folded.slice(at + 'tausend'.length);
  // "6 Tausend Einwohner": "tausend" alone multiplies the number before it.
  if (head === '' && rest === '') return undefined;
  const thousands = head === '' || head === 'ein' ? 1 : belowThousand(head);
  const tail = rest === '' ? 0 : belowThousand(rest);
  return thousands === undefined || tail === undefined ? undefined : thousands * 1000 + tail;
}

/** "zu zweit" … "zu zehnt": a group of that many. */
const GROUP_WORDS: Readonly<Record<string, number>> = {
  zweit: 2,
  dritt: 3,
  viert: 4,
  fünft: 5,
  fuenft: 5,
  sechst: 6,
  siebt: 7,
  acht: 8,
  neunt: 9,
  zehnt: 10,
};

/** "Dreier-Kooperation", "Vierer": a group of that many. */
const GROUP_NOUNS: Readonly<Record<string, number>> = {
  zweier: 2,
  dreier: 3,
  vierer: 4,
  fünfer: 5,
  fuenfer: 5,
  sechser: 6,
  siebener: 7,
  achter: 8,
  neuner: 9,
  zehner: 10,
};

const GROUP_NOUN_WORDS = Object.keys(GROUP_NOUNS);

/** Ordinals "zweite" … "zehnte" in every inflection (folded: "fuenfte", "siebte"/"siebente"). */
const ORDINAL = /^(zweit|dritt|viert|fuenft|sechst|siebt|siebent|acht|neunt|zehnt)(?:e|er|en|em|es)$/;
const ORDINAL_VALUES: Readonly<Record<string, number>> = {
  zweit: 2,
  dritt: 3,
  viert: 4,
  fuenft: 5,
  sechst: 6,
  siebt: 7,
  siebent: 7,
  acht: 8,
  neunt: 9,
  zehnt: 10,
};
/** The indefinite article in every case ("eine", "einer", "einem" …). */
const INDEFINITE = new Set(['ein', 'eine', 'einer', 'einem', 'einen', 'eines']);

/**
 * Singular determiners after "mit" ("mit der Nachbargemeinde", "mit unserem Nachbarort"): one, like an indefinite
 * article; the plural ("mit den Nachbargemeinden") counts nothing.
 */
const SINGULAR_AFTER_MIT = new Set(['der', 'dem', 'unserer', 'unserem', 'unsrer', 'unsrem', 'meiner', 'meinem']);

const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^(mrd\.?|milliarden?)$/, 1e9],
  [/^(mio\.?|millionen?)$/, 1e6],
  [/^(tsd\.?|tausend|t€|k€|k)$/, 1e3],
];

/**
 * Reads one number written the German way: `75.000` and `75 000` (thousands), `1,5` (decimal comma),
 * `1,5 Mio` / `2 Millionen` / `80 Tsd`, number words up to twenty. Text around the number is allowed
 * ("ca. 75.000 €", "etwa 20 Prozent"); two different numbers are ambiguous and give `undefined`.
 *
 * @example
 * ```ts
 * parseGermanNumber('1,5 Mio'); // 1500000
 * parseGermanNumber('75.000 €'); // 75000
 * parseGermanNumber('drei'); // 3
 * ```
 */
export function parseGermanNumber(text: string): number | undefined {
  const cleaned = text
    .toLowerCase()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/(\d)\s+(?=\d{3}(?!\d))/g, '$1.')
    .trim();
  const matches = [...cleaned.matchAll(/-?\d+(?:\.\d{3})*(?:,\d+)?|-?\d+(?:[.,]\d+)?/g)];
  if (matches.length === 0) {
    const words = cleaned.split(/[^\p{L}]+/u).filter((w) => w in NUMBER_WORDS);
    return words.length === 1 ? NUMBER_WORDS[words[0]!] : undefined;
  }
  if (matches.length > 1) return undefined;
  const match = matches[0]!;
  const raw = match[0];
  const value = digitsValue(raw);
  if (value === undefined) return undefined;
  const after =
    cleaned
      .slice((match.index ?? 0) + raw.length)
      .trim()
      .split(/\s+/)[0] ?? '';
  const factor = multiplierOf(after.replace(/[€,;]+$/, ''));
  return factor === undefined ? value : Math.round(value * factor * 100) / 100;
}

/** A number of a message with what stands around it. */
export interface Quantity {
  /** The value, with any multiplier applied ("10 Mio" → 10000000). */
  value: number;
  /** As written ("6.000", "drei", "3er", "zu viert", "10 Mio."). */
  text: string;
  /** An amount of money: written with €/Euro, or in millions or thousands ("10 Mio", "150k"). */
  money: boolean;
  /** A group size without the thing counted: "zu viert", "3er-Kooperation", "Dreierbund". */
  group: boolean;
  /** A year rather than a count: four digits from 1900 to 2099, without separator, unit or money. */
  year: boolean;
  /** The (lower-case) words after the number (and its unit), up to the next number or punctuation, at most five. */
  after: string[];
  /** The (lower-case) words before the number, nearest first, up to a number or punctuation, at most five. */
  before: string[];
  /** Where the number starts in the text. */
  index: number;
  /** The number stands in a question: the next end of a sentence after it is a question mark. */
  inQuestion: boolean;
  /**
   * An ordinal after an indefinite article or "als" ("noch eine vierte Gemeinde", "als fünfte Kommune"): the count the
   * one it names makes, all of them included. Not after a definite article ("die zweite Gemeinde hat 5.000 Einwohner").
   */
  ordinal: boolean;
  /** An indefinite article read as one ("eine Nachbargemeinde"); only with `{ articles: true }`, for the caller to tell whether it counts. */
  article: boolean;
}

/** What `quantitiesIn` reads beside the numbers. */
export interface QuantityOptions {
  /** Also every indefinite article followed by a word, as one (`article: true`): "mit einer Nachbargemeinde". */
  articles?: boolean;
  /**
   * Also every list of names after a noun, as its count (placed at the noun, as a number before it would be): "die
   * Gemeinden Mücke, Gemünden (Felda) und Grünberg" = 3, "die Ortsteilwehren von Ober-, Mittel- und Unterdorf" = 3.
   */
  lists?: boolean;
}

/** One name of a list: a word (a cut-off "Ober-" too), after "Stadt"/"Gemeinde" …, with an addition in brackets. */
const LIST_ITEM = String.raw`(?:(?:[Ss]tadt|[Gg]emeinde|[Mm]arkt|[Bb]ad)\s+)?\p{L}[\p{L}.-]*(?:\s*\([^()\n]{1,30}\))?`;
/** A noun, maybe "von"/"aus"/"im" (+ article), and names joined by commas and a last "und"/"sowie". */
const NAMED_LIST = new RegExp(
  String.raw`(?<![\p{L}\d])(\p{L}+)[ \t]+(?:(?:von|aus|in|im)[ \t]+(?:den[ \t]+|dem[ \t]+)?)?(${LIST_ITEM}(?:[ \t]*,[ \t]*(?:(?:im|in)[ \t]+)?${LIST_ITEM})*[ \t]+(?:und|sowie)[ \t]+(?:(?:im|in|aus)[ \t]+)?${LIST_ITEM})(?![\p{L}])`,
  'giu',
);
/**
 * Names at the start of a sentence, joined by commas and a last "und", before a verb only people do: "Schrecksbach,
 * Ottrau und Oberaula überlegen einen GVV" names three municipalities ("Bauhof und Kasse sollen …", "Bauhof und
 * Kasse wollen wir …" name no one).
 */
const SUBJECT_LIST = new RegExp(
  String.raw`(?:^|[.!?:\n])[ \t]*(${LIST_ITEM}(?:[ \t]*,[ \t]*${LIST_ITEM})*[ \t]+(?:und|sowie)[ \t]+${LIST_ITEM})[ \t]+(?:überlegen|ueberlegen|wollen|planen|prüfen|pruefen|möchten|moechten|beabsichtigen|erwägen|erwaegen|streben|verhandeln|kooperieren|gründen|gruenden|bilden)(?!\p{L})(?![ \t]+(?:wir|sie|ich|man|ihr)(?!\p{L}))`,
  'gu',
);
/** Words that are no names: a "list" of them is a sentence ("Gemeinden zahlen und bekommen …" has no comma anyway). */
const NOT_A_NAME =
  /^(?:und|oder|sowie|die|der|das|den|dem|des|ein|eine|einen|wir|sie|es|ich|auch|noch|nicht|mit|für|fuer|bei|zu|zum|zur|alle|andere|weitere|jeweils|je)$/iu;

/** Numbers (with "er" or "k" attached), words (with a full stop; "+" and "&" as words), the euro sign and clause punctuation, in order. */
const TOKEN =
  /(\d{1,3}(?:(?:\.|[\u00a0\u202f ](?=\d{3}(?!\d)))\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?)(?:-?(er|k)(?!\p{L}))?|(\p{L}+|\+|&)(\.)?|(€)|([;:?!–—()]|,(?!\d))/gu;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'ca',
  'mio',
  'mrd',
  'tsd',
  'bzw',
  'ggf',
  'evtl',
  'usw',
  'nr',
  'z',
  'b',
  'u',
  'a',
  'd',
  'h',
  'v',
  'vs',
  'rd',
  'max',
  'min',
  'mind',
  'insg',
]);
const WINDOW = 5;

type Token =
  | { kind: 'number'; value: number; text: string; suffix?: 'er' | 'k'; digits: boolean; index: number; ordinal?: boolean }
  | { kind: 'word'; word: string; index: number }
  | { kind: 'euro' }
  | { kind: 'stop' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [, digits, suffix, word, stop, euroSign] = match;
    if (digits !== undefined) {
      const value = digitsValue(digits.replace(/[\u00a0\u202f ]/g, '.'));
      if (value !== undefined)
        tokens.push({ kind: 'number', value, text: match[0], suffix: suffix as 'er' | 'k' | undefined, digits: true, index: match.index });
    } else if (word !== undefined) {
      // "zwei Gemeinden + Landkreis": signs read as the words they stand for.
      const lower = word === '+' ? 'plus' : word === '&' ? 'und' : word.toLowerCase();
      const groupNoun = GROUP_NOUN_WORDS.find((g) => lower.startsWith(g));
      // "Fusion zweier Gemeinden": the genitive of a number (lower case, on its own), not a "Zweier" group.
      const genitive = groupNoun === lower && word === lower;
      const compound = lower in NUMBER_WORDS || groupNoun ? undefined : compoundNumberWord(lower);
      const previous = tokens.at(-1);
      const ordinal =
        previous?.kind === 'word' && (INDEFINITE.has(previous.word) || previous.word === 'als')
          ? ORDINAL.exec(spellOutUmlauts(lower))
          : null;
      // "eine vierte Gemeinde", "einen achten Partner" (not the genitive "achter Gemeinden"): the count with the one it names.
      if (ordinal)
        tokens.push({ kind: 'number', value: ORDINAL_VALUES[ordinal[1]!]!, text: word, digits: false, index: match.index, ordinal: true });
      else if (lower in NUMBER_WORDS)
        tokens.push({ kind: 'number', value: NUMBER_WORDS[lower]!, text: word, digits: false, index: match.index });
      else if (genitive) tokens.push({ kind: 'number', value: GROUP_NOUNS[lower]!, text: word, digits: false, index: match.index });
      else if (compound !== undefined) tokens.push({ kind: 'number', value: compound, text: word, digits: false, index: match.index });
      else if (groupNoun) {
        // "Dreierkooperation": a group of three, and the thing the group forms.
        tokens.push({ kind: 'number', value: GROUP_NOUNS[groupNoun]!, text: word, suffix: 'er', digits: false, index: match.index });
        if (lower.length > groupNoun.length)
          tokens.push({ kind: 'word', word: lower.slice(groupNoun.length), index: match.index + groupNoun.length });
      } else tokens.push({ kind: 'word', word: lower, index: match.index });
      if (stop && !ABBREVIATIONS.has(lower)) tokens.push({ kind: 'stop' });
    } else if (euroSign !== undefined) tokens.push({ kind: 'euro' });
    else tokens.push({ kind: 'stop' });
  }
  return tokens;
}

/**
 * Every number a text mentions, as digits, number words, group words ("zu viert", "3er", "Dreier-")
 * or years, with the words around it (for the caller to tell what is counted).
 *
 * @example
 * ```ts
 * quantitiesIn('Fusion, zusammen 12.000 EW, Schulden 3 Mio €');
 * // [{ value: 12000, after: ['ew'], … }, { value: 3000000, money: true, before: ['schulden'], … }]
 * ```
 */
export function quantitiesIn(text: string, options: QuantityOptions = {}): Quantity[] {
  const tokens = tokenize(text);
  const found: Quantity[] = [];
  const inQuestion = (index: number) => /^[^.!?\n]*\?/.test(text.slice(index));
  // A count that is no money, year or ordinal: a group word ("zu viert") or an indefinite article ("eine Nachbargemeinde").
  const plain = (value: number, written: string, index: number, around: [number, number], kind: 'group' | 'article'): Quantity => ({
    value,
    text: written,
    money: false,
    group: kind === 'group',
    year: false,
    after: wordsFrom(tokens, around[1], 1),
    before: wordsFrom(tokens, around[0], -1),
    index,
    inQuestion: inQuestion(index),
    ordinal: false,
    article: kind === 'article',
  });
  tokens.forEach((token, i) => {
    if (token.kind === 'word' && token.word in GROUP_WORDS && wordAt(tokens, i - 1) === 'zu') {
      const index = text.toLowerCase().indexOf(`zu ${token.word}`);
      found.push(plain(GROUP_WORDS[token.word]!, `zu ${token.word}`, index, [i - 2, i + 1], 'group'));
    }
    const oneNamed =
      token.kind === 'word' && (INDEFINITE.has(token.word) || (SINGULAR_AFTER_MIT.has(token.word) && wordAt(tokens, i - 1) === 'mit'));
    if (options.articles && oneNamed && tokens[i + 1]?.kind === 'word')
      found.push(plain(1, token.word, token.index, [i - 1, i + 1], 'article'));
    if (token.kind !== 'number') return;
    let { value, text: written } = token;
    let money = token.suffix === 'k';
    if (money) value *= 1000;
    let next = i + 1;
    const factor = token.digits && !token.suffix ? multiplierOf(wordAt(tokens, next) ?? '') : undefined;
    if (factor !== undefined) {
      value = Math.round(value * factor * 100) / 100;
      // Millions are money here; "6 Tausend Einwohner" is not.
      money = factor >= 1e6;
      written += ` ${wordAt(tokens, next)}`;
      next++;
    }
    if (tokens[next]?.kind === 'euro' || /^(euro|eur)$/.test(wordAt(tokens, next) ?? '')) {
      money = true;
      next++;
    }
    // "für uns drei", "wir vier": the speakers as a group of that many (no counted word follows).
    const speakers = !token.digits && /^(wir|uns)$/.test(wordAt(tokens, i - 1) ?? '') && tokens[next]?.kind !== 'word';
    const group = token.suffix === 'er' || speakers;
    const year = token.digits && !money && !group && factor === undefined && /^(19|20)\d\d$/.test(token.text);
    found.push({
      value,
      text: written,
      money,
      group,
      year,
      after: wordsFrom(tokens, next, 1),
      before: wordsFrom(tokens, i - 1, -1),
      index: token.index,
      inQuestion: inQuestion(token.index),
      ordinal: token.ordinal === true,
      article: false,
    });
  });
  if (options.lists) found.push(...listedCounts(text, inQuestion));
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The lists of names after a noun, each as the count of its names ("die Gemeinden Mücke, Grünberg und Homberg" = 3 at
 * "Gemeinden"). Two names count only when they are written as names (capitalised) or the first is cut off ("Ober- und
 * Unterdorf"); none when a number stands before the noun ("die drei Gemeinden A, B und C" gives its count itself).
 */
function listedCounts(text: string, inQuestion: (index: number) => boolean): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(NAMED_LIST)) {
    const [, noun, list] = match as unknown as [string, string, string];
    const names = list.split(/[ \t]*,[ \t]*|[ \t]+(?:und|sowie)[ \t]+/iu).map((name) => name.replace(/^(?:im|in|aus)[ \t]+/iu, '').trim());
    if (names.some((name) => NOT_A_NAME.test(name) || name in NUMBER_WORDS)) continue;
    const written = names.length >= 3 || names.every((name) => /^\p{Lu}/u.test(name)) || names[0]!.endsWith('-');
    const before = text
      .slice(0, match.index)
      .split(/[^\p{L}\d]*[.,;:!?()\n][^\p{L}\d]*/u)
      .at(-1)!
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter(Boolean)
      .reverse()
      .slice(0, WINDOW);
    if (
      !written ||
      (before[0] !== undefined && (/^\d/.test(before[0]) || before[0] in NUMBER_WORDS)) ||
      (before[1] !== undefined && /^\d/.test(before[1]))
    )
      continue;
    found.push(listed(names.length, list, [noun.toLowerCase()], before, match.index, inQuestion));
  }
  for (const match of text.matchAll(SUBJECT_LIST)) {
    const list = match[1]!;
    const names = list.split(/[ \t]*,[ \t]*|[ \t]+(?:und|sowie)[ \t]+/u);
    if (names.some((name) => NOT_A_NAME.test(name) || !/^\p{Lu}/u.test(name))) continue;
    const index = match.index + match[0].indexOf(list);
    // Municipalities named as those who plan: a count of them.
    found.push(listed(names.length, list, ['gemeinden'], [], index, inQuestion));
  }
  return found;
}

function listed(
  value: number,
  text: string,
  after: string[],
  before: string[],
  index: number,
  inQuestion: (index: number) => boolean,
): Quantity {
  return {
    value,
    text,
    money: false,
    group: false,
    year: false,
    after,
    before,
    index,
    inQuestion: inQuestion(index),
    ordinal: false,
    article: false,
  };
}

function wordAt(tokens: readonly Token[], index: number): string | undefined {
  const token = tokens[index];
  return token?.kind === 'word' ? token.word : undefined;
}

/** Up to five words from `start` in one direction, up to a number or punctuation. */
function wordsFrom(tokens: readonly Token[], start: number, step: 1 | -1): string[] {
  const words: string[] = [];
  for (let j = start; j >= 0 && j < tokens.length && words.length < WINDOW; j += step) {
    const token = tokens[j]!;
    if (token.kind !== 'word') break;
    words.push(token.word);
  }
  return words;
}

/**
 * A count written as a German word, for replies ("fünf Kommunen"): the words up to twelve, digits above.
 *
 * @example
 * ```ts
 * countWord(5); // 'fünf'
 * countWord(16); // '16'
 * ```
 */
export function countWord(value: number): string {
  const words = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
  return Number.isInteger(value) && value >= 2 && value < words.length ? words[value]! : germanNumber(value);
}

/** "75.000" → 75000, "1,5" → 1.5, "1.234.567" → 1234567; `undefined` when not a finite number. */
function digitsValue(raw: string): number | undefined {
  const value = /^-?\d+(\.\d{3})+(,\d+)?$/.test(raw) ? Number(raw.replace(/\./g, '').replace(',', '.')) : Number(raw.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

function multiplierOf(word: string): number | undefined {
  return MULTIPLIERS.find(([unit]) => unit.test(word))?.[1];
}

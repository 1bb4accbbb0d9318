import { createRequire } from 'node:module';

type Hyphenator = (typeof import('hyphen/de/index.js'))['default'];
let hyphenator: Hyphenator | undefined;

/**
 * The German hyphenator (`hyphen`'s `de` folder, by its file: the package has no exports map), loaded on
 * first use: setting up its 750 kB of patterns takes about 60 ms, which a server restored from a knowledge
 * snapshot need not spend before it is ready. In the CommonJS bundle `require` exists (the bundler takes the
 * patterns into the bundle and runs them only when this does); under tsx and vitest (ES modules) it is
 * `createRequire`.
 */
function hyphenDe(): Hyphenator {
  if (typeof require !== 'function') return (hyphenator ??= createRequire(import.meta.url)('hyphen/de/index.js') as Hyphenator);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle's own require (see above)
  return (hyphenator ??= require('hyphen/de/index.js') as Hyphenator);
}

const SOFT_HYPHEN = '\u00ad';
/** Parts shorter than this are too ambiguous to count as words of their own. */
const MIN_PART_LENGTH = 3;
/** Linking elements (Fugenelemente) between the parts of a German compound. */
const LINKING_ENDINGS = ['s', 'es', 'n', 'en'];
/** An unknown modifier must be at least this long to be recorded (shorter ones are mostly syllables). */
const MIN_MODIFIER_LENGTH = 5;
/** The shortest word `splitHead` can split: a modifier and a head of more than `MIN_PART_LENGTH`. */
const MIN_HEAD_SPLIT_LENGTH = MIN_MODIFIER_LENGTH + MIN_PART_LENGTH + 1;
/** The shortest word `knownModifier` looks into: shorter ones are rarely compounds of two long parts. */
const MIN_KNOWN_MODIFIER_WORD_LENGTH = 10;
/** The unknown head that `knownModifier` accepts is at least this long (`hebung`; not a syllable). */
const MIN_ABSTRACT_HEAD_LENGTH = 5;
/**
 * Endings of an abstract noun that names a process or property (`Degression`, `Hebung`, `Bündelung`, `Effizienz`,
 * `Wirtschaftlichkeit`) or a measure or level of it (`Quote`, `Rate`, `Rendite`, `Potenzial`, `Effekt`, `Ebene`): as the head of a compound it says what happens to its modifier (`Kostendegression`: the
 * costs fall), so the compound is about the modifier. A concrete head names a thing of its own that the modifier
 * only qualifies (`Kommunalwahl`, `Sportplatz`, `Personalausweis`, `Kreisumlage`).
 */
const ABSTRACT_HEAD = /(?:ion|ung|heit|keit|tät|taet|ismus|enz|anz|quote|rate|rendite|potenzial|potential|effekt|ebene)(?:en|e|n)?$/;

/**
 * Splits German compounds into known parts: `Förderanträge` → `forder` + `antrag`.
 *
 * There is no compound splitter for German on npm, so this combines two well-kept pieces: the
 * syllable breaks of the `hyphen` package's German patterns give the candidate split points, and a
 * split is taken only where every part is a term the knowledge base already knows (`lookupPart`),
 * optionally after dropping a linking `s`/`es`/`n`/`en`. Longer known parts are preferred, so
 * `Zweckverbandssatzung` yields `zweckverband` + `satzung` rather than three pieces.
 */
export class CompoundSplitter {
  private readonly cache = new Map<string, string[]>();
  private readonly headCache = new Map<string, { modifier: string; head: string } | null>();
  private readonly modifierCache = new Map<string, string | null>();

  /**
   * @param lookupPart returns the index term for a word part (lower case, original letters), or
   *   `undefined` when the part is not a known word.
   */
  constructor(private readonly lookupPart: (part: string) => string | undefined) {}

  /** The known parts of `lowerWord`, or `[]` when it cannot be split into known parts. */
  split(lowerWord: string): string[] {
    const cached = this.cache.get(lowerWord);
    if (cached) return cached;
    // Too short for two parts: no need to hyphenate (the costliest step of indexing).
    if (lowerWord.length < 2 * MIN_PART_LENGTH) return [];
    const breaks = syllableBreaks(lowerWord);
    const parts = this.splitAt(lowerWord, breaks, 0) ?? [];
    this.cache.set(lowerWord, parts);
    return parts;
  }

  /**
   * The head of a compound whose modifier is not a known word: `Kassenwesen` → `{ modifier: 'kassen',
   * head: 'wes' }`. German compounds put the head last, and users often type the modifier alone
   * ("Kasse"), so the index also records the modifier of such words. Only for documents: in a
   * question, an unknown modifier must stay unknown ("Personalausweis" is not about "Personal").
   */
  splitHead(lowerWord: string): { modifier: string; head: string } | undefined {
    const cached = this.headCache.get(lowerWord);
    if (cached !== undefined) return cached ?? undefined;
    if (lowerWord.length < MIN_HEAD_SPLIT_LENGTH) return undefined;
    let found: { modifier: string; head: string } | null = null;
    for (const at of syllableBreaks(lowerWord)) {
      if (at < MIN_MODIFIER_LENGTH || lowerWord.length - at < MIN_PART_LENGTH + 1) continue;
      const head = this.known(lowerWord.slice(at));
      if (head) {
        found = { modifier: stripLinking(lowerWord.slice(0, at)), head };
        break;
      }
    }
    this.headCache.set(lowerWord, found);
    return found ?? undefined;
  }

  /**
   * The known modifier of a compound that does not split into known words, when its unknown head is an abstract
   * noun of a process or property (`ABSTRACT_HEAD`): `Kostendegression` → `kost`. The longest known modifier of at least five letters (a linking `s` dropped) at a syllable
   * break. Not for a concrete head (`Kommunalwahl`, `Personalausweis`: another topic), nor for a known head after an
   * unknown modifier (`Schlüsselzuweisung`, `Friedhofsgebührensatzung`: mostly a kind of the head the knowledge base
   * does not have). For questions; `GermanAnalyzer.analyzeQuery` decides how much the modifier counts.
   */
  knownModifier(lowerWord: string): string | undefined {
    const cached = this.modifierCache.get(lowerWord);
    if (cached !== undefined) return cached ?? undefined;
    let found: string | null = null;
    if (lowerWord.length >= MIN_KNOWN_MODIFIER_WORD_LENGTH) {
      const breaks = syllableBreaks(lowerWord);
      // The longest modifier first.
      for (let b = breaks.length - 1; !found && b >= 0; b--) {
        const at = breaks[b]!;
        const head = lowerWord.slice(at);
        if (at < MIN_MODIFIER_LENGTH || head.length < MIN_ABSTRACT_HEAD_LENGTH || !ABSTRACT_HEAD.test(head)) continue;
        found = this.known(lowerWord.slice(0, at)) ?? null;
      }
    }
    this.modifierCache.set(lowerWord, found);
    return found ?? undefined;
  }

  /** Forget cached splits (the vocabulary changed). */
  clear(): void {
    this.cache.clear();
    this.headCache.clear();
    this.modifierCache.clear();
  }

  private splitAt(word: string, breaks: number[], from: number): string[] | undefined {
    // Try the longest left part first so that known multi-part words stay whole.
    for (let b = breaks.length - 1; b >= 0; b--) {
      const at = breaks[b]!;
      if (at <= from || at - from < MIN_PART_LENGTH || word.length - at < MIN_PART_LENGTH) continue;
      // "aufgestellt", "zusammengelegt": a participle of a separable verb, no compound of "aufge" and "stellt".
      if (from === 0 && PARTICIPLE_PREFIX.test(word.slice(0, at))) continue;
      const left = this.known(word.slice(from, at));
      if (!left) continue;
      const rightWord = word.slice(at);
      const right = this.known(rightWord);
      if (right) return [left, right];
      const rest = this.splitAt(word, breaks, at);
      if (rest) return [left, ...rest];
    }
    return undefined;
  }

  private known(part: string): string | undefined {
    const direct = this.lookupPart(part);
    if (direct) return direct;
    for (const ending of LINKING_ENDINGS) {
      if (part.endsWith(ending) && part.length - ending.length >= MIN_PART_LENGTH) {
        const term = this.lookupPart(part.slice(0, -ending.length));
        if (term) return term;
      }
    }
    return undefined;
  }
}

/** The start of a separable verb's participle up to its "ge" ("aufge", "zusammenge"): no modifier of a compound. */
const PARTICIPLE_PREFIX =
  /^(?:ab|an|auf|aus|bei|dar|durch|ein|fest|frei|her|hin|los|mit|nach|um|vor|weg|weiter|zu|zurueck|zurück|zusammen|dazu|hinzu|heraus|herein)ge$/;

/** The modifier without a linking `s` (`Antrags` → `antrag`); other linking forms the stemmer handles. */
function stripLinking(modifier: string): string {
  return modifier.length > MIN_MODIFIER_LENGTH && /[^s]s$/.test(modifier) ? modifier.slice(0, -1) : modifier;
}

/**
 * Syllable breaks per word. They do not depend on the vocabulary, so they outlive `clear()`; hyphenation
 * is the costliest step of indexing, and a knowledge base repeats its words a lot.
 */
const breakCache = new Map<string, number[]>();

/**
 * Offsets inside a lower-case word where the German hyphenation patterns allow a break (cached).
 *
 * @example
 * ```ts
 * syllableBreaks('zweckverband'); // [5]
 * ```
 */
export function syllableBreaks(word: string): number[] {
  let breaks = breakCache.get(word);
  if (!breaks) breakCache.set(word, (breaks = breaksOf(hyphenDe().hyphenateSync(word, { minWordLength: 5 }))));
  return breaks;
}

/** Offsets of the soft hyphens in a hyphenated word, counted in the word without them. */
function breaksOf(hyphenated: string): number[] {
  const breaks: number[] = [];
  let offset = 0;
  for (const char of hyphenated) {
    if (char === SOFT_HYPHEN) breaks.push(offset);
    else offset += char.length;
  }
  return breaks;
}

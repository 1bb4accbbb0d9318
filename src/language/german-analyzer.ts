import { deu as BASE_GERMAN_STOPWORDS } from 'stopword';
import { questionWeights } from './clauses.js';
import { CompoundSplitter } from './compound-splitter.js';
import { foldGerman, stemGerman, tokenizeWords } from './german-normalizer.js';
import { EMPTY_THESAURUS, type ThesaurusData } from './thesaurus.js';
import { TypoLookup, typoBudget } from './typos.js';

/** Words and phrases that users mean interchangeably. */
export interface SynonymGroup {
  words: string[];
  /** `true` for exact equivalents (abbreviation and long form); `false` for related everyday words. */
  exact: boolean;
}

/** What the analyser is configured with (editors maintain it in `knowledge/_meta/`). */
export interface AnalyzerSettings {
  synonymGroups: SynonymGroup[];
  stopwords: { keep: string[]; add: string[] };
  /**
   * Words that only frame a question (who asks, how the writer feels about it: "Chef", "Zweifel", "ehrlich"):
   * left out of questions, still indexed in articles. Absent: none.
   */
  framing?: string[];
  /**
   * Who asks ("Chef", "Bürgermeister", "Kollegin"): framing only as the asker, after a possessive ("mein Chef",
   * "unser neuer Bgm") or in a message with a framing word ("Der Bürgermeister möchte wissen, …"); otherwise the
   * topic ("Wer ist in Neuhof der Bürgermeister?"). Absent: none.
   */
  framingPersons?: string[];
  /**
   * Idioms the articles never use ("auf Kante genäht", "unter die Arme"), each with its plain meaning ("" for none):
   * in questions the meaning stands for the idiom, whose own words would read as topics. Absent: none.
   */
  idioms?: Record<string, string>;
  /** General German word knowledge (`_meta/openthesaurus-*.txt`); absent: the analyser does without. */
  thesaurus?: ThesaurusData;
}

/** How much a query term found only through expansion counts compared with the word the user typed. */
export const DEFAULT_EXPANSION_WEIGHTS = {
  /** A part of a compound the user typed (`Fördergeld` → `geld`). */
  compoundPart: 0.6,
  /**
   * The known modifier of a compound the knowledge base does not know whose head is an abstract noun
   * (`Kostendegression` → `kosten`, see `CompoundSplitter.knownModifier`). Less than `compoundPart`: the unknown head
   * still adds meaning; and the word keeps its weight as an unknown word (as for `thesaurus`), so the modifier alone
   * covers 0.4 of a one-word question, below `minCoverage`.
   */
  knownModifier: 0.4,
  /** An exact equivalent from `_meta/synonyms.yml` (abbreviation and long form, digit and number word). */
  equivalent: 1,
  /** A related everyday word from `_meta/synonyms.yml`. */
  related: 0.8,
  /**
   * A word of the knowledge base that OpenThesaurus gives as a synonym of a verb, adjective or adverb the
   * knowledge base does not contain (`zusammentun` → `zusammenlegen`): general synonyms fit less often
   * than the hand-written ones.
   */
  thesaurus: 0.5,
  /**
   * A known word one or two keystrokes away from a word the knowledge base does not know (`antragstelung` →
   * `Antragstellung`, see `typoCorrections`): most such words are typos, but some are other words.
   */
  typo: 0.8,
} as const;

/**
 * The words of a knowledge base: every index term, and the terms of the words its articles write in lower case
 * (verbs, adjectives: `zahlen`, `gefördert`), which tell an inflected verb form from a noun (see `verbLemma`).
 */
export interface Vocabulary {
  terms: ReadonlySet<string>;
  lowerCase: ReadonlySet<string>;
}

/** At most this many thesaurus synonyms per unknown word (each is one more search). */
const MAX_THESAURUS_TARGETS = 6;

/** One word of a query with everything it may match in the index. */
export interface QueryWord {
  /** The word as the user typed it. */
  text: string;
  /** Its own index term (folded and stemmed). */
  term: string;
  /**
   * What the spelling suggests: `noun` (German capitalises nouns, which carry the topic; also names and
   * abbreviations like `LEADER`), `other` (verbs, adjectives, adverbs, and words OpenThesaurus knows as
   * such), `number` (`2027`, `32000`), `place` (an unknown capitalised word after "aus", "mit", "Stadt" …:
   * `mit Wettenberg und Heuchelheim`), `unknown` when neither case nor ending tells (see `classifyWord`).
   */
  wordClass: 'noun' | 'other' | 'number' | 'place' | 'unknown';
  /** All index terms that stand for this word, with their weight (its own term has weight 1). */
  alternatives: Map<string, number>;
  /**
   * The alternatives that cover an unknown word only in part (the word itself is not in the knowledge base): the
   * ones OpenThesaurus gives, and the known modifier of a compound with an abstract head (`Kostendegression`:
   * `kosten`, see `DEFAULT_EXPANSION_WEIGHTS.knownModifier`) with its synonyms. They count towards how well an article
   * covers the word, not towards how much the word weighs.
   */
  thesaurusTerms?: ReadonlySet<string>;
  /**
   * The compound part each alternative stands for: the part itself, or a synonym of it (`Mindestlaufzeit`:
   * `laufzeit`, and `dauer` for `laufzeit`). Two alternatives of one part are one part of the compound.
   */
  partOf?: Map<string, string>;
  /** The word splits into known words (`Regierungspräsident`): a word of its own, no typo of a similar known one. */
  compound?: true;
  /**
   * Synonyms of several words ("Hessen CyberCompetenceCenter" for `Hessen3C`): they stand for the word only
   * together. Each of their words alone is an alternative of a part's weight (`Hessen` alone is not `Hessen3C`).
   */
  phrases?: Array<{ terms: string[]; weight: number }>;
  /**
   * How much the word counts where it stands (see `questionWeights`): below 1 in a context sentence or in the frame
   * of an embedded question ("Im Finanzausschuss kam die Frage auf, ob …"). Absent: 1.
   */
  emphasis?: number;
}

/**
 * The German analyser shared by indexing and querying, so both sides produce the same terms:
 * lower case → umlaut/ß folding → stop words → Snowball stem → compound parts (split against the
 * vocabulary of the knowledge base) → synonyms and abbreviations (queries only).
 *
 * @example
 * ```ts
 * const analyzer = new GermanAnalyzer(kb.meta);
 * analyzer.setVocabulary(analyzer.vocabularyOf(allTexts));
 * analyzer.indexTerms('Antragsunterlagen'); // ['antragsunterlag', 'antrag', 'unterlag']
 * ```
 */
export class GermanAnalyzer {
  private readonly stopwords: Set<string>;
  private vocabulary: ReadonlySet<string> = new Set();
  private lowerCaseTerms: ReadonlySet<string> = new Set();
  private readonly splitter: CompoundSplitter;
  /** term → synonym groups in which a single-term member is that term. */
  private synonymIndex = new Map<string, AnalysedSynonymGroup[]>();
  private readonly synonymGroups: AnalysedSynonymGroup[];
  /** See `collapsedSynonyms`. */
  private readonly collapsed: string[] = [];
  /** Terms of the single-word synonyms written in lower case (verbs, adjectives). */
  private readonly lowerCaseSynonyms: string[];
  private readonly baseCache = new Map<string, string | null>();
  private readonly indexCache = new Map<string, string[]>();
  private readonly modifierCache = new Map<string, string | null>();
  private readonly lemmaCache = new Map<string, string | null>();
  /** The vocabulary by first letter and length (built on the first typo looked for after `setVocabulary`). */
  private typoLookup: TypoLookup | undefined;
  private readonly typoCache = new Map<string, string[]>();
  private readonly thesaurusData: ThesaurusData;
  /** Term → the analysed thesaurus sets it is in (built on the first question: start-up does not pay for it). */
  private thesaurusIndex: Map<string, string[][]> | undefined;
  private ordinaryTerms: ReadonlySet<string> | undefined;
  private realTerms: ReadonlySet<string> | undefined;
  /** Terms of `framing` words, skipped in questions. */
  private readonly framingTerms: ReadonlySet<string>;
  /** Terms of `framingPersons`, skipped where they name the asker. */
  private readonly askerTerms: ReadonlySet<string>;
  /** The `framing` words as written (folded): some are stop words ("wissen") and have no term, but still frame. */
  private readonly framingWords: ReadonlySet<string>;
  /** `AnalyzerSettings.idioms` as patterns (the longest first), with their meanings. */
  private readonly idioms: ReadonlyArray<{ pattern: RegExp; meaning: string }>;

  constructor(meta: AnalyzerSettings) {
    this.thesaurusData = meta.thesaurus ?? EMPTY_THESAURUS;
    const keep = new Set(meta.stopwords.keep.map((w) => foldGerman(w.toLowerCase())));
    this.stopwords = new Set(
      [...BASE_GERMAN_STOPWORDS, ...meta.stopwords.add].map((w) => foldGerman(w.toLowerCase())).filter((w) => !keep.has(w)),
    );
    this.splitter = new CompoundSplitter((part) => this.lookupPart(part));
    const termsOf = (words: readonly string[] = []) => new Set(words.map((w) => this.baseTerm(w)).filter((t): t is string => t !== null));
    this.framingTerms = termsOf(meta.framing);
    this.askerTerms = termsOf(meta.framingPersons);
    this.framingWords = new Set((meta.framing ?? []).map((w) => foldGerman(w.toLowerCase())));
    this.idioms = Object.entries(meta.idioms ?? {})
      .sort(([a], [b]) => b.length - a.length)
      .map(([idiom, meaning]) => ({ pattern: phrasePattern(idiom), meaning }));
    this.synonymGroups = meta.synonymGroups.map((group) => ({
      members: group.words
        .map((member) => ({ member, words: tokenizeWords(member) }))
        .map(({ member, words }) => ({ member, words, terms: words.map((w) => this.baseTerm(w)).filter((t): t is string => t !== null) }))
        // A phrase left with one word after its stop words ("nächstes Jahr" → "Jahr") would stand for that word alone.
        .filter(({ member, words, terms }) => {
          const collapsed = terms.length === 1 && words.length > 1;
          if (collapsed) this.collapsed.push(member);
          return terms.length > 0 && !collapsed;
        })
        .map(({ terms }) => terms),
      weight: group.exact ? DEFAULT_EXPANSION_WEIGHTS.equivalent : DEFAULT_EXPANSION_WEIGHTS.related,
    }));
    this.lowerCaseSynonyms = meta.synonymGroups
      .flatMap((group) => group.words)
      .filter((word) => /^\p{Ll}+$/u.test(word))
      .map((word) => this.baseTerm(word))
      .filter((t): t is string => t !== null);
    this.indexSynonyms();
  }

  /**
   * Synonyms of several words that keep only one word besides their stop words ("nächstes Jahr": "nächstes" is a
   * stop word): the analyser leaves them out, as they would stand for that one word ("Jahr") alone.
   */
  collapsedSynonyms(): string[] {
    return this.collapsed;
  }

  /** The index term of one word, or `null` for stop words and noise (pure, cached). */
  baseTerm(token: string): string | null {
    const cached = this.baseCache.get(token);
    if (cached !== undefined) return cached;
    const folded = foldGerman(token.toLowerCase());
    let term: string | null = null;
    const isNumber = /^\d+$/.test(folded);
    if (isNumber || (folded.length > 1 && !this.stopwords.has(folded))) term = isNumber ? folded : stemGerman(folded);
    this.baseCache.set(token, term);
    return term;
  }

  /** All base terms of a text (no compound parts): the raw material of the vocabulary. */
  baseTerms(text: string): string[] {
    return tokenizeWords(text)
      .map((w) => this.baseTerm(w))
      .filter((t): t is string => t !== null);
  }

  /** Sets the known terms that compound parts and verb forms are matched against (call before indexing). */
  setVocabulary(vocabulary: Vocabulary): void {
    this.vocabulary = vocabulary.terms;
    this.lowerCaseTerms = vocabulary.lowerCase;
    this.splitter.clear();
    this.indexCache.clear();
    this.modifierCache.clear();
    this.lemmaCache.clear();
    this.typoLookup = undefined;
    this.typoCache.clear();
  }

  /** The known terms (`setVocabulary`), for saving an index. */
  vocabularyTerms(): string[] {
    return [...this.vocabulary];
  }

  /** Whether the articles write this term, and only capitalised: a noun or a name. */
  writesCapitalised(term: string): boolean {
    return this.vocabulary.has(term) && !this.lowerCaseTerms.has(term);
  }

  /** The known terms of words written in lower case (`Vocabulary.lowerCase`), for saving an index. */
  lowerCaseVocabularyTerms(): string[] {
    return [...this.lowerCaseTerms];
  }

  /**
   * Vocabulary of a set of texts: their words, the synonym terms, and the modifiers of compounds whose
   * head is known (`Kassenwesen` adds `kass`). Input for `setVocabulary`. Reads the texts once (they
   * may come one by one from a generator).
   */
  vocabularyOf(texts: Iterable<string>): Vocabulary {
    const vocabulary = new Set<string>();
    const lowerCase = new Set<string>();
    const lowerWords = new Set<string>();
    for (const text of texts) {
      for (const word of tokenizeWords(text)) {
        const term = this.baseTerm(word);
        if (term === null) continue;
        vocabulary.add(term);
        if (/^\p{Ll}/u.test(word)) lowerCase.add(term);
        // Stop words and noise have no modifier: only the other words are looked at below.
        lowerWords.add(word.toLowerCase());
      }
    }
    for (const group of this.synonymGroups) for (const member of group.members) for (const term of member) vocabulary.add(term);
    // Editors write the verbs and adjectives of the synonym list in lower case ("laufen", "kriegen").
    for (const term of this.lowerCaseSynonyms) lowerCase.add(term);
    const previous = { terms: this.vocabulary, lowerCase: this.lowerCaseTerms };
    this.setVocabulary({ terms: vocabulary, lowerCase });
    const modifiers = new Set<string>();
    // A word's modifier does not depend on its case: once per distinct word is enough.
    for (const word of lowerWords) {
      const modifier = this.modifierTerm(word);
      if (modifier) modifiers.add(modifier);
    }
    this.setVocabulary(previous);
    for (const modifier of modifiers) vocabulary.add(modifier);
    return { terms: vocabulary, lowerCase };
  }

  /**
   * Terms to index for one word of a document: its base term, the known parts of a compound or
   * participle, and the modifier of a compound whose head is known.
   */
  indexTerms(token: string): string[] {
    const cached = this.indexCache.get(token);
    if (cached) return cached;
    const forms = this.wordForms(token);
    let terms: string[] = [];
    if (forms) {
      terms = [forms.term, ...(forms.lemma ? [forms.lemma] : []), ...forms.parts];
      const modifier = forms.parts.length === 0 ? this.modifierTerm(token) : undefined;
      if (modifier && modifier !== forms.term) terms = [forms.term, modifier, this.splitter.splitHead(token.toLowerCase())!.head];
    }
    this.indexCache.set(token, terms);
    return terms;
  }

  /**
   * The base term of a word and the known terms inside it: the parts of a compound
   * (`Fördergeld` → `forder`, `geld`) or the verb of a participle (`gefördert` → `forder`).
   */
  private wordForms(word: string): { term: string; lemma?: string; parts: string[] } | undefined {
    // The plural of an abbreviation ("GVVs", "RPs") is the abbreviation.
    const abbreviation = ABBREVIATION_PLURAL.exec(word)?.[1];
    const singular = abbreviation === undefined ? null : this.baseTerm(abbreviation);
    if (singular !== null && this.vocabulary.has(singular)) return { term: singular, parts: [] };
    const term = this.baseTerm(word);
    if (term === null) return undefined;
    if (/^\d+$/.test(term)) return { term, parts: [] };
    const lower = word.toLowerCase();
    const lemma = this.verbLemma(lower, term);
    let parts = this.splitter.split(lower);
    if (parts.length === 0 && !lemma) {
      const participle = PARTICIPLE.exec(lower);
      const verb = participle ? this.lookupPart(participle[1]!) : undefined;
      if (verb) parts = [verb];
    }
    // A verb form is no compound: `eingereicht` holds no `reicht` of its own.
    return { term, lemma, parts: lemma ? [] : parts.filter((p) => p !== term) };
  }

  /** `wordForms` of a word of a question, with the known thing of a compound that names its field (`fieldOf`). */
  private queryForms(word: string): ReturnType<GermanAnalyzer['wordForms']> {
    const forms = this.wordForms(word);
    if (!forms || forms.lemma || forms.parts.length > 0) return forms;
    const field = this.fieldOf(word.toLowerCase()).filter((part) => part !== forms.term);
    return field.length > 0 ? { ...forms, parts: field } : forms;
  }

  /**
   * The known thing of a compound that names its field ("Standesamtswesen", "Friedhofsangelegenheiten",
   * "Bußgeldsachen"): the head adds no topic of its own, so the compound is about its modifier.
   */
  private fieldOf(lowerWord: string): string[] {
    const modifier = FIELD_HEAD.exec(lowerWord)?.[1];
    if (!modifier || modifier.length < 4) return [];
    const known = this.lookupPart(modifier) ?? (modifier.endsWith('s') ? this.lookupPart(modifier.slice(0, -1)) : undefined);
    return known ? [known] : [];
  }

  /**
   * The stem of the verb an inflected form belongs to, when the Snowball stemmer leaves the ending: `zahlt` →
   * `zahl` (as `zahlen`), `dauert` → as `dauern`, `gilt` → as `gelten`, `stellte` → `stell`, `eingereicht` → as
   * `einreichen`. Only for a word the articles do not know as a noun (a term they write only capitalised: `Wert`),
   * and a finite form only onto the stem of a word the articles write in lower case, so `Rat` stays itself and
   * `gesetzt` does not become `Gesetz`; a participle's verb (`ausgezahlt`) may be known from its noun (`Auszahlung`).
   */
  private verbLemma(lowerWord: string, term: string): string | undefined {
    const cached = this.lemmaCache.get(lowerWord);
    if (cached !== undefined) return cached ?? undefined;
    let lemma: string | null = null;
    if (!this.vocabulary.has(term) || this.lowerCaseTerms.has(term)) {
      for (const { stem, participle } of verbStemCandidates(foldGerman(lowerWord))) {
        if (stem.length < MIN_LEMMA_LENGTH || stem === term || this.stopwords.has(stem)) continue;
        if ((participle ? this.vocabulary : this.lowerCaseTerms).has(stem)) {
          lemma = stem;
          break;
        }
      }
    }
    this.lemmaCache.set(lowerWord, lemma);
    return lemma ?? undefined;
  }

  /** All index terms of a text, as documents are indexed (for statistics, section scoring and tests). */
  analyze(text: string): string[] {
    return tokenizeWords(text).flatMap((w) => this.indexTerms(w));
  }

  /** True when the articles contain the word (its base term). */
  private isKnownWord(word: string): boolean {
    const term = this.baseTerm(word);
    return term !== null && this.vocabulary.has(term);
  }

  /** Analyses a user question into words, each with its own term, compound parts and synonyms. */
  analyzeQuery(question: string): QueryWord[] {
    // "Wo muss der Antrag hin?" asks "wohin" (a kept word), split as German writes it.
    // A town's qualifier the articles do not know ("Homberg (Ohm)") belongs to the town: no unknown topic word.
    const spelled = question
      .replace(SPLIT_WOHIN, (_, w: string, rest: string) => `${w}hin${rest}`)
      .replace(WO_TO_SEND, (w: string) => `${w}hin`)
      .replace(NAME_QUALIFIER, (whole, name: string, qualifier: string) => (this.isKnownWord(qualifier) ? whole : name))
      // A truncated part the articles do not know ("Ober-") has its meaning only with the head it shares: no word of its own.
      .replace(TRUNCATED_PART, (whole, part: string) => (this.isKnownWord(part) ? whole : ''));
    // "Unser Haushalt ist auf Kante genäht": an idiom's words are no topic ("Kante"); its plain meaning is.
    const text = this.idioms.reduce((plain, { pattern, meaning }) => plain.replace(pattern, ` ${meaning} `), spelled);
    const words: QueryWord[] = [];
    const seen = new Map<string, QueryWord>();
    /** Term of an unknown word → the known modifier found in it (see `knownModifierOf`). */
    const partial = new Map<string, string>();
    const tokens = tokenizeWords(text);
    const letters = tokens.filter((t) => /^\p{L}/u.test(t));
    const mixedCase = letters.some((t) => /^\p{Lu}/u.test(t)) && letters.some((t) => /^\p{Ll}/u.test(t));
    // (Not a message of capitalised words only: "Grundsteuer Hebesatz Kassel 2025?" writes nouns as nouns.)
    const lowerCase = letters.every((t) => /^\p{Ll}/u.test(t));
    const sentenceStarts = sentenceStartsOf(text);
    const emphasis = questionWeights(text, (token, position) => this.isTopicWord(token, position > 0 && mixedCase));
    const isFraming = (forms: { term: string; lemma?: string } | undefined) =>
      !!forms && (this.framingTerms.has(forms.term) || (!!forms.lemma && this.framingTerms.has(forms.lemma)));
    const framed =
      this.askerTerms.size > 0 &&
      tokens.some((token) => this.framingWords.has(foldGerman(token.toLowerCase())) || isFraming(this.wordForms(token)));
    tokens.forEach((token, position) => {
      const forms = this.queryForms(token);
      // A framing word ("mein Chef fragt …", "ich habe da meine Zweifel") says nothing about the topic.
      if (!forms || isFraming(forms)) return;
      if (this.askerTerms.has(forms.term) && (framed || afterPossessive(tokens, position))) return;
      // A capitalised word that opens a sentence before a pronoun is its verb ("Fliegen wir damit raus?"), no noun.
      const opensVerbFirst = sentenceStarts.has(position) && SUBJECT_PRONOUNS.has(tokens[position + 1]?.toLowerCase() ?? '');
      const caseIsMeaningful = mixedCase && position > 0 && !opensVerbFirst;
      let wordClass = classifyWord(token, caseIsMeaningful, mixedCase);
      // An inflected verb form stands for its verb ("zahlt" for "zahlen"); a capitalised word is a noun ("Rat").
      const lemma = wordClass === 'noun' && caseIsMeaningful ? undefined : forms.lemma;
      const term = lemma ?? forms.term;
      const weight = emphasis[position] ?? 1;
      const earlier = seen.get(term);
      if (earlier) {
        // A word asked about counts fully, also when the context named it first.
        if ((earlier.emphasis ?? 1) < weight) earlier.emphasis = weight === 1 ? undefined : weight;
        return;
      }
      const alternatives = new Map<string, number>([[term, 1]]);
      if (lemma) {
        alternatives.set(forms.term, 1);
        if (wordClass !== 'number') wordClass = 'other';
      }
      for (const part of forms.parts) setMax(alternatives, part, DEFAULT_EXPANSION_WEIGHTS.compoundPart);
      let partOf = forms.parts.length > 0 ? new Map(forms.parts.map((part) => [part, part])) : undefined;
      // Where case tells nothing (all lower case, first word), a word OpenThesaurus writes in lower case
      // is a verb, adjective or adverb ("hinterher", "schicken"), not a name.
      if (!caseIsMeaningful && wordClass !== 'number' && !isAbbreviation(token, mixedCase) && this.isOrdinaryTerm(term))
        wordClass = 'other';
      // "beim Aufsetzen", "zum Ausfüllen": an infinitive written as a noun still names a doing, not the topic.
      if (
        caseIsMeaningful &&
        wordClass === 'noun' &&
        /en$/u.test(token) &&
        INFINITIVE_NOUN_CUES.has(foldGerman(tokens[position - 1]!.toLowerCase())) &&
        forms.parts.length === 0 &&
        !this.vocabulary.has(term)
      )
        wordClass = 'other';
      // In a message all in lower case, a word the articles only write capitalised is a noun ("unterlagen", "kosten"),
      // whatever its ending suggests; so is a compound whose last part is one ("landrat", "haushaltssatzung").
      const head = this.vocabulary.has(term) ? term : forms.parts.at(-1);
      if (
        lowerCase &&
        !lemma &&
        wordClass !== 'number' &&
        head !== undefined &&
        this.vocabulary.has(head) &&
        !this.lowerCaseTerms.has(head)
      )
        wordClass = 'noun';
      // In a message all in lower case, an unknown word is a noun only where something shows it: a noun ending, or
      // an article or preposition before it ("die kreisumlage", "für vereine"). Others ("nix", "draus", "bestehn")
      // are ordinary words; weighed as unknown nouns they sank the coverage of clear questions.
      if (
        lowerCase &&
        wordClass !== 'number' &&
        !lemma &&
        forms.parts.length === 0 &&
        !this.vocabulary.has(term) &&
        !this.isOrdinaryTerm(term)
      )
        wordClass = wordClass === 'noun' || this.followsNounCue(tokens, position) ? 'noun' : 'other';
      if (
        caseIsMeaningful &&
        wordClass === 'noun' &&
        forms.parts.length === 0 &&
        !this.vocabulary.has(term) &&
        this.followsPlaceCue(tokens, position)
      )
        wordClass = 'place';
      // In a message all in lower case, an unknown word right after a noun of a place ("im rp bezirk kassel", "die
      // stadt musterhausen") names it, as it would written capitalised (not after a preposition: "mit" names no place;
      // nor a short word or an ordinary one: "die gemeinde ca 6000 einwohner").
      if (
        lowerCase &&
        wordClass !== 'number' &&
        forms.parts.length === 0 &&
        token.length >= 4 &&
        !this.vocabulary.has(term) &&
        !this.isOrdinaryTerm(term) &&
        PLACE_CUES.has(tokens[position - 1]?.toLowerCase() ?? '') &&
        !PREPOSITION_CUES.has(tokens[position - 1]!.toLowerCase())
      )
        wordClass = 'place';
      // A typo of a known word ("antragstelung", "gebüren"): numbers and abbreviations are no typos, and a verb or
      // adjective (by its case, or by its ending where case tells nothing and the known word is no noun either)
      // weighs little anyway.
      const typoCandidate = wordClass === 'noun' || wordClass === 'unknown' || (wordClass === 'other' && !caseIsMeaningful);
      if (!lemma && forms.parts.length === 0 && typoCandidate && !isAbbreviation(token, mixedCase)) {
        // The stemmer may cut a typo's end as an ending ("feuerwher" → "feurwh"): then the word as typed is nearer.
        let corrections = this.typoCorrections(term);
        if (corrections.length === 0 && !this.vocabulary.has(term)) {
          const typed = foldGerman(token.toLowerCase());
          if (typed !== term) corrections = this.typoCorrections(typed);
        }
        if (!caseIsMeaningful) {
          // Where case tells nothing, the known word tells the class: the articles write nouns capitalised only.
          const nouns = corrections.filter((known) => !this.lowerCaseTerms.has(known));
          if (wordClass === 'other') corrections = nouns;
          if (corrections.length > 0) wordClass = nouns.length > 0 ? 'noun' : 'other';
        }
        // Each correction stands for the whole word (its synonyms too), not for a part of it.
        for (const known of corrections) setMax(alternatives, known, DEFAULT_EXPANSION_WEIGHTS.typo);
        if (corrections.length > 0) partOf = new Map(corrections.map((known) => [known, known]));
      }
      // An unknown compound of a known modifier and an abstract head ("Kostendegression") is in part about the modifier.
      const known = partOf ? undefined : this.knownModifierOf(token, term, wordClass, lemma, forms.parts.length, mixedCase);
      if (known) {
        alternatives.set(known, DEFAULT_EXPANSION_WEIGHTS.knownModifier);
        partOf = new Map([[known, known]]);
        partial.set(term, known);
      }
      const word: QueryWord = {
        text: token,
        term,
        alternatives,
        wordClass,
        ...(partOf && { partOf }),
        ...(forms.parts.length >= 2 && { compound: true as const }),
        ...(weight < 1 && { emphasis: weight }),
      };
      seen.set(term, word);
      words.push(word);
    });
    this.joinSplitCompounds(tokens, words);
    this.joinSeparableVerbs(text, words);
    const expanded = this.expandSynonyms(words);
    this.expandThesaurus(words, expanded);
    // The known modifier of an unknown compound, and its synonyms, cover the word in part but do not make it a known
    // word: it keeps its weight as an unknown word, so the modifier alone does not answer a question about it.
    for (const word of words) {
      const known = partial.get(word.term);
      if (known === undefined) continue;
      const terms = new Set(word.thesaurusTerms);
      for (const term of word.alternatives.keys()) if (term !== word.term && word.partOf?.get(term) === known) terms.add(term);
      word.thesaurusTerms = terms;
    }
    return words;
  }

  /**
   * The known modifier (`CompoundSplitter.knownModifier`) of a word of a question that the knowledge base does not
   * know and that is no compound of known words, no verb form, no typo of a known word. Not a place, a number, an
   * abbreviation or a word with other characters than letters.
   */
  private knownModifierOf(
    token: string,
    term: string,
    wordClass: QueryWord['wordClass'],
    lemma: string | undefined,
    parts: number,
    mixedCase: boolean,
  ): string | undefined {
    if (lemma || parts > 0 || this.vocabulary.has(term) || isAbbreviation(token, mixedCase)) return undefined;
    if (wordClass === 'place' || wordClass === 'number' || !/^\p{L}+$/u.test(token)) return undefined;
    return this.splitter.knownModifier(token.toLowerCase());
  }

  /**
   * Clerks name their towns ("aus Biebertal", "mit Wettenberg und Heuchelheim", "Stadt Schlitz"): a capitalised
   * word the knowledge base does not know right after such a word, or after "und" following such a name, is a
   * place, not the topic. Abbreviations (`LEADER`) are never places.
   */
  private followsPlaceCue(tokens: readonly string[], position: number): boolean {
    const token = tokens[position]!;
    if (/^\p{Lu}\p{L}*\p{Lu}/u.test(token)) return false;
    const before = tokens[position - 1]?.toLowerCase();
    if (before === undefined) return false;
    if (PLACE_CUES.has(before)) return true;
    // A list of towns ("die Gemeinden Amönau, Wetter und Lahntal"): after a word the articles lack that is a town
    // itself ("in Hessen Besoldungsgruppe" is no list: Hessen is known).
    const previous = this.baseTerm(tokens[position - 1]!);
    const previousIsTown = previous !== null && !this.vocabulary.has(previous) && /^\p{Lu}/u.test(tokens[position - 1]!);
    if (previousIsTown && this.followsPlaceCue(tokens, position - 1)) return true;
    return before === 'und' && position >= 2 && /^\p{Lu}/u.test(tokens[position - 2]!) && this.followsPlaceCue(tokens, position - 2);
  }

  /**
   * The known terms an unknown term is probably a typo of (see `TypoLookup.nearest`): within one edit (a letter
   * wrong, missing, added, two swapped) for a term of five letters or more, two from nine, with the same first
   * letter. Not for a word OpenThesaurus knows (an ordinary word, a word of its synonym sets, a real word near the
   * knowledge base's words: `Leitung` is no typo of `Leistung`). Cached per term until the vocabulary changes.
   */
  typoCorrections(term: string): string[] {
    if (this.vocabulary.has(term)) return [];
    let corrections = this.typoCache.get(term);
    if (!corrections) {
      const budget = typoBudget(term.length);
      this.realTerms ??= new Set(this.thesaurusData.realTerms);
      const general = budget === 0 || this.realTerms.has(term) || this.isOrdinaryTerm(term) || this.thesaurusSetsOf(term).length > 0;
      corrections = general ? [] : (this.typoLookup ??= new TypoLookup(this.vocabulary)).nearest(term, budget);
      this.typoCache.set(term, corrections);
    }
    return corrections;
  }

  /**
   * True for a word that may name a question's topic: a capitalised word where case is meaningful, else a word the
   * articles only write capitalised (not a stop word, not a framing word).
   */
  private isTopicWord(token: string, caseIsMeaningful: boolean): boolean {
    const term = this.baseTerm(token);
    if (term === null || this.framingTerms.has(term) || this.askerTerms.has(term) || /^\d/.test(token)) return false;
    if (caseIsMeaningful) return /^\p{Lu}/u.test(token);
    return this.vocabulary.has(term) && !this.lowerCaseTerms.has(term);
  }

  /**
   * True when the word at `position` stands where German puts a noun: after an article, a determiner or a
   * preposition ("die", "unsere", "beim", "für"), with at most an adjective or a number between ("die nächste
   * kommunalwahl", "mit drei dörfern"). Not a word with an adjective's ending before a word that may be its noun
   * ("eine gemeinsame kasse").
   */
  private followsNounCue(tokens: readonly string[], position: number): boolean {
    const before = (offset: number) => foldGerman(tokens[position - offset]?.toLowerCase() ?? '');
    // An adjective's ending before a word that may be its noun: not a stop word, nor a verb or adjective the
    // articles write in lower case.
    const next = tokens[position + 1];
    const nextTerm = next === undefined || !/^\p{L}/u.test(next) ? null : this.baseTerm(next);
    // (Nor a verb at the end of the sentence: "was ist auf gemeindestraßen zu beachten".)
    const lastVerb = position + 2 === tokens.length && /(?:en|rn|ln|t)$/u.test(next ?? '');
    const adjective =
      ADJECTIVE_INFLECTION.test(tokens[position]!.toLowerCase()) && nextTerm !== null && !this.lowerCaseTerms.has(nextTerm) && !lastVerb;
    if (adjective) return false;
    if (NOUN_CUES.has(before(1))) return true;
    const between = before(1);
    const term = this.baseTerm(between);
    // An inflected adjective the articles write in lower case names a thing next ("eigene beamte"), also without a cue.
    if (!NOUN_CUES.has(before(2)))
      return /(?:e|en|em|es)$/u.test(between) && (term === null ? STOP_ADJECTIVES.test(between) : this.lowerCaseTerms.has(term));
    // Between them a number, or an adjective (a stop word or a word the articles write in lower case): not a noun
    // ("der bürgermeister gewählt") nor an unknown word ("unter die arme greifen").
    if (/^\d+$/.test(between) || NUMBER_WORDS.has(between)) return true;
    return ADJECTIVE_INFLECTION.test(between) && (term === null || this.lowerCaseTerms.has(term));
  }

  /** True when OpenThesaurus knows the term as an ordinary word (verb, adjective, adverb) the knowledge base lacks. */
  isOrdinaryTerm(term: string): boolean {
    this.ordinaryTerms ??= new Set(this.thesaurusData.ordinaryTerms);
    return this.ordinaryTerms.has(term);
  }

  /**
   * A verb, adjective or adverb the knowledge base does not contain, and that no hand-written synonym
   * covers, also stands for the knowledge base's words that OpenThesaurus gives as its synonyms, with a
   * lower weight.
   */
  private expandThesaurus(words: QueryWord[], expanded: ReadonlySet<QueryWord>): void {
    for (const word of words) {
      // Nouns carry the topic, and general synonyms of nouns stray too far ("Thema" → "Inhalt").
      if (expanded.has(word) || word.wordClass === 'noun' || this.vocabulary.has(word.term)) continue;
      const added = new Set<string>();
      for (const set of this.thesaurusSetsOf(word.term)) {
        for (const term of set) {
          if (added.size >= MAX_THESAURUS_TARGETS) break;
          if (term === word.term || !this.vocabulary.has(term) || word.alternatives.has(term)) continue;
          word.alternatives.set(term, DEFAULT_EXPANSION_WEIGHTS.thesaurus);
          added.add(term);
        }
      }
      if (added.size > 0) word.thesaurusTerms = added;
    }
  }

  private thesaurusSetsOf(term: string): readonly string[][] {
    if (!this.thesaurusIndex) {
      this.thesaurusIndex = new Map();
      for (const set of this.thesaurusData.sets) {
        const terms = [...new Set(set.map((word) => this.baseTerm(word)).filter((t): t is string => t !== null))];
        for (const t of terms) {
          const sets = this.thesaurusIndex.get(t) ?? [];
          sets.push(terms);
          this.thesaurusIndex.set(t, sets);
        }
      }
    }
    return this.thesaurusIndex.get(term) ?? [];
  }

  /**
   * Users split compounds the knowledge base writes as one word ("Gemeinde Verwaltungsverband"): when two
   * neighbouring words joined form a known term, both words also stand for that term.
   */
  private joinSplitCompounds(tokens: string[], words: QueryWord[]): void {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const joined = this.baseTerm(`${tokens[i]}${tokens[i + 1]!.toLowerCase()}`);
      if (!joined || !this.vocabulary.has(joined)) continue;
      for (const token of [tokens[i]!, tokens[i + 1]!]) {
        const word = words.find((w) => w.text === token);
        if (word) setMax(word.alternatives, joined, 1);
      }
    }
  }

  /**
   * "Wo reichen wir den Antrag ein?", "Wir legen die Bauhöfe zusammen": a separable verb's particle ends its clause,
   * apart from the verb. When the particle and a verb of the clause before it form a known term (`einreich`,
   * `zusammenleg`), the verb also stands for it, and the particle is no word of its own any more.
   */
  private joinSeparableVerbs(text: string, words: QueryWord[]): void {
    for (const clause of text.split(CLAUSE_END)) {
      const tokens = tokenizeWords(clause);
      const particle = foldGerman(tokens.at(-1)?.toLowerCase() ?? '');
      if (!SEPARABLE_PARTICLES.has(particle)) continue;
      for (const token of tokens.slice(0, -1)) {
        const forms = this.wordForms(token);
        const joined = forms ? `${particle}${forms.lemma ?? forms.term}` : '';
        const word = this.vocabulary.has(joined) ? words.find((w) => w.text === token) : undefined;
        if (!word) continue;
        setMax(word.alternatives, joined, 1);
        const alone = words.findIndex((w) => w.text === tokens.at(-1));
        if (alone >= 0) words.splice(alone, 1);
        break;
      }
    }
  }

  /** True when the word is a term of the index vocabulary (as a whole or through its parts). */
  /** Whether a term is a single-word member of a synonym group (`synonyms.yml`): a word the editors declared. */
  hasSynonyms(term: string): boolean {
    return this.synonymIndex.has(term);
  }

  isKnown(word: QueryWord): boolean {
    for (const term of word.alternatives.keys()) if (this.vocabulary.has(term)) return true;
    return false;
  }

  /** The modifier term of a compound whose head is known (cached per word until the vocabulary changes). */
  private modifierTerm(token: string): string | undefined {
    const cached = this.modifierCache.get(token);
    if (cached !== undefined) return cached ?? undefined;
    let modifier: string | null = null;
    if (this.baseTerm(token) !== null && !/^\d/.test(token)) {
      const split = this.splitter.splitHead(token.toLowerCase());
      const folded = split ? foldGerman(split.modifier) : undefined;
      if (folded !== undefined && !this.stopwords.has(folded)) modifier = stemGerman(folded);
    }
    this.modifierCache.set(token, modifier);
    return modifier ?? undefined;
  }

  private lookupPart(part: string): string | undefined {
    const folded = foldGerman(part);
    if (this.stopwords.has(folded)) return undefined;
    const stem = stemGerman(folded);
    if (this.vocabulary.has(stem)) return stem;
    if (this.vocabulary.has(folded)) return folded;
    return undefined;
  }

  private indexSynonyms(): void {
    this.synonymIndex = new Map();
    for (const group of this.synonymGroups) {
      for (const member of group.members) {
        const [first] = member;
        if (member.length !== 1 || !first) continue;
        const groups = this.synonymIndex.get(first) ?? [];
        groups.push(group);
        this.synonymIndex.set(first, groups);
      }
    }
  }

  /**
   * Adds the other members of every synonym group that a query word (single-word member) or the whole
   * query (multi-word member, all its words present) belongs to.
   */
  private expandSynonyms(words: QueryWord[]): Set<QueryWord> {
    const queryTerms = new Set(words.flatMap((w) => [...w.alternatives.keys()]));
    const expanded = new Set<QueryWord>();
    const addGroup = (word: QueryWord, group: AnalysedSynonymGroup, weight: number, part?: string) => {
      expanded.add(word);
      for (const member of group.members) {
        if (member.length > 1) {
          // A phrase counts whole only with all its words (see `QueryWord.phrases`); the words of all the group's
          // phrases are one part ("Hessen" of one and "Cyber" of another long form of "Hessen3C" are no two parts).
          (word.phrases ??= []).push({ terms: member, weight });
          const origin =
            part ??
            group.members
              .filter((m) => m.length > 1)
              .map((m) => m.join(' '))
              .join(' | ');
          for (const t of member) {
            setMax(word.alternatives, t, weight * DEFAULT_EXPANSION_WEIGHTS.compoundPart);
            if (t !== word.term && !(word.partOf ??= new Map()).has(t)) word.partOf.set(t, origin);
          }
          continue;
        }
        for (const t of member) {
          setMax(word.alternatives, t, weight);
          if (part && t !== word.term && !word.partOf!.has(t)) word.partOf!.set(t, part);
        }
      }
    };
    for (const word of words) {
      for (const [term, termWeight] of [...word.alternatives]) {
        // A synonym of a compound part is no stronger than the part itself, and stands for that part.
        const part = word.partOf?.get(term);
        for (const group of this.synonymIndex.get(term) ?? []) addGroup(word, group, group.weight * termWeight, part);
      }
    }
    for (const group of this.synonymGroups) {
      for (const member of group.members) {
        if (member.length < 2 || !member.every((t) => queryTerms.has(t))) continue;
        // Each word of the phrase stands for what the phrase means ("finanzielle Unterstützung" is funding, not help).
        for (const word of words) if (member.includes(word.term)) addGroup(word, group, group.weight);
      }
    }
    return expanded;
  }
}

/** A synonym group with each member analysed into index terms. */
interface AnalysedSynonymGroup {
  members: string[][];
  weight: number;
}

/** Pronouns that follow the verb of a question opened by its verb ("Fliegen wir …?", "Bekommt man …?"). */
const SUBJECT_PRONOUNS = new Set(['wir', 'ich', 'man', 'sie', 'er', 'es', 'du', 'ihr']);

/** The positions (in `tokenizeWords`) of the words that open a sentence after the first. */
function sentenceStartsOf(text: string): Set<number> {
  const starts = new Set<number>();
  for (const match of text.matchAll(/[.!?\n]\s*(?=\p{L})/gu))
    starts.add(tokenizeWords(text.slice(0, match.index + match[0].length)).length);
  return starts;
}

/** Endings that mark a German noun (`Bewilligung`, `Gemeinschaft`, `Kooperation`, `Ergebnis`). */
const NOUN_ENDINGS = /(ung|ungen|heit|keit|schaft|tion|tionen|tät|taet|nis|ment|ismus|enz|anz|ium|tur|eur|ie|ien)$/;
/** Endings that mark a verb, adjective or adverb (`gefährden`, `jetzige`, `nachträglich`, `kommt`). */
const OTHER_ENDINGS = /(en|ern|eln|st|t|te|ten|ig|ige|igen|iger|lich|liche|lichen|licher|isch|ische|ischen|bar|sam|haft|los)$/;

/**
 * The word class a token's spelling suggests. German capitalises nouns, so in a question that mixes
 * cases the capital letter decides; where case tells nothing (first word, or all one case), typical
 * endings do. Abbreviations and names in capitals (`LEADER`, `KFA`) count as nouns.
 */
function classifyWord(token: string, caseIsMeaningful: boolean, mixedCase: boolean): QueryWord['wordClass'] {
  if (/^\p{N}/u.test(token) || MONTHS.test(token)) return 'number';
  if (isAbbreviation(token, mixedCase)) return 'noun';
  if (caseIsMeaningful) return /^\p{Lu}/u.test(token) ? 'noun' : 'other';
  const lower = token.toLowerCase();
  if (NOUN_ENDINGS.test(lower)) return 'noun';
  if (OTHER_ENDINGS.test(lower)) return 'other';
  return 'unknown';
}

/** Month names: a date in a question ("ab Februar", "bis Ende März"), like a year, not a topic noun. */
const MONTHS = /^(?:januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)$/iu;

/** The word class that a word's ending alone suggests (as for a word in an all-lower-case message). */
export function wordClassByEnding(token: string): QueryWord['wordClass'] {
  return classifyWord(token, false, false);
}

/**
 * Words after which a noun follows (folded): articles, determiners, possessives and prepositions, also merged
 * with the article ("beim", "zur"). Not "zu" (before an infinitive) nor "um" ("um … zu").
 */
const NOUN_CUES = new Set(
  [
    'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines',
    'dieser diese diesen diesem dieses jeder jede jeden jedem jedes welcher welche welchen welchem welches',
    'mein meine meinen meinem meiner meines unser unsere unseren unserem unserer unseres unsre euer eure eures',
    'ihr ihre ihren ihrem ihrer ihres sein seine seinen seinem seiner seines ne nen nem ner',
    'im am beim vom zum zur ins ans aufs fürs fürn übers übern unterm',
    'für mit bei von aus nach ohne gegen über unter per pro seit wegen trotz durch auf an in zwischen vor hinter neben',
    'innerhalb außerhalb laut gemäß samt inklusive',
  ]
    .join(' ')
    .split(' ')
    .map((word) => foldGerman(word)),
);

/** Number words between a determiner and its noun ("mit drei dörfern"). */
const NUMBER_WORDS = new Set(['zwei', 'drei', 'vier', 'funf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'zwolf', 'paar', 'beiden']);

/** Stop words that are adjectives before a noun ("eigene beamte", "andere kommunen"), folded. */
const STOP_ADJECTIVES = /^(?:eigen|ander|weiter|neu|beid|einig|viel|mehrer|solch|samtlich|ubrig|ganz|gesamt)(?:e|en|em|es)$/u;

/** Endings of an inflected adjective (`gemeinsame`, `neuen`, `kleiner`). */
const ADJECTIVE_INFLECTION = /(?:e|en|er|es|em)$/;

/** Possessives before the asker ("mein Chef", "unsere Amtsleiterin", "unser neuer Bgm"). */
const POSSESSIVES = /^(?:mein|unser|dein|euer|eure|ihr)(?:e|em|en|er|es)?$/iu;

/** True when one of the two words before `position` is a possessive. */
function afterPossessive(tokens: readonly string[], position: number): boolean {
  return tokens.slice(Math.max(0, position - 2), position).some((token) => POSSESSIVES.test(token));
}

/** The prepositions among `PLACE_CUES`: before a capitalised word they name a place, before a lower-case one rarely. */
const PREPOSITION_CUES = new Set(['aus', 'mit', 'in', 'zwischen']);
/** Words after which a capitalised unknown word names a town (see `followsPlaceCue`). */
const PLACE_CUES = new Set(
  [...PREPOSITION_CUES, 'stadt', 'städte', 'gemeinde', 'gemeinden', 'kommune', 'kommunen', 'landkreis', 'kreis'].concat([
    'bezirk',
    'regierungsbezirk',
    'nachbargemeinde',
    'nachbargemeinden',
    'nachbarstadt',
    'nachbarkommune',
    'nachbarort',
    'nachbarorten',
    // Villages and their fire brigades are named too ("die Wehren Oberdorf und Unterdorf", "Ortsteil Niederklein").
    'ortsteil',
    'ortsteile',
    'ortsteilen',
    'ortsteils',
    'wehr',
    'wehren',
    'feuerwehr',
    'feuerwehren',
    'ortsteilwehr',
    'ortsteilwehren',
    'ortsteilfeuerwehr',
    'ortsteilfeuerwehren',
    'dorf',
    'dörfer',
    'dörfern',
    'ortschaft',
    'ortschaften',
  ]),
);

/** `LEADER`, `KFA`, `TVöD`: two or more capitals in a message that is not written all in capitals. */
function isAbbreviation(token: string, mixedCase: boolean): boolean {
  return mixedCase && /^\p{Lu}\p{L}*\p{Lu}/u.test(token);
}

/** An abbreviation in capitals with a plural "s": "GVVs", "RPs". */
const ABBREVIATION_PLURAL = /^(\p{Lu}{2,})s$/u;
/** `gefördert`, `geprüft`, `gegründet`: the stem between `ge-` and `-t`/`-et`. */
const PARTICIPLE = /^ge(\p{L}{3,}?)e?t$/u;
/** Heads that name the field of their modifier: „-wesen“, „-angelegenheiten“, „-sachen“ (see `fieldOf`). */
const FIELD_HEAD = /^(\p{L}+?)(?:wesens?|angelegenheit(?:en)?|sachen)$/u;

/** A verb stem shorter than this is too ambiguous to stand for an inflected form. */
const MIN_LEMMA_LENGTH = 3;
/** Particles that end a clause apart from their verb ("reichen … ein"), folded. */
const SEPARABLE_PARTICLES = new Set([
  'ein',
  'aus',
  'an',
  'ab',
  'auf',
  'zusammen',
  'vor',
  'nach',
  'zuruck',
  'mit',
  'weiter',
  'fest',
  'bei',
  'dar',
]);
/** Words before an infinitive written as a noun ("beim Ausfüllen", "zum Unterschreiben"). */
const INFINITIVE_NOUN_CUES = new Set(['beim', 'zum', 'vom']);
/** "wo … hin" at the end of a clause. */
const SPLIT_WOHIN = /(?<!\p{L})([Ww]o)(?!\p{L})([^.?!;:,]*?)\s+hin(?=\s*(?:[.?!;:,]|$))/gu;
/** "Wo stelle ich den Antrag?", "Wo reichen wir ihn ein?": "wo" before a verb of handing in asks "wohin". */
const WO_TO_SEND = /(?<!\p{L})[Ww]o(?=\s+(?:stell|reich|schick|beantrag|send|abgeb|einreich)\p{L}*(?!\p{L}))/gu;

/** A capitalised word in brackets right after a name: the name's qualifier ("Homberg (Ohm)", "Gemünden (Felda)"). */
const NAME_QUALIFIER = /(\p{Lu}\p{L}+)\s*\((\p{Lu}\p{Ll}+)\)/gu;

/** The first part of a compound whose head follows later ("Ober- und Unterdorf", "Kassen-, Bau- und Ordnungsamt"). */
const TRUNCATED_PART = /(\p{L}+)-(?=\s*(?:,|und\b|oder\b|bzw\b|sowie\b))/gu;

/** Where a clause ends: a sentence or clause mark, or a conjunction that opens the next one. */
const CLAUSE_END = /[.?!;:,()–]|\s(?:und|oder|aber|weil|wenn|dass|ob|damit)\s/iu;

/** Separable verb prefixes, before the `ge` of a participle (`eingereicht`, `ausgezahlt`, `zusammengelegt`). */
const SEPARABLE_PARTICIPLE =
  /^(ab|an|auf|aus|bei|durch|ein|fest|fort|her|hin|mit|nach|vor|weg|weiter|wieder|zu|zuruck|zusammen|dar|hinzu|voran)?ge(\p{L}{3,}?)e?t(?:e|en|er|es|em)?$/u;
/** An infinitive with `zu` after a separable prefix (`vorzubereiten`, `einzureichen`, `zusammenzulegen`). */
const SEPARABLE_ZU_INFINITIVE =
  /^(ab|an|auf|aus|bei|durch|ein|fest|fort|her|hin|mit|nach|vor|weg|weiter|wieder|zuruck|zusammen|dar|hinzu|voran)zu(\p{L}{3,}e?n)$/u;
/** Endings of finite verb forms the Snowball stemmer keeps (3rd person, past tense), longest first. */
const VERB_ENDINGS = ['eten', 'ete', 'tet', 'ten', 'te', 'et', 't'];

/**
 * Stems to try for an inflected verb form (folded, lower case), most likely first: the participle's verb
 * (`eingereicht` → `einreich`), then the word without each finite-verb ending it has (`entscheidet` →
 * `entscheid`), each also as an infinitive (`daur` + `n`: `dauern` folds to `daurn`), and last with the
 * vowel of strong verbs changed back (`hilft` → `helf`, `gilt` → `gelt`).
 */
function verbStemCandidates(folded: string): Array<{ stem: string; participle: boolean }> {
  const candidates: Array<{ stem: string; participle: boolean }> = [];
  const add = (word: string, participle: boolean) => {
    for (const form of [word, `${word}en`, `${word}n`]) candidates.push({ stem: stemGerman(form), participle });
  };
  const participle = SEPARABLE_PARTICIPLE.exec(folded);
  if (participle) add(`${participle[1] ?? ''}${participle[2]!}`, true);
  // `vorzubereiten`, `zusammenzulegen`: the infinitive with `zu` after a separable prefix is as sure a verb form.
  const withZu = SEPARABLE_ZU_INFINITIVE.exec(folded);
  if (withZu) add(`${withZu[1]!}${withZu[2]!}`, true);
  const finite = VERB_ENDINGS.filter((ending) => folded.endsWith(ending) && folded.length - ending.length >= MIN_LEMMA_LENGTH).map(
    (ending) => folded.slice(0, -ending.length),
  );
  for (const word of finite) add(word, false);
  // The stem's own `t` merges with the ending: `gilt` is `gelt` + `t`.
  for (const word of /lt$/.test(folded) ? [folded, ...finite] : finite) {
    const changed = word.replace(/(?<!e)i([^aeiouy]+)$/u, 'e$1');
    if (changed !== word) add(changed, false);
  }
  return candidates;
}

function setMax(map: Map<string, number>, key: string, value: number): void {
  if ((map.get(key) ?? 0) < value) map.set(key, value);
}

/** A case-insensitive pattern for a phrase as a whole, with umlauts also spelled out ("Nähten", "Naehten"). */
function phrasePattern(phrase: string): RegExp {
  const spelled: Record<string, string> = { ä: '(?:ä|ae)', ö: '(?:ö|oe)', ü: '(?:ü|ue)', ß: '(?:ß|ss)' };
  const body = phrase
    .trim()
    .split(/\s+/)
    .map((word) => [...word.toLowerCase()].map((char) => spelled[char] ?? char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(''))
    .join('\\s+');
  return new RegExp(`(?<!\\p{L})${body}(?!\\p{L})`, 'giu');
}

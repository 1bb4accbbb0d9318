/**
 * What the intent file (`knowledge/_meta/intents.yml`) teaches: its examples, each read into slots (one per word,
 * with the keys that fill it: the word's readings and word groups), what every intent's examples use at all, and
 * the word lists of `words` as terms. `messageTerm` reads a word of a message into the keys it fills slots by, so a
 * message can be matched against every example (see `IntentRecognizer`).
 */
import { foldGerman, spellOutUmlauts, stemGerman, tokenizeWords } from '../../language/german-normalizer.js';
import type { IntentName, IntentsFile } from '../../knowledge/intent-schema.js';
import { isQuestion, splitSentences } from '../sentences.js';
import { KnownWords, MIN_HEAD_LENGTH, type TermUse } from './known-words.js';
import { nounsOf, readings, verbStems } from './word-forms.js';

/** Threshold of an intent whose entry in `intents.yml` sets none. */
export const DEFAULT_INTENT_THRESHOLD = 0.75;

/** The modifier of a compound matches an example word of at least this length (`Antragsvorbereitung` → `antrag`)… */
const MIN_MODIFIER_LENGTH = 5;
/** …when the rest of the compound is at least this long (so `Personal` is not `Person` + `al`). */
const MIN_MODIFIER_REST = 4;
/** The key of the wish in an example with a word of `words.asking` ("Wir möchten beantragen"): see `Example.wish`. */
const WISH = '#wish';
/** The word "wer" stands for in a question for an adviser (see `whoAdvises`). */
const SOMEONE = 'jemand';

/** A term of a message: the keys it fills slots by, and whether it is a noun of a `question` counter-example. */
export interface MessageTerm {
  term: string;
  /** Its readings, the head and modifier of a compound, and their word groups. */
  keys: Set<string>;
  ambiguous: boolean;
  /** A word of the asker's own side (`words.own_side`: "uns", "unser"): it fills a slot, but is no clear word of a request. */
  ownSide: boolean;
  /** A compound of two words of the requests' examples (`antrag|s|checklist`): the keys of its head, which fill a slot of their own. */
  head?: Set<string>;
  /** A compound that asks for what its first part names (`termin|wunsch`, `gesprachs|anfrag`, `words.request_nouns`). */
  request: boolean;
  /**
   * The keys of a compound's first part (`beratungs|stell` → `berat`): they fill a slot, but not as the example's own
   * word — a compound names its head, and "Beratungsstelle" is no "Berater".
   */
  modifiers?: Set<string>;
  /** An unknown word as written (umlauts spelt out), not corrected as a typo: see `garbledKeys`. */
  garbled?: string;
  /** In a sentence that wishes for something ("Ich hätte gern …", "Wäre … möglich?"): see `asksForIt`. */
  wished?: boolean;
}

/** An example utterance of `intents.yml`, read into the slots a message fills. */
export interface Example {
  intent: IntentName;
  text: string;
  /** Per word of the example: the keys that fill it (its readings and the ids of its word groups). */
  slots: Array<Set<string>>;
  /** Per word of the example: its readings only (a message word with one of them is the word itself, not a relative). */
  literals: Array<Set<string>>;
  /** Of a one-word compound example ("Beratungstermin"): its head (`termin`), which a wish asks for as plainly. */
  heads: Set<string>;
  /** Folded words without the ignored ones, for examples of stop words only ("Was kannst du?"). */
  phrase: string;
  within: boolean;
  /** A statement with a word of `words.asking` ("Wir möchten beantragen"): counts only in a stated wish (see `WISH`). */
  wish: boolean;
  /** In a question, counts only when the asker asks for it (see `isOwnRequest`). */
  ownRequestInQuestions: boolean;
  threshold: number;
}

/** The examples of an intents file and the keys they are matched by; see the module comment. */
export class IntentVocabulary {
  /** The words of the file: known terms, groups, how a text is read into terms. */
  readonly words: KnownWords;
  readonly examples: Example[] = [];
  /** Key (reading or group id) → the examples and slots it fills. */
  private readonly slotIndex = new Map<string, Array<{ example: number; slot: number }>>();
  /** Per intent, every key its examples use. */
  private readonly vocabulary = new Map<IntentName, Set<string>>();
  /** Every key the examples of the bot's intents use (counter-examples aside). */
  private readonly requestVocabulary = new Set<string>();
  /** Nouns of the `question` counter-examples ("Beratung" in "Kostet die Beratung etwas?"): alone they are no request. */
  private readonly questionNouns: Set<string>;
  /** Terms of `words.own_side` ("uns", "unser"). */
  private readonly ownSideTerms: Set<string>;
  /** Stems of `words.request_nouns` ("Wunsch", "Anfrage", "Bitte"): the head of a compound that asks for its first part. */
  private readonly requestNouns: Set<string>;
  /** Terms of `words.persons` ("Beraterin", "jemand", "mich"): a person of the office, or the asker to be reached. */
  readonly personTerms: ReadonlySet<string>;
  /** Terms of `words.proceeding` ("vorbereiten", "anfangen", "vorgehen"): with a word of manner, a request to be guided. */
  readonly proceedingTerms: ReadonlySet<string>;
  /** Terms of `words.advising` ("beraten", "begleiten"): asked with "wer", a request for a person. */
  readonly advisingTerms: ReadonlySet<string>;
  /** `words.asking` with umlauts spelt out, so a wish ("hätte", "haette") is not a past tense ("hatte"). */
  readonly wishingWords: ReadonlySet<string>;
  /** The wish a stated wish adds to its sentence's terms (see `Example.wish`). */
  readonly wishTerm: MessageTerm = { term: WISH, keys: new Set([WISH]), ambiguous: false, ownSide: false, request: false };
  /** The term of "jemand": what "wer" stands for in a question for an adviser. */
  readonly someone: MessageTerm | undefined;

  // The order matters: a text is read into terms by the words known so far (a separable verb is joined only into a
  // verb the file has), so the word lists, the groups and the examples are read in this order, as they always were.
  constructor(file: IntentsFile) {
    this.words = new KnownWords(file.words);
    this.wishingWords = new Set(file.words.asking.map(spellOutUmlauts));
    this.ownSideTerms = new Set(file.words.own_side.flatMap((word) => this.words.termsOf(word)));
    this.proceedingTerms = new Set(file.words.proceeding.flatMap((word) => this.words.termsOf(word)));
    this.advisingTerms = new Set(file.words.advising.flatMap((word) => this.words.termsOf(word)));
    this.personTerms = new Set(file.words.persons.flatMap((word) => this.words.termsOf(word).flatMap((term) => readings(term))));
    // Not through `termsOf`: "Bitte" is an ignored word on its own, but the head of "Rückrufbitte".
    this.requestNouns = new Set(file.words.request_nouns.map((word) => stemGerman(foldGerman(word.toLowerCase()))));
    this.words.addGroups(file.words.groups);
    this.questionNouns = new Set(
      (file.intents.question?.examples ?? []).flatMap((text) => this.words.termsOf(nounsOf(text)).flatMap((term) => readings(term))),
    );
    const entries = Object.entries(file.intents) as Array<[IntentName, NonNullable<IntentsFile['intents'][IntentName]>]>;
    for (const [intent, definition] of entries) {
      const vocabulary = this.vocabulary.get(intent) ?? new Set<string>();
      this.vocabulary.set(intent, vocabulary);
      for (const text of definition.examples) this.addExample(intent, text, definition, vocabulary);
      if (intent !== 'question') for (const key of vocabulary) this.requestVocabulary.add(key);
    }
    this.addCompoundRelatives(file.words.groups);
    this.words.settle();
    const someone = this.words.termsOf(SOMEONE)[0];
    this.someone = someone ? this.messageTerm({ term: someone, noun: false }) : undefined;
  }

  /** The examples and slots a key (reading or group id) fills. */
  slotsOf(key: string): ReadonlyArray<{ example: number; slot: number }> {
    return this.slotIndex.get(key) ?? [];
  }

  /** Every key the examples of an intent use. */
  vocabularyOf(intent: IntentName): ReadonlySet<string> | undefined {
    return this.vocabulary.get(intent);
  }

  /** True when an example of the intent uses a key of the term. */
  inVocabulary(intent: IntentName, term: MessageTerm): boolean {
    const vocabulary = this.vocabulary.get(intent);
    if (!vocabulary) return false;
    for (const key of term.keys) if (vocabulary.has(key)) return true;
    return false;
  }

  /** The terms no example of the bot's intents uses: what a message says beyond a request. */
  restOf(terms: readonly MessageTerm[]): string[] {
    return terms.filter((term) => ![...term.keys].some((key) => this.requestVocabulary.has(key))).map((term) => term.term);
  }

  /**
   * A message term with every key it can fill a slot by: readings, compound head and modifier, word groups. A
   * noun that only shares a request verb's stem is no request: "Unser Treffen mit dem Kreis …" is not "treffen".
   */
  messageTerm({ term, noun, word, pleaded, underived }: TermUse): MessageTerm {
    const ownSide = this.ownSideTerms.has(term);
    // "zustande kommen" is no "zuständig" (the stemmer makes both `zustand`).
    if (underived) return { term, keys: new Set([`=${term}`]), ambiguous: false, ownSide, request: false };
    if (noun && this.words.isVerbOnly(term)) {
      const keys = new Set([`=${term}`, ...this.words.nominalGroupsOf(term)]);
      return { term, keys, ambiguous: false, ownSide, request: false };
    }
    const own = readings(term);
    for (const verb of verbStems(term)) if (this.words.isKnown(verb)) own.push(verb);
    const keys = new Set<string>(own);
    // A compound counts through its parts only where both are known words (`beratungs|termin`,
    // `antrag|s|vorbereit`): `Bauantrag` is no `Antrag` of ours, `Personalabrechnung` no `Person`.
    let compound: { request?: string; head?: string } = {};
    const modifiers = new Set<string>();
    for (const reading of own) {
      for (let start = 1; reading.length - start >= MIN_HEAD_LENGTH; start++) {
        const modifier = this.words.knownPart(reading.slice(0, start));
        if (!modifier) continue;
        keys.add(reading.slice(start));
        if (reading === term && !compound.request && !compound.head) compound = this.compoundOf(modifier, reading.slice(start));
      }
      // A word the file lists itself ("Telefonnummer", "Beratungsstelle") is that word, not what its first part names.
      for (let end = MIN_MODIFIER_LENGTH; !this.words.isKnown(reading) && reading.length - end >= MIN_MODIFIER_REST; end++) {
        const rest = reading.slice(end);
        if (!this.words.isKnown(rest) && !this.words.isKnown(rest.replace(/^(?:es|en|s|n)/, ''))) continue;
        keys.add(reading.slice(0, end));
        modifiers.add(reading.slice(0, end));
        // The modifier as the known word it is, linking "s" and all: `forderfahigkeits|check` → `forderfah`.
        const known = this.words.knownPart(reading.slice(0, end));
        if (known) keys.add(known);
        if (known) modifiers.add(known);
      }
    }
    // A word that is neither known nor made of known parts may be a known verb with a prefix ("nachrechnen"), or a typo of a known word.
    const unknown = ![...keys].some((key) => this.words.isKnown(key));
    const unprefixed = unknown ? this.words.unprefixedVerb(term) : undefined;
    if (unprefixed) {
      own.push(unprefixed);
      keys.add(unprefixed);
    }
    const typo = unknown && !unprefixed ? this.words.correctedTypo(term, word) : undefined;
    if (typo) {
      // `bearterin` → `beraterin`, and its masculine `berat`.
      for (const reading of readings(typo)) {
        own.push(reading);
        keys.add(reading);
      }
    }
    const { request, head } = compound;
    if (request) for (const reading of readings(request)) keys.add(reading);
    const withGroups = (set: Set<string>) => {
      for (const key of [...set]) for (const id of this.words.groupsOf(key)) set.add(id);
      return set;
    };
    withGroups(keys);
    return {
      term,
      keys,
      ambiguous: !request && !pleaded && own.some((reading) => this.questionNouns.has(reading)),
      ownSide,
      head: head ? withGroups(new Set([head])) : undefined,
      request: request !== undefined || pleaded === true,
      modifiers: new Set([...modifiers].filter((key) => !own.includes(key))),
      garbled: unknown && !typo && word ? spellOutUmlauts(word) : undefined,
    };
  }

  /**
   * What a compound of the message (its known first part and the rest) asks for: the first part when the head is a request noun (`terminwunsch` →
   * `termin`), or the head when both parts are words of the requests' examples (`antragschecklist` → `checklist`,
   * beside `antrag`).
   */
  private compoundOf(modifier: string, head: string): { request?: string; head?: string } {
    if (this.requestNouns.has(head)) return { request: modifier };
    if (this.isRequestWord(modifier) && this.isRequestWord(head)) return { head };
    return {};
  }

  /** True for a term that an example of the bot's intents has, itself or through one of its groups. */
  private isRequestWord(term: string): boolean {
    return this.requestVocabulary.has(term) || this.words.groupsOf(term).some((id) => this.requestVocabulary.has(id));
  }

  private addExample(
    intent: IntentName,
    text: string,
    definition: { within_longer_messages: boolean; own_request_in_questions?: boolean; threshold?: number },
    vocabulary: Set<string>,
  ): void {
    const slots: Array<Set<string>> = [];
    const literals: Array<Set<string>> = [];
    // A counter-example is about its own nouns ("Mitarbeiter der Beratungsstelle"), not any of their group.
    const ownNouns = intent === 'question' ? new Set(this.words.termsOf(nounsOf(text))) : new Set<string>();
    for (const sentence of splitSentences(text)) {
      tokenizeWords(sentence).forEach((word, i) => {
        const term = this.words.baseTerm(word);
        // The first word of an example is capitalised anyway: an infinitive there is a verb ("Verbinden Sie mich").
        if (term) this.words.noteWordClass(word, term, i === 0);
      });
    }
    for (const term of this.words.termsOf(text)) {
      const own = readings(term);
      // A conjugated verb of an example stands for its infinitive and that one's group ("Wie geht es weiter?" → `weitergeh`).
      for (const verb of verbStems(term)) if (this.words.isKnown(verb) && verb !== term) own.push(verb);
      const keys = new Set<string>(own);
      for (const reading of own) {
        this.words.addKnown(reading);
        if (!ownNouns.has(term)) for (const id of this.words.groupsOf(reading)) keys.add(id);
      }
      // Two words of one group ("menschlicher Ansprechpartner") are one slot: one message word fills both. Not in
      // counter-examples, whose nouns each count.
      const same = intent === 'question' ? -1 : slots.findIndex((slot) => [...keys].some((key) => key.startsWith('#') && slot.has(key)));
      if (same >= 0) {
        for (const key of keys) slots[same]!.add(key);
        for (const reading of own) literals[same]!.add(reading);
      } else if (slots.length < 30) {
        slots.push(keys);
        literals.push(new Set(own));
      }
    }
    // "Wir möchten beantragen": the wish is a word of the example, which only a stated wish fills.
    const wish =
      intent !== 'question' && !isQuestion(text) && tokenizeWords(text).some((word) => this.wishingWords.has(spellOutUmlauts(word)));
    if (wish) {
      slots.push(new Set([WISH]));
      literals.push(new Set([WISH]));
    }
    const index = this.examples.length;
    this.examples.push({
      intent,
      text,
      slots,
      literals,
      heads: new Set(),
      phrase: this.words.phraseOf(text),
      within: definition.within_longer_messages,
      wish,
      ownRequestInQuestions: definition.own_request_in_questions ?? false,
      threshold: definition.threshold ?? DEFAULT_INTENT_THRESHOLD,
    });
    slots.forEach((keys, slot) => {
      for (const key of keys) {
        vocabulary.add(key);
        const list = this.slotIndex.get(key) ?? [];
        list.push({ example: index, slot });
        this.slotIndex.set(key, list);
      }
    });
  }

  /**
   * A one-word compound example ("Beratungstermin") has as its own words the compounds its groups list with the
   * same head ("Telefontermin", "Gesprächstermin"): inside a longer note they count like the example itself, the
   * plain head ("Termin": "Wir haben einen Termin beim RP") and other relatives do not.
   */
  private addCompoundRelatives(groups: ReadonlyArray<readonly string[]>): void {
    const members = groups.map((group) => group.flatMap((word) => this.words.termsOf(word)));
    this.examples.forEach((example, index) => {
      if (example.slots.length !== 1 || example.intent === 'question') return;
      const literals = example.literals[0]!;
      for (const literal of [...literals]) {
        const head = this.words.compoundHead(literal);
        if (!head) continue;
        example.heads.add(head);
        for (const id of this.words.groupsOf(literal)) {
          for (const member of members[Number(id.slice(1))] ?? []) {
            if (literals.has(member) || this.words.compoundHead(member) !== head) continue;
            literals.add(member);
            example.slots[0]!.add(member);
            this.vocabulary.get(example.intent)?.add(member);
            this.requestVocabulary.add(member);
            this.slotIndex.set(member, [...(this.slotIndex.get(member) ?? []), { example: index, slot: 0 }]);
          }
        }
      }
    });
  }
}

import { GermanAnalyzer } from '../language/german-analyzer.js';
import { foldGerman, spellOutUmlauts, stemGerman, tokenizeWords } from '../language/german-normalizer.js';
import { noIntentWords, type IntentName, type IntentsFile } from '../knowledge/intent-schema.js';
import { indirectQuestion, isQuestion, opensWithVerb, questionsOf, splitSentences } from './sentences.js';
import { bestOf, bitCount, isGreater, matchingSize, twoWords, type Filling } from './intents/slot-matching.js';
import { withoutThirdPersonSie } from './intents/third-person-sie.js';
import { isOneEditApart, isParticipleNoun, nounsOf, pleadedWords, readings, verbStems } from './intents/word-forms.js';

/** The intents the bot acts on (`question` only holds counter-examples). */
export type BotIntent = Exclude<IntentName, 'question'>;

/** A recognised intent, with what it was recognised by. */
export interface RecognizedIntent {
  intent: BotIntent;
  /** 0…1: how well the message fits the best example (see `IntentRecognizer`). */
  score: number;
  /** The example that fitted best. */
  example: string;
  /**
   * Terms of the message that no example of any intent uses (counter-examples aside): what it says beyond
   * a request ("Ist unser Bauhof förderfähig?" → `bauhof`). Empty when the message is only the request.
   */
  rest: string[];
}

/** Threshold of an intent whose entry in `intents.yml` sets none. */
export const DEFAULT_INTENT_THRESHOLD = 0.75;

/** The head of a compound matches an example word of at least this length (`Beratungstermin` → `termin`). */
const MIN_HEAD_LENGTH = 4;
/** The modifier of a compound matches an example word of at least this length (`Antragsvorbereitung` → `antrag`)… */
const MIN_MODIFIER_LENGTH = 5;
/** …when the rest of the compound is at least this long (so `Personal` is not `Person` + `al`). */
const MIN_MODIFIER_REST = 4;
/** An unknown word of at least this length is read as a typo of a known one (shorter words have too many neighbours). */
const MIN_TYPO_LENGTH = 8;
/** A shorter unknown word one typo away from a request word does not count against the request (`anrfuen`), from this length. */
const MIN_GARBLED_LENGTH = 4;
/**
 * Verb prefixes that only add "again", "through" or "against" (`nachprüfen`, `durchrechnen`, `gegenchecken`,
 * `überprüfen`): an unknown verb with one of them is read as the known verb after it. Not "ab", "an", "ver":
 * `abrechnen`, `anrechnen`, `verrechnen` mean something else than `rechnen`.
 */
const REPEATING_PREFIXES = ['durch', 'nach', 'gegen', 'uber'];
/** Suffixes of adjectives that the stemmer cuts off (`zuständig` → `zustand`, `fernmündlich` → `fernmund`). */
const DERIVING_SUFFIX = /^(?:ig|lich|isch)/;

/** A term of a message: the keys it fills slots by, and whether it is a noun of a `question` counter-example. */
interface MessageTerm {
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

/** A term of a text, and whether every word it came from was used as a noun ("das Treffen", not "treffen wir uns"). */
interface TermUse {
  term: string;
  noun: boolean;
  /** The word it came from, unless joined from two ("Rufen … an"). */
  word?: string;
  /** Asked for with "bitte" right beside it ("Beraterin bitte", "Bitte einen Rückruf"). */
  pleaded?: boolean;
  /** Without the suffix of the adjective the file has its term as only ("zustande" for `zuständig`): see `derivedTerms`. */
  underived?: boolean;
}

interface Example {
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

/** An example that fits a message (or one of its sentences), with its ranking (score first). */
interface Candidate {
  example: Example;
  score: number;
  order: number[];
}

/** Particles of separable verbs: "Rufen Sie mich an" is `anrufen`, "Kommen Sie vorbei" `vorbeikommen`. */
const SEPARABLE_PARTICLES = new Set(['an', 'zuruck', 'weiter', 'durch', 'ab', 'vor', 'vorbei', 'zusammen', 'nach', 'dazu']);
/** Particles that are also everyday words ("ein", "auf", "los"): a particle only as the last word ("Leiten wir den Antrag ein"). */
const FINAL_PARTICLES = new Set(['ein', 'auf', 'los']);
/** The finite verb of a sentence is its first or second word ("Rechnen Sie …", "Wie rechnen wir …"). */
const VERB_POSITIONS = 2;
/** Forms of "werden" that make a participle a wish for the future ("… möchte zurückgerufen werden"); not "wurde". */
const PASSIVE_AUXILIARIES = new Set(['werden', 'werde', 'wird']);
/**
 * Words after which a word is a noun even in a message typed in lower case ("ein treffen", "unser treffen"); not
 * "das", "die", "den", which also stand before verbs ("können wir das besprechen").
 */
const NOUN_MARKERS = new Set(
  ['ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'dem', 'des'].concat(
    ['unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres'],
    ['mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines', 'dein', 'deine', 'euer', 'eure', 'jeder', 'jedes', 'kein', 'keine'],
  ),
);
/** An infinitive (or an imperative at the start of an example: "Verbinden Sie mich"): a verb of the intent file. */
const INFINITIVE = /(?:en|ern|eln)$/;
/** "zum Reden", "beim Ausfüllen": an infinitive used as a noun after these still names the action. */
const ACTION_MARKERS = new Set(['zum', 'beim', 'vom', 'im', 'am']);
/** Interrogatives that ask for a matter, not a person, time or way ("Womit kann uns das Kompetenzzentrum helfen?"). */
const MATTER_WORDS = new Set(
  ['was', 'wobei', 'womit', 'worin', 'wofür', 'wozu', 'woran', 'worauf', 'worüber', 'wovon', 'inwiefern', 'inwieweit'].map(foldGerman),
);
/** Words that ask how or in what order to do something ("wie", "womit", "zuerst"), besides "am besten", "am geschicktesten". */
const MANNER_WORDS = new Set(['wie', 'womit', 'wobei', 'zuerst', 'zunächst', 'erstes', 'reihenfolge'].map(foldGerman));
/**
 * "wo" asks where the asker should start ("Wo fangen wir beim Antrag an?", "Antrag – wo setzen wir an?") when the
 * asker does it (one of these words), not where something else starts or goes ("Wo beginnt der Dienstweg?"; "Wo
 * reichen wir den Antrag ein?" has no verb of `words.proceeding`).
 */
const WHERE_TO_START = 'wo';
const ASKER_WORDS = new Set(['wir', 'ich', 'man']);
const MANNER_SUPERLATIVE = /\bam\s+(?!fruhesten|spatesten)\p{L}+sten\b/u;
/** Who asks for a person's role, not how to go about something ("Wer bereitet den Antrag am besten vor?"). */
const PERSON_QUESTION_WORDS = new Set(['wer', 'wen', 'wem']);
/** Conjunctions and particles that may open a question before its question word ("Und bei wem …", "Aber wie …"). */
/** "auch … oder …": a question that sets what the office also does against an alternative (see `asksWhatTheOfficeOffers`). */
const ALSO = 'auch';
const ALTERNATIVE = 'oder';
/** Verbs that say nothing themselves ("Wäre auch ein Termin vor Ort möglich?" asks for one): not the office's doing. */
const AUXILIARIES = new Set(['ist', 'sind', 'waere', 'waeren', 'gibt', 'gibts', 'gaebe', 'hat', 'haben', 'wird', 'werden']);
/** The key of the wish in an example with a word of `words.asking` ("Wir möchten beantragen"): see `Example.wish`. */
const WISH = '#wish';
/** The asker as the one to be reached ("Rufen Sie mich an"); not "mir" ("Schicken Sie mir Ihre Nummer"). */
const ASKER_AS_OBJECT = /(?<!\p{L})mich(?!\p{L})/iu;
/** "Ihr", "Ihre" …: what belongs to the one addressed (also in lower case, as typed in a hurry). */
const YOUR = new Set(['ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres']);
/** The word "wer" stands for in a question for an adviser (see `whoAdvises`). */
const SOMEONE = 'jemand';
/** An unnamed person: how to reach one is a request for one ("Wie erreiche ich jemanden?"). */
const SOMEONE_WORDS = new Set(['jemand', 'jemanden', 'jemandem', 'mensch', 'menschen']);
/** Words after a question's verb that name its subject as someone known, not the one asked ("Kommen die Fachleute …?"). */
const DEFINITE_SUBJECT = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'beim', 'vom', 'zum', 'zur', 'im']);
/** Subjunctives that open a question asking for something ("Wäre ein Termin möglich?"), umlauts spelt out; not "hätte" (asks the asker's past). */
const WISHING_OPENERS = new Set(['waere', 'waeren', 'gaebe', 'haetten']);
const LEADING_CONJUNCTIONS = new Set('und aber oder also denn doch sondern nur dann ja na ok okay'.split(' '));

/** The position of the first word after leading conjunctions ("Und also wer …": 2); the last word at the most. */
function afterConjunctions(words: readonly string[]): number {
  let start = 0;
  while (start < words.length - 1 && LEADING_CONJUNCTIONS.has(words[start]!)) start++;
  return start;
}

/**
 * Recognises what a message asks the bot to do, from the example utterances in `_meta/intents.yml`.
 *
 * 1. **Terms.** Examples and messages are analysed by the German analyser into terms (folded, stemmed; words in
 *    `words.keep` count although search ignores them, words in `words.ignore` never count; a separable verb is
 *    joined within its sentence: "Rufen Sie mich an" → `anruf`). Each term also has its readings: the masculine
 *    form of a feminine noun (`Ansprechpartnerin` → `Ansprechpartner`), the verb of a conjugated form (`meldet` →
 *    `melden`), the head and modifier of a compound (`Beratungstermin` → `Termin`), and the groups of
 *    `words.groups` it belongs to. An unknown word of eight letters or more (as written) one typo away from
 *    exactly one known word is read as that word (`Ansprechparnter`, `verbidnen`), an unknown verb with a prefix
 *    that only repeats as the verb after it (`nachprüfen`, `durchrechnen`; see `REPEATING_PREFIXES`); a shorter garbled word of an
 *    intent's vocabulary does not count against its share (`anrfuen`). A group is a concept: an example is a
 *    combination of concepts, so "mit einer Beraterin sprechen" (person + talk) also stands for "mit jemandem
 *    vom Beratungszentrum reden". An infinitive used as a noun ("Unser Treffen …") is no verb the file has only
 *    as a verb; it fills the groups that list it capitalised ("Treffen" among the talk nouns). Compounds: one of two words of the requests' examples fills two slots (`Antragscheckliste`); one
 *    ending in a request noun (`words.request_nouns`) asks for its first part as plainly as the example's own
 *    word (`Terminwunsch`); one a group lists beside a one-word compound example with the same head counts as it
 *    (`Telefontermin` as `Beratungstermin`). A compound names its head: its first part never counts as the example's
 *    own word, and a compound the file lists itself (`Telefonnummer`) is read as that word only. A term the file has
 *    only with an adjective's suffix (`zuständig`) or as a participle used as a noun (`Beauftragte`) needs that
 *    ending in the message ("zustande", "beauftragt" are other words). A "sie" whose verb is in the singular is
 *    no polite "Sie" (`withoutThirdPersonSie`).
 * 2. **Fit.** An example fits by its *recall*, the share of its words (slots) that distinct words of the message
 *    fill. For intents marked `within_longer_messages` that is the score when the match is clear: two words of
 *    the message fill two of the example's (or the message has the one word of a one-word example, "Rückruf"),
 *    and one of them is not a noun of a `question` counter-example ("Beratung" in "Kostet die Beratung etwas?");
 *    the asker's own side (`words.own_side`: "uns", "unser") and the second part of a compound are no such word.
 *    Otherwise, and for small talk and commands, the recall is multiplied by the share of the message's terms
 *    that the intent's examples use at all: "Danke, und wie hoch ist die Förderung?" is a question, not thanks.
 * 3. **Own request.** An intent marked `own_request_in_questions` (a person) is read in each sentence on its own,
 *    and a question counts only when it names the asker or the bot (`words.self`) and, opened by a question
 *    word (also after "und", "aber": "Und bei welcher Stelle …?"), asks for something (`words.asking`): "Kann
 *    mich jemand anrufen?" is a request, "Berät das Kompetenzzentrum auch Landkreise?" and "Wie erreiche ich die
 *    Beratungsstelle?" are no requests for a person (the last asks for the contact data); a bare noun with a
 *    question mark ("Ansprechpartner?") asks for it. A person of the office (`words.persons`) in a question without
 *    a question word names the bot's side ("Ist gerade eine Beraterin erreichbar?"). A question about what the office
 *    also does ("Beraten Sie auch …?", "… auch per Mail oder nur …?") or about what others named with an article do
 *    ("Kommen die Fachleute … zu uns?") asks for nothing; "wer" with a verb of advising (`words.advising`) is
 *    "jemand": "Wer kann uns beraten?" asks for a person. A wish ("Ich möchte einen Termin …", "Wäre ein Termin …
 *    möglich?") asks for a one-word example's head ("Termin" of "Beratungstermin") as plainly as for the example.
 *    An example that is a statement with a word of `words.asking` ("Ich möchte beantragen") fits only a sentence that
 *    states a wish. A question for the matter naming the office with an article ("Womit kann uns das
 *    Kompetenzzentrum helfen?") asks what it does: no request, no help.
 * 4. **Choice.** The best example wins if it reaches its intent's threshold; a `question` example that fits as
 *    well keeps the message a question for the knowledge base, unless the message asks how to go about something
 *    (`words.proceeding` with "wie", "womit", "am besten" …); a request for a person beats a dialog. Between a
 *    request for a person and the question for the office's contact data (`contact`), a person named
 *    (`words.persons`: "Rufen Sie mich an") makes it the request, else the contact data, unless the request fits
 *    with more words. Of both dialogs in several sentences, the last one asked for counts.
 *
 * @example
 * ```ts
 * const recognizer = IntentRecognizer.fromFile(knowledge.intents);
 * recognizer.recognize('Bitte verbinden Sie mich mit einer Sachbearbeiterin'); // { intent: 'handoff', … }
 * ```
 */
export class IntentRecognizer {
  private readonly analyzer: GermanAnalyzer;
  private readonly ignoredWords: Set<string>;
  /** Term → ids of the word groups it belongs to. */
  private readonly groups = new Map<string, string[]>();
  private readonly examples: Example[] = [];
  /** Key (reading or group id) → the examples and slots it fills. */
  private readonly slotIndex = new Map<string, Array<{ example: number; slot: number }>>();
  /** Per intent, every key its examples use. */
  private readonly vocabulary = new Map<IntentName, Set<string>>();
  /** Every key the examples of the bot's intents use (counter-examples aside). */
  private readonly requestVocabulary = new Set<string>();
  /** Nouns of the `question` counter-examples ("Beratung" in "Kostet die Beratung etwas?"): alone they are no request. */
  private readonly questionNouns: Set<string>;
  /** Every term of the examples and groups (the words a compound of the message can be made of). */
  private readonly knownTerms = new Set<string>();
  /** The words of the examples and groups as written (umlauts spelt out) → their terms: what a typo is measured against. */
  private readonly knownWords = new Map<string, string>();
  /** `knownWords` by first letter and length: a typo is looked for among words of its first letter and about its length. */
  private readonly knownWordsByStart = new Map<string, Array<Array<[string, string]>>>();
  /** The long known terms by first letter and length, likewise (filled once the file is read). */
  private readonly longTermsByStart = new Map<string, string[][]>();
  /** Terms the intent file has as verbs (infinitives) and as nouns: a noun of the message fills a verb's slot only if the file has it as a noun too. */
  private readonly verbTerms = new Set<string>();
  private readonly nounTerms = new Set<string>();
  /** Per term, the words of the intent file it was made of (lower case, umlauts folded): see `derivedTerms`. */
  private readonly formsOf = new Map<string, Set<string>>();
  /** Terms the file has (also) written in lower case: see `derivedTerms` (a participle used as a noun is capitalised). */
  private readonly lowerCaseTerms = new Set<string>();
  /**
   * Terms the file has only with an ending the stemmer cut off, and what a message word needs after the term to be
   * it: an adjective's suffix (`zuständig` → `zustand`: "Zuständige", "Zuständigkeit", not "zustande" or "Zustand"),
   * or, for a participle used as a noun, an ending at all ("Beauftragte", "Beauftragten" → `beauftragt`: not the
   * participle "beauftragt" in "Die Gemeindevertretung hat uns beauftragt, das zu klären").
   */
  private readonly derivedTerms = new Map<string, RegExp>();
  /**
   * Infinitives the file also lists capitalised, as nouns, and the groups it lists them so in: used as a noun in a
   * message ("Zeit für ein Treffen") such a verb fills only those groups (a talk, not "treffen" the contact verb,
   * which "Unser Treffen mit dem Kreis …" is not).
   */
  private readonly nominalGroups = new Map<string, Set<string>>();
  /** Terms of `words.proceeding` ("vorbereiten", "anfangen", "vorgehen"): with a word of manner, a request to be guided. */
  private readonly proceedingTerms: Set<string>;
  /** Terms of `words.advising` ("beraten", "begleiten"): asked with "wer", a request for a person. */
  private readonly advisingTerms: Set<string>;
  /** The wish a stated wish adds to its sentence's terms (see `Example.wish`). */
  private readonly wishTerm: MessageTerm = { term: WISH, keys: new Set([WISH]), ambiguous: false, ownSide: false, request: false };
  /** The term of "jemand": what "wer" stands for in a question for an adviser. */
  private readonly someone: MessageTerm | undefined;
  /** Terms of `words.own_side` ("uns", "unser"). */
  private readonly ownSideTerms: Set<string>;
  /** Stems of `words.request_nouns` ("Wunsch", "Anfrage", "Bitte"): the head of a compound that asks for its first part. */
  private readonly requestNouns: Set<string>;
  /** Terms of `words.persons` ("Beraterin", "jemand", "mich"): a person of the office, or the asker to be reached. */
  private readonly personTerms: Set<string>;

  /** `words.self`, `words.question_words`, `words.asking` (folded): what tells a request from a question about others. */
  private readonly selfWords: Set<string>;
  private readonly questionWords: Set<string>;
  private readonly askingWords: Set<string>;
  /** `words.asking` with umlauts spelt out, so a wish ("hätte", "haette") is not a past tense ("hatte"). */
  private readonly wishingWords: Set<string>;

  private constructor(file: IntentsFile) {
    this.analyzer = new GermanAnalyzer({ stopwords: { keep: file.words.keep, add: [] }, synonymGroups: [] });
    const folded = (words: string[]) => new Set(words.map((w) => foldGerman(w.toLowerCase())));
    this.ignoredWords = folded(file.words.ignore);
    this.selfWords = folded(file.words.self);
    this.questionWords = folded(file.words.question_words);
    this.askingWords = folded(file.words.asking);
    this.wishingWords = new Set(file.words.asking.map(spellOutUmlauts));
    this.ownSideTerms = new Set(file.words.own_side.flatMap((word) => this.termsOf(word)));
    this.proceedingTerms = new Set(file.words.proceeding.flatMap((word) => this.termsOf(word)));
    this.advisingTerms = new Set(file.words.advising.flatMap((word) => this.termsOf(word)));
    this.personTerms = new Set(file.words.persons.flatMap((word) => this.termsOf(word).flatMap((term) => readings(term))));
    // Not through `termsOf`: "Bitte" is an ignored word on its own, but the head of "Rückrufbitte".
    this.requestNouns = new Set(file.words.request_nouns.map((word) => stemGerman(foldGerman(word.toLowerCase()))));
    file.words.groups.forEach((group, i) => {
      for (const word of group) {
        for (const term of this.termsOf(word)) {
          this.knownTerms.add(term);
          // "Treffen" in a group of nouns: the infinitive as a noun belongs to this group only (see `nominalGroups`).
          if (/^\p{Lu}/u.test(word) && INFINITIVE.test(word)) {
            const ids = this.nominalGroups.get(term) ?? new Set<string>();
            this.nominalGroups.set(term, ids.add(`#${i}`));
          }
          this.noteWordClass(word, term, false, this.nominalGroups.has(term));
          const ids = this.groups.get(term) ?? [];
          ids.push(`#${i}`);
          this.groups.set(term, ids);
        }
      }
    });
    this.questionNouns = new Set(
      (file.intents.question?.examples ?? []).flatMap((text) => this.termsOf(nounsOf(text)).flatMap((term) => readings(term))),
    );
    const entries = Object.entries(file.intents) as Array<[IntentName, NonNullable<IntentsFile['intents'][IntentName]>]>;
    for (const [intent, definition] of entries) {
      const vocabulary = this.vocabulary.get(intent) ?? new Set<string>();
      this.vocabulary.set(intent, vocabulary);
      for (const text of definition.examples) this.addExample(intent, text, definition, vocabulary);
      if (intent !== 'question') for (const key of vocabulary) this.requestVocabulary.add(key);
    }
    // A capitalised infinitive of a group is a noun like any other unless the file also has it as a verb.
    for (const term of this.nominalGroups.keys()) if (!this.verbTerms.has(term)) this.nounTerms.add(term);
    this.addCompoundRelatives(file.words.groups);
    for (const [term, forms] of this.formsOf) {
      const endings = [...forms].map((form) => (form.startsWith(term) ? form.slice(term.length) : undefined));
      if (endings.every((ending) => ending !== undefined && DERIVING_SUFFIX.test(ending))) this.derivedTerms.set(term, DERIVING_SUFFIX);
      else if (isParticipleNoun(term, endings, this.lowerCaseTerms.has(term))) this.derivedTerms.set(term, /^\p{L}/u);
    }
    const someone = this.termsOf(SOMEONE)[0];
    this.someone = someone ? this.messageTerm({ term: someone, noun: false }) : undefined;
    for (const term of this.knownTerms) {
      if (term.length < MIN_TYPO_LENGTH) continue;
      const byLength = this.longTermsByStart.get(term[0]!) ?? [];
      (byLength[term.length] ??= []).push(term);
      this.longTermsByStart.set(term[0]!, byLength);
    }
  }

  /**
   * A one-word compound example ("Beratungstermin") has as its own words the compounds its groups list with the
   * same head ("Telefontermin", "Gesprächstermin"): inside a longer note they count like the example itself, the
   * plain head ("Termin": "Wir haben einen Termin beim RP") and other relatives do not.
   */
  private addCompoundRelatives(groups: ReadonlyArray<readonly string[]>): void {
    const members = groups.map((group) => group.flatMap((word) => this.termsOf(word)));
    this.examples.forEach((example, index) => {
      if (example.slots.length !== 1 || example.intent === 'question') return;
      const literals = example.literals[0]!;
      for (const literal of [...literals]) {
        const head = this.compoundHead(literal);
        if (!head) continue;
        example.heads.add(head);
        for (const id of this.groups.get(literal) ?? []) {
          for (const member of members[Number(id.slice(1))] ?? []) {
            if (literals.has(member) || this.compoundHead(member) !== head) continue;
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

  /** The head of a compound of two known words (`beratungstermin` → `termin`), if it is one. */
  private compoundHead(term: string): string | undefined {
    for (let start = 3; term.length - start >= MIN_HEAD_LENGTH; start++) {
      if (this.knownTerms.has(term.slice(start)) && this.knownPart(term.slice(0, start))) return term.slice(start);
    }
    return undefined;
  }

  /** The recogniser of an intents file; without one (missing or broken file) it recognises nothing. */
  static fromFile(file: IntentsFile | undefined): IntentRecognizer {
    return new IntentRecognizer(file ?? { words: noIntentWords(), intents: {} });
  }

  /** The intent of a message, or `undefined` when it is a question for the knowledge base. */
  recognize(message: string): RecognizedIntent | undefined {
    // "…, wenn sie einmalig zustande kommt": not the polite "Sie" the requests address.
    const text = withoutThirdPersonSie(message);
    const sentences = splitSentences(text).map((sentence) => ({
      sentence,
      terms: this.termUses(sentence).map((use) => this.messageTerm(use)),
    }));
    const terms = [...new Map(sentences.flatMap((s) => s.terms).map((t) => [t.term, t])).values()];
    if (terms.length === 0) return this.recognizePhrase(text);
    const share = this.shareOf(terms);
    const proceeding = this.asksHowToProceed(text, terms);
    const candidates = this.candidates(terms, share, (example) => !example.ownRequestInQuestions, proceeding);
    // A request that must be the asker's own (a person) is read in each sentence on its own: it may stand among
    // context, words of two sentences never make one, and the sentence says whether it asks ABOUT the office.
    for (const { sentence, terms: sentenceTerms } of sentences) {
      if (!this.isOwnRequest(sentence)) continue;
      // A wish stated for oneself ("Ich hätte gern eine Beratung zur Fusion") asks for what its nouns name; "wer"
      // asking for an adviser is "jemand" ("Wer könnte uns begleiten?" = "Könnte uns jemand begleiten?").
      const asked = this.whoAdvises(sentence, sentenceTerms);
      // A wish (also asked: "Wäre ein Termin bei uns im Rathaus möglich?") asks for a one-word example's plain head as
      // plainly as for the example ("Termin" for "Beratungstermin"), which a narrative note does not ("Wir haben einen Termin beim RP").
      const stated = this.isStatedWish(sentence);
      const wished = stated || this.asksForIt(sentence);
      const read = wished ? asked.map((term) => ({ ...term, ambiguous: stated ? false : term.ambiguous, wished: true })) : asked;
      if (stated) read.push(this.wishTerm);
      // A question made only of a request's words is that request, whatever follows ("Können wir uns mal
      // zusammensetzen? Wir sind vier Gemeinden …"); otherwise, and for a statement ("Wir melden uns dann."),
      // the share is measured in the whole message.
      const ownShare = this.shareOf(asked);
      const sentenceShare = (intent: IntentName) => (isQuestion(sentence) && ownShare(intent) === 1 ? 1 : share(intent));
      const requests = this.candidates(read, sentenceShare, (example) => example.ownRequestInQuestions, proceeding);
      // A request stated in a sentence of its own ("Wie lange dauert die Prüfung? Ich würde das gern mit einer
      // Beraterin besprechen.") is not outweighed by a counter-example that fits another sentence of the message
      // (its question); one that fits this very sentence still competes ("Ich brauche Mitarbeiter für den Verband").
      if (requests.length > 0 && !isQuestion(sentence) && !indirectQuestion(sentence)) {
        const counter = this.candidates(sentenceTerms, share, (example) => example.intent === 'question');
        // (A request for a person only: "Antragsvorbereitung starten" stays "Antrag stellen", not a restart "auf Anfang".)
        if (counter.length === 0) for (const request of requests) if (request.example.intent === 'handoff') request.order[1] = 1;
      }
      candidates.push(...requests);
    }
    // An example with a wish ("Wir möchten beantragen") fits a sentence that states one ("Dann möchten wir das jetzt
    // beantragen"), not a question ("Bis wann müssen wir beantragt haben?") nor words of two sentences.
    for (const { sentence, terms: sentenceTerms } of sentences) {
      if (!this.isStatedWish(sentence)) continue;
      candidates.push(...this.candidates([...sentenceTerms, this.wishTerm], share, (e) => e.wish && !e.ownRequestInQuestions, proceeding));
    }
    // "Wobei kann uns die Beratungsstelle helfen?" asks what the office does, not what the bot can (help).
    if (sentences.some(({ sentence }) => this.asksWhatTheOfficeDoes(sentence))) {
      candidates.splice(0, candidates.length, ...candidates.filter((c) => c.example.intent !== 'help'));
    }
    const best = bestOf(candidates);
    // A request for a person always counts, also beside a request for a dialog ("… lieber mit einer Beraterin durchgehen").
    const handoff = bestOf(candidates.filter((c) => c.example.intent === 'handoff'));
    let chosen = handoff && (best?.example.intent === 'eligibility' || best?.example.intent === 'application') ? handoff : best;
    // A message that fits both a request for a person and the question for the office's contact data asks for the
    // person when it names one or the asker to be reached ("Rufen Sie mich an", `words.persons`), else for the
    // contact data ("Haben Sie eine E-Mail-Adresse?", "Wie erreiche ich Sie?"), unless the request fits better
    // ("Telefontermin" is the example "Beratungstermin" itself, but only the group of "Telefonnummer").
    const contact = bestOf(candidates.filter((c) => c.example.intent === 'contact'));
    if (handoff && contact && (chosen === handoff || chosen === contact)) {
      // By the words matched and the example's own words: the score of a request inside a longer message is its recall.
      const fit = (c: Candidate) => [c.order[2]!, c.order[3]!];
      // "Können Sie mir Ihre Telefonnummer geben?": the office's own contact data asked for, whoever is named; but a
      // whole request to reach the asker ("mich") beside it is the request ("Rufen Sie mich zurück, Ihre Nummer …").
      const ownData = this.asksForOfficeData(text) && !(handoff.score >= 1 && ASKER_AS_OBJECT.test(text));
      chosen = !ownData && (this.namesPerson(terms) || isGreater(fit(handoff), fit(contact))) ? handoff : contact;
    }
    const intent = chosen?.example.intent;
    if (!chosen || !intent || intent === 'question') return undefined;
    // "Wie hoch ist die Förderung und wer prüft das?": words of two questions never make one request for a
    // dialog ("Förderung" + "prüfen" is no Förder-Check); one of the questions must ask for it on its own.
    if (intent === 'eligibility' || intent === 'application') {
      const { questions } = questionsOf(text);
      if (questions.length >= 2 && questions.every((question) => this.recognize(question)?.intent !== intent)) return undefined;
      // Both dialogs in a message of several sentences: the last one asked for counts ("Dass wir förderfähig sind,
      // haben wir geklärt. Jetzt bitte die Schritte zum Antrag." asks for the application, not the Förder-Check).
      if (sentences.length >= 2) {
        const last = sentences
          .map(({ sentence }) => this.recognize(sentence))
          .filter((r) => r?.intent === 'eligibility' || r?.intent === 'application')
          .at(-1);
        if (last && last.intent !== intent) return { ...last, rest: this.restOf(terms) };
      }
    }
    const rest = this.restOf(terms);
    return { intent, score: Math.round(chosen.score * 100) / 100, example: chosen.example.text, rest };
  }

  /** The terms no example of the bot's intents uses: what a message says beyond a request. */
  private restOf(terms: readonly MessageTerm[]): string[] {
    return terms.filter((term) => ![...term.keys].some((key) => this.requestVocabulary.has(key))).map((term) => term.term);
  }

  /** Per intent, the share of the terms its examples use at all (cached). */
  private shareOf(terms: MessageTerm[]): (intent: IntentName) => number {
    const shares = new Map<IntentName, number>();
    // A garbled short word of the intent's vocabulary ("anrfuen") is not held against it.
    let garbledKeys: Array<Set<string>> | undefined;
    return (intent) => {
      if (!shares.has(intent)) {
        const vocabulary = this.vocabulary.get(intent);
        garbledKeys ??= terms.flatMap((term) => (term.garbled ? [this.garbledKeys(term.garbled)] : []));
        const garbled = garbledKeys.filter((keys) => [...keys].some((key) => vocabulary?.has(key))).length;
        const counted = terms.length - garbled;
        shares.set(intent, counted > 0 ? terms.filter((term) => this.inVocabulary(intent, term)).length / counted : 0);
      }
      return shares.get(intent)!;
    };
  }

  /**
   * True when a message asks how to go about something (`words.proceeding` with a word of manner): "Wann
   * bereiten wir den Antrag am geschicktesten vor?", "Womit fangen wir an?" ask to be guided, not for a date.
   */
  private asksHowToProceed(text: string, terms: MessageTerm[]): boolean {
    if (!terms.some((term) => [...term.keys].some((key) => this.proceedingTerms.has(key)))) return false;
    const folded = foldGerman(text.toLowerCase());
    const words = tokenizeWords(folded);
    if (words.some((word) => PERSON_QUESTION_WORDS.has(word))) return false;
    if (MANNER_SUPERLATIVE.test(folded) || words.some((word) => MANNER_WORDS.has(word))) return true;
    return words.includes(WHERE_TO_START) && words.some((word) => ASKER_WORDS.has(word));
  }

  /**
   * The examples (of those `included`) that the terms fit well enough, each with its ranking. A message that asks
   * how to proceed (`proceeding`) ranks a request over a counter-example that fits as well.
   */
  private candidates(
    terms: MessageTerm[],
    share: (intent: IntentName) => number,
    included: (example: Example) => boolean,
    proceeding = false,
  ): Candidate[] {
    const filled = new Map<number, Filling>();
    // Positions that are no word of their own for the "two words" of a longer message: "uns"/"unser", and the
    // head of a compound of two example words, which fills a slot at the position `terms.length + position`.
    const notOwnWords = new Set<number>();
    const fill = (term: MessageTerm, keys: Set<string>, position: number) => {
      for (const key of keys) {
        for (const { example, slot } of this.slotIndex.get(key) ?? []) {
          if (!included(this.examples[example]!)) continue;
          const filling = filled.get(example) ?? { clear: 0, literal: 0, bySlot: new Map<number, Set<number>>() };
          const bySlot = filling.bySlot.get(slot) ?? new Set<number>();
          bySlot.add(position);
          filling.bySlot.set(slot, bySlot);
          if (!term.ambiguous && !term.ownSide) filling.clear |= 1 << slot;
          // "Terminwunsch" asks for a Termin as plainly as the example's own word.
          const { literals, heads } = this.examples[example]!;
          const own = literals[slot]!.has(key) && !term.modifiers?.has(key);
          if (term.request || own || (term.wished && heads.has(term.term))) filling.literal |= 1 << slot;
          filled.set(example, filling);
        }
      }
    };
    terms.forEach((term, position) => {
      if (term.ownSide) notOwnWords.add(position);
      fill(term, term.keys, position);
      // "Antragscheckliste" fills "Checkliste für den Antrag" as the hyphenated "Antrags-Checkliste" does.
      if (term.head) {
        notOwnWords.add(terms.length + position);
        fill(term, term.head, terms.length + position);
      }
    });
    const candidates: Candidate[] = [];
    for (const [index, filling] of filled) {
      const example = this.examples[index]!;
      // Each message word fills one word of the example at most ("Mitarbeiter" is not also "Beratungsstelle").
      const matched = matchingSize(filling.bySlot);
      const recall = matched / example.slots.length;
      // Within a longer message an example needs a clear word (no counter-example uses it) and two words of
      // the message, or, for a one-word example, that very word ("Rückruf"); otherwise the message must be short.
      const literal = bitCount(filling.literal);
      // "uns"/"unser" fill a word of the example but are none of the two: "Uns verbindet …", "Unser Telefonat mit dem Kreis …".
      const clear =
        filling.clear !== 0 &&
        (twoWords(filling.bySlot, notOwnWords) || (example.slots.length === 1 && (filling.literal & filling.clear) !== 0));
      const score = example.within && clear ? recall : recall * share(example.intent);
      if (score < example.threshold) continue;
      // Ties go to the example with more words matched, then more of its own words (not group relatives),
      // then to a request over a counter-example: a request for a person always counts. A request to be guided
      // beats a counter-example of as many words ("Wann stellen wir den Antrag?" for "Wann bereiten wir … am
      // geschicktesten vor?": the question words and the verbs of the application are one group each).
      const request = example.intent === 'question' ? 0 : 1;
      candidates.push({ example, score, order: [score, proceeding ? request : 0, matched, literal, request] });
    }
    return candidates;
  }

  /**
   * True unless the sentence is a question about someone else: a question (`?`, or opened by a question word)
   * must name the asker or the bot (`words.self`: ich, wir, Sie, jemand …), and one opened by a question word
   * must also ask for something (`words.asking`: kann, könnte, würde …): "Wen kann ich anrufen?" is a request,
   * "Wie erreiche ich die Beratungsstelle?" and "Was macht eine Beraterin?" are questions.
   */
  private isOwnRequest(sentence: string): boolean {
    if (!isQuestion(sentence)) {
      // "Uns würde interessieren, ob das Beratungszentrum auch Satzungen durchsieht", "Im Ausschuss blieb offen, ob
      // uns das Beratungszentrum dabei unterstützt": the frame's words ask nothing, the clause is a question like
      // any other ("… ob mich jemand zurückrufen kann" still asks for the asker).
      const indirect = indirectQuestion(sentence);
      // (The clause read as the question it is: "…, wobei uns das Beratungszentrum unterstützt" asks nothing of it.)
      return indirect ? this.isOwnRequest(`${indirect.clause.replace(/[\s.!;:,]+$/u, '')}?`) : true;
    }
    const words = tokenizeWords(sentence).map((word) => foldGerman(word.toLowerCase()));
    // A bare noun with a question mark ("Ansprechpartner?", "Rückruf?") asks for it: there is nothing else to ask about.
    if (this.termUses(sentence).length <= 1 && !words.some((word) => this.questionWords.has(word))) return true;
    // A person of the office in a question without a question word names the bot's side too ("Ist gerade eine
    // Beraterin erreichbar?"); "Was macht eine Beraterin?" still asks about her.
    if (!words.some((word) => this.selfWords.has(word)) && !this.namesPerson(this.termUses(sentence))) return false;
    if (this.asksWhatTheOfficeOffers(tokenizeWords(sentence), words) || this.asksWhatOthersDo(words)) return false;
    if (this.asksWhatTheOfficeDoes(sentence)) return false;
    // "Und bei welcher Stelle melde ich mich …?": the question word after a conjunction and a preposition.
    const start = afterConjunctions(words);
    const opensWithQuestionWord = words.slice(start, start + 2).some((word) => this.questionWords.has(word));
    // "Wie erreiche ich einen Menschen?": only the handoff gives the asker someone unnamed (not "die Beratungsstelle").
    return !opensWithQuestionWord || words.some((word) => this.askingWords.has(word) || SOMEONE_WORDS.has(word));
  }

  /**
   * True when a text asks for the contact data of the one it addresses: "Ihr"/"Ihre" before a word of a one-word
   * example of `contact` ("Ihre Telefonnummer", "Ihre Tel.-Nr.", "Ihrer E-Mail-Adresse"), one word between at most.
   */
  private asksForOfficeData(text: string): boolean {
    const tokens = tokenizeWords(text);
    return tokens.some((token, i) => {
      if (!YOUR.has(token.toLowerCase())) return false;
      return tokens.slice(i + 1, i + 3).some((word) => {
        const term = this.analyzer.baseTerm(word);
        if (!term) return false;
        const { keys } = this.messageTerm({ term, noun: true, word });
        return [...keys].some((key) =>
          (this.slotIndex.get(key) ?? []).some(({ example }) => {
            const { intent, slots } = this.examples[example]!;
            return intent === 'contact' && slots.length === 1;
          }),
        );
      });
    });
  }

  /** True when terms name a person of the office or the asker to be reached (`words.persons`). */
  private namesPerson(terms: ReadonlyArray<{ term: string }>): boolean {
    return terms.some(({ term }) => readings(term).some((reading) => this.personTerms.has(reading)));
  }

  /**
   * The terms of a sentence with its question word for a person read as "jemand" when the sentence asks who
   * advises ("Wer kann uns beraten?", "Wer von Ihnen könnte uns begleiten?": `words.advising`); else the terms.
   */
  private whoAdvises(sentence: string, terms: MessageTerm[]): MessageTerm[] {
    const someone = this.someone;
    if (!someone || !terms.some((term) => [...term.keys].some((key) => this.advisingTerms.has(key)))) return terms;
    const words = tokenizeWords(sentence).map((word) => foldGerman(word.toLowerCase()));
    const start = afterConjunctions(words);
    const who = words[start];
    if (!who || !PERSON_QUESTION_WORDS.has(who)) return terms;
    return terms.map((term) => (term.term === who ? someone : term));
  }

  /**
   * True for a question opened by an interrogative of the matter ("was", "wobei", "womit", "wofür" …) that names an
   * office of the person group with a definite article and no one addressed or unnamed ("Womit kann uns das
   * Kompetenzzentrum helfen?", "Wobei unterstützt die Beratungsstelle?"): it asks what the office does. Not "Wobei
   * können Sie mir helfen?", "Was kann der Bot?" (the bot's side), nor "Wann kann mich die Beraterin anrufen?".
   */
  private asksWhatTheOfficeDoes(sentence: string): boolean {
    if (!isQuestion(sentence)) return false;
    const tokens = tokenizeWords(sentence);
    const words = tokens.map((word) => foldGerman(word.toLowerCase()));
    const start = afterConjunctions(words);
    if (!MATTER_WORDS.has(words[start]!)) return false;
    if (tokens.some((token, i) => i > start && /^(?:Sie|Ihnen)$/u.test(token)) || words.some((word) => SOMEONE_WORDS.has(word)))
      return false;
    return words.some((word, i) => {
      const next = tokens[i + 1];
      if (i <= start || !DEFINITE_SUBJECT.has(word) || !next) return false;
      const term = this.analyzer.baseTerm(next);
      return term !== null && !this.namesPerson([{ term }]) && this.isOffice(term);
    });
  }

  /** True for a term of the group of a person of the office that names no person: an office ("Beratungsstelle", "Team"). */
  private isOffice(term: string): boolean {
    const personGroups = new Set([...this.personTerms].flatMap((person) => this.groups.get(person) ?? []));
    return (this.groups.get(term) ?? []).some((id) => personGroups.has(id));
  }

  /**
   * True for a yes/no question opened by a verb of the file whose subject is named with a definite article ("Kommen
   * beim AKC die Fachleute zu uns ins Rathaus?", "Rufen die Berater zurück?"): it asks what others do. Not an asking
   * word or auxiliary first ("Kann die Beraterin mich anrufen?"), not a person addressed ("Kommen Sie zu uns?",
   * "Kommt jemand vorbei?") or unnamed ("Kommt ein Berater zu uns?").
   */
  private asksWhatOthersDo(words: readonly string[]): boolean {
    const start = afterConjunctions(words);
    const [first, second] = [words[start], words[start + 1]];
    if (!first || !second || !DEFINITE_SUBJECT.has(second)) return false;
    if (this.askingWords.has(first) || this.questionWords.has(first) || AUXILIARIES.has(first)) return false;
    return this.isVerbTerm(this.analyzer.baseTerm(first));
  }

  /**
   * True for a question (its words as written and folded) about what the office does, not for it to do it: one that
   * sets "auch" against an alternative ("Schreiben Sie auch E-Mails oder nur im Chat?", "Kommen Ihre Leute auch ins
   * Rathaus oder nur per Video?"), or "auch" in a question opened by a verb that asks for nothing but an auxiliary
   * ("Berät Ihr Team auch Zweckverbände?"; not "Können Sie mich auch anrufen?").
   */
  private asksWhatTheOfficeOffers(tokens: readonly string[], words: readonly string[]): boolean {
    const also = words.indexOf(ALSO);
    if (also < 0) return false;
    if (words.indexOf(ALTERNATIVE, also) > also) return true;
    const start = afterConjunctions(words);
    const first = words[start]!;
    const written = spellOutUmlauts(tokens[start] ?? '');
    if (this.askingWords.has(first) || this.wishingWords.has(written) || AUXILIARIES.has(written)) return false;
    return opensWithVerb(tokens.slice(start).join(' '));
  }

  /**
   * True for a question opened by a wishing subjunctive ("Wäre ein Termin bei uns möglich?", "Gäbe es einen Termin?",
   * `WISHING_OPENERS`): it asks for what it names.
   */
  private asksForIt(sentence: string): boolean {
    if (!isQuestion(sentence)) return false;
    const words = tokenizeWords(sentence).map((word) => spellOutUmlauts(word));
    const first = words[afterConjunctions(words.map((word) => word.toLowerCase()))];
    return first !== undefined && WISHING_OPENERS.has(first.toLowerCase());
  }

  /**
   * True for a statement that asks for something (`words.asking`: "Ich hätte gern …", "Wir möchten …") without
   * asking about something: no question word or "ob" in it ("Ich möchte wissen, ob die Beratung etwas kostet").
   * A past tense is no wish: "Wir hatten ein Beratungsgespräch" ("hatten", not "hätten").
   */
  private isStatedWish(sentence: string): boolean {
    if (isQuestion(sentence)) return false;
    const words = tokenizeWords(sentence);
    if (!words.some((word) => this.wishingWords.has(spellOutUmlauts(word)))) return false;
    return !words.some((word) => this.questionWords.has(foldGerman(word.toLowerCase())));
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
    const ownNouns = intent === 'question' ? new Set(this.termsOf(nounsOf(text))) : new Set<string>();
    for (const sentence of splitSentences(text)) {
      tokenizeWords(sentence).forEach((word, i) => {
        const term = this.analyzer.baseTerm(word);
        // The first word of an example is capitalised anyway: an infinitive there is a verb ("Verbinden Sie mich").
        if (term) this.noteWordClass(word, term, i === 0);
      });
    }
    for (const term of this.termsOf(text)) {
      const own = readings(term);
      // A conjugated verb of an example stands for its infinitive and that one's group ("Wie geht es weiter?" → `weitergeh`).
      for (const verb of verbStems(term)) if (this.knownTerms.has(verb) && verb !== term) own.push(verb);
      const keys = new Set<string>(own);
      for (const reading of own) {
        this.knownTerms.add(reading);
        if (!ownNouns.has(term)) for (const id of this.groups.get(reading) ?? []) keys.add(id);
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
      phrase: this.phraseOf(text),
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

  /** Notes whether a word of the intent file is a noun (capitalised) or a verb (an infinitive in lower case). */
  private noteWordClass(word: string, term: string, first: boolean, nominal = false): void {
    const written = spellOutUmlauts(word);
    if (!this.knownWords.has(written)) {
      const byLength = this.knownWordsByStart.get(written[0]!) ?? [];
      (byLength[written.length] ??= []).push([written, term]);
      this.knownWordsByStart.set(written[0]!, byLength);
    }
    this.knownWords.set(written, term);
    const forms = this.formsOf.get(term) ?? new Set<string>();
    this.formsOf.set(term, forms.add(foldGerman(word.toLowerCase())));
    if (!/^\p{Lu}/u.test(word)) this.lowerCaseTerms.add(term);
    const capitalised = /^\p{Lu}/u.test(word);
    if (capitalised && nominal) return;
    if (capitalised && !(first && INFINITIVE.test(word))) this.nounTerms.add(term);
    else if (INFINITIVE.test(word.toLowerCase())) this.verbTerms.add(term);
  }

  /** True for a term (or a conjugated form: `rechnet`) the intent file has as a verb. */
  private isVerbTerm(term: string | null): boolean {
    return term !== null && [term, ...verbStems(term)].some((t) => this.verbTerms.has(t));
  }

  /** True for a term the intent file has as a verb only ("treffen", "melden"; not "Anruf", "Verbindung"). */
  private isVerbOnly(term: string): boolean {
    return this.verbTerms.has(term) && !this.nounTerms.has(term);
  }

  /**
   * A message term with every key it can fill a slot by: readings, compound head and modifier, word groups. A
   * noun that only shares a request verb's stem is no request: "Unser Treffen mit dem Kreis …" is not "treffen".
   */
  private messageTerm({ term, noun, word, pleaded, underived }: TermUse): MessageTerm {
    const ownSide = this.ownSideTerms.has(term);
    // "zustande kommen" is no "zuständig" (the stemmer makes both `zustand`).
    if (underived) return { term, keys: new Set([`=${term}`]), ambiguous: false, ownSide, request: false };
    if (noun && this.isVerbOnly(term)) {
      const keys = new Set([`=${term}`, ...(this.nominalGroups.get(term) ?? [])]);
      return { term, keys, ambiguous: false, ownSide, request: false };
    }
    const own = readings(term);
    for (const verb of verbStems(term)) if (this.knownTerms.has(verb)) own.push(verb);
    const keys = new Set<string>(own);
    // A compound counts through its parts only where both are known words (`beratungs|termin`,
    // `antrag|s|vorbereit`): `Bauantrag` is no `Antrag` of ours, `Personalabrechnung` no `Person`.
    let compound: { request?: string; head?: string } = {};
    const modifiers = new Set<string>();
    for (const reading of own) {
      for (let start = 1; reading.length - start >= MIN_HEAD_LENGTH; start++) {
        const modifier = this.knownPart(reading.slice(0, start));
        if (!modifier) continue;
        keys.add(reading.slice(start));
        if (reading === term && !compound.request && !compound.head) compound = this.compoundOf(modifier, reading.slice(start));
      }
      // A word the file lists itself ("Telefonnummer", "Beratungsstelle") is that word, not what its first part names.
      for (let end = MIN_MODIFIER_LENGTH; !this.knownTerms.has(reading) && reading.length - end >= MIN_MODIFIER_REST; end++) {
        const rest = reading.slice(end);
        if (!this.knownTerms.has(rest) && !this.knownTerms.has(rest.replace(/^(?:es|en|s|n)/, ''))) continue;
        keys.add(reading.slice(0, end));
        modifiers.add(reading.slice(0, end));
        // The modifier as the known word it is, linking "s" and all: `forderfahigkeits|check` → `forderfah`.
        const known = this.knownPart(reading.slice(0, end));
        if (known) keys.add(known);
        if (known) modifiers.add(known);
      }
    }
    // A word that is neither known nor made of known parts may be a known verb with a prefix ("nachrechnen"), or a typo of a known word.
    const unknown = ![...keys].some((key) => this.knownTerms.has(key));
    const unprefixed = unknown ? this.unprefixedVerb(term) : undefined;
    if (unprefixed) {
      own.push(unprefixed);
      keys.add(unprefixed);
    }
    const typo = unknown && !unprefixed ? this.correctedTypo(term, word) : undefined;
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
      for (const key of [...set]) for (const id of this.groups.get(key) ?? []) set.add(id);
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
    return this.requestVocabulary.has(term) || (this.groups.get(term) ?? []).some((id) => this.requestVocabulary.has(id));
  }

  /**
   * The one long known word that an unknown long word is a typo of (one letter wrong, missing, added or two
   * swapped, the first letter right): `Ansprechparnter` → `Ansprechpartner`, `zurückrufn` → `zurückrufen`.
   */
  private correctedTypo(term: string, word: string | undefined): string | undefined {
    // Measured on the word as written: a nine-letter verb stems to seven letters (`verbindne` → `verbindn`).
    const written = word && spellOutUmlauts(word);
    if (written && written.length >= MIN_TYPO_LENGTH) {
      const near = this.nearWords(written, MIN_TYPO_LENGTH - 1);
      if (near.size === 1) return [...near][0];
      if (near.size > 1) return undefined;
    }
    if (term.length < MIN_TYPO_LENGTH) return undefined;
    const byLength = this.longTermsByStart.get(term[0]!) ?? [];
    const near = [term.length - 1, term.length, term.length + 1].flatMap((length) =>
      (byLength[length] ?? []).filter((known) => isOneEditApart(term, known)),
    );
    return near.length === 1 ? near[0] : undefined;
  }

  /** The known verb of an unknown one with a prefix that only repeats or goes through (`REPEATING_PREFIXES`): `nachrechn` → `rechn`. */
  private unprefixedVerb(term: string): string | undefined {
    for (const prefix of REPEATING_PREFIXES) {
      if (!term.startsWith(prefix)) continue;
      const verb = term.slice(prefix.length);
      if (verb.length >= 3 && this.verbTerms.has(verb)) return verb;
    }
    return undefined;
  }

  /** The known word the first part of a compound is (with a linking `s`): `beratungs` → `berat`. */
  private knownPart(part: string): string | undefined {
    if (part.length < 3) return undefined;
    if (this.knownTerms.has(part)) return part;
    const unlinked = part.replace(/(?:s|es)$/, '');
    if (unlinked.length < 3) return undefined;
    if (this.knownTerms.has(unlinked)) return unlinked;
    const stem = stemGerman(unlinked);
    return this.knownTerms.has(stem) ? stem : undefined;
  }

  /** The keys of the known words one typo away from an unknown short word (`anrfuen` → `anruf` and its groups). */
  private garbledKeys(word: string): Set<string> {
    const keys = this.nearWords(word);
    for (const key of [...keys]) for (const id of this.groups.get(key) ?? []) keys.add(id);
    return keys;
  }

  /** The terms of the known words (of at least `minLength` letters) one typo away from a word, with its first letter. */
  private nearWords(word: string, minLength = MIN_GARBLED_LENGTH): Set<string> {
    const near = new Set<string>();
    if (word.length < MIN_GARBLED_LENGTH) return near;
    const byLength = this.knownWordsByStart.get(word[0]!) ?? [];
    for (let length = Math.max(minLength, word.length - 1); length <= word.length + 1; length++) {
      for (const [known, term] of byLength[length] ?? []) if (isOneEditApart(word, known)) near.add(term);
    }
    return near;
  }

  /** True when the first part of a compound (with a linking `s`) is a known word: `beratungs` → `berat`. */
  private isKnownPart(part: string): boolean {
    return this.knownPart(part) !== undefined;
  }

  /** A message of stop words only ("Was kannst du?") fits an example with the same words. */
  private recognizePhrase(text: string): RecognizedIntent | undefined {
    const phrase = this.phraseOf(text);
    if (!phrase) return undefined;
    const example = this.examples.find((e) => e.slots.length === 0 && e.phrase === phrase);
    if (!example || example.intent === 'question') return undefined;
    return { intent: example.intent, score: 1, example: example.text, rest: [] };
  }

  private inVocabulary(intent: IntentName, term: MessageTerm): boolean {
    const vocabulary = this.vocabulary.get(intent);
    if (!vocabulary) return false;
    for (const key of term.keys) if (vocabulary.has(key)) return true;
    return false;
  }

  /**
   * The distinct terms of a text (ignored words and stop words left out), with separable verbs joined within
   * a sentence: "Rufen Sie mich an" has `anruf` (not `ruf`), "Leiten Sie das weiter" `weiterleit`.
   */
  private termsOf(text: string): string[] {
    return this.termUses(text).map((use) => use.term);
  }

  /** The terms of `termsOf`, each with whether it was an infinitive used as a noun only (see `NOUN_MARKERS`). */
  private termUses(text: string): TermUse[] {
    const terms = new Map<string, { noun: boolean; word?: string; pleaded?: boolean; underived?: boolean }>();
    for (const sentence of splitSentences(text)) {
      const tokens = tokenizeWords(sentence);
      const lastWord = foldGerman((tokens.at(-1) ?? '').toLowerCase());
      const words = tokens.filter((word) => !this.ignoredWords.has(foldGerman(word.toLowerCase())));
      const pleaded = pleadedWords(tokens);
      const folded = words.map((word) => foldGerman(word.toLowerCase()));
      const joined = new Map<number, string>();
      const particles = folded.flatMap((word, i) =>
        SEPARABLE_PARTICLES.has(word) || (FINAL_PARTICLES.has(word) && i === words.length - 1) ? [i] : [],
      );
      for (const p of particles) {
        words.forEach((word, i) => {
          const verb = i === p ? null : this.analyzer.baseTerm(words[p]! + word.toLowerCase());
          // Into a verb only: "… am Ende ab" is no "Abend".
          if (verb && this.isVerbTerm(verb)) {
            joined.set(i, verb);
            joined.set(p, '');
          }
        });
        // A particle that ends the sentence belongs to its verb (first or second) also when the two make no known verb:
        // "Wie rechnen wir die Förderung ab?" is `abrechnen`, not `rechnen` (a repeating prefix is stripped again:
        // "Rechnen Sie das nach"). Not "… vor Ort" (an ignored word after it) or "… ist das Programm dann vorbei?".
        if (p === words.length - 1 && !joined.has(p) && lastWord === folded[p]) {
          const i = words.findIndex((word, at) => at < VERB_POSITIONS && !joined.has(at) && this.isVerbTerm(this.analyzer.baseTerm(word)));
          const verb = i >= 0 ? this.analyzer.baseTerm(words[p]! + words[i]!.toLowerCase()) : null;
          if (verb) {
            joined.set(i, verb);
            joined.set(p, '');
          }
        }
      }
      // In the passive ("Ich möchte zurückgerufen werden") the participle of a separable verb is the verb; not
      // in the perfect ("Das Landratsamt hat uns an Sie weitergeleitet"), which tells what happened.
      const passive = folded.some((word) => PASSIVE_AUXILIARIES.has(word));
      // German capitalises nouns: in a sentence with lower-case words, a capitalised word after the first is one.
      const mixedCase = words.some((word) => /^\p{Ll}/u.test(word));
      words.forEach((word, i) => {
        const infinitive = passive && !joined.has(i) ? this.participleVerb(word) : undefined;
        const term = joined.has(i) ? joined.get(i) : (infinitive ?? this.analyzer.baseTerm(word));
        if (!term) return;
        // An infinitive used as a noun ("unser Treffen", "das Treffen"), not after "zum"/"beim" ("jemand zum Reden").
        const before = folded[i - 1] ?? '';
        const noun =
          !joined.has(i) &&
          !infinitive &&
          INFINITIVE.test(word) &&
          !ACTION_MARKERS.has(before) &&
          ((i > 0 && mixedCase && /^\p{Lu}\p{Ll}/u.test(word)) || NOUN_MARKERS.has(before));
        const previous = terms.get(term);
        const as = joined.has(i) || infinitive ? undefined : word;
        terms.set(term, {
          noun: (previous?.noun ?? true) && noun,
          word: previous ? previous.word : as,
          pleaded: (previous?.pleaded ?? false) || pleaded.has(word),
          underived: (previous?.underived ?? true) && !joined.has(i) && !infinitive && this.lacksSuffix(word, term),
        });
      });
    }
    return [...terms].map(([term, use]) => ({ term, ...use }));
  }

  /**
   * True for a word without the ending its term has in the file ("zustande", "Zustand" for `zuständig`; the
   * participle "beauftragt" for "Beauftragte"): see `derivedTerms`.
   */
  private lacksSuffix(word: string, term: string): boolean {
    const ending = this.derivedTerms.get(term);
    if (!ending) return false;
    const folded = foldGerman(word.toLowerCase());
    return !(folded.startsWith(term) && ending.test(folded.slice(term.length)));
  }

  /** The verb of a separable participle that examples use (`weitergeleitet` → `weiterleit`, `zurückgerufen` → `zuruckruf`). */
  private participleVerb(word: string): string | undefined {
    const parts = /^(\p{L}+?)ge(\p{L}{2,}?)(?:et|t|en)$/u.exec(foldGerman(word.toLowerCase()));
    if (!parts || !SEPARABLE_PARTICLES.has(parts[1]!)) return undefined;
    const verb = this.analyzer.baseTerm(`${parts[1]!}${parts[2]!}en`);
    return verb && this.knownTerms.has(verb) ? verb : undefined;
  }

  private phraseOf(text: string): string {
    return tokenizeWords(text)
      .map((w) => foldGerman(w.toLowerCase()))
      .filter((w) => !this.ignoredWords.has(w))
      .join(' ');
  }
}

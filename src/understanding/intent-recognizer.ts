import { foldGerman, spellOutUmlauts, tokenizeWords } from '../language/german-normalizer.js';
import { noIntentWords, type IntentName, type IntentsFile } from '../knowledge/intent-schema.js';
import { indirectQuestion, isQuestion, opensWithVerb, questionsOf, splitSentences } from './sentences.js';
import { IntentVocabulary, type Example, type MessageTerm } from './intents/intent-vocabulary.js';
import { bestOf, bitCount, isGreater, matchingSize, twoWords, type Filling } from './intents/slot-matching.js';
import { withoutThirdPersonSie } from './intents/third-person-sie.js';
import { readings } from './intents/word-forms.js';

export { DEFAULT_INTENT_THRESHOLD } from './intents/intent-vocabulary.js';

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

/** An example that fits a message (or one of its sentences), with its ranking (score first). */
interface Candidate {
  example: Example;
  score: number;
  order: number[];
}

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
/** The asker as the one to be reached ("Rufen Sie mich an"); not "mir" ("Schicken Sie mir Ihre Nummer"). */
const ASKER_AS_OBJECT = /(?<!\p{L})mich(?!\p{L})/iu;
/** "Ihr", "Ihre" …: what belongs to the one addressed (also in lower case, as typed in a hurry). */
const YOUR = new Set(['ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres']);
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
  /** The examples of the intent file and the keys a message fills their words by. */
  private readonly vocabulary: IntentVocabulary;
  /** `words.self`, `words.question_words`, `words.asking` (folded): what tells a request from a question about others. */
  private readonly selfWords: Set<string>;
  private readonly questionWords: Set<string>;
  private readonly askingWords: Set<string>;

  private constructor(file: IntentsFile) {
    this.vocabulary = new IntentVocabulary(file);
    const folded = (words: string[]) => new Set(words.map((w) => foldGerman(w.toLowerCase())));
    this.selfWords = folded(file.words.self);
    this.questionWords = folded(file.words.question_words);
    this.askingWords = folded(file.words.asking);
  }

  static fromFile(file: IntentsFile | undefined): IntentRecognizer {
    return new IntentRecognizer(file ?? { words: noIntentWords(), intents: {} });
  }

  /** The intent of a message, or `undefined` when it is a question for the knowledge base. */
  recognize(message: string): RecognizedIntent | undefined {
    // "…, wenn sie einmalig zustande kommt": not the polite "Sie" the requests address.
    const text = withoutThirdPersonSie(message);
    const sentences = splitSentences(text).map((sentence) => ({
      sentence,
      terms: this.vocabulary.words.termUses(sentence).map((use) => this.vocabulary.messageTerm(use)),
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
      if (stated) read.push(this.vocabulary.wishTerm);
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
      candidates.push(
        ...this.candidates([...sentenceTerms, this.vocabulary.wishTerm], share, (e) => e.wish && !e.ownRequestInQuestions, proceeding),
      );
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
        if (last && last.intent !== intent) return { ...last, rest: this.vocabulary.restOf(terms) };
      }
    }
    const rest = this.vocabulary.restOf(terms);
    return { intent, score: Math.round(chosen.score * 100) / 100, example: chosen.example.text, rest };
  }

  /** Per intent, the share of the terms its examples use at all (cached). */
  private shareOf(terms: MessageTerm[]): (intent: IntentName) => number {
    const shares = new Map<IntentName, number>();
    // A garbled short word of the intent's vocabulary ("anrfuen") is not held against it.
    let garbledKeys: Array<Set<string>> | undefined;
    return (intent) => {
      if (!shares.has(intent)) {
        const vocabulary = this.vocabulary.vocabularyOf(intent);
        garbledKeys ??= terms.flatMap((term) => (term.garbled ? [this.vocabulary.words.garbledKeys(term.garbled)] : []));
        const garbled = garbledKeys.filter((keys) => [...keys].some((key) => vocabulary?.has(key))).length;
        const counted = terms.length - garbled;
        shares.set(intent, counted > 0 ? terms.filter((term) => this.vocabulary.inVocabulary(intent, term)).length / counted : 0);
      }
      return shares.get(intent)!;
    };
  }

  /**
   * True when a message asks how to go about something (`words.proceeding` with a word of manner): "Wann
   * bereiten wir den Antrag am geschicktesten vor?", "Womit fangen wir an?" ask to be guided, not for a date.
   */
  private asksHowToProceed(text: string, terms: MessageTerm[]): boolean {
    if (!terms.some((term) => [...term.keys].some((key) => this.vocabulary.proceedingTerms.has(key)))) return false;
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
        for (const { example, slot } of this.vocabulary.slotsOf(key)) {
          if (!included(this.vocabulary.examples[example]!)) continue;
          const filling = filled.get(example) ?? { clear: 0, literal: 0, bySlot: new Map<number, Set<number>>() };
          const bySlot = filling.bySlot.get(slot) ?? new Set<number>();
          bySlot.add(position);
          filling.bySlot.set(slot, bySlot);
          if (!term.ambiguous && !term.ownSide) filling.clear |= 1 << slot;
          // "Terminwunsch" asks for a Termin as plainly as the example's own word.
          const { literals, heads } = this.vocabulary.examples[example]!;
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
      const example = this.vocabulary.examples[index]!;
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
    if (this.vocabulary.words.termUses(sentence).length <= 1 && !words.some((word) => this.questionWords.has(word))) return true;
    // A person of the office in a question without a question word names the bot's side too ("Ist gerade eine
    // Beraterin erreichbar?"); "Was macht eine Beraterin?" still asks about her.
    if (!words.some((word) => this.selfWords.has(word)) && !this.namesPerson(this.vocabulary.words.termUses(sentence))) return false;
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
        const term = this.vocabulary.words.baseTerm(word);
        if (!term) return false;
        const { keys } = this.vocabulary.messageTerm({ term, noun: true, word });
        return [...keys].some((key) =>
          this.vocabulary.slotsOf(key).some(({ example }) => {
            const { intent, slots } = this.vocabulary.examples[example]!;
            return intent === 'contact' && slots.length === 1;
          }),
        );
      });
    });
  }

  /** True when terms name a person of the office or the asker to be reached (`words.persons`). */
  private namesPerson(terms: ReadonlyArray<{ term: string }>): boolean {
    return terms.some(({ term }) => readings(term).some((reading) => this.vocabulary.personTerms.has(reading)));
  }

  /**
   * The terms of a sentence with its question word for a person read as "jemand" when the sentence asks who
   * advises ("Wer kann uns beraten?", "Wer von Ihnen könnte uns begleiten?": `words.advising`); else the terms.
   */
  private whoAdvises(sentence: string, terms: MessageTerm[]): MessageTerm[] {
    const someone = this.vocabulary.someone;
    if (!someone || !terms.some((term) => [...term.keys].some((key) => this.vocabulary.advisingTerms.has(key)))) return terms;
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
      const term = this.vocabulary.words.baseTerm(next);
      return term !== null && !this.namesPerson([{ term }]) && this.isOffice(term);
    });
  }

  /** True for a term of the group of a person of the office that names no person: an office ("Beratungsstelle", "Team"). */
  private isOffice(term: string): boolean {
    const personGroups = new Set([...this.vocabulary.personTerms].flatMap((person) => this.vocabulary.words.groupsOf(person)));
    return this.vocabulary.words.groupsOf(term).some((id) => personGroups.has(id));
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
    return this.vocabulary.words.isVerbTerm(this.vocabulary.words.baseTerm(first));
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
    if (this.askingWords.has(first) || this.vocabulary.wishingWords.has(written) || AUXILIARIES.has(written)) return false;
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
    if (!words.some((word) => this.vocabulary.wishingWords.has(spellOutUmlauts(word)))) return false;
    return !words.some((word) => this.questionWords.has(foldGerman(word.toLowerCase())));
  }

  /** A message of stop words only ("Was kannst du?") fits an example with the same words. */
  private recognizePhrase(text: string): RecognizedIntent | undefined {
    const phrase = this.vocabulary.words.phraseOf(text);
    if (!phrase) return undefined;
    const example = this.vocabulary.examples.find((e) => e.slots.length === 0 && e.phrase === phrase);
    if (!example || example.intent === 'question') return undefined;
    return { intent: example.intent, score: 1, example: example.text, rest: [] };
  }
}

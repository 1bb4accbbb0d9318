import { noIntentWords, type IntentName, type IntentsFile } from '../knowledge/intent-schema.js';
import { indirectQuestion, isQuestion, questionsOf, splitSentences } from './sentences.js';
import { IntentVocabulary, type Example, type MessageTerm } from './intents/intent-vocabulary.js';
import { RequestReading } from './intents/request-reading.js';
import { bestOf, bitCount, isGreater, matchingSize, twoWords, type Filling } from './intents/slot-matching.js';
import { asPoliteAddress } from './intents/forum-address.js';
import { withoutThirdPersonSie } from './intents/third-person-sie.js';

// Kept on the public surface; defined where the examples (and their thresholds) are read.
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
  /** Whether it fits by two words of the message (or the one word of a one-word example itself), not by a share. */
  clear: boolean;
}

/** What the bot itself does when asked: its help and its dialogs (not a person, not the office's contact data). */
const BOTS_DOINGS: ReadonlySet<IntentName> = new Set(['help', 'eligibility', 'application']);

/** The terms of sentences, each once (the first use of a term stands for it). */
function uniqueTerms(sentences: ReadonlyArray<{ terms: MessageTerm[] }>): MessageTerm[] {
  return [...new Map(sentences.flatMap((s) => s.terms).map((t) => [t.term, t])).values()];
}

/** The asker as the one to be reached ("Rufen Sie mich an"); not "mir" ("Schicken Sie mir Ihre Nummer"). */
const ASKER_AS_OBJECT = /(?<!\p{L})mich(?!\p{L})/iu;
/** …also as "uns" ("Rufen Sie uns an"), but not "unsere" ("unsere Unterlagen"). */
const ASKER_TO_REACH = /(?<!\p{L})(?:mich|uns)(?!\p{L})/iu;

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
 *    also does ("Beraten Sie auch …?", "… auch per Mail oder nur …?", "… nur beim Antrag oder auch …?") or about what
 *    others named with an article do ("Kommen die Fachleute … zu uns?", "Hilft uns das Beratungszentrum …?") asks for
 *    nothing. "wer" with a verb of advising (`words.advising`) asks who advises when it says only that someone can
 *    ("Wer kann uns beraten?", like "Wer berät uns?": the office, answered with its contact data); as a wish, or
 *    naming the one addressed or a person, it is "jemand" ("Wer könnte uns begleiten?", "Wer von Ihnen kann …?",
 *    "Wer kann mir persönlich helfen?" ask for a person). A wish ("Ich möchte einen Termin …", "Wäre ein Termin …
 *    möglich?") asks for a one-word example's head ("Termin" of "Beratungstermin") as plainly as for the example.
 *    An example that is a statement with a word of `words.asking` ("Ich möchte beantragen") fits only a sentence that
 *    states a wish. A question about the office, what it does ("Womit kann uns das Kompetenzzentrum helfen?", "Hilft
 *    uns das Beratungszentrum auch bei der Planung?") or who advises ("Wer kann uns beraten?"), asks the bot for
 *    nothing: its words fill no request, no help and no dialog.
 * 4. **Choice.** The best example wins if it reaches its intent's threshold; a `question` example that fits as
 *    well keeps the message a question for the knowledge base, unless the message asks how to go about something
 *    (`words.proceeding` with "wie", "womit", "am besten" …); a request for a person beats a dialog when it is clear
 *    (two words, or a one-word example's own word: not "durchgehen" for "Beratungsgespräch" beside the check).
 *    Between a request for a person and the question for the office's contact data (`contact`), a person named
 *    (`words.persons`: "Rufen Sie mich an") makes it the request, else the contact data, unless the request fits
 *    with more words. Of both dialogs in several sentences, the last one asked for counts.
 *
 * Where each step lives (`src/understanding/intents/`): `known-words.ts` reads texts into terms and knows the file's
 * words (typos, prefixed verbs, compound parts), `intent-vocabulary.ts` reads the examples into slots and a message
 * word into the keys that fill them (step 1), `slot-matching.ts` counts the slots filled and ranks candidates
 * (step 2), `request-reading.ts` tells a request from a question about others (step 3), `word-forms.ts` and
 * `third-person-sie.ts` hold the pure word rules; this class does the fit and the choice (steps 2 and 4).
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
  /** What a sentence asks for: a request of the asker's own, or a question about the office or others. */
  private readonly reading: RequestReading;

  private constructor(file: IntentsFile) {
    this.vocabulary = new IntentVocabulary(file);
    this.reading = new RequestReading(file.words, this.vocabulary);
  }

  /** The recogniser of an intents file; without one (missing or broken file) it recognises nothing. */
  static fromFile(file: IntentsFile | undefined): IntentRecognizer {
    return new IntentRecognizer(file ?? { words: noIntentWords(), intents: {} });
  }

  /** The intent of a message, or `undefined` when it is a question for the knowledge base. */
  recognize(message: string): RecognizedIntent | undefined {
    // "…, wenn sie einmalig zustande kommt": not the polite "Sie" the requests address.
    const text = withoutThirdPersonSie(asPoliteAddress(message));
    const sentences = splitSentences(text).map((sentence) => ({
      sentence,
      terms: this.vocabulary.words.termUses(sentence).map((use) => this.vocabulary.messageTerm(use)),
    }));
    const terms = uniqueTerms(sentences);
    if (terms.length === 0) return this.recognizePhrase(text);
    const share = this.shareOf(terms);
    const proceeding = this.reading.asksHowToProceed(text, terms);
    // A question what the office does or who advises ("Hilft uns das Beratungszentrum beim Antrag?", "Wer kann uns
    // beraten?", "Wobei kann uns die Beratungsstelle helfen?") asks the bot to do nothing: its words ask for no
    // dialog and no help (the bot's own doings), the other sentences still may ("… Dann möchten wir den Antrag stellen.").
    const botsTerms = uniqueTerms(sentences.filter(({ sentence }) => !this.reading.asksAboutTheOffice(sentence)));
    const candidates = [
      ...this.candidates(terms, share, (example) => !example.ownRequestInQuestions && !BOTS_DOINGS.has(example.intent), proceeding),
      ...this.candidates(botsTerms, share, (example) => !example.ownRequestInQuestions && BOTS_DOINGS.has(example.intent), proceeding),
    ];
    // A request that must be the asker's own (a person) is read in each sentence on its own: it may stand among
    // context, words of two sentences never make one, and the sentence says whether it asks ABOUT the office.
    for (const { sentence, terms: sentenceTerms } of sentences) {
      if (!this.reading.isOwnRequest(sentence)) continue;
      // A wish stated for oneself ("Ich hätte gern eine Beratung zur Fusion") asks for what its nouns name; "wer"
      // asking for an adviser is "jemand" ("Wer könnte uns begleiten?" = "Könnte uns jemand begleiten?").
      const asked = this.reading.whoAdvises(sentence, sentenceTerms);
      // A wish (also asked: "Wäre ein Termin bei uns im Rathaus möglich?") asks for a one-word example's plain head as
      // plainly as for the example ("Termin" for "Beratungstermin"), which a narrative note does not ("Wir haben einen Termin beim RP").
      const stated = this.reading.isStatedWish(sentence);
      const wished = stated || this.reading.asksForIt(sentence);
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
      if (!this.reading.isStatedWish(sentence)) continue;
      candidates.push(
        ...this.candidates([...sentenceTerms, this.vocabulary.wishTerm], share, (e) => e.wish && !e.ownRequestInQuestions, proceeding),
      );
    }
    const best = bestOf(candidates);
    // A request for a person always counts, also beside a request for a dialog ("… lieber mit einer Beraterin
    // durchgehen"), when it is clear: a verb of talking that fills a one-word example through its group ("Können Sie
    // das mit mir durchgehen?" for "Beratungsgespräch") is no request for a person beside a request for the check.
    const handoff = bestOf(candidates.filter((c) => c.example.intent === 'handoff'));
    const dialog = best?.example.intent === 'eligibility' || best?.example.intent === 'application';
    let chosen = handoff && dialog && handoff.clear ? handoff : best;
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
      const ownData = this.reading.asksForOfficeData(text) && !(handoff.score >= 1 && ASKER_AS_OBJECT.test(text));
      chosen = !ownData && (this.reading.namesPerson(terms) || isGreater(fit(handoff), fit(contact))) ? handoff : contact;
    } else if (
      chosen &&
      chosen === handoff &&
      !terms.some((term) => !term.ownSide && this.reading.namesPerson([term])) &&
      !ASKER_TO_REACH.test(text) &&
      this.reading.namesOfficeContact(text)
    ) {
      // In a longer message (no contact reading there), the office's contact data asked for with no person named
      // ("unsere Unterlagen" names none) nor the asker to be reached is a question, not a request: "Haben Sie eine
      // E-Mail-Adresse vom Beratungszentrum? Ich würde lieber schriftlich anfragen."
      chosen = undefined;
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
      candidates.push({
        example,
        score,
        order: [score, proceeding ? request : 0, matched, literal, request],
        clear: example.within && clear,
      });
    }
    return candidates;
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

/**
 * What a sentence asks for, beyond its words: a request of the asker's own ("Kann mich jemand anrufen?") or a
 * question about the office or others ("Wie erreiche ich die Beratungsstelle?", "Berät das Kompetenzzentrum auch
 * Landkreise?"), a wish ("Ich hätte gern …", "Wäre ein Termin möglich?"), a question how to go about something. The
 * words alone cannot tell these apart: the same example fits all of them, so `IntentRecognizer` asks this reading
 * which sentences may count as a request at all.
 */
import { foldGerman, spellOutUmlauts, tokenizeWords } from '../../language/german-normalizer.js';
import type { IntentsFile } from '../../knowledge/intent-schema.js';
import { indirectQuestion, isQuestion, opensWithVerb } from '../sentences.js';
import type { IntentVocabulary, MessageTerm } from './intent-vocabulary.js';
import { readings, verbStems } from './word-forms.js';

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
/** "auch … oder …": a question that sets what the office also does against an alternative (see `asksWhatTheOfficeOffers`). */
const ALSO = 'auch';
const ALTERNATIVE = 'oder';
const ONLY = 'nur';
/** Verbs that say nothing themselves ("Wäre auch ein Termin vor Ort möglich?" asks for one): not the office's doing. */
const AUXILIARIES = new Set(['ist', 'sind', 'waere', 'waeren', 'gibt', 'gibts', 'gaebe', 'hat', 'haben', 'wird', 'werden']);
/** "Ihr", "Ihre" …: what belongs to the one addressed (also in lower case, as typed in a hurry). */
const YOUR = new Set(['ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres']);
/** Conjunctions that open a subordinate clause: what follows is not the asker's own clause (folded). */
const SUBORDINATING = new Set(['bevor', 'wenn', 'dass', 'weil', 'damit', 'nachdem', 'falls', 'sobald', 'obwohl', 'wahrend']);

/** An unnamed person: how to reach one is a request for one ("Wie erreiche ich jemanden?"). */
const SOMEONE_WORDS = new Set(['jemand', 'jemanden', 'jemandem', 'mensch', 'menschen']);
/** Words after a question's verb that name its subject as someone known, not the one asked ("Kommen die Fachleute …?"). */
const DEFINITE_SUBJECT = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'beim', 'vom', 'zum', 'zur', 'im']);
/** Subjunctives that open a question asking for something ("Wäre ein Termin möglich?"), umlauts spelt out; not "hätte" (asks the asker's past). */
const WISHING_OPENERS = new Set(['waere', 'waeren', 'gaebe', 'haetten']);
/**
 * Modals that say only that someone is able to (folded): "Wer kann uns beraten?" asks who is, like "Wer berät uns?";
 * a subjunctive wishes for someone ("Wer könnte uns begleiten?", "Wer würde mich beraten?"; `words.asking`).
 */
const ABILITY = new Set(['kann', 'kannst', 'können', 'darf'].map(foldGerman));
/** "wer" as the subject of a question: who does something, not whom to reach ("Wen kann ich anrufen?"). */
const WHO = 'wer';
/** The one addressed, as written ("Sie", "Ihnen", "Ihr …" capitalised; "ihre" is also "their"): "Wer von Ihnen …". */
const ADDRESSED = /^(?:Sie|Ihnen|Ihre?[mnrs]?|euch|eure?[mnrs]?|du|dich|dir)$/u;
/** Conjunctions and particles that may open a question before its question word ("Und bei wem …", "Aber wie …"). */
const LEADING_CONJUNCTIONS = new Set('und aber oder also denn doch sondern nur dann ja na ok okay'.split(' '));

/**
 * True for words that set what is also done against an alternative: "auch … oder …" ("auch per Mail oder nur im
 * Chat?") or "nur … oder auch …" ("nur beim Antrag oder auch bei der Planung?").
 */
function setsAgainstAlternative(words: readonly string[]): boolean {
  const also = words.indexOf(ALSO);
  if (also < 0) return false;
  const alternative = words.indexOf(ALTERNATIVE);
  return words.indexOf(ALTERNATIVE, also) > also || (alternative >= 0 && alternative < also && words.slice(0, alternative).includes(ONLY));
}

/** The position of the first word after leading conjunctions ("Und also wer …": 2); the last word at the most. */
function afterConjunctions(words: readonly string[]): number {
  let start = 0;
  while (start < words.length - 1 && LEADING_CONJUNCTIONS.has(words[start]!)) start++;
  return start;
}

/** Reads sentences against the word lists of `intents.yml` (`words.self`, `words.asking` …); see the module comment. */
export class RequestReading {
  /** `words.self`, `words.question_words`, `words.asking` (folded): what tells a request from a question about others. */
  private readonly selfWords: Set<string>;
  private readonly questionWords: Set<string>;
  private readonly askingWords: Set<string>;

  constructor(
    words: IntentsFile['words'],
    private readonly vocabulary: IntentVocabulary,
  ) {
    const folded = (list: string[]) => new Set(list.map((w) => foldGerman(w.toLowerCase())));
    this.selfWords = folded(words.self);
    this.questionWords = folded(words.question_words);
    this.askingWords = folded(words.asking);
  }

  /**
   * True unless the sentence is a question about someone else: a question (`?`, or opened by a question word)
   * must name the asker or the bot (`words.self`: ich, wir, Sie, jemand …), and one opened by a question word
   * must also ask for something (`words.asking`: kann, könnte, würde …): "Wen kann ich anrufen?" is a request,
   * "Wie erreiche ich die Beratungsstelle?" and "Was macht eine Beraterin?" are questions.
   */
  isOwnRequest(sentence: string): boolean {
    if (!isQuestion(sentence)) {
      // "Uns würde interessieren, ob das Beratungszentrum auch Satzungen durchsieht", "Im Ausschuss blieb offen, ob
      // uns das Beratungszentrum dabei unterstützt": the frame's words ask nothing, the clause is a question like
      // any other ("… ob mich jemand zurückrufen kann" still asks for the asker).
      const indirect = indirectQuestion(sentence);
      // (The clause read as the question it is: "…, wobei uns das Beratungszentrum unterstützt" asks nothing of it.)
      return indirect ? this.isOwnRequest(`${indirect.clause.replace(/[\s.!;:,]+$/u, '')}?`) : true;
    }
    const words = tokenizeWords(sentence).map((word) => foldGerman(word.toLowerCase()));
    // "Falls es uns erwischt und dann Fachleute kommen: was zahlen wir selbst?": the question is the clause after the
    // condition or the lead-in; the condition's words ("Fachleute kommen") ask for no one.
    const proper = this.questionProper(sentence, words);
    if (proper) return this.isOwnRequest(proper);
    // A bare noun with a question mark ("Ansprechpartner?", "Rückruf?") asks for it: there is nothing else to ask about.
    if (this.vocabulary.words.termUses(sentence).length <= 1 && !words.some((word) => this.questionWords.has(word))) return true;
    // A person of the office in a question without a question word names the bot's side too ("Ist gerade eine
    // Beraterin erreichbar?"); "Was macht eine Beraterin?" still asks about her.
    if (!words.some((word) => this.selfWords.has(word)) && !this.namesPerson(this.vocabulary.words.termUses(sentence))) return false;
    if (this.asksWhatTheOfficeOffers(tokenizeWords(sentence), words) || this.asksWhatOthersDo(words)) return false;
    if (this.asksAboutTheOffice(sentence)) return false;
    // "Und bei welcher Stelle melde ich mich …?": the question word after a conjunction and a preposition.
    const start = afterConjunctions(words);
    const opensWithQuestionWord = words.slice(start, start + 2).some((word) => this.questionWords.has(word));
    // "Wie erreiche ich einen Menschen?": only the handoff gives the asker someone unnamed (not "die Beratungsstelle").
    // The asking word belongs to the main clause: "Wie lange … aufheben, bevor die IT es löschen darf?" asks for no one.
    const subordinate = words.findIndex((word, i) => i > start && SUBORDINATING.has(word));
    const main = subordinate < 0 ? words : words.slice(0, subordinate);
    return !opensWithQuestionWord || main.some((word) => this.askingWords.has(word) || SOMEONE_WORDS.has(word));
  }

  /**
   * The question itself when a sentence opens with a condition or a lead-in before it: the first clause after a
   * comma or colon that a question word opens ("Wenn Fachleute kommen, die aufräumen, was zahlen wir?"), in a sentence
   * opened by a subordinating conjunction or with a colon. `undefined` when the sentence is the question.
   */
  private questionProper(sentence: string, words: readonly string[]): string | undefined {
    const leadIn = SUBORDINATING.has(words[afterConjunctions(words)] ?? '') || sentence.includes(':');
    if (!leadIn) return undefined;
    const clauses = sentence.split(/[,:;]/u);
    for (let i = 1; i < clauses.length; i++) {
      const clause = tokenizeWords(clauses[i]!).map((word) => foldGerman(word.toLowerCase()));
      if (this.questionWords.has(clause[afterConjunctions(clause)] ?? '')) return clauses.slice(i).join(',').trim();
    }
    return undefined;
  }

  /** True when terms name a person of the office or the asker to be reached (`words.persons`). */
  namesPerson(terms: ReadonlyArray<{ term: string }>): boolean {
    return terms.some(({ term }) => readings(term).some((reading) => this.vocabulary.personTerms.has(reading)));
  }

  /**
   * True when a text asks for the contact data of the one it addresses: "Ihr"/"Ihre" before a word of a one-word
   * example of `contact` ("Ihre Telefonnummer", "Ihre Tel.-Nr.", "Ihrer E-Mail-Adresse"), one word between at most.
   */
  asksForOfficeData(text: string): boolean {
    const tokens = tokenizeWords(text);
    return tokens.some(
      (token, i) => this.isContactData(token) && tokens.slice(Math.max(0, i - 2), i).some((word) => YOUR.has(word.toLowerCase())),
    );
  }

  /**
   * True when a text names a noun of the office's contact data with "Ihr"/"Ihre" or the office next to it ("eine
   * E-Mail-Adresse vom Beratungszentrum", "Hat die Beratungsstelle ne Telefonnummer?"): three words apart at most, the
   * office a noun, not "Sie". Not a verb ("mit Ihrem Team telefonieren" asks to talk).
   */
  namesOfficeContact(text: string): boolean {
    const tokens = tokenizeWords(text);
    const lowerCase = !/\p{Lu}/u.test(text);
    const noun = (token: string) => /^\p{Lu}/u.test(token) || (lowerCase && !/en$/u.test(token));
    return tokens.some(
      (token, i) =>
        noun(token) &&
        this.isContactData(token) &&
        tokens.slice(Math.max(0, i - 3), i + 4).some((word) => {
          if (YOUR.has(word.toLowerCase())) return true;
          if (this.selfWords.has(foldGerman(word.toLowerCase()))) return false;
          const term = this.vocabulary.words.baseTerm(word);
          return term !== null && !this.namesPerson([{ term }]) && this.isOffice(term);
        }),
    );
  }

  /** True for a word of a one-word example of `contact` ("Telefonnummer", "E-Mail-Adresse", "Anschrift"). */
  private isContactData(word: string): boolean {
    const term = this.vocabulary.words.baseTerm(word);
    if (!term) return false;
    const { keys } = this.vocabulary.messageTerm({ term, noun: true, word });
    return [...keys].some((key) =>
      this.vocabulary.slotsOf(key).some(({ example }) => {
        const { intent, slots } = this.vocabulary.examples[example]!;
        return intent === 'contact' && slots.length === 1;
      }),
    );
  }

  /**
   * True for a question about the office, not to the bot: what it does ("Hilft uns das Beratungszentrum auch bei der
   * Planung?", `asksWhatTheOfficeDoes`), how far its offer goes ("Helfen Sie nur beim Antrag oder auch bei der
   * Planung?", `setsAgainstAlternative`) or who advises ("Wer kann uns beraten?", `asksWhoAdvises`).
   */
  asksAboutTheOffice(sentence: string): boolean {
    if (!isQuestion(sentence)) return false;
    const words = tokenizeWords(sentence).map((word) => foldGerman(word.toLowerCase()));
    return setsAgainstAlternative(words) || this.asksWhatTheOfficeDoes(sentence) || this.asksWhoAdvises(sentence);
  }

  /**
   * True for a question who advises, asked with nothing but a modal of ability (`ABILITY`): "Wer kann uns bei der
   * Fusion beraten?" asks which office does, as "Wer berät Kommunen?" and "Wer hilft uns?" do; the answer names it and
   * its contact. "wer" opens it (after conjunctions) with a verb of advising (`words.advising`). A wish asks for
   * someone ("Wer könnte uns begleiten?", "Wer würde mich beraten?"), and so does a question that names the one
   * addressed ("Wer von Ihnen kann uns helfen?") or a person of the office ("Wer kann mir persönlich weiterhelfen?").
   */
  asksWhoAdvises(sentence: string): boolean {
    if (!isQuestion(sentence)) return false;
    const tokens = tokenizeWords(sentence);
    const words = tokens.map((word) => foldGerman(word.toLowerCase()));
    const start = afterConjunctions(words);
    if (words[start] !== WHO) return false;
    const asking = words.filter((word) => this.askingWords.has(word));
    if (asking.some((word) => !ABILITY.has(word))) return false;
    if (tokens.some((token, i) => i > start && ADDRESSED.test(token))) return false;
    if (!this.vocabulary.words.termUses(sentence).some((use) => this.isAdvising(use.term))) return false;
    return !this.namesPersonBesidesAsker(sentence);
  }

  /**
   * The terms of a sentence with its question word for a person read as "jemand" when the sentence asks who
   * advises ("Wer kann uns beraten?", "Wer von Ihnen könnte uns begleiten?": `words.advising`); else the terms.
   */
  whoAdvises(sentence: string, terms: MessageTerm[]): MessageTerm[] {
    const someone = this.vocabulary.someone;
    if (!someone || !terms.some((term) => [...term.keys].some((key) => this.vocabulary.advisingTerms.has(key)))) return terms;
    const words = tokenizeWords(sentence).map((word) => foldGerman(word.toLowerCase()));
    const start = afterConjunctions(words);
    const who = words[start];
    if (!who || !PERSON_QUESTION_WORDS.has(who)) return terms;
    return terms.map((term) => (term.term === who ? someone : term));
  }

  /**
   * True for a question that names an office of the person group with a definite article and no one addressed or
   * unnamed, opened by an interrogative of the matter ("was", "wobei", "womit", "wofür" …: "Womit kann uns das
   * Kompetenzzentrum helfen?", "Wobei unterstützt die Beratungsstelle?") or by a verb of its doing, also with the
   * asker as its object before the office ("Hilft uns das Beratungszentrum auch bei der Planung?", "Unterstützt die
   * Beratungsstelle Landkreise?"): it asks what the office does. Not "Wobei können Sie mir helfen?", "Was kann der
   * Bot?" (the bot's side), "Wann kann mich die Beraterin anrufen?", nor a modal or auxiliary first ("Kann uns die
   * Beratungsstelle zurückrufen?", "Ist das Beratungszentrum heute besetzt?").
   */
  asksWhatTheOfficeDoes(sentence: string): boolean {
    if (!isQuestion(sentence)) return false;
    const tokens = tokenizeWords(sentence);
    const words = tokens.map((word) => foldGerman(word.toLowerCase()));
    const start = afterConjunctions(words);
    // A verb of advising first ("Hilft uns das Beratungszentrum …?"), with no person of the office named: "Hilft uns
    // eine Beraterin vom Beratungszentrum?" asks for one.
    const advising = this.isAdvising(this.vocabulary.words.baseTerm(tokens[start] ?? ''));
    if (advising && this.namesPersonBesidesAsker(sentence, tokens[start])) return false;
    if (!MATTER_WORDS.has(words[start]!) && !advising) return false;
    if (tokens.some((token, i) => i > start && /^(?:Sie|Ihnen)$/u.test(token)) || words.some((word) => SOMEONE_WORDS.has(word)))
      return false;
    return words.some((word, i) => {
      const next = tokens[i + 1];
      if (i <= start || !DEFINITE_SUBJECT.has(word) || !next) return false;
      const term = this.vocabulary.words.baseTerm(next);
      return term !== null && !this.namesPerson([{ term }]) && this.isOffice(term);
    });
  }

  /** True for a term whose verb is one of advising (`words.advising`: "beraten", "unterstützt", "begleitet"). */
  private isAdvising(term: string | null): boolean {
    if (term === null) return false;
    const { keys } = this.vocabulary.messageTerm({ term, noun: false });
    return [...keys, ...verbStems(term)].some((key) => this.vocabulary.advisingTerms.has(key));
  }

  /**
   * True when a sentence names a person of the office ("eine Beraterin", "persönlich"), not the asker ("uns",
   * `words.self`) nor a verb of advising ("beraten" shares its stem with "Berater"; as a noun it is capitalised, but
   * not as the verb that opens the question, `opening`).
   */
  private namesPersonBesidesAsker(sentence: string, opening?: string): boolean {
    const uses = this.vocabulary.words.termUses(sentence).filter((use) => {
      const word = use.word ?? '';
      if (this.selfWords.has(foldGerman(word.toLowerCase()))) return false;
      return !this.isAdvising(use.term) || (word !== opening && /^\p{Lu}/u.test(word));
    });
    return this.namesPerson(uses);
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
    if (words.indexOf(ALSO) < 0) return false;
    if (setsAgainstAlternative(words)) return true;
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
  asksForIt(sentence: string): boolean {
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
  isStatedWish(sentence: string): boolean {
    if (isQuestion(sentence)) return false;
    const words = tokenizeWords(sentence);
    if (!words.some((word) => this.vocabulary.wishingWords.has(spellOutUmlauts(word)))) return false;
    return !words.some((word) => this.questionWords.has(foldGerman(word.toLowerCase())));
  }

  /**
   * True when a message asks how to go about something (`words.proceeding` with a word of manner): "Wann
   * bereiten wir den Antrag am geschicktesten vor?", "Womit fangen wir an?" ask to be guided, not for a date.
   */
  asksHowToProceed(text: string, terms: MessageTerm[]): boolean {
    if (!terms.some((term) => [...term.keys].some((key) => this.vocabulary.proceedingTerms.has(key)))) return false;
    const folded = foldGerman(text.toLowerCase());
    const words = tokenizeWords(folded);
    if (words.some((word) => PERSON_QUESTION_WORDS.has(word))) return false;
    if (MANNER_SUPERLATIVE.test(folded) || words.some((word) => MANNER_WORDS.has(word))) return true;
    return words.includes(WHERE_TO_START) && words.some((word) => ASKER_WORDS.has(word));
  }
}

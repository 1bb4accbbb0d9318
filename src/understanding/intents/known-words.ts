/**
 * The words of the intent file (`knowledge/_meta/intents.yml`): which terms it knows and how it writes and uses them
 * (noun or verb, with which ending, in which word groups); how a text is read into terms (separable verbs joined,
 * a verb used as a noun told apart); and what an unknown word of a message may be (a typo, a verb with a prefix, the
 * first part of a compound). `IntentVocabulary` fills it while it reads the file; afterwards it is only read.
 */
import { GermanAnalyzer } from '../../language/german-analyzer.js';
import { foldGerman, spellOutUmlauts, stemGerman, tokenizeWords } from '../../language/german-normalizer.js';
import type { IntentsFile } from '../../knowledge/intent-schema.js';
import { splitSentences } from '../sentences.js';
import { isOneEditApart, isParticipleNoun, pleadedWords, verbStems } from './word-forms.js';

/** The head of a compound matches an example word of at least this length (`Beratungstermin` → `termin`). */
export const MIN_HEAD_LENGTH = 4;
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

/** A term of a text, and whether every word it came from was used as a noun ("das Treffen", not "treffen wir uns"). */
export interface TermUse {
  term: string;
  noun: boolean;
  /** The word it came from, unless joined from two ("Rufen … an"). */
  word?: string;
  /** Asked for with "bitte" right beside it ("Beraterin bitte", "Bitte einen Rückruf"). */
  pleaded?: boolean;
  /** Without the suffix of the adjective the file has its term as only ("zustande" for `zuständig`): see `derivedTerms`. */
  underived?: boolean;
}

/** The known words of an intents file; see the module comment. */
export class KnownWords {
  private readonly analyzer: GermanAnalyzer;
  private readonly ignoredWords: Set<string>;
  /** Term → ids of the word groups it belongs to. */
  private readonly groups = new Map<string, string[]>();
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

  constructor(words: IntentsFile['words']) {
    this.analyzer = new GermanAnalyzer({ stopwords: { keep: words.keep, add: [] }, synonymGroups: [] });
    this.ignoredWords = new Set(words.ignore.map((w) => foldGerman(w.toLowerCase())));
  }

  /**
   * Reads `words.groups`: each word's terms become known and members of the group (id `#` + its index); an
   * infinitive listed capitalised ("Treffen") is noted as a noun of this group only (see `nominalGroups`).
   */
  addGroups(groups: ReadonlyArray<readonly string[]>): void {
    groups.forEach((group, i) => {
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
  }

  /** Notes whether a word of the intent file is a noun (capitalised) or a verb (an infinitive in lower case). */
  noteWordClass(word: string, term: string, first: boolean, nominal = false): void {
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

  /**
   * Completes what needs every word of the file (called once, after the groups and examples are read): nouns among
   * the capitalised infinitives, the terms the file has only with a derived ending, and the index of long terms
   * that typos are measured against.
   */
  settle(): void {
    // A capitalised infinitive of a group is a noun like any other unless the file also has it as a verb.
    for (const term of this.nominalGroups.keys()) if (!this.verbTerms.has(term)) this.nounTerms.add(term);
    for (const [term, forms] of this.formsOf) {
      const endings = [...forms].map((form) => (form.startsWith(term) ? form.slice(term.length) : undefined));
      if (endings.every((ending) => ending !== undefined && DERIVING_SUFFIX.test(ending))) this.derivedTerms.set(term, DERIVING_SUFFIX);
      else if (isParticipleNoun(term, endings, this.lowerCaseTerms.has(term))) this.derivedTerms.set(term, /^\p{L}/u);
    }
    for (const term of this.knownTerms) {
      if (term.length < MIN_TYPO_LENGTH) continue;
      const byLength = this.longTermsByStart.get(term[0]!) ?? [];
      (byLength[term.length] ??= []).push(term);
      this.longTermsByStart.set(term[0]!, byLength);
    }
  }

  /** The base term of one word (folded, stemmed), or `null` for a stop word or noise. */
  baseTerm(word: string): string | null {
    return this.analyzer.baseTerm(word);
  }

  /** True for a term of the examples or groups. */
  isKnown(term: string): boolean {
    return this.knownTerms.has(term);
  }

  /** Notes a term of an example (or one of its readings) as known. */
  addKnown(term: string): void {
    this.knownTerms.add(term);
  }

  /** The ids of the word groups a term belongs to (`#0`, `#1` …). */
  groupsOf(term: string): readonly string[] {
    return this.groups.get(term) ?? [];
  }

  /** The groups that list an infinitive capitalised, as a noun ("Treffen"): see `nominalGroups`. */
  nominalGroupsOf(term: string): Iterable<string> {
    return this.nominalGroups.get(term) ?? [];
  }

  /** True for a term (or a conjugated form: `rechnet`) the intent file has as a verb. */
  isVerbTerm(term: string | null): boolean {
    return term !== null && [term, ...verbStems(term)].some((t) => this.verbTerms.has(t));
  }

  /** True for a term the intent file has as a verb only ("treffen", "melden"; not "Anruf", "Verbindung"). */
  isVerbOnly(term: string): boolean {
    return this.verbTerms.has(term) && !this.nounTerms.has(term);
  }

  /**
   * The distinct terms of a text (ignored words and stop words left out), with separable verbs joined within
   * a sentence: "Rufen Sie mich an" has `anruf` (not `ruf`), "Leiten Sie das weiter" `weiterleit`.
   */
  termsOf(text: string): string[] {
    return this.termUses(text).map((use) => use.term);
  }

  /** The terms of `termsOf`, each with whether it was an infinitive used as a noun only (see `NOUN_MARKERS`). */
  termUses(text: string): TermUse[] {
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

  /** The folded words of a text without the ignored ones: how a message of stop words only is matched ("Was kannst du?"). */
  phraseOf(text: string): string {
    return tokenizeWords(text)
      .map((w) => foldGerman(w.toLowerCase()))
      .filter((w) => !this.ignoredWords.has(w))
      .join(' ');
  }

  /** The known word the first part of a compound is (with a linking `s`): `beratungs` → `berat`. */
  knownPart(part: string): string | undefined {
    if (part.length < 3) return undefined;
    if (this.knownTerms.has(part)) return part;
    const unlinked = part.replace(/(?:s|es)$/, '');
    if (unlinked.length < 3) return undefined;
    if (this.knownTerms.has(unlinked)) return unlinked;
    const stem = stemGerman(unlinked);
    return this.knownTerms.has(stem) ? stem : undefined;
  }

  /** The head of a compound of two known words (`beratungstermin` → `termin`), if it is one. */
  compoundHead(term: string): string | undefined {
    for (let start = 3; term.length - start >= MIN_HEAD_LENGTH; start++) {
      if (this.knownTerms.has(term.slice(start)) && this.knownPart(term.slice(0, start))) return term.slice(start);
    }
    return undefined;
  }

  /**
   * The one long known word that an unknown long word is a typo of (one letter wrong, missing, added or two
   * swapped, the first letter right): `Ansprechparnter` → `Ansprechpartner`, `zurückrufn` → `zurückrufen`.
   */
  correctedTypo(term: string, word: string | undefined): string | undefined {
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
  unprefixedVerb(term: string): string | undefined {
    for (const prefix of REPEATING_PREFIXES) {
      if (!term.startsWith(prefix)) continue;
      const verb = term.slice(prefix.length);
      if (verb.length >= 3 && this.verbTerms.has(verb)) return verb;
    }
    return undefined;
  }

  /** The keys of the known words one typo away from an unknown short word (`anrfuen` → `anruf` and its groups). */
  garbledKeys(word: string): Set<string> {
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
}

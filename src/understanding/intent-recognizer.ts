import { GermanAnalyzer } from '../knowledge/analyzer/german-analyzer.js';
import { foldGerman, stemGerman, tokenizeWords } from '../knowledge/analyzer/german-normalizer.js';
import type { IntentName, IntentsFile } from '../knowledge/intent-schema.js';

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
   * Terms of the message that none of the intent's examples use: what the message says beyond the
   * request ("Ist unser Bauhof förderfähig?" → `bauhof`). Empty when the message is only the request.
   */
  rest: string[];
}

/** Threshold of an intent whose entry in `intents.yml` sets none. */
export const DEFAULT_INTENT_THRESHOLD = 0.75;

/** Words shorter than this never match as the head of a compound (`red` must not match `Kredit…`). */
const MIN_HEAD_LENGTH = 4;
/** A stemmed noun ending in -in/-inn(en) of at least this length is also read without it (`Beraterin` → `Berater`). */
const MIN_FEMININE_LENGTH = 7;

interface Example {
  intent: IntentName;
  text: string;
  /** Number of distinct terms (0: the example is only stop words and matches by its phrase). */
  termCount: number;
  /** Folded words without the ignored ones, for examples of stop words only ("Was kannst du?"). */
  phrase: string;
  within: boolean;
  threshold: number;
  /** Per term slot: whether a `question` counter-example uses the term too (alone it is no request). */
  ambiguous: boolean[];
}

/**
 * Recognises what a message asks the bot to do, from the example utterances in `_meta/intents.yml`.
 *
 * Examples and messages are analysed by the German analyser into terms (folded, stemmed; words in
 * `words.keep` count although search ignores them, words in `words.ignore` never count). A feminine
 * form also stands for the masculine one (`Ansprechpartnerin` → `Ansprechpartner`), and a compound of
 * the message matches an example word that is its head (`Beratungstermin` → `Termin`).
 *
 * An example fits a message by its *recall*, the share of its terms the message contains. For intents
 * marked `within_longer_messages` (a request for a person inside a longer text) that is the score; for
 * the others (small talk, commands) it is multiplied by the share of the message's terms that the
 * intent's examples use at all, so "Danke, und wie hoch ist die Förderung?" is a question, not thanks.
 * The best example wins if its score reaches its intent's threshold; a `question` example that fits at
 * least as well keeps the message a question for the knowledge base.
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
  private readonly examples: Example[] = [];
  /** Example term (and its feminine reading) → the examples and term slots it fills. */
  private readonly slots = new Map<string, Array<{ example: number; slot: number }>>();
  /** Per intent, every term its examples use. */
  private readonly vocabulary = new Map<IntentName, Set<string>>();

  private constructor(file: IntentsFile) {
    this.analyzer = new GermanAnalyzer({ stopwords: { keep: file.words.keep, add: [] }, synonymGroups: [] });
    this.ignoredWords = new Set(file.words.ignore.map((w) => foldGerman(w.toLowerCase())));
    const entries = Object.entries(file.intents) as Array<[IntentName, NonNullable<IntentsFile['intents'][IntentName]>]>;
    const questionTerms = new Set((file.intents.question?.examples ?? []).flatMap((text) => this.termsOf(text).flat()));
    for (const [intent, definition] of entries) {
      const vocabulary = this.vocabulary.get(intent) ?? new Set<string>();
      this.vocabulary.set(intent, vocabulary);
      for (const text of definition.examples) {
        const terms = this.termsOf(text);
        const index = this.examples.length;
        this.examples.push({
          intent,
          text,
          termCount: terms.length,
          phrase: this.phraseOf(text),
          within: definition.within_longer_messages,
          threshold: definition.threshold ?? DEFAULT_INTENT_THRESHOLD,
          ambiguous: terms.map((alternatives) => alternatives.some((t) => questionTerms.has(t))),
        });
        terms.forEach((alternatives, slot) => {
          for (const term of alternatives) {
            vocabulary.add(term);
            const list = this.slots.get(term) ?? [];
            list.push({ example: index, slot });
            this.slots.set(term, list);
          }
        });
      }
    }
  }

  /** The recogniser of an intents file; without one (missing or broken file) it recognises nothing. */
  static fromFile(file: IntentsFile | undefined): IntentRecognizer {
    return new IntentRecognizer(file ?? { words: { keep: [], ignore: [] }, intents: {} });
  }

  /** The intent of a message, or `undefined` when it is a question for the knowledge base. */
  recognize(text: string): RecognizedIntent | undefined {
    const terms = this.termsOf(text);
    if (terms.length === 0) return this.recognizePhrase(text);
    const filled = new Map<number, number>();
    for (const alternatives of terms) {
      for (const key of lookupKeys(alternatives)) {
        for (const { example, slot } of this.slots.get(key) ?? []) filled.set(example, (filled.get(example) ?? 0) | (1 << Math.min(slot, 30)));
      }
    }
    const shareByIntent = new Map<IntentName, number>();
    const vocabularyShare = (intent: IntentName) => {
      let share = shareByIntent.get(intent);
      if (share === undefined) {
        share = terms.filter((alternatives) => this.inVocabulary(intent, alternatives)).length / terms.length;
        shareByIntent.set(intent, share);
      }
      return share;
    };
    let best: { example: Example; score: number; matched: number } | undefined;
    for (const [index, mask] of filled) {
      const example = this.examples[index]!;
      const matched = bitCount(mask);
      const recall = matched / Math.min(example.termCount, 31);
      // Within a longer message only a clear word counts; words the counter-examples use need a short message.
      const clear = example.within && example.intent !== 'question' ? example.ambiguous.some((ambiguous, slot) => !ambiguous && (mask & (1 << slot)) !== 0) : example.within;
      const score = clear ? recall : recall * vocabularyShare(example.intent);
      if (score < example.threshold) continue;
      if (!best || score > best.score || (score === best.score && (matched > best.matched || (matched === best.matched && example.intent === 'question')))) {
        best = { example, score, matched };
      }
    }
    if (!best || best.example.intent === 'question') return undefined;
    const intent = best.example.intent;
    const rest = terms.filter((alternatives) => !this.inVocabulary(intent, alternatives)).map((alternatives) => alternatives[0]!);
    return { intent, score: Math.round(best.score * 100) / 100, example: best.example.text, rest };
  }

  /** A message of stop words only ("Was kannst du?") fits an example with the same words. */
  private recognizePhrase(text: string): RecognizedIntent | undefined {
    const phrase = this.phraseOf(text);
    if (!phrase) return undefined;
    const example = this.examples.find((e) => e.termCount === 0 && e.phrase === phrase);
    if (!example || example.intent === 'question') return undefined;
    return { intent: example.intent, score: 1, example: example.text, rest: [] };
  }

  private inVocabulary(intent: IntentName, alternatives: readonly string[]): boolean {
    const vocabulary = this.vocabulary.get(intent);
    return vocabulary !== undefined && lookupKeys(alternatives).some((key) => vocabulary.has(key));
  }

  /** The distinct terms of a text, each with its readings (the term, and the masculine form of a feminine one). */
  private termsOf(text: string): string[][] {
    const seen = new Set<string>();
    const terms: string[][] = [];
    for (const word of tokenizeWords(text)) {
      if (this.ignoredWords.has(foldGerman(word.toLowerCase()))) continue;
      const term = this.analyzer.baseTerm(word);
      if (term === null || seen.has(term)) continue;
      seen.add(term);
      terms.push(readings(term));
    }
    return terms;
  }

  private phraseOf(text: string): string {
    return tokenizeWords(text)
      .map((w) => foldGerman(w.toLowerCase()))
      .filter((w) => !this.ignoredWords.has(w))
      .join(' ');
  }
}

/** A term and, for a feminine noun, its masculine reading (`beraterin` → `berat`, `ansprechpartnerinn` → `ansprechpartn`). */
function readings(term: string): string[] {
  if (term.length < MIN_FEMININE_LENGTH || !/inn?$/.test(term)) return [term];
  const masculine = stemGerman(term.replace(/inn?$/, ''));
  return masculine === term ? [term] : [term, masculine];
}

/** The keys a message term is looked up by: its readings, and their heads (suffixes) long enough to be words. */
function lookupKeys(alternatives: readonly string[]): string[] {
  const keys: string[] = [];
  for (const term of alternatives) {
    keys.push(term);
    for (let start = 1; term.length - start >= MIN_HEAD_LENGTH; start++) keys.push(term.slice(start));
  }
  return keys;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

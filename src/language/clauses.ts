/**
 * Which words of a message carry its question (pure). Clerks put the question inside context: who asks and why
 * ("Im Finanzausschuss kam die Frage auf, ob …", "Unser Bürgermeister hat gehört, dass …"), what they are doing
 * ("wir bereiten gerade eine Sitzungsvorlage vor und bräuchten die Info, bis wann …"), who they are ("Wir sind eine
 * kleine Gemeinde mit 3000 Einwohnern."). Those words still tell something, but less than the question's own.
 */
import { tokenizeWords } from './german-normalizer.js';
import { isQuestion, splitSentences } from './sentence-split.js';

/** The asker's own side: "wir", "uns", "unser…", "ich", "mein…". */
const FIRST_PERSON = /(?<!\p{L})(?:wir|uns|unser\p{L}*|ich|mein\p{L}*)(?!\p{L})/iu;

/** Whether a text speaks of the asker ("Wie viele Gemeinden müssen wir sein?") rather than only of others. */
export function mentionsAsker(text: string): boolean {
  return FIRST_PERSON.test(text);
}

/** How much a word of a side clause or a context sentence counts compared with a word of the question itself. */
export const SIDE_CLAUSE_WEIGHT = 0.5;

/**
 * The frame before an embedded question or a reported claim in one sentence: "…, ob …", "…, bis wann …", "…, welche
 * …", "…, dass …"; after a dash or colon only where the asker tells of themselves ("Wir gründen einen Zweckverband – was
 * legen wir bei?"), else it names the topic ("Förderung Wärmeplanung – welche Fristen …?", "Stand 2016: wie viel …?").
 * The frame must not ask itself ("Wissen Sie, ob …" does; then the sentence asks as a whole).
 */
const FRAME_BEFORE =
  /^(.{8,}?)(,|\s[-–—]|:)\s*(?=(?:ob|dass|daß|wie\s*viele?|wie|wann|wo|wer|wem|wen|was|wohin|woher|womit|wofür|wozu|warum|wieso|weshalb|welche[rnms]?|inwiefern|inwieweit|bis\s+wann|seit\s+wann|ab\s+wann|ab\s+wie\s+vielen?)\b)/iu;

/**
 * Per word of `tokenizeWords(text)`: 1 for a word of the question, `SIDE_CLAUSE_WEIGHT` for a word of a context
 * sentence (a statement in a message whose questions have a topic word of their own: `isTopicWord` tells one, by
 * its position in its sentence) or of the frame before an embedded question or claim. All 1 when nothing tells the
 * question from its context.
 *
 * @example
 * ```ts
 * questionWeights('Im Ausschuss kam die Frage auf, ob Landkreise mitmachen dürfen');
 * // [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1]
 * ```
 */
export function questionWeights(
  text: string,
  isTopicWord: (token: string, position: number) => boolean = () => true,
  side = SIDE_CLAUSE_WEIGHT,
): number[] {
  const sentences = splitSentences(text);
  const asks = sentences.map((sentence) => isQuestion(sentence) || frameOf(sentence) !== undefined);
  // A question without a topic word of its own ("Stimmt das?", "Sehe ich das falsch?") asks about the context.
  const anyAsks = sentences.some(
    (sentence, i) => asks[i] && tokenizeWords(sentence).some((token, position) => isTopicWord(token, position)),
  );
  const weights: number[] = [];
  sentences.forEach((sentence, i) => {
    const count = tokenizeWords(sentence).length;
    if (anyAsks && !asks[i]) {
      for (let t = 0; t < count; t++) weights.push(side);
      return;
    }
    const frame = frameOf(sentence);
    const framed = frame && !startsAsQuestion(frame) && !namesTopicOnly(frame, isTopicWord) ? tokenizeWords(frame).length : 0;
    for (let t = 0; t < count; t++) weights.push(t < framed ? side : 1);
  });
  // Sentences split where no word is cut; should a joined number span a break, nothing is weighed down.
  return weights.length === tokenizeWords(text).length ? weights : tokenizeWords(text).map(() => 1);
}

/** The frame of a sentence (see `FRAME_BEFORE`), if it has one. */
function frameOf(sentence: string): string | undefined {
  const [, frame, mark] = FRAME_BEFORE.exec(sentence) ?? [];
  return frame !== undefined && (mark === ',' || mentionsAsker(frame)) ? frame : undefined;
}

/**
 * "Verwendungsnachweis IKZ-Förderung, bis wann muss der beim RP sein?": a frame of capitalised words only, with a topic
 * word among them, is the heading the question is about, no frame ("Kurze Frage, …" has none: its words only frame).
 */
function namesTopicOnly(frame: string, isTopicWord: (token: string, position: number) => boolean): boolean {
  const tokens = tokenizeWords(frame);
  return tokens.every((token) => /^[\p{Lu}\p{N}]/u.test(token)) && tokens.some((token, position) => isTopicWord(token, position));
}

/** True when a frame asks itself ("Können Sie mir sagen", "Wie hoch ist die Förderung"): then it is no frame. */
function startsAsQuestion(frame: string): boolean {
  return isQuestion(frame) || /^(?:können|könnten|kannst|wissen|weißt|weiss|wisst)\s+(?:sie|du|ihr)\b/iu.test(frame.trim());
}

import { normalizeAnswer, parseYesNo } from '../../dialogs/form/german-input.js';
import type { IntentsFile } from '../knowledge/intent-schema.js';
import { IntentRecognizer, type BotIntent, type RecognizedIntent } from '../understanding/intent-recognizer.js';

/**
 * Small talk and commands the bot handles itself instead of searching the knowledge base, and `contact`: the question
 * for the office's contact data, answered from the configuration (an `answer` without an article, see `TurnOutcome`).
 */
export type Intent = 'greeting' | 'thanks' | 'goodbye' | 'help' | 'restart' | 'handoff' | 'contact';

/** The guided dialogs a message can ask for. */
export type GuidedDialogIntent = 'eligibility' | 'application';

/** True for the intents that start a guided dialog. */
export function isGuidedDialog(intent: BotIntent): intent is GuidedDialogIntent {
  return intent === 'eligibility' || intent === 'application';
}

/**
 * The intent recogniser for the intents file the knowledge base has loaded (`_meta/intents.yml`), built
 * once per version of the file, so an editor's change is live after the knowledge base reloads.
 */
export class IntentSource {
  private built?: { file: IntentsFile | undefined; recognizer: IntentRecognizer };

  constructor(private readonly file: () => IntentsFile | undefined) {}

  /** What the message asks the bot to do, or `undefined` for a question. */
  recognize(text: string): RecognizedIntent | undefined {
    const file = this.file();
    if (this.built?.file !== file || !this.built) this.built = { file, recognizer: IntentRecognizer.fromFile(file) };
    return this.built.recognizer.recognize(text);
  }
}

/**
 * The answer to "Soll ich dafür den Dialog beenden?": `true` (ja), `false` (nein, weiter) or `undefined`
 * when the message answers something else. The buttons' titles ("Ja, zur Beratung") count too.
 */
export function readLeaveDialogAnswer(text: string): boolean | undefined {
  const first = normalizeAnswer(text).split(' ')[0] ?? '';
  if (/^(weiter|zurueck)$/.test(first)) return false;
  return parseYesNo(first) ?? (/^(gern|gerne|bitte|ok|okay)$/.test(first) ? true : undefined);
}

/**
 * "Gibts jemanden, der uns da an die Hand nimmt?", "Wer kann uns da weiterhelfen?", "Wo kriegen wir Unterstützung?"
 * (pure): a question for someone who helps is a question for advice and support. Its words ("jemand", "an die Hand",
 * "weiterhelfen") mean little to the search, while the story around it ("noch nie gemacht", "neu als Bürgermeister")
 * leads anywhere; so the question is read with the words of advice added.
 */

import { sentencesAsWritten, withWordsAdded } from './sentences.js';

/** The words of advice added to such a question, in the articles' words. */
export const HELP_WORDS = 'Beratung, Unterstützung, Begleitung';

/** Ways to ask for a helper (umlauts or their spelled-out forms). */
const ASKS_FOR_HELPER: readonly RegExp[] = [
  // "Gibt es jemanden / eine Stelle, die …", "Hat das Land Leute, die …", "Gibts da irgendwo Hilfe …"
  /(?<!\p{L})(?:gibt(?:s|\s+es)|gäbe\s+es|gaebe\s+es|hat\s+das\s+land|haben\s+sie|kennen\s+sie)(?!\p{L})[^?.!]*(?<!\p{L})(?:jemand(?:en)?|stelle|leute|ansprechpartner\p{L}*|hilfe|unterstützung|unterstuetzung|begleitung)(?!\p{L})/iu,
  // "Wer kann uns (da / bei der Antragstellung) helfen / weiterhelfen / beraten …", "Wer hilft / unterstützt / begleitet uns?"
  /(?<!\p{L})wer\s+(?:kann|könnte|koennte|würde|wuerde)\s+(?:\p{L}+\s+){0,5}(?:helfen|weiterhelfen|unterstützen|unterstuetzen|beraten|begleiten|zur\s+seite)(?!\p{L})/iu,
  /(?<!\p{L})wer\s+(?:hilft|unterstützt|unterstuetzt|berät|beraet|begleitet)(?!\p{L})/iu,
  // "Wo kriegen wir Unterstützung?", "Wo finden wir Hilfe?"
  /(?<!\p{L})(?:wo|woher)\s+(?:kriegen|kriegt|bekommen|bekommt|finden|findet|erhalten|gibt(?:s|\s+es))(?!\p{L})[^?.!]*(?<!\p{L})(?:hilfe|unterstützung|unterstuetzung|beratung|rat)(?!\p{L})/iu,
  // "An wen können wir uns wenden?", "Wo ruf ich da am besten an?", "Bei wem melden wir uns?"
  /(?<!\p{L})an\s+wen\s+(?:\p{L}+\s+){0,3}wende[nt]?(?!\p{L})/iu,
  /(?<!\p{L})(?:wo|wen|bei\s+wem)\s+(?:ruf\p{L}*\s+(?:\p{L}+\s+){0,4}an|(?:\p{L}+\s+){0,4}(?:anrufen|melden))(?!\p{L})/iu,
  // "Kann uns jemand (dabei) helfen …" (not "Kann mir das jemand bestätigen?"), "Kommt auch mal jemand zu uns raus?"
  /(?<!\p{L})(?:kann|könnte|koennte)\s+(?:\p{L}+\s+){0,3}jemand\s+(?:\p{L}+\s+){0,2}(?:helfen|weiterhelfen|unterstützen|unterstuetzen|beraten|begleiten)(?!\p{L})/iu,
  /(?<!\p{L})(?:kommt|käme|kaeme)\s+(?:\p{L}+\s+){0,3}jemand(?!\p{L})/iu,
  // "Wir bräuchten jemanden, der uns …"
  /(?<!\p{L})jemand(?:en)?,?\s+(?:der|die)\s+(?:uns|mir|einem)(?!\p{L})/iu,
];

/**
 * `message` with `HELP_WORDS` added to its question for a helper (before its question mark, so they belong to the
 * question), or `undefined` when no sentence of it asks for one.
 *
 * @example
 * ```ts
 * asHelpQuestion('Gibts jemanden, der uns da an die Hand nimmt?');
 * // 'Gibts jemanden, der uns da an die Hand nimmt (Beratung, Unterstützung, Begleitung)?'
 * asHelpQuestion('Wie viel Geld gibt es für drei Gemeinden?'); // undefined
 * ```
 */
export function asHelpQuestion(message: string): string | undefined {
  const sentences = sentencesAsWritten(message);
  const at = sentences.findIndex((sentence) => ASKS_FOR_HELPER.some((pattern) => pattern.test(sentence)));
  if (at < 0) return undefined;
  return [...sentences.slice(0, at), withWordsAdded(sentences[at]!, HELP_WORDS), ...sentences.slice(at + 1)].join('');
}

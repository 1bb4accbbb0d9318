/**
 * "Hat jemand die Telefonnummer …?", "Weiß jemand, ob …": the way people ask a forum or a group chat (pure). The
 * "jemand" is whoever reads, so the bot; it asks for a person no more than "Haben Sie die Telefonnummer …?" does.
 */

/** A sentence that opens with a verb of having or knowing and "(hier) jemand" as its subject. */
const FORUM_ADDRESS = /(^|[.!?\n]\s*)(hat|weiß|weiss|kennt)\s+(?:hier\s+)?(?:vielleicht\s+)?jemand(?!\p{L})/giu;
const AS_POLITE: Record<string, string> = { hat: 'Haben', weiß: 'Wissen', weiss: 'Wissen', kennt: 'Kennen' };

/**
 * The text with a forum-style address ("Hat jemand …") written as the polite question it stands for ("Haben Sie …").
 *
 * @example
 * ```ts
 * asPoliteAddress('Hat jemand die Nummer vom Kompetenzzentrum?'); // 'Haben Sie die Nummer vom Kompetenzzentrum?'
 * ```
 */
export function asPoliteAddress(text: string): string {
  return text.replace(FORUM_ADDRESS, (_, start: string, verb: string) => `${start}${AS_POLITE[verb.toLowerCase()]!} Sie`);
}

/**
 * Payloads of the buttons the bot shows (sent back as the activity's `value` by `messageBack`).
 * Every channel returns them unchanged, so the bot never has to parse button titles.
 */
export type CardAction =
  | { action: 'article'; id: string }
  | { action: 'handoff' }
  | { action: 'help' }
  | { action: 'restart' };

/** Reads a button payload from an activity value; anything else (forged or foreign) is `undefined`. */
export function parseCardAction(value: unknown): CardAction | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { action, id } = value as { action?: unknown; id?: unknown };
  if (action === 'article' && typeof id === 'string' && /^[a-z0-9-]{1,100}$/.test(id)) return { action, id };
  if (action === 'handoff' || action === 'help' || action === 'restart') return { action };
  return undefined;
}

import type { KeyValueStore } from '../storage/key-value-store.js';
import type { TranscriptEntry } from './handoff-case.js';

/** The document-store collection of conversation transcripts (falls under retention). */
export const TRANSCRIPTS = 'transcripts';

/** How many transcript lines a handoff gives the advisor (the newest), and how long each may be. */
export const TRANSCRIPT_LIMITS = { entries: 60, characters: 600 } as const;

/** One stored turn: the user's message and the bot's replies, in order. */
interface TranscriptTurn {
  entries: TranscriptEntry[];
}

/**
 * The conversation so far, for the advisor who takes over a case: one small document per turn
 * (`transcripts/<conversation id>/<turn number>`), written once and never rewritten.
 *
 * Why not in the conversation state: the state is read, hashed three times, serialised and written on
 * every turn; a transcript of 60 lines there made every turn of a long conversation several times as
 * expensive, to serve the rare handoff. Here a turn costs one small insert, and only a handoff reads.
 *
 * @example
 * ```ts
 * const log = new TranscriptLog(stores.documents);
 * await log.saveTurn('conv-1', 1, [{ from: 'user', text: 'Hallo', at: new Date().toISOString() }]);
 * const lines = await log.recent('conv-1', 1); // the newest 60 lines, oldest first
 * ```
 */
export class TranscriptLog {
  constructor(
    private readonly store: KeyValueStore,
    private readonly limits: { entries: number; characters: number } = TRANSCRIPT_LIMITS,
  ) {}

  /** A transcript line, trimmed and cut to the length limit; `undefined` for empty text. */
  entry(from: TranscriptEntry['from'], text: string | undefined, at = new Date()): TranscriptEntry | undefined {
    const clean = (text ?? '').trim();
    return clean ? { from, text: clean.slice(0, this.limits.characters), at: at.toISOString() } : undefined;
  }

  /** Stores the lines of turn `turn` (1, 2, …) of a conversation; a turn without lines stores nothing. */
  async saveTurn(conversationId: string, turn: number, entries: readonly TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.store.put<TranscriptTurn>(TRANSCRIPTS, turnKey(conversationId, turn), { entries: entries.slice(-this.limits.entries) });
  }

  /**
   * The newest lines (at most the entry limit), oldest first, reading back from turn `lastTurn`.
   * Turns retention already deleted are skipped; at most as many turns are read as lines are wanted.
   */
  async recent(conversationId: string, lastTurn: number): Promise<TranscriptEntry[]> {
    const turns: TranscriptEntry[][] = [];
    let count = 0;
    const oldest = Math.max(1, lastTurn - this.limits.entries + 1);
    for (let turn = lastTurn; turn >= oldest && count < this.limits.entries; turn--) {
      const found = await this.store.get<TranscriptTurn>(TRANSCRIPTS, turnKey(conversationId, turn));
      if (!found) continue;
      turns.push(found.value.entries);
      count += found.value.entries.length;
    }
    return turns.reverse().flat().slice(-this.limits.entries);
  }

  /** Deletes turns 1 … `lastTurn` of a conversation (when the conversation itself is deleted). */
  async forget(conversationId: string, lastTurn: number): Promise<void> {
    for (let turn = 1; turn <= lastTurn; turn++) await this.store.delete(TRANSCRIPTS, turnKey(conversationId, turn));
  }
}

/** Zero-padded, so a listing of the collection sorts turns in order. */
function turnKey(conversationId: string, turn: number): string {
  return `${conversationId}/${String(turn).padStart(6, '0')}`;
}

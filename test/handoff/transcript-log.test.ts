import { describe, expect, it } from 'vitest';
import { TRANSCRIPTS, TranscriptLog } from '../../src/handoff/transcript-log.js';
import { MemoryKeyValueStore } from '../../src/storage/key-value-store.js';

const at = new Date('2026-11-25T09:00:00Z');

describe('the transcript log', () => {
  it('cuts long lines, drops empty ones and reads turns back oldest first', async () => {
    const log = new TranscriptLog(new MemoryKeyValueStore(), { entries: 5, characters: 10 });
    expect(log.entry('user', '   ')).toBeUndefined();
    expect(log.entry('user', '  Sehr lange Frage zur Förderung  ', at)).toEqual({ from: 'user', text: 'Sehr lange', at: at.toISOString() });
    for (let turn = 1; turn <= 4; turn++) {
      await log.saveTurn('c1', turn, [log.entry('user', `Frage ${turn}`, at)!, log.entry('bot', `Antwort ${turn}`, at)!]);
    }
    expect((await log.recent('c1', 4)).map((e) => e.text)).toEqual(['Antwort 2', 'Frage 3', 'Antwort 3', 'Frage 4', 'Antwort 4']);
    expect(await log.recent('other', 4)).toEqual([]);
  });

  it('skips turns retention deleted, and forget deletes every turn of the conversation', async () => {
    const store = new MemoryKeyValueStore();
    const log = new TranscriptLog(store);
    for (let turn = 1; turn <= 3; turn++) await log.saveTurn('c1', turn, [log.entry('user', `Frage ${turn}`, at)!]);
    await log.saveTurn('c2', 1, [log.entry('user', 'Andere Unterhaltung', at)!]);
    await store.delete(TRANSCRIPTS, 'c1/000002');
    expect((await log.recent('c1', 3)).map((e) => e.text)).toEqual(['Frage 1', 'Frage 3']);
    await log.forget('c1', 3);
    expect((await store.list(TRANSCRIPTS)).map((d) => d.key)).toEqual(['c2/000001']);
  });
});

import { MemoryStorage, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.js';
import { TEXT } from '../../src/bot/messages.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/logging/logger.js';
import { LocalConversation } from '../../src/cli/local-conversation.js';
import { SHIPPED_KB, knowledgeOf, seen } from '../helpers/bot-harness.js';

/** A storage that fails while `down` is set, like SQLite busy or Blob Storage answering 503. */
class FlakyStorage extends MemoryStorage {
  down = false;
  override async read(keys: string[]): Promise<StoreItems> {
    if (this.down) throw Object.assign(new Error('503 Service Unavailable'), { statusCode: 503 });
    return super.read(keys);
  }
  override async write(changes: StoreItems): Promise<void> {
    if (this.down) throw new Error('SQLITE_BUSY: database is locked');
    return super.write(changes);
  }
}

describe('a storage failing for a moment', () => {
  it.each([
    ['on reading (Blob 503)', 'read'],
    ['on writing (SQLite busy)', 'write'],
  ])('fails %s with a "bitte nochmal", and the dialog continues where it was afterwards', async (_name, when) => {
    const storage = new FlakyStorage();
    const bundle = createBot({ knowledge: await knowledgeOf(SHIPPED_KB), office: loadConfig({}).office, logger: silentLogger(), storage });
    const conversation = new LocalConversation(bundle, `flaky-${when}`);
    await conversation.say('Förder-Check');
    await conversation.say('Gemeinde');
    if (when === 'read') storage.down = true;
    else {
      // Let the read succeed, fail the save at the end of the turn.
      const write = storage.write.bind(storage);
      storage.write = async (_changes) => {
        storage.write = write;
        throw new Error('SQLITE_BUSY: database is locked');
      };
    }
    const failed = seen(await conversation.say('ja'));
    expect(failed.text).toContain(TEXT.pleaseRepeat);
    storage.down = false;
    // The stored state is still the one before the failed turn: the same question again, then onwards.
    expect(seen(await conversation.say('ja')).text).toContain('Um welche Art von Vorhaben geht es?');
  });
});

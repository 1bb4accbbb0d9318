import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.js';
import { loadConfig } from '../../src/config/config.js';
import { KnowledgeService } from '../../src/knowledge/knowledge-service.js';
import { silentLogger } from '../../src/logging/logger.js';
import { LocalConversation } from '../../src/cli/local-conversation.js';
import { SMALL_KB, seen } from '../helpers/bot-harness.js';

describe('editing intents.yml', () => {
  it('lets an editor teach the bot a new way of asking for a person, and keeps the old file when an edit is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ikz-intents-'));
    cpSync(SMALL_KB, dir, { recursive: true });
    const knowledge = await KnowledgeService.load(dir, silentLogger());
    const bundle = createBot({ knowledge, office: loadConfig({}).office, logger: silentLogger() });
    const ask = async (text: string) => seen(await new LocalConversation(bundle).say(text)).text;
    const handoff = 'Gern gebe ich Ihr Anliegen an eine Beraterin oder einen Berater';
    expect(await ask('Ich hätte gern eine Videosprechstunde')).not.toContain(handoff);

    const file = join(dir, '_meta/intents.yml');
    const shipped = readFileSync(file, 'utf8');
    writeFileSync(file, shipped.replace('      - Beratungstermin\n', '      - Beratungstermin\n      - Videosprechstunde\n'));
    await knowledge.reload(dir);
    expect(await ask('Ich hätte gern eine Videosprechstunde')).toContain(handoff);

    writeFileSync(file, 'intents:\n  handoff: [kaputt\n');
    const { rejected } = await knowledge.reload(dir);
    expect(rejected.map((p) => p.file)).toContain('_meta/intents.yml');
    expect(await ask('Ich hätte gern eine Videosprechstunde')).toContain(handoff);
  });
});

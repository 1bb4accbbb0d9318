import { describe, expect, it } from 'vitest';
import { createBot } from '../src/bot/create-bot.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logging/logger.js';
import { LocalConversation } from '../src/runtime/local-conversation.js';
import { SHIPPED_KB, knowledgeOf } from './helpers/bot-harness.js';

describe('operator logs', () => {
  it('carry no user message text or personal data at the production level (info)', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream);
    const bundle = createBot({ knowledge: await knowledgeOf(SHIPPED_KB), office: loadConfig({}).office, logger });
    const conversation = new LocalConversation(bundle, 'log-check');
    for (const text of [
      'Mein Name ist Petra Muster, petra@musterdorf.de',
      'Wie hoch ist die Hundesteuer in Musterdorf?',
      'Berater',
      'Gemeinde Musterdorf',
      'Petra Muster',
      'petra@musterdorf.de',
      'Bitte rufen Sie 06151 12345 an',
      'Ja, ich stimme zu',
    ]) {
      await conversation.say(text);
    }
    const log = lines.join('');
    for (const personal of ['Petra', 'petra@musterdorf.de', '06151 12345', 'Hundesteuer']) expect(log).not.toContain(personal);
  });
});

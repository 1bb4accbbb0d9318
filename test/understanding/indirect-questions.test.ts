import { describe, expect, it } from 'vitest';
import { SHIPPED_KB, conversationWith, seen } from '../helpers/bot-harness.js';

/** The reply to one message on the shipped knowledge base, and the outcome. */
async function ask(message: string) {
  const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
  const reply = seen(await conversation.say(message));
  return { reply, outcome: outcomes.at(-1) };
}

describe('a question asked indirectly or without "?" (letters, notes)', () => {
  it('answers the "ob" clause of a letter that has no question sentence', async () => {
    const { reply, outcome } = await ask(
      'Sehr geehrte Damen und Herren,\nin unserer Bürgermeisterrunde ging es um eine gemeinsame Bauhofstruktur. ' +
        'Dabei konnte niemand sagen, ob es für die Vorbereitung schon Geld vom Land gibt.\nMit freundlichen Grüßen',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'projektentwicklung' });
    expect(reply.text).toContain('Machbarkeitsstudie');
  });

  it('answers a question after a frame of discussion ("…, wie lange …")', async () => {
    const { reply, outcome } = await ask('Im Finanzausschuss wurde lange diskutiert, wie lange ein Zweckverband mindestens bestehen muss.');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'foerdervoraussetzungen' });
    expect(reply.text).toContain('5 Jahre');
  });

  it('answers an indirect question about the office instead of handing over', async () => {
    const { reply, outcome } = await ask('Ich soll für die Sitzung klären, ob das Kompetenzzentrum auch Vorlagen für Satzungen hat.');
    expect(outcome).toMatchObject({ outcome: 'answer' });
    expect(reply.text).not.toContain('Gern gebe ich Ihr Anliegen an eine Beraterin');
  });
});

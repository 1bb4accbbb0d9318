import { describe, expect, it } from 'vitest';
import { startWebChatServer } from '../helpers/webchat-server.js';

const CONVERSATIONS = 500;
const CONCURRENCY = 50;
const KEY = 'advisor-key-for-the-load-test-0123';

/** Runs `work` for every item with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

describe('load through the self-hosted Direct Line', () => {
  it(`${CONVERSATIONS} concurrent conversations each finish the Förder-Check with their own result, and no case is lost`, async () => {
    const t = await startWebChatServer({ ADVISOR_API_KEY: KEY });
    try {
      const expected = new Map([
        [2, '50.000 €'],
        [3, '75.000 €'],
        [4, '100.000 €'],
        [5, '100.000 €'],
      ]);
      const failures: string[] = [];
      let handoffs = 0;
      await pool([...Array(CONVERSATIONS).keys()], CONCURRENCY, async (i) => {
        const partners = 2 + (i % 4);
        const { conversationId, token } = await t.startConversation();
        const say = async (text: string) => {
          const response = await t.call('POST', `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, token, {
            type: 'message',
            from: { id: 'x' },
            text,
          });
          if (response.status !== 200) failures.push(`${i}: ${text} → ${response.status}`);
        };
        for (const text of [
          'Förder-Check',
          'Gemeinde',
          'ja',
          'Zusammenarbeit',
          String(partners),
          'IT',
          'im Wesentlichen',
          'Vertrag',
          'auf Dauer',
          '20 %',
          'noch nicht',
        ])
          await say(text);
        if (i % 10 === 0) {
          handoffs++;
          for (const text of [
            'Berater',
            'Gemeinde Musterdorf',
            `Nutzer ${String.fromCharCode(65 + (i % 26))}`,
            `n${i}@musterdorf.de`,
            'So übernehmen',
            'Ja, ich stimme zu',
          ])
            await say(text);
        }
        const log = (await (
          await t.call('GET', `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities?watermark=0`, token)
        ).json()) as {
          activities: Array<{
            type: string;
            from: { role?: string };
            text?: string;
            attachments?: unknown[];
            conversation: { id: string };
          }>;
        };
        if (log.activities.some((a) => a.conversation.id !== conversationId)) failures.push(`${i}: activity of another conversation`);
        const result = JSON.stringify(
          log.activities
            .filter((a) => a.from.role === 'bot' && a.type === 'message' && JSON.stringify(a).includes('Ergebnis des Förder-Checks'))
            .at(-1) ?? {},
        );
        if (!result.includes(`Geschätzte Förderung: ${expected.get(partners)}`) || !result.includes(`${partners} Kommunen`))
          failures.push(`${i}: wrong or missing result for ${partners} partners`);
      });
      expect(failures).toEqual([]);
      const cases = (await (await fetch(`${t.base}/api/cases?status=open`, { headers: { authorization: `Bearer ${KEY}` } })).json()) as {
        cases: Array<{ id: string; email: string }>;
      };
      expect(cases.cases.length).toBe(handoffs);
      expect(new Set(cases.cases.map((c) => c.id)).size).toBe(handoffs);
      expect(new Set(cases.cases.map((c) => c.email)).size).toBe(handoffs);
    } finally {
      await t.close();
    }
  }, 120_000);
});

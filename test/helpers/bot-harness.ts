import { fileURLToPath } from 'node:url';
import type { Activity } from 'botbuilder';
import { createBot } from '../../src/bot/create-bot.js';
import type { TurnOutcome } from '../../src/bot/ikz-bot.js';
import { loadConfig } from '../../src/config/config.js';
import { KnowledgeService } from '../../src/knowledge/knowledge-service.js';
import { silentLogger } from '../../src/logging/logger.js';
import { LocalConversation } from '../../src/cli/local-conversation.js';
import { renderReplies } from '../../src/cli/render-text.js';

export const SHIPPED_KB = fileURLToPath(new URL('../../knowledge', import.meta.url));
export const SMALL_KB = fileURLToPath(new URL('../fixtures/kb-small', import.meta.url));
export const BROKEN_KB = fileURLToPath(new URL('../fixtures/kb-broken', import.meta.url));

const services = new Map<string, Promise<KnowledgeService>>();

/** The knowledge service of a folder, loaded once per test file. */
export function knowledgeOf(dir: string): Promise<KnowledgeService> {
  if (!services.has(dir)) services.set(dir, KnowledgeService.load(dir, silentLogger()));
  return services.get(dir)!;
}

/** A fresh in-process conversation with the real bot on the given knowledge base; `now` fixes its clock. */
export async function conversationWith(dir: string, now?: () => Date) {
  const knowledge = await knowledgeOf(dir);
  const outcomes: TurnOutcome[] = [];
  const office = loadConfig({}).office;
  const bundle = createBot({ knowledge, office, logger: silentLogger(), onOutcome: (o) => outcomes.push(o), now });
  const conversation = new LocalConversation(bundle);
  return { conversation, outcomes, bundle, office };
}

/** Everything a user sees of some replies: text (cards included) and button titles. */
export function seen(replies: Partial<Activity>[]) {
  const rendered = renderReplies(replies);
  return { ...rendered, titles: rendered.buttons.map((b) => b.title), raw: replies };
}

/** A clock fixed at noon (German time) of a day, `YYYY-MM-DD`. */
export function dayClock(day: string): () => Date {
  return () => new Date(`${day}T12:00:00+01:00`);
}

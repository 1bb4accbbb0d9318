import type { BotBundle } from '../bot/create-bot.js';
import type { TurnOutcome } from '../bot/ikz-bot.js';
import { LocalConversation } from '../cli/local-conversation.js';
import { renderReplies } from '../cli/render-text.js';
import { buildReport, type EvalObservation, type EvalQuestion, type EvalReport } from './scoring.js';

/**
 * Runs every question through the bot, each in a conversation of its own, and scores the replies
 * (`npm run eval`, and the accuracy of `npm run bench`). `lastOutcome` gives the outcome the bot last
 * reported for a conversation (wire the bot's `onOutcome` to it).
 *
 * @example
 * ```ts
 * const outcomes = new Map<string, TurnOutcome>();
 * const bundle = createBot({ knowledge, office, logger, onOutcome: (o) => outcomes.set(o.conversationId, o) });
 * const report = await runEvaluation(bundle, questions, (id) => outcomes.get(id));
 * ```
 */
export async function runEvaluation(
  bundle: BotBundle,
  questions: readonly EvalQuestion[],
  lastOutcome: (conversationId: string) => TurnOutcome | undefined,
): Promise<EvalReport> {
  const items = [];
  for (const question of questions) {
    const conversationId = `eval-${question.id}`;
    const replies = await new LocalConversation(bundle, conversationId).say(question.question);
    const last = lastOutcome(conversationId);
    const observation: EvalObservation = {
      outcome: !last || last.outcome === 'smalltalk' ? 'no_answer' : last.outcome,
      articleId: last?.articleId,
      score: last?.score === undefined ? undefined : Math.round(last.score * 100) / 100,
      reply: renderReplies(replies).text,
    };
    items.push({ question, observation });
  }
  return buildReport(items);
}

import type { Activity } from 'botbuilder';
import type { BotBundle } from '../bot/create-bot.js';
import type { TurnOutcome } from '../bot/ikz-bot.js';
import { LocalConversation } from '../cli/local-conversation.js';
import { renderReplies } from '../cli/render-text.js';
import {
  buildIntentReport,
  buildReport,
  type EvalIntent,
  type EvalObservation,
  type EvalQuestion,
  type EvalReport,
  type IntentObservation,
  type IntentReport,
} from './scoring.js';

/**
 * Runs every question through the bot, each in a conversation of its own (its `context` messages
 * first), and scores the reply to the question (`npm run eval`, and the accuracy of `npm run bench`).
 * `lastOutcome` gives the outcome the bot last reported for a conversation (wire the bot's `onOutcome` to it).
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
    const replies = await converse(bundle, conversationId, question.context, question.question);
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

/**
 * Runs every message of an intent set through the bot, each in a conversation of its own (its `context`
 * first), and scores what the bot did with it: the dialog it started, the dialog it offered first, the
 * small talk it answered, or an answer.
 */
export async function runIntentEvaluation(
  bundle: BotBundle,
  items: readonly EvalIntent[],
  lastOutcome: (conversationId: string) => TurnOutcome | undefined,
): Promise<IntentReport> {
  const observed = [];
  for (const item of items) {
    const conversationId = `eval-${item.id}`;
    const replies = await converse(bundle, conversationId, item.context, item.text);
    const last = lastOutcome(conversationId);
    const first = renderReplies(replies).buttons[0]?.press.value as { action?: string; dialog?: string } | undefined;
    const offered =
      first?.action === 'start' && (first.dialog === 'eligibility' || first.dialog === 'application') ? first.dialog : undefined;
    const observation: IntentObservation = {
      outcome: last?.outcome ?? 'no_answer',
      ...(last?.dialog && { dialog: last.dialog }),
      ...(last?.intent && { smalltalk: last.intent }),
      ...(offered && { offered }),
    };
    observed.push({ item, observation });
  }
  return buildIntentReport(observed);
}

/** One conversation: the context messages, then the message whose replies count. */
async function converse(
  bundle: BotBundle,
  conversationId: string,
  context: readonly string[] = [],
  message: string,
): Promise<Partial<Activity>[]> {
  const conversation = new LocalConversation(bundle, conversationId);
  for (const earlier of context) await conversation.say(earlier);
  return conversation.say(message);
}

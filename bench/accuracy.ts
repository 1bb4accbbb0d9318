import type { TurnOutcome } from '../src/bot/ikz-bot.js';
import { answerReply, noAnswerReply } from '../src/bot/replies.js';
import { createBot } from '../src/bot/create-bot.js';
import { loadConfig } from '../src/config/config.js';
import { buildReport, type EvalObservation, type EvalQuestion } from '../src/evaluation/scoring.js';
import type { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import { silentLogger } from '../src/logging/logger.js';
import { LocalConversation } from '../src/runtime/local-conversation.js';
import { renderReplies } from '../src/runtime/render-text.js';
import type { BaselineSearch } from './baseline.js';

/** Accuracy and pass counts of one question set, as `npm run eval` scores it. */
export interface AccuracyFigures {
  accuracy: number;
  passed: number;
  total: number;
}

/**
 * Eval accuracy of the real pipeline: every question goes through the real bot in its own conversation,
 * exactly as `npm run eval` does it (same observation, same `passes`/`buildReport` scoring).
 */
export async function botAccuracy(knowledge: KnowledgeService, questions: readonly EvalQuestion[]): Promise<AccuracyFigures> {
  const outcomes = new Map<string, TurnOutcome>();
  const bundle = createBot({ knowledge, office: loadConfig({}).office, logger: silentLogger(), onOutcome: (o) => outcomes.set(o.conversationId, o) });
  const items = [];
  for (const question of questions) {
    const conversationId = `eval-${question.id}`;
    const replies = await new LocalConversation(bundle, conversationId).say(question.question);
    const last = outcomes.get(conversationId);
    const observation: EvalObservation = {
      outcome: !last || last.outcome === 'smalltalk' ? 'no_answer' : last.outcome,
      articleId: last?.articleId,
      reply: renderReplies(replies).text,
    };
    items.push({ question, observation });
  }
  return figures(buildReport(items));
}

/** Eval accuracy of the baseline: its top hit rendered as the bot renders an answer, or the no-answer reply. */
export function baselineAccuracy(baseline: BaselineSearch, questions: readonly EvalQuestion[], lookup: KnowledgeService): AccuracyFigures {
  const items = questions.map((question) => {
    const decision = baseline.decide(question.question);
    const observation: EvalObservation =
      decision.outcome === 'answer'
        ? { outcome: 'answer', articleId: decision.article.id, reply: renderReplies([answerReply(decision.article, decision.sections, (id) => lookup.article(id))]).text }
        : { outcome: 'no_answer', reply: renderReplies([noAnswerReply('not_covered')]).text };
    return { question, observation };
  });
  return figures(buildReport(items));
}

function figures(report: ReturnType<typeof buildReport>): AccuracyFigures {
  return { accuracy: report.accuracy, passed: report.passed, total: report.total };
}

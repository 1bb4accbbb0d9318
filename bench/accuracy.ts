import type { TurnOutcome } from '../src/bot/ikz-bot.js';
import { answerReply, noAnswerReply } from '../src/bot/replies.js';
import { createBot } from '../src/bot/create-bot.js';
import { loadConfig } from '../src/config/config.js';
import { runEvaluation } from '../src/evaluation/run-evaluation.js';
import { buildReport, type EvalObservation, type EvalQuestion, type EvalReport } from '../src/evaluation/scoring.js';
import type { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import { silentLogger } from '../src/logging/logger.js';
import { renderReplies } from '../src/runtime/render-text.js';
import type { BaselineSearch } from './baseline.js';

/** Accuracy and pass counts of one question set, as `npm run eval` scores it. */
export interface AccuracyFigures {
  accuracy: number;
  passed: number;
  total: number;
}

/** Eval accuracy of the real pipeline: every question through the real bot, exactly as `npm run eval` runs it. */
export async function botAccuracy(knowledge: KnowledgeService, questions: readonly EvalQuestion[]): Promise<AccuracyFigures> {
  const outcomes = new Map<string, TurnOutcome>();
  const bundle = createBot({
    knowledge,
    office: loadConfig({}).office,
    logger: silentLogger(),
    onOutcome: (o) => outcomes.set(o.conversationId, o),
  });
  return figures(await runEvaluation(bundle, questions, (id) => outcomes.get(id)));
}

/** Eval accuracy of the baseline: its top hit rendered as the bot renders an answer, or the no-answer reply. */
export function baselineAccuracy(baseline: BaselineSearch, questions: readonly EvalQuestion[], lookup: KnowledgeService): AccuracyFigures {
  const items = questions.map((question) => {
    const decision = baseline.decide(question.question);
    const observation: EvalObservation =
      decision.outcome === 'answer'
        ? {
            outcome: 'answer',
            articleId: decision.article.id,
            reply: renderReplies([answerReply(decision.article, decision.sections, (id) => lookup.article(id))]).text,
          }
        : { outcome: 'no_answer', reply: renderReplies([noAnswerReply('not_covered')]).text };
    return { question, observation };
  });
  return figures(buildReport(items));
}

function figures(report: EvalReport): AccuracyFigures {
  return { accuracy: report.accuracy, passed: report.passed, total: report.total };
}

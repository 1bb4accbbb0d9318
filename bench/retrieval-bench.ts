import type { EvalQuestion } from '../src/evaluation/scoring.js';
import { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';
import { baselineAccuracy, botAccuracy, type AccuracyFigures } from './accuracy.js';
import { BaselineSearch } from './baseline.js';
import { collectGarbage } from './gc.js';
import { measureRetrieval, type RetrievalFigures } from './retrieval.js';

/** The `retrieval` part of the report. */
export interface RetrievalReport {
  shipped: RetrievalFigures & { articles: number };
  synthetic10k: RetrievalFigures & { articles: number };
  baseline: RetrievalFigures & { accuracy: number; passed: number; total: number; synthetic10k: RetrievalFigures };
  /** Eval accuracy of the real pipeline on the shipped knowledge base. */
  accuracy: number;
  passed: number;
  total: number;
}

/**
 * Speed of the full answer decision (`KnowledgeService.answer`: analyser, MiniSearch, confidence) on the
 * shipped and the synthetic knowledge base, the same for the plain-MiniSearch baseline, and the eval
 * accuracy of both on the shipped one.
 */
export async function benchRetrieval(shipped: KnowledgeBase, synthetic: KnowledgeBase, questions: readonly EvalQuestion[]): Promise<RetrievalReport> {
  const texts = questions.map((q) => q.question);
  const answer = (service: KnowledgeService, question: string) => service.answer(question);
  const decide = (baseline: BaselineSearch, question: string) => baseline.decide(question);

  const { index: service, ...shippedFigures } = measureRetrieval(() => KnowledgeService.fromKnowledgeBase(shipped), answer, texts);
  const { index: baseline, ...baselineFigures } = measureRetrieval(() => BaselineSearch.build(shipped.articles), decide, texts);
  const real: AccuracyFigures = await botAccuracy(service, questions);
  const base: AccuracyFigures = baselineAccuracy(baseline, questions, service);

  collectGarbage();
  const syntheticFigures = figuresOnly(measureRetrieval(() => KnowledgeService.fromKnowledgeBase(synthetic), answer, texts));
  collectGarbage();
  // Plain MiniSearch matches every stop word in thousands of articles here: one pass is all it needs.
  const baselineSyntheticFigures = figuresOnly(measureRetrieval(() => BaselineSearch.build(synthetic.articles), decide, texts, { singlePass: true }));

  return {
    shipped: { ...shippedFigures, articles: shipped.articles.length },
    synthetic10k: { ...syntheticFigures, articles: synthetic.articles.length },
    baseline: { ...baselineFigures, ...base, synthetic10k: baselineSyntheticFigures },
    ...real,
  };
}

/** The figures without the index, so a large index can be collected. */
function figuresOnly<T>({ index, ...figures }: RetrievalFigures & { index: T }): RetrievalFigures {
  void index;
  return figures;
}

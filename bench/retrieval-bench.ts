import type { EvalQuestion } from '../src/evaluation/scoring.js';
import { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';
import { baselineAccuracy, botAccuracy, type AccuracyFigures } from './accuracy.js';
import { BaselineSearch } from './baseline.js';
import { collectGarbage } from './gc.js';
import { measureRetrieval, type RetrievalFigures } from './retrieval.js';
import { syntheticKnowledgeBase } from './synthetic-kb.js';

/** The `retrieval` part of the report. */
export interface RetrievalReport {
  shipped: RetrievalFigures & { articles: number };
  synthetic2k: RetrievalFigures & { articles: number };
  /** Information only (no target): the same on a much larger synthetic base; absent with `--large 0`. */
  synthetic10k?: RetrievalFigures & { articles: number };
  baseline: RetrievalFigures & AccuracyFigures & { synthetic2k: RetrievalFigures };
  /** Eval accuracy of the real pipeline on the shipped knowledge base. */
  accuracy: number;
  passed: number;
  total: number;
}

/**
 * Speed of the full answer decision (`KnowledgeService.answer`: analyser, MiniSearch, confidence) on the
 * shipped knowledge base and on synthetic ones of `syntheticArticles` and `largeArticles` articles, each
 * indexed here; the same for the plain-MiniSearch baseline; and the eval accuracy of both on the shipped one.
 */
export async function benchRetrieval(
  shipped: KnowledgeBase,
  questions: readonly EvalQuestion[],
  sizes: { syntheticArticles: number; largeArticles: number },
): Promise<RetrievalReport> {
  const texts = questions.map((q) => q.question);
  const answer = (service: KnowledgeService, question: string) => service.answer(question);
  const decide = (baseline: BaselineSearch, question: string) => baseline.decide(question);
  const onSynthetic = (articles: number) => {
    const kb = syntheticKnowledgeBase(shipped, articles);
    const figures = withoutIndex(measureRetrieval(() => KnowledgeService.fromKnowledgeBase(kb), answer, texts));
    return { figures: { ...figures, articles: kb.articles.length }, articles: kb.articles };
  };

  const { index: service, ...shippedFigures } = measureRetrieval(() => KnowledgeService.fromKnowledgeBase(shipped), answer, texts);
  const { index: baseline, ...baselineFigures } = measureRetrieval(() => BaselineSearch.build(shipped.articles), decide, texts);
  const real = await botAccuracy(service, questions);
  const base = baselineAccuracy(baseline, questions, service);
  collectGarbage();
  const synthetic = onSynthetic(sizes.syntheticArticles);
  // Plain MiniSearch matches every stop word in most articles here: one pass is all it needs.
  const baselineSynthetic = withoutIndex(
    measureRetrieval(() => BaselineSearch.build(synthetic.articles), decide, texts, { singlePass: true }),
  );
  collectGarbage();
  const large = sizes.largeArticles > 0 ? onSynthetic(sizes.largeArticles).figures : undefined;
  return {
    shipped: { ...shippedFigures, articles: shipped.articles.length },
    synthetic2k: synthetic.figures,
    ...(large ? { synthetic10k: large } : {}),
    baseline: { ...baselineFigures, ...base, synthetic2k: baselineSynthetic },
    ...real,
  };
}

/** The figures without the index, so that a large index can be collected. */
function withoutIndex<T>({ index, ...figures }: RetrievalFigures & { index: T }): RetrievalFigures {
  void index;
  return figures;
}

import type { EvalQuestion } from '../src/evaluation/scoring.js';
import { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';
import { baselineAccuracy, botAccuracy, type AccuracyFigures } from './accuracy.js';
import { BaselineSearch } from './baseline.js';
import { collectGarbage, heapUsedAfterGc, toMb } from './gc.js';
import { silentLogger } from '../src/logging/logger.js';
import { round } from './stats.js';
import { measureBuilt, measureRetrieval, type RetrievalFigures } from './retrieval.js';

/** The `retrieval` part of the report. */
export interface RetrievalReport {
  shipped: RetrievalFigures & { articles: number };
  /** `buildMs`: indexing by the builder process (the server's first start); `restoreMs`: restoring its snapshot here. */
  synthetic10k: RetrievalFigures & { articles: number; restoreMs: number };
  baseline: RetrievalFigures & { accuracy: number; passed: number; total: number; synthetic10k: RetrievalFigures };
  /** Eval accuracy of the real pipeline on the shipped knowledge base. */
  accuracy: number;
  passed: number;
  total: number;
}

/**
 * Speed of the full answer decision (`KnowledgeService.answer`: analyser, MiniSearch, confidence) on the
 * shipped and the synthetic knowledge base, the same for the plain-MiniSearch baseline, and the eval
 * accuracy of both on the shipped one. The shipped base is indexed here; the synthetic one is restored from
 * the snapshot its server's first start saved in `syntheticCacheDir` (bit-identical to a fresh index), with
 * that start's indexing time as `buildMs`.
 */
export async function benchRetrieval(
  shipped: KnowledgeBase,
  synthetic: { dir: string; cacheDir: string; buildMs: number },
  questions: readonly EvalQuestion[],
): Promise<RetrievalReport> {
  const texts = questions.map((q) => q.question);
  const answer = (service: KnowledgeService, question: string) => service.answer(question);
  const decide = (baseline: BaselineSearch, question: string) => baseline.decide(question);

  const { index: service, ...shippedFigures } = measureRetrieval(() => KnowledgeService.fromKnowledgeBase(shipped), answer, texts);
  const { index: baseline, ...baselineFigures } = measureRetrieval(() => BaselineSearch.build(shipped.articles), decide, texts);
  const real: AccuracyFigures = await botAccuracy(service, questions);
  const base: AccuracyFigures = baselineAccuracy(baseline, questions, service);

  const heapBefore = heapUsedAfterGc();
  const restoreStarted = performance.now();
  const restored = await KnowledgeService.load(synthetic.dir, silentLogger(), { cacheDir: synthetic.cacheDir, buildInChild: false });
  const restoreMs = round(performance.now() - restoreStarted, 0);
  const heapMb = toMb(heapUsedAfterGc() - heapBefore);
  const articles = restored.articles;
  const syntheticFigures = figuresOnly(measureBuilt(restored, answer, texts, { buildMs: synthetic.buildMs, heapMb }));
  collectGarbage();
  // Plain MiniSearch matches every stop word in thousands of articles here: one pass is all it needs.
  const baselineSyntheticFigures = figuresOnly(measureRetrieval(() => BaselineSearch.build(articles), decide, texts, { singlePass: true }));

  return {
    shipped: { ...shippedFigures, articles: shipped.articles.length },
    synthetic10k: { ...syntheticFigures, articles: articles.length, restoreMs },
    baseline: { ...baselineFigures, ...base, synthetic10k: baselineSyntheticFigures },
    ...real,
  };
}

/** The figures without the index, so a large index can be collected. */
function figuresOnly<T>({ index, ...figures }: RetrievalFigures & { index: T }): RetrievalFigures {
  void index;
  return figures;
}

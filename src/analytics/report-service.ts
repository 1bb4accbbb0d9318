import type { KnowledgeService } from '../knowledge/knowledge-service.js';
import type { AnalyticsRecorder } from './analytics-events.js';
import { buildEditorialReport, reportMarkdown, type EditorialReport } from './editorial-report.js';
import { answerRateChart } from './report-chart.js';

/** The report period: `from` inclusive, `to` exclusive (dates `YYYY-MM-DD`); the last 30 days by default. */
export function reportPeriod(from?: string, to?: string, now = new Date()): { from: Date; to: Date } {
  const day = (text: string, name: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)))
      throw new RangeError(`${name} must be a date as YYYY-MM-DD (got "${text}")`);
    return new Date(`${text}T00:00:00Z`);
  };
  const end = to ? day(to, 'to') : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const start = from ? day(from, 'from') : new Date(end.getTime() - 30 * 24 * 60 * 60 * 1000);
  if (start >= end) throw new RangeError('from must be before to');
  return { from: start, to: end };
}

/** Builds the editorial report for a period from the recorded events and the current knowledge base. */
export async function createEditorialReport(
  analytics: AnalyticsRecorder,
  knowledge: KnowledgeService,
  period: { from: Date; to: Date },
  maxAgeDays: number,
): Promise<{ report: EditorialReport; markdown: (chartFile?: string) => string; chartSvg: () => Promise<string> }> {
  const events = await analytics.between(period.from, period.to);
  const report = buildEditorialReport(events, knowledge.articles, { ...period, maxAgeDays, termsOf: (text) => knowledge.terms(text) });
  return { report, markdown: (chartFile) => reportMarkdown(report, chartFile), chartSvg: () => answerRateChart(report) };
}

import type { TopLevelSpec } from 'vega-lite';
import type { EditorialReport } from './editorial-report.js';

/**
 * A small SVG chart of the answer rates per week (answered / clarified / not answered, stacked), drawn by
 * Vega-Lite — no canvas, no network.
 */
export async function answerRateChart(report: EditorialReport): Promise<string> {
  // Vega and Vega-Lite are several MB of code that only the chart needs: loaded on first use, not at start-up.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const labels = { answer: 'beantwortet', clarify: 'Rückfrage', no_answer: 'keine Antwort' } as const;
  const values = report.weekly.flatMap((w) =>
    (Object.keys(labels) as Array<keyof typeof labels>).map((k) => ({ Woche: w.week, Ergebnis: labels[k], Anteil: w[k] })),
  );
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Antwortquoten pro Woche',
    width: 360,
    height: 160,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'Woche', type: 'ordinal' },
      y: { field: 'Anteil', type: 'quantitative', stack: 'normalize', axis: { format: '%' } },
      color: { field: 'Ergebnis', type: 'nominal', scale: { domain: Object.values(labels), range: ['#2e7d32', '#f9a825', '#c62828'] } },
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}

// `npm run report [-- --from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--out DIR]`: the editorial report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalyticsRecorder } from '../analytics/analytics-events.js';
import { createEditorialReport, reportPeriod } from '../analytics/report-service.js';
import { loadConfig, loadDotEnv } from '../config/config.js';
import { KnowledgeService } from '../knowledge/knowledge-service.js';
import { createLogger } from '../logging/logger.js';
import { createStores } from '../storage/create-stores.js';
import { runCli } from './bootstrap.js';

const CHART_FILE = 'antwortquoten.svg';

runCli(async () => {
  loadDotEnv();
  const config = loadConfig(process.env);
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const period = reportPeriod(value('--from'), value('--to'));
  const logger = createLogger('warn', process.stderr);
  const stores = await createStores(config.storage);
  try {
    const knowledge = await KnowledgeService.load(config.knowledgeDir, logger);
    const result = await createEditorialReport(new AnalyticsRecorder(stores.documents, logger), knowledge, period, config.kbMaxAgeDays);
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(result.report)}\n`);
      return 0;
    }
    const out = value('--out') ?? join(config.storage.dataDir, 'reports', `${result.report.period.from}_${result.report.period.to}`);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, CHART_FILE), await result.chartSvg());
    const markdown = result.markdown(CHART_FILE);
    writeFileSync(join(out, 'bericht.md'), markdown);
    process.stdout.write(`${markdown}\n(Bericht und Diagramm gespeichert in ${out})\n`);
    return 0;
  } finally {
    await stores.close();
  }
});

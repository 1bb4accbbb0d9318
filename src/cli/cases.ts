// `npm run cases [-- --status open|claimed|closed|all]`: lists handoff cases from the configured storage.
import { singleLine } from '../shared/safe-text.js';
import { loadConfig, loadDotEnv } from '../config/config.js';
import { CaseService } from '../handoff/case-service.js';
import type { CaseStatus } from '../handoff/handoff-case.js';
import { createStores } from '../storage/create-stores.js';
import { runCli } from './bootstrap.js';

runCli(async () => {
  loadDotEnv();
  const config = loadConfig(process.env);
  const flag = process.argv.indexOf('--status');
  const status = flag >= 0 ? process.argv[flag + 1] : 'open';
  if (!status || !['open', 'claimed', 'closed', 'all'].includes(status)) {
    process.stderr.write('Usage: npm run cases -- [--status open|claimed|closed|all]\n');
    return 64;
  }
  const stores = await createStores(config.storage);
  try {
    const cases = await new CaseService(stores.documents).list(status === 'all' ? undefined : (status as CaseStatus));
    if (cases.length === 0) {
      process.stdout.write(`No ${status === 'all' ? '' : `${status} `}cases.\n`);
      return 0;
    }
    for (const c of cases) {
      // User text on one line without control characters: no escape sequences reach the terminal.
      const contact = singleLine([c.email, c.phone].filter(Boolean).join(', '));
      const concern = singleLine(c.concern);
      process.stdout.write(
        `${c.id}  ${c.status.padEnd(7)}  ${c.createdAt.slice(0, 16).replace('T', ' ')}  ${singleLine(c.municipality)} – ${singleLine(c.name)} (${contact})\n` +
          `    ${concern.length > 150 ? `${concern.slice(0, 147)}…` : concern}\n`,
      );
    }
    process.stdout.write(`${cases.length} case(s).\n`);
    return 0;
  } finally {
    await stores.close();
  }
});

import type { Logger } from '../logging/logger.js';
import { watchDirectories } from '../shared/directory-watcher.js';
import type { KnowledgeService } from './knowledge-service.js';

/** Quiet time after the last change before reloading (editors save in bursts). */
const DEFAULT_RELOAD_DELAY_MS = 300;

/**
 * Watches the knowledge folder and reloads the knowledge service a moment after files change, so editors
 * see the bot answer the new way without a restart. A broken edit is rejected (the previous version stays
 * live) and logged with the file and the reason.
 */
export function watchKnowledge(
  dir: string,
  knowledge: KnowledgeService,
  logger: Logger,
  options: { delayMs?: number; onReload?: (result: Awaited<ReturnType<KnowledgeService['reload']>>) => void } = {},
): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const reload = () => {
    running = running.then(async () => {
      try {
        const result = await knowledge.reload(dir);
        for (const problem of result.rejected) {
          logger.error(
            { file: problem.file, reason: problem.reason },
            `Knowledge edit rejected, previous version stays live: ${problem.file}: ${problem.reason}`,
          );
        }
        logger.info({ articles: result.articles, rejected: result.rejected.length }, 'Knowledge base reloaded');
        options.onReload?.(result);
      } catch (error) {
        logger.error({ err: error }, 'Knowledge reload failed; the previous knowledge base stays live');
      }
    });
  };
  let watcher: { close(): void };
  try {
    watcher = watchDirectories(
      dir,
      (file) => {
        // Articles, analyser data, and folders (a folder moved in brings its articles without file events).
        const name = file.split('/').pop() ?? '';
        if (name.includes('.') && !/\.(md|ya?ml)$/i.test(name)) return;
        clearTimeout(timer);
        timer = setTimeout(reload, options.delayMs ?? DEFAULT_RELOAD_DELAY_MS);
      },
      (error) => logger.warn({ err: error }, 'Knowledge watcher error'),
    );
  } catch (error) {
    logger.warn({ err: error, dir }, 'Cannot watch the knowledge folder; edits need a restart');
    return { close: () => {} };
  }
  return {
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

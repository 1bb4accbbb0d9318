// Child process of `buildSnapshotInChild`: `snapshot-builder-main <knowledge dir> <cache dir>`. Reports the
// result to the parent over IPC and exits; errors go to stderr (the parent logs them) with exit code 1.
import { buildSnapshot } from './snapshot-builder.js';

const [knowledgeDir, cacheDir] = process.argv.slice(2);
if (!knowledgeDir || !cacheDir) {
  process.stderr.write('usage: snapshot-builder-main <knowledge dir> <cache dir>\n');
  process.exit(2);
}
buildSnapshot(knowledgeDir, cacheDir).then(
  (built) => {
    if (process.send) process.send(built, () => process.exit(0));
    else {
      process.stdout.write(`${JSON.stringify(built)}\n`);
      process.exit(0);
    }
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A dev dependency: used by the tests and `npm run playground`, never by the running bot.
const BIN = fileURLToPath(new URL('../../../node_modules/.bin/agentsplayground', import.meta.url));

/** A running Microsoft 365 Agents Playground (a Teams-like client) connected to a local bot. */
export interface Playground {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the Agents Playground against `endpoint` in a scratch folder (it writes `devTools/` there),
 * without telemetry (and without opening a browser unless asked), and waits until it serves its UI.
 */
export async function startPlayground(endpoint: string, port = 0, options: { openBrowser?: boolean } = {}): Promise<Playground> {
  const cwd = await mkdtemp(join(tmpdir(), 'ikz-playground-'));
  const wanted = port || 20000 + Math.floor(Math.random() * 20000);
  const child: ChildProcess = spawn(BIN, ['-e', endpoint, '-c', 'msteams', '--dt', '-p', String(wanted)], {
    cwd,
    env: options.openBrowser ? process.env : { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const actualPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Agents Playground did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // It silently moves to another port when the wanted one is taken, so read where it listens.
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Agents Playground exited with ${code}: ${output}`)));
  });
  const url = `http://127.0.0.1:${actualPort}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${url}/_debug/ping`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      await rm(cwd, { recursive: true, force: true });
    },
  };
}

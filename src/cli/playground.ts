// `npm run playground`: starts the bot and the Microsoft 365 Agents Playground (a Teams-like client) for
// trying the bot by hand, offline. Ctrl+C stops both.
import { startPlayground } from './agents-playground.js';
import { loadConfig, loadDotEnv } from '../config/config.js';
import { createLogger } from '../logging/logger.js';
import { startServer } from '../server.js';
import { runCli } from './bootstrap.js';

runCli(async () => {
  loadDotEnv();
  const config = loadConfig({ ...process.env, MicrosoftAppId: '', MicrosoftAppPassword: '' });
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
  const server = await startServer(config, logger);
  await server.ready;
  const endpoint = `http://127.0.0.1:${server.port}/api/messages`;
  const playground = await startPlayground(endpoint, 56150, { openBrowser: true });
  process.stdout.write(`Bot: ${endpoint}\nAgents Playground (Teams-like client): ${playground.url}\nCtrl+C stops both.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await playground.stop();
  await server.close();
});

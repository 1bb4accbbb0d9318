// `npm run ask -- "Frage"`: prints the bot's reply to one question.
import { LocalConversation } from '../runtime/local-conversation.js';
import { formatForTerminal, renderReplies } from '../runtime/render-text.js';
import { bootstrapCli, runCli } from './bootstrap.js';

runCli(async () => {
  const question = process.argv.slice(2).join(' ').trim();
  if (!question) {
    process.stderr.write('Usage: npm run ask -- "Ihre Frage"\n');
    return 64;
  }
  const { bundle } = await bootstrapCli();
  const replies = await new LocalConversation(bundle).say(question);
  process.stdout.write(`${formatForTerminal(renderReplies(replies))}\n`);
});

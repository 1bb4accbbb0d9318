// `npm run ask -- [--explain] [--at YYYY-MM-DD] "Frage"`: prints the bot's reply to one question.
import { LocalConversation } from './local-conversation.js';
import { formatForTerminal, renderReplies } from './render-text.js';
import { bootstrapCli, clockOption, runCli } from './bootstrap.js';

runCli(async () => {
  const { now, rest: args } = clockOption(process.argv.slice(2));
  const explain = args.includes('--explain');
  const question = args
    .filter((a) => a !== '--explain')
    .join(' ')
    .trim();
  if (!question) {
    process.stderr.write('Usage: npm run ask -- [--explain] [--at YYYY-MM-DD] "Ihre Frage"\n');
    return 64;
  }
  const { bundle, knowledge } = await bootstrapCli(undefined, now);
  if (explain) {
    const { words, decision } = knowledge.explain(question);
    for (const w of words) process.stdout.write(`word ${w.text}: idf ${w.idf}${w.known ? '' : ' (unknown)'} → ${w.terms.join(', ')}\n`);
    const candidates =
      decision.outcome === 'answer' || decision.outcome === 'clarify' || decision.outcome === 'no_answer' ? decision.candidates : [];
    process.stdout.write(`outcome: ${decision.outcome}\n`);
    for (const c of candidates.slice(0, 5)) {
      process.stdout.write(`  ${c.article.id}: score ${c.score.toFixed(2)}, coverage ${c.coverage.toFixed(2)}\n`);
    }
    process.stdout.write('\n');
  }
  const replies = await new LocalConversation(bundle).say(question);
  process.stdout.write(`${formatForTerminal(renderReplies(replies))}\n`);
});

// `npm run chat [-- --at YYYY-MM-DD]`: a conversation with the bot in the terminal. One line in, the replies
// out; a number presses the button with that number. Works with piped standard input (one user turn per
// line). `--at` sets the bot's clock to that day (the programme's validity notice as on that day).
import { createInterface } from 'node:readline';
import { LocalConversation } from './local-conversation.js';
import { formatForTerminal, renderReplies, type RenderedButton } from './render-text.js';
import { bootstrapCli, clockOption, runCli } from './bootstrap.js';

runCli(async () => {
  const { now } = clockOption(process.argv.slice(2));
  const { bundle } = await bootstrapCli(undefined, now);
  const conversation = new LocalConversation(bundle);
  let buttons: RenderedButton[] = [];
  const show = (replies: Awaited<ReturnType<LocalConversation['say']>>) => {
    const rendered = renderReplies(replies);
    buttons = rendered.buttons;
    process.stdout.write(`${formatForTerminal(rendered)}\n> `);
  };
  show(await conversation.start());

  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      process.stdout.write('> ');
      continue;
    }
    if (/^(exit|quit|\/exit|\/quit)$/i.test(line)) break;
    if (!process.stdin.isTTY) process.stdout.write(`${line}\n`);
    const pressed = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
    show(pressed ? await conversation.send(pressed.press) : await conversation.say(line));
  }
  process.stdout.write('\n');
});

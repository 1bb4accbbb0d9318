import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../src/config/config.js';
import { createApp } from '../src/http/create-app.js';
import { silentLogger } from '../src/logging/logger.js';
import { botAuthenticationOptions } from '../src/server.js';
import { createStores } from '../src/storage/create-stores.js';

/**
 * The framework floor: the smallest bot on the same stack as the real one — the same restify app
 * (`createApp`), the same `CloudAdapter` and authentication, the same storage backend — that echoes the
 * text and, like the real bot, reads and saves its conversation state every turn.
 */
class EchoBot extends ActivityHandler {
  private readonly turns: StatePropertyAccessor<{ count: number }>;

  constructor(private readonly conversationState: ConversationState) {
    super();
    this.turns = conversationState.createProperty('echoTurns');
    this.onMessage(async (context, next) => {
      const state = await this.turns.get(context, { count: 0 });
      state.count += 1;
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

/** A running echo server. */
export interface EchoServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the echo bot on a free port with the storage of `config` (e.g. SQLite under its DATA_DIR). */
export async function startEchoServer(config: AppConfig): Promise<EchoServer> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(botAuthenticationOptions(config)));
  const stores = await createStores(config.storage);
  const bot = new EchoBot(new ConversationState(stores.botState));
  const server = createApp({ adapter, runTurn: (context) => bot.run(context), readiness: () => ({ ready: true }), logger: silentLogger() });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: server.address().port,
    close: async () => {
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      server.server.closeAllConnections();
      await closed;
      await stores.close();
    },
  };
}

import { DirectLine, ConnectionStatus, type Activity, type Message } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAjax } from '../helpers/directline-ajax.js';
import { eventually, startWebChatServer, type WebChatTestServer } from '../helpers/webchat-server.js';

/** botframework-directlinejs, the client inside Web Chat, against the bot's own Direct Line API in Node. */
describe('botframework-directlinejs against the self-hosted Direct Line', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer();
  });
  afterAll(() => t?.close());

  const converse = async (webSocket: boolean) => {
    const { token } = await t.newToken();
    const client = new DirectLine({
      domain: `${t.base}/v3/directline`,
      token,
      webSocket,
      pollingInterval: 200,
      ajax: fetchAjax(),
      WebSocket,
    } as unknown as ConstructorParameters<typeof DirectLine>[0]);
    expect((client as unknown as { webSocket: boolean }).webSocket).toBe(webSocket);
    const received: Activity[] = [];
    const subscription = client.activity$.subscribe((activity) => received.push(activity));
    const bot = () => received.filter((a): a is Message => a.type === 'message' && a.from.role === 'bot');

    await eventually(() => bot().find((a) => /Guten Tag/.test(a.text ?? '')), 5000);
    expect(client.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);
    const id = await new Promise<string>((resolve, reject) =>
      client
        .postActivity({
          type: 'message',
          from: { id: 'wird-ersetzt', role: 'user' },
          text: 'Wie viel Förderung gibt es für drei Gemeinden?',
          channelData: { clientActivityID: 'js-1' },
        })
        .subscribe(resolve, reject),
    );
    const answer = await eventually(() => bot().find((a) => /Quelle:/.test(a.text ?? '')), 5000);
    expect((answer as Message & { replyToId?: string }).replyToId).toBe(id);
    expect(received.find((a) => a.id === id)?.channelData).toMatchObject({ clientActivityID: 'js-1' });
    subscription.unsubscribe();
    client.end();
  };

  it('converses with polling (webSocket: false)', () => converse(false));

  it('converses over the WebSocket stream', async () => {
    // The library only uses WebSockets where a global WebSocket exists (browsers; Node 22).
    const global = globalThis as { WebSocket?: unknown };
    const before = global.WebSocket;
    global.WebSocket = WebSocket;
    try {
      await converse(true);
    } finally {
      global.WebSocket = before;
    }
  });
});

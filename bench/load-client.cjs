'use strict';
// autocannon `setupClient` hook (runs inside autocannon's worker thread; CommonJS because autocannon
// `require`s it). One conversation per connection; before every request the activity gets a new id that
// carries the send time: `<conversation>.<sequence>.<epoch ms>`. Settings come from IKZ_BENCH_LOAD.
const { threadId } = require('node:worker_threads');

const settings = JSON.parse(process.env.IKZ_BENCH_LOAD || '{}');
let connections = 0;

module.exports = function setupClient(client) {
  const base = `bench-${settings.run}-${threadId}-${++connections}`;
  const offset = connections * 7;
  let sequence = 0;
  client.on('request', () => {
    sequence += 1;
    // With turnsPerConversation, the connection starts a new conversation every so many turns.
    const conversation = settings.turnsPerConversation ? `${base}-${Math.floor((sequence - 1) / settings.turnsPerConversation)}` : base;
    const sentAt = (performance.timeOrigin + performance.now()).toFixed(3);
    const text = settings.texts[(offset + sequence) % settings.texts.length];
    client.setBody(
      JSON.stringify({
        type: 'message',
        id: `${conversation}.${sequence}.${sentAt}`,
        text,
        channelId: 'bench',
        serviceUrl: settings.serviceUrl,
        from: { id: `${conversation}-user`, name: 'Bench' },
        recipient: { id: 'bot', name: 'IKZ-Assistent' },
        conversation: { id: conversation },
        locale: 'de-DE',
        timestamp: new Date().toISOString(),
      }),
    );
  });
};

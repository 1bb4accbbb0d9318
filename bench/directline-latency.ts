import { WebSocket } from 'ws';
import { nowMs, percentile, round } from './stats.js';

interface StreamedActivity {
  id?: string;
  type?: string;
  replyToId?: string;
  from?: { id?: string; role?: string };
}

/**
 * The self-hosted Direct Line, as Web Chat uses it: a token, a started conversation, its WebSocket
 * stream; then `samples` questions one after another, each timed from posting it
 * (`POST /v3/directline/conversations/:id/activities`) to the bot's reply arriving on the stream.
 * Returns the median in milliseconds.
 */
export async function directLineReplyMs(
  base: string,
  questions: readonly string[],
  samples = 20,
): Promise<{ medianMs: number; p99Ms: number; samples: number }> {
  const json = async (response: Response) => {
    if (!response.ok) throw new Error(`Direct Line answered ${response.status} on ${response.url}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const { token } = (await json(await fetch(`${base}/api/webchat/token`, { method: 'POST' }))) as { token: string };
  const started = (await json(
    await fetch(`${base}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    }),
  )) as { conversationId: string; token: string; streamUrl: string };
  const arrivals = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  let greeted!: () => void;
  const greeting = new Promise<void>((resolve) => (greeted = resolve));
  const socket = new WebSocket(started.streamUrl);
  socket.on('message', (data) => {
    const at = nowMs();
    const text = data.toString();
    if (!text) return;
    for (const activity of (JSON.parse(text) as { activities?: StreamedActivity[] }).activities ?? []) {
      if (activity.type !== 'message' || activity.from?.role !== 'bot') continue;
      if (activity.replyToId && !arrivals.has(activity.replyToId)) {
        arrivals.set(activity.replyToId, at);
        waiting.get(activity.replyToId)?.(at);
      }
      greeted();
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  await withTimeout(greeting, 10_000, 'no greeting on the Direct Line stream');
  const latencies: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const sentAt = nowMs();
      const { id } = (await json(
        await fetch(`${base}/v3/directline/conversations/${encodeURIComponent(started.conversationId)}/activities`, {
          method: 'POST',
          headers: { authorization: `Bearer ${started.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', from: { id: 'bench', role: 'user' }, text: questions[i % questions.length] }),
        }),
      )) as { id: string };
      const arrived = arrivals.get(id) ?? new Promise<number>((resolve) => waiting.set(id, resolve));
      const arrivedAt = await withTimeout(Promise.resolve(arrived), 10_000, `no reply to ${id} on the Direct Line stream`);
      latencies.push(arrivedAt - sentAt);
    }
  } finally {
    socket.close();
  }
  return { medianMs: round(percentile(latencies, 0.5), 2), p99Ms: round(percentile(latencies, 0.99), 2), samples: latencies.length };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

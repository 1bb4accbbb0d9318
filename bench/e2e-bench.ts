import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/logging/logger.js';
import { startServer } from '../src/server.js';
import { ChannelStub } from './channel-stub.js';
import { directLineReplyMs } from './directline-latency.js';
import { startEchoServer } from './echo-server.js';
import { runLoad, type LoadFigures } from './load.js';
import { residentMb } from './process-memory.js';
import { round } from './stats.js';

/** The `e2e` part of the report. */
export interface E2eReport {
  bot: LoadFigures;
  floor: LoadFigures;
  /** bot turnsPerSec / floor turnsPerSec. */
  ratio: number;
  /** Median time from posting a message to the reply on the Direct Line WebSocket, ms. */
  directLineReplyMs: number;
  directLineP99Ms: number;
  /** RSS of this process (bot server in-process, plus the benchmark itself) after the bot load run, MB. */
  rssAfterLoadMb: number;
  /**
   * The same load with short conversations (a new one every `turnsPerConversation` turns): in the main
   * run each conversation grows to dozens of turns, and the bot's state (with its transcript) with it.
   */
  shortConversations: { turnsPerConversation: number; seconds: number; bot: LoadFigures; floor: LoadFigures; ratio: number };
  connections: number;
  seconds: number;
}

/** Seconds of load before each measured run (JIT, connections, SQLite pages). */
const WARM_UP_SECONDS = 2;
/** Turns per conversation and seconds of the short-conversation runs. */
const SHORT_CONVERSATION_TURNS = 5;
const SHORT_CONVERSATION_SECONDS = 5;

/**
 * End to end over HTTP: the real server (in-process, SQLite storage in a temporary DATA_DIR) under
 * `connections` concurrent conversations for `seconds`, then the echo bot on the same stack (the
 * framework floor) under the same load; and the Direct Line reply time on the real server.
 */
export async function benchEndToEnd(texts: readonly string[], connections: number, seconds: number): Promise<E2eReport> {
  const channel = new ChannelStub();
  const serviceUrl = await channel.start();
  const dataDirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ikz-bench-'));
    dataDirs.push(dir);
    return dir;
  };
  const load = (port: number, runSeconds: number, turnsPerConversation?: number) =>
    runLoad({ port, channel, serviceUrl, texts, connections, seconds: runSeconds, turnsPerConversation });
  const shortSeconds = Math.min(SHORT_CONVERSATION_SECONDS, seconds);
  try {
    const botConfig = loadConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE_BACKEND: 'sqlite', DATA_DIR: await tempDir() });
    const server = await startServer(botConfig, silentLogger());
    let bot: LoadFigures;
    let botShort: LoadFigures;
    let dl: Awaited<ReturnType<typeof directLineReplyMs>>;
    let rssAfterLoadMb: number;
    try {
      await server.ready;
      dl = await directLineReplyMs(`http://127.0.0.1:${server.port}`, texts);
      await load(server.port, WARM_UP_SECONDS);
      bot = await load(server.port, seconds);
      rssAfterLoadMb = await residentMb(process.pid);
      botShort = await load(server.port, shortSeconds, SHORT_CONVERSATION_TURNS);
    } finally {
      await server.close();
    }
    const echo = await startEchoServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE_BACKEND: 'sqlite', DATA_DIR: await tempDir() }));
    let floor: LoadFigures;
    let floorShort: LoadFigures;
    try {
      await load(echo.port, WARM_UP_SECONDS);
      floor = await load(echo.port, seconds);
      floorShort = await load(echo.port, shortSeconds, SHORT_CONVERSATION_TURNS);
    } finally {
      await echo.close();
    }
    const ratio = (a: LoadFigures, b: LoadFigures) => round(b.turnsPerSec > 0 ? a.turnsPerSec / b.turnsPerSec : 0, 3);
    return {
      bot,
      floor,
      ratio: ratio(bot, floor),
      directLineReplyMs: dl.medianMs,
      directLineP99Ms: dl.p99Ms,
      rssAfterLoadMb,
      shortConversations: { turnsPerConversation: SHORT_CONVERSATION_TURNS, seconds: shortSeconds, bot: botShort, floor: floorShort, ratio: ratio(botShort, floorShort) },
      connections,
      seconds,
    };
  } finally {
    await channel.stop();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  }
}

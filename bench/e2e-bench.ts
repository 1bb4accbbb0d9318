import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/logging/logger.js';
import { startServer } from '../src/server.js';
import { ChannelStub } from './channel-stub.js';
import { directLineReplyMs } from './directline-latency.js';
import { startEchoServer } from './echo-server.js';
import { mergeRuns, runLoad, runLoadRaw, type LoadFigures, type LoadRun } from './load.js';
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
  /** RSS of this process (bot and echo server in-process, plus the benchmark itself) after the main runs, MB. */
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
const SHORT_CONVERSATION_SECONDS = 3;
/**
 * The main run's `seconds` per side are measured in this many blocks, bot and floor taking turns, so that a
 * machine that gets slower or faster meanwhile (shared vCPUs) affects both sides alike.
 */
const BLOCKS = 4;

/**
 * End to end over HTTP: the real server (in-process, SQLite storage in a temporary DATA_DIR) and the echo
 * bot on the same stack (the framework floor), both running, each under `connections` concurrent
 * conversations for `seconds` in all: in `BLOCKS` blocks taking turns, each side's conversations going on
 * from block to block (they grow to dozens of turns). Then short conversations on each, and the Direct Line
 * reply time on the real server.
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
  const servers: Array<{ close(): Promise<void> }> = [];
  try {
    const server = await startServer(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE_BACKEND: 'sqlite', DATA_DIR: await tempDir() }),
      silentLogger(),
    );
    servers.push(server);
    const echo = await startEchoServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE_BACKEND: 'sqlite', DATA_DIR: await tempDir() }));
    servers.push(echo);
    await server.ready;
    const dl = await directLineReplyMs(`http://127.0.0.1:${server.port}`, texts);
    const sides = { bot: { port: server.port, runs: [] as LoadRun[] }, floor: { port: echo.port, runs: [] as LoadRun[] } };
    const block = (side: keyof typeof sides, blockSeconds: number) =>
      runLoadRaw({
        port: sides[side].port,
        channel,
        serviceUrl,
        texts,
        connections,
        seconds: blockSeconds,
        conversations: `${process.pid}-main-${side}`,
      });
    await block('bot', WARM_UP_SECONDS);
    await block('floor', WARM_UP_SECONDS);
    for (let n = 0; n < BLOCKS; n++) {
      for (const side of ['bot', 'floor'] as const) sides[side].runs.push(await block(side, seconds / BLOCKS));
    }
    const rssAfterLoadMb = await residentMb(process.pid);
    const bot = mergeRuns(sides.bot.runs);
    const floor = mergeRuns(sides.floor.runs);
    const botShort = await load(server.port, shortSeconds, SHORT_CONVERSATION_TURNS);
    const floorShort = await load(echo.port, shortSeconds, SHORT_CONVERSATION_TURNS);
    const ratio = (a: LoadFigures, b: LoadFigures) => round(b.turnsPerSec > 0 ? a.turnsPerSec / b.turnsPerSec : 0, 3);
    return {
      bot,
      floor,
      ratio: ratio(bot, floor),
      directLineReplyMs: dl.medianMs,
      directLineP99Ms: dl.p99Ms,
      rssAfterLoadMb,
      shortConversations: {
        turnsPerConversation: SHORT_CONVERSATION_TURNS,
        seconds: shortSeconds,
        bot: botShort,
        floor: floorShort,
        ratio: ratio(botShort, floorShort),
      },
      connections,
      seconds,
    };
  } finally {
    for (const running of servers) await running.close();
    await channel.stop();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  }
}

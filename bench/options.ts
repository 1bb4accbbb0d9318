import { access } from 'node:fs/promises';

/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  /** Print exactly one JSON object instead of the table. */
  json: boolean;
  /** The evaluation questions the retrieval and the load use. */
  questionsFile: string;
  /** Seconds of each end-to-end load run. */
  durationSeconds: number;
  /** Concurrent conversations of the load runs. */
  connections: number;
  /** Articles of the synthetic knowledge base the targets are measured on. */
  syntheticArticles: number;
  /** Articles of the larger synthetic base measured for information (0: skip it). */
  largeArticles: number;
}

const USAGE = 'Usage: npm run bench -- [--json] [--questions FILE] [--duration SECONDS] [--connections N] [--articles N] [--large N]';

/** The default questions, with the project's own set as a fallback when the shared one is missing. */
export const DEFAULT_QUESTIONS = '../shared/eval/dev-questions.jsonl';
export const FALLBACK_QUESTIONS = 'eval/team-questions.jsonl';

/** Parses the arguments; throws with the usage line on anything unknown. */
export async function parseOptions(args: readonly string[]): Promise<BenchOptions> {
  const options: BenchOptions = {
    json: false,
    questionsFile: '',
    durationSeconds: 20,
    connections: 50,
    syntheticArticles: 2_000,
    largeArticles: 10_000,
  };
  let questions: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    const positive = (text: string, orZero = false) => {
      const number = Number(text);
      if (!Number.isFinite(number) || number < 0 || (number === 0 && !orZero))
        throw new Error(`${arg} expects a positive number (got "${text}")\n${USAGE}`);
      return number;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--questions') questions = value();
    else if (arg === '--duration') options.durationSeconds = positive(value());
    else if (arg === '--connections') options.connections = Math.round(positive(value()));
    else if (arg === '--articles') options.syntheticArticles = Math.round(positive(value()));
    else if (arg === '--large') options.largeArticles = Math.round(positive(value(), true));
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  options.questionsFile = questions ?? ((await exists(DEFAULT_QUESTIONS)) ? DEFAULT_QUESTIONS : FALLBACK_QUESTIONS);
  return options;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The fuzz loop: inputs `start .. start+count-1` of a seeded run, in stretches of `stretch` inputs
 * that each get a fresh engine (so memory stays bounded and a failure can be replayed from the
 * start of its stretch). Every input must be answered within its time budget; errors that escape
 * asynchronously while it runs are charged to it.
 */
import { loadCorpus } from './corpus.js';
import { FuzzEngine, type FuzzInput } from './fuzz-engine.js';
import { contextOf, makeInput, namePool } from './inputs.js';
import { describeError } from './verdict.js';

export interface FuzzOptions {
  readonly seed: number;
  readonly count: number;
  readonly start?: number;
  /** Inputs per engine. */
  readonly stretch?: number;
  /** Longest an input may take before it is reported as a hang. */
  readonly budgetMs?: number;
  /** Called before each input runs (the CLI's watchdog watches it). */
  readonly onInput?: (index: number) => void;
}

export interface FuzzFailure {
  readonly seed: number;
  readonly input: FuzzInput;
  readonly problem: string;
}

export interface FuzzReport {
  readonly inputs: number;
  readonly failures: FuzzFailure[];
  readonly elapsedMs: number;
}

export const DEFAULT_STRETCH = 100;
const DEFAULT_BUDGET_MS = 2000;

/** Where the stretch holding `index` begins: replaying an input runs its stretch from there. */
export function stretchStart(index: number, stretch = DEFAULT_STRETCH): number {
  return index - (index % stretch);
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seed, count, start = 0, stretch = DEFAULT_STRETCH, budgetMs = DEFAULT_BUDGET_MS } = options;
  const corpus = loadCorpus();
  const failures: FuzzFailure[] = [];
  const escaped = new EscapedErrors();
  const began = performance.now();
  try {
    for (let s = Math.floor(start / stretch); s * stretch < start + count; s++) {
      const context = contextOf(seed, s, corpus);
      const pool = namePool(context);
      const fuzz = await FuzzEngine.open(context);
      try {
        for (let i = Math.max(start, s * stretch); i < Math.min(start + count, (s + 1) * stretch); i++) {
          const input = makeInput(seed, i, context, corpus, pool);
          options.onInput?.(i);
          const problem = (await withBudget(fuzz.run(input), budgetMs)) ?? escaped.take();
          if (problem) failures.push({ seed, input, problem });
        }
      } finally {
        await fuzz.close();
      }
    }
  } finally {
    escaped.dispose();
  }
  return { inputs: count, failures, elapsedMs: performance.now() - began };
}

async function withBudget(run: Promise<string | undefined>, budgetMs: number): Promise<string | undefined> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`hang: no answer within ${budgetMs} ms`), budgetMs);
  });
  try {
    const problem = await Promise.race([run, late]);
    const elapsed = performance.now() - started;
    return problem ?? (elapsed > budgetMs ? `hang: answered after ${Math.round(elapsed)} ms` : undefined);
  } finally {
    clearTimeout(timer);
  }
}

/** Unhandled rejections and uncaught exceptions, kept until the input that caused them ends. */
class EscapedErrors {
  private problem: string | undefined;
  private readonly onError = (err: unknown): void => {
    this.problem ??= `escaped asynchronously: ${describeError(err)}`;
  };

  constructor() {
    process.on('unhandledRejection', this.onError);
    process.on('uncaughtException', this.onError);
  }

  take(): string | undefined {
    const p = this.problem;
    this.problem = undefined;
    return p;
  }

  dispose(): void {
    process.off('unhandledRejection', this.onError);
    process.off('uncaughtException', this.onError);
  }
}

/** How a failure is printed: enough to replay it. */
export function formatFailure(f: FuzzFailure): string {
  const { input } = f;
  const extras = [
    input.variables ? `variables ${JSON.stringify(input.variables)}` : '',
    input.properties ? `properties ${JSON.stringify(input.properties)}` : '',
  ].filter(Boolean);
  return [
    `seed ${f.seed}, input ${input.index} (${input.endpoint}${extras.length ? `, ${extras.join(', ')}` : ''})`,
    `  text: ${JSON.stringify(input.text)}`,
    `  replay: npm run fuzz -- --seed ${f.seed} --replay ${input.index}`,
    `  ${f.problem.split('\n').slice(0, 8).join('\n  ')}`,
  ].join('\n');
}

/**
 * `npm run fuzz -- [--count N] [--seed S] [--budget MS] [--replay INDEX]`
 *
 * Runs the SQL fuzzer (spec/fuzz/fuzz.ts) in a child process while this one keeps watch. An input
 * that blocks the event loop never reaches its own time check, and one that kills the process
 * (out of memory, a V8 fatal error) takes any in-process report with it: the child writes the
 * index of the input it is on to a file before running it, so the watchdog can report either with
 * its seed and index, and carry on in a new child after it. `--replay` runs one input again, after
 * the inputs of its stretch that came before it, and prints the verdict.
 */
import { fork } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCorpus } from './corpus.js';
import { DEFAULT_STRETCH, formatFailure, runFuzz, stretchStart, type FuzzFailure } from './fuzz.js';
import { contextOf, makeInput, namePool } from './inputs.js';

interface Options {
  readonly seed: number;
  readonly count: number;
  readonly budgetMs: number;
  readonly replay?: number;
  /** Set in a child: run inputs [start, start+count), writing progress to this file. */
  readonly progress?: string;
  readonly start: number;
}

/** What a child reports when it finishes its inputs. */
interface ChildResult {
  readonly failures: FuzzFailure[];
}

const WATCHDOG_MS = 15_000;
/** A child's heap is bounded so that an input that eats memory is reported, not the machine's. */
const CHILD_HEAP_MB = 1024;

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      budget: { type: 'string' },
      replay: { type: 'string' },
      progress: { type: 'string' },
      start: { type: 'string' },
    },
    strict: true,
  });
  const int = (text: string | undefined, fallback: number): number => {
    const n = Number(text ?? fallback);
    if (!Number.isInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${text}`);
    return n;
  };
  return {
    seed: int(values.seed, 1),
    count: int(values.count, 100_000),
    budgetMs: int(values.budget, 2000),
    start: int(values.start, 0),
    ...(values.replay !== undefined ? { replay: int(values.replay, 0) } : {}),
    ...(values.progress !== undefined ? { progress: values.progress } : {}),
  };
}

function inputAt(seed: number, index: number): ReturnType<typeof makeInput> {
  const corpus = loadCorpus();
  const context = contextOf(seed, Math.floor(index / DEFAULT_STRETCH), corpus);
  return makeInput(seed, index, context, corpus, namePool(context));
}

async function replay(seed: number, index: number, budgetMs: number): Promise<number> {
  const start = stretchStart(index);
  process.stdout.write(`input ${index}: ${JSON.stringify(inputAt(seed, index))}\n`);
  const report = await runFuzz({ seed, start, count: index - start + 1, budgetMs });
  const own = report.failures.find((f) => f.input.index === index);
  process.stdout.write(own ? `${formatFailure(own)}\n` : 'answered properly\n');
  return own ? 1 : 0;
}

function readProgress(file: string): number | undefined {
  const text = readFileSync(file, 'utf8').trim();
  return text === '' ? undefined : Number(text);
}

/** Runs inputs [start, end) in one child; resolves with its failures, or the input it died or hung on. */
function runChild(options: Options, start: number, end: number, progress: string): Promise<{ failures: FuzzFailure[]; lostAt?: number; why?: string }> {
  closeSync(openSync(progress, 'w'));
  const args = ['--seed', String(options.seed), '--budget', String(options.budgetMs), '--start', String(start), '--count', String(end - start), '--progress', progress];
  const child = fork(fileURLToPath(import.meta.url), args, { execArgv: [...process.execArgv, `--max-old-space-size=${CHILD_HEAP_MB}`], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve) => {
    let result: ChildResult | undefined;
    let last: number | undefined;
    let lastChange = Date.now();
    const watch = setInterval(() => {
      const now = readProgress(progress);
      if (now !== last) [last, lastChange] = [now, Date.now()];
      else if (now !== undefined && Date.now() - lastChange > WATCHDOG_MS) {
        clearInterval(watch);
        child.kill('SIGKILL');
        resolve({ failures: [], lostAt: now, why: `hang: blocked the event loop for over ${WATCHDOG_MS} ms` });
      }
    }, 1000);
    child.on('message', (m: ChildResult) => (result = m));
    child.once('exit', (code, signal) => {
      clearInterval(watch);
      if (result) return resolve(result);
      const at = readProgress(progress);
      resolve({ failures: [], lostAt: at ?? start, why: `crash: the process died (${signal ?? `exit code ${code}`})` });
    });
  });
}

function summarize(count: number, failures: readonly FuzzFailure[], elapsedMs: number): void {
  const kinds = new Map<string, FuzzFailure[]>();
  for (const f of failures) {
    const key = f.problem.split('\n')[0]!.replace(/\d+/g, 'N').slice(0, 160);
    kinds.set(key, [...(kinds.get(key) ?? []), f]);
  }
  for (const [, group] of kinds) process.stdout.write(`\n${group.length}× ${formatFailure(group[0]!)}\n`);
  const seconds = elapsedMs / 1000;
  process.stdout.write(
    `\ninputs run: ${count}\nfailures found: ${failures.length} (${kinds.size} distinct)\ntime: ${seconds.toFixed(1)} s (${Math.round(count / seconds)} inputs/s)\n`,
  );
}

async function watch(options: Options): Promise<number> {
  const began = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'sql-fuzz-'));
  const failures: FuzzFailure[] = [];
  try {
    for (let start = options.start; start < options.start + options.count; ) {
      const result = await runChild(options, start, options.start + options.count, join(dir, 'progress'));
      failures.push(...result.failures);
      if (result.lostAt === undefined) break;
      failures.push({ seed: options.seed, input: inputAt(options.seed, result.lostAt), problem: result.why! });
      start = result.lostAt + 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  summarize(options.count, failures, performance.now() - began);
  return failures.length > 0 ? 1 : 0;
}

async function child(options: Options & { progress: string }): Promise<void> {
  const fd = openSync(options.progress, 'r+');
  const report = await runFuzz({
    seed: options.seed,
    start: options.start,
    count: options.count,
    budgetMs: options.budgetMs,
    // Written synchronously, so it is on disk even if this input kills the process.
    onInput: (i) => writeSync(fd, `${String(i).padEnd(12)}\n`, 0),
  });
  process.send!({ failures: report.failures } satisfies ChildResult, () => process.disconnect());
}

const options = readOptions();
if (options.progress !== undefined) await child({ ...options, progress: options.progress });
else if (options.replay !== undefined) process.exitCode = await replay(options.seed, options.replay, options.budgetMs);
else process.exitCode = await watch(options);

/**
 * Runs scenarios against one server and prints one JSON document on stdout (progress on
 * stderr). The runner starts it once per server so that both servers meet a client in the same
 * state; it can also be run by hand against a server that is already up:
 *
 *   node --import tsx bench/harness.ts --url http://127.0.0.1:8088 --pid PID [--scenarios S1,S4] [--quick] [--no-warmup]
 */
import { parseArgs } from 'node:util';
import { makeContext, type ScenarioContext, type ScenarioRun } from './scenarios/context.js';
import { DEFAULT_SCENARIOS, expand, type LabelledScenario } from './scenarios/registry.js';
import { FULL, QUICK, warmUp } from './scenarios/sizes.js';
import { sleep, within } from './lib/time.js';

export interface HarnessOutput {
  readonly results: Record<string, ScenarioRun>;
  readonly warnings: string[];
}

const log = (msg: string): void => void process.stderr.write(`[harness ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      pid: { type: 'string' },
      scenarios: { type: 'string', default: DEFAULT_SCENARIOS.join(',') },
      quick: { type: 'boolean', default: false },
      'no-warmup': { type: 'boolean', default: false },
      'idle-queries': { type: 'string' },
    },
  });
  if (!values.url || !values.pid) throw new Error('--url and --pid are required');
  const base = values.quick ? QUICK : FULL;
  const sizes = values['idle-queries'] ? { ...base, idleQueries: Number(values['idle-queries']) } : base;
  const runId = Date.now().toString(36);
  const ctx = makeContext(values.url, Number(values.pid), sizes, runId);
  const warm = makeContext(values.url, Number(values.pid), warmUp(sizes), `${runId}w`, false);
  const results: Record<string, ScenarioRun> = {};
  for (const name of values.scenarios.toUpperCase().split(',').filter(Boolean)) {
    for (const s of expand(name, sizes.s3Subs)) {
      if (!values['no-warmup'] && s.label !== 'IDLE') await warmUpPass(s, warm, ctx.warnings);
      results[s.label] = await measured(s, ctx);
      await sleep(300);
    }
  }
  process.stdout.write(JSON.stringify({ results, warnings: [...ctx.warnings, ...warm.warnings] } satisfies HarnessOutput) + '\n');
}

/** Unmeasured; a failure here is only a warning, the measured pass will show it if it persists. */
async function warmUpPass(s: LabelledScenario, warm: ScenarioContext, warnings: string[]): Promise<void> {
  log(`${s.label} warm-up`);
  try {
    const r = await within(s.run(warm), limitMs(warm), `${s.label} warm-up`);
    if (r.failures.length) warnings.push(`${s.label} warm-up: ${r.failures.join('; ')}`);
  } catch (e) {
    warnings.push(`${s.label} warm-up: ${(e as Error).message}`);
  }
}

async function measured(s: LabelledScenario, ctx: ScenarioContext): Promise<ScenarioRun> {
  log(`${s.label} measured`);
  let r: ScenarioRun;
  try {
    r = await within(s.run(ctx), limitMs(ctx), s.label);
  } catch (e) {
    r = { metrics: {}, info: {}, failures: [`error: ${(e as Error).message}`] };
  }
  log(`${s.label} -> ${JSON.stringify(r.metrics)}${r.failures.length ? ` FAILED: ${r.failures.join('; ')}` : ''}`);
  return r;
}

/** A scenario's own time limits plus set-up and tear-down. */
function limitMs(ctx: ScenarioContext): number {
  return (ctx.sizes.timeoutS * 2 + 60) * 1000;
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    log(`fatal: ${(e as Error).stack ?? String(e)}`);
    process.exit(2);
  },
);

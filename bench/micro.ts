/**
 * The in-process microbenchmarks (gateway code only, no server): parse + plan time per
 * statement and the expression evaluator's rows/s. Prints one JSON document; the runner starts
 * it once per round, pinned like the harness, while no server runs.
 *
 *   node --import tsx bench/micro.ts [--quick]
 */
import { runExpressionBench } from './expression-bench.js';
import { measureParsePlan, type ParsePlanResult } from './micro/parse-plan.js';

export interface MicroOutput {
  readonly parsePlanUs: ParsePlanResult;
  readonly expression: Record<string, number>;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const parsePlanUs = await measureParsePlan(quick ? 5 : 15, quick ? 50 : 200);
  const expression = { ...runExpressionBench(quick ? 200_000 : 1_000_000, 3) };
  process.stdout.write(JSON.stringify({ parsePlanUs, expression } satisfies MicroOutput) + '\n');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`micro: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);

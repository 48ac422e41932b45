/**
 * Parse + plan time per statement, through the engine's own entry point for /query-stream
 * (`prepareStream`: variables, parse, type check, plan), without HTTP and without starting the
 * query. The engine keeps plans by statement text, so each timed call gets a text of its own (a
 * leading comment with a counter) to measure the work; the same text repeated measures the
 * cache. Best of N rounds: the machine's noise only ever adds time.
 */
import { Engine } from '../../src/engine/engine.js';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/gateway.js';
import { MemoryTopicStore } from '../../src/store/memory/memory-topic-store.js';

export const PARSE_PLAN_STATEMENTS = {
  push: 'SELECT * FROM X EMIT CHANGES;',
  pushFiltered: "SELECT ID, UCASE(V) AS U, LEN(V) * 2 AS L FROM X WHERE ID > 10 AND V LIKE 'v%' EMIT CHANGES;",
  pullByKey: 'SELECT * FROM T WHERE ID=42;',
} as const;

type Statement = keyof typeof PARSE_PLAN_STATEMENTS;

export interface ParsePlanResult {
  /** µs per statement whose text the engine has not seen. */
  readonly fresh: Record<Statement, number>;
  /** µs per statement repeated verbatim (a plan-cache hit where the engine has one). */
  readonly repeated: Record<Statement, number>;
}

const PROPERTIES = { 'auto.offset.reset': 'latest' };
let distinct = 0;

export async function measureParsePlan(rounds = 15, perRound = 200): Promise<ParsePlanResult> {
  const store = new MemoryTopicStore();
  const engine = new Engine(store, DEFAULT_ENGINE_OPTIONS);
  try {
    await engine.executeKsql(
      "CREATE STREAM X (ID BIGINT KEY, V STRING) WITH (kafka_topic='x', value_format='JSON', partitions=1);" +
        'CREATE TABLE T AS SELECT ID, LATEST_BY_OFFSET(V) AS V FROM X GROUP BY ID EMIT CHANGES;',
    );
    const fresh = {} as Record<Statement, number>;
    const repeated = {} as Record<Statement, number>;
    for (const [k, sql] of Object.entries(PARSE_PLAN_STATEMENTS) as [Statement, string][]) {
      fresh[k] = bestUs(() => engine.prepareStream(`/* ${++distinct} */ ${sql}`, {}, PROPERTIES), rounds, perRound);
      repeated[k] = bestUs(() => engine.prepareStream(sql, {}, PROPERTIES), rounds, perRound);
    }
    return { fresh, repeated };
  } finally {
    await engine.close();
    await store.close();
  }
}

function bestUs(run: () => unknown, rounds: number, perRound: number): number {
  for (let i = 0; i < perRound; i++) run(); // the first statements build the parser and warm the JIT
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perRound; i++) run();
    best = Math.min(best, (performance.now() - t0) / perRound);
  }
  return Math.round(best * 1000 * 10) / 10;
}

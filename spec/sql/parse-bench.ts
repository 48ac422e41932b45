/**
 * Parse time per statement: `node --import tsx spec/sql/parse-bench.ts`. Prints the best of 15
 * rounds per statement (the machine's noise only ever adds time), warm, lexing + parsing + AST.
 */
import { parseStatement, splitStatements, VariableScope } from '../../src/sql/parse.js';

const STATEMENTS = [
  'SELECT * FROM pageviews EMIT CHANGES;',
  "SELECT userid, COUNT(*) AS cnt FROM pageviews WINDOW TUMBLING (SIZE 1 HOUR) WHERE regionid = 'Region_1' AND viewtime > 100 GROUP BY userid EMIT CHANGES LIMIT 10;",
  "CREATE STREAM pageviews (viewtime BIGINT, userid VARCHAR KEY, pageid VARCHAR) WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);",
  "INSERT INTO pageviews (viewtime, userid, pageid) VALUES (1, 'u1', 'p1');",
  'CREATE TABLE t AS SELECT a.k, SUM(b.v) AS total FROM a JOIN b WITHIN 1 HOUR ON a.k = b.k GROUP BY a.k EMIT CHANGES;',
];
const ERRORS = ['SELECT a, b FROM s WHERE x = = 1;', 'SLECTT * FROM s;', "CREATE STREAM s (a INT) WITH (kafka_topic=);"];

function best(run: () => void, perRound: number): number {
  let min = Infinity;
  for (let r = 0; r < 15; r++) {
    const start = performance.now();
    for (let i = 0; i < perRound; i++) run();
    min = Math.min(min, (performance.now() - start) / perRound);
  }
  return min * 1000;
}

const t0 = performance.now();
parseStatement(splitStatements('SHOW STREAMS;')[0]!);
console.log(`first statement (builds lexer and parser): ${(performance.now() - t0).toFixed(0)} ms`);
for (const sql of STATEMENTS) {
  const raw = splitStatements(sql)[0]!;
  console.log(`${best(() => parseStatement(raw), 300).toFixed(1).padStart(7)} µs  ${sql.slice(0, 70)}`);
}
const scope = VariableScope.from({ topic: 'pageviews' }, false);
const withVariables = splitStatements("SELECT * FROM ${topic} WHERE x = 'a${topic}' EMIT CHANGES;")[0]!;
console.log(`${best(() => parseStatement(withVariables, scope), 300).toFixed(1).padStart(7)} µs  ${withVariables.text}`);
for (const sql of ERRORS) {
  const raw = splitStatements(sql)[0]!;
  const fail = (): void => {
    try {
      parseStatement(raw);
    } catch {
      // the error is the point
    }
  };
  console.log(`${best(fail, 30).toFixed(1).padStart(7)} µs  error: ${sql}`);
}

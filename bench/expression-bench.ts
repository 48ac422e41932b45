/**
 * Expression microbenchmark: a WHERE with a few predicates and a projection with function calls,
 * compiled once and run over one million in-memory rows, as a push query would run them (no
 * I/O). Measures rows/s for the filter alone and for filter + projection + row serialization.
 * `npm run bench` calls `runExpressionBench`; on its own it prints every round:
 *
 *   node --import tsx bench/expression-bench.ts [rows]
 */
import { pathToFileURL } from 'node:url';
import { compileRowWriter } from '../src/codec/json-write.js';
import { LogicalSchema } from '../src/catalog/schema.js';
import { compileExpression } from '../src/engine/expressions/compile.js';
import { InputRowScope } from '../src/planner/input-row.js';
import { parseSingle } from '../src/sql/parse.js';
import { BIGINT, DOUBLE, INTEGER, STRING } from '../src/sql/types.js';

const SQL =
  "SELECT UCASE(USERID) AS U, ABS(AMOUNT - 50.0) AS DIST, CONCAT(PAGEID, '#', CAST(SCORE AS STRING)) AS TAG, " +
  'CASE WHEN SCORE > 50 THEN 1 ELSE 0 END AS HIGH, VIEWTIME ' +
  "FROM PAGEVIEWS WHERE USERID LIKE 'User_%' AND SCORE BETWEEN 10 AND 90 AND AMOUNT IS NOT NULL;";

const schema = new LogicalSchema([
  { name: 'USERID', type: STRING, namespace: 'KEY' },
  { name: 'PAGEID', type: STRING, namespace: 'VALUE' },
  { name: 'VIEWTIME', type: BIGINT, namespace: 'VALUE' },
  { name: 'SCORE', type: INTEGER, namespace: 'VALUE' },
  { name: 'AMOUNT', type: DOUBLE, namespace: 'VALUE' },
]);

/** Best rows/s over the rounds for each pass; noise only ever slows a pass down. */
export interface ExpressionBenchResult {
  readonly firstParseMs: number;
  readonly warmCompileUs: number;
  readonly whereRowsPerSec: number;
  readonly whereProjectRowsPerSec: number;
  readonly whereProjectJsonRowsPerSec: number;
}

function makeRows(n: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([`User_${i % 97}`, `Page_${i % 1013}`, 1_700_000_000_000n + BigInt(i), i % 100, (i % 1000) / 10, 0n, 0, BigInt(i)]);
  }
  return rows;
}

function compileQuery() {
  const stmt = parseSingle(SQL);
  if (stmt.kind !== 'Query') throw new Error('not a query');
  const scope = new InputRowScope(schema, ['PAGEVIEWS']);
  const where = compileExpression(stmt.where!, { scope, clause: 'WHERE' }).eval;
  const items = stmt.select.map((s) => {
    if (s.kind !== 'Expr') throw new Error('no star here');
    return compileExpression(s.expr, { scope, clause: 'SELECT' });
  });
  return { where, projection: items.map((c) => c.eval), write: compileRowWriter(items.map((c) => c.type!)) };
}

function rate(rows: unknown[][], run: (row: unknown[]) => void): number {
  const start = process.hrtime.bigint();
  for (const row of rows) run(row);
  return rows.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

const msSince = (mark: bigint): number => Number(process.hrtime.bigint() - mark) / 1e6;

export function runExpressionBench(rowCount = 1_000_000, rounds = 3, print: (line: string) => void = () => {}): ExpressionBenchResult {
  // The parser is built once per process on first use; time that apart from a warm compile.
  let mark = process.hrtime.bigint();
  compileQuery();
  const firstParseMs = msSince(mark);
  mark = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) compileQuery();
  const warmCompileUs = (msSince(mark) * 1000) / 200;
  print(`first parse (builds the parser): ${firstParseMs.toFixed(1)} ms; warm parse + compile: ${warmCompileUs.toFixed(0)} µs per statement`);
  const q = compileQuery();
  const rows = makeRows(rowCount);
  const best = { where: 0, project: 0, json: 0 };
  let kept = 0;
  let bytes = 0;
  for (let round = 1; round <= rounds; round++) {
    print(`round ${round} (${rowCount.toLocaleString('en-US')} rows)`);
    const where = rate(rows, (row) => void (q.where(row) === true && kept++));
    const project = rate(rows, (row) => void (q.where(row) === true && q.projection.map((p) => p(row))));
    const json = rate(rows, (row) => void (q.where(row) === true && (bytes += q.write(q.projection.map((p) => p(row))).length)));
    for (const [label, r] of [['WHERE only', where], ['WHERE + projection', project], ['WHERE + projection + row JSON', json]] as const) {
      print(`${label.padEnd(38)} ${Math.round(r).toLocaleString('en-US').padStart(12)} rows/s`);
    }
    best.where = Math.max(best.where, where);
    best.project = Math.max(best.project, project);
    best.json = Math.max(best.json, json);
  }
  print(`(kept ${kept / rounds} rows per pass, ${Math.round(bytes / rounds)} bytes of JSON)`);
  return {
    firstParseMs,
    warmCompileUs,
    whereRowsPerSec: Math.round(best.where),
    whereProjectRowsPerSec: Math.round(best.project),
    whereProjectJsonRowsPerSec: Math.round(best.json),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runExpressionBench(Number(process.argv[2] ?? 1_000_000), 3, (line) => console.log(line));
}

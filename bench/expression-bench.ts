/**
 * Expression microbenchmark: a WHERE with a few predicates and a projection with function calls,
 * compiled once and run over one million in-memory rows, as a push query would run them (no
 * I/O). Prints rows/s for the filter alone and for filter + projection + row serialization.
 *
 *   node --import tsx bench/expression-bench.ts [rows]
 */
import { compileRowWriter } from '../src/codec/json-write.js';
import { LogicalSchema } from '../src/catalog/schema.js';
import { compileExpression } from '../src/engine/expressions/compile.js';
import { InputRowScope } from '../src/planner/input-row.js';
import { parseSingle } from '../src/sql/parse.js';
import { BIGINT, DOUBLE, INTEGER, STRING } from '../src/sql/types.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
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

function time(label: string, rows: unknown[][], run: (row: unknown[]) => void): number {
  const start = process.hrtime.bigint();
  for (const row of rows) run(row);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = rows.length / seconds;
  console.log(`${label.padEnd(38)} ${Math.round(rate).toLocaleString('en-US').padStart(12)} rows/s`);
  return rate;
}

// The parser is built once per process on first use; time that apart from a warm compile.
let mark = process.hrtime.bigint();
compileQuery();
const coldMs = Number(process.hrtime.bigint() - mark) / 1e6;
mark = process.hrtime.bigint();
const WARM = 200;
for (let i = 0; i < WARM; i++) compileQuery();
const warmUs = Number(process.hrtime.bigint() - mark) / 1e3 / WARM;
const q = compileQuery();
console.log(`first parse (builds the parser): ${coldMs.toFixed(1)} ms; warm parse + compile: ${warmUs.toFixed(0)} µs per statement`);
const rows = makeRows(ROWS);
let kept = 0;
let bytes = 0;
for (let round = 1; round <= 3; round++) {
  console.log(`round ${round} (${ROWS.toLocaleString('en-US')} rows)`);
  time('WHERE only', rows, (row) => {
    if (q.where(row) === true) kept++;
  });
  time('WHERE + projection', rows, (row) => {
    if (q.where(row) === true) q.projection.map((p) => p(row));
  });
  time('WHERE + projection + row JSON', rows, (row) => {
    if (q.where(row) === true) bytes += q.write(q.projection.map((p) => p(row))).length;
  });
}
console.log(`(kept ${kept / 3} rows per pass, ${Math.round(bytes / 3)} bytes of JSON)`);

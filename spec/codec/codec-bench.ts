/**
 * Throughput of the hot codec paths. Not a spec: run with
 *   node --import tsx spec/codec/codec-bench.ts
 * Prints operations per second for each case (best of 5 runs of ~300 ms).
 */
import { compileRowWriter } from '../../src/codec/json-write.js';
import { parseJsonFast, parseJsonLossless } from '../../src/codec/json-parse.js';
import { formatJavaDouble } from '../../src/codec/java-double.js';
import { quoteJsonString } from '../../src/codec/json-string.js';
import { BIGINT, DOUBLE, INTEGER, STRING } from '../../src/sql/types.js';

let sink = 0;

function measure(name: string, batch: number, run: (i: number) => string | unknown): void {
  for (let i = 0; i < 200_000; i++) run(i); // warm-up
  let best = 0;
  for (let r = 0; r < 5; r++) {
    let ops = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < 300) {
      for (let i = 0; i < batch; i++) {
        const out = run(ops + i);
        sink += typeof out === 'string' ? out.length : 1;
      }
      ops += batch;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    }
    best = Math.max(best, (ops / elapsed) * 1000);
  }
  console.log(`${name.padEnd(48)} ${(best / 1e6).toFixed(2)} M/s`);
}

const rowTypes = [STRING, STRING, BIGINT, DOUBLE, INTEGER];
const writeRow = compileRowWriter(rowTypes);
const rows = Array.from({ length: 1024 }, (_, i) => [`User_${i % 10}`, `Page_${i}`, 1700000000000n + BigInt(i), i * 1.25, i]);
const plainRows = rows.map((r) => [r[0], r[1], Number(r[2]), r[3], r[4]]);
measure('row writer, 5 columns', 1000, (i) => writeRow(rows[i & 1023]!));
measure('JSON.stringify, same row (number BIGINT)', 1000, (i) => JSON.stringify(plainRows[i & 1023]));

const insert = '{"USERID":"User_1","PAGEID":"Page_42","VIEWTIME":1700000000000}';
const inserts = Array.from({ length: 1024 }, (_, i) => insert.replace('42', String(i)));
measure('parseJsonFast, insert row', 1000, (i) => parseJsonFast(inserts[i & 1023]!));
measure('parseJsonLossless, insert row', 1000, (i) => parseJsonLossless(inserts[i & 1023]!));
measure('JSON.parse, insert row', 1000, (i) => JSON.parse(inserts[i & 1023]!));
const floatInsert = '{"USERID":"User_1","PAGEID":"Page_42","SCORE":12.5}';
measure('parseJsonFast, row with a fraction (slow path)', 1000, () => parseJsonFast(floatInsert));
const wide = JSON.stringify(
  Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`COLUMN_${i}`, i % 2 ? `text value ${i} without any dots` : i * 1000])),
);
measure(`parseJsonFast, 10 columns (${wide.length} chars)`, 100, () => parseJsonFast(wide));
measure(`parseJsonLossless, 10 columns (${wide.length} chars)`, 100, () => parseJsonLossless(wide));
measure(`JSON.parse, 10 columns (${wide.length} chars)`, 100, () => JSON.parse(wide));
const long = JSON.stringify({ ID: 1, BODY: 'x'.repeat(2000) });
measure('parseJsonFast, one 2000-char string', 100, () => parseJsonFast(long));
measure('parseJsonLossless, one 2000-char string', 100, () => parseJsonLossless(long));

const doubles = Array.from({ length: 1024 }, (_, i) => (i % 3 === 0 ? i * 1.25 : i % 3 === 1 ? i * 1e9 + 0.5 : Math.random()));
measure('formatJavaDouble, mixed doubles', 1000, (i) => formatJavaDouble(doubles[i & 1023]!));
measure('String(number), same doubles', 1000, (i) => String(doubles[i & 1023]!));
const strings = Array.from({ length: 1024 }, (_, i) => `Page_${i} with some text`);
measure('quoteJsonString, ASCII', 1000, (i) => quoteJsonString(strings[i & 1023]!));
measure('JSON.stringify(string), ASCII', 1000, (i) => JSON.stringify(strings[i & 1023]!));

if (sink === 42) console.log(sink);

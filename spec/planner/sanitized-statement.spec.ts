/** Persistent queries as ksqlDB's planning errors quote them: rewritten by its sanitizer, then formatted. */
import { expect } from 'chai';
import { LogicalSchema, type Column } from '../../src/catalog/schema.js';
import type { DataSource } from '../../src/catalog/source.js';
import { sanitizedStatementText } from '../../src/planner/sanitized-statement.js';
import { parseSingle } from '../../src/sql/parse.js';
import { INTEGER, STRING, struct, type SqlType } from '../../src/sql/types.js';

function source(name: string, columns: ReadonlyArray<readonly [string, SqlType, boolean?]>, windowed = false): DataSource {
  const cols: Column[] = columns.map(([n, type, key]) => ({ name: n, type, namespace: key ? 'KEY' : 'VALUE' }));
  return {
    name,
    type: 'STREAM',
    schema: new LogicalSchema(cols),
    topic: name,
    keyFormat: { format: 'KAFKA' },
    valueFormat: { format: 'JSON' },
    isSource: false,
    statement: '',
    ...(windowed ? { windowType: 'TUMBLING' as const, windowSize: 1000 } : {}),
  };
}

const SOURCES = new Map([
  ['TEST', source('TEST', [['F1', INTEGER, true], ['F2', INTEGER], ['S', struct([{ name: 'F1', type: INTEGER }])]])],
  ['L', source('L', [['ID', INTEGER, true], ['V', STRING]])],
  ['R', source('R', [['ID', INTEGER, true], ['W', STRING]])],
]);

function sanitized(sql: string): string {
  const stmt = parseSingle(sql);
  if (stmt.kind !== 'CreateAsSelect' && stmt.kind !== 'InsertInto') throw new Error(`not a persistent query: ${sql}`);
  return sanitizedStatementText(stmt, (name) => SOURCES.get(name));
}

describe('sanitizedStatementText', () => {
  const cases: ReadonlyArray<readonly [sql: string, text: string]> = [
    // QTT group-by "multiple expressions - KAFKA key format".
    [
      'CREATE TABLE OUTPUT AS SELECT f2, f1, f2+f1, COUNT(*) FROM TEST GROUP BY f1, f2;',
      'CREATE TABLE OUTPUT AS SELECT\n  TEST.F2 F2,\n  TEST.F1 F1,\n  (TEST.F2 + TEST.F1) KSQL_COL_0,\n  COUNT(*) KSQL_COL_1\nFROM TEST TEST\nGROUP BY TEST.F1, TEST.F2\nEMIT CHANGES',
    ],
    [
      'CREATE STREAM O AS SELECT t.f2 AS x, s->f1, TRANSFORM(ARRAY[f2], v => v + 1) FROM test t WHERE rowtime > 0 PARTITION BY f2;',
      'CREATE STREAM O AS SELECT\n  T.F2 X,\n  T.S->F1 F1_1,\n  TRANSFORM(ARRAY[T.F2], (V) => (V + 1)) KSQL_COL_0\nFROM TEST T\nWHERE (T.ROWTIME > 0)\nPARTITION BY T.F2\nEMIT CHANGES',
    ],
    // A column one source has is qualified with it; one that several have is named ALIAS_NAME.
    [
      'CREATE STREAM J AS SELECT v, w, l.rowtime AS t FROM l JOIN r WITHIN 1 SECOND ON l.id = r.id;',
      'CREATE STREAM J AS SELECT\n  L.V V,\n  R.W W,\n  L.ROWTIME T\nFROM L L\nINNER JOIN R R WITHIN 1 SECONDS ON ((L.ID = R.ID))\nEMIT CHANGES',
    ],
    ['CREATE STREAM J AS SELECT l.id, r.id FROM l JOIN r WITHIN 1 SECOND ON l.id = r.id;', 'CREATE STREAM J AS SELECT\n  L.ID L_ID,\n  R.ID R_ID\nFROM L L\nINNER JOIN R R WITHIN 1 SECONDS ON ((L.ID = R.ID))\nEMIT CHANGES'],
  ];
  for (const [sql, text] of cases) {
    it(sql, () => expect(sanitized(sql)).to.equal(text));
  }
});

/** Persistent-query statements printed back in ksqlDB's SqlFormatter layout. */
import { expect } from 'chai';
import { parseSingle } from '../../src/sql/parse.js';
import { formatPersistentStatement } from '../../src/sql/format-statement.js';

function formatted(sql: string): string {
  const stmt = parseSingle(sql);
  if (stmt.kind !== 'CreateAsSelect' && stmt.kind !== 'InsertInto') throw new Error(`not a persistent query: ${sql}`);
  return formatPersistentStatement(stmt);
}

describe('formatPersistentStatement', () => {
  const cases: ReadonlyArray<readonly [sql: string, text: string]> = [
    ['create table t as select a from s emit changes;', 'CREATE TABLE T AS SELECT A\nFROM S S\nEMIT CHANGES'],
    [
      'CREATE TABLE OUTPUT AS SELECT t.f2 f2, COUNT(*) total FROM test t GROUP BY t.f2 HAVING COUNT(*) > 1 EMIT CHANGES;',
      'CREATE TABLE OUTPUT AS SELECT\n  T.F2 F2,\n  COUNT(*) TOTAL\nFROM TEST T\nGROUP BY T.F2\nHAVING (COUNT(*) > 1)\nEMIT CHANGES',
    ],
    [
      "CREATE STREAM IF NOT EXISTS o WITH (kafka_topic='o', partitions=2) AS SELECT * FROM s WHERE a = 'x' PARTITION BY b, c;",
      "CREATE STREAM IF NOT EXISTS O WITH (KAFKA_TOPIC='o', PARTITIONS=2) AS SELECT *\nFROM S S\nWHERE (A = 'x')\nPARTITION BY B, C",
    ],
    [
      'CREATE OR REPLACE STREAM j AS SELECT l.id, r.v FROM l LEFT JOIN r WITHIN (1 SECOND, 2 SECONDS) GRACE PERIOD 3 SECONDS ON l.id = r.id;',
      'CREATE OR REPLACE STREAM J AS SELECT\n  L.ID,\n  R.V\nFROM L L\nLEFT OUTER JOIN R R WITHIN (1 SECONDS, 2 SECONDS) GRACE PERIOD 3 SECONDS ON ((L.ID = R.ID))',
    ],
    ['CREATE TABLE w AS SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 30 SECONDS, GRACE PERIOD 1 MINUTE) GROUP BY k;', 'CREATE TABLE W AS SELECT\n  K,\n  COUNT(*)\nFROM S S\nWINDOW TUMBLING ( SIZE 30 SECONDS , GRACE PERIOD 1 MINUTES ) \nGROUP BY K'],
    ['CREATE TABLE w AS SELECT k, COUNT(*) FROM s WINDOW HOPPING (SIZE 1 HOUR, ADVANCE BY 10 MINUTES) GROUP BY k;', 'CREATE TABLE W AS SELECT\n  K,\n  COUNT(*)\nFROM S S\nWINDOW HOPPING ( SIZE 1 HOURS , ADVANCE BY 10 MINUTES ) \nGROUP BY K'],
    ['CREATE TABLE w AS SELECT k, COUNT(*) FROM s WINDOW SESSION (5 MINUTES) GROUP BY k;', 'CREATE TABLE W AS SELECT\n  K,\n  COUNT(*)\nFROM S S\nWINDOW SESSION ( 5 MINUTES ) \nGROUP BY K'],
    ['INSERT INTO sink SELECT * FROM s;', 'INSERT INTO SINK SELECT *\nFROM S S'],
    // Names that are lower-case or reserved words are back-quoted.
    ['CREATE STREAM `out` AS SELECT `low` `Alias`, `SELECT` FROM s;', 'CREATE STREAM `out` AS SELECT\n  `low` `Alias`,\n  `SELECT`\nFROM S S'],
  ];
  for (const [sql, text] of cases) {
    it(sql, () => expect(formatted(sql)).to.equal(text));
  }
});

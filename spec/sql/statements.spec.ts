/** Every statement kind: SQL text in, AST fragment out. */
import { expect } from 'chai';
import { parse, expectFragment, col, int, str, cmp, call, sql, bin } from './helpers.js';

interface Case {
  readonly sql: string;
  readonly ast: object;
}

function table(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.sql, () => expectFragment(parse(c.sql), c.ast));
    }
  });
}

const STRING = sql('STRING');
const INTEGER = sql('INTEGER');

table('CREATE STREAM / TABLE', [
  {
    sql: "CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='t', value_format='JSON');",
    ast: {
      kind: 'CreateSource',
      sourceType: 'STREAM',
      name: 'S',
      orReplace: false,
      ifNotExists: false,
      isSource: false,
      columns: [
        { name: 'ID', type: INTEGER, role: 'KEY', loc: { line: 1, column: 18 } },
        { name: 'V', type: STRING, role: 'VALUE' },
      ],
      properties: {
        KAFKA_TOPIC: { value: { type: 'STRING', value: 't' }, loc: { line: 1, column: 46 } },
        VALUE_FORMAT: { value: { type: 'STRING', value: 'JSON' } },
      },
      text: "CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='t', value_format='JSON');",
      loc: { line: 1, column: 1 },
    },
  },
  {
    sql: 'create or replace source table if not exists `Mixed` (K bigint primary key, "h" BYTES HEADERS, hk BYTES HEADER(\' x \'));',
    ast: {
      kind: 'CreateSource',
      sourceType: 'TABLE',
      name: 'Mixed',
      orReplace: true,
      ifNotExists: true,
      isSource: true,
      columns: [
        { name: 'K', type: sql('BIGINT'), role: 'PRIMARY_KEY' },
        { name: 'h', type: sql('BYTES'), role: 'HEADERS' },
        { name: 'HK', type: sql('BYTES'), role: 'HEADER', headerKey: 'x' },
      ],
      properties: {},
    },
  },
  { sql: 'CREATE TABLE t WITH (KAFKA_TOPIC = \'t\', FORMAT = \'AVRO\');', ast: { kind: 'CreateSource', columns: [], properties: { KAFKA_TOPIC: {}, FORMAT: {} } } },
  {
    sql: "CREATE STREAM s (k STRING KEY) WITH ('kafka_topic'='t', partitions=4, replicas=-1, wrap_single_value=false, x=null, y=1.5);",
    ast: {
      properties: {
        KAFKA_TOPIC: { value: { type: 'STRING', value: 't' } },
        PARTITIONS: { value: { type: 'INTEGER_TEXT', text: '4' } },
        REPLICAS: { value: { type: 'INTEGER_TEXT', text: '-1' } },
        WRAP_SINGLE_VALUE: { value: { type: 'BOOLEAN', value: false } },
        X: { value: { type: 'NULL' } },
        Y: { value: { type: 'DECIMAL_TEXT', text: '1.5' } },
      },
    },
  },
  { sql: 'CREATE STREAM s;', ast: { kind: 'CreateSource', name: 'S', columns: [] } },
  { sql: 'CREATE STREAM "my-stream" (a INT);', ast: { name: 'my-stream' } },
]);

table('CREATE ... AS SELECT', [
  {
    sql: "CREATE STREAM s2 WITH (kafka_topic='s2') AS SELECT * FROM s EMIT CHANGES;",
    ast: {
      kind: 'CreateAsSelect',
      sourceType: 'STREAM',
      name: 'S2',
      orReplace: false,
      properties: { KAFKA_TOPIC: {} },
      query: { kind: 'Query', select: [{ kind: 'AllColumns' }], from: { name: 'S' }, emit: 'CHANGES', text: 'SELECT * FROM s EMIT CHANGES;' },
    },
  },
  {
    sql: 'CREATE OR REPLACE TABLE IF NOT EXISTS t AS SELECT k, COUNT(*) FROM s GROUP BY k;',
    ast: { kind: 'CreateAsSelect', sourceType: 'TABLE', orReplace: true, ifNotExists: true, query: { groupBy: [col('K')] } },
  },
  { sql: 'CREATE TABLE t AS SELECT * FROM s;', ast: { kind: 'CreateAsSelect', properties: {} } },
]);

table('INSERT', [
  {
    sql: "INSERT INTO s (a, `b`) VALUES (1, 'x');",
    ast: { kind: 'InsertValues', target: 'S', columns: ['A', 'b'], values: [int('1'), str('x')] },
  },
  { sql: 'INSERT INTO s VALUES ();', ast: { kind: 'InsertValues', columns: [], values: [] } },
  { sql: 'insert into s values (-1, 2.50, 1E3, NULL, TRUE);', ast: { values: [int('-1'), { value: { text: '2.50' } }, { value: { text: '1E3' } }, { value: { type: 'NULL' } }, { value: { value: true } }] } },
  {
    sql: "INSERT INTO t WITH (QUERY_ID='q') SELECT * FROM s;",
    ast: { kind: 'InsertInto', target: 'T', properties: { QUERY_ID: {} }, query: { from: { name: 'S' } } },
  },
  { sql: 'INSERT INTO t SELECT a FROM s EMIT CHANGES;', ast: { kind: 'InsertInto', properties: {}, query: { emit: 'CHANGES' } } },
]);

table('DROP', [
  { sql: 'DROP STREAM s;', ast: { kind: 'DropSource', sourceType: 'STREAM', name: 'S', ifExists: false, deleteTopic: false } },
  { sql: 'DROP TABLE IF EXISTS `t` DELETE TOPIC;', ast: { kind: 'DropSource', sourceType: 'TABLE', name: 't', ifExists: true, deleteTopic: true } },
  { sql: 'DROP TYPE IF EXISTS address;', ast: { kind: 'DropType', name: 'ADDRESS', ifExists: true } },
  { sql: 'DROP TYPE address;', ast: { kind: 'DropType', ifExists: false } },
]);

table('SHOW / LIST', [
  { sql: 'SHOW STREAMS;', ast: { kind: 'ShowList', what: 'STREAMS', extended: false, all: false } },
  { sql: 'LIST STREAMS EXTENDED;', ast: { what: 'STREAMS', extended: true } },
  { sql: 'show tables;', ast: { what: 'TABLES' } },
  { sql: 'SHOW TOPICS;', ast: { what: 'TOPICS', all: false } },
  { sql: 'SHOW ALL TOPICS EXTENDED;', ast: { what: 'TOPICS', all: true, extended: true } },
  { sql: 'SHOW QUERIES EXTENDED;', ast: { what: 'QUERIES', extended: true } },
  { sql: 'LIST VARIABLES;', ast: { what: 'VARIABLES' } },
  { sql: 'SHOW PROPERTIES;', ast: { what: 'PROPERTIES' } },
  { sql: 'SHOW FUNCTIONS;', ast: { what: 'FUNCTIONS' } },
  { sql: 'SHOW TYPES;', ast: { what: 'TYPES' } },
]);

table('DESCRIBE', [
  { sql: 'DESCRIBE s;', ast: { kind: 'Describe', target: 'S', extended: false } },
  { sql: 'DESCRIBE `s` EXTENDED;', ast: { target: 's', extended: true } },
  { sql: 'DESCRIBE STREAMS EXTENDED;', ast: { target: '*', what: 'STREAMS', extended: true } },
  { sql: 'DESCRIBE TABLES;', ast: { target: '*', what: 'TABLES' } },
  { sql: 'DESCRIBE `TABLES`;', ast: { target: 'TABLES' } },
  { sql: 'DESCRIBE FUNCTION concat;', ast: { target: 'concat', what: 'FUNCTION' } },
  { sql: 'DESCRIBE function;', ast: { target: 'FUNCTION' } },
]);

table('PRINT', [
  { sql: 'PRINT my_topic;', ast: { kind: 'Print', topic: 'my_topic', fromBeginning: false } },
  { sql: "PRINT 'Dashed-Topic' FROM BEGINNING INTERVAL 2 LIMIT 10;", ast: { topic: 'Dashed-Topic', fromBeginning: true, interval: 2, limit: 10 } },
  { sql: 'PRINT `Quoted` SAMPLE 3;', ast: { topic: 'Quoted', interval: 3 } },
]);

table('variables, properties, queries, types', [
  { sql: "DEFINE myVar = 'it''s';", ast: { kind: 'DefineVariable', name: 'myVar', value: "it's" } },
  { sql: 'UNDEFINE myVar;', ast: { kind: 'UndefineVariable', name: 'myVar' } },
  { sql: "DEFINE select = 'x';", ast: { kind: 'DefineVariable', name: 'select' } },
  { sql: "SET 'auto.offset.reset'='earliest';", ast: { kind: 'SetProperty', name: 'auto.offset.reset', value: 'earliest' } },
  { sql: "UNSET 'auto.offset.reset';", ast: { kind: 'UnsetProperty', name: 'auto.offset.reset' } },
  { sql: 'TERMINATE CSAS_Out_1;', ast: { kind: 'Terminate', queryId: 'CSAS_Out_1', all: false } },
  { sql: 'TERMINATE ALL;', ast: { kind: 'Terminate', all: true } },
  { sql: 'CREATE TYPE address AS STRUCT<number INT, `street` VARCHAR>;', ast: { kind: 'CreateType', name: 'ADDRESS', ifNotExists: false, type: { kind: 'sql', type: { kind: 'STRUCT', fields: [{ name: 'NUMBER', type: { kind: 'INTEGER' } }, { name: 'street', type: { kind: 'STRING' } }] } } } },
  { sql: 'CREATE TYPE IF NOT EXISTS person AS STRUCT<name VARCHAR, address ADDRESS>;', ast: { kind: 'CreateType', ifNotExists: true, type: { kind: 'custom', name: 'STRUCT<`NAME` STRING, `ADDRESS` ADDRESS>', tree: { kind: 'STRUCT', fields: [{ name: 'NAME', type: STRING }, { name: 'ADDRESS', type: { kind: 'custom', name: 'ADDRESS' } }] } } } },
  { sql: 'EXPLAIN CSAS_X_1;', ast: { kind: 'Explain', queryId: 'CSAS_X_1' } },
  { sql: 'EXPLAIN SELECT * FROM s;', ast: { kind: 'Explain', statement: { kind: 'Query', from: { name: 'S' }, text: 'SELECT * FROM s;' } } },
  { sql: 'EXPLAIN SHOW;', ast: { kind: 'Explain', queryId: 'SHOW' } },
]);

table('SELECT clauses', [
  {
    sql: 'SELECT a, s.b AS x, s.*, c y FROM s WHERE a > 1 EMIT CHANGES LIMIT 5;',
    ast: {
      kind: 'Query',
      select: [
        { kind: 'Expr', expr: col('A') },
        { kind: 'Expr', expr: col('B', 'S'), alias: 'X' },
        { kind: 'AllColumns', source: 'S' },
        { kind: 'Expr', expr: col('C'), alias: 'Y' },
      ],
      from: { name: 'S' },
      joins: [],
      where: cmp('>', col('A'), int('1')),
      groupBy: [],
      partitionBy: [],
      emit: 'CHANGES',
      limit: 5,
    },
  },
  { sql: 'SELECT * FROM s;', ast: { select: [{ kind: 'AllColumns' }], groupBy: [], partitionBy: [] } },
  { sql: 'SELECT ALL a FROM s;', ast: { select: [{ expr: col('A') }] } },
  { sql: 'SELECT * FROM s EMIT FINAL;', ast: { emit: 'FINAL' } },
  { sql: 'SELECT * FROM s x EMIT CHANGES;', ast: { from: { name: 'S', alias: 'X' }, emit: 'CHANGES' } },
  { sql: 'SELECT * FROM s AS emit EMIT CHANGES;', ast: { from: { alias: 'EMIT' }, emit: 'CHANGES' } },
  { sql: 'SELECT * FROM s EMIT;', ast: { from: { alias: 'EMIT' } } },
  { sql: 'SELECT * FROM s partition PARTITION BY a;', ast: { from: { alias: 'PARTITION' }, partitionBy: [col('A')] } },
  { sql: 'SELECT * FROM s PARTITION BY a, b;', ast: { partitionBy: [col('A'), col('B')] } },
  { sql: 'SELECT a, COUNT(*) FROM s GROUP BY (a, b) HAVING COUNT(*) > 1;', ast: { groupBy: [col('A'), col('B')], having: cmp('>', { kind: 'FunctionCall', name: 'COUNT', star: true }, int('1')) } },
  { sql: 'SELECT a FROM s GROUP BY (a) + 1;', ast: { groupBy: [bin('+', col('A'), int('1'))] } },
  { sql: 'SELECT s->f->* FROM s;', ast: { select: [{ kind: 'Expr', expr: { kind: 'StructDeref', field: '*', base: { kind: 'StructDeref', field: 'F', base: col('S') } } }] } },
  {
    sql: 'SELECT * FROM a JOIN b ON a.id = b.id LEFT OUTER JOIN c cc WITHIN (1 SECOND, 2 MINUTES) GRACE PERIOD 3 HOURS ON a.id = cc.id FULL JOIN d WITHIN 10 SECONDS ON TRUE RIGHT JOIN e ON TRUE INNER JOIN f ON TRUE;',
    ast: {
      from: { name: 'A' },
      joins: [
        { type: 'INNER', right: { name: 'B' }, on: cmp('=', col('ID', 'A'), col('ID', 'B')) },
        {
          type: 'LEFT',
          right: { name: 'C', alias: 'CC' },
          within: {
            before: { value: 1, millis: 1000, unit: 'SECONDS' },
            after: { value: 2, millis: 120000, unit: 'MINUTES' },
            grace: { value: 3, millis: 10800000, unit: 'HOURS' },
          },
        },
        { type: 'FULL', within: { before: { millis: 10000 }, after: { millis: 10000 } } },
        { type: 'RIGHT' },
        { type: 'INNER', right: { name: 'F' } },
      ],
    },
  },
  { sql: 'SELECT * FROM s WINDOW TUMBLING (SIZE 1 HOUR, RETENTION 2 DAYS, GRACE PERIOD 10 MILLISECONDS) EMIT CHANGES;', ast: { window: { type: 'TUMBLING', size: { value: 1, millis: 3600000, unit: 'HOURS' }, retention: { millis: 172800000 }, grace: { millis: 10 } } } },
  { sql: 'SELECT * FROM s WINDOW HOPPING (SIZE 30 SECONDS, ADVANCE BY 10 SECOND);', ast: { window: { type: 'HOPPING', size: { millis: 30000 }, advance: { millis: 10000, unit: 'SECONDS' } } } },
  { sql: 'SELECT * FROM s WINDOW w SESSION (5 MINUTES, GRACE PERIOD 1 MINUTE);', ast: { window: { type: 'SESSION', gap: { millis: 300000 }, grace: { millis: 60000 } } } },
  { sql: 'SELECT TIMESTAMPADD(MILLISECONDS, 5, ts), DATEADD(DAY, 1, d) FROM s;', ast: { select: [{ expr: call('TIMESTAMPADD', { kind: 'IntervalUnit', unit: 'MILLISECONDS' }, int('5'), col('TS')) }, { expr: call('DATEADD', col('DAY'), int('1'), col('D')) }] } },
]);

describe('statement text and location', () => {
  it('keeps the text as written, from the first token to the ;', () => {
    const s = parse('  -- a comment\n  SELECT *\n  FROM s ;  ');
    expect(s.text).to.equal('SELECT *\n  FROM s ;');
    expect(s.loc).to.deep.equal({ line: 2, column: 3 });
  });
});

/**
 * Error messages, exactly. Cases marked (ksqlDB) are messages asserted by ksqlDB's own tests or
 * quoted in its code review threads; the others follow from ANTLR's error strategy and ksqlDB's
 * SyntaxErrorValidator, which syntax-errors.ts reproduces.
 */
import { expect } from 'chai';
import { SqlError } from '../../src/errors.js';
import { parseStatement, splitStatements } from '../../src/sql/parse.js';
import { parseError } from './helpers.js';

interface Case {
  readonly sql: string;
  readonly message: string;
}

function table(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.sql, () => expect(parseError(c.sql).message).to.equal(c.message));
    }
  });
}

table('unknown statements', [
  { sql: 'SLECTT * FROM s;', message: "line 1:1: Syntax Error\nUnknown statement 'SLECTT'\nDid you mean 'SELECT'?" }, // (ksqlDB)
  { sql: 'PRONT `NON_EXISTING_TOPIC`;', message: "line 1:1: Syntax Error\nUnknown statement 'PRONT'\nDid you mean 'PRINT'?" }, // (ksqlDB)
  { sql: "RUN SCRIPT 'foo';", message: "line 1:1: Syntax Error\nUnknown statement 'RUN'\nDid you mean 'PRINT'?" }, // (ksqlDB, prefix)
  { sql: 'slectt;', message: "line 1:1: Syntax Error\nUnknown statement 'slectt'\nDid you mean 'SELECT'?" },
  { sql: 'FROM x;', message: "line 1:1: Syntax Error\nUnknown statement 'FROM'\nDid you mean 'DROP'?" },
  { sql: ';', message: "line 1:1: Syntax Error\nUnknown statement ';'\nDid you mean 'SET'?" },
  { sql: '  \n  DESCRIB s;', message: "line 2:3: Syntax Error\nUnknown statement 'DESCRIB'\nDid you mean 'DESCRIBE'?" },
]);

table('no alternative fits (NoViableAlt)', [
  { sql: 'ASSERT VALUES foo (id INT) VALUES (123);', message: "line 1:8: Syntax Error\nSyntax error at or near 'VALUES' at line 1:8" }, // (ksqlDB)
  { sql: 'SHOW FOO;', message: "line 1:6: Syntax Error\nSyntax error at or near 'FOO' at line 1:6" },
  { sql: 'TERMINATE;', message: "line 1:10: Syntax Error\nSyntax error at or near ';' at line 1:10" },
  { sql: 'CREATE STREAM;', message: "line 1:14: Syntax Error\nSyntax error at or near ';' at line 1:14" },
  { sql: "CREATE STREAM s WITH (kafka_topic=);", message: "line 1:35: Syntax Error\nSyntax error at or near ')' at line 1:35" },
  { sql: 'SELECT a. FROM s;', message: "line 1:11: Syntax Error\nSyntax error at or near 'FROM' at line 1:11" },
  { sql: 'SELECT f(x => 1) FROM s;', message: "line 1:12: Syntax Error\nSyntax error at or near '=>' at line 1:12" },
  { sql: 'DESCRIBE;', message: "line 1:9: Syntax Error\nSyntax error at or near ';' at line 1:9" },
  // selectSingle and selectStructAll (`primaryExpression->*`) both read `(a`, so the select item is undecided.
  { sql: 'SELECT (a FROM s;', message: "line 1:11: Syntax Error\nSyntax error at or near 'FROM' at line 1:11" },
]);

table('expecting a few tokens', [
  { sql: "CREATE STREAM INPUT (K INT (KEY)) WITH (kafka_topic='input',value_format='JSON');", message: "line 1:29: Syntax Error\nExpecting {'STRING', INTEGER_VALUE}" }, // (ksqlDB)
  { sql: "CREATE STREAM INPUT (K VARCHAR (KEY)) WITH (kafka_topic='input',value_format='JSON');", message: "line 1:33: Syntax Error\nExpecting {'STRING', INTEGER_VALUE}" }, // (ksqlDB)
  { sql: 'create stream foo a select * from bar;', message: "line 1:19: Syntax Error\nExpecting {';', '(', 'WITH'}" }, // (ksqlDB review thread)
  { sql: 'describe functiii concat;', message: "line 1:19: Syntax Error\nExpecting ';'" }, // (ksqlDB review thread)
  // The `(',' selectItem)*` loop is where ANTLR's sync() notices: FROM must follow it.
  { sql: 'SELECT a b c FROM s;', message: "line 1:12: Syntax Error\nExpecting {',', 'FROM'}" },
  { sql: 'SELECT a;', message: "line 1:9: Syntax Error\nExpecting {',', 'FROM'}" },
  { sql: 'SELECT a, b c d FROM s;', message: "line 1:15: Syntax Error\nExpecting {',', 'FROM'}" },
  { sql: 'INSERT INTO s VALUES (1, 2;', message: "line 1:27: Syntax Error\nExpecting {',', ')'}" },
  { sql: 'SELECT a->* + 1 FROM s;', message: "line 1:13: Syntax Error\nExpecting {',', 'FROM'}" },
  { sql: 'SELECT * FROM s WHERE a = 1 EMIT;', message: "line 1:33: Syntax Error\nExpecting {'CHANGES', 'FINAL'}" },
  { sql: 'CREATE STREAM s (a INT) AS SELECT * FROM t;', message: "line 1:25: Syntax Error\nExpecting {';', 'WITH'}" },
  { sql: "SET 'a' = 'b' 'c';", message: "line 1:15: Syntax Error\nExpecting ';'" },
  { sql: 'DEFINE x = 5;', message: "line 1:12: Syntax Error\nExpecting STRING" },
  { sql: "DEFINE SELECT = 'a';", message: "line 1:8: Syntax Error\nExpecting IDENTIFIER" },
  { sql: "DEFINE `x` = 'a';", message: "line 1:8: Syntax Error\nExpecting IDENTIFIER" },
]);

table('missing a token', [
  { sql: 'CREATE TABLE OUTPUT AS SELECT f1, f2, COUNT(*) FROM TEST GROUP BY f3, (f2, f1);', message: "line 1:74: Syntax Error\nmissing ')' at ','" }, // (ksqlDB, on line 2 there)
  { sql: 'DROP STREAM s DELETE;', message: "line 1:21: Syntax Error\nmissing 'TOPIC' at ';'" },
  { sql: 'INSERT INTO s VALUES (1;', message: "line 1:24: Syntax Error\nExpecting {',', ')'}" },
  { sql: 'SELECT * FROM s WHERE (a = 1;', message: "line 1:29: Syntax Error\nmissing ')' at ';'" },
  { sql: 'SELECT * FROM x', message: "line 1:16: Syntax Error\nmissing ';' at '<EOF>'" },
  { sql: 'SHOW STREAMS\n', message: "line 2:1: Syntax Error\nmissing ';' at '<EOF>'" },
]);

table('reserved words', [
  {
    sql: 'SELECT FROM s;',
    message: 'line 1:8: Syntax Error\n"FROM" is a reserved keyword and it can\'t be used as an identifier. You can use it as an identifier by escaping it as \'FROM\' ',
  },
  {
    sql: 'SELECT * FROM s; FROM t;',
    message: 'line 1:18: Syntax Error\n"FROM" is a reserved keyword and it can\'t be used as an identifier. You can use it as an identifier by escaping it as \'FROM\' ',
  },
]);

table('long expected lists leave only "Syntax Error"', [
  { sql: 'SELECT * FROM riderLocations LIMIT heh;', message: 'line 1:36: Syntax Error\n' }, // (ksqlDB, prefix)
  { sql: "CREATE STREAM INPUT (ROWKEY INT KEY, COL0 NULL) WITH (kafka_topic='t', value_format='JSON');", message: 'line 1:43: Syntax Error\n' }, // (ksqlDB, "Syntax Error")
  { sql: 'SELECT * FROM INPUT WHERE ID IN ( );', message: 'line 1:35: Syntax Error\n' }, // (ksqlDB, "Syntax Error")
  { sql: 'SELECT * FROM s WHERE;', message: 'line 1:22: Syntax Error\n' },
  { sql: "SELECT 'unterminated FROM s;", message: 'line 1:8: Syntax Error\n' },
  { sql: 'SELECT $x FROM s;', message: 'line 1:8: Syntax Error\n' },
]);

table('errors ksqlDB raises while building the AST', [
  { sql: 'SELECT * FROM riderLocations LIMIT 2.5;', message: 'Failed to prepare statement: Value must be integer for command: LIMIT' }, // (ksqlDB)
  { sql: 'SELECT K, id, 1.7976931348623159E308 FROM INPUT;', message: 'Failed to prepare statement: line 1:16: Number overflows DOUBLE: 1.7976931348623159E308' }, // (ksqlDB, column one to the right)
  { sql: 'SELECT -9223372036854775809 FROM INPUT;', message: 'Failed to prepare statement: line 1:9: Invalid numeric literal: -9223372036854775809' },
  { sql: 'SELECT unknown.* FROM INPUT i;', message: "Failed to prepare statement: 'UNKNOWN' is not a valid stream/table name or alias." }, // (ksqlDB)
  { sql: 'SELECT * FROM a i1 JOIN b i2 WITHIN 10 SECONDS ON unknown.K = i2.K;', message: "Failed to prepare statement: 'UNKNOWN' is not a valid stream/table name or alias." }, // (ksqlDB)
  {
    sql: "CREATE TABLE INPUT (ID INT KEY, NAME STRING) WITH (kafka_topic='input',value_format='JSON');",
    message:
      "Line: 1, Col: 21: Column `ID` is a 'KEY' column: please use 'PRIMARY KEY' for tables.\nTables have PRIMARY KEYs, which are unique and NON NULL.\nStreams have KEYs, which have no uniqueness or NON NULL constraints.",
  }, // (ksqlDB)
  {
    sql: "CREATE STREAM INPUT (ID INT PRIMARY KEY, NAME STRING) WITH (kafka_topic='input',value_format='JSON');",
    message:
      "Line: 1, Col: 22: Column `ID` is a 'PRIMARY KEY' column: please use 'KEY' for streams.\nTables have PRIMARY KEYs, which are unique and NON NULL.\nStreams have KEYs, which have no uniqueness or NON NULL constraints.",
  }, // (ksqlDB)
  { sql: 'CREATE STREAM `a b` (x INT);', message: "Illegal argument at Line: 1, Col: 15. Source names may only contain alphanumeric values, '_' or '-'. Got: 'a b'" },
  { sql: 'SELECT * FROM ${src};', message: "Illegal argument at Line: 1, Col: 15. Source names may only contain alphanumeric values, '_' or '-'. Got: '${SRC}'" },
  { sql: 'SELECT * FROM s WHERE x = ${v};', message: 'Failed to prepare statement: not yet implemented' },
  { sql: "SELECT * FROM s WHERE x LIKE 'a' ESCAPE 'ab';", message: "Failed to prepare statement: Optional[Line: 1, Col: 41]: Expected single character escape but got: ab" },
  { sql: "SELECT TIMESTAMP '2020' FROM s;", message: 'Failed to prepare statement: Unknown type: TIMESTAMP, location:Optional[Line: 1, Col: 8]' },
  { sql: "SELECT MAP('a' := 1, 'a' := 2) FROM s;", message: "Failed to prepare statement: Multiple entries with same key: 'a'=1 and 'a'=2" },
  { sql: "CREATE STREAM s (a INT) WITH (x='a', x='b');", message: "Failed to prepare statement: Multiple entries with same key: X='a' and X='b'" },
  { sql: 'CREATE STREAM s (a INT, b STRING, A BIGINT);', message: 'Failed to prepare statement: Duplicate column names: `A`' },
  { sql: 'CREATE STREAM s (a STRUCT<f INT, `F` STRING>);', message: "Failed to prepare statement: Duplicate field names found in STRUCT: '`F` INTEGER' and '`F` STRING'" },
  { sql: 'CREATE STREAM s (a DECIMAL(0, 0));', message: 'Failed to prepare statement: DECIMAL precision must be >= 1: DECIMAL(0,0)' },
  { sql: 'CREATE STREAM s (a DECIMAL(2, 3));', message: 'Failed to prepare statement: DECIMAL precision must be >= scale: DECIMAL(2,3)' },
  { sql: 'CREATE STREAM s (a DECIMAL(2.5, 1));', message: 'Failed to prepare statement: Value must be integer for command: DECIMAL(PRECISION)' },
  { sql: 'SELECT * FROM s WINDOW TUMBLING (SIZE 1.5 SECONDS);', message: 'Failed to prepare statement: For input string: "1.5"' },
  { sql: "SELECT * FROM s WHERE a AT TIME ZONE 'UTC' = 1;", message: 'Failed to prepare statement: not yet implemented' },
  { sql: "ALTER SYSTEM 'ksql.x'='y';", message: 'ALTER SYSTEM is not supported by this server.' },
  { sql: "CREATE SOURCE CONNECTOR c WITH ('a'='b');", message: 'CREATE CONNECTOR is not supported by this server.' },
  { sql: 'PAUSE ALL;', message: 'PAUSE is not supported by this server.' },
]);

table('exactly one statement', [
  { sql: 'SHOW STREAMS; SHOW TABLES;', message: 'Expected exactly one KSQL statement; found 2 instead' },
  { sql: '  -- nothing\n', message: 'Expected exactly one KSQL statement; found 0 instead' },
  { sql: 'SHOW STREAMS; SHOW TABLE;', message: "line 1:20: Syntax Error\nSyntax error at or near 'TABLE' at line 1:20" },
]);

describe('positions across statements', () => {
  it('counts lines and columns from the start of the whole request', () => {
    const raws = splitStatements('SHOW STREAMS;\nSELECT * FROM s;\n  SELECT a FROM s WHERE a = = 1;');
    expect(() => parseStatement(raws[1]!)).not.to.throw();
    const e = (() => {
      try {
        parseStatement(raws[2]!);
      } catch (err) {
        return err as SqlError;
      }
      throw new Error('expected a syntax error');
    })();
    expect(e).to.be.instanceOf(SqlError);
    expect([e.line, e.column]).to.deep.equal([3, 29]);
    expect(e.message).to.equal('line 3:29: Syntax Error\n');
    expect(e.statementText).to.equal('SELECT a FROM s WHERE a = = 1;');
  });

  it('treats a later unknown statement as extraneous, as ANTLR does after a first statement', () => {
    const raws = splitStatements('SHOW STREAMS;\nslectt x;');
    expect(() => parseStatement(raws[1]!)).to.throw("line 2:1: Syntax Error\nUnknown statement 'slectt'\nDid you mean 'SELECT'?");
  });
});

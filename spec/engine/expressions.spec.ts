/**
 * The expression compiler: operators, CAST, CASE, LIKE, access, DECIMAL arithmetic, three-valued
 * logic, and compile-time errors worded as ksqlDB words them. Values are checked as they would
 * be written in a row.
 */
import { expect } from 'chai';
import { BIGINT, INTEGER, STRING, array, struct } from '../../src/sql/types.js';
import { compileError, evaluate, type Columns } from '../support/eval-expression.js';

const COLUMNS: Columns = {
  I: [INTEGER, 7],
  N: [INTEGER, null],
  B: [BIGINT, 9007199254740993n],
  S: [STRING, 'hello'],
  A: [array(STRING), ['x', 'y', 'z']],
  R: [struct([{ name: 'F', type: INTEGER }]), { F: 3 }],
  ROWTIME: [BIGINT, 1546300800000n], // 2019-01-01T00:00:00Z
};

const cases: [string, string, string][] = [
  ['I + 1', 'INTEGER', '8'],
  ['2147483647 + 1', 'INTEGER', '-2147483648'],
  ['B + 1', 'BIGINT', '9007199254740994'],
  ['I / 2', 'INTEGER', '3'],
  ['-7 / 2', 'INTEGER', '-3'],
  ['I % 0', 'INTEGER', 'null'],
  ['I / 2.0', 'DECIMAL(17, 6)', '3.500000'],
  ['I * 1.5E0', 'DOUBLE', '10.5'],
  ['1.10 + 2.005', 'DECIMAL(5, 3)', '3.105'],
  ["S + ' world'", 'STRING', '"hello world"'],
  ['N + 1', 'INTEGER', 'null'],
  // Arithmetic on NULL (and integral division by zero) fails the whole expression, not only the
  // operator: what surrounds it cannot turn it into a value.
  ['IFNULL(N + 1, 0)', 'INTEGER', 'null'],
  ['COALESCE(-N, 5)', 'INTEGER', 'null'],
  ['IFNULL(I / 0, 0)', 'INTEGER', 'null'],
  ['IFNULL(N * 1.5, 2.0)', 'DECIMAL(13, 1)', 'null'],
  ['CASE WHEN N IS NULL THEN 0 ELSE N + 1 END', 'INTEGER', '0'],
  ['TRANSFORM(ARRAY[5, 6], x => x + 5)', 'ARRAY<INTEGER>', '[10,11]'],
  ['TRANSFORM(ARRAY[5, N], x => x + 5)', 'ARRAY<INTEGER>', 'null'],
  ['TRANSFORM(ARRAY[5, N], x => IFNULL(x, 0) + 5)', 'ARRAY<INTEGER>', '[10,5]'],
  ['N > 1 OR TRUE', 'BOOLEAN', 'true'],
  ['N > 1 AND TRUE', 'BOOLEAN', 'null'],
  ['N > 1 AND FALSE', 'BOOLEAN', 'false'],
  ['NOT (N > 1)', 'BOOLEAN', 'null'],
  ['N IS NULL', 'BOOLEAN', 'true'],
  ['I BETWEEN 1 AND 7', 'BOOLEAN', 'true'],
  ['I NOT BETWEEN 1 AND 6', 'BOOLEAN', 'true'],
  ['I IN (1, 2, 7)', 'BOOLEAN', 'true'],
  ['I IN (1, N)', 'BOOLEAN', 'null'],
  ["I IN (1, '7.0')", 'BOOLEAN', 'true'],
  ["S IN (10, TRUE, 'hello')", 'BOOLEAN', 'true'],
  ["'10.30' IN (10.30)", 'BOOLEAN', 'true'],
  ["'true' IN (TRUE)", 'BOOLEAN', 'true'],
  ["ARRAY[1, 2] IN (ARRAY['1', '2'])", 'BOOLEAN', 'true'],
  ["R IN (STRUCT(F := '3'))", 'BOOLEAN', 'true'],
  ['R IN (STRUCT(G := 3))', 'BOOLEAN', 'false'],
  ['ARRAY[1, 2] = ARRAY[1, 2]', 'BOOLEAN', 'true'],
  ['R = STRUCT(F := 3)', 'BOOLEAN', 'true'],
  ['N IS NOT DISTINCT FROM N', 'BOOLEAN', 'true'],
  ["S LIKE 'h%o'", 'BOOLEAN', 'true'],
  ["S LIKE 'H%'", 'BOOLEAN', 'false'],
  ["S NOT LIKE '_ello'", 'BOOLEAN', 'false'],
  ["'50%' LIKE '50!%' ESCAPE '!'", 'BOOLEAN', 'true'],
  ['CAST(I AS STRING)', 'STRING', '"7"'],
  ['CAST(I AS DOUBLE)', 'DOUBLE', '7.0'],
  ['CAST(2.5 AS INT)', 'INTEGER', '2'],
  ['CAST(-2.5 AS BIGINT)', 'BIGINT', '-2'],
  ["CAST('1.005' AS DECIMAL(3, 2))", 'DECIMAL(3, 2)', '1.01'],
  ["CAST('nope' AS INT)", 'INTEGER', 'null'],
  ["CAST('TRUE' AS BOOLEAN)", 'BOOLEAN', 'true'],
  ['CAST(1E7 AS STRING)', 'STRING', '"1.0E7"'],
  ["CAST('2020-01-01T04:40:34.789' AS TIMESTAMP)", 'TIMESTAMP', '"2020-01-01T04:40:34.789"'],
  ["CAST(CAST('2020-01-01T04:40:34.789' AS TIMESTAMP) AS DATE)", 'DATE', '"2020-01-01"'],
  ['CAST(A AS STRING)', 'STRING', '"[x, y, z]"'],
  ["CASE WHEN I > 5 THEN 'big' ELSE 'small' END", 'STRING', '"big"'],
  ["CASE I WHEN 1 THEN 'one' WHEN 7 THEN 'seven' END", 'STRING', '"seven"'],
  ["CASE WHEN N > 5 THEN 'big' END", 'STRING', 'null'],
  ['A[1]', 'STRING', '"x"'],
  ['A[-1]', 'STRING', '"z"'],
  ['A[4]', 'STRING', 'null'],
  ['R->F', 'INTEGER', '3'],
  ['ARRAY[1, 2.5]', 'ARRAY<DECIMAL(11, 1)>', '[1.0,2.5]'],
  // Constructor items share a type found item by item in written order (ksqlDB's CoercionUtil).
  ["ARRAY[NULL, 10, '2e1', I]", 'ARRAY<DECIMAL(10, 0)>', '[null,10,20,7]'],
  ["ARRAY[NULL, 10, '2e1', I, B]", 'ARRAY<DECIMAL(19, 0)>', '[null,10,20,7,9007199254740993]'],
  ["ARRAY[1, '2']", 'ARRAY<INTEGER>', '[1,2]'],
  ["ARRAY[1, '2147483647']", 'ARRAY<BIGINT>', '[1,2147483647]'],
  ["ARRAY[1, '2.5']", 'ARRAY<DECIMAL(11, 1)>', '[1.0,2.5]'],
  ['ARRAY[I, B]', 'ARRAY<BIGINT>', '[7,9007199254740993]'],
  ["ARRAY[S, 1, TRUE]", 'ARRAY<STRING>', '["hello","1","true"]'],
  ["ARRAY[TRUE, 'yes', 'f']", 'ARRAY<BOOLEAN>', '[true,true,false]'],
  ["ARRAY[ARRAY[1], ARRAY['2']]", 'ARRAY<ARRAY<INTEGER>>', '[[1],[2]]'],
  ["ARRAY[R, STRUCT(G := 'x')]", 'ARRAY<STRUCT<`G` STRING, `F` INTEGER>>', '[{"G":null,"F":3},{"G":"x","F":null}]'],
  [
    'ARRAY[STRUCT(X := I, Y := B), STRUCT(Y := I, Z := B)]',
    'ARRAY<STRUCT<`Y` BIGINT, `Z` BIGINT, `X` INTEGER>>',
    '[{"Y":9007199254740993,"Z":null,"X":7},{"Y":7,"Z":9007199254740993,"X":null}]',
  ],
  ["MAP('a' := 1, 'b' := 2.5)", 'MAP<STRING, DECIMAL(11, 1)>', '{"a":1.0,"b":2.5}'],
  ["MAP(S := TRUE, 10 := 'no')", 'MAP<STRING, BOOLEAN>', '{"hello":true,"10":false}'],
  ["MAP('a' := 1, 'b' := 2)['b']", 'INTEGER', '2'],
  // A string compared with ROWTIME is a timestamp, completed when partial (UTC unless it says).
  ["ROWTIME >= '2018'", 'BOOLEAN', 'true'],
  ["ROWTIME >= '2019-02'", 'BOOLEAN', 'false'],
  ["ROWTIME = '2019-01-01'", 'BOOLEAN', 'true'],
  ["ROWTIME = '2019-01-01T00'", 'BOOLEAN', 'true'],
  ["ROWTIME = '2019-01-01T02:00+0200'", 'BOOLEAN', 'true'],
  ["ROWTIME < '2018-12-31T23:59:59.999-0100'", 'BOOLEAN', 'true'],
  ["'2019' = ROWTIME", 'BOOLEAN', 'true'],
  ["ROWTIME BETWEEN '2018' AND '2019-01-01T00:00:00.001'", 'BOOLEAN', 'true'],
];

describe('expressions', () => {
  for (const [expr, type, json] of cases) {
    it(`${expr} → ${type} ${json}`, () => {
      const r = evaluate(expr, COLUMNS);
      expect([r.type, r.json]).to.deep.equal([type, json]);
    });
  }

  const errors: [string, RegExp][] = [
    ["I = 'x'", /Cannot compare I \(INTEGER\) to 'x' \(STRING\) with EQUAL\./],
    ['I = NULL', /Comparison with NULL not supported: INTEGER = NULL\nUse 'IS NULL' or 'IS NOT NULL' instead\./],
    ['NULL <> NULL', /Comparison with NULL not supported: NULL <> NULL/],
    ["I IN (1, 'x')", /Invalid Predicate: invalid input syntax for type INTEGER: "x"\./],
    ['I IN (TRUE)', /Invalid Predicate: operator does not exist: INTEGER = BOOLEAN \(true\)/],
    ["ARRAY[1] IN (ARRAY['x'])", /Invalid Predicate: invalid input syntax for type INTEGER: "x"\./],
    ['ARRAY[1] IN (ARRAY[S])', /Invalid Predicate: operator does not exist: ARRAY<INTEGER> = ARRAY<STRING> \(ARRAY\[S\]\)/],
    ['TRUE + 1.5', /Error processing expression: \(true \+ 1\.5\)\. Unsupported arithmetic types\. BOOLEAN DECIMAL/],
    ['1 + NULL', /Error processing expression: \(1 \+ null\)\. Arithmetic on types INTEGER and null are not supported\./],
    ["CAST('x' AS ARRAY<INT>)", /Cast of STRING to ARRAY<INTEGER> is not supported/],
    ["CASE WHEN I > 1 THEN 'a' ELSE 1 END", /Invalid Case expression\. Type for all 'THEN' clauses should be the same\./],
    ['NOPE + 1', /SELECT column 'NOPE' cannot be resolved\./],
    ["ARRAY[1, 'not a number']", /^invalid input syntax for type INTEGER: "not a number"\.$/],
    ["ARRAY[TRUE, 'maybe']", /^invalid input syntax for type BOOLEAN: "maybe"\.$/],
    ["ARRAY['1', I]", /^operator does not exist: STRING = INTEGER \(I\)\nHint: You might need to add explicit type casts\.$/],
    ['ARRAY[ARRAY[1], ARRAY[S]]', /^operator does not exist: ARRAY<INTEGER> = ARRAY<STRING> \(ARRAY\[S\]\)\n/],
    ["ROWTIME > 'soon'", /^Failed to parse timestamp 'soon': .*\nRequired format is: "yyyy-MM-dd'T'HH:mm:ss\.SSS"/],
    ["ROWTIME > '2019-13'", /^Failed to parse timestamp '2019-13': /],
    ["ROWTIME > '2019-01-01T00:00:00.000+9900'", /^Failed to parse timestamp '\S+': Failed to parse timezone '\+9900': /],
  ];
  for (const [expr, message] of errors) {
    it(`refuses ${expr}`, () => {
      expect(compileError(expr, COLUMNS)).to.match(message);
    });
  }
});

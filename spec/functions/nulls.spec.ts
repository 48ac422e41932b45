/** NULL functions: COALESCE, IFNULL, NULLIF, AS_VALUE. */
import { expect } from 'chai';
import { Decimal } from '../../src/sql/decimal.js';
import { BIGINT, BYTES, DOUBLE, INTEGER, STRING, array, decimal, map, struct } from '../../src/sql/types.js';
import { compileError, evaluate, itEvaluates, type Columns } from '../support/eval-expression.js';

const COLUMNS: Columns = {
  I: [INTEGER, 1],
  I_NULL: [INTEGER, null],
  L: [BIGINT, 10000000000n],
  L_NULL: [BIGINT, null],
  D: [DOUBLE, 2.5],
  D_NAN: [DOUBLE, NaN],
  D_NULL: [DOUBLE, null],
  DEC: [decimal(4, 2), Decimal.parse('12.30')],
  S: [STRING, 'not null'],
  S_NULL: [STRING, null],
  A: [array(INTEGER), [1, 2, 3]],
  A_NULL: [array(INTEGER), null],
  M: [map(STRING, INTEGER), new Map([['expected', 10]])],
  M_NULL: [map(STRING, INTEGER), null],
  ST: [struct([{ name: 'F1', type: STRING }]), { F1: 'foo' }],
  B: [BYTES, Buffer.from('hi')],
};

type Case = [expression: string, type: string, json: string];

const cases: Record<string, Case[]> = {
  COALESCE: [
    ['COALESCE(I, 2)', 'INTEGER', '1'],
    ['COALESCE(I_NULL, 2)', 'INTEGER', '2'],
    ['COALESCE(I_NULL, I_NULL, I_NULL, 3)', 'INTEGER', '3'],
    ['COALESCE(I_NULL, NULL, I_NULL)', 'INTEGER', 'null'],
    ['COALESCE(I)', 'INTEGER', '1'],
    ['COALESCE(NULL, I)', 'INTEGER', '1'],
    ["COALESCE(S_NULL, 'x')", 'STRING', '"x"'],
    ["COALESCE(S, 'x')", 'STRING', '"not null"'],
    ["COALESCE(S_NULL, '')", 'STRING', '""'],
    ['COALESCE(A, ARRAY[10, 20])', 'ARRAY<INTEGER>', '[1,2,3]'],
    ['COALESCE(A_NULL, ARRAY[10, 20])', 'ARRAY<INTEGER>', '[10,20]'],
    ['COALESCE(D_NULL, D_NAN)', 'DOUBLE', '"NaN"'],
    // Numbers widen to the widest argument type.
    ['COALESCE(I_NULL, L)', 'BIGINT', '10000000000'],
    ['COALESCE(I, L)', 'BIGINT', '1'],
    ['COALESCE(I_NULL, D)', 'DOUBLE', '2.5'],
    ['COALESCE(L_NULL, 1.5)', 'DECIMAL(20, 1)', '1.5'],
  ],
  IFNULL: [
    ['IFNULL(I, 10)', 'INTEGER', '1'],
    ['IFNULL(I_NULL, 10)', 'INTEGER', '10'],
    ['IFNULL(I_NULL, I_NULL)', 'INTEGER', 'null'],
    ['IFNULL(I_NULL, -1)', 'INTEGER', '-1'],
    ["IFNULL(S_NULL, 'ünïcödé')", 'STRING', '"ünïcödé"'],
    ['IFNULL(A_NULL, ARRAY[10, 20])', 'ARRAY<INTEGER>', '[10,20]'],
    ["IFNULL(M_NULL, MAP('a' := 1))", 'MAP<STRING, INTEGER>', '{"a":1}'],
    ['IFNULL(D_NULL, 1)', 'DOUBLE', '1.0'],
    ['IFNULL(L_NULL, I)', 'BIGINT', '1'],
  ],
  NULLIF: [
    ['NULLIF(I, 10)', 'INTEGER', '1'],
    ['NULLIF(I, 1)', 'INTEGER', 'null'],
    ['NULLIF(I_NULL, 1)', 'INTEGER', 'null'],
    ['NULLIF(I, I_NULL)', 'INTEGER', '1'],
    ["NULLIF(S, 'x')", 'STRING', '"not null"'],
    ["NULLIF(S, 'not null')", 'STRING', 'null'],
    ["NULLIF(S, 'NOT NULL')", 'STRING', '"not null"'],
    ['NULLIF(A, ARRAY[1, 2, 3])', 'ARRAY<INTEGER>', 'null'],
    ['NULLIF(A, ARRAY[1, 2])', 'ARRAY<INTEGER>', '[1,2,3]'],
    ["NULLIF(M, MAP('expected' := 10))", 'MAP<STRING, INTEGER>', 'null'],
    ["NULLIF(M, MAP('expected' := 11))", 'MAP<STRING, INTEGER>', '{"expected":10}'],
    ["NULLIF(ST, STRUCT(F1 := 'foo'))", 'STRUCT<`F1` STRING>', 'null'],
    ["NULLIF(ST, STRUCT(F1 := 'bar'))", 'STRUCT<`F1` STRING>', '{"F1":"foo"}'],
    // Double.equals: NaN equals NaN, 0.0 differs from -0.0.
    ['NULLIF(D_NAN, D_NAN)', 'DOUBLE', 'null'],
    ['NULLIF(0.0e0, -0.0e0)', 'DOUBLE', '0.0'],
    ['NULLIF(D, 2.5e0)', 'DOUBLE', 'null'],
    ['NULLIF(DEC, 12.3)', 'DECIMAL(4, 2)', 'null'],
    ['NULLIF(DEC, 12.31)', 'DECIMAL(4, 2)', '12.30'],
    ['NULLIF(B, B)', 'BYTES', 'null'],
  ],
  AS_VALUE: [
    ['AS_VALUE(I)', 'INTEGER', '1'],
    ['AS_VALUE(I_NULL)', 'INTEGER', 'null'],
    ['AS_VALUE(L)', 'BIGINT', '10000000000'],
    ['AS_VALUE(DEC)', 'DECIMAL(4, 2)', '12.30'],
    ['AS_VALUE(ST)', 'STRUCT<`F1` STRING>', '{"F1":"foo"}'],
    ['AS_VALUE(I + 2)', 'INTEGER', '3'],
    ['AS_VALUE(TRUE)', 'BOOLEAN', 'true'],
  ],
};

describe('functions: nulls', () => {
  itEvaluates(cases, COLUMNS);

  describe('errors', () => {
    const errors: [string, RegExp][] = [
      ['COALESCE()', /Function 'coalesce' does not accept parameters \(\)/i],
      ["COALESCE(I, 'x')", /does not accept parameters \(INTEGER, STRING\)\./],
      ['IFNULL(I)', /does not accept parameters \(INTEGER\)\./],
      ["NULLIF(S, I)", /does not accept parameters \(STRING, INTEGER\)\./],
      ['AS_VALUE(I, I)', /does not accept parameters \(INTEGER, INTEGER\)\./],
    ];
    for (const [expr, message] of errors) {
      it(`${expr} fails to compile`, () => {
        expect(compileError(expr, COLUMNS)).to.match(message);
      });
    }
  });
});

/** Expressions: precedence, literals, names and their case, types. Each case is `SELECT <expr> FROM s;`. */
import { expect } from 'chai';
import type * as ast from '../../src/sql/ast.js';
import { and, bin, bool, call, cmp, col, dbl, dec, expectFragment, expression, int, nul, or, parse, sql, str } from './helpers.js';

interface Case {
  readonly expr: string;
  readonly ast: object;
}

function table(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const c of cases) it(c.expr, () => expectFragment(expression(c.expr), c.ast));
  });
}

table('precedence (SqlBase.g4: OR < AND < NOT < predicates < || < + - < * / % < unary < postfix)', [
  { expr: 'a OR b AND c', ast: or(col('A'), and(col('B'), col('C'))) },
  { expr: 'a AND b OR c', ast: or(and(col('A'), col('B')), col('C')) },
  { expr: 'NOT a AND b', ast: and({ kind: 'Not', operand: col('A') }, col('B')) },
  { expr: 'NOT NOT a', ast: { kind: 'Not', operand: { kind: 'Not', operand: col('A') } } },
  { expr: 'NOT a = b', ast: { kind: 'Not', operand: cmp('=', col('A'), col('B')) } },
  { expr: 'a = b AND c <> d', ast: and(cmp('=', col('A'), col('B')), cmp('<>', col('C'), col('D'))) },
  { expr: 'a != b', ast: cmp('<>', col('A'), col('B')) },
  { expr: 'a + b * c', ast: bin('+', col('A'), bin('*', col('B'), col('C'))) },
  { expr: 'a - b - c', ast: bin('-', bin('-', col('A'), col('B')), col('C')) },
  { expr: 'a / b % c * d', ast: bin('*', bin('%', bin('/', col('A'), col('B')), col('C')), col('D')) },
  { expr: "a || b + c", ast: call('CONCAT', col('A'), bin('+', col('B'), col('C'))) },
  { expr: "a + b || c", ast: call('CONCAT', bin('+', col('A'), col('B')), col('C')) },
  { expr: 'a || b = c', ast: cmp('=', call('CONCAT', col('A'), col('B')), col('C')) },
  { expr: "a || 'x'", ast: { kind: 'FunctionCall', name: 'CONCAT', loc: { line: 1, column: 10 } } },
  { expr: '-a * b', ast: bin('*', { kind: 'Unary', op: '-', operand: col('A') }, col('B')) },
  { expr: '- -1', ast: { kind: 'Unary', op: '-', operand: int('-1') } },
  { expr: '+a', ast: { kind: 'Unary', op: '+', operand: col('A') } },
  { expr: '(a + b) * c', ast: bin('*', bin('+', col('A'), col('B')), col('C')) },
  { expr: 'a[1]->b[2]', ast: { kind: 'Subscript', index: int('2'), base: { kind: 'StructDeref', field: 'B', base: { kind: 'Subscript', base: col('A'), index: int('1') } } } },
  { expr: '-a[1]', ast: { kind: 'Unary', operand: { kind: 'Subscript', base: col('A') } } },
  { expr: 'a BETWEEN 1 AND 2 AND b', ast: and({ kind: 'Between', value: col('A'), low: int('1'), high: int('2'), negated: false }, col('B')) },
]);

table('predicates', [
  { expr: 'a NOT BETWEEN b + 1 AND c', ast: { kind: 'Between', low: bin('+', col('B'), int('1')), high: col('C'), negated: true } },
  { expr: 'a IN (1, 2, b)', ast: { kind: 'InList', value: col('A'), list: [int('1'), int('2'), col('B')], negated: false } },
  { expr: 'a NOT IN (1)', ast: { kind: 'InList', negated: true } },
  { expr: "a LIKE 'x%'", ast: { kind: 'Like', value: col('A'), pattern: str('x%'), negated: false } },
  { expr: "a NOT LIKE 'x!%' ESCAPE '!'", ast: { kind: 'Like', escape: '!', negated: true } },
  { expr: 'a IS NULL', ast: { kind: 'IsNull', operand: col('A'), negated: false } },
  { expr: 'a IS NOT NULL', ast: { kind: 'IsNull', negated: true } },
  { expr: 'a IS DISTINCT FROM b', ast: { kind: 'IsDistinct', left: col('A'), right: col('B'), negated: false } },
  { expr: 'a IS NOT DISTINCT FROM b', ast: { kind: 'IsDistinct', negated: true } },
  { expr: 'a <= 1', ast: cmp('<=', col('A'), int('1')) },
  { expr: 'a >= 1', ast: cmp('>=', col('A'), int('1')) },
  { expr: 'a < 1', ast: cmp('<', col('A'), int('1')) },
]);

table('literals', [
  { expr: '1', ast: int('1') },
  { expr: '-1', ast: int('-1') },
  { expr: '- 007', ast: int('-007') },
  { expr: '9223372036854775807', ast: int('9223372036854775807') },
  { expr: '-9223372036854775808', ast: int('-9223372036854775808') },
  { expr: '1.5', ast: dec('1.5') },
  { expr: '1.', ast: dec('1.') },
  { expr: '.5', ast: dec('.5') },
  { expr: '-0.50', ast: dec('-0.50') },
  { expr: '1.5E3', ast: dbl('1.5E3') },
  { expr: '1e3', ast: dbl('1e3') },
  { expr: '1E-3', ast: dbl('1E-3') },
  { expr: '.5e+1', ast: dbl('.5e+1') },
  { expr: "'it''s'", ast: str("it's") },
  { expr: "''", ast: str('') },
  { expr: 'NULL', ast: nul() },
  { expr: 'true', ast: bool(true) },
  { expr: 'FALSE', ast: bool(false) },
  { expr: "X'0A1b'", ast: { kind: 'Literal', value: { type: 'BYTES_HEX', text: '0A1b' } } },
  { expr: "\"DECIMAL\" '1.25'", ast: dec('1.25') },
]);

table('names and their case', [
  { expr: 'col', ast: col('COL') },
  { expr: '`Col`', ast: col('Col') },
  { expr: '"Col"', ast: col('Col') },
  { expr: '"a""b"', ast: col('a"b') },
  { expr: '`a``b`', ast: col('a`b') },
  { expr: 'a_1@x', ast: col('A_1@X') },
  { expr: '1abc', ast: col('1ABC') },
  { expr: 's.col', ast: col('COL', 'S') },
  { expr: '`S`.`c`', ast: { kind: 'ColumnRef', source: 'S', name: 'c' } },
  { expr: 'key', ast: col('KEY') },
  { expr: 'date', ast: col('DATE') },
  { expr: 'value', ast: col('VALUE') },
  { expr: 'a->`B`->c', ast: { kind: 'StructDeref', field: 'C', base: { kind: 'StructDeref', field: 'B' } } },
  { expr: 'ROWTIME', ast: col('ROWTIME') },
]);

table('calls and constructors', [
  { expr: 'count(*)', ast: { kind: 'FunctionCall', name: 'COUNT', args: [], star: true, distinct: false } },
  { expr: 'concat(a, "b")', ast: call('CONCAT', col('A'), col('b')) },
  { expr: 'now()', ast: call('NOW') },
  { expr: 'count(DISTINCT a)', ast: { kind: 'FunctionCall', name: 'COUNT', args: [col('A')], distinct: true } },
  { expr: 'transform(arr, x => x + 1)', ast: call('TRANSFORM', col('ARR'), { kind: 'Lambda', params: ['X'], body: bin('+', col('X'), int('1')) }) },
  { expr: 'reduce(arr, 0, (s, x) => s + x)', ast: call('REDUCE', col('ARR'), int('0'), { kind: 'Lambda', params: ['S', 'X'] }) },
  { expr: 'f((a), (b))', ast: call('F', col('A'), col('B')) },
  { expr: 'CAST(a AS DECIMAL(4, 2))', ast: { kind: 'Cast', operand: col('A'), type: { kind: 'sql', type: { kind: 'DECIMAL', precision: 4, scale: 2 } } } },
  { expr: 'CAST(a AS my_type)', ast: { kind: 'Cast', type: { kind: 'custom', name: 'MY_TYPE' } } },
  { expr: 'CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END', ast: { kind: 'Case', whens: [{ when: col('A'), then: int('1') }, { when: col('B'), then: int('2') }], else: int('3') } },
  { expr: "CASE a WHEN 1 THEN 'x' END", ast: { kind: 'Case', operand: col('A'), whens: [{ when: int('1'), then: str('x') }] } },
  { expr: 'ARRAY[1, 2]', ast: { kind: 'ArrayCtor', items: [int('1'), int('2')] } },
  { expr: 'ARRAY[]', ast: { kind: 'ArrayCtor', items: [] } },
  { expr: "MAP('a' := 1, 'b' := 2)", ast: { kind: 'MapCtor', entries: [{ key: str('a'), value: int('1') }, { key: str('b'), value: int('2') }] } },
  { expr: 'MAP()', ast: { kind: 'MapCtor', entries: [] } },
  { expr: 'STRUCT(a := 1, `B` := x)', ast: { kind: 'StructCtor', fields: [{ name: 'A', value: int('1') }, { name: 'B', value: col('X') }] } },
  { expr: 'array', ast: col('ARRAY') },
  { expr: 'map[1]', ast: { kind: 'Subscript', base: col('MAP') } },
]);

describe('types', () => {
  const cases: readonly [string, object][] = [
    ['BOOLEAN', sql('BOOLEAN')],
    ['INT', sql('INTEGER')],
    ['integer', sql('INTEGER')],
    ['BIGINT', sql('BIGINT')],
    ['DOUBLE', sql('DOUBLE')],
    ['STRING', sql('STRING')],
    ['VARCHAR', sql('STRING')],
    ['VARCHAR(10)', sql('STRING')],
    ['BYTES', sql('BYTES')],
    ['DATE', sql('DATE')],
    ['TIME', sql('TIME')],
    ['TIMESTAMP', sql('TIMESTAMP')],
    ['DECIMAL(10, 0)', { kind: 'sql', type: { kind: 'DECIMAL', precision: 10, scale: 0 } }],
    ['ARRAY<INT>', { kind: 'sql', type: { kind: 'ARRAY', element: { kind: 'INTEGER' } } }],
    ['INT ARRAY', { kind: 'sql', type: { kind: 'ARRAY', element: { kind: 'INTEGER' } } }],
    ['MAP<STRING, ARRAY<DOUBLE>>', { kind: 'sql', type: { kind: 'MAP', key: { kind: 'STRING' }, value: { kind: 'ARRAY', element: { kind: 'DOUBLE' } } } }],
    ['STRUCT<a INT, `B` STRUCT<c STRING>>', { kind: 'sql', type: { kind: 'STRUCT', fields: [{ name: 'A' }, { name: 'B', type: { kind: 'STRUCT', fields: [{ name: 'C' }] } }] } }],
    ['STRUCT< >', { kind: 'sql', type: { kind: 'STRUCT', fields: [] } }],
    ['address', { kind: 'custom', name: 'ADDRESS' }],
    ['`Address`', { kind: 'custom', name: 'Address' }],
    ['ARRAY<address>', { kind: 'custom', name: 'ARRAY<ADDRESS>', tree: { kind: 'ARRAY', element: { kind: 'custom', name: 'ADDRESS' } } }],
    ['MAP<STRING, address>', { kind: 'custom', name: 'MAP<STRING, ADDRESS>' }],
  ];
  for (const [text, type] of cases) {
    it(text, () => {
      const s = parse(`CREATE STREAM s (c ${text});`) as ast.CreateSource;
      expectFragment(s.columns[0]!.type, type);
    });
  }
});

describe('locations', () => {
  it('puts operators at the operator and everything else at its first token, across lines', () => {
    const q = parse('SELECT\n  a +\n    b\nFROM s WHERE x = 1;') as ast.Query;
    const item = q.select[0] as { expr: ast.Binary };
    expect(item.expr.loc).to.deep.equal({ line: 2, column: 5 });
    expect(item.expr.left.loc).to.deep.equal({ line: 2, column: 3 });
    expect(item.expr.right.loc).to.deep.equal({ line: 3, column: 5 });
    expect(q.where!.loc).to.deep.equal({ line: 4, column: 16 });
    expect(q.from.loc).to.deep.equal({ line: 4, column: 6 });
  });

  it('counts code points, as ANTLR does', () => {
    const q = parse("SELECT '😀', a FROM s;") as ast.Query;
    expect((q.select[1] as { expr: ast.Expression }).expr.loc).to.deep.equal({ line: 1, column: 13 });
  });
});

/** Names of select items written without an alias, as ksqlDB's ColumnNames generates them. */
import { expect } from 'chai';
import { columnAliasGenerator, selectItemName, structFieldAliases } from '../../src/planner/select-columns.js';
import { parseSingle } from '../../src/sql/parse.js';

/** The names a SELECT's items get over a source with the columns `taken`. */
function names(select: string, taken: readonly string[]): string[] {
  const stmt = parseSingle(`SELECT ${select} FROM T;`);
  if (stmt.kind !== 'Query') throw new Error('not a query');
  const nextName = columnAliasGenerator(taken);
  const fieldName = structFieldAliases(taken);
  return stmt.select.map((item) => (item.kind === 'Expr' ? (item.alias ?? selectItemName(item.expr, fieldName, nextName)) : '*'));
}

describe('select item names', () => {
  const cases: ReadonlyArray<readonly [select: string, taken: readonly string[], names: readonly string[]]> = [
    ['A, B + 1, ABS(B)', ['A', 'B'], ['A', 'KSQL_COL_0', 'KSQL_COL_1']],
    ['B + 1', ['KSQL_COL_0', 'KSQL_COL_2'], ['KSQL_COL_1']],
    // A field named like a source column is numbered past it (QTT simple-struct "select filter 3").
    ['ITEMID->ITEMID, ITEMID AS IID', ['K', 'ITEMID'], ['ITEMID_1', 'IID']],
    ['S->NAME, S->NAME', ['S'], ['NAME', 'NAME_1']],
    ['S->F_1, S->F', ['S', 'F_1'], ['F', 'F_2']],
    ['S->ADDR->CITY', ['S', 'CITY', 'CITY_1'], ['CITY_2']],
    ['S->CITY AS C', ['S', 'CITY'], ['C']],
  ];
  for (const [select, taken, expected] of cases) {
    it(`SELECT ${select} over ${taken.join(', ')} → ${expected.join(', ')}`, () => expect(names(select, taken)).to.deep.equal(expected));
  }
});

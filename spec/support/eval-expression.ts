/**
 * Evaluates one SQL expression the way a query would, for table-driven specs: the expression is
 * parsed as `SELECT <expr> FROM T;`, compiled against the given columns, run on one row, and its
 * value written as ksqlDB writes it in a row (`1.0`, `"2020-01-01"`, ...).
 */
import { compileValueWriter } from '../../src/codec/json-write.js';
import { compileExpression } from '../../src/engine/expressions/compile.js';
import type { ResolvedColumn, RowScope } from '../../src/engine/expressions/compiled.js';
import { parseSingle } from '../../src/sql/parse.js';
import { typeToString, type SqlType } from '../../src/sql/types.js';

export interface Evaluated {
  /** The type as ksqlDB prints it (`DOUBLE`, `ARRAY<STRING>`), or `null` for an untyped NULL. */
  readonly type: string;
  /** The value as it would appear in a row of `/query-stream`. */
  readonly json: string;
  readonly value: unknown;
}

/** Columns by name: their type and this row's value. */
export type Columns = Record<string, readonly [SqlType, unknown]>;

export function evaluate(expression: string, columns: Columns = {}): Evaluated {
  const stmt = parseSingle(`SELECT ${expression} FROM T;`);
  if (stmt.kind !== 'Query' || stmt.select[0]?.kind !== 'Expr') throw new Error(`not an expression: ${expression}`);
  const names = Object.keys(columns);
  const scope: RowScope = {
    resolve: (_source, name): ResolvedColumn | undefined => {
      const i = names.indexOf(name);
      return i < 0 ? undefined : { type: columns[name]![0], read: (row) => row[i] };
    },
    describe: () => names.join(', '),
  };
  const compiled = compileExpression(stmt.select[0].expr, { scope, clause: 'SELECT' });
  const value = compiled.eval(names.map((n) => columns[n]![1]));
  const json = compiled.type ? compileValueWriter(compiled.type)(value) : 'null';
  return { type: compiled.type ? typeToString(compiled.type) : 'null', json, value };
}

/** The error message compiling the expression gives, or undefined if it compiles. */
export function compileError(expression: string, columns: Columns = {}): string | undefined {
  try {
    evaluate(expression, columns);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Expression cases: [expression, ksqlDB type, value as written in a row]. */
export type ExpressionCase = readonly [string, string, string];

/**
 * One `it` per case, grouped by name (a function, usually): each expression must have the given
 * type and value. Must be called inside a mocha `describe`.
 */
export function itEvaluates(groups: Readonly<Record<string, readonly ExpressionCase[]>>, columns: Columns = {}): void {
  for (const [name, cases] of Object.entries(groups)) {
    describe(name, () => {
      for (const [expr, type, json] of cases) {
        it(`${expr} → ${type} ${json}`, () => {
          const r = evaluate(expr, columns);
          if (r.type !== type || r.json !== json) {
            throw new Error(`${expr}: expected ${type} ${json}, got ${r.type} ${r.json}`);
          }
        });
      }
    });
  }
}

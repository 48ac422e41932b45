/**
 * ARRAY[...], MAP(k := v, ...) and STRUCT(name := v, ...). Elements of an array (and keys and
 * values of a map) share one type: numbers widen to the widest, anything else must match; an
 * untyped NULL takes the common type.
 */
import type * as ast from '../../sql/ast.js';
import { array, map, struct, typesEqual, typeToString, type SqlType } from '../../sql/types.js';
import type { Compiled, Evaluator } from './compiled.js';
import { converter, numericRank, widerNumeric } from './numeric.js';
import { formatExpression } from '../../sql/format-expression.js';
import { semanticError } from './compile-errors.js';

export type CompileFn = (expr: ast.Expression) => Compiled;

/** The type every item can take, and a converter per item into it. */
function commonType(items: readonly Compiled[], exprs: readonly ast.Expression[], what: string): SqlType | null {
  let common: SqlType | null = null;
  items.forEach((c, i) => {
    if (c.type === null) return;
    if (common === null) common = c.type;
    else if (numericRank(common) !== undefined && numericRank(c.type) !== undefined) common = widerNumeric(common, c.type);
    else if (!typesEqual(common, c.type)) {
      throw semanticError(
        exprs[i]!.loc,
        `invalid input syntax for type ${typeToString(common)}: "${formatExpression(exprs[i]!)}". All ${what} must be of the same type.`,
      );
    }
  });
  return common;
}

function coerceAll(items: readonly Compiled[], to: SqlType): Evaluator[] {
  return items.map((c) => {
    if (c.type === null || typesEqual(c.type, to) || numericRank(to) === undefined) return c.eval;
    const conv = converter(c.type, to);
    const e = c.eval;
    return (row) => {
      const v = e(row);
      return v === null || v === undefined ? null : conv(v);
    };
  });
}

export function compileArray(expr: ast.ArrayCtor, compile: CompileFn): Compiled {
  const items = expr.items.map(compile);
  const element = commonType(items, expr.items, 'array elements');
  if (element === null) throw semanticError(expr.loc, 'Cannot construct an array with all NULL elements (see https://github.com/confluentinc/ksql/issues/4239). As a workaround, you may cast a NULL value to the desired type.');
  const evals = coerceAll(items, element);
  return { type: array(element), eval: (row) => evals.map((e) => e(row)) };
}

export function compileMap(expr: ast.MapCtor, compile: CompileFn): Compiled {
  if (expr.entries.length === 0) {
    throw semanticError(expr.loc, 'Map constructor cannot be empty. Please supply at least one key value pair (see https://github.com/confluentinc/ksql/issues/4239).');
  }
  const keys = expr.entries.map((e) => compile(e.key));
  const values = expr.entries.map((e) => compile(e.value));
  const keyType = commonType(keys, expr.entries.map((e) => e.key), 'map keys');
  const valueType = commonType(values, expr.entries.map((e) => e.value), 'map values');
  if (keyType === null || valueType === null) {
    throw semanticError(expr.loc, 'Cannot construct a map with all NULL keys or values (see https://github.com/confluentinc/ksql/issues/4239). As a workaround, you may cast a NULL value to the desired type.');
  }
  const ke = coerceAll(keys, keyType);
  const ve = coerceAll(values, valueType);
  return {
    type: map(keyType, valueType),
    eval: (row) => {
      const out = new Map<unknown, unknown>();
      ke.forEach((k, i) => out.set(k(row), ve[i]!(row)));
      return out;
    },
  };
}

export function compileStruct(expr: ast.StructCtor, compile: CompileFn): Compiled {
  const names = expr.fields.map((f) => f.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw semanticError(expr.loc, `Duplicate field names found in STRUCT: '${duplicate}'`);
  const fields = expr.fields.map((f) => ({ name: f.name, c: compile(f.value) }));
  const untyped = fields.find((f) => f.c.type === null);
  if (untyped) throw semanticError(expr.loc, `Cannot infer the type of struct field ${untyped.name} from NULL; use CAST.`);
  return {
    type: struct(fields.map((f) => ({ name: f.name, type: f.c.type! }))),
    eval: (row) => {
      const out: Record<string, unknown> = {};
      for (const f of fields) out[f.name] = f.c.eval(row);
      return out;
    },
  };
}

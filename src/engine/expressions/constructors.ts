/**
 * ARRAY[...], MAP(k := v, ...) and STRUCT(name := v, ...). Elements of an array (and keys and
 * values of a map) share one type: numbers widen to the widest, anything else must match; an
 * untyped NULL takes the common type.
 */
import type * as ast from '../../sql/ast.js';
import { STRING, array, map, struct, typesEqual, typeToString, type SqlType } from '../../sql/types.js';
import type { Compiled, Evaluator } from './compiled.js';
import { converter, numericRank, widerNumeric } from './numeric.js';
import { formatExpression } from '../../sql/format-expression.js';
import { semanticError } from './compile-errors.js';
import { castConverter } from './cast.js';
import { Decimal } from '../../sql/decimal.js';

export type CompileFn = (expr: ast.Expression) => Compiled;

/**
 * The type the items share (ksqlDB's CoercionUtil): taken from the items that are not literals
 * when there are any, else from the literals; numbers widen to the widest. Literals are then read
 * into that type: a numeric string literal into a number, a string literal into a BOOLEAN, a
 * number literal into a STRING.
 */
function commonType(items: readonly Compiled[], exprs: readonly ast.Expression[], what: string): SqlType | null {
  const isLiteral = (i: number): boolean => exprs[i]!.kind === 'Literal';
  const order = [...items.keys()].sort((a, b) => Number(isLiteral(a)) - Number(isLiteral(b)));
  let common: SqlType | null = null;
  for (const i of order) {
    const t = items[i]!.type;
    if (t === null) continue;
    if (common === null) common = t;
    else if (numericRank(common) !== undefined && numericRank(t) !== undefined) common = widerNumeric(common, t);
    else if (!typesEqual(common, t) && !(isLiteral(i) && literalFits(exprs[i] as ast.Literal, common))) {
      throw semanticError(
        exprs[i]!.loc,
        `invalid input syntax for type ${typeToString(common)}: "${formatExpression(exprs[i]!)}". All ${what} must be of the same type.`,
      );
    }
  }
  return common;
}

function literalFits(lit: ast.Literal, target: SqlType): boolean {
  const v = lit.value;
  if (v.type === 'STRING') return numericRank(target) !== undefined || target.kind === 'BOOLEAN';
  return target.kind === 'STRING' && (v.type === 'INTEGER_TEXT' || v.type === 'DECIMAL_TEXT' || v.type === 'DOUBLE_TEXT' || v.type === 'BOOLEAN');
}

/** A literal read into the common type, or the item as it is. */
function coerceLiteral(c: Compiled, expr: ast.Expression, to: SqlType): Compiled {
  if (expr.kind !== 'Literal' || c.type === null || typesEqual(c.type, to)) return c;
  const v = expr.value;
  if (v.type === 'STRING' && numericRank(to) !== undefined) {
    const text = v.value.trim();
    const number = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? castConverter(STRING, to) : undefined;
    const exact = number && to.kind !== 'DOUBLE' && to.kind !== 'DECIMAL' ? integral(text, to) : number?.(text);
    if (exact === undefined || exact === null) throw semanticError(expr.loc, `invalid input syntax for type ${typeToString(to)}: "${v.value}"`);
    return { type: to, eval: () => exact, constant: true };
  }
  if (v.type === 'STRING' && to.kind === 'BOOLEAN') {
    const b = v.value.trim().toLowerCase() === 'true';
    return { type: to, eval: () => b, constant: true };
  }
  if (to.kind === 'STRING' && v.type !== 'NULL' && v.type !== 'STRING' && v.type !== 'BYTES_HEX') {
    const text = v.type === 'BOOLEAN' ? String(v.value) : v.text;
    return { type: to, eval: () => text, constant: true };
  }
  return c;
}

/** A numeric string read as a whole number ('2e1' is 20), or undefined when it is not one. */
function integral(text: string, to: SqlType): unknown {
  try {
    const d = Decimal.parse(text);
    const whole = d.setScale(0, 'DOWN');
    if (whole.compareValue(d) !== 0) return undefined;
    const n = whole.unscaled;
    if (to.kind === 'INTEGER') return n >= -2147483648n && n <= 2147483647n ? Number(n) : undefined;
    return BigInt.asIntN(64, n) === n ? n : undefined;
  } catch {
    return undefined;
  }
}

function coerceAll(items: readonly Compiled[], to: SqlType, exprs: readonly ast.Expression[] = []): Evaluator[] {
  return items.map((item, i) => {
    const c = exprs[i] ? coerceLiteral(item, exprs[i]!, to) : item;
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
  const evals = coerceAll(items, element, expr.items);
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
  const ke = coerceAll(keys, keyType, expr.entries.map((e) => e.key));
  const ve = coerceAll(values, valueType, expr.entries.map((e) => e.value));
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

/**
 * ARRAY[...], MAP(k := v, ...) and STRUCT(name := v, ...). The elements of an array (and the keys
 * and the values of a map) take one common type (common-type.ts); each is then read into it: a
 * literal converted, anything else cast (a STRUCT gains the fields it lacks as NULL).
 */
import type * as ast from '../../sql/ast.js';
import { STRING, array, map, struct, typesEqual, typeToString, type SqlType } from '../../sql/types.js';
import type { Compiled, Evaluator } from './compiled.js';
import { numericRank } from './numeric.js';
import { semanticError } from './compile-errors.js';
import { castConverter, castEvaluator } from './cast.js';
import { Decimal } from '../../sql/decimal.js';
import { commonType, type CompileFn, type TypedItem } from './common-type.js';
import { sqlBooleanText } from './sql-boolean-text.js';

/** Each item as a value of the common type (ksqlDB's CoercionUtil): literals read into it, other items cast. */
function coerceAll(items: readonly Compiled[], to: SqlType, exprs: readonly ast.Expression[]): Evaluator[] {
  return items.map((c, i) => {
    if (c.type === null || typesEqual(c.type, to)) return c.eval;
    const expr = exprs[i]!;
    if (expr.kind === 'Literal') return literalAs(c, expr, to).eval;
    return castTo(c, to);
  });
}

function castTo(c: Compiled, to: SqlType): Evaluator {
  const convert = castConverter(c.type!, to);
  if (!convert) throw semanticError(undefined, `Cast of ${typeToString(c.type!)} to ${typeToString(to)} is not supported`);
  return castEvaluator(c.eval, convert);
}

/** A literal read into the common type: a numeric string as a number, a string as a BOOLEAN, a number or BOOLEAN as text. */
function literalAs(c: Compiled, expr: ast.Literal, to: SqlType): Compiled {
  const v = expr.value;
  if (v.type === 'STRING' && numericRank(to) !== undefined) {
    const text = v.value.trim();
    const number = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? castConverter(STRING, to) : undefined;
    const exact = number && to.kind !== 'DOUBLE' && to.kind !== 'DECIMAL' ? integral(text, to) : number?.(text);
    if (exact === undefined || exact === null) throw semanticError(expr.loc, `invalid input syntax for type ${to.kind}: "${v.value}".`);
    return { type: to, eval: () => exact, constant: true };
  }
  if (v.type === 'STRING' && to.kind === 'BOOLEAN') {
    const b = sqlBooleanText(v.value.trim()) ?? null;
    return { type: to, eval: () => b, constant: true };
  }
  if (to.kind === 'STRING' && v.type !== 'NULL' && v.type !== 'STRING' && v.type !== 'BYTES_HEX') {
    const text = v.type === 'BOOLEAN' ? String(v.value) : v.text;
    return { type: to, eval: () => text, constant: true };
  }
  return { type: to, eval: castTo(c, to), constant: true };
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

function typedItems(items: readonly Compiled[], exprs: readonly ast.Expression[]): TypedItem[] {
  return items.map((c, i) => ({ expr: exprs[i]!, type: c.type }));
}

export function compileArray(expr: ast.ArrayCtor, compile: CompileFn): Compiled {
  const items = expr.items.map(compile);
  const element = commonType(typedItems(items, expr.items), compile);
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
  const keyExprs = expr.entries.map((e) => e.key);
  const valueExprs = expr.entries.map((e) => e.value);
  const keyType = commonType(typedItems(keys, keyExprs), compile);
  const valueType = commonType(typedItems(values, valueExprs), compile);
  if (keyType === null || valueType === null) {
    throw semanticError(expr.loc, 'Cannot construct a map with all NULL keys or values (see https://github.com/confluentinc/ksql/issues/4239). As a workaround, you may cast a NULL value to the desired type.');
  }
  const ke = coerceAll(keys, keyType, keyExprs);
  const ve = coerceAll(values, valueType, valueExprs);
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

/**
 * The one type the items of an ARRAY or MAP constructor share, found as ksqlDB's CoercionUtil
 * finds it: in the order the items are written, each one joined with the type so far (an
 * untyped NULL changes nothing):
 *   - a nested ARRAY, MAP or STRUCT constructor joins element by element (a STRUCT gains the
 *     fields it lacks: `STRUCT(X := 1, Y := 2)` and `STRUCT(Y := 3, Z := 4)` share
 *     STRUCT<Y, Z, X>, the later item's fields first);
 *   - a string literal next to a number is read as the number it spells: INTEGER or BIGINT
 *     when whole and written without `.` or exponent, else DECIMAL (`'2e1'` is DECIMAL(2, 0),
 *     so with INTEGER items the type is DECIMAL(10, 0)); next to a BOOLEAN it must spell one;
 *   - anything else by type-coercion.ts, strictly for expressions and laxly for literals, in
 *     either direction.
 * A pair that does not join fails the statement with ksqlDB's "operator does not exist".
 */
import type * as ast from '../../sql/ast.js';
import { Decimal } from '../../sql/decimal.js';
import { BIGINT, DOUBLE, INTEGER, array, decimal, map, struct, typeToString, type SqlType } from '../../sql/types.js';
import { formatExpression } from '../../sql/format-expression.js';
import { semanticError } from './compile-errors.js';
import type { Compiled } from './compiled.js';
import { numericRank, widerNumeric } from './numeric.js';
import { sqlBooleanText } from './sql-boolean-text.js';
import { canCoerce } from './type-coercion.js';

export type CompileFn = (expr: ast.Expression) => Compiled;

export interface TypedItem {
  readonly expr: ast.Expression;
  readonly type: SqlType | null;
}

/** Raised inside a nested constructor, reported for the outermost item that contains it. */
class Mismatch extends Error {
  constructor(readonly item: TypedItem, readonly target: SqlType) {
    super('mismatch');
  }
}

/** The items' common type, or null when every item is an untyped NULL. */
export function commonType(items: readonly TypedItem[], compile: CompileFn): SqlType | null {
  try {
    return joinAll(items, compile);
  } catch (err) {
    if (!(err instanceof Mismatch)) throw err;
    const { item, target } = err;
    throw semanticError(
      item.expr.loc,
      `operator does not exist: ${typeToString(target)} = ${typeToString(item.type!)} (${formatExpression(item.expr)})\nHint: You might need to add explicit type casts.`,
    );
  }
}

function joinAll(items: readonly TypedItem[], compile: CompileFn): SqlType | null {
  let common: SqlType | null = null;
  for (const item of items) common = common === null ? item.type : join(item, common, compile);
  return common;
}

function join(item: TypedItem, target: SqlType, compile: CompileFn): SqlType {
  if (item.type === null) return target;
  const e = item.expr;
  if (e.kind === 'ArrayCtor' || e.kind === 'MapCtor' || e.kind === 'StructCtor') {
    try {
      const joined = joinConstructor(e, target, compile);
      if (joined) return joined;
    } catch (err) {
      if (err instanceof Mismatch) throw new Mismatch(item, target);
      throw err;
    }
    throw new Mismatch(item, target);
  }
  if (e.kind === 'Literal' && e.value.type === 'STRING') {
    if (numericRank(target) !== undefined) return numberSpelled(e.value.value, target);
    if (target.kind === 'BOOLEAN') {
      if (sqlBooleanText(e.value.value.trim()) === undefined) throw invalidSyntax(e.value.value, target);
      return target;
    }
  }
  const mode = e.kind === 'Literal' ? 'lax' : 'strict';
  const joined = canCoerce(item.type, target, mode) ?? canCoerce(target, item.type, mode);
  if (!joined) throw new Mismatch(item, target);
  return joined;
}

/** A constructor joined with the type so far; undefined when the kinds differ. */
function joinConstructor(e: ast.ArrayCtor | ast.MapCtor | ast.StructCtor, target: SqlType, compile: CompileFn): SqlType | undefined {
  const within = (first: SqlType, exprs: readonly ast.Expression[]): SqlType =>
    joinAll([{ expr: NULL, type: first }, ...exprs.map((x) => typed(x, compile))], compile)!;
  if (e.kind === 'ArrayCtor') return target.kind === 'ARRAY' ? array(within(target.element, e.items)) : undefined;
  if (e.kind === 'MapCtor') {
    if (target.kind !== 'MAP') return undefined;
    return map(within(target.key, e.entries.map((x) => x.key)), within(target.value, e.entries.map((x) => x.value)));
  }
  if (target.kind !== 'STRUCT') return undefined;
  const names = [...new Set([...e.fields.map((f) => f.name), ...target.fields.map((f) => f.name)])];
  return struct(names.map((name) => ({ name, type: fieldType(e, target, name, compile) })));
}

/** A field of the union: its type on the side that has it, joined when both do. */
function fieldType(e: ast.StructCtor, target: SqlType & { kind: 'STRUCT' }, name: string, compile: CompileFn): SqlType {
  const given = e.fields.find((f) => f.name === name);
  const had = target.fields.find((f) => f.name === name)?.type;
  const item = given ? typed(given.value, compile) : undefined;
  if (item?.type && had) return join(item, had, compile);
  return item?.type ?? had!;
}

const NULL: ast.Expression = { kind: 'Literal', value: { type: 'NULL' } };

function typed(expr: ast.Expression, compile: CompileFn): TypedItem {
  return { expr, type: compile(expr).type };
}

const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;
const ONE = new Decimal(1n);

/** The number type a string literal spells, joined with a numeric type. */
function numberSpelled(text: string, target: SqlType): SqlType {
  let d: Decimal;
  try {
    d = Decimal.parse(text.trim());
  } catch {
    throw invalidSyntax(text, target);
  }
  const spelled = spelledType(text, d);
  if (target.kind === 'DOUBLE') return DOUBLE;
  if (spelled.kind === 'DECIMAL' || target.kind === 'DECIMAL') return widerNumeric(spelled, target);
  return spelled.kind === 'INTEGER' || spelled.kind === target.kind ? target : spelled;
}

// The bounds are exclusive, as in ksqlDB: the extreme values themselves count as the wider type.
function spelledType(text: string, d: Decimal): SqlType {
  if (!/[.eE]/.test(text) && d.scale === 0) {
    const n = d.unscaled;
    if (n > INT_MIN && n < INT_MAX) return INTEGER;
    if (n > LONG_MIN && n < LONG_MAX) return BIGINT;
  }
  return decimalTypeOf(d);
}

/** A decimal value's own type; a value between -1 and 1 has one digit before the point. */
function decimalTypeOf(value: Decimal): SqlType {
  const d = value.scale < 0 ? value.setScale(0) : value;
  const magnitude = d.abs();
  if (magnitude.compareValue(ONE) < 0) return decimal(d.scale + 1, d.scale);
  return decimal(d.precision(), d.scale);
}

function invalidSyntax(text: string, target: SqlType): Error {
  return semanticError(undefined, `invalid input syntax for type ${target.kind}: "${text}".`);
}

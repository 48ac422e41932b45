/**
 * Compiles an AST expression into a typed closure in one pass: each node is type-checked as it
 * is compiled, so every type error is found before the first row and rows never walk the AST.
 * SQL's three-valued logic: NULL in, NULL out, except where an operator says otherwise.
 */
import type * as ast from '../../sql/ast.js';
import { KsqlStatementError } from '../../errors.js';
import { Decimal } from '../../sql/decimal.js';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, STRING, decimal, typesEqual, typeToString, type SqlType } from '../../sql/types.js';
import { sqlEquals } from './sql-equality.js';
import type { Compiled, Evaluator, ResolvedColumn, RowScope } from './compiled.js';
import { compareNumeric, converter, numericRank, widerNumeric } from './numeric.js';
import { formatExpression } from '../../sql/format-expression.js';
import { ExpressionError, resolutionError, semanticError } from './compile-errors.js';
import { compileArray, compileMap, compileStruct } from './constructors.js';
import { compileFunctionCall } from './compile-function.js';
import { castConverter, castEvaluator } from './cast.js';
import { compileCase, compileIsDistinct } from './conditionals.js';
import { compileLike } from './like.js';
import { compileDeref, compileSubscript } from './access.js';
import { decimalArithmetic } from './decimal-arithmetic.js';
import { parsePartialTimestamp, PartialTimestampError } from './partial-timestamp.js';
import { nullWhereItFails, voidExpression } from './evaluation-error.js';
import type { FunctionRegistry } from '../functions/function-registry.js';
import { builtinFunctions } from '../functions/builtins/index.js';

/** Which clause an expression sits in, for ksqlDB's "<CLAUSE> column 'X' cannot be resolved." */
export type Clause = 'SELECT' | 'WHERE' | 'HAVING' | 'GROUP BY' | 'PARTITION BY' | 'JOIN ON';

export interface CompileContext {
  readonly scope: RowScope;
  readonly clause: Clause;
  /** The functions calls resolve against; the built-ins unless a test says otherwise. */
  readonly functions?: FunctionRegistry;
  /**
   * Whole sub-expressions already computed elsewhere: after GROUP BY, an aggregate call or a
   * grouping expression reads its slot of the aggregate row instead of being compiled again.
   * Messages still print the expression as written.
   */
  readonly substitute?: (expr: ast.Expression) => ResolvedColumn | undefined;
}

export { semanticError };

/**
 * A whole expression: NULL on a row where some part of it fails (evaluation-error.ts). Its parts
 * compile with compileNode, so that a failure reaches the top instead of stopping at the operator.
 */
export function compileExpression(expr: ast.Expression, ctx: CompileContext): Compiled {
  return nullWhereItFails(compileNode(expr, ctx));
}

function compileNode(expr: ast.Expression, ctx: CompileContext): Compiled {
  const substituted = ctx.substitute?.(expr);
  if (substituted) return { type: substituted.type, eval: substituted.read };
  switch (expr.kind) {
    case 'Literal':
      return compileLiteral(expr.value, expr.loc);
    case 'ColumnRef':
      return compileColumn(expr, ctx);
    case 'Comparison':
      return compileComparison(expr, ctx);
    case 'Logical':
      return compileLogical(expr, ctx);
    case 'Not':
      return compileNot(expr, ctx);
    case 'IsNull':
      return compileIsNull(expr, ctx);
    case 'Unary':
      return compileUnary(expr, ctx);
    case 'Binary':
      return compileBinary(expr, ctx);
    case 'Between':
      return compileBetween(expr, ctx);
    case 'InList':
      return compileInList(expr, ctx);
    case 'ArrayCtor':
      return compileArray(expr, (e) => compileNode(e, ctx));
    case 'MapCtor':
      return compileMap(expr, (e) => compileNode(e, ctx));
    case 'StructCtor':
      return compileStruct(expr, (e) => compileNode(e, ctx));
    case 'Cast':
      return compileCast(expr, ctx);
    case 'Case':
      return compileCase(expr, (e) => compileNode(e, ctx), (l, r) =>
        compileComparison({ kind: 'Comparison', op: '=', left: l, right: r, loc: r.loc }, ctx),
      );
    case 'IsDistinct':
      return compileIsDistinct(expr, (e) => compileNode(e, ctx));
    case 'Like':
      return compileLike(expr, (e) => compileNode(e, ctx));
    case 'StructDeref':
      return compileDeref(expr, (e) => compileNode(e, ctx));
    case 'Subscript':
      return compileSubscript(expr, (e) => compileNode(e, ctx));
    case 'FunctionCall':
      return compileFunctionCall(expr, {
        scope: ctx.scope,
        lookup: (name) => (ctx.functions ?? builtinFunctions()).get(name),
        compile: (e, scope) => compileNode(e, { ...ctx, scope }),
      });
    case 'Lambda':
      throw semanticError(expr.loc, 'Lambda expressions are only allowed as arguments of functions that take them.');
    case 'IntervalUnit':
      // A time unit argument (TIMESTAMPADD(SECONDS, ...)) reaches functions as its name, a STRING
      // constant: 'DAYS', 'HOURS', 'MINUTES', 'SECONDS' or 'MILLISECONDS'.
      return constant(STRING, expr.unit);
  }
}

function constant(type: SqlType | null, value: unknown): Compiled {
  return { type, eval: () => value, constant: true };
}

const INT_MAX = 2147483647n;
const LONG_MAX = 9223372036854775807n;

export function compileLiteral(lit: ast.LiteralValue, loc?: ast.Location): Compiled {
  switch (lit.type) {
    case 'NULL':
      return constant(null, null);
    case 'BOOLEAN':
      return constant(BOOLEAN, lit.value);
    case 'STRING':
      return constant(STRING, lit.value);
    case 'INTEGER_TEXT': {
      const n = BigInt(lit.text);
      if (n <= INT_MAX) return constant(INTEGER, Number(n));
      if (n <= LONG_MAX) return constant(BIGINT, n);
      const d = Decimal.parse(lit.text);
      return constant(decimal(d.precision(), 0), d);
    }
    case 'DECIMAL_TEXT': {
      const d = Decimal.parse(lit.text);
      return constant(decimal(Math.max(d.precision(), d.scale), d.scale), d);
    }
    case 'DOUBLE_TEXT':
      return constant(DOUBLE, Number(lit.text));
    case 'BYTES_HEX':
      return constant({ kind: 'BYTES' }, Buffer.from(lit.text, 'hex'));
  }
  throw semanticError(loc, 'Unknown literal');
}

function compileColumn(ref: ast.ColumnRef, ctx: CompileContext): Compiled {
  const hit = ctx.scope.resolve(ref.source, ref.name);
  if (!hit) {
    const name = ref.source ? `${ref.source}.${ref.name}` : ref.name;
    throw resolutionError(ref.loc, `${ctx.clause} column '${name}' cannot be resolved.`);
  }
  return { type: hit.type, eval: hit.read };
}

type CompareFn = (a: unknown, b: unknown) => number;

/** How two operand types compare, or undefined when ksqlDB has no such operator. */
interface Comparator {
  left: (v: unknown) => unknown;
  right: (v: unknown) => unknown;
  cmp: CompareFn;
  equalityOnly?: boolean;
}

function comparator(a: SqlType, b: SqlType): Comparator | undefined {
  if (numericRank(a) !== undefined && numericRank(b) !== undefined) {
    const common = widerNumeric(a, b);
    return { left: converter(a, common), right: converter(b, common), cmp: compareNumeric(common.kind) };
  }
  const id = (v: unknown): unknown => v;
  const temporal = a.kind === 'TIMESTAMP' || a.kind === 'DATE' || a.kind === 'TIME';
  const temporalB = b.kind === 'TIMESTAMP' || b.kind === 'DATE' || b.kind === 'TIME';
  // ksqlDB reads a STRING compared with a temporal value in that temporal type's text form.
  if (temporal && b.kind === 'STRING') {
    const parse = castConverter(b, a)!;
    return { left: id, right: parse, cmp: (x, y) => (x as number) - (y as number) };
  }
  if (temporalB && a.kind === 'STRING') {
    const parse = castConverter(a, b)!;
    return { left: parse, right: id, cmp: (x, y) => (x as number) - (y as number) };
  }
  if (a.kind === 'TIMESTAMP' && b.kind === 'DATE') return { left: id, right: (v) => (v as number) * 86_400_000, cmp: (x, y) => (x as number) - (y as number) };
  if (a.kind === 'DATE' && b.kind === 'TIMESTAMP') return { left: (v) => (v as number) * 86_400_000, right: id, cmp: (x, y) => (x as number) - (y as number) };
  if (a.kind !== b.kind) return undefined;
  switch (a.kind) {
    case 'STRING':
      return { left: id, right: id, cmp: (x, y) => ((x as string) < (y as string) ? -1 : (x as string) > (y as string) ? 1 : 0) };
    case 'BOOLEAN':
      return { left: id, right: id, cmp: (x, y) => Number(x) - Number(y) };
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return { left: id, right: id, cmp: (x, y) => (x as number) - (y as number) };
    case 'BYTES':
      return { left: id, right: id, cmp: (x, y) => Buffer.compare(x as Uint8Array, y as Uint8Array) };
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      // Equality only: ordering operators on these types are refused by compileComparison.
      return sameShape(a, b) ? { left: id, right: id, cmp: (x, y) => (sqlEquals(x, y) ? 0 : 1), equalityOnly: true } : undefined;
    default:
      return undefined;
  }
}

/** ksqlDB's ComparisonExpression.Type names, as its messages print them. */
const OP_NAMES: Record<ast.ComparisonOp, string> = {
  '=': 'EQUAL',
  '<>': 'NOT_EQUAL',
  '<': 'LESS_THAN',
  '<=': 'LESS_THAN_OR_EQUAL',
  '>': 'GREATER_THAN',
  '>=': 'GREATER_THAN_OR_EQUAL',
};

/** Collections compare when their shapes match; numbers inside may differ in width. */
function sameShape(a: SqlType, b: SqlType): boolean {
  if (numericRank(a) !== undefined && numericRank(b) !== undefined) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'ARRAY':
      return sameShape(a.element, (b as typeof a).element);
    case 'MAP':
      return sameShape(a.key, (b as typeof a).key) && sameShape(a.value, (b as typeof a).value);
    case 'STRUCT': {
      const bf = (b as typeof a).fields;
      return a.fields.length === bf.length && a.fields.every((f, i) => f.name === bf[i]!.name && sameShape(f.type, bf[i]!.type));
    }
    default:
      return typesEqual(a, b);
  }
}

const TESTS: Record<ast.ComparisonOp, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

/**
 * ksqlDB reads a string literal compared with ROWTIME (or a window bound) as a possibly partial
 * timestamp (StatementRewriteForMagicPseudoTimestamp); one that is no timestamp fails the statement.
 */
const TIME_COLUMNS = new Set(['ROWTIME', 'WINDOWSTART', 'WINDOWEND']);
function asTimeLiteral(e: ast.Expression, other: ast.Expression): ast.Expression {
  if (other.kind !== 'ColumnRef' || !TIME_COLUMNS.has(other.name) || e.kind !== 'Literal' || e.value.type !== 'STRING') return e;
  let ms: number;
  try {
    ms = parsePartialTimestamp(e.value.value);
  } catch (err) {
    if (err instanceof PartialTimestampError) throw semanticError(e.loc, err.message);
    throw err;
  }
  return { kind: 'Literal', value: { type: 'INTEGER_TEXT', text: `${ms}` }, loc: e.loc };
}

function compileComparison(original: ast.Comparison, ctx: CompileContext): Compiled {
  const expr: ast.Comparison = { ...original, left: asTimeLiteral(original.left, original.right), right: asTimeLiteral(original.right, original.left) };
  const l = compileNode(expr.left, ctx);
  const r = compileNode(expr.right, ctx);
  return compileComparisonTyped(expr, l, r);
}

function compileComparisonTyped(expr: ast.Comparison, l: Compiled, r: Compiled): Compiled {
  if (l.type === null || r.type === null) {
    const shown = (t: SqlType | null): string => (t === null ? 'NULL' : typeToString(t));
    throw semanticError(
      expr.loc,
      `Comparison with NULL not supported: ${shown(l.type)} ${expr.op} ${shown(r.type)}\nUse 'IS NULL' or 'IS NOT NULL' instead.`,
    );
  }
  const c = comparator(l.type, r.type);
  if (!c || (c.equalityOnly && expr.op !== '=' && expr.op !== '<>')) {
    throw semanticError(
      expr.loc,
      `Cannot compare ${formatExpression(expr.left)} (${typeToString(l.type)}) to ${formatExpression(expr.right)} (${typeToString(r.type)}) with ${OP_NAMES[expr.op]}.`,
    );
  }
  const test = TESTS[expr.op];
  const { left, right, cmp } = c;
  const le = l.eval;
  const re = r.eval;
  return {
    type: BOOLEAN,
    eval: (row) => {
      const a = le(row);
      if (a === null || a === undefined) return null;
      const b = re(row);
      if (b === null || b === undefined) return null;
      return test(cmp(left(a), right(b)));
    },
  };
}

function requireBoolean(c: Compiled, expr: ast.Expression, what: string): Evaluator {
  if (c.type !== null && c.type.kind !== 'BOOLEAN') {
    throw semanticError(expr.loc, `${what} expects a BOOLEAN, but ${formatExpression(expr)} is ${typeToString(c.type)}`);
  }
  return c.eval;
}

function compileLogical(expr: ast.Logical, ctx: CompileContext): Compiled {
  const l = requireBoolean(compileNode(expr.left, ctx), expr.left, expr.op);
  const r = requireBoolean(compileNode(expr.right, ctx), expr.right, expr.op);
  // SQL three-valued logic: FALSE wins for AND, TRUE wins for OR, otherwise NULL taints.
  const eval_: Evaluator =
    expr.op === 'AND'
      ? (row) => {
          const a = l(row);
          if (a === false) return false;
          const b = r(row);
          if (b === false) return false;
          return a === null || b === null ? null : true;
        }
      : (row) => {
          const a = l(row);
          if (a === true) return true;
          const b = r(row);
          if (b === true) return true;
          return a === null || b === null ? null : false;
        };
  return { type: BOOLEAN, eval: eval_ };
}

function compileNot(expr: ast.Not, ctx: CompileContext): Compiled {
  const e = requireBoolean(compileNode(expr.operand, ctx), expr.operand, 'NOT');
  return {
    type: BOOLEAN,
    eval: (row) => {
      const v = e(row);
      return v === null || v === undefined ? null : !v;
    },
  };
}

function compileIsNull(expr: ast.IsNull, ctx: CompileContext): Compiled {
  const e = compileNode(expr.operand, ctx).eval;
  const negated = expr.negated;
  return {
    type: BOOLEAN,
    eval: (row) => {
      const v = e(row);
      return (v === null || v === undefined) !== negated;
    },
  };
}

function compileUnary(expr: ast.Unary, ctx: CompileContext): Compiled {
  const c = compileNode(expr.operand, ctx);
  if (expr.op === '+') return c;
  if (c.type === null) return constant(null, null);
  const e = c.eval;
  const negated = (f: (v: unknown) => unknown): Compiled => ({ type: c.type, eval: (row) => f(operand(e(row))) });
  switch (c.type.kind) {
    case 'INTEGER':
      return negated((v) => -(v as number) | 0);
    case 'BIGINT':
      return negated((v) => BigInt.asIntN(64, -(v as bigint)));
    case 'DOUBLE':
      return negated((v) => -(v as number));
    case 'DECIMAL':
      return negated((v) => (v as Decimal).negate());
    default:
      throw semanticError(expr.loc, `Cannot negate ${typeToString(c.type)}`);
  }
}

/** A number an operator computes with: a NULL one fails the expression (Java unboxing it). */
function operand(v: unknown): unknown {
  return v === null || v === undefined ? voidExpression('arithmetic on NULL') : v;
}

function nullOr(v: unknown, f: (v: unknown) => unknown): unknown {
  return v === null || v === undefined ? null : f(v);
}

function arithmeticError(expr: ast.Binary, l: SqlType | null, r: SqlType | null): KsqlStatementError {
  const name = (t: SqlType | null): string => (t === null ? 'null' : typeToString(t));
  return semanticError(
    expr.loc,
    `Error processing expression: ${formatExpression(expr)}. Arithmetic on types ${name(l)} and ${name(r)} are not supported.`,
  );
}

function compileBinary(expr: ast.Binary, ctx: CompileContext): Compiled {
  const l = compileNode(expr.left, ctx);
  const r = compileNode(expr.right, ctx);
  if (expr.op === '+' && l.type?.kind === 'STRING' && r.type?.kind === 'STRING') {
    const le = l.eval;
    const re = r.eval;
    return { type: STRING, eval: (row) => nullOr(le(row), (a) => nullOr(re(row), (b) => (a as string) + (b as string))) };
  }
  if (l.type === null || r.type === null) throw arithmeticError(expr, l.type, r.type);
  if (numericRank(l.type) === undefined || numericRank(r.type) === undefined) {
    throw semanticError(
      expr.loc,
      `Error processing expression: ${formatExpression(expr)}. Unsupported arithmetic types. ${typeToString(l.type)} ${typeToString(r.type)}`,
    );
  }
  const common = widerNumeric(l.type, r.type);
  if (common.kind === 'DECIMAL') return decimalArithmetic(expr.op, l, r);
  const op = arithmetic(expr.op, common.kind);
  const cl = converter(l.type, common);
  const cr = converter(r.type, common);
  const le = l.eval;
  const re = r.eval;
  return {
    type: common,
    eval: (row) => {
      const a = operand(le(row));
      return op(cl(a), cr(operand(re(row))));
    },
  };
}

/** Java arithmetic: int and long wrap on overflow; integral division by zero fails the expression. */
function arithmetic(op: ast.ArithmeticOp, kind: string): (a: unknown, b: unknown) => unknown {
  if (kind === 'INTEGER') {
    const ops: Record<string, (a: number, b: number) => number> = {
      '+': (a, b) => (a + b) | 0,
      '-': (a, b) => (a - b) | 0,
      '*': (a, b) => Math.imul(a, b),
      '/': (a, b) => (b === 0 ? divisionByZero() : (a / b) | 0),
      '%': (a, b) => (b === 0 ? divisionByZero() : a % b | 0),
    };
    const f = ops[op]!;
    return (a, b) => f(a as number, b as number);
  }
  if (kind === 'BIGINT') {
    const ops: Record<string, (a: bigint, b: bigint) => bigint> = {
      '+': (a, b) => BigInt.asIntN(64, a + b),
      '-': (a, b) => BigInt.asIntN(64, a - b),
      '*': (a, b) => BigInt.asIntN(64, a * b),
      '/': (a, b) => (b === 0n ? divisionByZero() : BigInt.asIntN(64, a / b)),
      '%': (a, b) => (b === 0n ? divisionByZero() : a % b),
    };
    const f = ops[op]!;
    return (a, b) => f(a as bigint, b as bigint);
  }
  const ops: Record<string, (a: number, b: number) => number> = {
    '+': (a, b) => a + b,
    '-': (a, b) => a - b,
    '*': (a, b) => a * b,
    '/': (a, b) => a / b,
    '%': (a, b) => a % b,
  };
  const f = ops[op]!;
  return (a, b) => f(a as number, b as number);
}

function divisionByZero(): never {
  return voidExpression('/ by zero');
}

function compileBetween(expr: ast.Between, ctx: CompileContext): Compiled {
  const low: ast.Comparison = { kind: 'Comparison', op: '>=', left: expr.value, right: expr.low, loc: expr.loc };
  const high: ast.Comparison = { kind: 'Comparison', op: '<=', left: expr.value, right: expr.high, loc: expr.loc };
  const both = compileLogical({ kind: 'Logical', op: 'AND', left: low, right: high, loc: expr.loc }, ctx);
  if (!expr.negated) return both;
  const e = both.eval;
  return { type: BOOLEAN, eval: (row) => nullOr(e(row), (v) => !v) };
}

function compileCast(expr: ast.Cast, ctx: CompileContext): Compiled {
  const operand = compileNode(expr.operand, ctx);
  if (expr.type.kind !== 'sql') throw semanticError(expr.loc, `Unknown type: ${expr.type.name}`);
  const to = expr.type.type;
  if (operand.type === null) return { type: to, eval: () => null, constant: true };
  const convert = castConverter(operand.type, to);
  if (!convert) throw semanticError(expr.loc, `Cast of ${typeToString(operand.type)} to ${typeToString(to)} is not supported`);
  return { type: to, constant: operand.constant, eval: castEvaluator(operand.eval, convert) };
}

/**
 * IN: each item compared with `=`; a NULL item never matches but makes a miss NULL. String
 * literals in the list are read as numbers when the value is numeric (ksqlDB's InPredicate
 * coercion); an item of an incomparable type is refused with ksqlDB's "operator does not exist".
 */
function compileInList(expr: ast.InList, ctx: CompileContext): Compiled {
  const value = compileNode(expr.value, ctx);
  const tests: Evaluator[] = [];
  let hasNull = false;
  for (const raw of expr.list) {
    const coerced = value.type ? coerceInItem(raw, value.type) : raw;
    if (coerced === undefined) continue;
    // A coercion that cannot apply (a column of another type inside a constructor) leaves the
    // item as written, to be refused below with ksqlDB's operator message.
    let item = coerced;
    let compiled: Compiled;
    try {
      compiled = compileNode(coerced, ctx);
    } catch (err) {
      if (coerced === raw || !(err instanceof ExpressionError) || err.detail.startsWith('Invalid Predicate')) throw err;
      item = raw;
      compiled = compileNode(raw, ctx);
    }
    if (compiled.type === null) {
      hasNull = true;
      continue;
    }
    if (value.type && !comparator(value.type, compiled.type)) {
      throw semanticError(
        raw.loc,
        `Invalid Predicate: operator does not exist: ${typeToString(value.type)} = ${typeToString(compiled.type)} (${formatExpression(raw)})\nHint: You might need to add explicit type casts.`,
      );
    }
    tests.push(compileComparison({ kind: 'Comparison', op: '=', left: expr.value, right: item, loc: raw.loc ?? expr.loc }, ctx).eval);
  }
  const negated = expr.negated;
  return {
    type: BOOLEAN,
    eval: (row) => {
      let sawNull = hasNull;
      for (const t of tests) {
        const v = t(row);
        if (v === true) return !negated;
        if (v === null) sawNull = true;
      }
      return sawNull ? null : negated;
    },
  };
}

/**
 * An IN item as ksqlDB's InPredicate coercion reads it against the value's type: literals become
 * that type (numbers and booleans as text for a STRING, numeric text as a number), constructors
 * are coerced element by element (other expressions inside them stay as written), and a STRUCT
 * constructor naming a field the type lacks can never match (undefined: dropped from the list).
 */
function coerceInItem(item: ast.Expression, target: SqlType): ast.Expression | undefined {
  if (item.kind === 'Literal') return coerceInLiteral(item, target);
  if (item.kind === 'ArrayCtor' && target.kind === 'ARRAY') {
    const items = item.items.map((e) => coerceElement(e, target.element));
    return items.some((e) => e === undefined) ? undefined : { ...item, items: items as ast.Expression[] };
  }
  if (item.kind === 'MapCtor' && target.kind === 'MAP') {
    const entries = item.entries.map((x) => ({ key: coerceElement(x.key, target.key), value: coerceElement(x.value, target.value) }));
    if (entries.some((x) => x.key === undefined || x.value === undefined)) return undefined;
    return { ...item, entries: entries as { key: ast.Expression; value: ast.Expression }[] };
  }
  if (item.kind === 'StructCtor' && target.kind === 'STRUCT') {
    if (item.fields.some((f) => !target.fields.some((t) => t.name === f.name))) return undefined;
    const fields = target.fields.map((t) => {
      const given = item.fields.find((f) => f.name === t.name);
      const value = coerceElement(given ? given.value : { kind: 'Literal', value: { type: 'NULL' } }, t.type);
      return value === undefined ? undefined : { name: t.name, value };
    });
    return fields.some((f) => f === undefined) ? undefined : { ...item, fields: fields as { name: string; value: ast.Expression }[] };
  }
  return item;
}

/** A constructor's element: a literal is coerced and cast to the element type, a constructor recursively. */
function coerceElement(e: ast.Expression, type: SqlType): ast.Expression | undefined {
  if (e.kind === 'Literal') return { kind: 'Cast', operand: coerceInLiteral(e, type), type: { kind: 'sql', type }, loc: e.loc } as ast.Expression;
  if (e.kind === 'ArrayCtor' || e.kind === 'MapCtor' || e.kind === 'StructCtor') return coerceInItem(e, type);
  return e;
}

function coerceInLiteral(item: ast.Literal, target: SqlType): ast.Expression {
  const v = item.value;
  if (target.kind === 'STRING') {
    if (v.type === 'BOOLEAN') return { kind: 'Literal', value: { type: 'STRING', value: String(v.value) }, loc: item.loc };
    if (v.type === 'INTEGER_TEXT' || v.type === 'DECIMAL_TEXT' || v.type === 'DOUBLE_TEXT') {
      return { kind: 'Literal', value: { type: 'STRING', value: v.text }, loc: item.loc };
    }
    return item;
  }
  if (v.type !== 'STRING' || numericRank(target) === undefined) return item;
  const text = v.value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    const typeName = target.kind === 'DECIMAL' ? 'DECIMAL' : typeToString(target);
    throw semanticError(item.loc, `Invalid Predicate: invalid input syntax for type ${typeName}: "${v.value}".`);
  }
  const kind = /[eE]/.test(text) ? 'DOUBLE_TEXT' : /\./.test(text) ? 'DECIMAL_TEXT' : 'INTEGER_TEXT';
  return { kind: 'Literal', value: { type: kind, text }, loc: item.loc };
}

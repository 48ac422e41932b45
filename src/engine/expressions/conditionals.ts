/**
 * CASE (searched and simple) and IS [NOT] DISTINCT FROM. CASE's results share one type: numbers
 * widen to the widest, other types must match (ksqlDB: "Invalid Case expression").
 */
import type * as ast from '../../sql/ast.js';
import { BOOLEAN, typesEqual, typeToString, type SqlType } from '../../sql/types.js';
import { formatExpression } from '../../sql/format-expression.js';
import { semanticError } from './compile-errors.js';
import type { Compiled, Evaluator } from './compiled.js';
import { converter, numericRank, widerNumeric } from './numeric.js';
import { sqlEquals } from './sql-equality.js';

export type CompileFn = (expr: ast.Expression) => Compiled;

export function compileCase(expr: ast.Case, compile: CompileFn, equalsOf: (l: ast.Expression, r: ast.Expression) => Compiled): Compiled {
  const conditions = expr.whens.map((w) => {
    const test = expr.operand ? equalsOf(expr.operand, w.when) : compile(w.when);
    if (test.type !== null && test.type.kind !== 'BOOLEAN') {
      throw semanticError(w.when.loc, `WHEN operand type should be boolean. Type for '${formatExpression(w.when)}' is ${typeToString(test.type)}`);
    }
    return test.eval;
  });
  const results = expr.whens.map((w) => ({ expr: w.then, c: compile(w.then) }));
  const otherwise = expr.else ? { expr: expr.else, c: compile(expr.else) } : undefined;
  const type = resultType([...results, ...(otherwise ? [otherwise] : [])]);
  const thens = results.map((r) => widenTo(r.c, type));
  const elseEval = otherwise ? widenTo(otherwise.c, type) : () => null;
  return {
    type,
    eval: (row) => {
      for (let i = 0; i < conditions.length; i++) if (conditions[i]!(row) === true) return thens[i]!(row);
      return elseEval(row);
    },
  };
}

function resultType(parts: readonly { expr: ast.Expression; c: Compiled }[]): SqlType | null {
  let type: SqlType | null = null;
  let first: ast.Expression | undefined;
  for (const p of parts) {
    if (p.c.type === null) continue;
    if (type === null) {
      type = p.c.type;
      first = p.expr;
    } else if (numericRank(type) !== undefined && numericRank(p.c.type) !== undefined) type = widerNumeric(type, p.c.type);
    else if (!typesEqual(type, p.c.type)) {
      throw semanticError(
        p.expr.loc,
        `Invalid Case expression. Type for all 'THEN' clauses should be the same.\nTHEN expression '${formatExpression(p.expr)}' has type: ${typeToString(p.c.type)}.\nTHEN expression '${formatExpression(first!)}' has type: ${typeToString(type)}.`,
      );
    }
  }
  return type;
}

function widenTo(c: Compiled, type: SqlType | null): Evaluator {
  if (type === null || c.type === null || typesEqual(c.type, type) || numericRank(type) === undefined) return c.eval;
  const conv = converter(c.type, type);
  const e = c.eval;
  return (row) => {
    const v = e(row);
    return v === null || v === undefined ? null : conv(v);
  };
}

/** IS [NOT] DISTINCT FROM: equality in which NULL equals NULL and never yields NULL. */
export function compileIsDistinct(expr: ast.IsDistinct, compile: CompileFn): Compiled {
  const l = compile(expr.left);
  const r = compile(expr.right);
  const common = l.type && r.type && numericRank(l.type) !== undefined && numericRank(r.type) !== undefined ? widerNumeric(l.type, r.type) : undefined;
  const cl = common ? converter(l.type!, common) : (v: unknown) => v;
  const cr = common ? converter(r.type!, common) : (v: unknown) => v;
  const negated = expr.negated;
  return {
    type: BOOLEAN,
    eval: (row) => {
      const a = l.eval(row);
      const b = r.eval(row);
      const aNull = a === null || a === undefined;
      const bNull = b === null || b === undefined;
      const same = aNull || bNull ? aNull && bNull : sqlEquals(cl(a), cr(b));
      return negated ? same : !same;
    },
  };
}

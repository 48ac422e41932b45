/**
 * A pull query's WHERE clause as a list of disjuncts, the form ksqlDB analyzes it in
 * (PullQueryRewriter, LogicRewriter; the reasoning is in confluentinc/ksql#6874):
 *
 * 1. `v BETWEEN a AND b` becomes `v >= a AND v <= b`; `v IN (a, b)` becomes `v = a OR v = b`;
 * 2. NOT moves inwards (De Morgan; a negated comparison flips its operator);
 * 3. AND distributes over OR, giving `(A AND B) OR (C AND D)`, whose disjuncts are analyzed one
 *    by one: each may pin the key (a lookup) or not (a scan).
 *
 * The rewrite serves the analysis only; rows are filtered with the WHERE clause as written.
 */
import type * as ast from '../sql/ast.js';

/** The disjuncts of the WHERE clause in disjunctive normal form, left to right. */
export function pullDisjuncts(where: ast.Expression): ast.Expression[] {
  return splitOr(toDnf(pushNot(expandPredicates(where), false)));
}

/** The terms of a disjunct (its AND operands, flattened). */
export function conjuncts(e: ast.Expression): ast.Expression[] {
  return e.kind === 'Logical' && e.op === 'AND' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/** The expression with every BETWEEN and IN, at any depth, written as comparisons. */
export function expandPredicates(e: ast.Expression): ast.Expression {
  return mapExpression(e, (x) => (x.kind === 'Between' ? negateIf(x.negated, between(x)) : x.kind === 'InList' ? negateIf(x.negated, inList(x)) : x));
}

/**
 * A copy of the expression with `f` applied to every sub-expression, children first. Types
 * (CAST's target) and locations are shared, not copied.
 */
export function mapExpression(e: ast.Expression, f: (e: ast.Expression) => ast.Expression): ast.Expression {
  const walk = (node: unknown, key: string): unknown => {
    if (node === null || typeof node !== 'object' || key === 'loc' || key === 'type') return node;
    if (Array.isArray(node)) return node.map((n) => walk(n, ''));
    const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    return 'kind' in copy && typeof copy.kind === 'string' ? f(copy as unknown as ast.Expression) : copy;
  };
  return walk(e, '') as ast.Expression;
}

function between(e: ast.Between): ast.Expression {
  const low: ast.Comparison = { kind: 'Comparison', op: '>=', left: e.value, right: e.low, loc: e.loc };
  const high: ast.Comparison = { kind: 'Comparison', op: '<=', left: e.value, right: e.high, loc: e.loc };
  return { kind: 'Logical', op: 'AND', left: low, right: high, loc: e.loc };
}

/** `v = a OR (v = b OR v = c)`: nested to the right, as ksqlDB builds it. */
function inList(e: ast.InList): ast.Expression {
  const equals = e.list.map((item): ast.Expression => ({ kind: 'Comparison', op: '=', left: e.value, right: item, loc: e.loc }));
  return equals.reduceRight((rest, eq) => ({ kind: 'Logical', op: 'OR', left: eq, right: rest, loc: e.loc }));
}

function negateIf(negated: boolean, e: ast.Expression): ast.Expression {
  return negated ? { kind: 'Not', operand: e, loc: e.loc } : e;
}

const NEGATED: Record<ast.ComparisonOp, ast.ComparisonOp> = { '=': '<>', '<>': '=', '<': '>=', '>=': '<', '>': '<=', '<=': '>' };

/** NOT pushed down to the terms: through AND/OR by De Morgan, into comparisons by flipping them. */
function pushNot(e: ast.Expression, negated: boolean): ast.Expression {
  switch (e.kind) {
    case 'Not':
      return pushNot(e.operand, !negated);
    case 'Logical': {
      const op = negated ? (e.op === 'AND' ? 'OR' : 'AND') : e.op;
      return { ...e, op, left: pushNot(e.left, negated), right: pushNot(e.right, negated) };
    }
    case 'Comparison':
      return negated ? { ...e, op: NEGATED[e.op] } : e;
    case 'IsDistinct':
    case 'IsNull':
    case 'Like':
      return negated ? { ...e, negated: !e.negated } : e;
    default:
      return negated ? { kind: 'Not', operand: e, loc: e.loc } : e;
  }
}

/** AND distributed over OR, left operand first. */
function toDnf(e: ast.Expression): ast.Expression {
  if (e.kind !== 'Logical') return e;
  const left = toDnf(e.left);
  const right = toDnf(e.right);
  if (e.op === 'OR') return { ...e, left, right };
  if (left.kind === 'Logical' && left.op === 'OR') {
    return { ...e, op: 'OR', left: toDnf({ ...e, left: left.left, right }), right: toDnf({ ...e, left: left.right, right }) };
  }
  if (right.kind === 'Logical' && right.op === 'OR') {
    return { ...e, op: 'OR', left: toDnf({ ...e, left, right: right.left }), right: toDnf({ ...e, left, right: right.right }) };
  }
  return { ...e, left, right };
}

function splitOr(e: ast.Expression): ast.Expression[] {
  return e.kind === 'Logical' && e.op === 'OR' ? [...splitOr(e.left), ...splitOr(e.right)] : [e];
}

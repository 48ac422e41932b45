/** Visits every sub-expression of an expression, parents first. */
import type * as ast from './ast.js';

export function children(e: ast.Expression): ast.Expression[] {
  switch (e.kind) {
    case 'StructDeref':
      return [e.base];
    case 'Subscript':
      return [e.base, e.index];
    case 'Unary':
    case 'Not':
    case 'IsNull':
      return [e.operand];
    case 'Binary':
    case 'Comparison':
    case 'Logical':
    case 'IsDistinct':
      return [e.left, e.right];
    case 'Like':
      return [e.value, e.pattern];
    case 'Between':
      return [e.value, e.low, e.high];
    case 'InList':
      return [e.value, ...e.list];
    case 'Case':
      return [...(e.operand ? [e.operand] : []), ...e.whens.flatMap((w) => [w.when, w.then]), ...(e.else ? [e.else] : [])];
    case 'Cast':
      return [e.operand];
    case 'FunctionCall':
      return [...e.args];
    case 'Lambda':
      return [e.body];
    case 'ArrayCtor':
      return [...e.items];
    case 'MapCtor':
      return e.entries.flatMap((x) => [x.key, x.value]);
    case 'StructCtor':
      return e.fields.map((f) => f.value);
    default:
      return [];
  }
}

export function walkExpression(e: ast.Expression, visit: (e: ast.Expression) => void): void {
  visit(e);
  for (const c of children(e)) walkExpression(c, visit);
}

/** The column names an expression reads (lambda parameters included, as written). */
export function columnRefs(e: ast.Expression): ast.ColumnRef[] {
  const out: ast.ColumnRef[] = [];
  walkExpression(e, (x) => {
    if (x.kind === 'ColumnRef') out.push(x);
  });
  return out;
}

/** The first node for which `test` holds, parents first. */
export function findExpression(e: ast.Expression, test: (e: ast.Expression) => boolean): ast.Expression | undefined {
  if (test(e)) return e;
  for (const c of children(e)) {
    const hit = findExpression(c, test);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A copy of the expression in which every node for which `f` returns a replacement is replaced
 * (its children are not visited); `f` sees parents first. Plain objects and arrays are copied,
 * anything else (decimals, byte arrays) is shared.
 */
export function mapExpression(e: ast.Expression, f: (node: ast.Expression) => ast.Expression | undefined): ast.Expression {
  return mapIn(e, f) as ast.Expression;
}

function mapIn(node: unknown, f: (node: ast.Expression) => ast.Expression | undefined): unknown {
  if (Array.isArray(node)) return node.map((n) => mapIn(n, f));
  if (node === null || typeof node !== 'object' || Object.getPrototypeOf(node) !== Object.prototype) return node;
  if (typeof (node as { kind?: unknown }).kind === 'string') {
    const replaced = f(node as ast.Expression);
    if (replaced !== undefined) return replaced;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = mapIn(v, f);
  return out;
}

/**
 * A copy of the expression with every column reference mapped; `map` also gets the names of the
 * lambda parameters in scope at the reference (a reference may name one).
 */
export function mapColumnRefs<T extends ast.Expression>(
  e: T,
  map: (ref: ast.ColumnRef, lambdaParams: ReadonlySet<string>) => ast.Expression,
  lambdaParams: ReadonlySet<string> = new Set(),
): T {
  return mapExpression(e, (n) => {
    if (n.kind === 'ColumnRef') return map(n, lambdaParams);
    if (n.kind === 'Lambda') return { ...n, body: mapColumnRefs(n.body, map, new Set([...lambdaParams, ...n.params])) };
    return undefined;
  }) as T;
}

/** A copy of the expression with one node (found by identity) replaced. */
export function replaceExpression(e: ast.Expression, target: ast.Expression, replacement: ast.Expression): ast.Expression {
  return mapExpression(e, (n) => (n === target ? replacement : undefined));
}

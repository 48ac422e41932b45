/**
 * Function calls: the overload is chosen when the query is compiled (fewest implicit widenings
 * wins), arguments are converted to the parameter types, lambdas are compiled with their
 * parameters typed from the other arguments. A failing call yields NULL for that row, as ksqlDB's
 * UDF invoker logs and returns null.
 */
import type * as ast from '../../sql/ast.js';
import { typeToString, type SqlType } from '../../sql/types.js';
import type { CompiledOverload, LambdaFn, RegisteredFunction, ReturnTypeContext } from '../functions/function-registry.js';
import { instantiate, matchArg, type Bindings, type Pattern } from '../functions/signature.js';
import { semanticError } from './compile-errors.js';
import type { Compiled, Evaluator, ResolvedColumn, Row, RowScope } from './compiled.js';
import { converter, numericRank } from './numeric.js';
import { constantValue, EvaluationError } from './evaluation-error.js';

export interface FunctionCompileContext {
  readonly scope: RowScope;
  lookup(name: string): RegisteredFunction | undefined;
  compile(expr: ast.Expression, scope: RowScope): Compiled;
}

export function compileFunctionCall(expr: ast.FunctionCall, ctx: FunctionCompileContext): Compiled {
  const fn = ctx.lookup(expr.name);
  if (!fn) throw semanticError(expr.loc, `Can't find any functions with the name '${expr.name}'`);
  const plain = expr.args.map((a) => (a.kind === 'Lambda' ? undefined : ctx.compile(a, ctx.scope)));
  let best: { cost: number; built: Compiled } | undefined;
  for (const overload of fn.overloads) {
    const attempt = tryOverload(overload, expr, plain, ctx, fn);
    if (attempt && (!best || attempt.cost < best.cost)) best = attempt;
  }
  if (!best) {
    const shown = plain.map((c, i) => (c ? (c.type ? typeToString(c.type) : 'null') : lambdaText(expr.args[i] as ast.Lambda)));
    throw semanticError(expr.loc, `Function '${fn.def.declaredName ?? fn.def.name.toLowerCase()}' does not accept parameters (${shown.join(', ')}).`);
  }
  return best.built;
}

function lambdaText(l: ast.Lambda): string {
  return `LAMBDA (${l.params.join(', ')})`;
}

function patternFor(o: CompiledOverload, i: number): Pattern | undefined {
  return i < o.params.length ? o.params[i] : o.variadic;
}

function tryOverload(
  o: CompiledOverload,
  expr: ast.FunctionCall,
  plain: readonly (Compiled | undefined)[],
  ctx: FunctionCompileContext,
  fn: RegisteredFunction,
): { cost: number; built: Compiled } | undefined {
  const n = expr.args.length;
  if (n < o.params.length || (!o.variadic && n > o.params.length)) return undefined;
  const bindings: Bindings = new Map();
  let cost = 0;
  for (let i = 0; i < n; i++) {
    const c = plain[i];
    if (!c) continue;
    const p = patternFor(o, i)!;
    if (p.k === 'lambda') return undefined;
    const m = matchArg(p, c.type, bindings);
    if (m < 0) return undefined;
    cost += m;
  }
  const args: Compiled[] = [];
  for (let i = 0; i < n; i++) {
    const p = patternFor(o, i)!;
    const c = plain[i];
    if (c) {
      args.push(convertArg(c, p, bindings));
      continue;
    }
    if (p.k !== 'lambda') return undefined;
    const lambda = compileLambda(expr.args[i] as ast.Lambda, p, bindings, ctx);
    if (!lambda) return undefined;
    args.push(lambda);
  }
  const type = resultType(o, args, bindings);
  if (!type) return undefined;
  const impl = o.def.bind ? o.def.bind(typeContext(args, bindings)) : o.def.impl;
  return { cost, built: invoke(o, impl, args, type, fn.def.volatile === true) };
}

function typeContext(args: readonly Compiled[], bindings: Bindings): ReturnTypeContext {
  return { args: args.map((a) => a.type), bindings, constants: args.map((a) => (a.constant ? constantValue(a) : undefined)) };
}

/** Converts a numeric argument to the type its parameter asks for (INTEGER → DOUBLE, ...). */
function convertArg(c: Compiled, p: Pattern, bindings: Bindings): Compiled {
  const target = p.k === 'decimal' ? undefined : instantiate(p, bindings);
  if (!c.type || !target || numericRank(c.type) === undefined || numericRank(target) === undefined) return c;
  if (c.type.kind === target.kind && target.kind !== 'DECIMAL') return c;
  const conv = converter(c.type, target);
  const e = c.eval;
  return { type: target, eval: (row) => nullOr(e(row), conv) };
}

function nullOr(v: unknown, f: (v: unknown) => unknown): unknown {
  return v === null || v === undefined ? null : f(v);
}

function resultType(o: CompiledOverload, args: readonly Compiled[], bindings: Bindings): SqlType | undefined {
  if (typeof o.returns === 'function') return o.returns(typeContext(args, bindings));
  return instantiate(o.returns, bindings);
}

function invoke(o: CompiledOverload, impl: (...args: unknown[]) => unknown, args: readonly Compiled[], type: SqlType, volatile: boolean): Compiled {
  const evals = args.map((a) => a.eval);
  const propagate = (o.def.nulls ?? 'propagate') === 'propagate';
  const call = (row: Row): unknown => {
    const values = new Array<unknown>(evals.length);
    for (let i = 0; i < evals.length; i++) {
      const v = evals[i]!(row);
      if (propagate && (v === null || v === undefined)) return null;
      values[i] = v;
    }
    try {
      const out = impl(...values);
      return out === undefined ? null : out;
    } catch (err) {
      // A lambda body that fails fails the whole expression; other failures of a function
      // are its NULL result.
      if (err instanceof EvaluationError) throw err;
      return null;
    }
  };
  const constant = !volatile && args.every((a) => a.constant);
  return { type, eval: call, constant };
}

/**
 * A lambda's parameters read slots that the function sets before calling the body, so the body
 * compiles once and runs without copying the row.
 */
function compileLambda(
  lambda: ast.Lambda,
  p: Pattern & { k: 'lambda' },
  bindings: Bindings,
  ctx: FunctionCompileContext,
): Compiled | undefined {
  if (lambda.params.length !== p.params.length) return undefined;
  const types = p.params.map((pp) => instantiate(pp, bindings));
  if (types.some((t) => t === undefined)) return undefined;
  const slots = lambda.params.map(() => ({ value: undefined as unknown }));
  const names = lambda.params.map((n) => n.toUpperCase());
  const scope: RowScope = {
    resolve: (source, name): ResolvedColumn | undefined => {
      const i = source === undefined ? names.indexOf(name.toUpperCase()) : -1;
      if (i < 0) return ctx.scope.resolve(source, name);
      const slot = slots[i]!;
      return { type: types[i]!, read: () => slot.value };
    },
    describe: () => ctx.scope.describe(),
  };
  const body = ctx.compile(lambda.body, scope);
  if (body.type !== null && matchArg(p.result, body.type, bindings) < 0) return undefined;
  if (body.type === null && p.result.k === 'var' && !bindings.has(p.result.name)) return undefined;
  const run: Evaluator = body.eval;
  return {
    type: body.type,
    eval: (row: Row): LambdaFn => (...xs: unknown[]) => {
      for (let i = 0; i < slots.length; i++) slots[i]!.value = xs[i];
      return run(row);
    },
  };
}

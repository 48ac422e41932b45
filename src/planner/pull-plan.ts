/**
 * Plans a pull query (a SELECT without EMIT): the clause rules, the plan from planSelect and, for
 * a table, how its WHERE clause lets it read the materialized state (src/planner/pull-where.ts).
 *
 * ksqlDB type-checks a pull query's WHERE clause leniently before its pull analysis, and compiles
 * it only afterwards, with BETWEEN and IN already rewritten (QueryFilterNode). LIKE operands and
 * BETWEEN bounds are therefore judged by the analysis first ("The column type for Like condition
 * must be VARCHAR...") or reported as the rewritten comparison ("Invalid expression: Cannot
 * compare V0 (STRING) to 10 (INTEGER) with GREATER_THAN_OR_EQUAL"). planSelect type-checks
 * strictly, so when it fails on a table, the errors ksqlDB would have raised first are looked for.
 */
import type { Catalog } from '../catalog/catalog.js';
import { KsqlStatementError } from '../errors.js';
import { compileExpression } from '../engine/expressions/compile.js';
import { ExpressionError } from '../engine/expressions/compile-errors.js';
import type * as ast from '../sql/ast.js';
import { InputRowScope } from './input-row.js';
import { planSelect } from './plan-select.js';
import { checkPullClauses } from './pull-clauses.js';
import { expandPredicates, mapExpression } from './pull-rewrite.js';
import type { PullSettings } from './pull-settings.js';
import { planTableAccess, type TableAccess } from './pull-where.js';
import type { QueryPlan } from './query-plan.js';

export interface PullQueryPlan {
  readonly plan: QueryPlan;
  /** How a query over one table reads it; absent for streams. */
  readonly access?: TableAccess;
}

export function planPullQuery(query: ast.Query, catalog: Catalog, settings: PullSettings, properties: ReadonlyMap<string, string>): PullQueryPlan {
  checkPullClauses(query, settings);
  let plan: QueryPlan;
  try {
    plan = planSelect(query, catalog, { properties });
  } catch (err) {
    throw earlierPullError(query, catalog, settings) ?? err;
  }
  if (plan.source.type !== 'TABLE' || plan.inputs.length !== 1) return { plan };
  return { plan, access: planTableAccess(query.where, plan.source, settings) };
}

/** The error ksqlDB reports before its strict compile of the WHERE clause, if any. */
function earlierPullError(query: ast.Query, catalog: Catalog, settings: PullSettings): Error | undefined {
  const source = catalog.getSource(query.from.name);
  if (!query.where || query.joins.length > 0 || source?.type !== 'TABLE') return undefined;
  const scope = new InputRowScope(source.schema, [source.name, ...(query.from.alias ? [query.from.alias] : [])], source.windowType !== undefined);
  if (!compiles(lenient(query.where), scope)) return undefined;
  try {
    planTableAccess(query.where, source, settings);
  } catch (err) {
    return err as Error;
  }
  return rewrittenCompileError(query.where, scope);
}

/** The rewritten WHERE clause compiled as ksqlDB's QueryFilterNode compiles it. */
function rewrittenCompileError(where: ast.Expression, scope: InputRowScope): Error | undefined {
  try {
    compileExpression(expandPredicates(where), { scope, clause: 'WHERE' });
    return undefined;
  } catch (err) {
    return err instanceof ExpressionError && err.kind === 'type' ? new KsqlStatementError(`Invalid expression: ${err.detail}`) : undefined;
  }
}

function compiles(e: ast.Expression, scope: InputRowScope): boolean {
  try {
    compileExpression(e, { scope, clause: 'WHERE' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The WHERE clause with each LIKE and BETWEEN reduced to a check that still resolves its
 * operands but does not compare their types: ksqlDB's first, lenient type check.
 */
function lenient(where: ast.Expression): ast.Expression {
  return mapExpression(where, (e) =>
    e.kind === 'Like' ? anyNull([e.value, e.pattern]) : e.kind === 'Between' ? anyNull([e.value, e.low, e.high]) : e,
  );
}

function anyNull(operands: ast.Expression[]): ast.Expression {
  return operands
    .map((operand): ast.Expression => ({ kind: 'IsNull', operand, negated: false }))
    .reduce((a, b) => ({ kind: 'Logical', op: 'OR', left: a, right: b }));
}

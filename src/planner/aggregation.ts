/**
 * Plans GROUP BY queries as ksqlDB does: the grouping expressions form the key, every aggregate
 * call gets an accumulator, and SELECT and HAVING are compiled over the aggregate row
 * `[key..., aggregate results..., WINDOWSTART, WINDOWEND]`, where an aggregate call or a grouping
 * expression reads its slot and any other column reference is an error
 * (docs.ksqldb.io, "Aggregate functions" and "SELECT (push query)": GROUP BY rules).
 */
import { KsqlStatementError, wordList } from '../errors.js';
import type { DataSource } from '../catalog/source.js';
import { compileExpression, semanticError } from '../engine/expressions/compile.js';
import type { Compiled, Evaluator, ResolvedColumn, RowScope } from '../engine/expressions/compiled.js';
import type { AggregateArg, Aggregator } from '../engine/functions/aggregate.js';
import { aggregateFunctions, isAggregateFunction } from '../engine/functions/aggregates/index.js';
import { builtinFunctions } from '../engine/functions/builtins/index.js';
import { formatExpression } from '../sql/format-expression.js';
import { children, findExpression } from '../sql/expression-walk.js';
import type * as ast from '../sql/ast.js';
import { BIGINT, typeToString, type SqlType } from '../sql/types.js';
import type { OutputColumn } from './query-plan.js';
import { findTableFunction } from './table-functions.js';
import { windowPlan, type WindowPlan } from './window-plan.js';
import {
  canonicalText,
  columnAliasGenerator,
  inClause,
  missingKeyExpressions,
  rejectDuplicates,
  selectItemName,
  structFieldAliases,
} from './select-columns.js';

export interface AggregateCall {
  readonly aggregator: Aggregator;
  /** The per-row arguments, over the input row. */
  readonly args: readonly Evaluator[];
  readonly text: string;
}

export interface AggregationPlan {
  /** The grouping expressions over the input row: the output key, in GROUP BY order. */
  readonly groupBy: readonly Evaluator[];
  readonly groupByTypes: readonly SqlType[];
  readonly aggregates: readonly AggregateCall[];
  readonly window?: WindowPlan;
  /** Over the aggregate row. */
  readonly having?: Evaluator;
  /** EMIT FINAL: only a window's last result, once the window has closed. */
  readonly emitFinal: boolean;
}

export interface PlannedAggregation {
  readonly aggregation: AggregationPlan;
  /** Over the aggregate row. */
  readonly projection: readonly Evaluator[];
  readonly columns: readonly OutputColumn[];
  /** Names of the key columns in key (GROUP BY) order. */
  readonly keyColumns: readonly string[];
}

export function isAggregateQuery(query: ast.Query): boolean {
  if (query.groupBy.length > 0) return true;
  const exprs = [...query.select.flatMap((s) => (s.kind === 'Expr' ? [s.expr] : [])), ...(query.having ? [query.having] : [])];
  return exprs.some((e) => findAggregate(e) !== undefined);
}

function findAggregate(e: ast.Expression): ast.FunctionCall | undefined {
  return findExpression(e, (x) => x.kind === 'FunctionCall' && isAggregateFunction(x.name)) as ast.FunctionCall | undefined;
}

export interface AggregationOptions {
  /** A CREATE TABLE AS SELECT: its sink's name, for the key rules' messages. */
  readonly sinkName?: string;
  /** Statement properties; some functions read settings (`ksql.functions.collect_list.limit`). */
  readonly properties?: ReadonlyMap<string, string>;
}

export function planAggregation(query: ast.Query, source: DataSource, scope: RowScope, options: AggregationOptions): PlannedAggregation {
  const persistent = options.sinkName !== undefined;
  const selectExprs = query.select.flatMap((s) => (s.kind === 'Expr' ? [s.expr] : []));
  refuseMisuse(query, selectExprs);
  const window = query.window ? windowPlan(query.window) : undefined;
  const groups = query.groupBy.map((g) => compileGrouping(g, scope));
  const aggregates: AggregateCall[] = [];
  const aggregateSlots = new Map<string, number>();
  const keyWidth = groups.length;
  const resolveAggregate = (call: ast.FunctionCall): ResolvedColumn => {
    const text = canonicalText(call);
    let slot = aggregateSlots.get(text);
    if (slot === undefined) {
      slot = aggregates.length;
      aggregates.push(compileAggregate(call, scope, options.properties));
      aggregateSlots.set(text, slot);
    }
    const at = keyWidth + slot;
    return { type: aggregates[slot]!.aggregator.returnType, read: (row) => row[at] };
  };
  const groupSlots = new Map(groups.map((g, i) => [g.text, i]));
  const substitute = (e: ast.Expression): ResolvedColumn | undefined => {
    if (e.kind === 'FunctionCall' && isAggregateFunction(e.name)) return resolveAggregate(e);
    const g = groupSlots.get(canonicalText(e));
    if (g !== undefined) return { type: groups[g]!.type, read: (row) => row[g] };
    return undefined;
  };
  const aggregateScope = new AggregateRowScope(window !== undefined);
  const compileOver = (e: ast.Expression, clause: 'SELECT' | 'HAVING'): Compiled =>
    compileExpression(e, { scope: aggregateScope, clause, substitute });

  checkNonAggregates(query, groupSlots, source);
  refuseMissingGroupBy(query, selectExprs, persistent);
  const { projection, columns, keyColumns } = compileSelect(query, source, groups, compileOver, options.sinkName);
  const having = query.having ? compileHaving(query.having, compileOver) : undefined;
  if (source.type === 'TABLE') refuseStreamOnly(aggregates);
  return {
    aggregation: {
      groupBy: groups.map((g) => g.eval),
      groupByTypes: groups.map((g) => g.type),
      aggregates,
      ...(window ? { window } : {}),
      ...(having ? { having } : {}),
      emitFinal: query.emit === 'FINAL',
    },
    projection,
    columns,
    keyColumns,
  };
}

function refuseMisuse(query: ast.Query, selectExprs: readonly ast.Expression[]): void {
  const scalars = builtinFunctions();
  const unknown = [...selectExprs, ...query.groupBy, ...(query.having ? [query.having] : [])]
    .map((e) => findExpression(e, (x) => x.kind === 'FunctionCall' && !isAggregateFunction(x.name) && !scalars.get(x.name)))
    .find((x) => x !== undefined) as ast.FunctionCall | undefined;
  if (unknown) throw new KsqlStatementError(`Can't find any functions with the name '${unknown.name}'`);
  if (selectExprs.some((e) => findTableFunction(e) !== undefined)) {
    throw new KsqlStatementError('Table functions cannot be used with aggregations.');
  }
  if (query.window) refuseWindowBounds([...query.groupBy, ...(query.having ? [query.having] : []), ...(query.where ? [query.where] : [])]);
  for (const g of query.groupBy) {
    const agg = findAggregate(g);
    if (agg) throw new KsqlStatementError(`GROUP BY does not support aggregate functions: ${agg.name} is an aggregate function.`);
  }
  const hasAggregate = [...selectExprs, ...(query.having ? [query.having] : [])].some((e) => findAggregate(e) !== undefined);
  if (!hasAggregate) throw new KsqlStatementError('GROUP BY requires aggregate functions in either the SELECT or HAVING clause.');
}

/** Checked after the non-aggregate columns, as ksqlDB reports those first. */
function refuseMissingGroupBy(query: ast.Query, selectExprs: readonly ast.Expression[], persistent: boolean): void {
  if (query.groupBy.length > 0) return;
  if (query.window) throw new KsqlStatementError('WINDOW clause requires a GROUP BY clause.');
  if (!persistent) return;
  const first = selectExprs.map(findAggregate).find((a) => a !== undefined)!;
  throw new KsqlStatementError(`CREATE TABLE AS SELECT statement does not support aggregate function [${aggregateText(first)}] without a GROUP BY clause.`);
}

/** WINDOWSTART and WINDOWEND exist only once a window has been applied: in SELECT. */
function refuseWindowBounds(exprs: readonly ast.Expression[]): void {
  for (const e of exprs) {
    const bound = findExpression(e, (x) => x.kind === 'ColumnRef' && (x.name === 'WINDOWSTART' || x.name === 'WINDOWEND')) as ast.ColumnRef | undefined;
    if (bound) throw new KsqlStatementError(`Window bounds column ${bound.name} can only be used in the SELECT clause of windowed aggregations`);
  }
}

/** ksqlDB rewrites COUNT(*) as COUNT(ROWTIME) before it reports it. */
function aggregateText(call: ast.FunctionCall): string {
  return call.star || call.args.length === 0 ? `${call.name}(ROWTIME)` : formatExpression(call);
}

interface Grouping extends Compiled {
  readonly type: SqlType;
  readonly text: string;
  readonly expr: ast.Expression;
}

function compileGrouping(expr: ast.Expression, scope: RowScope): Grouping {
  const c = inClause(
    () => compileExpression(expr, { scope, clause: 'GROUP BY' }),
    (detail) => `Error in GROUP BY expression: ${detail}`,
  );
  if (c.type === null) throw semanticError(expr.loc, `GROUP BY expression cannot be NULL: ${formatExpression(expr)}`);
  return { type: c.type, eval: c.eval, text: canonicalText(expr), expr };
}

function compileAggregate(call: ast.FunctionCall, scope: RowScope, properties?: ReadonlyMap<string, string>): AggregateCall {
  const def = aggregateFunctions().get(call.name)!;
  // ksqlDB reads F(*) as F(ROWTIME); COUNT alone counts rows without an argument.
  const rowtime: ast.Expression = { kind: 'ColumnRef', name: 'ROWTIME' };
  const argExprs = call.star || call.args.length === 0 ? (call.name === 'COUNT' ? [] : [rowtime]) : call.args;
  const compiled = argExprs.map((a) =>
    inClause(() => compileExpression(a, { scope, clause: 'SELECT' }), (detail) => `Invalid Select: ${detail}`),
  );
  const args: AggregateArg[] = argExprs.map((a, i) => {
    const c = compiled[i]!;
    const literal = a.kind === 'Literal' || (c.constant === true && findExpression(a, (x) => x.kind === 'ColumnRef') === undefined);
    const text = formatExpression(a);
    return literal ? { type: c.type, literal: true, value: c.eval([]), text } : { type: c.type, literal: false, text };
  });
  const aggregator = def.resolve(args, properties ? { properties } : undefined);
  return { aggregator, args: compiled.slice(0, aggregator.columnArgs).map((c) => c.eval), text: aggregateText(call) };
}

/** Column references outside aggregates and grouping expressions (lambda parameters aside). */
function ungroupedColumns(e: ast.Expression, groupSlots: ReadonlyMap<string, number>, lambdaParams: ReadonlySet<string> = new Set()): boolean {
  if (e.kind === 'FunctionCall' && isAggregateFunction(e.name)) return false;
  if (groupSlots.has(canonicalText(e))) return false;
  if (e.kind === 'ColumnRef') {
    if (e.source === undefined && lambdaParams.has(e.name)) return false;
    return e.name !== 'WINDOWSTART' && e.name !== 'WINDOWEND';
  }
  const params = e.kind === 'Lambda' ? new Set([...lambdaParams, ...e.params]) : lambdaParams;
  return children(e).some((c) => ungroupedColumns(c, groupSlots, params));
}

function checkNonAggregates(query: ast.Query, groupSlots: ReadonlyMap<string, number>, source: DataSource): void {
  const bad: string[] = [];
  for (const item of query.select) {
    if (item.kind === 'AllColumns') {
      for (const c of source.schema.columns) if (!groupSlots.has(c.name)) bad.push(c.name);
      continue;
    }
    if (ungroupedColumns(item.expr, groupSlots)) bad.push(formatExpression(item.expr));
  }
  if (bad.length > 0) {
    throw new KsqlStatementError(
      `Non-aggregate SELECT expression(s) not part of GROUP BY: ${bad.join(', ')}\nEither add the column(s) to the GROUP BY or remove them from the SELECT.`,
    );
  }
  if (query.having) {
    const column = firstUngrouped(query.having, groupSlots);
    if (column) throw new KsqlStatementError(`Non-aggregate HAVING expression not part of GROUP BY: ${formatExpression(column)}`);
  }
}

function firstUngrouped(e: ast.Expression, groupSlots: ReadonlyMap<string, number>): ast.Expression | undefined {
  if ((e.kind === 'FunctionCall' && isAggregateFunction(e.name)) || groupSlots.has(canonicalText(e))) return undefined;
  if (e.kind === 'ColumnRef') return e.name === 'WINDOWSTART' || e.name === 'WINDOWEND' ? undefined : e;
  for (const c of children(e)) {
    const hit = firstUngrouped(c, groupSlots);
    if (hit) return hit;
  }
  return undefined;
}

function compileSelect(
  query: ast.Query,
  source: DataSource,
  groups: readonly Grouping[],
  compileOver: (e: ast.Expression, clause: 'SELECT' | 'HAVING') => Compiled,
  sinkName: string | undefined,
): { projection: Evaluator[]; columns: OutputColumn[]; keyColumns: string[] } {
  const projection: Evaluator[] = [];
  const columns: OutputColumn[] = [];
  const keyOf: (string | undefined)[] = groups.map(() => undefined);
  const taken = source.schema.columns.map((c) => c.name);
  const nextName = columnAliasGenerator(taken);
  const fieldName = structFieldAliases(taken);
  const items: { expr: ast.Expression; alias?: string }[] = query.select.flatMap((item) =>
    item.kind === 'AllColumns'
      ? source.schema.columns.map((c) => ({ expr: { kind: 'ColumnRef', name: c.name } as ast.Expression }))
      : [{ expr: item.expr, ...(item.alias ? { alias: item.alias } : {}) }],
  );
  for (const item of items) {
    const c = inClause(() => compileOver(item.expr, 'SELECT'), (detail) => `Invalid Select: ${detail}`);
    if (c.type === null) throw semanticError(item.expr.loc, `Can't determine the type of the expression NULL in SELECT; use CAST.`);
    const name = item.alias ?? selectItemName(item.expr, fieldName, nextName);
    const group = groups.findIndex((g) => g.text === canonicalText(item.expr));
    const isKey = group >= 0 && keyOf[group] === undefined;
    if (group >= 0 && keyOf[group] !== undefined && sinkName !== undefined) {
      throw new KsqlStatementError(`The projection contains a key column more than once: \`${keyOf[group]}\` and \`${name}\`.`);
    }
    if (isKey) keyOf[group] = name;
    projection.push(c.eval);
    columns.push({ name, type: c.type, isKey });
  }
  const missing = groups.filter((_, i) => keyOf[i] === undefined).map((g) => formatExpression(g.expr));
  if (missing.length > 0 && sinkName !== undefined) throw missingKeyExpressions(sinkName, 'grouping', missing);
  rejectDuplicates(columns);
  return { projection, columns, keyColumns: keyOf.filter((k): k is string => k !== undefined) };
}

function compileHaving(expr: ast.Expression, compileOver: (e: ast.Expression, clause: 'HAVING') => Compiled): Evaluator {
  const c = inClause(() => compileOver(expr, 'HAVING'), (detail) => `Error in HAVING expression: ${detail}`);
  if (c.type !== null && c.type.kind !== 'BOOLEAN') {
    throw semanticError(expr.loc, `Type error in HAVING expression: Should evaluate to boolean but is ${formatExpression(expr)} (${typeToString(c.type)}) instead.`);
  }
  return c.eval;
}

function refuseStreamOnly(aggregates: readonly AggregateCall[]): void {
  const names = [...new Set(aggregates.filter((a) => a.aggregator.undo === undefined).map((a) => a.text.slice(0, a.text.indexOf('('))))];
  if (names.length === 0) return;
  const list = wordList(names);
  throw new KsqlStatementError(`The aggregation functions ${list} cannot be applied to a table source, only to a stream source.`);
}

/**
 * WINDOWSTART and WINDOWEND are the aggregate row's last two slots; nothing else resolves by
 * name (aggregates and grouping expressions are substituted whole).
 */
class AggregateRowScope implements RowScope {
  constructor(private readonly windowed: boolean) {}

  resolve(_source: string | undefined, name: string): ResolvedColumn | undefined {
    if (!this.windowed) return undefined;
    if (name === 'WINDOWSTART') return { type: BIGINT, read: (row) => row[row.length - 2] };
    if (name === 'WINDOWEND') return { type: BIGINT, read: (row) => row[row.length - 1] };
    return undefined;
  }

  describe(): string {
    return this.windowed ? 'WINDOWSTART, WINDOWEND' : '';
  }
}

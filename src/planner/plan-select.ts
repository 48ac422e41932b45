/**
 * Plans a SELECT over one source: resolves the source, expands `*`, names the output columns as
 * ksqlDB does (aliases, column names, KSQL_COL_n for the rest), and compiles WHERE and the
 * projection. Aggregation, windows and joins are refused here with a clear message until the
 * engine has them.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { DataSource } from '../catalog/source.js';
import { KsqlStatementError } from '../errors.js';
import { compileExpression, semanticError } from '../engine/expressions/compile.js';
import { formatExpression } from '../sql/format-expression.js';
import { columnRefs } from '../sql/expression-walk.js';
import type { Compiled, Evaluator } from '../engine/expressions/compiled.js';
import type * as ast from '../sql/ast.js';
import { BOOLEAN, typeToString } from '../sql/types.js';
import { InputRowScope, WINDOW_COLUMNS } from './input-row.js';
import { compileWithTableFunction, findTableFunction } from './table-functions.js';
import { isAggregateQuery, planAggregation } from './aggregation.js';
import { planJoin } from './join-plan.js';
import { planPartitioning, requirePartitionKeys, type Partitioning } from './partitioning.js';
import {
  canonicalText,
  columnAliasGenerator,
  implicitName,
  inClause,
  rejectDuplicates,
  selectItemName,
  structFieldAliases,
} from './select-columns.js';
import type { OutputColumn, QueryPlan } from './query-plan.js';

export interface PlanOptions {
  /** A CSAS / CTAS / INSERT INTO ... SELECT: no pull-query rules, and ksqlDB's sink column rules. */
  readonly persistent?: boolean;
  /** The sink of a CREATE ... AS SELECT, named in the key rules' messages. */
  readonly sinkName?: string;
  /** The statement's properties (functions may read settings from them). */
  readonly properties?: ReadonlyMap<string, string>;
}

export function planSelect(query: ast.Query, catalog: Catalog, options: PlanOptions = {}): QueryPlan {
  if (query.joins.length > 0) return planJoin(query, catalog, options);
  const source = resolveSource(query.from, catalog);
  if (options.persistent) refuseReservedNames(query);
  else if (!query.emit) refusePullQueryClauses(query);
  const names = [source.name, ...(query.from.alias ? [query.from.alias] : [])];
  const scope = new InputRowScope(source.schema, names, source.windowType !== undefined);
  const where = query.where ? compileWhere(query.where, scope, query.window !== undefined) : undefined;
  const base = { kind: query.emit ? 'push' : 'pull', source, inputs: [source], scope, where, limit: query.limit, statementText: query.text } as const;
  if (isAggregateQuery(query)) {
    const sinkName = options.persistent ? (options.sinkName ?? '') : undefined;
    const planned = planAggregation(query, source, scope, { sinkName, ...(options.properties ? { properties: options.properties } : {}) });
    return { ...base, ...planned, resultType: 'TABLE' };
  }
  if (query.window) throw new KsqlStatementError('WINDOW clause requires a GROUP BY clause.');
  const partition = query.partitionBy.length > 0 ? planPartitioning(query, scope) : undefined;
  const { projection, columns, explode, keyColumns } = compileProjection(query, source, scope, partition, options.persistent === true);
  if (explode.length > 0 && source.type === 'TABLE') throw new KsqlStatementError('Table source is not supported with table functions');
  if (partition && options.persistent) requirePartitionKeys(partition, keyColumns, options.sinkName ?? '', query.from);
  return {
    ...base,
    projection,
    columns,
    keyColumns,
    ...(partition ? { rekeyed: true } : {}),
    resultType: source.type,
    ...(explode.length > 0 ? { explode } : {}),
  };
}

const PULL_QUERY_HINT = 'See https://cnfl.io/queries for more info.\nAdd EMIT CHANGES if you intended to issue a push query.';

/** Clauses a pull query cannot have, and pseudo columns it cannot read (ksqlDB's PullQueryValidator). */
function refusePullQueryClauses(query: ast.Query): void {
  if (query.groupBy.length > 0) throw new KsqlStatementError(`Pull queries don't support GROUP BY clauses. ${PULL_QUERY_HINT}`);
  if (query.window) throw new KsqlStatementError(`Pull queries don't support WINDOW clauses. ${PULL_QUERY_HINT}`);
  if (query.having) throw new KsqlStatementError(`Pull queries don't support HAVING clauses. ${PULL_QUERY_HINT}`);
  refusePullPseudoColumns(query);
}

const RESERVED = new Set(['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND']);

/** A persistent query's sink cannot have pseudo column names, projected bare or as aliases. */
function refuseReservedNames(query: ast.Query): void {
  for (const item of query.select) {
    if (item.kind !== 'Expr') continue;
    if (item.alias && RESERVED.has(item.alias)) {
      throw new KsqlStatementError(`\`${item.alias}\` is a reserved column name. You cannot use it as an alias for a column.`);
    }
    if (!item.alias && item.expr.kind === 'ColumnRef' && RESERVED.has(item.expr.name) && item.expr.name !== 'ROWTIME') {
      throw new KsqlStatementError(`Reserved column name in select: \`${item.expr.name}\`. Please remove or alias the column.`);
    }
  }
}

/** Pull queries cannot read ROWPARTITION or ROWOFFSET (ksqlDB's PullQueryValidator). */
function refusePullPseudoColumns(query: ast.Query): void {
  const disallowed = new Set(['ROWPARTITION', 'ROWOFFSET']);
  const found = (exprs: readonly ast.Expression[]): string[] => [
    ...new Set(exprs.flatMap(columnRefs).map((c) => c.name).filter((n) => disallowed.has(n))),
  ];
  const select = found(query.select.flatMap((s) => (s.kind === 'Expr' ? [s.expr] : [])));
  if (select.length > 0) {
    throw new KsqlStatementError(`Pull queries don't support the following columns in SELECT clauses: ${select.map((n) => `\`${n}\``).join(', ')}`);
  }
  const where = found(query.where ? [query.where] : []);
  if (where.length > 0) {
    throw new KsqlStatementError(`Pull queries don't support the following columns in WHERE clauses: ${where.map((n) => `\`${n}\``).join(', ')}`);
  }
}

export function resolveSource(rel: ast.Relation, catalog: Catalog): DataSource {
  const source = catalog.getSource(rel.name);
  if (source) return source;
  throw semanticError(rel.loc, `${rel.name} does not exist.`);
}

function compileWhere(expr: ast.Expression, scope: InputRowScope, windowed: boolean): Evaluator {
  // WHERE applies before the query's WINDOW: its bounds are unknown there (ksqlDB's wording).
  const bound = columnRefs(expr).find((c) => (c.name === 'WINDOWSTART' || c.name === 'WINDOWEND') && !scope.resolve(c.source, c.name));
  if (bound && windowed) throw new KsqlStatementError(`Error in WHERE expression: Unknown column ${bound.name}.`);
  const c = inClause(() => compileExpression(expr, { scope, clause: 'WHERE' }), (detail) => `Error in WHERE expression: ${detail}\nStatement: ${formatExpression(expr)}`);
  if (c.type !== null && c.type !== BOOLEAN && c.type.kind !== 'BOOLEAN') {
    throw semanticError(expr.loc, `Type error in WHERE expression: Should evaluate to boolean but is ${formatExpression(expr)} (${typeToString(c.type)}) instead.`);
  }
  return c.eval;
}


interface ProjectionResult {
  projection: Evaluator[];
  columns: OutputColumn[];
  explode: number[];
  keyColumns: string[];
}

function compileProjection(
  query: ast.Query,
  source: DataSource,
  scope: InputRowScope,
  partition: Partitioning | undefined,
  persistent: boolean,
): ProjectionResult {
  const projection: Evaluator[] = [];
  const columns: OutputColumn[] = [];
  const explode: number[] = [];
  const keyOf: (string | undefined)[] = partition ? partition.keys.map(() => undefined) : [];
  const taken = source.schema.columns.map((c) => c.name);
  const nextName = columnAliasGenerator(taken);
  const fieldName = structFieldAliases(taken);
  for (const item of query.select) {
    if (item.kind === 'AllColumns') {
      if (partition) expandAllRekeyed(source, partition, nextName, projection, columns, keyOf);
      else expandAll(source, scope, projection, columns, persistent);
      continue;
    }
    if (item.expr.kind === 'StructDeref' && item.expr.field === '*') {
      expandStruct(item.expr, scope, projection, columns);
      continue;
    }
    const c = inClause(() => compileItem(item.expr, scope), (detail) => `Invalid Select: ${detail}`);
    if (c.type === null) throw semanticError(item.expr.loc, `Can't determine the type of the expression NULL in SELECT; use CAST.`);
    const name = item.alias ?? selectItemName(item.expr, fieldName, nextName);
    if (findTableFunction(item.expr)) explode.push(projection.length);
    projection.push(c.eval);
    const ref = item.expr.kind === 'ColumnRef' ? source.schema.find(item.expr.name) : undefined;
    let isKey = ref?.namespace === 'KEY';
    if (isKey && persistent && !partition) {
      const earlier = columns.find((col) => col.isKey && col.sourceName === ref!.name);
      if (earlier) {
        throw new KsqlStatementError(`The projection contains a key column (\`${ref!.name}\`) more than once, aliased as: ${earlier.name} and ${name}.`);
      }
    }
    if (partition) {
      const k = partition.keys.findIndex((key) => key.text === canonicalText(item.expr));
      isKey = k >= 0 && keyOf[k] === undefined;
      if (isKey) keyOf[k] = name;
    }
    columns.push({ name, type: c.type, isKey, ...(ref ? { sourceName: ref.name } : {}) });
  }
  rejectDuplicates(columns);
  const keyColumns = partition ? keyOf.filter((k): k is string => k !== undefined) : columns.filter((c) => c.isKey).map((c) => c.name);
  return { projection, columns, explode, keyColumns };
}

/**
 * `*`: every column of the source. A transient query over a windowed source shows the window
 * bounds after the key columns; a persistent query carries the window in its sink's key instead.
 */
function expandAll(source: DataSource, scope: InputRowScope, projection: Evaluator[], columns: OutputColumn[], persistent: boolean): void {
  const add = (name: string, type: OutputColumn['type'], at: number, isKey: boolean): void => {
    projection.push((row) => row[at]);
    columns.push({ name, type, isKey });
  };
  const all = source.schema.columns;
  all.forEach((c, i) => {
    if (c.namespace === 'KEY') add(c.name, c.type, i, true);
  });
  if (scope.windowed && !persistent) WINDOW_COLUMNS.forEach((w, i) => add(w.name, w.type, scope.windowStartIndex + i, true));
  all.forEach((c, i) => {
    if (c.namespace !== 'KEY') add(c.name, c.type, i, false);
  });
}

/**
 * `*` under PARTITION BY: the partitioning expressions become the key (named after the column or
 * field they read, else KSQL_COL_n), then the value columns, then the old key columns as values.
 */
function expandAllRekeyed(
  source: DataSource,
  partition: Partitioning,
  nextName: () => string,
  projection: Evaluator[],
  columns: OutputColumn[],
  keyOf: (string | undefined)[],
): void {
  const keyNames = new Set<string>();
  partition.keys.forEach((k, i) => {
    const name = implicitName(k.expr) ?? nextName();
    projection.push(k.eval);
    columns.push({ name, type: k.type, isKey: true });
    keyOf[i] = name;
    if (k.expr.kind === 'ColumnRef') keyNames.add(k.expr.name);
  });
  const all = source.schema.columns;
  const rest = [...all.filter((c) => c.namespace !== 'KEY'), ...all.filter((c) => c.namespace === 'KEY')];
  for (const c of rest) {
    if (keyNames.has(c.name)) continue;
    const at = all.indexOf(c);
    projection.push((row) => row[at]);
    columns.push({ name: c.name, type: c.type, isKey: false });
  }
}

/** `s->*`: one output column per field of the struct, named after the field. */
function expandStruct(expr: ast.StructDeref, scope: InputRowScope, projection: Evaluator[], columns: OutputColumn[]): void {
  const base = inClause(() => compileExpression(expr.base, { scope, clause: 'SELECT' }), (detail) => `Invalid Select: ${detail}`);
  if (base.type?.kind !== 'STRUCT') throw semanticError(expr.loc, `Invalid Select: ->* applies to a STRUCT, not ${base.type ? typeToString(base.type) : 'null'}`);
  for (const f of base.type.fields) {
    const name = f.name;
    projection.push((row) => {
      const s = base.eval(row) as Record<string, unknown> | null | undefined;
      return s === null || s === undefined ? null : (s[name] ?? null);
    });
    columns.push({ name, type: f.type, isKey: false });
  }
}

/** A select item; one with a table function inside yields a list (see table-functions.ts). */
function compileItem(expr: ast.Expression, scope: InputRowScope): Compiled {
  const call = findTableFunction(expr);
  return call ? compileWithTableFunction(expr, call, scope) : compileExpression(expr, { scope, clause: 'SELECT' });
}




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
import { ExpressionError } from '../engine/expressions/compile-errors.js';
import { formatExpression } from '../sql/format-expression.js';
import { columnRefs, findExpression, replaceExpression } from '../sql/expression-walk.js';
import type { Compiled, RowScope } from '../engine/expressions/compiled.js';
import type { Evaluator } from '../engine/expressions/compiled.js';
import type * as ast from '../sql/ast.js';
import { BOOLEAN, typeToString } from '../sql/types.js';
import { InputRowScope } from './input-row.js';
import { builtinFunctions } from '../engine/functions/builtins/index.js';
import type { OutputColumn, QueryPlan } from './query-plan.js';

export interface PlanOptions {
  /** A CSAS / INSERT INTO ... SELECT: no pull-query rules, and ksqlDB's sink column rules. */
  readonly persistent?: boolean;
}

export function planSelect(query: ast.Query, catalog: Catalog, options: PlanOptions = {}): QueryPlan {
  refuseUnsupported(query);
  const source = resolveSource(query.from, catalog);
  if (options.persistent) refuseReservedNames(query);
  else if (!query.emit) refusePullPseudoColumns(query);
  const names = [source.name, ...(query.from.alias ? [query.from.alias] : [])];
  const scope = new InputRowScope(source.schema, names);
  const where = query.where ? compileWhere(query.where, scope) : undefined;
  const { projection, columns, explode } = compileProjection(query, source, scope);
  if (explode.length > 0 && source.type === 'TABLE') throw new KsqlStatementError('Table source is not supported with table functions');
  return {
    kind: query.emit ? 'push' : 'pull',
    source,
    scope,
    where,
    projection,
    columns,
    ...(explode.length > 0 ? { explode } : {}),
    limit: query.limit,
    statementText: query.text,
  };
}

function refuseUnsupported(query: ast.Query): void {
  const unsupported: [boolean, string][] = [
    [query.joins.length > 0, 'JOIN'],
    [query.window !== undefined, 'WINDOW'],
    [query.groupBy.length > 0, 'GROUP BY'],
    [query.partitionBy.length > 0, 'PARTITION BY'],
    [query.having !== undefined, 'HAVING'],
  ];
  for (const [present, what] of unsupported) {
    if (present) throw new KsqlStatementError(`${what} is not supported by this server yet.`);
  }
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

function compileWhere(expr: ast.Expression, scope: InputRowScope): Evaluator {
  const c = inClause(() => compileExpression(expr, { scope, clause: 'WHERE' }), (detail) => `Error in WHERE expression: ${detail}\nStatement: ${formatExpression(expr)}`);
  if (c.type !== null && c.type !== BOOLEAN && c.type.kind !== 'BOOLEAN') {
    throw semanticError(expr.loc, `Type error in WHERE expression: Should evaluate to boolean but is ${formatExpression(expr)} (${typeToString(c.type)}) instead.`);
  }
  return c.eval;
}

/** Type errors are reported the way ksqlDB words them for the clause; unknown columns pass as they are. */
export function inClause<T>(compile: () => T, wrap: (detail: string) => string): T {
  try {
    return compile();
  } catch (err) {
    if (err instanceof ExpressionError && err.kind === 'type') throw new KsqlStatementError(wrap(err.detail));
    throw err;
  }
}

function compileProjection(
  query: ast.Query,
  source: DataSource,
  scope: InputRowScope,
): { projection: Evaluator[]; columns: OutputColumn[]; explode: number[] } {
  const projection: Evaluator[] = [];
  const columns: OutputColumn[] = [];
  const explode: number[] = [];
  const nextName = columnAliasGenerator(source.schema.columns.map((c) => c.name));
  for (const item of query.select) {
    if (item.kind === 'AllColumns') {
      source.schema.columns.forEach((c, i) => {
        projection.push((row) => row[i]);
        columns.push({ name: c.name, type: c.type, isKey: c.namespace === 'KEY' });
      });
      continue;
    }
    if (item.expr.kind === 'StructDeref' && item.expr.field === '*') {
      expandStruct(item.expr, scope, projection, columns);
      continue;
    }
    const c = inClause(() => compileItem(item.expr, scope), (detail) => `Invalid Select: ${detail}`);
    if (c.type === null) throw semanticError(item.expr.loc, `Can't determine the type of the expression NULL in SELECT; use CAST.`);
    const name = item.alias ?? implicitName(item.expr) ?? nextName();
    if (findTableFunction(item.expr)) explode.push(projection.length);
    projection.push(c.eval);
    const ref = item.expr.kind === 'ColumnRef' ? source.schema.find(item.expr.name) : undefined;
    columns.push({ name, type: c.type, isKey: ref?.namespace === 'KEY', ...(ref ? { sourceName: ref.name } : {}) });
  }
  rejectDuplicates(columns);
  return { projection, columns, explode };
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

function findTableFunction(expr: ast.Expression): ast.FunctionCall | undefined {
  return findExpression(expr, (e) => e.kind === 'FunctionCall' && builtinFunctions().get(e.name)?.def.table === true) as
    | ast.FunctionCall
    | undefined;
}

/**
 * A select item. One with a table function inside (`EXPLODE(A)->F`) yields a list: the table
 * function's list with the rest of the expression applied to each element through a slot.
 */
function compileItem(expr: ast.Expression, scope: InputRowScope): Compiled {
  const call = findTableFunction(expr);
  const list = call ? compileExpression(call, { scope, clause: 'SELECT' }) : undefined;
  if (!call || !list || call === expr) return compileExpression(expr, { scope, clause: 'SELECT' });
  const slot = { value: undefined as unknown };
  const ELEMENT = '\u0000TABLE_FUNCTION_ELEMENT';
  const elementScope: RowScope = {
    resolve: (source, name) => (source === undefined && name === ELEMENT ? { type: list.type!, read: () => slot.value } : scope.resolve(source, name)),
    describe: () => scope.describe(),
  };
  const rest = compileExpression(replaceExpression(expr, call, { kind: 'ColumnRef', name: ELEMENT }), { scope: elementScope, clause: 'SELECT' });
  return {
    type: rest.type,
    eval: (row) => {
      const items = list.eval(row);
      if (!Array.isArray(items)) return null;
      return items.map((el) => {
        slot.value = el;
        return rest.eval(row);
      });
    },
  };
}

/** KSQL_COL_0, KSQL_COL_1, ... skipping names the source already has (ksqlDB's ColumnNames). */
function columnAliasGenerator(taken: readonly string[]): () => string {
  const used = new Set(taken);
  let n = 0;
  return () => {
    while (used.has(`KSQL_COL_${n}`)) n++;
    return `KSQL_COL_${n++}`;
  };
}

function implicitName(expr: ast.Expression): string | undefined {
  if (expr.kind === 'ColumnRef') return expr.name;
  if (expr.kind === 'StructDeref' && expr.field !== '*') return expr.field;
  return undefined;
}

function rejectDuplicates(columns: readonly OutputColumn[]): void {
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) throw new KsqlStatementError(`Duplicate value columns found in schema: \`${c.name}\` ${typeToString(c.type)}`);
    seen.add(c.name);
  }
}

/**
 * The text of a persistent query as ksqlDB quotes it in the errors its planning raises: the
 * statement after its AstSanitizer, printed by SqlFormatter (src/sql/format-statement.ts). The
 * sanitizer names what the author left implicit:
 *   - every relation gets an alias, its own name when none was written (`FROM TEST TEST`);
 *   - a column reference that exactly one source has (its columns, pseudo columns and, when
 *     windowed, window bounds) is qualified with that source's alias (`TEST.F2`); lambda
 *     parameters stay as they are;
 *   - every select item gets a name, as the planner names the output columns: a column its own
 *     (in a join, `ALIAS_NAME` when several sources have it), a struct field the field's name
 *     numbered past the source columns, anything else KSQL_COL_n;
 *   - the query says EMIT CHANGES, which a persistent query does whether written or not.
 */
import type { DataSource } from '../catalog/source.js';
import type * as ast from '../sql/ast.js';
import { mapColumnRefs } from '../sql/expression-walk.js';
import { formatPersistentStatement } from '../sql/format-statement.js';
import { PSEUDO_COLUMNS, WINDOW_COLUMNS } from './input-row.js';
import { joinColumnName } from './join-sources.js';
import { columnAliasGenerator, selectItemName, structFieldAliases } from './select-columns.js';

interface Aliased {
  readonly alias: string;
  readonly source: DataSource | undefined;
}

export function sanitizedStatementText(
  stmt: ast.CreateAsSelect | ast.InsertInto,
  lookup: (name: string) => DataSource | undefined,
): string {
  return formatPersistentStatement({ ...stmt, query: sanitizedQuery(stmt.query, lookup) });
}

function sanitizedQuery(q: ast.Query, lookup: (name: string) => DataSource | undefined): ast.Query {
  const relations = [q.from, ...q.joins.map((j) => j.right)].map((r) => ({ alias: r.alias ?? r.name, source: lookup(r.name) }));
  const qualify = <T extends ast.Expression>(e: T): T => qualified(e, relations);
  const taken = relations.flatMap((r) => r.source?.schema.columns.map((c) => c.name) ?? []);
  const nextName = columnAliasGenerator(taken);
  const fieldName = structFieldAliases(taken);
  const select = q.select.map((item): ast.SelectItem => {
    if (item.kind === 'AllColumns' || (item.expr.kind === 'StructDeref' && item.expr.field === '*')) return item;
    const expr = qualify(item.expr);
    return { ...item, expr, alias: item.alias ?? itemName(expr, relations, fieldName, nextName) };
  });
  return {
    ...q,
    select,
    from: { ...q.from, alias: relations[0]!.alias },
    joins: q.joins.map((j, i) => ({ ...j, right: { ...j.right, alias: relations[i + 1]!.alias }, on: qualify(j.on) })),
    groupBy: q.groupBy.map(qualify),
    partitionBy: q.partitionBy.map(qualify),
    ...(q.where ? { where: qualify(q.where) } : {}),
    ...(q.having ? { having: qualify(q.having) } : {}),
    emit: q.emit ?? 'CHANGES',
  };
}

function qualified<T extends ast.Expression>(e: T, relations: readonly Aliased[]): T {
  return mapColumnRefs(e, (ref, lambdaParams) => {
    if (ref.source !== undefined || lambdaParams.has(ref.name)) return ref;
    const owners = relations.filter((r) => owns(r.source, ref.name));
    return owners.length === 1 ? { ...ref, source: owners[0]!.alias } : ref;
  });
}

function owns(source: DataSource | undefined, name: string): boolean {
  if (!source) return false;
  if (source.schema.find(name) || PSEUDO_COLUMNS.some((p) => p.name === name)) return true;
  return source.windowType !== undefined && WINDOW_COLUMNS.some((w) => w.name === name);
}

function itemName(expr: ast.Expression, relations: readonly Aliased[], fieldName: (f: string) => string, nextName: () => string): string {
  if (expr.kind === 'ColumnRef' && expr.source !== undefined && relations.length > 1) {
    const clashing = relations.filter((r) => owns(r.source, expr.name)).length > 1;
    return clashing ? joinColumnName(expr.source, expr.name) : expr.name;
  }
  return selectItemName(expr, fieldName, nextName);
}


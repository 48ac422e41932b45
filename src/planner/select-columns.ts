/** Naming and checking of a SELECT's output columns, shared by every kind of query plan. */
import { KsqlStatementError, wordList } from '../errors.js';
import { ExpressionError } from '../engine/expressions/compile-errors.js';
import type * as ast from '../sql/ast.js';
import { mapColumnRefs } from '../sql/expression-walk.js';
import { formatExpression } from '../sql/format-expression.js';
import { typeToString } from '../sql/types.js';
import type { OutputColumn } from './query-plan.js';

/** Type errors are reported the way ksqlDB words them for the clause; unknown columns pass as they are. */
export function inClause<T>(compile: () => T, wrap: (detail: string) => string): T {
  try {
    return compile();
  } catch (err) {
    if (err instanceof ExpressionError && err.kind === 'type') throw new KsqlStatementError(wrap(err.detail));
    throw err;
  }
}

/** KSQL_COL_0, KSQL_COL_1, ... skipping names the source already has (ksqlDB's ColumnNames). */
export function columnAliasGenerator(taken: readonly string[]): () => string {
  const used = new Set(taken);
  let n = 0;
  return () => {
    while (used.has(`KSQL_COL_${n}`)) n++;
    return `KSQL_COL_${n++}`;
  };
}

/**
 * A struct field projected without an alias is named after the field, numbered past the source
 * columns of the same name and the fields named before (ColumnNames' StructFieldAliasGenerator):
 * `itemid->itemid` over a source with an ITEMID column is ITEMID_1.
 */
export function structFieldAliases(taken: readonly string[]): (field: string) => string {
  const used = new Map<string, Set<number>>();
  const split = (name: string): [string, number] => {
    const m = /^(.*?)(?:_(\d+))?$/.exec(name)!;
    return [m[1]!, m[2] === undefined ? 0 : Number(m[2])];
  };
  for (const name of taken) {
    const [base, n] = split(name);
    if (!used.has(base)) used.set(base, new Set());
    used.get(base)!.add(n);
  }
  return (field) => {
    const [base] = split(field);
    const set = used.get(base) ?? new Set<number>();
    used.set(base, set);
    let n = 0;
    while (set.has(n)) n++;
    set.add(n);
    return n === 0 ? base : `${base}_${n}`;
  };
}

/** The name a select item gets without an alias: a column's name or a struct field's. */
export function implicitName(expr: ast.Expression): string | undefined {
  if (expr.kind === 'ColumnRef') return expr.name;
  if (expr.kind === 'StructDeref' && expr.field !== '*') return expr.field;
  return undefined;
}

export function rejectDuplicates(columns: readonly OutputColumn[]): void {
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) throw new KsqlStatementError(`Duplicate value columns found in schema: \`${c.name}\` ${typeToString(c.type)}`);
    seen.add(c.name);
  }
}

/**
 * Expression text with source qualifiers dropped, so that `T.A` and `A` match when a select item
 * is compared with a grouping, partitioning or join expression.
 */
export function canonicalText(e: ast.Expression): string {
  return formatExpression(mapColumnRefs(e, (ref) => (ref.source === undefined ? ref : { ...ref, source: undefined })));
}

/** A persistent query left a grouping or partitioning expression out of its projection. */
export function missingKeyExpressions(sinkName: string, role: 'grouping' | 'partitioning', missing: readonly string[]): KsqlStatementError {
  const noun = missing.length === 1 ? 'expression' : 'expressions';
  return new KsqlStatementError(
    `The query used to build \`${sinkName}\` must include the ${role} ${noun} ${wordList(missing)} in its projection (eg, SELECT ${missing.join(', ')}...).`,
  );
}

/**
 * The name of a select item written without an alias, as ksqlDB's AstSanitizer gives it: a column
 * keeps its name, a struct field is named by `fieldName`, anything else by `nextName` (KSQL_COL_n).
 */
export function selectItemName(expr: ast.Expression, fieldName: (field: string) => string, nextName: () => string): string {
  if (expr.kind === 'ColumnRef') return expr.name;
  if (expr.kind === 'StructDeref' && expr.field !== '*') return fieldName(expr.field);
  return nextName();
}

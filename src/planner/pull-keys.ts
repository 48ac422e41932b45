/**
 * The key a disjunct of a pull query's WHERE clause pins (ksqlDB's QueryFilterNode
 * .KeyValueExtractor): the value each key column is compared with, converted to the column's
 * type as ksqlDB's strict coercion does (numbers widen; a string is never read as a number).
 *
 * Per key column the most selective comparison wins: the first `=`, else the first range
 * comparison. A disjunct pins a key when every key column has an `=`; a single range comparison
 * on a STRING or BYTES key (the types whose serialized order is their order) gives a range.
 */
import type { Column, LogicalSchema } from '../catalog/schema.js';
import { formatJavaDouble } from '../codec/java-double.js';
import { writeJsonValue } from '../codec/json-value-write.js';
import { KsqlStatementError } from '../errors.js';
import { compileExpression } from '../engine/expressions/compile.js';
import type { RowScope } from '../engine/expressions/compiled.js';
import { coerceSqlValue } from '../engine/sql-coerce.js';
import type * as ast from '../sql/ast.js';
import { formatExpression } from '../sql/format-expression.js';
import { typeToString, type SqlType } from '../sql/types.js';
import { asTerm, columnFirstType, keyColumn, type ComparisonType } from './pull-terms.js';
import { conjuncts } from './pull-rewrite.js';

export type KeyOperator = 'EQUAL' | 'LESS_THAN' | 'LESS_THAN_OR_EQUAL' | 'GREATER_THAN' | 'GREATER_THAN_OR_EQUAL';

export interface PinnedKey {
  readonly operator: KeyOperator;
  /** One value per key column, in key order (a range has a single key column). */
  readonly key: readonly unknown[];
}

interface Seen {
  readonly type: ComparisonType;
  readonly value: unknown;
}

/** The key the disjunct pins, or undefined when it needs a table scan. */
export function pinnedKey(disjunct: ast.Expression, schema: LogicalSchema, scope: RowScope): PinnedKey | undefined {
  const seen = new Map<number, Seen>();
  for (const e of conjuncts(disjunct)) {
    const term = asTerm(e);
    const key = term?.column ? keyColumn(schema, term.column.name) : undefined;
    if (!term || !key) continue;
    const value = resolveKey(term.other, key.column, term.node, scope);
    const type = columnFirstType(term);
    const before = seen.get(key.index);
    if (before?.type === 'EQUAL') continue;
    if (type === 'EQUAL' || !before) seen.set(key.index, { type, value });
  }
  return keyOf(seen, schema);
}

function keyOf(seen: ReadonlyMap<number, Seen>, schema: LogicalSchema): PinnedKey | undefined {
  if (seen.size === 0) return undefined;
  const key = schema.key.map((_, i) => seen.get(i)?.value ?? null);
  const types = [...seen.values()].map((s) => s.type);
  if (seen.size > 1) return types.every((t) => t === 'EQUAL') ? { operator: 'EQUAL', key } : undefined;
  const only = seen.values().next().value!;
  if (only.type === 'EQUAL') return { operator: 'EQUAL', key };
  const ordered = schema.key[0]!.type.kind === 'STRING' || schema.key[0]!.type.kind === 'BYTES';
  const ranges: readonly string[] = ['LESS_THAN', 'LESS_THAN_OR_EQUAL', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL'];
  return ordered && ranges.includes(only.type) ? { operator: only.type as KeyOperator, key } : undefined;
}

/** The constant a key column is compared with, in the column's type. */
function resolveKey(other: ast.Expression, column: Column, node: ast.Expression, scope: RowScope): unknown {
  const c = compileExpression(other, { scope, clause: 'WHERE' });
  const value = c.eval([]);
  if (value === null || value === undefined) throw new KsqlStatementError(`Primary key columns can not be NULL: ${formatExpression(node)}`);
  const coerced = coerceSqlValue(value, c.type, column.type);
  if (coerced === undefined || coerced === null) {
    throw new KsqlStatementError(`'${javaText(value, c.type)}' can not be converted to the type of the key column: ${column.name} ${typeToString(column.type)} KEY`);
  }
  return coerced;
}

/** A value as Java's toString prints it, which is how ksqlDB quotes it in messages. */
function javaText(value: unknown, type: SqlType | null): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && type?.kind === 'DOUBLE') return formatJavaDouble(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return writeJsonValue(value);
}

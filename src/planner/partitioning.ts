/**
 * PARTITION BY: the expressions, over the input row, that become a stream's new key (ksqlDB's
 * "PARTITION BY" docs). `PARTITION BY NULL` leaves the stream without key columns.
 */
import { KsqlStatementError } from '../errors.js';
import { compileExpression } from '../engine/expressions/compile.js';
import { ExpressionError } from '../engine/expressions/compile-errors.js';
import type { Evaluator } from '../engine/expressions/compiled.js';
import { formatExpression } from '../sql/format-expression.js';
import type * as ast from '../sql/ast.js';
import type { SqlType } from '../sql/types.js';
import { canonicalText } from './aggregation.js';
import type { InputRowScope } from './input-row.js';
import { inClause } from './select-columns.js';

export interface PartitionKey {
  readonly expr: ast.Expression;
  readonly text: string;
  readonly type: SqlType;
  readonly eval: Evaluator;
}

export interface Partitioning {
  readonly keys: readonly PartitionKey[];
}

export function planPartitioning(query: ast.Query, scope: InputRowScope): Partitioning {
  const exprs = query.partitionBy;
  if (exprs.length === 1 && exprs[0]!.kind === 'Literal' && exprs[0]!.value.type === 'NULL') return { keys: [] };
  return { keys: exprs.map((expr) => compileKey(expr, query, scope)) };
}

function compileKey(expr: ast.Expression, query: ast.Query, scope: InputRowScope): PartitionKey {
  try {
    const c = inClause(() => compileExpression(expr, { scope, clause: 'PARTITION BY' }), (detail) => `Error in PARTITION BY expression: ${detail}`);
    if (c.type === null) throw new KsqlStatementError(`PARTITION BY expression cannot be NULL: ${formatExpression(expr)}`);
    return { expr, text: canonicalText(expr), type: c.type, eval: c.eval };
  } catch (err) {
    throw explainOutputAlias(err, query);
  }
}

/** Naming an output alias in PARTITION BY gets ksqlDB's hint that it applies to the input. */
function explainOutputAlias(err: unknown, query: ast.Query): unknown {
  if (!(err instanceof ExpressionError) || err.kind !== 'resolution') return err;
  const alias = query.select.find((s) => s.kind === 'Expr' && s.alias !== undefined && err.detail.includes(`'${s.alias}'`));
  if (!alias || alias.kind !== 'Expr') return err;
  return new KsqlStatementError(`${err.message} '${alias.alias}' must be a column in the source schema since PARTITION BY is applied on the input.`);
}

/** A persistent query must project every partitioning expression (ksqlDB names them qualified). */
export function requirePartitionKeys(partition: Partitioning, keyColumns: readonly string[], sinkName: string, from: ast.Relation): void {
  if (keyColumns.length >= partition.keys.length) return;
  const qualifier = from.alias ?? from.name;
  const missing = partition.keys.map((k) => formatExpression(qualify(k.expr, qualifier)));
  const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  const noun = missing.length === 1 ? 'expression' : 'expressions';
  throw new KsqlStatementError(
    `The query used to build \`${sinkName}\` must include the partitioning ${noun} ${list} in its projection (eg, SELECT ${missing.join(', ')}...).`,
  );
}

function qualify(e: ast.Expression, source: string): ast.Expression {
  if (e.kind === 'ColumnRef') return e.source === undefined ? { ...e, source } : e;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (Array.isArray(v)) out[k] = v.map((x) => (isNode(x) ? qualify(x, source) : x));
    else out[k] = isNode(v) ? qualify(v, source) : v;
  }
  return out as unknown as ast.Expression;
}

function isNode(v: unknown): v is ast.Expression {
  return v !== null && typeof v === 'object' && typeof (v as { kind?: unknown }).kind === 'string' && (v as { kind: string }).kind !== 'IntervalUnit';
}

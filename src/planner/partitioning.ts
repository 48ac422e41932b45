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
import { mapColumnRefs } from '../sql/expression-walk.js';
import type { InputRowScope } from './input-row.js';
import { canonicalText, inClause, missingKeyExpressions } from './select-columns.js';

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
  throw missingKeyExpressions(sinkName, 'partitioning', missing);
}

function qualify(e: ast.Expression, source: string): ast.Expression {
  return mapColumnRefs(e, (ref, lambdaParams) => (ref.source === undefined && !lambdaParams.has(ref.name) ? { ...ref, source } : ref));
}

/**
 * The terms of a pull query's WHERE clause as ksqlDB's QueryFilterNode sees them: a comparison
 * (IS [NOT] DISTINCT FROM is one too) whose column side is the one that is a bare column
 * reference, the right operand winning when both are.
 */
import type { Column, LogicalSchema } from '../catalog/schema.js';
import type * as ast from '../sql/ast.js';
import { children } from '../sql/expression-walk.js';

/** ksqlDB's ComparisonExpression.Type names. */
export type ComparisonType =
  | 'EQUAL'
  | 'NOT_EQUAL'
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL'
  | 'IS_DISTINCT_FROM'
  | 'IS_NOT_DISTINCT_FROM';

const TYPES: Record<ast.ComparisonOp, ComparisonType> = {
  '=': 'EQUAL',
  '<>': 'NOT_EQUAL',
  '<': 'LESS_THAN',
  '<=': 'LESS_THAN_OR_EQUAL',
  '>': 'GREATER_THAN',
  '>=': 'GREATER_THAN_OR_EQUAL',
};

export interface Term {
  readonly node: ast.Comparison | ast.IsDistinct;
  readonly type: ComparisonType;
  /** The bare column operand, if either operand is one. */
  readonly column?: ast.ColumnRef;
  /** The other operand (the left one when neither is a bare column). */
  readonly other: ast.Expression;
  /** The column is the right operand: `5 < ID` reads as `ID > 5`. */
  readonly columnOnRight: boolean;
}

export function asTerm(e: ast.Expression): Term | undefined {
  if (e.kind !== 'Comparison' && e.kind !== 'IsDistinct') return undefined;
  const type = e.kind === 'Comparison' ? TYPES[e.op] : e.negated ? 'IS_NOT_DISTINCT_FROM' : 'IS_DISTINCT_FROM';
  if (e.right.kind === 'ColumnRef') return { node: e, type, column: e.right, other: e.left, columnOnRight: true };
  if (e.left.kind === 'ColumnRef') return { node: e, type, column: e.left, other: e.right, columnOnRight: false };
  return { node: e, type, other: e.right, columnOnRight: false };
}

/** The comparison read with its column on the left: `5 < ID` is GREATER_THAN. */
export function columnFirstType(term: Term): ComparisonType {
  if (!term.columnOnRight) return term.type;
  const flipped: Partial<Record<ComparisonType, ComparisonType>> = {
    LESS_THAN: 'GREATER_THAN',
    LESS_THAN_OR_EQUAL: 'GREATER_THAN_OR_EQUAL',
    GREATER_THAN: 'LESS_THAN',
    GREATER_THAN_OR_EQUAL: 'LESS_THAN_OR_EQUAL',
  };
  return flipped[term.type] ?? term.type;
}

/** Whether an expression reads any column (lambda parameters are not columns). */
export function readsColumn(e: ast.Expression, bound: ReadonlySet<string> = new Set()): boolean {
  if (e.kind === 'ColumnRef') return e.source !== undefined || !bound.has(e.name);
  if (e.kind === 'Lambda') return readsColumn(e.body, new Set([...bound, ...e.params]));
  return children(e).some((c) => readsColumn(c, bound));
}

export const WINDOW_BOUNDS = new Set(['WINDOWSTART', 'WINDOWEND']);

/** A source key column by name; pseudo and value columns are not keys. */
export function keyColumn(schema: LogicalSchema, name: string): { column: Column; index: number } | undefined {
  const index = schema.key.findIndex((c) => c.name === name);
  return index < 0 ? undefined : { column: schema.key[index]!, index };
}

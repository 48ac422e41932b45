/**
 * Aggregate functions (ksqlDB's UDAFs): COUNT, SUM, AVG, MIN, MAX, COLLECT_LIST, TOPK, ... A call
 * site is resolved once, when the query is planned, against its arguments' types into an
 * Aggregator; the engine then keeps one accumulator per group (and window) and feeds it rows.
 *
 * Arguments: the first `columnArgs` arguments are evaluated for every row; the rest must be
 * literals (ksqlDB's "initial arguments", e.g. the 3 of `TOPK(X, 3)`) and arrive as constants.
 */
import type { SqlType } from '../../sql/types.js';

/** One argument of an aggregate call as the planner sees it. */
export interface AggregateArg {
  /** Null for an untyped NULL literal. */
  readonly type: SqlType | null;
  /** True for a literal (its value is in `value`). */
  readonly literal: boolean;
  readonly value?: unknown;
  /** The argument as written, for messages. */
  readonly text?: string;
}

/**
 * The behaviour of one resolved call. Accumulators may be mutable objects: the engine never
 * shares one between groups, and calls `result` before the next `add` on the same accumulator
 * when it emits, so `result` must return a value that later `add`s do not change (copy arrays
 * and maps).
 */
export interface Aggregator<A = unknown> {
  readonly returnType: SqlType;
  /** The type of the state kept between records, which the sink's value format must be able to hold. */
  readonly intermediateType?: SqlType;
  /** How many leading arguments are per-row values; the rest were constants. */
  readonly columnArgs: number;
  initial(): A;
  /** Adds one row's argument values (`columnArgs` of them, typed as resolved). */
  add(acc: A, args: readonly unknown[]): A;
  /**
   * Removes an earlier `add` of the same values (aggregating a table, when a row changes or is
   * deleted). Absent for functions ksqlDB only allows over streams (MIN, MAX, ...).
   */
  readonly undo?: (acc: A, args: readonly unknown[]) => A;
  /** Combines two accumulators when session windows merge (left is the earlier session). */
  merge(left: A, right: A): A;
  result(acc: A): unknown;
}

export interface AggregateFunctionDef {
  /** Upper-case name, as looked up. */
  readonly name: string;
  readonly description: string;
  /** Human-readable signatures for DESCRIBE FUNCTION, e.g. `COUNT(col1 ANY)`. */
  readonly signatures: readonly { readonly args: string; readonly returns: string; readonly description?: string }[];
  /**
   * Resolves a call; throws a KsqlStatementError worded as ksqlDB words it for an unsupported
   * argument type or a non-literal initial argument.
   */
  resolve(args: readonly AggregateArg[]): Aggregator;
}

/**
 * A compiled expression: its SQL type, known before the query starts, and a closure over the
 * input row. `type` is null only for an untyped NULL literal.
 */
import type { SqlType } from '../../sql/types.js';

export type Row = readonly unknown[];
export type Evaluator = (row: Row) => unknown;

export interface Compiled {
  readonly type: SqlType | null;
  readonly eval: Evaluator;
  /** True when the value never depends on the row (literals and operators over them). */
  readonly constant?: boolean;
}

/** How a column (or a lambda parameter) is read, and its type. */
export interface ResolvedColumn {
  readonly type: SqlType;
  readonly read: Evaluator;
}

/** Where the compiler finds the columns an expression names. */
export interface RowScope {
  resolve(source: string | undefined, name: string): ResolvedColumn | undefined;
  /** Names that a query may use, for error messages. */
  describe(): string;
}

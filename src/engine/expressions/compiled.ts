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

/** Where the compiler finds a column: its index in the input row and its type. */
export interface RowScope {
  resolve(source: string | undefined, name: string): { index: number; type: SqlType } | undefined;
  /** Names that a query may use, for error messages. */
  describe(): string;
}
